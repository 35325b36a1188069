// The warm link index: what every paper's text yields is kept by paper, and each output record is a fold over
// the few papers that feed it. A rebuild reads only the papers that changed (and those whose text holds a name
// that changed), then recomputes only the edges, concepts and same-group pairs those papers feed, and patches
// the sorted output. Records whose content did not change keep their identity.
//
// This is the link stage's only route to its output: a one-shot build fills a fresh index from empty (every paper
// is changed) and drops it. A warm rebuild equals that fresh fill: an edge's evidence, confidence and via are a
// fold over the calls that add to it in paper order, and every such call comes from a paper's reading (kept here
// by paper), from the derived-name step (which only involves edges of one source) or from same-group (one pair
// at a time).
import type {
  ConceptId,
  ConceptKind,
  ConceptRecord,
  Diagnostic,
  EdgeRecord,
  EdgeType,
  LinkResult,
  PaperRecord,
  SourceRef,
} from '../types.js';
import { AuthorIndex, enoughEvidence, type AuthorKey } from './authors.js';
import { BusyIndex } from './busiest.js';
import {
  CONCEPT_REF,
  CONFIDENCE_DERIVED,
  HANDFUL,
  MAX_CONCEPT_SOURCES,
  foldEvidence,
  compareStrings,
  conceptFor,
  isConceptRef,
  paperClaims,
  readPaper,
  definedKey,
  resolveNames,
  type ConceptEntry,
  type Names,
  type OrgEvidence,
  type PaperClaims,
  type Prepared,
  type ReadContext,
} from './core.js';
import { isWordCode, nameKey } from './normalise.js';
import { needsExactCase, type NameClaim } from './names.js';
import { reportEvidence, reportGroups } from './reports.js';
import type { CompiledNames, NameEntry, Target } from './registry.js';

/** More changed names than this between two builds read every paper again. */
const MAX_CHANGED_NAMES = 500;

/** One thing a paper's reading found, with nodes as ids (stable across builds). */
type Finding =
  | {
      k: 'edge';
      type: EdgeType;
      s: string;
      t: string;
      /** Whether the source / target is a concept. */
      sc: boolean;
      tc: boolean;
      evidence: string;
      where: SourceRef;
      confidence: number;
      via: string;
    }
  | { k: 'mention'; c: ConceptId; where: SourceRef }
  | { k: 'derived'; c: ConceptId; label: string; kind: ConceptKind; bases: string[] };

type EdgeFinding = Extract<Finding, { k: 'edge' }>;
type ConceptFinding = Exclude<Finding, { k: 'edge' }>;

interface PaperState {
  record: PaperRecord;
  /** Everything of the record the link stage reads: an equal print needs no new reading. */
  recordPrint: string;
  /** The names around the paper its reading depended on (its own names, claimed and redefined ones). */
  print: string[];
  /** What its reading found, by edge source and by concept, each in reading order. */
  bySource: Map<string, EdgeFinding[]>;
  byConcept: Map<ConceptId, ConceptFinding[]>;
  orgs: OrgEvidence;
  /** Its sentences, lower case with separators as spaces, joined by line breaks: which names it holds. */
  folded: string;
  /** Name keys looked up directly. */
  lookups: string[];
}

interface ConceptState {
  kept: boolean;
  record: ConceptRecord | undefined;
  /** Derived names: what the name is built from (node ids). */
  bases: string[];
  isConcept: true;
}

interface SourceState {
  records: EdgeRecord[];
  /** Concepts its edges point at (kept or not): a change to one of them redoes this source. */
  targets: string[];
}

interface ClaimsEntry {
  record: PaperRecord;
  claims: PaperClaims;
  /** Everything the name table reads from this paper. */
  sig: string;
}

interface ClaimStats {
  /** Name key -> how many papers claim it (and arXiv lines that name it). */
  claimants: Map<string, number>;
  /** Keys of the acronyms (and their long forms) papers define: such names may become concepts. */
  acronymKeys: Set<string>;
  /** arXiv ids some paper's text names (`GoT arxiv: …`): such a name is claimed for the paper with that id. */
  arxivRefs: Set<string>;
}

/** The warm state of the link stage. Lives in a `LinkCache`; a one-shot build fills a fresh one and drops it. */
export class LinkIndex {
  /**
   * Whether a later build will patch this index. A one-shot build's index (false) skips what only tells a later
   * build what to read again: record and name prints, claim signatures, folded texts and their sketches, lookups.
   */
  constructor(readonly forLater = true) {}
  lastRead = 0;
  /** How the last build came by its name table: kept as it was, patched for a few names, or resolved. */
  lastNames: 'kept' | 'patched' | 'resolved' = 'resolved';
  matcher: CompiledNames | null = null;
  /** The lexicon text and concept table the findings were read against: a change reads everything again. */
  world = '';
  lexiconText = '\u0000';
  names: Names | null = null;
  readonly claims = new Map<string, ClaimsEntry>();
  /** Name key -> what it stood for. */
  nameValues = new Map<string, string>();
  /** Who claims what, over every paper: tells an edit the name table can patch (see `patchNames`). */
  claimStats: ClaimStats | null = null;
  /** Paper ids in the order (index) the name table refers to them by. */
  order: string[] = [];
  readonly papers = new Map<string, PaperState>();
  /** Which word runs each paper's folded text holds (`PaperState.folded`), for finding a name's readers. */
  readonly sketches = new RunSketches();
  /** Name key -> the papers that looked it up directly (`PaperState.lookups`). */
  readonly lookupUsers = new Map<string, Set<string>>();
  /** Concept id / source node id -> the papers that feed it, in id order. */
  readonly conceptFeeds = new Map<string, string[]>();
  readonly sourceFeeds = new Map<string, string[]>();
  readonly conceptOut = new Map<string, ConceptState>();
  readonly sourceOut = new Map<string, SourceState>();
  /** Concept id -> the sources with edges to it. */
  readonly conceptUsers = new Map<string, Set<string>>();
  // Same group.
  /** Display name -> author key, kept when the rest of the index is emptied. */
  readonly authorKeys = new Map<string, AuthorKey | undefined>();
  /** Full names by initial, over every paper (initials resolve through it). */
  authors = new AuthorIndex(this.authorKeys);
  /** `last|initial` -> papers with an author known only by that initial (counts). */
  readonly initialUsers = new Map<string, Map<string, number>>();
  /** Paper id -> group key -> the display name it joined with. */
  readonly paperGroups = new Map<string, Map<string, string>>();
  readonly groupMembers = new Map<string, Set<string>>();
  /** Group key -> pair (`x\0y`) -> the evidence lines it adds. */
  readonly groupPairs = new Map<string, Map<string, PairShare>>();
  /** Pair (`x\0y`) -> the groups it shares and its edge. */
  readonly pairs = new Map<string, PairState>();
  /** Counts same-group passes: a pair touched by this one carries its number. */
  groupPass = 0;
  /** The output, sorted by key / id. */
  edges: EdgeRecord[] = [];
  /** The typed edges of `edges` by node: the busiest nodes without a pass over every edge. */
  busy = new BusyIndex();
  concepts: ConceptRecord[] = [];
}

interface PairState {
  /** Group keys (a handful). */
  groups: string[];
  record: EdgeRecord | undefined;
  /** The same-group pass that last touched it. */
  pass: number;
}

/** What one group adds to one pair: x's evidence lines, then y's, each at the group's confidence and via. */
interface PairShare {
  x: readonly { text: string; where: SourceRef }[];
  y: readonly { text: string; where: SourceRef }[];
  confidence: number;
  via: string;
}

function recordPrint(paper: PaperRecord): string {
  const parts = [
    paper.id,
    paper.label,
    paper.title,
    paper.arxiv ?? '',
    paper.date ?? '',
    paper.published ?? '',
  ];
  parts.push(
    String(paper.altTitles.length),
    ...paper.altTitles,
    String(paper.authors.length),
    ...paper.authors,
  );
  const where = paper.sources[0];
  parts.push(where?.file ?? '', String(where?.line ?? 0));
  for (const span of paper.text) parts.push(span.file, String(span.line), span.text);
  // The technical reports it lists make groups too.
  for (const [key] of reportGroups(paper)) parts.push(key);
  return parts.join('\u0001');
}

function claimsSig(paper: PaperRecord, claims: PaperClaims): string {
  const where = paper.sources[0];
  return JSON.stringify([claims, paper.date ?? '', paper.arxiv ?? '', where?.file ?? '', where?.line ?? 0]);
}

/** The first index of the sorted `list` whose id is not below `id`. */
function lowerBound(list: readonly string[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as string) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: string[], id: string): void {
  const at = lowerBound(list, id);
  if (list[at] !== id) list.splice(at, 0, id);
}

function removeSorted(list: string[], id: string): void {
  const at = lowerBound(list, id);
  if (list[at] === id) list.splice(at, 1);
}

const SEPARATOR_CHARS = /[-_\u2010\u2011\u2013\u00b7]/g;

/** Bits in a paper's sketch of word runs (a power of two; two bits per run). */
const SKETCH_BITS = 2048;

/** A hash of `text.slice(from, to)` (FNV-1a over UTF-16 code units). */
function runHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Which papers' folded texts may hold a word run: each paper's maximal runs of word characters (`isWordCode`)
 * are hashed to two of `SKETCH_BITS` bits, and the bits are kept by column (bit -> the papers that have it,
 * one bit per paper slot), so the papers that may hold a run are an AND of two columns. A paper without both
 * bits holds no such run; one with them is then checked on its text.
 */
export class RunSketches {
  /** 32-bit words per column. */
  private words = 0;
  private columns = new Uint32Array(0);
  private readonly slots = new Map<string, { slot: number; bits: Uint16Array }>();
  private readonly ids: (string | undefined)[] = [];
  private readonly free: number[] = [];

  add(id: string, folded: string): void {
    this.remove(id);
    const slot = this.free.pop() ?? this.ids.length;
    if (slot >= this.words * 32) this.grow(slot + 1);
    // Bits are set as runs are found; the list of them (repeats and all) is what `remove` clears.
    const bits: number[] = [];
    const { columns, words } = this;
    const word = slot >>> 5;
    const mask = 1 << (slot & 31);
    const n = folded.length;
    let start = -1;
    for (let i = 0; i <= n; i++) {
      if (i < n && isWordCode(folded.charCodeAt(i))) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        const h = runHash(folded, start, i);
        const a = h & (SKETCH_BITS - 1);
        const b = (h >>> 16) & (SKETCH_BITS - 1);
        columns[a * words + word] = (columns[a * words + word] as number) | mask;
        columns[b * words + word] = (columns[b * words + word] as number) | mask;
        bits.push(a, b);
        start = -1;
      }
    }
    this.slots.set(id, { slot, bits: Uint16Array.from(bits) });
    this.ids[slot] = id;
  }

  remove(id: string): void {
    const known = this.slots.get(id);
    if (!known) return;
    const word = known.slot >>> 5;
    const mask = ~(1 << (known.slot & 31));
    for (const b of known.bits) {
      const at = b * this.words + word;
      this.columns[at] = (this.columns[at] as number) & mask;
    }
    this.slots.delete(id);
    this.ids[known.slot] = undefined;
    this.free.push(known.slot);
  }

  /** Ids of the papers whose sketch has both bits of run hash `h` (a superset of those holding the run). */
  candidates(h: number, out: string[]): void {
    const a = (h & (SKETCH_BITS - 1)) * this.words;
    const b = ((h >>> 16) & (SKETCH_BITS - 1)) * this.words;
    for (let w = 0; w < this.words; w++) {
      let m = (this.columns[a + w] as number) & (this.columns[b + w] as number);
      while (m !== 0) {
        const low = m & -m;
        const id = this.ids[w * 32 + (31 - Math.clz32(low))];
        if (id !== undefined) out.push(id);
        m ^= low;
      }
    }
  }

  private grow(slots: number): void {
    let words = Math.max(this.words, 8);
    while (words * 32 < slots) words *= 2;
    const columns = new Uint32Array(SKETCH_BITS * words);
    for (let c = 0; c < SKETCH_BITS; c++)
      columns.set(this.columns.subarray(c * this.words, (c + 1) * this.words), c * words);
    this.columns = columns;
    this.words = words;
  }
}

/**
 * The hash of a word run every text holding `key` where `holdsName` accepts it has as a whole run, or -1 when
 * the key has none (no word characters bounded on both sides in the text: such keys are looked for by scan).
 * A key that starts with a word character starts on a run boundary in the text, and its first run ends where
 * the key's does (at a non-word character of the key, or at the key's end, which is then a boundary); the same
 * holds for a key that ends with one, and for a run enclosed by non-word characters inside the key.
 */
export function keyRunHash(key: string): number {
  const n = key.length;
  if (n === 0) return -1;
  let start = 0;
  if (isWordCode(key.charCodeAt(0))) {
    let end = 1;
    while (end < n && isWordCode(key.charCodeAt(end))) end++;
    return runHash(key, 0, end);
  }
  if (isWordCode(key.charCodeAt(n - 1))) {
    start = n - 1;
    while (start > 0 && isWordCode(key.charCodeAt(start - 1))) start--;
    return runHash(key, start, n);
  }
  for (let i = 1; i < n - 1; i++) {
    if (!isWordCode(key.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < n && isWordCode(key.charCodeAt(end))) end++;
    // Enclosed: key[i - 1] is no word character, nor is key[end] (the key ends with a non-word character).
    return runHash(key, i, end);
  }
  return -1;
}

/** Whether `folded` holds `key` where the matcher could report it (Latin names not glued to letters). */
export function holdsName(folded: string, key: string): boolean {
  const wordStart = isWordCode(key.charCodeAt(0));
  const wordEnd = isWordCode(key.charCodeAt(key.length - 1));
  for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
    if (wordStart && at > 0 && isWordCode(folded.charCodeAt(at - 1))) continue;
    const end = at + key.length;
    if (wordEnd && end < folded.length && isWordCode(folded.charCodeAt(end))) continue;
    return true;
  }
  return false;
}

function sameSources(a: readonly SourceRef[], b: readonly SourceRef[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as SourceRef;
    const y = b[i] as SourceRef;
    if (x.line !== y.line || x.file !== y.file) return false;
  }
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameEdge(a: EdgeRecord, b: EdgeRecord): boolean {
  return (
    a.key === b.key &&
    a.confidence === b.confidence &&
    a.via === b.via &&
    sameStrings(a.evidence, b.evidence) &&
    sameSources(a.sources, b.sources)
  );
}

function sameConcept(a: ConceptRecord, b: ConceptRecord): boolean {
  return (
    a.id === b.id &&
    a.label === b.label &&
    a.conceptKind === b.conceptKind &&
    sameStrings(a.aliases, b.aliases) &&
    sameSources(a.sources, b.sources)
  );
}

interface Acc {
  type: EdgeType;
  source: string;
  target: string;
  tc: boolean;
  evidence: string[];
  sources: SourceRef[];
  confidence: number;
  via: string[];
}

function recordOf(acc: Acc): EdgeRecord {
  const directed = acc.type !== 'same-group';
  const edge: EdgeRecord = {
    key: directed ? `${acc.type}:${acc.source}->${acc.target}` : `${acc.type}:${acc.source}--${acc.target}`,
    type: acc.type,
    source: acc.source as EdgeRecord['source'],
    target: acc.target as EdgeRecord['target'],
    directed,
    evidence: acc.evidence,
    sources: acc.sources,
    confidence: Math.round(acc.confidence * 100) / 100,
  };
  if (acc.via.length > 0) edge.via = acc.via.join('; ');
  return edge;
}

/** `sorted` without the records in `dead`, with `added` (any order) merged in by `keyOf`. */
function patchSorted<T>(sorted: readonly T[], dead: Set<T>, added: T[], keyOf: (x: T) => string): T[] {
  if (dead.size === 0 && added.length === 0) return [...sorted];
  added.sort((a, b) => compareStrings(keyOf(a), keyOf(b)));
  const at = added.map((x) => {
    const key = keyOf(x);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyOf(sorted[mid] as T) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  const out: T[] = [];
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (j < added.length && (at[j] as number) <= i) out.push(added[j++] as T);
    const x = sorted[i] as T;
    if (!dead.has(x)) out.push(x);
  }
  while (j < added.length) out.push(added[j++] as T);
  return out;
}

export function warmLinks(
  papers: readonly PaperRecord[],
  prepared: Prepared,
  userLexicon: { file: string; text: string } | null,
  ix: LinkIndex,
): LinkResult {
  const { lexicon } = prepared;
  const lexiconText = userLexicon ? `${userLexicon.file}\u0000${userLexicon.text}` : '';

  // ---- which records changed -----------------------------------------------------------------------
  let changed: number[] = [];
  let added = 0;
  papers.forEach((paper, p) => {
    const known = ix.papers.get(paper.id);
    if (known?.record === paper) return;
    // A record parsed again with the same content (another entry of its file changed) reads the same.
    if (known && known.recordPrint === recordPrint(paper)) {
      known.record = paper;
      const claims = ix.claims.get(paper.id);
      if (claims) claims.record = paper;
      return;
    }
    changed.push(p);
    if (!known) added++;
  });
  let removed: string[] = [];
  if (ix.papers.size + added > papers.length) {
    const present = new Set<string>(papers.map((x) => x.id));
    removed = [...ix.papers.keys()].filter((id) => !present.has(id));
  }

  // ---- the name table: kept while no paper's claims (or what ranks them) changed ----------------------
  let reuse = ix.names !== null && ix.lexiconText === lexiconText && added === 0 && removed.length === 0;
  /** The claims of the changed and removed papers before this build (undefined: none were kept). */
  const priorClaims = new Map<string, ClaimsEntry | undefined>();
  for (const p of changed) {
    const paper = papers[p] as PaperRecord;
    const before = ix.claims.get(paper.id);
    priorClaims.set(paper.id, before);
    const claims = paperClaims(paper, p, lexicon);
    const sig = ix.forLater ? claimsSig(paper, claims) : '';
    if (before?.sig !== sig) reuse = false;
    ix.claims.set(paper.id, { record: paper, claims, sig });
  }
  for (const id of removed) {
    priorClaims.set(id, ix.claims.get(id));
    ix.claims.delete(id);
  }
  let names: Names;
  let toRead: Set<number>;
  /** Records of an index emptied because everything is read again, offered for reuse by key. */
  let reusing: { edges: EdgeRecord[]; concepts: ConceptRecord[] } | null = null;
  const patched = reuse ? null : patchNames(ix, papers, changed, removed, priorClaims, lexiconText);
  ix.lastNames = reuse ? 'kept' : patched ? 'patched' : 'resolved';
  if (reuse) {
    names = ix.names as Names;
    toRead = new Set(changed);
  } else if (patched) {
    // Only names no other paper claims came or went: the table was patched, and no other paper's own,
    // claimed or redefined names changed (its print is the same), so only the papers whose text holds a
    // changed name or that looked one up are read again.
    names = ix.names as Names;
    toRead = new Set(changed);
    const changedNames: string[] = [];
    for (const key of patched) {
      const entry = names.registry.entries.get(key);
      const value = entry ? nameValue(entry, names, papers) : undefined;
      if (ix.nameValues.get(key) === value) continue;
      changedNames.push(key);
      if (value === undefined) ix.nameValues.delete(key);
      else ix.nameValues.set(key, value);
    }
    addReaders(ix, papers, names, changedNames, toRead, false);
  } else {
    const own = papers.map((paper, p) => {
      let entry = ix.claims.get(paper.id);
      if (entry?.record !== paper) {
        const claims = paperClaims(paper, p, lexicon);
        entry = { record: paper, claims, sig: ix.forLater ? claimsSig(paper, claims) : '' };
        ix.claims.set(paper.id, entry);
      }
      return entry.claims;
    });
    names = resolveNames(papers, own, prepared);
    const parts: string[] = [lexiconText];
    for (const c of names.concepts)
      parts.push(`${c.label}\u0002${c.kind}\u0002${c.retired}\u0002${[...c.aliases].join('\u0003')}`);
    const world = parts.join('\u0001');
    if (world !== ix.world) {
      // Everything is read again: start from an empty index, but keep the records to reuse their identity.
      const previous = { edges: ix.edges, concepts: ix.concepts };
      const fresh = new LinkIndex(ix.forLater);
      Object.assign(ix, fresh, { claims: ix.claims, authorKeys: ix.authorKeys });
      ix.authors = new AuthorIndex(ix.authorKeys);
      ix.edges = [];
      ix.concepts = [];
      reusing = previous;
      ix.world = world;
      changed = papers.map((_, p) => p);
      removed = [];
      toRead = new Set(changed);
    } else {
      toRead = new Set(changed);
      // Names added, dropped or re-pointed: a paper's reading depends on the names through the ones its text
      // holds and the ones it looked up, so only those papers are read again.
      const values = nameValues(names, papers);
      const changedNames: string[] = [];
      for (const [key, value] of values) if (ix.nameValues.get(key) !== value) changedNames.push(key);
      for (const key of ix.nameValues.keys()) if (!values.has(key)) changedNames.push(key);
      ix.nameValues = values;
      addReaders(ix, papers, names, changedNames, toRead, true);
    }
    if (ix.forLater) {
      ix.claimStats = claimStats(own);
      if (ix.nameValues.size === 0) ix.nameValues = nameValues(names, papers);
    }
    ix.order = papers.map((paper) => paper.id);
    ix.names = names;
    ix.lexiconText = lexiconText;
  }
  // A kept table keeps its matcher; a patched one changed only the patched names.
  if (ix.lastNames === 'patched' && ix.matcher && patched)
    ix.matcher = names.registry.recompile(ix.matcher, patched);
  else if (ix.lastNames !== 'kept' || !ix.matcher) ix.matcher = names.registry.compile(ix.matcher);

  // ---- read ------------------------------------------------------------------------------------------
  const table: { concepts: ConceptEntry[]; conceptById: Map<ConceptId, number> } = {
    concepts: names.concepts.map((c) => ({
      ...c,
      aliases: new Set(c.aliases),
    })),
    conceptById: new Map(names.conceptById),
  };
  const ctx: ReadContext = { ...names, ...table, papers, lexicon };
  const nodeOf = (ref: number): string =>
    isConceptRef(ref)
      ? (table.concepts[ref - CONCEPT_REF] as ConceptEntry).id
      : (papers[ref] as PaperRecord).id;
  const touchedConcepts = new Set<string>();
  const touchedSources = new Set<string>();
  const oldRecords = new Map<string, PaperRecord>();
  const regroup = new Set<string>();
  const forget = (id: string): PaperState | undefined => {
    const old = ix.papers.get(id);
    if (!old) return undefined;
    for (const c of old.byConcept.keys()) {
      touchedConcepts.add(c);
      const feeds = ix.conceptFeeds.get(c);
      if (feeds) removeSorted(feeds, id);
    }
    for (const s of old.bySource.keys()) {
      touchedSources.add(s);
      const feeds = ix.sourceFeeds.get(s);
      if (feeds) removeSorted(feeds, id);
    }
    oldRecords.set(id, old.record);
    regroup.add(id);
    ix.papers.delete(id);
    ix.sketches.remove(id);
    for (const key of old.lookups) {
      const users = ix.lookupUsers.get(key);
      users?.delete(id);
      if (users?.size === 0) ix.lookupUsers.delete(key);
    }
    return old;
  };
  for (const id of removed) forget(id);
  for (const p of [...toRead].sort((a, b) => a - b)) {
    const paper = papers[p] as PaperRecord;
    forget(paper.id);
    const findings: Finding[] = [];
    const lowers: string[] = [];
    const lookups: string[] = [];
    const orgs = readPaper(ctx, p, {
      edge(type, source, target, evidence, where, confidence, via) {
        if (source === target) return;
        findings.push({
          k: 'edge',
          type,
          s: nodeOf(source),
          t: nodeOf(target),
          sc: isConceptRef(source),
          tc: isConceptRef(target),
          evidence,
          where,
          confidence,
          via,
        });
      },
      mention(target, _paper, where) {
        if (target.t !== 'concept') return;
        findings.push({ k: 'mention', c: (table.concepts[target.i] as ConceptEntry).id, where });
      },
      derived(label, kind, bases) {
        const index = conceptFor(table, lexicon, label, kind, 'derived');
        const c = (table.concepts[index] as ConceptEntry).id;
        findings.push({ k: 'derived', c, label, kind, bases: bases.map(nodeOf) });
        return index;
      },
      lower: ix.forLater ? (lower) => lowers.push(lower) : undefined,
      lookup: ix.forLater ? (key) => lookups.push(key) : undefined,
    });
    const bySource = new Map<string, EdgeFinding[]>();
    const byConcept = new Map<ConceptId, ConceptFinding[]>();
    for (const f of findings) {
      if (f.k === 'edge') {
        const list = bySource.get(f.s);
        if (list) list.push(f);
        else bySource.set(f.s, [f]);
      } else {
        const list = byConcept.get(f.c);
        if (list) list.push(f);
        else byConcept.set(f.c, [f]);
      }
    }
    const folded = ix.forLater ? lowers.join('\n').replace(SEPARATOR_CHARS, ' ') : '';
    const state: PaperState = {
      record: paper,
      recordPrint: ix.forLater ? recordPrint(paper) : '',
      print: ix.forLater ? printOf(names, p) : [],
      bySource,
      byConcept,
      orgs,
      folded,
      lookups,
    };
    ix.papers.set(paper.id, state);
    if (ix.forLater) ix.sketches.add(paper.id, folded);
    for (const key of lookups) {
      let users = ix.lookupUsers.get(key);
      if (!users) ix.lookupUsers.set(key, (users = new Set()));
      users.add(paper.id);
    }
    for (const c of state.byConcept.keys()) {
      touchedConcepts.add(c);
      let feeds = ix.conceptFeeds.get(c);
      if (!feeds) ix.conceptFeeds.set(c, (feeds = []));
      insertSorted(feeds, paper.id);
    }
    for (const s of state.bySource.keys()) {
      touchedSources.add(s);
      let feeds = ix.sourceFeeds.get(s);
      if (!feeds) ix.sourceFeeds.set(s, (feeds = []));
      insertSorted(feeds, paper.id);
    }
    regroup.add(paper.id);
  }
  ix.lastRead = toRead.size;
  const recordById = (id: string): PaperRecord | undefined => ix.papers.get(id)?.record;

  // ---- concepts ------------------------------------------------------------------------------------
  const redoSources = new Set<string>(touchedSources);
  const deadConcepts = new Set<ConceptRecord>();
  const newConcepts: ConceptRecord[] = [];
  // (An index filled from empty has nothing to reuse.)
  const reuseConcepts = reusing?.concepts.length
    ? new Map<string, ConceptRecord>(reusing.concepts.map((c) => [c.id, c]))
    : null;
  for (const id of touchedConcepts) {
    const before = ix.conceptOut.get(id);
    const after = conceptState(id, ix, names, lexicon);
    const previousRecord = before?.record ?? reuseConcepts?.get(id);
    if (after.record && previousRecord && sameConcept(previousRecord, after.record))
      after.record = previousRecord;
    if (before?.record && before.record !== after.record) deadConcepts.add(before.record);
    if (after.record && after.record !== before?.record) newConcepts.push(after.record);
    if (!before || before.kept !== after.kept || !sameStrings(before.bases, after.bases)) {
      for (const s of ix.conceptUsers.get(id) ?? []) redoSources.add(s);
      redoSources.add(id);
    }
    if (ix.conceptFeeds.get(id)?.length) ix.conceptOut.set(id, after);
    else {
      ix.conceptOut.delete(id);
      ix.conceptFeeds.delete(id);
    }
  }

  // ---- same group ----------------------------------------------------------------------------------
  const deadEdges = new Set<EdgeRecord>();
  const newEdges: EdgeRecord[] = [];
  const reuseEdges = reusing?.edges.length
    ? new Map<string, EdgeRecord>(reusing.edges.map((e) => [e.key, e]))
    : null;
  for (const s of sameGroup(ix, names, regroup, oldRecords, recordById, deadEdges, newEdges, reuseEdges))
    redoSources.add(s);

  // ---- edges by source -----------------------------------------------------------------------------
  for (const s of redoSources) {
    const before = ix.sourceOut.get(s);
    const after = sourceState(s, ix, recordById);
    if (before || reuseEdges) {
      // Records whose content did not change keep their identity.
      const old = new Map((before?.records ?? []).map((e) => [e.key, e]));
      after.records = after.records.map((e) => {
        const previous = old.get(e.key) ?? reuseEdges?.get(e.key);
        return previous && sameEdge(previous, e) ? previous : e;
      });
      const kept = new Set(after.records);
      for (const e of before?.records ?? []) if (!kept.has(e)) deadEdges.add(e);
      for (const e of after.records) if (!old.has(e.key) || old.get(e.key) !== e) newEdges.push(e);
    } else for (const e of after.records) newEdges.push(e);
    for (const t of before?.targets ?? []) ix.conceptUsers.get(t)?.delete(s);
    for (const t of after.targets) {
      let users = ix.conceptUsers.get(t);
      if (!users) ix.conceptUsers.set(t, (users = new Set()));
      users.add(s);
    }
    if (after.records.length > 0 || after.targets.length > 0) ix.sourceOut.set(s, after);
    else ix.sourceOut.delete(s);
    if (!ix.sourceFeeds.get(s)?.length) ix.sourceFeeds.delete(s);
  }

  ix.busy.patch(deadEdges, newEdges);
  ix.edges = patchSorted(ix.edges, deadEdges, newEdges, (e) => e.key);
  ix.concepts = patchSorted(ix.concepts, deadConcepts, newConcepts, (c) => c.id);

  const diagnostics: Diagnostic[] = [...prepared.diagnostics, ...names.diagnostics];
  diagnostics.sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.rule, b.rule),
  );
  return { concepts: [...ix.concepts], edges: [...ix.edges], diagnostics };
}

function claimStats(own: readonly PaperClaims[]): ClaimStats {
  const stats: ClaimStats = { claimants: new Map(), acronymKeys: new Set(), arxivRefs: new Set() };
  for (const mine of own) {
    countClaims(stats.claimants, mine, 1);
    for (const a of mine.acronyms) {
      stats.acronymKeys.add(nameKey(a.name));
      if (a.longForm) stats.acronymKeys.add(nameKey(a.longForm));
    }
    // A name another entry spells out is no longer one paper's alone (see `resolveNames`).
    for (const d of mine.definitions) stats.acronymKeys.add(definedKey(d.name));
    for (const a of mine.arxivNames) {
      stats.arxivRefs.add(a.arxiv);
      // The name it gives may be claimed for a paper: counted as one more claimant of it.
      const key = nameKey(a.name);
      stats.claimants.set(key, (stats.claimants.get(key) ?? 0) + 1);
    }
  }
  return stats;
}

/** Adds `by` to the count of every key one paper claims (once per paper; its claims are a handful). */
function countClaims(claimants: Map<string, number>, mine: PaperClaims, by: number): void {
  const { claims } = mine;
  const seen = claims.length > 16 ? new Set<string>() : null;
  for (let k = 0; k < claims.length; k++) {
    const c = claims[k] as NameClaim;
    let repeat = false;
    if (seen) {
      repeat = seen.has(c.key);
      seen.add(c.key);
    } else for (let j = 0; j < k && !repeat; j++) repeat = (claims[j] as NameClaim).key === c.key;
    if (repeat) continue;
    const n = (claimants.get(c.key) ?? 0) + by;
    if (n > 0) claimants.set(c.key, n);
    else claimants.delete(c.key);
  }
}

/** Most changed and removed papers a patched name table takes (more: the table is resolved again). */
const MAX_PATCHED_PAPERS = 32;

/**
 * Patches the name table for papers added, removed or re-claiming, when every name they claim (before or
 * after) is claimed by no other paper, is no lexicon name or organisation, and no defined acronym; and when
 * they define no acronym, name no paper by arXiv id, redefine no lexicon name, and no paper names them by
 * arXiv id. `resolveNames` would then give every such name to its one claimant (its strongest claim, the first
 * of equal ones), and leave every other name, concept, note and paper's names as they were, so the table is
 * kept and only those names are set again (paper indices shifted for added and removed papers).
 * Returns the keys it set or cleared, or null when the edit is not of that kind (nothing is changed then).
 */
function patchNames(
  ix: LinkIndex,
  papers: readonly PaperRecord[],
  changed: readonly number[],
  removed: readonly string[],
  prior: ReadonlyMap<string, ClaimsEntry | undefined>,
  lexiconText: string,
): Set<string> | null {
  const names = ix.names;
  const stats = ix.claimStats;
  if (!names || !stats || ix.lexiconText !== lexiconText) return null;
  if (changed.length + removed.length > MAX_PATCHED_PAPERS) return null;
  const simple = (entry: ClaimsEntry): boolean =>
    entry.claims.acronyms.length === 0 &&
    entry.claims.arxivNames.length === 0 &&
    entry.claims.definitions.length === 0 &&
    (entry.record.arxiv === undefined || !stats.arxivRefs.has(entry.record.arxiv));
  // Count changes per key, and check every paper involved.
  const delta = new Map<string, number>();
  const count = (entry: ClaimsEntry, by: number): void => {
    const seen = new Set<string>();
    for (const c of entry.claims.claims) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      delta.set(c.key, (delta.get(c.key) ?? 0) + by);
    }
  };
  for (const [id, before] of prior) {
    if (!before) {
      // A paper without kept claims: only a new one (no earlier state) is fine.
      if (ix.papers.has(id)) return null;
      continue;
    }
    if (!simple(before)) return null;
    count(before, -1);
  }
  for (const p of changed) {
    const entry = ix.claims.get((papers[p] as PaperRecord).id) as ClaimsEntry;
    if (!simple(entry)) return null;
    count(entry, 1);
  }
  for (const [key, by] of delta) {
    const before = stats.claimants.get(key) ?? 0;
    // Claimed by the changed papers alone, before and after: before, by those it no longer counts.
    if (before > 1 || before + by > 1) return null;
    if (names.lexiconKeys.has(key) || stats.acronymKeys.has(key)) return null;
  }
  for (const key of delta.keys()) {
    if (!names.registry.entries.has(key)) continue;
    const entry = names.registry.entries.get(key) as NameEntry;
    if (entry.node && entry.node.t !== 'paper') return null;
  }

  // ---- patch -----------------------------------------------------------------------------------------
  for (const [key, by] of delta) {
    const n = (stats.claimants.get(key) ?? 0) + by;
    if (n > 0) stats.claimants.set(key, n);
    else stats.claimants.delete(key);
  }
  const { registry } = names;
  // Old paper index -> new one (-1: removed), by a merge of the two id orders.
  if (removed.length > 0 || changed.some((p) => !prior.get((papers[p] as PaperRecord).id))) {
    const remap = new Int32Array(ix.order.length);
    let q = 0;
    for (let i = 0; i < ix.order.length; i++) {
      const id = ix.order[i] as string;
      while (q < papers.length && (papers[q] as PaperRecord).id < id) q++;
      remap[i] = q < papers.length && (papers[q] as PaperRecord).id === id ? q : -1;
    }
    for (const entry of registry.entries.values()) {
      const node = entry.node;
      if (node?.t !== 'paper') continue;
      const to = remap[node.i] as number;
      if (to !== node.i) entry.node = to < 0 ? undefined : { t: 'paper', i: to };
    }
    const move = <T>(list: T[], empty: () => T): T[] => {
      const out: T[] = new Array<T>(papers.length);
      for (let i = 0; i < list.length; i++) {
        const to = remap[i] as number;
        if (to >= 0) out[to] = list[i] as T;
      }
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = empty();
      return out;
    };
    names.ownNames = move(names.ownNames, () => new Set<string>());
    names.claimedKeys = move(names.claimedKeys, () => new Set<string>());
    names.localNames = move(names.localNames, () => new Set<string>());
    names.ownWritten = move(names.ownWritten, () => []);
    ix.order = papers.map((paper) => paper.id);
  }
  // Clear every name involved, then give each to its one claimant.
  for (const key of delta.keys()) {
    const entry = registry.entries.get(key);
    if (!entry) continue;
    if (entry.org === undefined) registry.entries.delete(key);
    else {
      entry.node = undefined;
      entry.nodePriority = -1;
      entry.exact = undefined;
    }
  }
  for (const p of changed) {
    const { claims } = (ix.claims.get((papers[p] as PaperRecord).id) as ClaimsEntry).claims;
    const own = new Set<string>();
    const written: string[] = [];
    const claimed = new Set<string>();
    const best = new Map<string, NameClaim>();
    for (const c of claims) {
      claimed.add(c.key);
      const known = best.get(c.key);
      if (!known || c.strength > known.strength) best.set(c.key, c);
    }
    for (const [key, winner] of best) {
      const target: Target = { t: 'paper', i: p };
      if (registry.setNode(winner.name, target, 10 + winner.strength, needsExactCase(winner.name))) {
        own.add(key);
        written.push(winner.name);
      }
    }
    names.ownNames[p] = own;
    names.ownWritten[p] = written;
    names.claimedKeys[p] = claimed;
    names.localNames[p] = new Set();
  }
  return new Set(delta.keys());
}

/**
 * Adds to `toRead` the papers a change of `changedNames` may read differently: those whose text holds one of
 * them or that looked one up, and (with `checkPrints`) those whose own, claimed or redefined names changed.
 */
function addReaders(
  ix: LinkIndex,
  papers: readonly PaperRecord[],
  names: Names,
  changedNames: readonly string[],
  toRead: Set<number>,
  checkPrints: boolean,
): void {
  const everything = changedNames.length > MAX_CHANGED_NAMES;
  const readers = everything ? new Set<string>() : readersOf(ix, changedNames);
  if (!checkPrints && !everything) {
    // Papers without a state are new ones, read already. Ids of removed papers find no index.
    for (const id of readers) {
      const p = indexOfId(papers, id);
      if (p >= 0) toRead.add(p);
    }
    return;
  }
  papers.forEach((paper, p) => {
    if (toRead.has(p)) return;
    const state = ix.papers.get(paper.id);
    if (!state || everything || readers.has(paper.id) || (checkPrints && !samePrint(state.print, names, p)))
      toRead.add(p);
  });
}

/**
 * The papers (kept states) whose text holds one of `keys` where the matcher could report it, or that looked
 * one up. Texts are asked of the sketches first; keys without a word run are looked for in every text.
 */
function readersOf(ix: LinkIndex, keys: readonly string[]): Set<string> {
  const readers = new Set<string>();
  const candidates: string[] = [];
  for (const key of keys) {
    for (const id of ix.lookupUsers.get(key) ?? []) readers.add(id);
    const h = keyRunHash(key);
    if (h < 0) {
      for (const [id, state] of ix.papers) if (holdsName(state.folded, key)) readers.add(id);
      continue;
    }
    candidates.length = 0;
    ix.sketches.candidates(h, candidates);
    for (const id of candidates) {
      const state = ix.papers.get(id);
      if (state && !readers.has(id) && holdsName(state.folded, key)) readers.add(id);
    }
  }
  return readers;
}

/** The index of the paper with id `id` in `papers` (sorted by id), or -1. */
function indexOfId(papers: readonly PaperRecord[], id: string): number {
  let lo = 0;
  let hi = papers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((papers[mid] as PaperRecord).id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < papers.length && (papers[lo] as PaperRecord).id === id ? lo : -1;
}

/** What each name stands for, by id (stable across builds). */
function nameValues(names: Names, papers: readonly PaperRecord[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const e of names.registry.entries.values()) values.set(e.key, nameValue(e, names, papers));
  return values;
}

function nameValue(e: NameEntry, names: Names, papers: readonly PaperRecord[]): string {
  const node = e.node
    ? e.node.t === 'paper'
      ? `p${(papers[e.node.i] as PaperRecord).id}`
      : `c${(names.concepts[e.node.i] as ConceptEntry).label}`
    : '';
  return `${node}\u0002${e.exact ? [...e.exact].join('\u0003') : ''}\u0002${e.org ?? ''}`;
}

/** Closes each group of a print (no name key or name holds it). */
const END_GROUP = '\u0000';

/** The names around paper `p` its reading depends on, in order, each group closed by `END_GROUP`. */
function printOf(names: Names, p: number): string[] {
  const out: string[] = [];
  for (const group of [names.ownNames[p], names.claimedKeys[p], names.localNames[p], names.ownWritten[p]]) {
    if (group) for (const v of group) out.push(v);
    out.push(END_GROUP);
  }
  return out;
}

/** `sameStrings(print, printOf(names, p))` without building it: a warm build with new names checks every paper. */
function samePrint(print: readonly string[], names: Names, p: number): boolean {
  let k = sameSetAt(print, 0, names.ownNames[p]);
  if (k >= 0) k = sameSetAt(print, k, names.claimedKeys[p]);
  if (k >= 0) k = sameSetAt(print, k, names.localNames[p]);
  if (k < 0) return false;
  const written = names.ownWritten[p];
  if (written)
    for (let i = 0; i < written.length; i++) {
      if (print[k] !== written[i]) return false;
      k++;
    }
  return print[k] === END_GROUP && k + 1 === print.length;
}

/** Where `set`'s group ends in `print` if `print` holds its values from `at`, closed by `END_GROUP`; else -1. */
function sameSetAt(print: readonly string[], at: number, set: Set<string> | undefined): number {
  let k = at;
  if (set !== undefined && set.size > 0)
    for (const v of set) {
      if (print[k] !== v) return -1;
      k++;
    }
  return print[k] === END_GROUP ? k + 1 : -1;
}

/** A concept's record: a fold over the papers that mention or derive it, in id order. */
function conceptState(
  id: string,
  ix: LinkIndex,
  names: Names,
  lexicon: ReadContext['lexicon'],
): ConceptState {
  const feeds = ix.conceptFeeds.get(id) ?? [];
  const baseIndex = names.conceptById.get(id as ConceptId);
  const base = baseIndex === undefined ? undefined : (names.concepts[baseIndex] as ConceptEntry);
  let label = base?.label;
  let kind = base?.kind;
  const origin = base?.origin ?? 'derived';
  const aliases = new Set(base?.aliases ?? []);
  const bases = new Set<string>();
  const sources: SourceRef[] = [];
  let count = 0;
  for (const paperId of feeds) {
    const state = ix.papers.get(paperId) as PaperState;
    let mentioned = false;
    for (const f of state.byConcept.get(id as ConceptId) ?? []) {
      if (f.k === 'mention') {
        mentioned = true;
        const last = sources[sources.length - 1];
        if (last && last.line === f.where.line && last.file === f.where.file) continue;
        if (sources.length < MAX_CONCEPT_SOURCES) sources.push(f.where);
      } else {
        const display = lexicon.renames.get(nameKey(f.label)) ?? f.label;
        if (label === undefined) {
          label = display;
          kind = f.kind;
        }
        if (display !== f.label) aliases.add(f.label);
        for (const b of f.bases) bases.add(b);
      }
    }
    if (mentioned) count++;
  }
  const kept = label !== undefined && !base?.retired && (origin === 'acronym' ? count >= 2 : count >= 1);
  let record: ConceptRecord | undefined;
  if (kept) {
    const labelKey = nameKey(label as string);
    record = {
      id: id as ConceptId,
      label: label as string,
      aliases: [...aliases].filter((a) => nameKey(a) !== labelKey).sort(compareStrings),
      conceptKind: kind as ConceptKind,
      sources: sources
        .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line)
        .filter((x, k, all) => k === 0 || x.line !== all[k - 1]?.line || x.file !== all[k - 1]?.file),
    };
  }
  return { kept, record, bases: [...bases], isConcept: true };
}

/** Whether a node is in the output: papers present, concepts kept. */
function present(
  ix: LinkIndex,
  id: string,
  isConcept: boolean,
  recordById: (id: string) => PaperRecord | undefined,
): boolean {
  return isConcept ? ix.conceptOut.get(id)?.kept === true : recordById(id) !== undefined;
}

/** The edges from one node: a fold over the papers that add to them, in id order, then derived names. */
function sourceState(
  s: string,
  ix: LinkIndex,
  recordById: (id: string) => PaperRecord | undefined,
): SourceState {
  const accs = new Map<string, Acc>();
  let sc = false;
  for (const paperId of ix.sourceFeeds.get(s) ?? []) {
    const state = ix.papers.get(paperId) as PaperState;
    for (const f of state.bySource.get(s) ?? []) {
      sc = f.sc;
      const key = `${f.type}\u0000${f.t}`;
      let acc = accs.get(key);
      if (!acc) {
        acc = {
          type: f.type,
          source: s,
          target: f.t,
          tc: f.tc,
          evidence: [],
          sources: [],
          confidence: f.confidence,
          via: [],
        };
        accs.set(key, acc);
      }
      foldEvidence(acc, f.evidence, f.where, f.confidence, f.via);
    }
  }
  if (!sc) {
    // Building on a variant named after B (`GRPO++`) is building on B.
    for (const acc of [...accs.values()]) {
      if (acc.type !== 'builds-on' || acc.confidence < CONFIDENCE_DERIVED || !acc.tc) continue;
      const bases = ix.conceptOut.get(acc.target)?.bases;
      if (!bases || bases.length === 0) continue;
      for (const base of bases) {
        if (base === s) continue;
        const key = `builds-on\u0000${base}`;
        let target = accs.get(key);
        acc.evidence.forEach((text, k) => {
          if (!target) {
            target = {
              type: 'builds-on',
              source: s,
              target: base,
              tc: base.startsWith('concept:'),
              evidence: [],
              sources: [],
              confidence: Math.min(acc.confidence, CONFIDENCE_DERIVED),
              via: [],
            };
            accs.set(key, target);
          }
          foldEvidence(
            target,
            text,
            acc.sources[k] as SourceRef,
            Math.min(acc.confidence, CONFIDENCE_DERIVED),
            acc.via.join('; '),
          );
        });
      }
    }
  }
  // A typed edge says more than a bare mention of the same pair (same-group counts, with this node first).
  const typed = new Set<string>();
  for (const acc of accs.values()) if (acc.type !== 'mentions') typed.add(acc.target);
  const records: EdgeRecord[] = [];
  const targets = new Set<string>();
  const sourcePresent = present(ix, s, sc, recordById);
  for (const acc of accs.values()) {
    if (acc.tc) targets.add(acc.target);
    if (
      acc.type === 'mentions' &&
      (typed.has(acc.target) || ix.pairs.get(`${s}\u0000${acc.target}`)?.record !== undefined)
    )
      continue;
    if (!sourcePresent || !present(ix, acc.target, acc.tc, recordById)) continue;
    records.push(recordOf(acc));
  }
  return { records, targets: [...targets] };
}

/** Updates author counts, memberships, groups and pairs for the papers in `regroup`; returns the sources of pairs whose edge came or went. */
function sameGroup(
  ix: LinkIndex,
  names: Names,
  regroup: Set<string>,
  oldRecords: Map<string, PaperRecord>,
  recordById: (id: string) => PaperRecord | undefined,
  deadEdges: Set<EdgeRecord>,
  newEdges: EdgeRecord[],
  reuseEdges: Map<string, EdgeRecord> | null,
): string[] {
  const { authors } = ix;
  const keyOf = (display: string): AuthorKey | undefined => authors.key(display);
  /** `last|initial` -> the full name it stood for before this build's counts changed. */
  const before = new Map<string, string>();
  const remember = (initial: string): void => {
    if (!before.has(initial)) before.set(initial, authors.fullFor(initial));
  };
  const observe = (paper: PaperRecord, by: number): void => {
    for (const a of paper.authors) {
      if (authors.observe(a, by, remember) !== undefined) continue;
      const key = authors.key(a);
      if (key?.first.length !== 1) continue;
      // Papers with an author known only by an initial: regrouped when what the initial stands for changes.
      const initial = `${key.last}|${key.first}`;
      let users = ix.initialUsers.get(initial);
      if (!users) ix.initialUsers.set(initial, (users = new Map()));
      const n = (users.get(paper.id) ?? 0) + by;
      if (n > 0) users.set(paper.id, n);
      else users.delete(paper.id);
      if (users.size === 0) ix.initialUsers.delete(initial);
    }
  };
  for (const id of regroup) {
    const old = oldRecords.get(id);
    if (old) observe(old, -1);
    const now = recordById(id);
    if (now) observe(now, 1);
  }
  const members = new Set(regroup);
  for (const [initial, was] of before) {
    if (authors.fullFor(initial) === was) continue;
    for (const id of ix.initialUsers.get(initial)?.keys() ?? []) members.add(id);
  }

  // The same names recur across many papers: each display name's group key is made once per build (the counts
  // it resolves against are settled by now).
  const groupKeys = new Map<string, string | null>();
  const groupKeyOf = (display: string): string | null => {
    let group = groupKeys.get(display);
    if (group === undefined) {
      const key = authors.resolve(display);
      groupKeys.set(display, (group = key === undefined ? null : `author:${key}`));
    }
    return group;
  };
  const affected = new Set<string>();
  for (const id of members) {
    for (const key of ix.paperGroups.get(id)?.keys() ?? []) {
      affected.add(key);
      ix.groupMembers.get(key)?.delete(id);
    }
    ix.paperGroups.delete(id);
    const paper = recordById(id);
    if (!paper) continue;
    const groups = new Map<string, string>();
    for (const a of paper.authors) {
      const group = groupKeyOf(a);
      if (group !== null && !groups.has(group)) groups.set(group, a);
    }
    const orgs = (ix.papers.get(id) as PaperState).orgs;
    for (const org of [...orgs.keys()].sort((x, y) => x - y))
      if (!groups.has(`org:${org}`)) groups.set(`org:${org}`, names.orgLabels[org] as string);
    for (const [key, via] of reportGroups(paper)) if (!groups.has(key)) groups.set(key, via);
    if (groups.size > 0) ix.paperGroups.set(id, groups);
    for (const key of groups.keys()) {
      affected.add(key);
      let set = ix.groupMembers.get(key);
      if (!set) ix.groupMembers.set(key, (set = new Set()));
      set.add(id);
    }
  }

  const dateOf = (id: string): string => {
    const paper = recordById(id) as PaperRecord;
    return paper.date ?? paper.published ?? '9999-99-99';
  };
  // A paper's author line is its evidence for every author group it shares: made once per paper.
  const authorLines = new Map<string, { text: string; where: SourceRef }[]>();
  const evidence = (id: string, key: string): { text: string; where: SourceRef }[] => {
    if (key.startsWith('org:')) return (ix.papers.get(id) as PaperState).orgs.get(Number(key.slice(4))) ?? [];
    if (key.startsWith('report:')) return reportEvidence(recordById(id) as PaperRecord, key);
    let line = authorLines.get(id);
    if (!line) {
      const paper = recordById(id) as PaperRecord;
      const where = paper.sources[0] ?? { file: '', line: 1 };
      line = [{ text: `${paper.label}: ${paper.authors.join(', ')}`.slice(0, 400), where }];
      authorLines.set(id, line);
    }
    return line;
  };
  // Pairs a group came to or left, each once.
  const pass = ++ix.groupPass;
  const touchedPairs: [string, PairState][] = [];
  const touch = (pair: string): PairState => {
    let state = ix.pairs.get(pair);
    if (!state) ix.pairs.set(pair, (state = { groups: [], record: undefined, pass: 0 }));
    if (state.pass !== pass) {
      state.pass = pass;
      touchedPairs.push([pair, state]);
    }
    return state;
  };
  for (const key of affected) {
    const set = ix.groupMembers.get(key);
    const old = ix.groupPairs.get(key);
    for (const pair of old?.keys() ?? []) {
      const { groups } = touch(pair);
      const at = groups.indexOf(key);
      if (at >= 0) groups.splice(at, 1);
    }
    ix.groupPairs.delete(key);
    if (!set || set.size === 0) {
      ix.groupMembers.delete(key);
      continue;
    }
    if (set.size < 2) continue;
    const ids = [...set].sort(compareStrings);
    const via = ix.paperGroups.get(ids[0] as string)?.get(key) as string;
    const ordered = ids
      .map((id, i) => ({ id, i, date: dateOf(id) }))
      .sort((a, b) => compareStrings(a.date, b.date) || a.i - b.i)
      .map((m) => m.id);
    const pairs: [string, string][] = [];
    if (ordered.length <= HANDFUL) {
      for (let a = 0; a < ordered.length; a++)
        for (let b = a + 1; b < ordered.length; b++) pairs.push([ordered[a] as string, ordered[b] as string]);
    } else
      for (let a = 0; a + 1 < ordered.length; a++)
        pairs.push([ordered[a] as string, ordered[a + 1] as string]);
    const confidence = key.startsWith('author:') ? 0.9 : 0.6;
    const lines = new Map<string, PairShare>();
    const none = new Map<string, string>();
    for (const [a, b] of pairs) {
      if (!enoughEvidence(key, ix.paperGroups.get(a) ?? none, ix.paperGroups.get(b) ?? none, keyOf)) continue;
      const [x, y] = compareStrings(a, b) <= 0 ? [a, b] : [b, a];
      const pair = `${x}\u0000${y}`;
      lines.set(pair, { x: evidence(x, key), y: evidence(y, key), confidence, via });
      const { groups } = touch(pair);
      if (!groups.includes(key)) groups.push(key);
    }
    ix.groupPairs.set(key, lines);
  }

  /** Sources of the pairs whose edge came or went (their mentions of each other are redone). */
  const flipped: string[] = [];
  for (const [pair, state] of touchedPairs) {
    const { groups } = state;
    const before = state.record;
    let after: EdgeRecord | undefined;
    const cut = pair.indexOf('\u0000');
    if (groups.length > 0) {
      const acc: Acc | undefined = undefined;
      let fold = acc as Acc | undefined;
      for (const key of groups.length > 1 ? [...groups].sort(compareStrings) : groups) {
        const share = (ix.groupPairs.get(key) as Map<string, PairShare>).get(pair);
        if (!share) continue;
        for (const side of [share.x, share.y])
          for (const line of side) {
            fold ??= {
              type: 'same-group',
              source: pair.slice(0, cut),
              target: pair.slice(cut + 1),
              tc: false,
              evidence: [],
              sources: [],
              confidence: share.confidence,
              via: [],
            };
            foldEvidence(fold, line.text, line.where, share.confidence, share.via);
          }
      }
      if (fold) after = recordOf(fold);
    } else ix.pairs.delete(pair);
    if (after) {
      const previous = before ?? reuseEdges?.get(after.key);
      if (previous && sameEdge(previous, after)) after = previous;
    }
    if (before && before !== after) deadEdges.add(before);
    if (after && after !== before) newEdges.push(after);
    state.record = after;
    if (!before !== !after) flipped.push(pair.slice(0, cut));
  }
  return flipped;
}
