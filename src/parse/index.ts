// Notes -> paper records. Pure: no I/O.
import type { NoteFile, ParseResult } from '../types.js';

export interface ParseOptions {
  /** Reserved for bounds on pathological input (long lines, deep nesting). */
  maxLineLength?: number;
}

/** Parse every note and merge the same paper seen in several places. Never throws on content. */
export function parseNotes(_files: readonly NoteFile[], _options?: ParseOptions | null): ParseResult {
  throw new Error('papermap/parse: not implemented yet');
}
