// Read a notes folder: every .md/.markdown file below it (and .bib / CSL-JSON .json bibliographies), decoded as strict UTF-8. Files and folders that
// cannot be used become located diagnostics; nothing here throws for content problems.
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { CORRECTIONS_FILE_NAME } from '../links/corrections.js';
import { LEXICON_FILE_NAME } from '../links/index.js';
import type { Diagnostic, NoteFile } from '../types.js';

export { CORRECTIONS_FILE_NAME, LEXICON_FILE_NAME };

/** Notes, and the bibliographies kept beside them (Better BibTeX `.bib`, CSL-JSON `.json`). */
const NOTE_EXTENSION = /\.(md|markdown|bib|json)$/i;
/** Folders that hold tool state, not notes (Obsidian, git, editors, packages). */
const SKIPPED_FOLDER = /^(\.|node_modules$)/;
const READ_CONCURRENCY = 16;

/** Whether a relative path (with `/`) names a note the folder walk would read. */
export function isNotePath(path: string): boolean {
  const parts = path.split('/');
  return NOTE_EXTENSION.test(path) && parts.slice(0, -1).every((part) => !SKIPPED_FOLDER.test(part));
}

export interface ContentRead {
  /** Sorted by path; paths relative to the content folder with `/` separators. */
  files: NoteFile[];
  diagnostics: Diagnostic[];
  /** `papermap.lexicon.toml` at the folder's root, if present and readable. */
  lexicon: { file: string; text: string } | null;
  /** `papermap.corrections.txt` at the folder's root, if present and readable. */
  corrections: { file: string; text: string } | null;
  /** Note files found but not read (binary, not UTF-8, unreadable, duplicates through links). */
  skipped: number;
}

/** The content folder itself is missing or not a folder: nothing can be built. */
export class ContentFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentFolderError';
  }
}

interface Candidate {
  path: string;
  absolute: string;
  /** Real path, to read a file reached through two links only once. */
  real: string;
}

export interface ReadContentOptions {
  /**
   * Follow symbolic links that lead out of the notes folder (default false: such a link is skipped with a
   * `symlink-outside` diagnostic, so a link such as `up -> ..` or `passwd.md -> /etc/passwd` reads nothing).
   */
  followExternalLinks?: boolean | null;
}

export async function readContent(dir: string, options?: ReadContentOptions | null): Promise<ContentRead> {
  const root = await resolveRoot(dir);
  const diagnostics: Diagnostic[] = [];
  const candidates: Candidate[] = [];
  const walker: Walk = { root, followExternalLinks: options?.followExternalLinks ?? false };
  await walk(walker, root, '', new Set([root]), candidates, diagnostics);
  candidates.sort((a, b) => compare(a.path, b.path));

  const seenReal = new Map<string, string>();
  const unique: Candidate[] = [];
  let skipped = 0;
  for (const candidate of candidates) {
    const first = seenReal.get(candidate.real);
    if (first !== undefined) {
      diagnostics.push(
        located(candidate.path, 'file-duplicate-link', 'info', `same file as ${first}; read once`),
      );
      skipped++;
      continue;
    }
    seenReal.set(candidate.real, candidate.path);
    unique.push(candidate);
  }

  const results = await mapLimited(unique, READ_CONCURRENCY, (candidate) =>
    readNote(candidate.absolute, candidate.path),
  );
  const files: NoteFile[] = [];
  for (const result of results) {
    if ('diagnostic' in result) {
      diagnostics.push(result.diagnostic);
      skipped++;
    } else {
      files.push(result.file);
    }
  }

  const readOwn = async (name: string): Promise<{ file: string; text: string } | null> => {
    const own = join(root, name);
    if (!(await isFile(own))) return null;
    const result = await readNote(own, name);
    if ('diagnostic' in result) {
      diagnostics.push(result.diagnostic);
      return null;
    }
    return { file: name, text: result.file.text };
  };
  const lexicon = await readOwn(LEXICON_FILE_NAME);
  const corrections = await readOwn(CORRECTIONS_FILE_NAME);
  return { files, diagnostics, lexicon, corrections, skipped };
}

async function resolveRoot(dir: string): Promise<string> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentFolderError(
      code === 'ENOENT' ? `content folder not found: ${dir}` : `cannot open content folder ${dir}: ${code}`,
    );
  }
  if (!info.isDirectory()) throw new ContentFolderError(`content path is not a folder: ${dir}`);
  return realpath(dir);
}

interface Walk {
  /** Real path of the notes folder. */
  root: string;
  followExternalLinks: boolean;
}

function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function walk(
  walker: Walk,
  absolute: string,
  relative: string,
  ancestors: Set<string>,
  out: Candidate[],
  diagnostics: Diagnostic[],
): Promise<void> {
  let entries;
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    diagnostics.push(
      located(relative || '.', 'folder-unreadable', 'warning', `cannot open folder: ${reason(error)}`),
    );
    return;
  }
  entries.sort((a, b) => compare(a.name, b.name));
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    const full = join(absolute, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let real = full;
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        real = await realpath(full);
      } catch (error) {
        if (NOTE_EXTENSION.test(entry.name)) {
          diagnostics.push(
            located(path, 'symlink-broken', 'warning', `link leads nowhere: ${reason(error)}`),
          );
        }
        continue;
      }
      if (!walker.followExternalLinks && !isInside(walker.root, real)) {
        if (isDirectory || NOTE_EXTENSION.test(entry.name)) {
          diagnostics.push(
            located(
              path,
              'symlink-outside',
              'warning',
              'link leads out of the notes folder; skipped (allow with --follow-external-links)',
            ),
          );
        }
        continue;
      }
    }
    if (isDirectory) {
      if (SKIPPED_FOLDER.test(entry.name)) continue;
      // A link back to a folder we are inside would recurse forever.
      if (ancestors.has(real)) {
        diagnostics.push(located(path, 'symlink-loop', 'info', 'link to a folder that contains it; skipped'));
        continue;
      }
      const inner = new Set(ancestors).add(real);
      await walk(walker, real, path, inner, out, diagnostics);
    } else if (isFile && NOTE_EXTENSION.test(entry.name)) {
      out.push({ path, absolute: full, real });
    } else if (NOTE_EXTENSION.test(entry.name)) {
      // A FIFO would block the read forever; a socket or device is no note either.
      diagnostics.push(
        located(
          path,
          'file-not-regular',
          'warning',
          'not a regular file (a pipe, socket or device); skipped',
        ),
      );
    }
  }
}

type NoteRead = { file: NoteFile } | { diagnostic: Diagnostic };

/**
 * Read one note named by its path inside the notes folder (after a change event), with the folder walk's
 * checks: a link out of the folder and a file that is not a regular file are diagnostics, not reads.
 * A missing file gives a `file-unreadable` diagnostic whose message ends with ENOENT.
 */
export async function readNoteIn(
  dir: string,
  path: string,
  options?: ReadContentOptions | null,
): Promise<NoteRead> {
  const absolute = join(dir, ...path.split('/'));
  let info;
  try {
    info = await stat(absolute);
    if (!options?.followExternalLinks && !isInside(await realpath(dir), await realpath(absolute))) {
      return {
        diagnostic: located(
          path,
          'symlink-outside',
          'warning',
          'link leads out of the notes folder; skipped (allow with --follow-external-links)',
        ),
      };
    }
  } catch (error) {
    return { diagnostic: located(path, 'file-unreadable', 'error', `cannot read file: ${reason(error)}`) };
  }
  if (!info.isFile()) {
    return {
      diagnostic: located(
        path,
        'file-not-regular',
        'warning',
        'not a regular file (a pipe, socket or device); skipped',
      ),
    };
  }
  return readNote(absolute, path);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Read one note; binary, non-UTF-8 and unreadable files give a diagnostic instead. */
export async function readNote(absolute: string, path: string): Promise<NoteRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    return { diagnostic: located(path, 'file-unreadable', 'error', `cannot read file: ${reason(error)}`) };
  }
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return {
      diagnostic: located(path, 'file-not-utf8', 'warning', 'UTF-16 text; save it as UTF-8 to include it'),
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = positionOf(lenientUtf8.decode(bytes.subarray(0, nul)));
    return {
      diagnostic: {
        ...located(path, 'file-binary', 'warning', 'binary file (NUL byte); skipped'),
        line,
        column,
      },
    };
  }
  try {
    return { file: { path, text: utf8.decode(bytes) } };
  } catch {
    const text = lenientUtf8.decode(bytes);
    const { line, column } = positionOf(text.slice(0, Math.max(0, text.indexOf('\ufffd'))));
    return {
      diagnostic: {
        ...located(
          path,
          'file-not-utf8',
          'warning',
          'not valid UTF-8 (first bad byte here); save it as UTF-8',
        ),
        line,
        column,
      },
    };
  }
}

/** 1-based line and column just after `before`. */
function positionOf(before: string): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { line, column: before.length - lastBreak };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile() || (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function located(file: string, rule: string, severity: Diagnostic['severity'], message: string): Diagnostic {
  return { rule, severity, file, line: 1, column: 1, message };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
