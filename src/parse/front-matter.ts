// Front matter: TOML between `+++` lines (smol-toml), YAML between `---` lines (gray-matter's js-yaml).
// Invalid or unterminated front matter is a located diagnostic; the body still parses.
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import type { Diagnostic } from '../types.js';
import { parseLooseDate } from './patterns.js';

export interface FrontMatter {
  title?: string;
  date?: string;
  tags: string[];
  /** Number of lines the front matter occupies (0 when there is none), fences included. */
  lines: number;
  /** Every key as parsed (a plain object; absent when there is no valid front matter). */
  data?: Record<string, unknown>;
}

type YamlEngine = { parse: (input: string) => unknown };
const yamlEngine = (matter as unknown as { engines: { yaml: YamlEngine } }).engines.yaml;

function own(data: unknown, key: string): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return Object.prototype.hasOwnProperty.call(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}

function stringList(value: unknown): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') {
      for (const part of String(v).split(/[,，]/)) {
        const t = part.trim().replace(/^#/, '');
        if (t && !out.includes(t)) out.push(t);
      }
    }
  };
  if (Array.isArray(value)) value.forEach(add);
  else add(value);
  return out;
}

/**
 * Read front matter from the start of `lines` (already BOM-stripped, `\n`-split).
 * Diagnostics are pushed to `diagnostics`; never throws.
 */
export function readFrontMatter(
  lines: readonly string[],
  file: string,
  diagnostics: Diagnostic[],
): FrontMatter {
  const empty: FrontMatter = { tags: [], lines: 0 };
  const fence = lines[0]?.trimEnd();
  if (fence !== '+++' && fence !== '---') return empty;
  const toml = fence === '+++';
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i]!.trimEnd();
    if (t === fence || (!toml && t === '...')) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    // `---` alone at the top of a file without a closing fence is just a thematic break: nothing to report.
    if (toml || lines.slice(1, 8).some((l) => /^[A-Za-z_][\w-]*\s*:/.test(l))) {
      diagnostics.push({
        rule: 'front-matter-unterminated',
        severity: 'warning',
        file,
        line: 1,
        column: 1,
        message: `front matter opened with \`${fence}\` is never closed; the whole file is read as notes`,
      });
    }
    return empty;
  }
  const source = lines.slice(1, close).join('\n');
  let data: unknown;
  try {
    data = toml ? parseToml(source) : yamlEngine.parse(source);
  } catch (error) {
    const e = error as {
      line?: number;
      column?: number;
      mark?: { line?: number; column?: number };
      message?: string;
    };
    const line = e.line ?? (e.mark?.line !== undefined ? e.mark.line + 1 : 1);
    const column = e.column ?? (e.mark?.column !== undefined ? e.mark.column + 1 : 1);
    const reason = String(e.message ?? error)
      .split('\n')[0]!
      .slice(0, 200);
    diagnostics.push({
      rule: 'front-matter-invalid',
      severity: 'warning',
      file,
      line: line + 1,
      column,
      message: `invalid ${toml ? 'TOML' : 'YAML'} front matter (${reason}); file defaults ignored, notes still read`,
    });
    return { tags: [], lines: close + 1 };
  }
  const fm: FrontMatter = { tags: [], lines: close + 1 };
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    fm.data = data as Record<string, unknown>;
    // An unquoted arXiv id is a number to YAML and TOML (`arxiv: 2305.18290` reads as 2305.1829): keep its text.
    for (const l of lines.slice(1, close)) {
      const m = /^([A-Za-z_][\w -]*?)\s*[:=]\s*(\d{4}\.\d{4,5})\s*(?:#.*)?$/.exec(l);
      if (m && typeof fm.data[m[1]!] === 'number') fm.data[m[1]!] = m[2]!;
    }
  }
  const title = own(data, 'title');
  if (typeof title === 'string' && title.trim()) fm.title = title.trim();
  // `date`, else a reading list's `first-published-on`: the default date of the note's entries.
  const dateKey =
    own(data, 'date') === undefined && own(data, 'first-published-on') !== undefined
      ? 'first-published-on'
      : 'date';
  const dateValue = own(data, dateKey);
  if (dateValue !== undefined && dateValue !== null && dateValue !== '') {
    // Prefer the date as written (a TOML/YAML datetime with an offset would shift when converted to UTC).
    const keyRe = new RegExp(`^\\s*${dateKey}\\s*[:=]\\s*`);
    // The note's own key: in TOML a line above the first `[table]`; in YAML an unindented one (an indented
    // `date:` belongs to a nested map, `review:\n  date: …`).
    const body = lines.slice(1, close);
    const table = toml ? body.findIndex((l) => /^\s*\[/.test(l)) : -1;
    const rawLine = (table < 0 ? body : body.slice(0, table)).findIndex(
      (l) => keyRe.test(l) && (toml || !/^\s/.test(l)),
    );
    const written = rawLine >= 0 ? lines[rawLine + 1]!.replace(keyRe, '') : '';
    let parsed = parseLooseDate(written);
    // Only trust a parsed Date when the text had no date shape of its own (js-yaml turns `2025-13-45` into 2026-02-14).
    if (!parsed && dateValue instanceof Date && !Number.isNaN(dateValue.getTime())) {
      parsed = { date: dateValue.toISOString().slice(0, 10) };
    }
    if (parsed?.date) fm.date = parsed.date;
    else {
      diagnostics.push({
        rule: 'front-matter-date-invalid',
        severity: 'warning',
        file,
        line: rawLine >= 0 ? rawLine + 2 : 1,
        column: 1,
        message: `front matter date ${JSON.stringify(String(written || dateValue)).slice(0, 80)} is not a date; ignored`,
      });
    }
  }
  fm.tags = [...stringList(own(data, 'tags')), ...stringList(own(data, 'categories'))].filter(
    (t, i, all) => all.indexOf(t) === i,
  );
  return fm;
}
