// The user's corrections file: one correction a line. Edge corrections are one pure step after the link stage,
// splits and merges one after the merge stage. The line format is read and written here only (the dev server writes lines
// with `correctionLine`).
import type {
  ConceptRecord,
  Diagnostic,
  EdgeRecord,
  EdgeType,
  LinkResult,
  NodeId,
  PaperId,
  PaperRecord,
  ParseResult,
} from '../types.js';
import { EDGE_TYPES } from '../types.js';
import { recordOfEntries } from '../parse/merge.js';
import { hash8, normaliseTitle } from '../parse/text.js';
import type { FileEntry, FileParse } from '../parse/types.js';

/** File name of the optional corrections file, in the root of the content folder. */
export const CORRECTIONS_FILE_NAME = 'papermap.corrections.txt';

export type CorrectionVerb = 'reject' | 'confirm' | 'add';
export const CORRECTION_VERBS: readonly CorrectionVerb[] = ['reject', 'confirm', 'add'];

export interface Correction {
  verb: CorrectionVerb;
  type: EdgeType;
  source: string;
  target: string;
  line: number;
}

const LINE = /^(\S+)\s+(\S+)\s+(.+?)\s+(->|--)\s+(.+?)\s*$/;
const MERGE = /^merge\s+(.+?)\s+<-\s+(.+?)\s*$/;
const SPLIT = /^split\s+(.+?)\s+\|\s+(.+?)\s*$/;

/** `merge <into> <- <from>`: two papers the notes keep apart are one work; `into` keeps its id and label. */
export interface MergeCorrection {
  into: string;
  from: string;
  line: number;
}

/**
 * `split <node> | <part>`: a paper the notes' parser made of several places (same title, same arXiv id, an
 * article named after a paper) is two works. The places of `node` that `part` names (a place `file:line`, a
 * file, an arXiv id or DOI, a title or label of that place's entry) become a paper of their own; the others
 * keep the node's id.
 */
export interface SplitCorrection {
  node: string;
  part: string;
  line: number;
}

function isVerb(value: string): value is CorrectionVerb {
  return (CORRECTION_VERBS as readonly string[]).includes(value);
}

function isEdgeType(value: string): value is EdgeType {
  return (EDGE_TYPES as readonly string[]).includes(value);
}

function arrowOf(type: EdgeType): '->' | '--' {
  return type === 'same-group' ? '--' : '->';
}

function keyOf(type: EdgeType, source: string, target: string): string {
  return `${type}:${source}${type === 'same-group' ? '--' : '->'}${target}`;
}

/** A node reference is one token-free line piece: no line break, no arrow, not empty. */
function validRef(ref: string): boolean {
  return (
    ref.length > 0 && ref.length <= 500 && !/[\r\n]/.test(ref) && !ref.includes('->') && !ref.includes('--')
  );
}

/**
 * The line for one correction, or an error message when the parts cannot make a line that reads back as the
 * same correction. Edges: `{ verb, type, source, target }` (`reject builds-on arxiv:1 -> arxiv:2`); nodes:
 * `{ verb: 'merge', into, from }` (`merge arxiv:1 <- arxiv:2`) and `{ verb: 'split', node, part }`
 * (`split arxiv:1 | notes.md:12`).
 */
export function correctionLine(input: Record<string, unknown>): { line: string } | { error: string } {
  const { verb } = input;
  if (verb === 'merge' || verb === 'split') return nodeLine(verb, input);
  const { type, source, target } = input;
  if (typeof verb !== 'string' || !isVerb(verb))
    return { error: `verb must be one of ${[...CORRECTION_VERBS, 'merge', 'split'].join(', ')}` };
  if (typeof type !== 'string' || !isEdgeType(type))
    return { error: `type must be one of ${EDGE_TYPES.join(', ')}` };
  if (typeof source !== 'string' || typeof target !== 'string')
    return { error: 'source and target must be strings' };
  const s = source.trim();
  const t = target.trim();
  if (!validRef(s) || !validRef(t) || /\s/.test(s[0] ?? '') || s !== source || t !== target)
    return { error: 'source and target must be node ids or labels on one line, without arrows' };
  const line = `${verb} ${type} ${s} ${arrowOf(type)} ${t}`;
  const back = parseCorrections(line, CORRECTIONS_FILE_NAME);
  const read = back.corrections[0];
  if (back.diagnostics.length > 0 || !read || read.source !== s || read.target !== t)
    return { error: 'source and target do not read back as the same correction' };
  return { line };
}

function nodeLine(
  verb: 'merge' | 'split',
  input: Record<string, unknown>,
): { line: string } | { error: string } {
  const [a, b] = verb === 'merge' ? [input.into, input.from] : [input.node, input.part];
  const names = verb === 'merge' ? 'into and from' : 'node and part';
  if (typeof a !== 'string' || typeof b !== 'string') return { error: `${names} must be strings` };
  if (!validRef(a) || !validRef(b) || a.trim() !== a || b.trim() !== b)
    return { error: `${names} must be node ids, labels or places on one line, without arrows` };
  const line = verb === 'merge' ? `merge ${a} <- ${b}` : `split ${a} | ${b}`;
  const back = parseCorrections(line, CORRECTIONS_FILE_NAME);
  const merge = back.merges[0];
  const split = back.splits[0];
  const same =
    verb === 'merge' ? merge?.into === a && merge.from === b : split?.node === a && split.part === b;
  if (back.diagnostics.length > 0 || !same) return { error: `${names} do not read back as the same line` };
  return { line };
}

/** Reads the file: comments (`#`) and blank lines are skipped; a bad line is a located diagnostic. */
export function parseCorrections(
  text: string,
  file: string,
): {
  corrections: Correction[];
  merges: MergeCorrection[];
  splits: SplitCorrection[];
  diagnostics: Diagnostic[];
} {
  const corrections: Correction[] = [];
  const merges: MergeCorrection[] = [];
  const splits: SplitCorrection[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const column = raw.length - raw.trimStart().length + 1;
    const bad = (message: string) =>
      diagnostics.push({
        rule: 'correction-invalid',
        severity: 'warning',
        file,
        line: i + 1,
        column,
        message,
      });
    // The two lines about nodes (merge, split) name two of them.
    const twoNodes = MERGE.exec(trimmed) ?? SPLIT.exec(trimmed);
    if (twoNodes) {
      const [whole, a, b] = twoNodes as unknown as [string, string, string];
      if (!validRef(a) || !validRef(b)) bad('a node is named by its id or label, on one line');
      else if (whole.startsWith('merge')) merges.push({ into: a, from: b, line: i + 1 });
      else splits.push({ node: a, part: b, line: i + 1 });
      continue;
    }
    const m = LINE.exec(trimmed);
    if (!m) {
      bad(
        `expected "<verb> <type> <source> -> <target>", "merge <paper> <- <paper>" or "split <paper> | <place>", got "${trimmed.slice(0, 80)}"`,
      );
      continue;
    }
    const [, verb, type, source, arrow, target] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!isVerb(verb)) {
      bad(`unknown verb "${verb}" (${CORRECTION_VERBS.join(', ')})`);
      continue;
    }
    if (!isEdgeType(type)) {
      bad(`unknown edge type "${type}" (${EDGE_TYPES.join(', ')})`);
      continue;
    }
    if (arrow !== arrowOf(type)) {
      bad(`a ${type} edge is written with "${arrowOf(type)}"`);
      continue;
    }
    if (!validRef(source) || !validRef(target)) {
      bad('a node is named by its id or label, on one line');
      continue;
    }
    corrections.push({ verb, type, source, target, line: i + 1 });
  }
  return { corrections, merges, splits, diagnostics };
}

/**
 * The link result with the user's corrections applied: rejected edges gone, confirmed and added edges marked
 * `by: 'user'`. A node is named by its id or by its exact label (paper) or name (concept); a name that fits
 * no node, or more than one, and a correction that fits no edge, are located diagnostics. Edge records that
 * no correction touches keep their identity; the output stays sorted by key.
 */
export function applyCorrections(
  links: LinkResult,
  papers: readonly PaperRecord[],
  input: { file: string; text: string } | null,
): LinkResult {
  if (input === null) return links;
  const { file } = input;
  const { corrections, diagnostics } = parseCorrections(input.text, file);
  if (corrections.length === 0 && diagnostics.length === 0) return links;
  const nodes = nodeNames(papers, links.concepts);
  const resolve = (ref: string, c: Correction): NodeId | null => {
    if (nodes.ids.has(ref)) return ref as NodeId;
    const named = nodes.byName.get(ref);
    if (named && named.length === 1) return named[0] as NodeId;
    diagnostics.push({
      rule: 'correction-unknown-node',
      severity: 'warning',
      file,
      line: c.line,
      column: 1,
      message: named
        ? `"${ref}" names ${named.length} nodes (${named.slice(0, 3).join(', ')}); use the node id`
        : `no node is called "${ref}" (a paper id like arxiv:2501.00001, a concept id, or an exact label)`,
    });
    return null;
  };
  // The last line about an edge wins (a later confirm undoes an earlier reject).
  const wanted = new Map<
    string,
    { correction: Correction; type: EdgeType; source: NodeId; target: NodeId }
  >();
  for (const c of corrections) {
    let source = resolve(c.source, c);
    let target = source === null ? null : resolve(c.target, c);
    if (source === null || target === null) continue;
    if (c.type === 'same-group' && target < source) [source, target] = [target, source];
    const key = keyOf(c.type, source, target);
    wanted.delete(key);
    wanted.set(key, { correction: c, type: c.type, source, target });
  }
  if (wanted.size === 0) return { ...links, diagnostics: [...links.diagnostics, ...diagnostics] };
  const edges: EdgeRecord[] = [];
  const seen = new Set<string>();
  for (const edge of links.edges) {
    const w = wanted.get(edge.key);
    if (!w) {
      edges.push(edge);
      continue;
    }
    seen.add(edge.key);
    if (w.correction.verb === 'reject') continue;
    edges.push({ ...edge, by: 'user' });
  }
  let added = false;
  for (const [key, w] of wanted) {
    if (seen.has(key)) continue;
    const c = w.correction;
    if (c.verb === 'add') {
      if (w.source === w.target) {
        diagnostics.push(at(file, c, 'correction-invalid', 'an edge cannot join a node to itself'));
        continue;
      }
      edges.push({
        key,
        type: w.type,
        source: w.source,
        target: w.target,
        directed: w.type !== 'same-group',
        evidence: [`added by you in ${file}`],
        sources: [{ file, line: c.line }],
        confidence: 1,
        by: 'user',
      });
      added = true;
    } else {
      diagnostics.push(
        at(
          file,
          c,
          'correction-no-edge',
          `no ${w.type} edge ${key} to ${c.verb}; the line does nothing now`,
          'info',
        ),
      );
    }
  }
  if (added) edges.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { concepts: links.concepts, edges, diagnostics: [...links.diagnostics, ...diagnostics] };
}

function at(
  file: string,
  c: Correction,
  rule: string,
  message: string,
  severity: Diagnostic['severity'] = 'warning',
): Diagnostic {
  return { rule, severity, file, line: c.line, column: 1, message };
}

function nodeNames(
  papers: readonly PaperRecord[],
  concepts: readonly ConceptRecord[],
): { ids: Set<string>; byName: Map<string, string[]> } {
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  const name = (n: string, id: string) => {
    const list = byName.get(n);
    if (!list) byName.set(n, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const paper of papers) {
    ids.add(paper.id);
    name(paper.label, paper.id);
    name(paper.title, paper.id);
  }
  for (const concept of concepts) {
    ids.add(concept.id);
    name(concept.label, concept.id);
  }
  return { ids, byName };
}

/**
 * The parse result with the corrections file's merges applied (before the link stage): each `merge A <- B`
 * folds paper B into paper A (A keeps its id, label and title; B's title becomes another title; places,
 * text, links and names are joined) and notes' links to B point to A. A name that fits no paper (or several)
 * is a located diagnostic; the line's other problems are reported by `applyCorrections`.
 */
export function applyMerges(parsed: ParseResult, input: { file: string; text: string } | null): ParseResult {
  if (input === null) return parsed;
  const { merges } = parseCorrections(input.text, input.file);
  if (merges.length === 0) return parsed;
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, PaperRecord>(parsed.papers.map((p) => [p.id, p]));
  const names = nodeNames(parsed.papers, []);
  const root = new Map<string, string>();
  const find = (id: string): string => {
    let at = id;
    while (root.has(at)) at = root.get(at) as string;
    return at;
  };
  const resolve = (ref: string, m: MergeCorrection): string | null => {
    if (byId.has(ref)) return find(ref);
    const named = names.byName.get(ref);
    if (named && named.length === 1) return find(named[0] as string);
    diagnostics.push({
      rule: 'correction-unknown-node',
      severity: 'warning',
      file: input.file,
      line: m.line,
      column: 1,
      message: named
        ? `"${ref}" names ${named.length} papers (${named.slice(0, 3).join(', ')}); use the paper id`
        : `no paper is called "${ref}" (only papers can be merged: an id like arxiv:2501.00001 or an exact label)`,
    });
    return null;
  };
  const merged = new Map<string, PaperRecord>();
  for (const m of merges) {
    const into = resolve(m.into, m);
    const from = into === null ? null : resolve(m.from, m);
    if (into === null || from === null) continue;
    if (into === from) {
      diagnostics.push({
        rule: 'correction-no-edge',
        severity: 'info',
        file: input.file,
        line: m.line,
        column: 1,
        message: `${m.into} and ${m.from} are already one node`,
      });
      continue;
    }
    const a = merged.get(into) ?? (byId.get(into) as PaperRecord);
    const b = merged.get(from) ?? (byId.get(from) as PaperRecord);
    const joined = joinPapers(a, b);
    joined.corrections = [
      ...(a.corrections ?? []),
      ...(b.corrections ?? []),
      { file: input.file, line: m.line },
    ];
    merged.set(into, joined);
    merged.delete(from);
    root.set(from, into);
  }
  if (root.size === 0) return { ...parsed, diagnostics: [...parsed.diagnostics, ...diagnostics] };
  const papers: PaperRecord[] = [];
  for (const paper of parsed.papers) {
    if (root.has(paper.id)) continue;
    let out = merged.get(paper.id) ?? paper;
    if (out.noteLinks?.some((l) => root.has(l.target))) {
      const noteLinks = out.noteLinks
        .map((l) => (root.has(l.target) ? { ...l, target: find(l.target) as PaperId } : l))
        .filter((l) => l.target !== out.id);
      out = { ...out, noteLinks };
    }
    papers.push(out);
  }
  return {
    papers,
    diagnostics: [...parsed.diagnostics, ...diagnostics],
    stats: {
      ...parsed.stats,
      papers: papers.length,
      mergedDuplicates: parsed.stats.mergedDuplicates + root.size,
    },
  };
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** One record for two: `a`'s identity, both places and texts. */
function joinPapers(a: PaperRecord, b: PaperRecord): PaperRecord {
  const out: PaperRecord = {
    ...b,
    ...a,
    altTitles: union(a.altTitles, [b.title, ...b.altTitles]).filter((t) => t !== a.title),
    authors: a.authors.length > 0 ? a.authors : b.authors,
    topics: union(a.topics, b.topics),
    summary: [a.summary, b.summary].filter((t) => t.trim() !== '').join('\n\n'),
    links: [...a.links, ...b.links.filter((l) => !a.links.some((k) => k.url === l.url))],
    sources: [...a.sources, ...b.sources].sort((x, y) =>
      x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line,
    ),
    tags: union(a.tags, b.tags),
    citedOnly: a.citedOnly && b.citedOnly,
    text: [...a.text, ...b.text],
  };
  const date = [a.date, b.date].filter((d): d is string => d !== undefined).sort()[0];
  if (date !== undefined) out.date = date;
  if (a.ids || b.ids) out.ids = { ...b.ids, ...a.ids };
  if (a.noteLinks || b.noteLinks) out.noteLinks = [...(a.noteLinks ?? []), ...(b.noteLinks ?? [])];
  if (a.concepts || b.concepts) out.concepts = union(a.concepts ?? [], b.concepts ?? []);
  return out;
}

type Placed = { file: string; tags: string[]; entry: FileEntry };

function withoutArxiv(entry: FileEntry): FileEntry {
  const out = { ...entry };
  delete out.arxiv;
  return out;
}

/** Whether `part` (of a `split` line) names this place: `file:line`, the file, an id, a title or the label. */
function namesPlace(part: string, at: Placed): boolean {
  const { file, entry } = at;
  if (part === `${file}:${entry.line}` || part === file) return true;
  const lower = part.toLowerCase();
  if (entry.arxiv && (lower === entry.arxiv.toLowerCase() || lower === `arxiv:${entry.arxiv.toLowerCase()}`))
    return true;
  const doi = entry.ids?.doi;
  if (doi && (lower === doi || lower === `doi:${doi}`)) return true;
  if (part === entry.label) return true;
  const key = normaliseTitle(part);
  return key !== '' && [entry.title, ...entry.altTitles].some((t) => normaliseTitle(t) === key);
}

/**
 * The parse result with the corrections file's splits applied (after the parser's merge, before the user's
 * merges): for each `split N | P`, the places of paper N that P names are made into a paper of their own
 * (the merge's own rule for one group of entries, so it reads as if the notes had kept them apart); the other
 * places stay paper N, with its id. `parses` are the per-file parses the merge was made from. A line that
 * names no paper, a paper of one place, or no place (or every place) of it, is a located diagnostic and
 * changes nothing.
 */
export function applySplits(
  parsed: ParseResult,
  parses: readonly FileParse[],
  input: { file: string; text: string } | null,
): ParseResult {
  if (input === null) return parsed;
  const { splits } = parseCorrections(input.text, input.file);
  if (splits.length === 0) return parsed;
  const { file } = input;
  const diagnostics: Diagnostic[] = [];
  const note = (s: SplitCorrection, rule: string, message: string, severity: Diagnostic['severity']) =>
    diagnostics.push({ rule, severity, file, line: s.line, column: 1, message });
  const places = new Map<string, Placed[]>();
  for (const p of parses) {
    if (!p || !Array.isArray(p.entries)) continue;
    for (const entry of p.entries) {
      const key = `${p.file}:${entry.line}`;
      const list = places.get(key);
      const at = { file: p.file, tags: p.tags, entry };
      if (list) list.push(at);
      else places.set(key, [at]);
    }
  }
  const current = new Map<string, PaperRecord>(parsed.papers.map((p) => [p.id, p]));
  let changed = false;
  for (const s of splits) {
    const names = nodeNames([...current.values()], []);
    const named = names.ids.has(s.node) ? [s.node] : (names.byName.get(s.node) ?? []);
    if (named.length !== 1) {
      note(
        s,
        'correction-unknown-node',
        named.length > 1
          ? `"${s.node}" names ${named.length} papers (${named.slice(0, 3).join(', ')}); use the paper id`
          : `no paper is called "${s.node}" (only papers can be split: an id like arxiv:2501.00001 or an exact label)`,
        'warning',
      );
      continue;
    }
    const record = current.get(named[0] as string) as PaperRecord;
    const where = record.sources.map((x) => `${x.file}:${x.line}`);
    const entries = where.map((key) => places.get(key) ?? []);
    if (record.sources.length < 2 || record.citedOnly || entries.some((list) => list.length === 0)) {
      note(
        s,
        'correction-no-edge',
        record.sources.length < 2
          ? `${record.id} is one place in the notes (${where.join(', ') || 'only cited'}); nothing to split`
          : `${record.id} is not only made of note entries (cited or library places); it cannot be split`,
        'info',
      );
      continue;
    }
    const all = entries.flat();
    const part = all.filter((at) => namesPlace(s.part, at));
    const rest = all.filter((at) => !part.includes(at));
    if (part.length === 0 || rest.length === 0) {
      note(
        s,
        'correction-no-edge',
        `"${s.part}" names ${part.length === 0 ? 'no place' : 'every place'} of ${record.id} (${where.slice(0, 5).join(', ')}): give one place as file:line`,
        'info',
      );
      continue;
    }
    const kept: PaperRecord = { ...recordOfEntries(rest), id: record.id };
    // An article that links the paper it is about keeps the link, but the arXiv id (and the node it names)
    // stays with the paper.
    const own = kept.arxiv;
    let away = recordOfEntries(
      own ? part.map((at) => (at.entry.arxiv === own ? { ...at, entry: withoutArxiv(at.entry) } : at)) : part,
    );
    if (current.has(away.id)) {
      const first = away.sources[0] as { file: string; line: number };
      away = { ...away, id: `${away.id}~${hash8(`${first.file}:${first.line}`)}` as PaperId };
    }
    // Links from the notes go with the place they were written in (the nearest entry above them).
    const owner = (at: { file: string; line: number }): PaperRecord => {
      let best: Placed | undefined;
      for (const x of all)
        if (x.file === at.file && x.entry.line <= at.line && (!best || x.entry.line > best.entry.line))
          best = x;
      return best && part.includes(best) ? away : kept;
    };
    for (const link of record.noteLinks ?? []) (owner(link.source).noteLinks ??= []).push(link);
    if (record.concepts) kept.concepts = [...record.concepts];
    const line = { file, line: s.line };
    kept.corrections = [...(record.corrections ?? []), line];
    away.corrections = [line];
    current.set(kept.id, kept);
    current.set(away.id, away);
    changed = true;
  }
  if (!changed)
    return diagnostics.length === 0
      ? parsed
      : { ...parsed, diagnostics: [...parsed.diagnostics, ...diagnostics] };
  const papers = [...current.keys()].sort().map((id) => current.get(id) as PaperRecord);
  return {
    papers,
    diagnostics: [...parsed.diagnostics, ...diagnostics],
    stats: {
      ...parsed.stats,
      papers: papers.length,
      mergedDuplicates: parsed.stats.mergedDuplicates - (papers.length - parsed.papers.length),
    },
  };
}
