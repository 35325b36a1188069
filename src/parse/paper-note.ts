// One note = one work: Obsidian literature notes (YAML front matter, Dataview `Key:: value` fields, callouts),
// Zotero Integration and Citations-plugin templates, citekey-named notes, Hugo/Jekyll one-paper pages. Also
// reading notes that point at a literature note (`note: "[[x]]"`) and hub pages (author, keyword, date, index)
// that are no work at all. Works on the note's lines, after the digest reader has had its say.
import type { Diagnostic, Link, TextSpan, WorkIds } from '../types.js';
import type { FrontMatter } from './front-matter.js';
import {
  aclFromDoi,
  arxivFromDoi,
  findDois,
  humaniseCitekey,
  idsFromUrl,
  isCitekey,
  mergeIds,
  normaliseDoi,
} from './identifiers.js';
import { readBib } from './library.js';
import { findArxivRefs, findUrls, hostLabel, isLatin, matchTimestamp, parseLooseDate } from './patterns.js';
import { cleanTitle, makeLabel, normaliseTitle, splitAuthors } from './text.js';
import type { CitekeyMention, FileEntry, HubPage, LibraryItem, NoteLinkRef } from './types.js';
import { workKindOf, workKindOfItemType } from './works.js';

type Role =
  | 'title'
  | 'author'
  | 'editor'
  | 'authors'
  | 'year'
  | 'published'
  | 'doi'
  | 'citekey'
  | 'url'
  | 'venue'
  | 'itemType'
  | 'abstract'
  | 'ignored';

/** Field names (lower-case, single spaces) and what they hold, for front matter and body fields alike. */
const ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...['title', 'paper title', '标题', '论文', '论文名称', '论文标题', '题目', '英文标题'].map(
    (k) => [k, 'title'] as const,
  ),
  ...['firstauthor', 'first author', 'author'].map((k) => [k, 'author'] as const),
  // An edited book's names: its authors only when it has no author of its own.
  ...['firsteditor', 'first editor', 'editor', 'editors'].map((k) => [k, 'editor'] as const),
  ...['authors', 'creators', 'authorstring', '作者', 'author(s)'].map((k) => [k, 'authors'] as const),
  ...['year', '年份', 'publication year'].map((k) => [k, 'year'] as const),
  ...[
    'published',
    'issued',
    '发布日期',
    '发表时间',
    '发布时间',
    '发表日期',
    'publication date',
    'pubdate',
  ].map((k) => [k, 'published'] as const),
  ...['doi', 'source doi'].map((k) => [k, 'doi'] as const),
  ...['citekey', 'citation key', 'citationkey', 'bibtex key'].map((k) => [k, 'citekey'] as const),
  ...[
    'url',
    'link',
    'links',
    'arxiv',
    'pdf',
    'paper link',
    'openreview',
    '链接',
    '论文链接',
    '论文地址',
    'eprint',
  ].map((k) => [k, 'url'] as const),
  ...[
    'venue',
    'journal',
    'publication',
    'publicationtitle',
    'booktitle',
    'book',
    'conference',
    'proceedings',
    'container-title',
    '会议',
    '期刊',
    '发表于',
  ].map((k) => [k, 'venue'] as const),
  ...['itemtype', 'item type'].map((k) => [k, 'itemType'] as const),
  ...['abstract', '摘要', 'abstractnote'].map((k) => [k, 'abstract'] as const),
  ...[
    '机构',
    'institution',
    'affiliation',
    'affiliations',
    'status',
    'keywords',
    'tags',
    'zotero link',
    'pages',
  ].map((k) => [k, 'ignored'] as const),
]);

/** Signals that a front matter describes a bibliographic work (not a digest's `title`/`date`). */
const BIBLIO_ROLES: ReadonlySet<Role> = new Set<Role>([
  'author',
  'authors',
  'editor',
  'year',
  'doi',
  'citekey',
  'venue',
  'itemType',
  'abstract',
]);

/** Front matter keys whose `[[link]]` value makes the note a reading note about that literature note. */
const JOIN_KEYS = new Set([
  'note',
  'file',
  'paper',
  'source',
  'literature',
  'literature note',
  'literature-note',
  'literaturenote',
  'lit',
  'reference',
  'ref',
]);

const HUB_TYPES: ReadonlyMap<string, HubPage['kind']> = new Map([
  ...['author', 'person', 'people', 'researcher'].map((k) => [k, 'author'] as const),
  ...['keyword', 'tag', 'topic', 'concept', 'moc'].map((k) => [k, 'concept'] as const),
  ...['daily', 'day', 'journal entry', 'reading log'].map((k) => [k, 'date'] as const),
  ...['index', 'list', 'section'].map((k) => [k, 'index'] as const),
]);
const HUB_FOLDERS: ReadonlyMap<string, HubPage['kind']> = new Map([
  ...['authors', 'people', 'persons', 'researchers', '作者'].map((k) => [k, 'author'] as const),
  ...['keywords', 'tags', 'concepts', 'topics', '关键词', '标签'].map((k) => [k, 'concept'] as const),
]);
/** Folder names that say nothing about a topic. */
const GENERIC_FOLDERS = new Set([
  'content',
  'posts',
  '_posts',
  'post',
  'blog',
  'notes',
  'papers',
  'paper',
  'literature',
  'literature notes',
  'references',
  'refs',
  'zotero',
  'reading',
  'sources',
  'source',
  'vault',
  'docs',
  '_site',
  'site',
  'pages',
  '_pages',
]);

interface FieldHit {
  role: Role;
  value: string;
  line: number;
}

export interface NoteInput {
  file: string;
  /** The note's lines (front matter lines blanked), 0-based. */
  lines: readonly string[];
  fm: FrontMatter;
  /** What the digest reader found in the note. */
  entries: readonly FileEntry[];
  diagnostics: Diagnostic[];
}

export type NoteReading =
  | { kind: 'work'; entry: FileEntry }
  | { kind: 'join'; entry: FileEntry }
  | { kind: 'hub'; hub: HubPage }
  | { kind: 'none' };

/** The note name a file or a link target stands for: its last path part, lower-cased, without `.md`. */
export function noteName(target: string): string {
  let t = target.trim().replace(/\\/g, '/');
  t = t.slice(t.lastIndexOf('/') + 1);
  return t
    .replace(/\\$/, '')
    .replace(/\.(?:md|markdown)$/i, '')
    .replace(/^@/, '')
    .normalize('NFC')
    .toLowerCase();
}

function baseName(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return name.replace(/\.(?:md|markdown)$/i, '');
}

function roleOf(key: string): Role | undefined {
  // `bibtex_key`, `first_author`: underscores separate words as spaces do.
  return ROLES.get(
    key
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, ' '),
  );
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** `[[x]]`, `"[[x|alias]]"` -> `x`. */
function linkTarget(value: string): string | undefined {
  const m = /\[\[([^[\]|#\n]{1,200})(?:#[^[\]|\n]{0,200})?(?:\|[^[\]\n]{0,200})?\]\]/.exec(value);
  return m ? m[1]!.trim() : undefined;
}

/** Strip wikilink brackets, markdown emphasis and links from a field value: `*Title*`, `[[Jane Doe]]`. */
function plainValue(value: string): string {
  return value
    .replace(
      /\[\[([^[\]|#\n]{1,200})(?:#[^[\]|\n]{0,200})?(?:\|([^[\]\n]{0,200}))?\]\]/g,
      (_m, t: string, a?: string) => {
        const name = (a ?? t).replace(/\\$/, '');
        return name.slice(name.lastIndexOf('/') + 1);
      },
    )
    .replace(/\[([^[\]]{0,300})\]\([^()\s]{0,2000}\)/g, '$1')
    .replace(/[*_`]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `"Title"`, `“Title”` -> `Title`. */
function unquote(text: string): string {
  const m = /^["“'‘«](.+)["”'’»]$/u.exec(text.trim());
  return m ? m[1]!.trim() : text;
}

/** LaTeX letters that front matter copied from BibTeX keeps as written (`\\Lukasz` is Łukasz). */
const TEX_LETTERS: Readonly<Record<string, string>> = {
  L: 'Ł',
  l: 'ł',
  O: 'Ø',
  o: 'ø',
  ss: 'ß',
  AA: 'Å',
  aa: 'å',
};

/** `Last, First` -> `First Last`; other names as written. */
function displayName(name: string): string {
  const t = plainValue(name)
    .replace(/\\(ss|aa|AA|[LlOo])(?=[A-Za-z\s]|$)\s?/g, (_m, k: string) => TEX_LETTERS[k] ?? k)
    .replace(/\s*\(.*\)\s*$/, '');
  const m = /^([^,]{1,60}),\s*([^,]{1,60})$/.exec(t);
  if (m && !/\s/.test(m[1]!.replace(/^(?:van|von|de|der|da|di|del|la|le) /i, '')) && isLatin(t))
    return `${m[2]!.trim()} ${m[1]!.trim()}`;
  return t;
}

/**
 * One author string: `A and B`, `A, B, and C`, `A; B`, `A & B`, `A et al.`, `Last, First and Last, First`.
 * A single `Last, First` stays one name.
 */
export function parseAuthorString(text: string): string[] {
  let t = plainValue(text)
    .replace(/\s+et al\.?$/i, '')
    .replace(/\s*等$/, '')
    .trim();
  if (!t) return [];
  if (/\sand\s|;|\s&\s/.test(t)) {
    const parts = t
      .split(/\s*;\s*|\s+&\s+|,?\s+and\s+/)
      .map((p) => p.trim())
      .filter(Boolean);
    // `Hochreiter, Sepp and Schmidhuber, Jürgen`: every part is `Last, First`.
    if (parts.every((p) => /^[^,]+,[^,]+$/.test(p))) return parts.map(displayName);
    t = parts.join(', ');
  }
  if (/^[^,\s]{1,40},\s*[^,\s]{1,40}(?:\s[^,\s]{1,3}\.?)?$/.test(t) && isLatin(t)) return [displayName(t)];
  return splitAuthors(t).map(displayName).filter(Boolean);
}

function authorsOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const v of value) {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        // CSL-JSON: `{ family, given }` or `{ literal }`; Quarto and Pandoc: `{ name, affiliation }`
        const o = v as Record<string, unknown>;
        const family = scalar(o['family']);
        const given = scalar(o['given']);
        const literal = scalar(o['literal']) ?? scalar(o['name']);
        const name = literal ?? [given, family].filter(Boolean).join(' ');
        if (name) out.push(name);
      } else {
        const s = scalar(v);
        if (s) out.push(displayName(s));
      }
    }
    return out;
  }
  const s = scalar(value);
  return s ? parseAuthorString(s) : [];
}

/** `2021`, `2021-06-01`, a CSL `issued` object -> `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
function issuedOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    const parts = (value as Record<string, unknown>)['date-parts'];
    const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]) : undefined;
    if (first && first.length > 0) {
      const [y, m, d] = first.map((x) => Number(x));
      if (!(y! >= 1000 && y! <= 2200)) return undefined;
      if (m && m >= 1 && m <= 12) {
        const mm = String(m).padStart(2, '0');
        return d && d >= 1 && d <= 31 ? `${y}-${mm}-${String(d).padStart(2, '0')}` : `${y}-${mm}`;
      }
      return String(y);
    }
    return undefined;
  }
  const s = scalar(value);
  if (!s) return undefined;
  const full = parseLooseDate(s);
  if (full?.date) return full.date;
  const ym = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return `${ym[1]}-${ym[2]!.padStart(2, '0')}`;
  const y = /(?:^|\D)(1[5-9]\d{2}|2[01]\d{2})(?:\D|$)/.exec(s);
  return y ? y[1] : undefined;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Indexes of the lines from `from` on that lie outside fenced code blocks (the fence lines excluded). */
function outsideFences(lines: readonly string[], from: number): number[] {
  const out: number[] = [];
  let fence: string | undefined;
  for (let i = from; i < lines.length; i++) {
    const f = FENCE.exec(lines[i]!);
    if (f) {
      if (fence === undefined) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = undefined;
    } else if (fence === undefined) out.push(i);
  }
  return out;
}
/** `> **Title**:: x`, `Title:: x`, `- Year:: 2021` (Dataview inline fields, also inside callouts). */
const DATAVIEW =
  /^\s{0,3}(?:>\s{0,4})*(?:[-*+]\s+)?(?:\*\*|__)?([\p{L}][\p{L}\p{N} ()_-]{0,30}?)(?:\*\*|__)?\s{0,2}::\s*(.*)$/u;
/** `**作者**: x`, `**Authors:** x`, `> **论文**：*x*`, `- 论文名称：x`, `Authors: x`. */
const COLON_FIELD =
  /^\s{0,3}(?:>\s{0,4})*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)?([\p{L}][\p{L}\p{N} ()_-]{0,24}?)\s{0,2}(?:(?:\*\*|__)\s{0,2}[:：]|[:：]\s{0,2}(?:\*\*|__)|[:：])\s*(.*)$/u;

/** Body fields of a note (`Title::`, `**作者**:` …) with their roles and lines, skipping code blocks. */
function bodyFields(lines: readonly string[], from: number): FieldHit[] {
  const hits: FieldHit[] = [];
  let seenText = 0;
  for (const i of outsideFences(lines, from)) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    // A digest's timestamped entry: whatever fields follow are that entry's, not the note's.
    if (matchTimestamp(line.replace(/^\s{0,3}(?:[-*+]\s+|\d{1,3}[.)]\s+)?/, ''))?.strong) break;
    const heading = /^\s{0,3}#{1,6}\s/.test(line);
    if (heading && seenText >= 3) break;
    const dataview = DATAVIEW.exec(line);
    const m = dataview ?? COLON_FIELD.exec(line);
    // In a note's body (a Zotero template's `**Date**::`), a date field is the work's; in front matter, the note's.
    let role = m
      ? (roleOf(m[1]!) ?? (/^(?:date|日期)$/i.test(m[1]!.trim()) ? ('published' as const) : undefined))
      : undefined;
    // `title: x` as plain text is more often stray YAML than a paper's title; bold, list and callout fields are not.
    if (role === 'title' && !dataview && !/^\s{0,3}(?:>|[-*+]\s|\d{1,3}[.)]\s|\*\*|__)/.test(line))
      role = undefined;
    if (m && role) {
      hits.push({ role, value: m[2]!.trim(), line: i + 1 });
      continue;
    }
    // Fields sit at the top of a note; the body below is the reader's own text.
    if (!heading && !/^\s{0,3}(?:>|\[!|%%)/.test(line) && ++seenText > 12) break;
  }
  return hits;
}

/**
 * A BibTeX entry pasted into the top of a note (```` ```bibtex ```` or a fence whose first line is `@type{`), as
 * people copy a paper's "cite as": the one entry describes the note's work. Read with the library's reader.
 */
function bibBlock(input: NoteInput): { item: LibraryItem; urls: string[]; line: number } | undefined {
  const { lines, fm, file } = input;
  let seen = 0;
  for (let i = fm.lines; i < lines.length && seen < 12; i++) {
    const open = /^\s{0,3}(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) {
      if (lines[i]!.trim()) seen++;
      continue;
    }
    const fence = open[1]!;
    const info = open[2]!.toLowerCase();
    let end = i + 1;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence)) end++;
    const body = lines.slice(i + 1, end);
    const first = body.find((l) => l.trim() !== '')?.trim() ?? '';
    if (!/^(?:bibtex|bib|biblatex|latex|tex)?$/.test(info) || !/^@[A-Za-z]+\s*[{(]/.test(first)) {
      i = end;
      seen++;
      continue;
    }
    const text = body.join('\n');
    // Problems inside a pasted block are the note's to keep, not the build's to report.
    const items = readBib({ path: file, text }, []);
    if (items.length !== 1) return undefined;
    const urls = findUrls(text).map((u) => u.url);
    return { item: items[0]!, urls, line: i + 1 };
  }
  return undefined;
}

/** `#### Lightman et al., 2023` under the title: first author and year. */
function headingByline(
  lines: readonly string[],
  from: number,
): { authors: string[]; year: string; line: number } | undefined {
  let seen = 0;
  for (let i = from; i < lines.length && seen < 6; i++) {
    const t = lines[i]!.trim();
    if (!t) continue;
    seen++;
    const m =
      /^#{2,6}\s+([\p{L}][\p{L}\p{M} .'’-]{1,80}?)(?:\s+et al\.?)?,?\s*\(?((?:19|20)\d{2})\)?\s*$/u.exec(t);
    if (m && !/^(?:notes?|summary|abstract)$/i.test(m[1]!.trim()))
      return { authors: [m[1]!.trim()], year: m[2]!, line: i + 1 };
  }
  return undefined;
}

/** Wikilinks and relative markdown links to other notes, with the sentence around each. */
export function findNoteLinks(
  lines: readonly string[],
  from: number,
  skipLines?: ReadonlySet<number>,
): NoteLinkRef[] {
  const out: NoteLinkRef[] = [];
  for (const i of outsideFences(lines, from)) {
    const line = lines[i]!;
    if (skipLines?.has(i + 1)) continue;
    if (!line.includes('[[') && !/\]\([^()]{0,300}\.md/i.test(line)) continue;
    const text = plainValue(line.replace(/^\s{0,3}(?:>\s?)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?/, '')).slice(0, 300);
    for (const m of line.matchAll(
      /(!?)\[\[([^[\]|#\n]{1,200})(?:#[^[\]|\n]{0,200})?(?:\|([^[\]\n]{0,200}))?\]\]/g,
    )) {
      const target = m[2]!.trim().replace(/\\$/, '');
      // Embedded images and attachments are not notes.
      if (/\.(?:png|jpe?g|gif|svg|webp|pdf|mp4|mp3|canvas)$/i.test(target)) continue;
      const alias = m[3]?.trim();
      out.push({ target, ...(alias ? { alias } : {}), line: i + 1, text });
    }
    for (const m of line.matchAll(
      /\[[^[\]]{0,300}\]\(<?((?![a-z][a-z0-9+.-]*:|#|\/)[^()\s<>]{1,300}\.(?:md|markdown))>?(?:#[^()\s]{0,200})?\)/gi,
    )) {
      let target = m[1]!;
      try {
        target = decodeURIComponent(target);
      } catch {
        // keep as written
      }
      out.push({ target: target.replace(/^\.\//, ''), line: i + 1, text });
    }
  }
  return out;
}

/** `@citekey` and `[@citekey]` (pandoc) and `[[citekey]]` mentions, outside code. */
export function findCitekeys(lines: readonly string[], from: number): { citekey: string; line: number }[] {
  const out: { citekey: string; line: number }[] = [];
  for (const i of outsideFences(lines, from)) {
    const line = lines[i]!;
    if (!/[@[]/.test(line)) continue;
    for (const m of line.matchAll(/(?<![\w.@/])@([A-Za-z][\w:-]{4,79})/g)) {
      const key = m[1]!.replace(/[:-]+$/, '');
      if (isCitekey(key) && !out.some((c) => c.citekey === key && c.line === i + 1))
        out.push({ citekey: key, line: i + 1 });
    }
    for (const m of line.matchAll(/\[\[@?([A-Za-z][\w:-]{4,79})(?:\|[^[\]\n]{0,200})?\]\]/g)) {
      const key = m[1]!;
      if (isCitekey(key) && !out.some((c) => c.citekey === key && c.line === i + 1))
        out.push({ citekey: key, line: i + 1 });
    }
  }
  return out;
}

function hubOf(
  file: string,
  fm: FrontMatter,
  lowered: Map<string, unknown>,
  entries: number,
): HubPage | undefined {
  const title = fm.title ?? baseName(file);
  for (const key of ['type', 'category', 'kind']) {
    const v = scalar(lowered.get(key))?.toLowerCase();
    const kind = v ? HUB_TYPES.get(v) : undefined;
    if (kind) return { kind, name: title };
  }
  const parts = file.split('/');
  for (const folder of parts.slice(0, -1)) {
    const kind = HUB_FOLDERS.get(folder.toLowerCase());
    if (kind) return { kind, name: baseName(file) };
  }
  // Dendron names its hierarchy with dots: `tags.author.J-Frankle`, `tags.ML` (the deepest part decides).
  const levels = baseName(file).split('.').slice(0, -1).reverse();
  for (const level of levels) {
    const kind = HUB_FOLDERS.get(level.toLowerCase()) ?? HUB_FOLDERS.get(`${level.toLowerCase()}s`);
    if (kind) return { kind, name: baseName(file) };
  }
  if (entries > 0) return undefined;
  const name = baseName(file);
  if (/^_?index$/i.test(name)) return { kind: 'index', name: title };
  if (/^\d{4}-\d{2}-\d{2}$/.test(name)) return { kind: 'date', name };
  return undefined;
}

function topicOf(file: string): string[] {
  // A year or a day (`2025`, `2025-10-07`, `2025-10`) orders notes in time; it is no topic.
  return file
    .split('/')
    .slice(0, -1)
    .filter((f) => !GENERIC_FOLDERS.has(f.toLowerCase()) && !/^\d{4}(?:-\d{2}){0,2}$/.test(f));
}

function yearFromPath(file: string): string | undefined {
  return /(?:^|\/)((?:19|20)\d{2})(?:\/|-\d{2}-\d{2}-)/.exec(file)?.[1];
}

function firstHeading(lines: readonly string[], from: number): { text: string; line: number } | undefined {
  for (const i of outsideFences(lines, from)) {
    const line = lines[i]!;
    const m = /^\s{0,3}(#{1,2})\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) return { text: plainValue(m[2]!), line: i + 1 };
  }
  return undefined;
}

/**
 * Read a note as one work, a reading note, or a hub page. `none` leaves the note to the digest reader (its
 * entries stand as they are).
 */
export function readNote(input: NoteInput): NoteReading {
  const { file, lines, fm, entries } = input;
  const lowered = new Map<string, unknown>();
  if (fm.data) for (const key of Object.keys(fm.data)) lowered.set(key.toLowerCase(), fm.data[key]);
  const from = fm.lines;
  const name = baseName(file);

  // ---- a reading note pointing at a literature note -------------------------------------------------------
  for (const [key, value] of lowered) {
    if (!JOIN_KEYS.has(key)) continue;
    const target =
      typeof value === 'string'
        ? linkTarget(value)
        : Array.isArray(value)
          ? linkTarget(String(value[0] ?? ''))
          : undefined;
    if (!target) continue;
    const heading = firstHeading(lines, from);
    const entry = baseEntry(input, Math.max(1, from + 1), heading?.text ?? fm.title ?? name, []);
    entry.notes = [noteName(target)];
    entry.joinOnly = true;
    entry.weakTitle = true;
    return { kind: 'join', entry };
  }

  const hub = hubOf(file, fm, lowered, entries.length);
  if (hub) return { kind: 'hub', hub };

  // ---- fields: front matter first, then the note's own field lines -------------------------------------------
  const fmHits: FieldHit[] = [];
  for (const [key, value] of lowered) {
    const role = roleOf(key);
    if (role) fmHits.push({ role, value: '', line: 1, ...{ raw: value } } as FieldHit & { raw: unknown });
  }
  const fmSignal =
    fmHits.some((h) => BIBLIO_ROLES.has(h.role)) ||
    /^literature ?notes?$|^paper$|^article$/i.test(
      scalar(lowered.get('category')) ?? scalar(lowered.get('type')) ?? '',
    );
  const body = bodyFields(lines, from);
  const bodyRoles = new Set(body.map((h) => h.role));
  const bodySignal =
    (bodyRoles.has('title') || bodyRoles.has('authors') || bodyRoles.has('author')) &&
    [...bodyRoles].filter((r) => r !== 'ignored').length >= 2;
  const byline = headingByline(lines, from);
  const bylineSignal = byline !== undefined && entries.length <= 1;
  const citekeyName = isCitekey(name.replace(/^@/, '')) ? name.replace(/^@/, '') : undefined;
  const nameSignal = citekeyName !== undefined && entries.length === 0;
  const bib = bibBlock(input);
  const bibSignal = bib !== undefined && entries.length <= 1;
  if (!fmSignal && !bodySignal && !bylineSignal && !nameSignal && !bibSignal) return { kind: 'none' };
  // A digest with a few field lines at its top is still a digest.
  if (!fmSignal && entries.length >= 2) return { kind: 'none' };

  const consumed = new Set<number>();
  let title: string | undefined;
  let weakTitle = false;
  const altTitles: string[] = [];
  let authors: string[] = [];
  const lineAuthors: string[] = [];
  const editors: string[] = [];
  let issued: string | undefined;
  let published: string | undefined;
  let venue: string | undefined;
  let itemType: string | undefined;
  let ids: WorkIds = {};
  let arxiv: string | undefined;
  let abstract: string | undefined;
  const links: Link[] = [];
  const urlValues: { value: string; line: number }[] = [];

  const takeUrl = (value: string, line: number): void => {
    urlValues.push({ value, line });
    for (const hit of findUrls(value))
      if (!links.some((l) => l.url === hit.url)) links.push({ label: hostLabel(hit.url), url: hit.url });
  };
  const apply = (role: Role, raw: unknown, line: number, fromBody: boolean): void => {
    const s = scalar(raw);
    switch (role) {
      case 'title': {
        const t = s ? cleanTitle(unquote(plainValue(s)), 300) : '';
        if (!t) break;
        if (fromBody) {
          if (title && title !== t && !altTitles.includes(title)) altTitles.push(title);
          title = t;
          // `**论文**: [Title](https://arxiv.org/…)`: the link is the paper's own.
          if (s) takeUrl(s, line);
        } else if (!title) title = t;
        break;
      }
      case 'author': {
        if (Array.isArray(raw)) authors = authors.length ? authors : authorsOf(raw);
        else if (s) {
          if (fromBody)
            lineAuthors.push(...(/\sand\s|;|\s&\s/.test(s) ? parseAuthorString(s) : [displayName(s)]));
          else if (authors.length === 0) authors = authorsOf(raw);
        }
        break;
      }
      case 'authors':
        if (authors.length === 0) authors = authorsOf(raw);
        break;
      case 'editor':
        if (Array.isArray(raw)) editors.push(...authorsOf(raw));
        else if (s) editors.push(...(/\sand\s|;|\s&\s/.test(s) ? parseAuthorString(s) : [displayName(s)]));
        break;
      case 'year':
      case 'published': {
        const v = issuedOf(raw);
        if (!v) break;
        if (role === 'published' && v.length === 10) published ??= v;
        if (!issued || v.length > issued.length) issued = v;
        break;
      }
      case 'doi': {
        const d = s ? normaliseDoi(s) : undefined;
        if (d) ids.doi ??= d;
        break;
      }
      case 'citekey':
        // Not `plainValue`: underscores belong to keys (`Frankle_Carbin_2019`), they are no emphasis.
        if (s)
          ids.citekey ??= s
            .replace(/^\[\[|\]\]$/g, '')
            .replace(/^[`*"]+|[`*"]+$/g, '')
            .replace(/^@/, '');
        break;
      case 'url':
        if (s)
          takeUrl(
            s.startsWith('http') || s.includes('[') ? s : /^\d{4}\.\d{4,5}/.test(s) ? `arXiv:${s}` : s,
            line,
          );
        else if (Array.isArray(raw)) for (const v of raw) if (typeof v === 'string') takeUrl(v, line);
        break;
      case 'venue':
        if (s) venue ??= cleanTitle(plainValue(s), 300) || undefined;
        break;
      case 'itemType':
        if (s) itemType ??= s;
        break;
      case 'abstract':
        if (s) abstract ??= s;
        break;
      default:
        break;
    }
  };
  for (const hit of fmHits as (FieldHit & { raw: unknown })[]) {
    // Without bibliographic keys, front matter `title` is the post's (`论文阅读：LeanDojo`): a fallback only.
    if (hit.role !== 'title' || fmSignal) apply(hit.role, hit.raw, 1, false);
  }
  const cslType = scalar(lowered.get('type'));
  if (
    !itemType &&
    cslType &&
    /^(?:[a-z]+-[a-z-]+|[a-z]+[A-Z][A-Za-z]+|article|book|chapter|thesis|report)$/.test(cslType)
  )
    itemType = cslType;
  for (const hit of body) {
    consumed.add(hit.line);
    apply(hit.role, hit.value, hit.line, true);
  }
  if (lineAuthors.length > 0) authors = lineAuthors;
  if (authors.length === 0 && editors.length > 0) authors = editors;
  // A pasted BibTeX entry fills what the note's own fields left open.
  if (bib && bibSignal) {
    const item = bib.item;
    title ??= cleanTitle(item.title, 300) || undefined;
    if (authors.length === 0) authors = item.authors.slice();
    issued ??= item.issued;
    venue ??= item.venue;
    itemType ??= item.itemType;
    ids = mergeIds(item.ids, ids);
    if (ids.citekey && !isCitekey(ids.citekey)) delete ids.citekey;
    arxiv ??= item.arxiv;
    abstract ??= item.abstract;
    for (const url of bib.urls) takeUrl(url, bib.line);
  }
  if (byline) {
    if (authors.length === 0) authors = byline.authors;
    issued ??= byline.year;
    consumed.add(byline.line);
  }
  if (authors.length === 0) {
    // `[[authors/Jane Doe]]` links name the authors.
    const found: string[] = [];
    for (const l of findNoteLinks(lines, from)) {
      const parts = l.target.split('/');
      if (parts.length > 1 && HUB_FOLDERS.get(parts[parts.length - 2]!.toLowerCase()) === 'author') {
        const n = parts[parts.length - 1]!.trim();
        if (n && !found.includes(n)) found.push(n);
      }
    }
    authors = found;
  }

  // ---- identifiers from every URL the fields hold --------------------------------------------------------------
  for (const { value } of urlValues) {
    const ref = findArxivRefs(value).find((r) => !r.invalid);
    if (ref && !arxiv) arxiv = ref.id;
    for (const hit of findUrls(value)) ids = mergeIds(ids, idsFromUrl(hit.url));
    for (const doi of findDois(value)) ids.doi ??= doi;
  }
  if (ids.doi) {
    arxiv ??= arxivFromDoi(ids.doi);
    const acl = aclFromDoi(ids.doi);
    if (acl) ids.acl ??= acl;
  }
  if (!ids.citekey && citekeyName) ids.citekey = citekeyName;
  if (!ids.citekey) {
    const fmKey = scalar(lowered.get('id'));
    if (fmKey && isCitekey(fmKey)) ids.citekey = fmKey;
  }

  // ---- what else the note's body names: its own arXiv id when it has only one, other ids ------------------------
  const bodyIds: { id: string; line: number }[] = [];
  const bodyOpen: WorkIds = {};
  for (const i of outsideFences(lines, from)) {
    const line = lines[i]!;
    for (const ref of findArxivRefs(line))
      if (!ref.invalid && !bodyIds.some((b) => b.id === ref.id)) bodyIds.push({ id: ref.id, line: i + 1 });
    if (/openreview|aclanthology|semanticscholar/i.test(line))
      for (const hit of findUrls(line)) Object.assign(bodyOpen, mergeIds(bodyOpen, idsFromUrl(hit.url)));
    if (!ids.doi && byline && i < byline.line + 4) for (const doi of findDois(line)) ids.doi ??= doi;
  }
  if (!arxiv && bodyIds.length === 1 && (bylineSignal || fmSignal || bodySignal)) arxiv = bodyIds[0]!.id;
  ids = mergeIds(ids, bodyOpen);
  if (arxiv) {
    const url = `https://arxiv.org/abs/${arxiv}`;
    if (!links.some((l) => findArxivRefs(l.url)[0]?.id === arxiv)) links.unshift({ label: 'arXiv', url });
  }

  // A title kept in front matter or a file name loses what they cannot hold (`Beyond modules and hubs - the …` for
  // `Beyond modules and hubs: the …`): the first heading, the same title but for punctuation, spells it right.
  if (title) {
    const heading = firstHeading(lines, from);
    if (
      heading &&
      heading.text !== title &&
      /[:?/]/.test(heading.text) &&
      !/[:?/]/.test(title) &&
      normaliseTitle(heading.text) === normaliseTitle(title)
    ) {
      if (!altTitles.includes(title)) altTitles.push(title);
      title = cleanTitle(heading.text, 300);
      consumed.add(heading.line);
    }
  }

  // ---- the title of last resort --------------------------------------------------------------------------------
  if (!title && !fmSignal && fm.title) title = fm.title;
  if (!title) {
    const heading = firstHeading(lines, from);
    if (
      heading &&
      heading.text.length >= 3 &&
      !/^(?:notes?|summary|abstract|annotations?|摘要|笔记)$/i.test(heading.text)
    ) {
      title = cleanTitle(heading.text, 300);
      consumed.add(heading.line);
    }
  }
  if (!title) {
    weakTitle = true;
    if (citekeyName) {
      const h = humaniseCitekey(citekeyName);
      title = h.title;
      if (authors.length === 0 && h.author) authors = [h.author];
      issued ??= h.year;
    } else title = name.replace(/[-_]+/g, ' ').trim() || name;
  }
  if (!issued && ids.citekey) issued = humaniseCitekey(ids.citekey).year;
  // When the note was read: `dateread`, `created` (Zotero and Obsidian templates), unless `date` said so.
  let noteDate: string | undefined;
  if (!fm.date) {
    for (const key of ['dateread', 'date read', 'read', 'created', 'created date', 'date created']) {
      const d = issuedOf(lowered.get(key));
      if (d && d.length === 10) {
        noteDate = d;
        break;
      }
    }
  }
  if (!issued) issued = yearFromPath(file);

  // `**Author**:: [[Lottes, Philipp]]`: links on author lines name authors, not notes.
  const authorLines = new Set(
    body.filter((h) => h.role === 'author' || h.role === 'authors' || h.role === 'editor').map((h) => h.line),
  );
  const entry = baseEntry(
    input,
    Math.max(1, from > 0 ? 1 : (body[0]?.line ?? 1)),
    title,
    authors,
    consumed,
    authorLines,
  );
  entry.altTitles = altTitles.filter((t) => t !== title);
  if (weakTitle) entry.weakTitle = true;
  if (noteDate) entry.date = noteDate;
  if (arxiv) entry.arxiv = arxiv;
  if (published) entry.published = published;
  if (issued) entry.issued = issued;
  if (venue) entry.venue = venue;
  if (itemType) entry.itemType = itemType;
  let kind = workKindOfItemType(itemType);
  // A `@misc` entry whose only link is a repository (`howpublished = {\url{https://github.com/…}}`) is that repository.
  if (!kind && bib && !arxiv && !ids.doi && bib.urls.length > 0)
    kind = workKindOf('', bib.urls[0], undefined);
  if (kind) entry.workKind = kind;
  if (Object.keys(ids).length > 0) entry.ids = ids;
  entry.notes = [noteName(name)];
  for (const l of links) if (!entry.links.some((x) => x.url === l.url)) entry.links.push(l);
  if (abstract && !entry.summary.includes(abstract.slice(0, 40)))
    entry.summary = entry.summary ? `${abstract}\n\n${entry.summary}` : abstract;
  // A short file name that is not the title is the work's short name (`BERT`, `LoRA`, `ViT`).
  const short = name.replace(/^@/, '');
  if (
    !citekeyName &&
    short.length <= 24 &&
    short !== title &&
    !/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(short) &&
    !/^\d{4}-/.test(short)
  ) {
    entry.label = short;
    entry.named = true;
  }
  for (const b of bodyIds)
    if (b.id !== arxiv && !entry.cites.some((c) => c.arxiv === b.id))
      entry.cites.push({ arxiv: b.id, line: b.line, topicPath: entry.topicPath });
  return { kind: 'work', entry };
}

/** The entry of a whole note: its body as summary and text, its links, its note links. */
function baseEntry(
  input: NoteInput,
  line: number,
  title: string,
  authors: string[],
  consumed: ReadonlySet<number> = new Set(),
  skipLinks?: ReadonlySet<number>,
): FileEntry {
  const { file, lines, fm } = input;
  const text: TextSpan[] = [];
  const summary: string[] = [];
  let fence: string | undefined;
  for (let i = fm.lines; i < lines.length; i++) {
    const raw = lines[i]!;
    const f = FENCE.exec(raw);
    if (f) {
      if (fence === undefined) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = undefined;
      summary.push(raw);
      continue;
    }
    if (consumed.has(i + 1)) continue;
    // Obsidian comments (`%% … %%`) are not shown, and neither are they text.
    if (/^\s*%%/.test(raw)) continue;
    summary.push(raw.trimEnd());
    if (fence !== undefined) continue;
    const t = plainValue(
      raw.replace(/^\s{0,3}(?:>\s?)*(?:\[![^\]]{1,30}\][-+]?\s*)?(?:#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+)?/, ''),
    );
    if (t && /[\p{L}\p{N}]/u.test(t)) text.push({ file, line: i + 1, text: t });
  }
  while (summary.length > 0 && summary[0]!.trim() === '') summary.shift();
  while (summary.length > 0 && summary[summary.length - 1]!.trim() === '') summary.pop();
  const topicPath = topicOf(file);
  const { label, named } = makeLabel([{ text: title, paperish: true }], '');
  const entry: FileEntry = {
    line,
    title,
    altTitles: [],
    label: label || title,
    named,
    ...(fm.date ? { date: fm.date } : {}),
    authors,
    topicPath,
    summary: summary.join('\n').replace(/\n{3,}/g, '\n\n'),
    links: [],
    text,
    cites: [],
  };
  const noteLinks = findNoteLinks(lines, fm.lines, skipLinks);
  if (noteLinks.length > 0) entry.noteLinks = noteLinks;
  return entry;
}

/** File-level citekey mentions (`@key`, `[[key]]`) with the heading path above each. */
export function citekeyMentions(lines: readonly string[], from: number): CitekeyMention[] {
  const out: CitekeyMention[] = [];
  const path: string[] = [];
  const found = findCitekeys(lines, from);
  if (found.length === 0) return out;
  let k = 0;
  for (let i = from; i < lines.length && k < found.length; i++) {
    const h = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(lines[i]!);
    if (h) {
      path.length = h[1]!.length - 1;
      path[h[1]!.length - 1] = h[2]!.trim();
    }
    while (k < found.length && found[k]!.line === i + 1) {
      out.push({ citekey: found[k]!.citekey, line: found[k]!.line, topicPath: path.filter(Boolean) });
      k++;
    }
  }
  return out;
}
