// Per-file parses -> one record per distinct paper. The same paper in several places (same arXiv id, or the same
// normalised title) becomes one record with every source and topic; arXiv ids only cited inside other entries
// become cited-only records. Output is sorted so the same notes give the same bytes.
import { joinSameWork } from './same-work.js';
import type {
  Diagnostic,
  Link,
  NoteLink,
  PaperId,
  PaperRecord,
  ParseResult,
  SourceRef,
  TextSpan,
  WorkIds,
  WorkKind,
} from '../types.js';
import { identityKeys, mergeIds } from './identifiers.js';
import { noteName } from './paper-note.js';
import { isLatin } from './patterns.js';
import { hash8, makeLabel, normaliseTitle, shorten } from './text.js';
import type { FileEntry, FileParse, HubPage, LibraryItem, NoteLinkRef } from './types.js';
import { workKindOfItemType } from './works.js';

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
  // A file name or a reading note's heading names no work on its own.
  if (entry.weakTitle) return keys;
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

export interface MergeOptions {
  /**
   * Draw every item of a `.bib` / CSL-JSON library beside the notes, also those no note mentions (default
   * false: only the citekeys the notes mention are drawn).
   */
  libraryAll?: boolean | null;
}

/** Merges the parses of every file into one record per paper; the same work seen twice is one record. */
export function mergeFileParses(parses: readonly FileParse[], options?: MergeOptions | null): ParseResult {
  return joinSameWork(mergeEntries(parses, options));
}

/** `mergeFileParses` before articles are joined to the work they name (the warm merge patches this). */
export function mergeEntries(parses: readonly FileParse[], options?: MergeOptions | null): ParseResult {
  const sorted = [...parses].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const normalise = normaliser();
  const diagnostics: Diagnostic[] = [];
  const placed: Placed[] = [];
  const library = libraryOf(sorted);
  const known = new Set<string>();
  for (const p of sorted)
    for (const e of p.entries) {
      if (e.ids?.citekey) known.add(e.ids.citekey.toLowerCase());
      for (const n of e.notes ?? []) if (!e.joinOnly) known.add(n);
    }
  const mentioned = new Set<Placed>();
  const mentionedKeys = new Set<string>();
  for (const p of sorted) {
    for (const diagnostic of p.diagnostics) diagnostics.push(diagnostic);
    // The parser gives entries in line order; sort (stably) only a file where it did not.
    const entries = inLineOrder(p.entries) ? p.entries : [...p.entries].sort((a, b) => a.line - b.line);
    for (const entry of entries) {
      const item = entry.ids?.citekey ? library.get(entry.ids.citekey.toLowerCase()) : undefined;
      placed.push({ file: p.file, tags: p.tags, entry: item ? withLibrary(entry, item) : entry });
    }
    // `@citekey` / `[[citekey]]` mentions: the library's item for each, or a note that has it.
    const seen = new Set<string>();
    for (const m of p.citekeys ?? []) {
      const key = m.citekey.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      mentionedKeys.add(key);
      const item = library.get(key);
      if (item) {
        const at: Placed = { file: p.file, tags: p.tags, entry: mentionEntry(item, m.line, m.topicPath) };
        placed.push(at);
        mentioned.add(at);
      } else if (!known.has(key)) {
        diagnostics.push({
          rule: 'citekey-unresolved',
          severity: 'info',
          file: p.file,
          line: m.line,
          column: 1,
          message: `@${m.citekey} is in no note and no .bib / CSL-JSON file beside the notes`,
        });
      }
    }
  }

  // Asked for the whole library: its items no note mentions too, each placed at its line in the library file.
  if (options?.libraryAll) {
    for (const p of sorted)
      for (const item of p.library ?? []) {
        const key = item.citekey.toLowerCase();
        if (known.has(key) || mentionedKeys.has(key) || library.get(key) !== item) continue;
        // Its place is its entry in the library: the work is drawn as the library's, not as cited by a note.
        placed.push({ file: p.file, tags: [], entry: mentionEntry(item, item.line, []) });
      }
  }

  // Each library says what it gave: the items the notes name, and the others (drawn only when asked).
  for (const p of sorted) {
    if (!p.library) continue;
    const total = p.library.length;
    const named = p.library.filter((item) => {
      const key = item.citekey.toLowerCase();
      return known.has(key) || mentionedKeys.has(key);
    }).length;
    const rest = total - named;
    diagnostics.push({
      rule: 'library-read',
      severity: 'info',
      file: p.file,
      line: 1,
      column: 1,
      message:
        `a library of ${total} items: ${named} named by the notes` +
        (rest === 0
          ? ''
          : options?.libraryAll
            ? `, ${rest} more drawn as asked (--library-all)`
            : `, ${rest} not drawn (--library-all draws them)`),
    });
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
  const byIdentity = new Map<string, number>();
  placed.forEach((p, i) => {
    if (p.entry.arxiv) {
      const other = byArxiv.get(p.entry.arxiv);
      if (other === undefined) byArxiv.set(p.entry.arxiv, i);
      else union(other, i);
    }
    // DOI, citekey, OpenReview / ACL ids and note names: two identifiers of one work make one node.
    for (const key of identityKeys(p.entry.ids, p.entry.notes)) {
      const other = byIdentity.get(key);
      if (other === undefined) byIdentity.set(key, i);
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
  const recordOf = new Map<Placed, PaperRecord>();
  for (const group of groups.values()) {
    if (group.every((g) => g.entry.joinOnly)) {
      // A reading note whose literature note is not in the folder.
      for (const g of group)
        diagnostics.push({
          rule: 'reading-note-unresolved',
          severity: 'info',
          file: g.file,
          line: g.entry.line,
          column: 1,
          message: `points at "${g.entry.notes?.[0] ?? ''}", which is no note in this folder; nothing drawn for it`,
        });
      continue;
    }
    const record = mergeGroup(group, diagnostics, normalise);
    if (group.every((g) => mentioned.has(g))) record.citedOnly = true;
    for (const g of group) recordOf.set(g, record);
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
        ...(arxivMonth(arxiv) ? { issued: arxivMonth(arxiv)! } : {}),
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
  resolveNoteLinks(sorted, placed, recordOf, diagnostics, normalise);

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

/** `2306.17156` -> `2023-06`: the month a new-style arXiv id was submitted in. */
function arxivMonth(arxiv: string): string | undefined {
  const m = /^(\d{2})(\d{2})\./.exec(arxiv);
  return m ? `20${m[1]}-${m[2]}` : undefined;
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
  const all = group.map((g) => g.entry);
  // Weak titles (a file name, a reading note's heading) only when nothing better is known.
  const strong = all.filter((e) => !e.weakTitle && !e.joinOnly);
  const entries =
    strong.length > 0
      ? strong
      : all.filter((e) => !e.joinOnly).length > 0
        ? all.filter((e) => !e.joinOnly)
        : all;
  let arxiv: string | undefined;
  const allTitles: string[] = [];
  for (const e of all) if (!arxiv && e.arxiv) arxiv = e.arxiv;
  for (const e of entries) {
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
  let ids: WorkIds = {};
  let venue: string | undefined;
  let itemType: string | undefined;
  let issued: string | undefined;
  let workKind: WorkKind | undefined;
  let paperSeen = false;
  for (const e of all) {
    if (e.date !== undefined && (date === undefined || e.date < date)) date = e.date;
    if (e.published !== undefined) addNew(published, e.published);
    if (e.authors.length > 0 && !e.joinOnly) authorLists.push(e.authors);
    ids = mergeIds(ids, e.ids);
    venue ??= e.venue;
    itemType ??= e.itemType;
    if (e.issued && (!issued || e.issued.length > issued.length)) issued = e.issued;
    if (e.workKind) workKind ??= e.workKind;
    else if (!e.joinOnly) paperSeen = true;
  }
  // A work seen once as a paper is a paper.
  if (paperSeen) workKind = undefined;
  if (published[0] && (!issued || issued.length < 10)) issued = published[0];
  // An arXiv id gives the month of submission when nothing better is known.
  if (!issued && arxiv) issued = arxivMonth(arxiv);
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
    id: arxiv
      ? (`arxiv:${arxiv}` as PaperId)
      : ids.doi
        ? (`doi:${ids.doi}` as PaperId)
        : titleIdOf(title, normalise),
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
    ...(Object.keys(ids).length > 0 ? { ids } : {}),
    ...(venue ? { venue } : {}),
    ...(itemType ? { itemType } : {}),
    ...(workKind ? { workKind } : {}),
    ...(issued ? { issued } : {}),
  };
}

/**
 * One record from the given entries, as the merge makes it for a group (for a split the user asks for: the
 * entries of one merged record taken apart). Conflict diagnostics are not repeated here.
 */
export function recordOfEntries(
  entries: readonly { file: string; tags: string[]; entry: FileEntry }[],
): PaperRecord {
  return mergeGroup(entries, [], normaliser());
}

/** Every library item by lower-cased citekey (the first file, in path order, wins a duplicate key). */
function libraryOf(parses: readonly FileParse[]): Map<string, LibraryItem> {
  const out = new Map<string, LibraryItem>();
  for (const p of parses)
    for (const item of p.library ?? [])
      if (!out.has(item.citekey.toLowerCase())) out.set(item.citekey.toLowerCase(), item);
  return out;
}

/** A note's entry with what the library knows filled in; the library's title wins over a file name. */
function withLibrary(entry: FileEntry, item: LibraryItem): FileEntry {
  const out: FileEntry = { ...entry, ids: mergeIds(entry.ids ?? {}, item.ids) };
  if (entry.weakTitle) {
    out.title = item.title;
    out.altTitles = [];
    delete out.weakTitle;
    const { label, named } = makeLabel([{ text: item.title, paperish: true }], '');
    out.label = label || item.title;
    out.named = named;
  }
  if (entry.authors.length === 0 || entry.weakTitle) out.authors = item.authors.slice();
  if (!entry.arxiv && item.arxiv) out.arxiv = item.arxiv;
  if (!entry.issued || (item.issued && entry.weakTitle)) {
    if (item.issued) out.issued = item.issued;
  }
  if (!entry.venue && item.venue) out.venue = item.venue;
  if (!entry.itemType && item.itemType) {
    out.itemType = item.itemType;
    const kind = workKindOfItemType(item.itemType);
    if (kind && !entry.arxiv) out.workKind = kind;
  }
  if (item.abstract && !entry.summary.includes(item.abstract.slice(0, 40)))
    out.summary = entry.summary ? `${entry.summary}\n\n${item.abstract}` : item.abstract;
  return out;
}

/** A work drawn from the library for a `@citekey` mention. */
function mentionEntry(item: LibraryItem, line: number, topicPath: string[]): FileEntry {
  const { label, named } = makeLabel([{ text: item.title, paperish: true }], '');
  return {
    line,
    title: item.title,
    altTitles: [],
    label: label || item.title,
    named,
    authors: item.authors.slice(),
    topicPath,
    summary: item.abstract ?? '',
    links: item.arxiv ? [{ label: 'arXiv', url: `https://arxiv.org/abs/${item.arxiv}` }] : [],
    text: [],
    cites: [],
    ids: item.ids,
    ...(item.arxiv ? { arxiv: item.arxiv } : {}),
    ...(item.issued ? { issued: item.issued } : {}),
    ...(item.venue ? { venue: item.venue } : {}),
    ...(item.itemType ? { itemType: item.itemType } : {}),
    ...(workKindOfItemType(item.itemType) ? { workKind: workKindOfItemType(item.itemType)! } : {}),
  };
}

/**
 * `[[Other Note]]` links: to another work's note -> a note link on the record (the link finder makes it an
 * edge); to an author page -> an author; to a keyword or tag page -> a concept; to nothing -> an info diagnostic.
 */
function resolveNoteLinks(
  parses: readonly FileParse[],
  placed: readonly Placed[],
  recordOf: ReadonlyMap<Placed, PaperRecord>,
  diagnostics: Diagnostic[],
  normalise: Normalise,
): void {
  // Most digest folders have no note links at all: nothing to resolve.
  if (!parses.some((p) => p.noteLinks || p.entries.some((e) => e.noteLinks))) return;
  const byName = new Map<string, PaperRecord>();
  for (const p of placed) {
    const record = recordOf.get(p);
    if (!record) continue;
    for (const n of p.entry.notes ?? []) if (!byName.has(n)) byName.set(n, record);
    const key = p.entry.ids?.citekey?.toLowerCase();
    if (key && !byName.has(key)) byName.set(key, record);
  }
  const hubs = new Map<string, HubPage>();
  const notes = new Set<string>();
  for (const p of parses) {
    if (p.note) notes.add(p.note);
    if (p.hub && p.note) hubs.set(p.note, p.hub);
  }
  const reported = new Set<string>();
  const unresolved = (file: string, line: number, target: string): void => {
    const key = `${file}\u0000${target.toLowerCase()}`;
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push({
      rule: 'note-link-unresolved',
      severity: 'info',
      file,
      line,
      column: 1,
      message: `[[${target.slice(0, 80)}]] names no note in this folder`,
    });
  };
  const authorFolder = (target: string): boolean =>
    /(?:^|\/)(?:authors|people|persons|researchers|作者)\/[^/]+$/i.test(target);
  const conceptFolder = (target: string): boolean =>
    /(?:^|\/)(?:keywords|tags|concepts|topics|关键词|标签)\/[^/]+$/i.test(target);
  const known = (name: string): boolean => byName.has(name) || hubs.has(name) || notes.has(name);
  // `[[Jane Doe | tags.author.J-Doe]]` (Dendron): the part after `|` is the target when the first names no note.
  const resolve = (link: NoteLinkRef): { name: string; target: string; display: string } => {
    const name = noteName(link.target);
    const display = link.target.slice(link.target.lastIndexOf('/') + 1).trim();
    if (!known(name) && link.alias && known(noteName(link.alias)))
      return { name: noteName(link.alias), target: link.alias, display };
    return { name, target: link.target, display };
  };
  for (const p of placed) {
    const links = p.entry.noteLinks;
    const record = recordOf.get(p);
    if (!links || !record) continue;
    for (const link of links) {
      const { name, display } = resolve(link);
      const target = byName.get(name);
      const hub = hubs.get(name);
      if (target && target !== record) {
        const list: NoteLink[] = (record.noteLinks ??= []);
        if (!list.some((l) => l.target === target.id && l.source.line === link.line))
          list.push({ target: target.id, source: { file: p.file, line: link.line }, text: link.text });
      } else if (target === record) continue;
      else if (hub?.kind === 'author' || (!hub && authorFolder(link.target))) {
        if (!record.authors.includes(display) && record.authors.length === 0) record.authors.push(display);
      } else if (hub?.kind === 'concept' || (!hub && conceptFolder(link.target))) {
        const concepts = (record.concepts ??= []);
        if (!concepts.includes(display)) concepts.push(display);
      } else if (!hub && !notes.has(name)) unresolved(p.file, link.line, link.target);
    }
  }
  // A digest's `[[Paper Title|alias]]` names a paper of the notes even when no note has that name.
  let titles: Set<string> | undefined;
  const isTitle = (target: string): boolean => {
    if (!titles) {
      titles = new Set<string>();
      for (const r of recordOf.values()) titles.add(normalise(r.title));
    }
    return titles.has(normalise(target));
  };
  for (const p of parses) {
    for (const link of p.noteLinks ?? []) {
      const { name } = resolve(link);
      if (
        !byName.has(name) &&
        !hubs.has(name) &&
        !notes.has(name) &&
        !authorFolder(link.target) &&
        !conceptFolder(link.target) &&
        !isTitle(link.target)
      )
        unresolved(p.file, link.line, link.target);
    }
  }
}
