// The I/O side of papermap: reading a notes folder, building from it, reporting, writing atomically.
export {
  buildFromDirectory,
  type BuildFromDirectoryOptions,
  type BuildFromDirectoryResult,
} from './build-from-directory.js';
export {
  ContentFolderError,
  CORRECTIONS_FILE_NAME,
  isNotePath,
  LEXICON_FILE_NAME,
  readContent,
  readNote,
  type ContentRead,
} from './read-content.js';
export { formatDiagnostic, formatReport, isUnplacedEntry, makeReport, type BuildReport } from './report.js';
export { writeFileAtomic } from './write-atomic.js';
export {
  createBuilder,
  type Builder,
  type BuilderChanges,
  type BuildResult,
  type StageTimings,
} from '../pipeline.js';
