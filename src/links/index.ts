// Paper records -> concepts and typed edges with evidence. Pure: no I/O.
import type { LinkResult, PaperRecord } from '../types.js';

export interface LinkOptions {
  /** Text of the user's own lexicon file from the content folder (format documented in README), if any. */
  userLexicon?: { file: string; text: string } | null;
}

export function findLinks(_papers: readonly PaperRecord[], _options?: LinkOptions | null): LinkResult {
  throw new Error('papermap/links: not implemented yet');
}
