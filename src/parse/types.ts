// The parser's per-file result: plain JSON data, so a build can cache it by the file's content hash.
import type { Diagnostic, Link, TextSpan, WorkIds, WorkKind } from '../types.js';

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
  /** Identifiers beyond arXiv (DOI lower-cased, citekey, OpenReview forum id, ACL Anthology id, S2 id). */
  ids?: WorkIds;
  /**
   * Names of the notes this entry is (lower-cased file names without extension): a paper note's own name, and
   * the literature note a reading note points at. Entries sharing a name are one work.
   */
  notes?: string[];
  /** A reading note that only points at a literature note: it joins that work and is never a work alone. */
  joinOnly?: boolean;
  /** The title is a last resort (file name, humanised citekey): any other source of a title wins over it. */
  weakTitle?: boolean;
  venue?: string;
  itemType?: string;
  /** What the work is when it is not a paper (a blog post, a book, a repository …). */
  workKind?: WorkKind;
  /** Publication date at the precision known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  issued?: string;
  /** `[[wikilinks]]` and relative markdown links to other notes, resolved across files by the merge. */
  noteLinks?: NoteLinkRef[];
}

export interface NoteLinkRef {
  /** The link target as written, without alias and heading (`Attention Is All You Need`, `authors/Jane Doe`). */
  target: string;
  /**
   * The part after `|`: Obsidian's alias (`[[target|alias]]`), but Dendron's target (`[[Jane Doe | tags.author.J-Doe]]`):
   * it is tried as the target when the first part names no note.
   */
  alias?: string;
  line: number;
  /** The sentence (or line) around the link, for the edge's evidence and its type cue. */
  text: string;
}

/** A file that is not a paper but a page about something else: an author, a keyword or tag, a date, an index. */
export interface HubPage {
  kind: 'author' | 'concept' | 'date' | 'index';
  /** The name the page stands for (its title or file name). */
  name: string;
}

/** One item of a bibliography file beside the notes (.bib, CSL-JSON), by citekey. */
export interface LibraryItem {
  citekey: string;
  line: number;
  title: string;
  authors: string[];
  issued?: string;
  venue?: string;
  itemType?: string;
  abstract?: string;
  arxiv?: string;
  ids: WorkIds;
}

/** A `@citekey` or `[[citekey]]` mention outside every entry (a reading log), drawn from the library. */
export interface CitekeyMention {
  citekey: string;
  line: number;
  topicPath: string[];
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
  /** Set when the file is a hub page (author, keyword, date, index): it yields no work of its own. */
  hub?: HubPage;
  /** The file's name as a note name (lower-cased, no extension), for wikilinks. */
  note?: string;
  /** Items of a bibliography file (`.bib`, CSL-JSON); such a file has no entries. */
  library?: LibraryItem[];
  /** Citekeys mentioned outside every entry. */
  citekeys?: CitekeyMention[];
  /** Note links outside every entry (a hub's or an index's links), resolved only to report them. */
  noteLinks?: NoteLinkRef[];
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
