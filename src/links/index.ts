// Paper records -> concepts and typed edges with evidence. Pure: no I/O.
import type {
  ConceptId,
  ConceptRecord,
  Diagnostic,
  EdgeRecord,
  EdgeType,
  LinkResult,
  NodeId,
  PaperRecord,
  SourceRef,
} from '../types.js';
import { AuthorIndex, enoughEvidence } from './authors.js';
import { busiestNodes } from './busiest.js';
import {
  CONCEPT_REF,
  CONFIDENCE_DERIVED,
  EDGE_TYPE_INDEX,
  HANDFUL,
  MAX_CONCEPT_SOURCES,
  foldEvidence,
  compareStrings,
  conceptFor,
  isConceptRef,
  paperClaims,
  prepareLexicon,
  readPaper,
  resolveNames,
  type ConceptEntry,
  type OrgEvidence,
  type ReadContext,
  type ReadSink,
} from './core.js';
import { LinkIndex, warmLinks } from './incremental.js';
import { conceptIdOf, nameKey } from './normalise.js';
import type { Target } from './registry.js';
import { withNoteLinks } from './wikilinks.js';

export { LEXICON_FILE_NAME } from './lexicon.js';
export { HANDFUL, MAX_CONCEPT_SOURCES, MAX_EVIDENCE } from './core.js';

export interface LinkOptions {
  /** Text of the user's own lexicon file from the content folder (format documented in README), if any. */
  userLexicon?: { file: string; text: string } | null;
  /**
   * Keep between builds (from `createLinkCache()`): the link index is then patched with what changed (the
   * papers whose record changed, and the papers whose text names a name that changed) instead of rebuilt.
   * Same output as without it; unchanged edge and concept records keep their identity.
   */
  cache?: LinkCache | null;
}

/** State kept between builds. Opaque: create with `createLinkCache()`, pass as `options.cache`. */
export class LinkCache {
  /** The persistent link index (papers' findings, edges by source, same-group pairs, sorted output). */
  index = new LinkIndex();
  /** Papers read (not kept from an earlier build) by the last build. */
  get lastRead(): number {
    return this.index.lastRead;
  }
  /** How the last build came by its name table: kept, patched for a few names no other paper claims, or resolved. */
  get lastNames(): 'kept' | 'patched' | 'resolved' {
    return this.index.lastNames;
  }
  /** The last build's name matcher: reused while the set of names is the same. */
  get matcher(): unknown {
    return this.index.matcher;
  }
}

export function createLinkCache(): LinkCache {
  return new LinkCache();
}

interface EdgeAcc {
  type: EdgeType;
  source: number;
  target: number;
  evidence: string[];
  sources: SourceRef[];
  confidence: number;
  via: string[];
}

const EDGE_TYPES = 7;
const TYPED: readonly EdgeType[] = ['builds-on', 'critiques', 'compares', 'same-group', 'uses'];

/** Papers in id order: the output does not depend on the input order. */
function sortedPapers(input: readonly PaperRecord[]): PaperRecord[] {
  let sorted = true;
  for (let i = 1; i < input.length && sorted; i++)
    sorted = (input[i - 1] as PaperRecord).id < (input[i] as PaperRecord).id;
  return sorted ? [...input] : [...input].sort((a, b) => compareStrings(a.id, b.id));
}

/**
 * A record as the one-shot pass reads it: every field present, in one order. Records come from the parser in
 * several shapes (absent optional fields are left out), and each function reading them was optimised again
 * for every new shape it met; one shape reads faster and compiles once. Values are shared, not copied, and
 * no output holds these objects (the warm index keeps the records themselves: it tells edits by identity).
 */
function uniformShape(p: PaperRecord): PaperRecord {
  return {
    id: p.id,
    label: p.label,
    title: p.title,
    altTitles: p.altTitles,
    arxiv: p.arxiv,
    date: p.date,
    published: p.published,
    authors: p.authors,
    topic: p.topic,
    topicPath: p.topicPath,
    topics: p.topics,
    summary: p.summary,
    links: p.links,
    sources: p.sources,
    tags: p.tags,
    citedOnly: p.citedOnly,
    text: p.text,
  };
}

/** Find concepts and typed edges (builds-on, critiques, compares, same-group, mentions) in paper records. */
export function findLinks(input: readonly PaperRecord[], options?: LinkOptions | null): LinkResult {
  // The notes' own links (`[[Other Note]]`, keyword pages) join what the text says.
  return withNoteLinks(input, findTextLinks(input, options));
}

function findTextLinks(input: readonly PaperRecord[], options?: LinkOptions | null): LinkResult {
  const papers = sortedPapers(input);
  if (papers.length >= CONCEPT_REF) throw new Error('papermap/links: too many papers');
  const prepared = prepareLexicon(options?.userLexicon);
  if (options?.cache)
    return withBusiest(warmLinks(papers, prepared, options.userLexicon ?? null, options.cache.index), papers);
  for (let p = 0; p < papers.length; p++) papers[p] = uniformShape(papers[p] as PaperRecord);
  const { lexicon } = prepared;
  const names = resolveNames(
    papers,
    papers.map((paper, index) => paperClaims(paper, index, lexicon)),
    prepared,
  );
  const diagnostics: Diagnostic[] = [...prepared.diagnostics, ...names.diagnostics];
  const { concepts, orgLabels } = names;
  names.registry.compile();

  // ---- one pass over every sentence ------------------------------------------------------------
  // Edges by source and type, then target: keys stay small integers (fast Map keys); `edges` keeps
  // insertion order, which the derived-name step follows.
  const edgeMaps = new Map<number, Map<number, EdgeAcc>>();
  const edges: EdgeAcc[] = [];
  const addEdge: ReadSink['edge'] = (type, source, target, evidence, where, confidence, via) => {
    if (source === target) return;
    const outer = source * EDGE_TYPES + EDGE_TYPE_INDEX[type];
    let byTarget = edgeMaps.get(outer);
    if (!byTarget) edgeMaps.set(outer, (byTarget = new Map()));
    let acc = byTarget.get(target);
    if (!acc) {
      acc = { type, source, target, evidence: [], sources: [], confidence, via: [] };
      byTarget.set(target, acc);
      edges.push(acc);
    }
    foldEvidence(acc, evidence, where, confidence, via);
  };
  /** Derived concept -> the names it is built from (`GRPO++` -> GRPO). */
  const derivedBases = new Map<number, Set<number>>();
  const ctx: ReadContext = { ...names, papers, lexicon };
  const sink = {
    edge: addEdge,
    mention(target: Target, paper: number, where: SourceRef): void {
      if (target.t !== 'concept') return;
      const c = concepts[target.i] as ConceptEntry;
      c.papers.add(paper);
      // Sentences come in order: a repeat of the last place is the common duplicate; the rest go at output.
      const last = c.sources[c.sources.length - 1];
      if (last && last.line === where.line && last.file === where.file) return;
      if (c.sources.length < MAX_CONCEPT_SOURCES) c.sources.push(where);
    },
    derived(label: string, kind: ConceptEntry['kind'], bases: readonly number[]): number {
      const derived = conceptFor(names, lexicon, label, kind, 'derived');
      let baseRefs = derivedBases.get(derived);
      if (!baseRefs) derivedBases.set(derived, (baseRefs = new Set()));
      for (const base of bases) baseRefs.add(base);
      return derived;
    },
  };
  const orgEvidence: OrgEvidence[] = papers.map((_, p) => readPaper(ctx, p, sink));

  sameGroupEdges(papers, orgEvidence, orgLabels, addEdge);
  // ---- output ---------------------------------------------------------------------------------------
  const keepConcept = (i: number): boolean => {
    const c = concepts[i] as ConceptEntry;
    if (c.retired) return false;
    if (c.origin === 'acronym') return c.papers.size >= 2;
    return c.papers.size >= 1;
  };
  const conceptIds = new Map<number, ConceptId>();
  const nodeId = (ref: number): NodeId | undefined => {
    if (!isConceptRef(ref)) return papers[ref]?.id;
    const i = ref - CONCEPT_REF;
    if (!keepConcept(i)) return undefined;
    let id = conceptIds.get(i);
    if (!id) conceptIds.set(i, (id = conceptIdOf((concepts[i] as ConceptEntry).label)));
    return id;
  };
  // Building on a variant named after B (`GRPO++`) is building on B.
  for (const acc of edges.slice()) {
    if (acc.type !== 'builds-on' || acc.confidence < CONFIDENCE_DERIVED) continue;
    if (isConceptRef(acc.source) || !isConceptRef(acc.target)) continue;
    const bases = derivedBases.get(acc.target - CONCEPT_REF);
    if (!bases) continue;
    for (const base of bases) {
      acc.evidence.forEach((text, k) => {
        const where = acc.sources[k] as SourceRef;
        addEdge(
          'builds-on',
          acc.source,
          base,
          text,
          where,
          Math.min(acc.confidence, CONFIDENCE_DERIVED),
          acc.via.join('; '),
        );
      });
    }
  }
  // A typed edge says more than a bare mention of the same pair.
  const typed = (acc: EdgeAcc): boolean => {
    for (const type of TYPED)
      if (edgeMaps.get(acc.source * EDGE_TYPES + EDGE_TYPE_INDEX[type])?.has(acc.target)) return true;
    return false;
  };

  const out: EdgeRecord[] = [];
  for (const acc of edges) {
    if (acc.type === 'mentions' && typed(acc)) continue;
    const source = nodeId(acc.source);
    const target = nodeId(acc.target);
    if (!source || !target || source === target) continue;
    const directed = acc.type !== 'same-group';
    const edge: EdgeRecord = {
      key: directed ? `${acc.type}:${source}->${target}` : `${acc.type}:${source}--${target}`,
      type: acc.type,
      source,
      target,
      directed,
      evidence: acc.evidence,
      sources: acc.sources,
      confidence: Math.round(acc.confidence * 100) / 100,
    };
    if (acc.via.length > 0) edge.via = acc.via.join('; ');
    out.push(edge);
  }
  sortEdges(out, papers, conceptIds);

  const conceptRecords: ConceptRecord[] = [];
  concepts.forEach((c, i) => {
    if (!keepConcept(i)) return;
    const labelKey = nameKey(c.label);
    const aliases = [...c.aliases].filter((a) => nameKey(a) !== labelKey);
    conceptRecords.push({
      id: conceptIdOf(c.label),
      label: c.label,
      aliases: [...new Set(aliases)].sort(compareStrings),
      conceptKind: c.kind,
      sources: [...c.sources]
        .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line)
        .filter((x, k, all) => k === 0 || x.line !== all[k - 1]?.line || x.file !== all[k - 1]?.file),
    });
  });
  conceptRecords.sort((a, b) => compareStrings(a.id, b.id));
  diagnostics.sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.rule, b.rule),
  );
  return withBusiest({ concepts: conceptRecords, edges: out, diagnostics }, papers);
}

/** The result with its ten busiest nodes named (`busy-node` infos), warm and fresh alike. */
function withBusiest(result: LinkResult, papers: readonly PaperRecord[]): LinkResult {
  const busy = busiestNodes(result, papers);
  return busy.length === 0 ? result : { ...result, diagnostics: [...result.diagnostics, ...busy] };
}

type AddEdge = ReadSink['edge'];

/**
 * Same group: papers sharing an author, or an organisation their text names as their own. (A function of its
 * own, compiled apart from `findLinks`: its loops no longer recompile the whole of it on stack replacement.)
 */
function sameGroupEdges(
  papers: readonly PaperRecord[],
  orgEvidence: readonly OrgEvidence[],
  orgLabels: readonly string[],
  addEdge: AddEdge,
): void {
  const groups = new Map<string, { via: string; members: number[] }>();
  const join = (key: string, via: string, paper: number): void => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { via, members: [] }));
    if (g.members[g.members.length - 1] !== paper) g.members.push(paper);
  };
  const authors = new AuthorIndex();
  for (const paper of papers) for (const a of paper.authors) authors.observe(a);
  // The same names recur across many papers: each display name's group key is resolved once per build.
  // (`join` skips a paper already last in the group, so an author named twice joins once.)
  const groupKeys = new Map<string, string | null>();
  const paperGroups: Map<string, string>[] = papers.map(() => new Map());
  papers.forEach((paper, p) => {
    for (const a of paper.authors) {
      let group = groupKeys.get(a);
      if (group === undefined) {
        const key = authors.resolve(a);
        groupKeys.set(a, (group = key ? `author:${key}` : null));
      }
      if (group !== null) {
        join(group, a, p);
        if (!paperGroups[p]?.has(group)) paperGroups[p]?.set(group, a);
      }
    }
    const orgs = orgEvidence[p] as Map<number, unknown>;
    if (orgs.size === 0) return;
    for (const org of orgs.size === 1 ? orgs.keys() : [...orgs.keys()].sort((x, y) => x - y)) {
      join(`org:${org}`, orgLabels[org] as string, p);
    }
  });
  const dateOf = (p: number): string => papers[p]?.date ?? papers[p]?.published ?? '9999-99-99';
  const authorLines = new Map<number, { text: string; where: SourceRef }[]>();
  const groupEvidence = (p: number, key: string): { text: string; where: SourceRef }[] => {
    if (key.startsWith('org:')) return orgEvidence[p]?.get(Number(key.slice(4))) ?? [];
    let line = authorLines.get(p);
    if (!line) {
      const paper = papers[p] as PaperRecord;
      const where = paper.sources[0] ?? { file: '', line: 1 };
      line = [{ text: `${paper.label}: ${paper.authors.join(', ')}`.slice(0, 400), where }];
      authorLines.set(p, line);
    }
    return line;
  };
  const shared: string[] = [];
  for (const [key, g] of groups) if (g.members.length >= 2) shared.push(key);
  /** What one group adds, in order: `emit(x, y, text, where, confidence, via)` per evidence line. */
  const groupEdges = (
    key: string,
    g: { via: string },
    members: readonly number[],
    emit: (x: number, y: number, text: string, where: SourceRef, confidence: number, via: string) => void,
  ): void => {
    const pairs: [number, number][] = [];
    if (members.length <= HANDFUL) {
      for (let a = 0; a < members.length; a++)
        for (let b = a + 1; b < members.length; b++) pairs.push([members[a] as number, members[b] as number]);
    } else
      for (let a = 0; a + 1 < members.length; a++)
        pairs.push([members[a] as number, members[a + 1] as number]);
    const isAuthor = key.startsWith('author:');
    for (const [a, b] of pairs) {
      if (!enoughEvidence(key, paperGroups[a] as Map<string, string>, paperGroups[b] as Map<string, string>))
        continue;
      const [x, y] = compareStrings(papers[a]?.id ?? '', papers[b]?.id ?? '') <= 0 ? [a, b] : [b, a];
      const confidence = isAuthor ? 0.9 : 0.6;
      for (const member of [x, y]) {
        for (const e of groupEvidence(member, key)) emit(x, y, e.text, e.where, confidence, g.via);
      }
    }
  };
  const sortedMembers = (g: { members: number[] }): number[] =>
    [...g.members].sort((a, b) => compareStrings(dateOf(a), dateOf(b)) || a - b);
  for (const key of shared.sort(compareStrings)) {
    const g = groups.get(key) as { via: string; members: number[] };
    groupEdges(key, g, sortedMembers(g), (x, y, text, where, confidence, via) =>
      addEdge('same-group', x, y, text, where, confidence, via),
    );
  }
}

/**
 * Where each type's keys fall in key order: `builds-on` < `compares` < `critiques` < `links-to` < `mentions` <
 * `same-group` < `uses` (the text never gives `links-to`; the notes' own links are added after, see wikilinks.ts).
 */
const TYPE_RANK: Record<EdgeType, number> = {
  'builds-on': 0,
  compares: 1,
  critiques: 2,
  'links-to': 3,
  mentions: 4,
  'same-group': 5,
  uses: 6,
};

/**
 * Sorts edges by key. Keys are `${type}:${source}${sep}${target}`, so key order is type, then source id, then
 * target id, except where one node id is a prefix of another: the edges are sorted by numbers (the ranks of
 * their ends among all node ids, sorted once), the result is checked pair by pair against string order, and
 * only if that fails (a prefix case) sorted again by string.
 */
function sortEdges(
  out: EdgeRecord[],
  papers: readonly PaperRecord[],
  conceptIds: Map<number, ConceptId>,
): void {
  // Papers are sorted by id; the kept concepts' ids are merged in.
  const ids = [...new Set(conceptIds.values())].sort(compareStrings);
  const rank = new Map<string, number>();
  let c = 0;
  let r = 0;
  for (const paper of papers) {
    while (c < ids.length && (ids[c] as string) < paper.id) rank.set(ids[c++] as string, r++);
    rank.set(paper.id, r++);
  }
  while (c < ids.length) rank.set(ids[c++] as string, r++);
  const n = out.length;
  const numbers = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = out[i] as EdgeRecord;
    const s = rank.get(e.source);
    const t = rank.get(e.target);
    numbers[i] = s === undefined || t === undefined ? -1 : (TYPE_RANK[e.type] * r + s) * r + t;
  }
  let sorted: EdgeRecord[];
  // Each number with its edge's index below it sorts natively (no comparator) while that stays exact.
  if ((TYPE_RANK.uses + 1) * r * r * n < 2 ** 53) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = ((numbers[i] as number) + 1) * n + i;
    packed.sort();
    sorted = new Array<EdgeRecord>(n);
    for (let i = 0; i < n; i++) sorted[i] = out[(packed[i] as number) % n] as EdgeRecord;
  } else {
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (numbers[a] as number) - (numbers[b] as number),
    );
    sorted = order.map((i) => out[i] as EdgeRecord);
  }
  let ok = true;
  for (let i = 1; i < n && ok; i++) ok = (sorted[i - 1] as EdgeRecord).key < (sorted[i] as EdgeRecord).key;
  if (!ok) sorted.sort((a, b) => compareStrings(a.key, b.key));
  for (let i = 0; i < n; i++) out[i] = sorted[i] as EdgeRecord;
}
