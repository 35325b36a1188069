// The parser's per-file result: plain JSON data, so a build can cache it by the file's content hash.
import type { Diagnostic, Link, TextSpan } from '../types.js';

/** An arXiv id mentioned inside an entry (or outside every entry) that is not that entry's own paper. */
export interface Cite {
  arxiv: string;
  /** 1-based line of the mention. */
  line: number;
  /** Link text naming the paper, when the mention had one. */
  title?: string;
  /** Heading path at the mention. */
  topicPath?: string[];
}

/** One paper as one place in one file describes it (before merging across places). */
export interface FileEntry {
  /** 1-based line where the entry starts. */
  line: number;
  arxiv?: string;
  title: string;
  altTitles: string[];
  label: string;
  /** The label is a real short name (`CoVo`), not a shortened title. */
  named: boolean;
  date?: string;
  published?: string;
  authors: string[];
  topicPath: string[];
  summary: string;
  links: Link[];
  text: TextSpan[];
  cites: Cite[];
}

export interface FileParse {
  /** Path relative to the content folder, `/` separators. */
  file: string;
  /** File-level tags/categories from front matter. */
  tags: string[];
  entries: FileEntry[];
  /** arXiv ids mentioned outside every entry. */
  cites: Cite[];
  diagnostics: Diagnostic[];
}

/** Options, typed `T | null | undefined` and merged over `DEFAULT_PARSE_OPTIONS`. */
export interface ParseOptions {
  /** Lines longer than this are cut before Markdown parsing (the rest is scanned for links). */
  maxLineLength?: number;
  /** Deeper list/quote nesting is flattened before Markdown parsing. */
  maxNesting?: number;
  /** Files are parsed in chunks of about this many characters, cut at blank-line boundaries. */
  chunkChars?: number;
  /**
   * A block (paragraph, list, table) longer than this without a blank line is parsed in pieces, cut at a line that
   * starts at column 0 (or anywhere past four times this): Markdown inline parsing is quadratic in a block's size.
   */
  maxBlockChars?: number;
}

export const DEFAULT_PARSE_OPTIONS: Required<ParseOptions> = {
  maxLineLength: 5000,
  maxNesting: 24,
  chunkChars: 16_000,
  maxBlockChars: 4000,
};
