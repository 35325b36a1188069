// Incremental case: a warm builder over the corpus; edit one note; time until the new graph is ready.
// Adapts to src/pipeline.ts's createBuilder (see docs/readme/bench.md); reports what it could not drive.
import type { NoteFile } from '../src/types.js';

export interface IncrementalResult {
  unavailable?: string;
  coldMs?: number;
  editsMs?: number[];
  api?: string;
}

export async function runIncremental(
  _createBuilder: unknown,
  _files: readonly NoteFile[],
  _edits: number,
): Promise<IncrementalResult> {
  return { unavailable: 'createBuilder not wired yet' };
}
