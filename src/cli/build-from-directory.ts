// Folder of notes -> graph + report + timings, without writing anything. Used by build:graph, the dev
// server, build-site and the benchmarks.
import { createBuilder, type Builder, type BuilderChanges, type StageTimings } from '../pipeline.js';
import type { Diagnostic, NoteFile, SerializedGraph } from '../types.js';
import { isNotePath, LEXICON_FILE_NAME, readContent, readNoteIn } from './read-content.js';
import { makeReport, type BuildReport } from './report.js';

export interface BuildFromDirectoryOptions {
  /** Layout and Louvain seed. Default 1. */
  seed?: number | null;
  /** Run ForceAtlas2 (default true). */
  layout?: boolean | null;
  /**
   * A long-lived builder (from `createBuilder`) to reuse parses and the previous layout across builds.
   * Without one, every call builds from scratch (deterministic bytes).
   */
  builder?: Builder | null;
  /**
   * With `builder`: only these paths (relative to the folder, `/` separators) changed since the last call;
   * they are read again (a missing one counts as deleted) and nothing else is read.
   */
  changed?: readonly string[] | null;
  /** Follow symbolic links that lead out of the folder (default false: skipped with a diagnostic). */
  followExternalLinks?: boolean | null;
}

export interface BuildFromDirectoryResult {
  graph: SerializedGraph;
  report: BuildReport;
  /** Milliseconds: reading the folder, then each pipeline stage. */
  timings: StageTimings & { read: number };
}

/**
 * Build the graph of every note under `dir`. Throws `ContentFolderError` only when `dir` itself is missing or
 * not a folder; every problem inside it is a diagnostic in the report and the graph.
 */
export async function buildFromDirectory(
  dir: string,
  options?: BuildFromDirectoryOptions | null,
): Promise<BuildFromDirectoryResult> {
  const builder =
    options?.builder ??
    // A one-shot build has no next build to be warm for: skip the incremental bookkeeping.
    createBuilder({ seed: options?.seed ?? null, layout: options?.layout ?? null, incremental: false });
  const started = performance.now();
  let filesRead: number;
  let filesSkipped: number;
  if (options?.builder && options.changed) {
    const changed: NoteFile[] = [];
    const removed: string[] = [];
    const failed: Diagnostic[] = [];
    let lexicon: BuilderChanges['lexicon'];
    for (const path of options.changed) {
      const isLexicon = path === LEXICON_FILE_NAME;
      if (!isLexicon && !isNotePath(path)) continue;
      const result = await readNoteIn(dir, path, options);
      const gone = 'diagnostic' in result && result.diagnostic.message.endsWith('ENOENT');
      if (isLexicon) {
        if ('file' in result) lexicon = { file: path, text: result.file.text };
        else if (gone) lexicon = null;
        else failed.push(result.diagnostic);
      } else if ('file' in result) changed.push(result.file);
      else if (gone) removed.push(path);
      else failed.push(result.diagnostic);
    }
    builder.update({ changed, removed, failed, ...(lexicon !== undefined ? { lexicon } : {}) });
    filesRead = builder.paths().length;
    filesSkipped = 0;
  } else {
    const content = await readContent(dir, options);
    builder.update({
      changed: content.files,
      failed: content.diagnostics,
      lexicon: content.lexicon,
      replaceAll: true,
    });
    filesRead = content.files.length;
    filesSkipped = content.skipped;
  }
  const read = performance.now() - started;
  const result = builder.build();
  return {
    graph: result.graph,
    report: makeReport(dir, result.graph, { filesRead, filesSkipped }),
    timings: { read, ...result.timings },
  };
}
