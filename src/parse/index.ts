// Notes -> paper records. Pure: no I/O.
//
//   parseFile        one note -> FileParse (front matter, entries, per-file diagnostics); JSON data, cacheable
//   startFile, collectChunk, finishFile   parseFile in three steps: a big note's Markdown chunks can be read
//                    apart (on worker threads) and joined in order, giving parseFile's result
//   mergeFileParses  FileParse[] -> ParseResult (same paper merged across places, cited-only papers, stats)
//   parseNotes       mergeFileParses(files.map(parseFile))
import type { Diagnostic, NoteFile, ParseResult } from '../types.js';
import { analyse, type FileContext } from './analyse.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { collectLines, linkArxivRef, type Line, type LineLink } from './lines.js';
import { LIBRARY_FILE, parseLibrary } from './library.js';
import { mergeFileParses, type MergeOptions } from './merge.js';
import { citekeyMentions, findNoteLinks, noteName, readNote } from './paper-note.js';
import { findArxivRefs, findUrls, linkKind } from './patterns.js';
import { prepare, splitLines, type Prepared } from './prepare.js';
import { segment } from './segment.js';
import { isTrivialLinkText } from './text.js';
import { DEFAULT_PARSE_OPTIONS, type Cite, type FileParse, type ParseOptions } from './types.js';

export { mergeFileParses, titleId, type MergeOptions } from './merge.js';
export { DEFAULT_PARSE_OPTIONS } from './types.js';
export type { Cite, FileEntry, FileParse, ParseOptions } from './types.js';
export type { Line } from './lines.js';

const TABLE_DELIMITER = /^\s{0,3}\|?\s{0,8}:?-{1,}:?\s{0,8}\|/m;

function resolveOptions(options: ParseOptions | null | undefined): Required<ParseOptions> {
  return { ...DEFAULT_PARSE_OPTIONS, ...(options ?? {}) };
}

/** Links and arXiv ids in the part of an over-long line that was cut before Markdown parsing. */
function overflowLinks(rest: string): LineLink[] {
  const links: LineLink[] = [];
  for (const m of rest.matchAll(/\[([^[\]\n]{0,300})\]\(([^()\s]{1,2000})\)/g)) {
    links.push({
      label: m[1]!.replace(/[*_`]/g, '').trim(),
      url: m[2]!,
      at: -1,
      bare: false,
      kind: linkKind(m[2]!),
    });
  }
  for (const hit of findUrls(rest)) {
    if (!links.some((l) => l.url === hit.url))
      links.push({ label: '', url: hit.url, at: -1, bare: true, kind: linkKind(hit.url) });
  }
  for (const ref of findArxivRefs(rest)) {
    if (ref.invalid) continue;
    const url = `https://arxiv.org/abs/${ref.id}`;
    if (!links.some((l) => findArxivRefs(l.url)[0]?.id === ref.id))
      links.push({ label: '', url, at: -1, bare: true, kind: linkKind(url) });
  }
  return links;
}

/** Parse one note. Never throws on content: problems come back as located diagnostics. */
export function parseFile(file: NoteFile, options?: ParseOptions | null): FileParse {
  const started = startFile(file, options);
  if (!isFileStart(started)) return started;
  const collected: Line[] = [];
  try {
    for (const chunk of started.chunks) collectChunk(chunk, collected);
  } catch (error) {
    return failed(started.result, error);
  }
  return finishFile(started, collected);
}

/**
 * One chunk of a note's Markdown with where it sits (see `prepare`): read apart from the other chunks, so a big
 * note's chunks can be read on several threads. Plain JSON data.
 */
export interface ChunkSource {
  source: string;
  tables: boolean;
  offset: number;
  start: number;
}

/** A note read up to its Markdown: `collectChunk` each chunk (in any order, anywhere), then `finishFile`. */
export interface FileStart {
  readonly file: NoteFile;
  readonly chunks: readonly ChunkSource[];
  readonly result: FileParse;
  readonly fm: FrontMatter;
  readonly noteLines: string[];
  readonly prepared: Prepared;
  readonly maxLineLength: number;
}

export function isFileStart(value: FileParse | FileStart): value is FileStart {
  return 'chunks' in value;
}

/** `parseFile` up to the Markdown parsing: the finished parse when there is nothing to parse (or it failed). */
export function startFile(file: NoteFile, options?: ParseOptions | null): FileParse | FileStart {
  if (LIBRARY_FILE.test(file.path)) return parseLibrary(file);
  const opts = resolveOptions(options);
  const diagnostics: Diagnostic[] = [];
  const result: FileParse = { file: file.path, tags: [], entries: [], cites: [], diagnostics };
  try {
    const lines = splitLines(file.text, file.path, diagnostics);
    const fm = readFrontMatter(lines, file.path, diagnostics);
    result.tags = fm.tags;
    // The raw lines, front matter kept in place (blank), for reading the note as one work.
    const noteLines = lines.slice();
    for (let i = 0; i < fm.lines; i++) noteLines[i] = '';
    for (let i = 0; i < fm.lines; i++) lines[i] = '';
    if (lines.every((l) => l.trim() === '')) {
      if (fm.lines > 0 && readAsNote(result, file, noteLines, fm)) return result;
      diagnostics.push({
        rule: 'file-empty',
        severity: 'info',
        file: file.path,
        line: Math.max(1, fm.lines),
        column: 1,
        message: fm.lines > 0 ? 'file has front matter but no notes' : 'file is empty',
      });
      return result;
    }
    const prepared = prepare(
      lines,
      fm.lines,
      file.path,
      {
        maxLineLength: opts.maxLineLength,
        maxNesting: opts.maxNesting,
        maxIndent: opts.maxNesting * 4,
        chunkChars: opts.chunkChars,
        maxBlockChars: opts.maxBlockChars,
      },
      diagnostics,
    );
    const chunks: ChunkSource[] = [];
    for (const chunk of prepared.chunks) {
      const body = [...chunk.prefix, ...prepared.lines.slice(chunk.start, chunk.end)];
      // A chunk cut inside an indented run (a forced cut in a deep list) would start as an indented code block:
      // dedent that first run so its items are still read as text.
      if (chunk.start > prepared.chunks[0]!.start && /^[ \t]/.test(body[chunk.prefix.length] ?? '')) {
        let k = chunk.prefix.length;
        let indent = Infinity;
        for (let j = k; j < body.length && body[j]!.trim() !== ''; j++)
          indent = Math.min(indent, /^[ \t]*/.exec(body[j]!)![0].length);
        for (; k < body.length && body[k]!.trim() !== ''; k++) body[k] = body[k]!.slice(indent);
      }
      const source = body.join('\n');
      chunks.push({
        source,
        tables: TABLE_DELIMITER.test(source),
        offset: chunk.start - chunk.prefix.length,
        start: chunk.start,
      });
    }
    return { file, chunks, result, fm, noteLines, prepared, maxLineLength: opts.maxLineLength };
  } catch (error) {
    return failed(result, error);
  }
}

/** Read one chunk's Markdown into lines, appended to `out` (a chunk's lines depend on nothing else). */
export function collectChunk(chunk: ChunkSource, out: Line[] = []): Line[] {
  collectLines(chunk.source, chunk.tables, chunk.offset, chunk.start, out);
  return out;
}

/** The rest of `parseFile`, from every chunk's lines in chunk order. */
export function finishFile(started: FileStart, collected: Line[]): FileParse {
  const { file, result, fm, noteLines, prepared } = started;
  const diagnostics = result.diagnostics;
  try {
    if (prepared.overflow.size > 0) {
      for (const [lineNo, rest] of prepared.overflow) {
        const links = overflowLinks(rest);
        if (links.length === 0) continue;
        const host = collected.find((l) => l.line === lineNo && l.kind !== 'code');
        if (host) host.links.push(...links);
        else {
          collected.push({
            line: lineNo,
            column: started.maxLineLength + 1,
            kind: 'para',
            text: '',
            links,
            depth: 0,
            first: false,
            item: false,
            listDepth: 0,
            ordered: false,
            quoteDepth: 0,
            bold: false,
          });
        }
      }
      collected.sort((a, b) => a.line - b.line);
    }
    const { entries, orphans } = segment(collected, fm.title, prepared.lines.length);
    const ctx: FileContext = {
      file: file.path,
      raw: prepared.lines,
      ...(fm.date ? { defaultDate: fm.date } : {}),
      tags: fm.tags,
      diagnostics,
    };
    for (const raw of entries) result.entries.push(...analyse(raw, ctx));
    const orphanCites: Cite[] = [];
    for (const { line, topicPath } of orphans) {
      for (const link of line.links) {
        const ref = linkArxivRef(link);
        if (ref && !ref.invalid && !orphanCites.some((c) => c.arxiv === ref.id && c.line === line.line)) {
          orphanCites.push({
            arxiv: ref.id,
            line: line.line,
            topicPath,
            ...(!isTrivialLinkText(link.label, link.url) ? { title: link.label } : {}),
          });
        }
      }
      for (const ref of findArxivRefs(line.text)) {
        if (!ref.invalid && !orphanCites.some((c) => c.arxiv === ref.id && c.line === line.line))
          orphanCites.push({ arxiv: ref.id, line: line.line, topicPath });
      }
    }
    result.cites = orphanCites;
    readAsNote(result, file, noteLines, fm);
    if (
      result.entries.length === 0 &&
      result.cites.length === 0 &&
      !result.hub &&
      !result.citekeys &&
      !diagnostics.some((d) => d.rule.startsWith('entry-'))
    ) {
      // Honest accounting: a note that gave nothing says so, with what was looked for.
      diagnostics.push({
        rule: 'note-without-works',
        severity: 'info',
        file: file.path,
        line: Math.max(1, fm.lines + 1),
        column: 1,
        message:
          'no paper or other work found in this note: no arXiv / DOI / paper link, no list item or table row with a link, no title field, and no front matter describing a work',
      });
    }
  } catch (error) {
    return failed(result, error);
  }
  return result;
}

/** The parse of a note one of whose chunks failed to read (what `parseFile` gives then). */
export function failedFile(started: FileStart, error: unknown): FileParse {
  return failed(started.result, error);
}

/**
 * The diagnostic for a note the parser threw on as a whole (no parse to keep): the other notes still build.
 * Used by every build path, on the main thread and in the parse workers.
 */
export function parserCrashed(file: string, error: unknown): Diagnostic {
  return {
    rule: 'parser-crashed',
    severity: 'error',
    file,
    line: 1,
    column: 1,
    message: `the parser failed on this file: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** A parser bug must not take the build down: report it against the file and keep what was found. */
function failed(result: FileParse, error: unknown): FileParse {
  result.diagnostics.push({
    rule: 'parser-error',
    severity: 'error',
    file: result.file,
    line: 1,
    column: 1,
    message: `papermap/parse: internal error while reading this file (${String((error as Error)?.message ?? error).slice(0, 200)}); entries found before it are kept`,
  });
  return result;
}

/**
 * One note as one work, a reading note or a hub page (see paper-note.ts); else the digest reader's entries stand.
 * Also records the file's note name, its links to other notes and its citekey mentions. Whether it read the note
 * as something of its own.
 */
function readAsNote(
  result: FileParse,
  file: NoteFile,
  lines: string[],
  fm: ReturnType<typeof readFrontMatter>,
): boolean {
  result.note = noteName(file.path);
  const reading = readNote({
    file: file.path,
    lines,
    fm,
    entries: result.entries,
    diagnostics: result.diagnostics,
  });
  if (reading.kind === 'work' || reading.kind === 'join') {
    result.entries = [reading.entry];
    result.cites = [];
    // The digest reader's entries are gone, and with them what it had to say about them.
    const kept = result.diagnostics.filter((d) => !d.rule.startsWith('entry-'));
    result.diagnostics.splice(0, result.diagnostics.length, ...kept);
  } else {
    if (reading.kind === 'hub') {
      result.hub = reading.hub;
      result.diagnostics.push({
        rule: 'note-hub',
        severity: 'info',
        file: file.path,
        line: 1,
        column: 1,
        message: `${reading.hub.kind === 'author' ? 'an author' : reading.hub.kind === 'concept' ? 'a keyword or tag' : reading.hub.kind === 'date' ? 'a date' : 'an index'} page ("${reading.hub.name.slice(0, 60)}"), not a work: links to it name ${reading.hub.kind === 'author' ? 'an author' : reading.hub.kind === 'concept' ? 'a concept' : 'no work'}`,
      });
    }
    if (file.text.includes('[[') || /\]\([^()]{0,300}\.md/i.test(file.text)) {
      const links = findNoteLinks(lines, fm.lines);
      if (links.length > 0) result.noteLinks = links;
    }
  }
  if (file.text.includes('@') || file.text.includes('[[')) {
    const own = result.entries.length === 1 ? result.entries[0]!.ids?.citekey : undefined;
    const mentions = citekeyMentions(lines, fm.lines).filter((m) => m.citekey !== own);
    if (mentions.length > 0) result.citekeys = mentions;
  }
  return reading.kind !== 'none';
}

/** Parse every note and merge the same paper seen in several places. Never throws on content. */
export function parseNotes(
  files: readonly NoteFile[],
  options?: ParseOptions | null,
  merge?: MergeOptions | null,
): ParseResult {
  return mergeFileParses(
    files.map((f) => parseFile(f, options)),
    merge,
  );
}
