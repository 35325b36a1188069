// Before Markdown parsing: normalise line endings, cut what would make the Markdown parser slow (over-long lines,
// over-deep nesting, giant paragraphs), and split big files into independent chunks at safe boundaries.
// Line numbers never move: every transformation keeps one output line per input line.
import type { Diagnostic } from '../types.js';

export interface PrepareLimits {
  maxLineLength: number;
  maxNesting: number;
  maxIndent: number;
  chunkChars: number;
  maxBlockChars: number;
}

export interface Chunk {
  /** 0-based index of the first line of the chunk. */
  start: number;
  /** 0-based index one past the last line. */
  end: number;
  /** Synthetic lines parsed before the chunk (a table header repeated after a forced cut). */
  prefix: string[];
}

export interface Prepared {
  lines: string[];
  /** Remainders cut from over-long lines, by 1-based line number, for a line-based scan. */
  overflow: Map<number, string>;
  chunks: Chunk[];
}

/** Split into lines on `\n`, `\r\n` or `\r`, dropping a BOM. Reports mixed line endings once. */
export function splitLines(text: string, file: string, diagnostics: Diagnostic[]): string[] {
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  const lines = body.split(/\r\n|\r|\n/);
  if (body.includes('\r')) {
    // Report the first line whose ending differs from the first line's.
    const endings = body.match(/\r\n|\r|\n/g) ?? [];
    const first = endings[0];
    const odd = endings.findIndex((e) => e !== first);
    if (odd > 0) {
      diagnostics.push({
        rule: 'mixed-line-endings',
        severity: 'info',
        file,
        line: odd + 1,
        column: 1,
        message: 'file mixes CRLF, LF or CR line endings; read as if all were LF',
      });
    }
  }
  return lines;
}

/** Clamp a line's container prefix (indentation, `>`, list markers) to the nesting bound. */
function clampNesting(line: string, limits: PrepareLimits): string | undefined {
  let i = 0;
  let width = 0;
  let markers = 0;
  let cut = -1;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ') {
      width++;
      i++;
    } else if (ch === '\t') {
      width += 4 - (width % 4);
      i++;
    } else if (ch === '>') {
      markers++;
      width++;
      i++;
    } else if ((ch === '-' || ch === '*' || ch === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
      markers++;
      width++;
      i++;
    } else if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < line.length && j - i < 9 && line[j]! >= '0' && line[j]! <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && (line[j + 1] === ' ' || line[j + 1] === '\t')) {
        markers++;
        width += j + 1 - i;
        i = j + 1;
      } else break;
    } else break;
    if (cut < 0 && (markers > limits.maxNesting || width > limits.maxIndent)) cut = i - 1;
  }
  if (cut < 0) return undefined;
  return `${line.slice(0, Math.max(0, cut))} ${line.slice(i)}`;
}

const FENCE = /^[ \t>]{0,40}?(`{3,}|~{3,})/;

/**
 * Bound the work per file. Over-long lines are cut (the remainder kept in `overflow` for a line scan), over-deep
 * nesting is flattened, and the file is split into chunks of about `chunkChars` at blank-line boundaries outside
 * code fences (a runaway paragraph is cut at `maxBlockChars`).
 */
export function prepare(
  lines: string[],
  firstBodyLine: number,
  file: string,
  limits: PrepareLimits,
  diagnostics: Diagnostic[],
): Prepared {
  const overflow = new Map<number, string>();
  let longLines = 0;
  let deepLines = 0;
  let firstDeep = 1;
  for (let i = firstBodyLine; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.length > limits.maxLineLength) {
      // Keep whole surrogate pairs.
      let cutAt = limits.maxLineLength;
      const code = line.charCodeAt(cutAt - 1);
      if (code >= 0xd800 && code <= 0xdbff) cutAt--;
      overflow.set(i + 1, line.slice(cutAt));
      if (longLines === 0) {
        diagnostics.push({
          rule: 'line-too-long',
          severity: 'warning',
          file,
          line: i + 1,
          column: cutAt + 1,
          message: `line is ${line.length} characters long; Markdown formatting after column ${cutAt} is ignored (links and arXiv ids there are still read)`,
        });
      }
      longLines++;
      line = line.slice(0, cutAt);
    }
    if (line.length > limits.maxIndent) {
      const clamped = clampNesting(line, limits);
      if (clamped !== undefined) {
        if (deepLines === 0) {
          firstDeep = i + 1;
          diagnostics.push({
            rule: 'nesting-too-deep',
            severity: 'warning',
            file,
            line: i + 1,
            column: 1,
            message: `lists or quotes nested deeper than ${limits.maxNesting} levels are flattened from here on`,
          });
        }
        deepLines++;
        line = clamped;
      }
    }
    lines[i] = line;
  }
  if (longLines > 1) {
    diagnostics.push({
      rule: 'line-too-long',
      severity: 'info',
      file,
      line: [...overflow.keys()][0]!,
      column: 1,
      message: `${longLines} lines in this file were longer than ${limits.maxLineLength} characters and were cut`,
    });
  }
  if (deepLines > 1) {
    diagnostics.push({
      rule: 'nesting-too-deep',
      severity: 'info',
      file,
      line: firstDeep,
      column: 1,
      message: `${deepLines} lines had their nesting flattened`,
    });
  }
  defangDenseBlocks(lines, firstBodyLine, limits, overflow, file, diagnostics);
  return { lines, overflow, chunks: chunkLines(lines, firstBodyLine, limits, file, diagnostics) };
}

const MARKUP = /[[\]()*_`~\\]/g;

/**
 * Blocks (runs of non-blank lines) longer than `maxBlockChars` that are dense with inline markup (`[a](b) **x**`
 * repeated) cost the Markdown parser far more per byte than prose. Such lines are parsed with their markup blanked
 * out (text and timestamps stay in place); their links and arXiv ids are read from the original line by a scan.
 */
function defangDenseBlocks(
  lines: string[],
  first: number,
  limits: PrepareLimits,
  overflow: Map<number, string>,
  file: string,
  diagnostics: Diagnostic[],
): void {
  let runStart = first;
  let size = 0;
  let markup = 0;
  let reported = false;
  const flush = (end: number) => {
    if (size > limits.maxBlockChars && markup > size * 0.12) {
      if (!reported) {
        diagnostics.push({
          rule: 'markup-too-dense',
          severity: 'warning',
          file,
          line: runStart + 1,
          column: 1,
          message: `a ${size}-character block dense with links/emphasis is read as plain text (links and arXiv ids in it are still found)`,
        });
        reported = true;
      }
      for (let i = runStart; i < end; i++) {
        const original = lines[i]!;
        if (!overflow.has(i + 1)) overflow.set(i + 1, original);
        else overflow.set(i + 1, original + ' ' + overflow.get(i + 1)!);
        lines[i] = original.replace(MARKUP, ' ');
      }
    }
  };
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flush(i);
      runStart = i + 1;
      size = 0;
      markup = 0;
      continue;
    }
    size += line.length + 1;
    MARKUP.lastIndex = 0;
    markup += (line.match(MARKUP) ?? []).length;
  }
  flush(lines.length);
}

function isTableStart(lines: readonly string[], i: number): boolean {
  const head = lines[i];
  const delim = lines[i + 1];
  return (
    head !== undefined &&
    delim !== undefined &&
    head.includes('|') &&
    /^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(delim)
  );
}

function chunkLines(
  lines: readonly string[],
  first: number,
  limits: PrepareLimits,
  file: string,
  diagnostics: Diagnostic[],
): Chunk[] {
  const chunks: Chunk[] = [];
  let start = first;
  let prefix: string[] = [];
  let size = 0;
  let run = 0;
  let runStart = first;
  let fence: string | undefined;
  let forced = 0;
  let prevBlank = true;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length)
        fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1]!;
    }
    if (!fence && i > start && prevBlank && !blank && !/^[ \t]/.test(line) && size >= limits.chunkChars) {
      chunks.push({ start, end: i, prefix });
      start = i;
      prefix = [];
      size = 0;
    } else if (
      !fence &&
      !blank &&
      i > start &&
      (run >= limits.maxBlockChars * 4 || (run >= limits.maxBlockChars && !/^[ \t]/.test(line)))
    ) {
      // A runaway block (one giant paragraph, list or table): cut it so inline parsing stays bounded. Prefer a
      // line that starts at column 0 (a new list item or a paragraph line), so nested items keep their nesting.
      chunks.push({ start, end: i, prefix });
      prefix = isTableStart(lines, runStart) ? [lines[runStart]!, lines[runStart + 1]!] : [];
      if (forced === 0) {
        diagnostics.push({
          rule: 'block-too-long',
          severity: 'info',
          file,
          line: i + 1,
          column: 1,
          message: `a block of more than ${limits.maxBlockChars} characters without a blank line is read in pieces`,
        });
      }
      forced++;
      start = i;
      size = 0;
      run = 0;
    }
    size += line.length + 1;
    if (blank) {
      run = 0;
      runStart = i + 1;
    } else run += line.length + 1;
    prevBlank = blank;
  }
  if (start < lines.length || chunks.length === 0) chunks.push({ start, end: lines.length, prefix });
  return chunks;
}
