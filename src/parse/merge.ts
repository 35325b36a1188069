// Per-file parses -> one record per distinct paper. The same paper in several places (same arXiv id, or the same
// normalised title) becomes one record with every source and topic; arXiv ids only cited inside other entries
// become cited-only records. Output is sorted so the same notes give the same bytes.
import { joinSameWork } from './same-work.js';
import type { Diagnostic, Link, PaperId, PaperRecord, ParseResult, SourceRef, TextSpan } from '../types.js';
import { isLatin } from './patterns.js';
import { hash8, normaliseTitle, shorten } from './text.js';
import type { FileEntry, FileParse } from './types.js';

interface Placed {
  file: string;
  tags: string[];
  entry: FileEntry;
}

/** Titles shorter than this (normalised) are too generic to merge papers on. */
const MIN_TITLE_KEY = 8;

type Normalise = (title: string) => string;

/**
 * `normaliseTitle` remembering its results for one merge: each title is normalised for its keys, again in
 * its group and again for its id; NFKC and the Unicode regexes were a third of the merge.
 */
function normaliser(): Normalise {
  const known = new Map<string, string>();
  return (title) => {
    let key = known.get(title);
    if (key === undefined) {
      key = normaliseTitle(title);
      known.set(title, key);
    }
    return key;
  };
}

function titleKeys(entry: FileEntry, normalise: Normalise): string[] {
  const keys: string[] = [];
  const add = (t: string): void => {
    const k = normalise(t);
    if (k.length >= MIN_TITLE_KEY && !/^arxiv \S+$/.test(k) && !keys.includes(k)) keys.push(k);
  };
  add(entry.title);
  for (const t of entry.altTitles) add(t);
  return keys;
}

/** `title:<normalised title>`; long titles are cut and suffixed with a hash so ids stay short and stable. */
export function titleId(title: string): PaperId {
  return titleIdOf(title, normaliseTitle);
}

function titleIdOf(title: string, normalise: Normalise): PaperId {
  const k = normalise(title);
  if (k.length <= 80) return `title:${k || hash8(title)}` as PaperId;
  return `title:${k.slice(0, 64).trim()}~${hash8(k)}` as PaperId;
}

function compareSource(a: SourceRef, b: SourceRef): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

function uniq(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Merges the parses of every file into one record per paper; the same work seen twice is one record. */
export function mergeFileParses(parses: readonly FileParse[]): ParseResult {
  return joinSameWork(mergeEntries(parses));
}

/** `mergeFileParses` before articles are joined to the work they name (the warm merge patches this). */
export function mergeEntries(parses: readonly FileParse[]): ParseResult {
  const sorted = [...parses].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const normalise = normaliser();
  const diagnostics: Diagnostic[] = [];
  const placed: Placed[] = [];
  for (const p of sorted) {
    for (const diagnostic of p.diagnostics) diagnostics.push(diagnostic);
    // The parser gives entries in line order; sort (stably) only a file where it did not.
    const entries = inLineOrder(p.entries) ? p.entries : [...p.entries].sort((a, b) => a.line - b.line);
    for (const entry of entries) placed.push({ file: p.file, tags: p.tags, entry });
  }

  // Union-find over entries; a group never holds two different arXiv ids.
  const parent = placed.map((_, i) => i);
  const arxivOf: (string | undefined)[] = placed.map((p) => p.entry.arxiv);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    const xa = arxivOf[ra];
    const xb = arxivOf[rb];
    if (xa && xb && xa !== xb) return false;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    arxivOf[root] = xa ?? xb;
    return true;
  };
  const byArxiv = new Map<string, number>();
  const byTitle = new Map<string, number>();
  placed.forEach((p, i) => {
    if (p.entry.arxiv) {
      const other = byArxiv.get(p.entry.arxiv);
      if (other === undefined) byArxiv.set(p.entry.arxiv, i);
      else union(other, i);
    }
    for (const key of titleKeys(p.entry, normalise)) {
      const other = byTitle.get(key);
      if (other === undefined) byTitle.set(key, i);
      else if (!union(other, i)) {
        const first = placed[other]!;
        diagnostics.push({
          rule: 'same-title-different-arxiv',
          severity: 'info',
          file: p.file,
          line: p.entry.line,
          column: 1,
          message: `"${p.entry.title.slice(0, 80)}" has the same title as ${first.file}:${first.entry.line} but a different arXiv id; kept apart`,
        });
      }
    }
  });

  const groups = new Map<number, Placed[]>();
  placed.forEach((p, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(p);
    else groups.set(r, [p]);
  });

  const papers = new Map<string, PaperRecord>();
  for (const group of groups.values()) {
    const record = mergeGroup(group, diagnostics, normalise);
    const existing = papers.get(record.id);
    if (existing) {
      // Two groups that could not merge (different arXiv ids) never share an id; titles could: keep both apart.
      record.id = `${record.id}~${hash8(`${record.sources[0]!.file}:${record.sources[0]!.line}`)}` as PaperId;
    }
    papers.set(record.id, record);
  }

  // Cited-only papers: arXiv ids mentioned inside entries (or outside all entries) without an entry of their own.
  const cited = new Map<string, PaperRecord>();
  const cite = (
    file: string,
    tags: string[],
    arxiv: string,
    line: number,
    title: string | undefined,
    topicPath: string[],
  ) => {
    const id = `arxiv:${arxiv}` as PaperId;
    if (papers.has(id)) return;
    let rec = cited.get(id);
    if (!rec) {
      rec = {
        id,
        label: `arXiv:${arxiv}`,
        title: `arXiv:${arxiv}`,
        altTitles: [],
        arxiv,
        authors: [],
        topic: topicPath[topicPath.length - 1] ?? '',
        topicPath: [...topicPath],
        topics: [...topicPath],
        summary: '',
        links: [{ label: 'arXiv', url: `https://arxiv.org/abs/${arxiv}` }],
        sources: [],
        tags: [],
        citedOnly: true,
        text: [],
      };
      cited.set(id, rec);
    }
    if (title && rec.title === `arXiv:${arxiv}`) {
      rec.title = title;
      rec.label = shorten(title);
    }
    if (!rec.sources.some((s) => s.file === file && s.line === line)) rec.sources.push({ file, line });
    rec.topics = uniq([...rec.topics, ...topicPath]);
    rec.tags = uniq([...rec.tags, ...tags]);
  };
  for (const p of sorted) {
    for (const entry of p.entries)
      for (const c of entry.cites)
        cite(p.file, p.tags, c.arxiv, c.line, c.title, c.topicPath ?? entry.topicPath);
    for (const c of p.cites) cite(p.file, p.tags, c.arxiv, c.line, c.title, c.topicPath ?? []);
  }
  for (const rec of cited.values()) {
    rec.sources.sort(compareSource);
    papers.set(rec.id, rec);
  }

  // Keys are the records' ids; the default sort orders strings by UTF-16 code units, as `<` does, and faster.
  const list = [...papers.keys()].sort().map((id) => papers.get(id)!);
  diagnostics.sort((a, b) =>
    a.file !== b.file
      ? a.file < b.file
        ? -1
        : 1
      : a.line !== b.line
        ? a.line - b.line
        : a.column !== b.column
          ? a.column - b.column
          : a.rule < b.rule
            ? -1
            : a.rule > b.rule
              ? 1
              : 0,
  );
  return {
    papers: list,
    diagnostics,
    stats: {
      files: sorted.length,
      entries: placed.length,
      papers: list.length,
      mergedDuplicates: placed.length - groups.size,
    },
  };
}

function inLineOrder(entries: readonly FileEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1]!.line > entries[i]!.line) return false;
  return true;
}

/** Appends `value` unless the (short) list has it; whether it was added. */
function addNew(list: string[], value: string): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}

const isArxivTitle = (title: string): boolean => title.startsWith('arXiv:');
const isNamedTitle = (title: string): boolean => isLatin(title) && !isArxivTitle(title);

/**
 * One record from the entries of one group. Written as plain loops: this runs once per paper, and most groups
 * are a single entry, so the chains of map/filter/flatMap it replaced were most of its cost.
 */
function mergeGroup(group: readonly Placed[], diagnostics: Diagnostic[], normalise: Normalise): PaperRecord {
  const first = group[0]!;
  const entries = group.map((g) => g.entry);
  let arxiv: string | undefined;
  const allTitles: string[] = [];
  for (const e of entries) {
    if (!arxiv && e.arxiv) arxiv = e.arxiv;
    addNew(allTitles, e.title);
    for (const t of e.altTitles) addNew(allTitles, t);
  }
  const title =
    entries.find((e) => isNamedTitle(e.title))?.title ??
    allTitles.find(isNamedTitle) ??
    entries.find((e) => !isArxivTitle(e.title))?.title ??
    first.entry.title;
  const seenKeys = [normalise(title)];
  const altTitles: string[] = [];
  for (const t of allTitles) {
    if (isArxivTitle(t)) continue;
    if (addNew(seenKeys, normalise(t))) altTitles.push(t);
  }
  const owner = entries.find((e) => e.title === title) ?? first.entry;
  const label = (owner.named ? owner : (entries.find((e) => e.named) ?? owner)).label;

  // The earliest date; the publication dates and author lists in order of appearance.
  let date: string | undefined;
  const published: string[] = [];
  const authorLists: string[][] = [];
  for (const e of entries) {
    if (e.date !== undefined && (date === undefined || e.date < date)) date = e.date;
    if (e.published !== undefined) addNew(published, e.published);
    if (e.authors.length > 0) authorLists.push(e.authors);
  }
  const authors = authorLists.find((a) => a.every((n) => isLatin(n))) ?? authorLists[0] ?? [];
  if (group.length > 1) {
    const conflicts: string[] = [];
    if (published.length > 1)
      conflicts.push(`publication dates ${published.join(' / ')} (kept ${published[0]})`);
    const latinLists = authorLists.filter((a) => a.every((n) => isLatin(n)));
    if (latinLists.some((a) => !sameList(a, authors)))
      conflicts.push(
        `author lists (kept ${authors.slice(0, 3).join(', ')}${authors.length > 3 ? ', …' : ''})`,
      );
    if (conflicts.length > 0) {
      diagnostics.push({
        rule: 'merge-conflict',
        severity: 'info',
        file: first.file,
        line: first.entry.line,
        column: 1,
        message: `${arxiv ? `arXiv ${arxiv}` : `"${title.slice(0, 60)}"`} appears ${group.length} times (${group
          .map((g) => ({ file: g.file, line: g.entry.line }))
          .sort(compareSource)
          .slice(0, 5)
          .map((s) => `${s.file}:${s.line}`)
          .join(
            ', ',
          )}${group.length > 5 ? ', …' : ''}) with different ${conflicts.join('; ')}; summaries and links of all places are kept`,
      });
    }
  }
  const links: Link[] = [];
  for (const e of entries)
    for (const l of e.links) if (!links.some((x) => x.url === l.url)) links.push({ ...l });
  const sources = group.map((g) => ({ file: g.file, line: g.entry.line }));
  if (sources.length > 1) sources.sort(compareSource);
  const topicPath = [...first.entry.topicPath];
  const topics: string[] = [];
  const tags: string[] = [];
  const summaries: string[] = [];
  let text: TextSpan[] = [];
  for (const g of group) {
    for (const t of g.entry.topicPath) addNew(topics, t);
    for (const t of g.tags) addNew(tags, t);
    if (g.entry.summary.trim() !== '') summaries.push(g.entry.summary);
    text = text.length === 0 ? g.entry.text.slice() : text.concat(g.entry.text);
  }
  return {
    id: arxiv ? (`arxiv:${arxiv}` as PaperId) : titleIdOf(title, normalise),
    label,
    title,
    altTitles,
    ...(arxiv ? { arxiv } : {}),
    ...(date ? { date } : {}),
    ...(published[0] ? { published: published[0] } : {}),
    authors: [...authors],
    topic: topicPath[topicPath.length - 1] ?? '',
    topicPath,
    topics,
    summary: summaries.length === 1 ? summaries[0]! : summaries.join('\n\n'),
    links,
    sources,
    tags,
    citedOnly: false,
    text,
  };
}
