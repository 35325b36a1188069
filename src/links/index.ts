// Paper records -> concepts and typed edges with evidence. Pure: no I/O.
import type {
  ConceptId,
  ConceptKind,
  ConceptRecord,
  Diagnostic,
  EdgeRecord,
  EdgeType,
  LinkResult,
  NodeId,
  PaperRecord,
  SourceRef,
} from '../types.js';
import { AuthorIndex, type AuthorKey } from './authors.js';
import { CLAUSE_BREAK, findCues, type CueHit, type CueType } from './cues.js';
import { mergeLexicons, parseUserLexicon, shippedLexicon, type Lexicon } from './lexicon.js';
import {
  labelClaims,
  needsExactCase,
  sentenceClaims,
  stripMarkup,
  type DefinedAcronym,
  type NameClaim,
  type TextClaims,
} from './names.js';
import { conceptIdOf, isWordCode, lowerSameLength, nameKey, nfkcText } from './normalise.js';
import { NameRegistry, type CompiledNames, type Mention, type Target } from './registry.js';
import { splitSentences } from './sentences.js';

export { LEXICON_FILE_NAME } from './lexicon.js';

export interface LinkOptions {
  /** Text of the user's own lexicon file from the content folder (format documented in README), if any. */
  userLexicon?: { file: string; text: string } | null;
  /**
   * Keep between builds (from `createLinkCache()`) to re-read only the papers that changed: while the set of
   * names is unchanged, an unchanged paper's findings are replayed instead of re-scanned. Same output.
   */
  cache?: LinkCache | null;
}

/** A stable reference in the cache: `p<paper id>` or `c<concept label>`. */
type StableRef = string;

type Finding =
  | {
      k: 'edge';
      type: EdgeType;
      s: StableRef;
      t: StableRef;
      evidence: string;
      where: SourceRef;
      confidence: number;
      via: string;
    }
  | { k: 'mention'; t: StableRef; where: SourceRef }
  | { k: 'derived'; label: string; kind: ConceptKind; bases: StableRef[] }
  | { k: 'org'; org: number; text: string; where: SourceRef };

interface PaperClaims {
  claims: NameClaim[];
  acronyms: DefinedAcronym[];
  arxivNames: { arxiv: string; name: string }[];
  definitions: { paper: number; name: string; longForm: string }[];
}

/** One evidence line a same-group group adds to the edge between two papers (ids, the smaller first). */
interface GroupEdge {
  pair: string;
  x: string;
  y: string;
  text: string;
  where: SourceRef;
  confidence: number;
  via: string;
}

/** A same-group edge of the last build, by its two papers' ids. Never changed once built. */
interface SameGroupEdge {
  x: string;
  y: string;
  evidence: string[];
  sources: SourceRef[];
  confidence: number;
  via: string[];
  /** The record it gave (set by the build that accumulated it; the same while the pair is untouched). */
  record?: EdgeRecord;
}

/** Per-paper results of earlier builds. Opaque: create with `createLinkCache()`, pass as `options.cache`. */
export class LinkCache {
  /** Paper id -> text fingerprint and the names it claims. */
  readonly claims = new Map<string, { record: PaperRecord; print: string; claims: PaperClaims }>();
  /**
   * Paper id -> fingerprint (text and the names around it), what reading it found, the text the names were
   * looked for in (lower case, sentences joined by line breaks) and the name keys it looked up directly.
   */
  readonly findings = new Map<
    string,
    { text: string; print: string; findings: Finding[]; lower: string; lookups: string[] }
  >();
  /** The lexicon and concept table of the last build: when they change, every paper is read again. */
  world = '';
  /** Name key -> what it stood for in the last build. Only papers whose text holds a changed name are read again. */
  names = new Map<string, string>();
  /** Author display name -> key, shared across builds. */
  readonly authorKeys = new Map<string, AuthorKey | undefined>();
  /** Papers read (not replayed) by the last build. */
  lastRead = 0;
  /** The last build's name matcher: reused while the set of names is the same. */
  matcher: CompiledNames | null = null;
  /** Same-group key -> its name, its members' ids (in id order) and the evidence lines it added. */
  groups = new Map<string, { via: string; ids: string[]; edges: GroupEdge[] }>();
  /** `<id>\u0000<id>` -> the last build's same-group edge between those papers. */
  groupPairs = new Map<string, SameGroupEdge>();
}

export function createLinkCache(): LinkCache {
  return new LinkCache();
}

function textPrint(paper: PaperRecord): string {
  const parts = [paper.id, paper.label, paper.title, paper.arxiv ?? '', ...paper.altTitles];
  for (const span of paper.text) parts.push(span.file, String(span.line), span.text);
  return parts.join('\u0001');
}

/** Up to this many papers sharing an author or lab are linked pairwise; more are chained in date order. */
export const HANDFUL = 4;
/** Evidence kept per edge (the first ones, in paper order). */
export const MAX_EVIDENCE = 20;
/** More changed names than this between two cached builds read every paper again. */
const MAX_CHANGED_NAMES = 500;
/** Mention places kept per concept. */
export const MAX_CONCEPT_SOURCES = 100;

const PRIORITY_USER = 35;
const PRIORITY_LEXICON = 25;
const PRIORITY_ACRONYM = 15;

const CONFIDENCE_MENTION = 0.3;
const CONFIDENCE_DERIVED = 0.7;

/** Extra parts of a compound name that make no new name: `GRPO-based`, `Qwen3-4B`, `Qwen2.5-7B-Instruct`. */
const MODIFIER =
  /^(?:based|style|like|inspired|free|only|type|level|wise|aware|guided|driven|specific|related)$/;
const CHECKPOINT =
  /^(?:\d+(?:\.\d+)?[bmkt]?|v\d+(?:\.\d+)*|a\d+b|base|instruct|chat|it|sft|preview|mini|small|medium|large|xl|xxl|distill|hf|gguf|awq|math|coder|vl|\d+k)$/;

interface ConceptEntry {
  label: string;
  aliases: Set<string>;
  kind: ConceptKind;
  origin: 'lexicon' | 'user' | 'acronym' | 'derived';
  sources: SourceRef[];
  papers: Set<number>;
  /** Taken over by a paper of the notes. */
  retired: boolean;
}

interface EdgeAcc {
  type: EdgeType;
  source: number;
  target: number;
  evidence: string[];
  sources: SourceRef[];
  confidence: number;
  via: string[];
  /** A same-group edge's entry in the cache: its record is reused while the edge is unchanged. */
  cached?: SameGroupEdge;
}

/**
 * Nodes as numbers while linking (no string building in the hot loop): paper i is i, concept c is
 * CONCEPT_REF + c. Edge keys are numbers too: type, source and target packed below 2^53.
 */
const CONCEPT_REF = 2 ** 23;
const NODE_SPACE = 2 ** 24;
const EDGE_TYPE_INDEX: Record<EdgeType, number> = {
  'builds-on': 0,
  critiques: 1,
  compares: 2,
  'same-group': 3,
  mentions: 4,
};

function refOf(target: Target): number {
  return target.t === 'paper' ? target.i : CONCEPT_REF + target.i;
}

function isConceptRef(ref: number): boolean {
  return ref >= CONCEPT_REF;
}

function sameTarget(a: Target | undefined, b: Target): boolean {
  return a !== undefined && a.t === b.t && a.i === b.i;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Find concepts and typed edges (builds-on, critiques, compares, same-group, mentions) in paper records. */
export function findLinks(input: readonly PaperRecord[], options?: LinkOptions | null): LinkResult {
  const diagnostics: Diagnostic[] = [];
  // Sorting first makes the output independent of the input order.
  const papers = [...input].sort((a, b) => compareStrings(a.id, b.id));

  let lexicon: Lexicon = shippedLexicon();
  /** Names of the user's own concepts: they outrank the shipped ones. */
  const userConcepts = new Set<string>();
  if (options?.userLexicon) {
    const user = parseUserLexicon(options.userLexicon.file, options.userLexicon.text);
    diagnostics.push(...user.diagnostics);
    lexicon = mergeLexicons(lexicon, user.lexicon);
    for (const c of user.lexicon.concepts) userConcepts.add(nameKey(c.name));
  }
  const renamed = (name: string): string => lexicon.renames.get(nameKey(name)) ?? name;

  // ---- concepts -------------------------------------------------------------------------------
  const concepts: ConceptEntry[] = [];
  const conceptById = new Map<ConceptId, number>();
  const conceptFor = (label: string, kind: ConceptKind, origin: ConceptEntry['origin']): number => {
    const display = renamed(label);
    const id = conceptIdOf(display);
    const known = conceptById.get(id);
    if (known !== undefined) {
      if (display !== label) (concepts[known] as ConceptEntry).aliases.add(label);
      return known;
    }
    const entry: ConceptEntry = {
      label: display,
      aliases: new Set(display !== label ? [label] : []),
      kind,
      origin,
      sources: [],
      papers: new Set(),
      retired: false,
    };
    concepts.push(entry);
    conceptById.set(id, concepts.length - 1);
    return concepts.length - 1;
  };

  const registry = new NameRegistry(lexicon.ignore);
  lexicon.concepts.forEach((c) => {
    const names = [c.name, ...c.aliases];
    const renameTo = names.map((n) => lexicon.renames.get(nameKey(n))).find((n) => n !== undefined);
    const own = userConcepts.has(nameKey(c.name));
    const index = conceptFor(renameTo ?? c.name, c.kind, own ? 'user' : 'lexicon');
    const entry = concepts[index] as ConceptEntry;
    for (const n of names) if (nameKey(n) !== nameKey(entry.label)) entry.aliases.add(n);
    const priority = own ? PRIORITY_USER : PRIORITY_LEXICON;
    for (const n of [entry.label, ...names])
      registry.setNode(n, { t: 'concept', i: index }, priority, c.exact);
  });
  const orgLabels: string[] = lexicon.orgs.map((o) => {
    const names = [o.name, ...o.aliases];
    return names.map((n) => lexicon.renames.get(nameKey(n))).find((n) => n !== undefined) ?? o.name;
  });
  lexicon.orgs.forEach((o, i) => {
    for (const n of [o.name, ...o.aliases, orgLabels[i] as string]) registry.setOrg(n, i, o.exact);
  });

  // ---- the papers' own names --------------------------------------------------------------------
  const byArxiv = new Map<string, number>();
  papers.forEach((p, i) => {
    if (p.arxiv) byArxiv.set(p.arxiv, i);
  });
  const claims: NameClaim[] = [];
  const textClaims: TextClaims = { claims, acronyms: [], arxivNames: [], definitions: [] };
  const CLAIM_HINT =
    /[（(]|提出|引入|介绍|推出|开源|发布|得出|设计|开发|名为|称为|叫做|propos|introduc|present|develop|design|called|dubbed|named|arxiv\.org/i;
  const cache = options?.cache ?? undefined;
  // The same record object (a parse cached by the caller) needs no fingerprint comparison.
  const prints: string[] = [];
  /** Papers whose record is new to the cache or whose text was read again: their same-group evidence may differ. */
  const fresh = new Set<number>();
  papers.forEach((paper, index) => {
    const cached = cache?.claims.get(paper.id);
    if (cached?.record !== paper) fresh.add(index);
    if (cache) prints[index] = cached?.record === paper ? cached.print : textPrint(paper);
    let own: PaperClaims;
    if (cached && cached.print === prints[index]) {
      own = cached.claims;
      cached.record = paper;
    } else {
      const local: TextClaims = { claims: [], acronyms: [], arxivNames: [], definitions: [] };
      for (const span of paper.text) {
        if (!CLAIM_HINT.test(span.text)) continue;
        sentenceClaims(nfkcText(span.text), paper, index, lexicon.generic, local);
      }
      own = {
        claims: [...labelClaims(paper, index, lexicon.generic), ...local.claims],
        acronyms: local.acronyms,
        arxivNames: local.arxivNames,
        definitions: local.definitions,
      };
      cache?.claims.set(paper.id, { record: paper, print: prints[index] as string, claims: own });
    }
    for (const c of own.claims) claims.push(c.paper === index ? c : { ...c, paper: index });
    for (const a of own.acronyms) textClaims.acronyms.push(a);
    for (const a of own.arxivNames) textClaims.arxivNames.push(a);
    for (const d of own.definitions)
      textClaims.definitions.push(d.paper === index ? d : { ...d, paper: index });
  });
  for (const { arxiv, name } of textClaims.arxivNames) {
    const index = byArxiv.get(arxiv);
    if (index !== undefined)
      claims.push({ name, key: nameKey(name), paper: index, strength: 30, how: 'arxiv-line' });
  }
  /** Every name a paper claims, won or not: a paper never links to a name it goes by. */
  const claimedKeys: Set<string>[] = papers.map(() => new Set());
  for (const claim of claims) claimedKeys[claim.paper]?.add(claim.key);
  // Strongest claim per name; a tie between papers is ambiguous: the first paper keeps it, with a note.
  // (A Set per name keeps this linear when thousands of papers share a label.)
  const best = new Map<string, NameClaim[]>();
  const claimants = new Map<string, Set<number>>();
  for (const claim of claims) {
    const list = best.get(claim.key);
    if (!list || claim.strength > (list[0] as NameClaim).strength) {
      best.set(claim.key, [claim]);
      claimants.set(claim.key, new Set([claim.paper]));
    } else if (claim.strength === (list[0] as NameClaim).strength) {
      const who = claimants.get(claim.key) as Set<number>;
      if (!who.has(claim.paper)) {
        who.add(claim.paper);
        list.push(claim);
      }
    }
  }
  const ownNames: Set<string>[] = papers.map(() => new Set());
  const ownWritten: string[][] = papers.map(() => []);
  for (const [key, list] of best) {
    const winner = list.reduce((a, b) => {
      const da = papers[a.paper]?.date ?? '9999';
      const db = papers[b.paper]?.date ?? '9999';
      return da < db || (da === db && a.paper < b.paper) ? a : b;
    });
    if (list.length > 1) {
      const where = papers[list.find((c) => c !== winner)?.paper ?? winner.paper]?.sources[0];
      diagnostics.push({
        rule: 'ambiguous-name',
        severity: 'info',
        file: where?.file ?? '',
        line: where?.line ?? 1,
        column: 1,
        message: `"${winner.name}" names ${list.length} papers; it links to ${papers[winner.paper]?.id}`,
      });
    }
    const target: Target = { t: 'paper', i: winner.paper };
    const previous = registry.lookup(winner.name)?.node;
    // A name the lexicon knows stays a concept unless the notes tie it to the paper firmly.
    if (previous?.t === 'concept' && winner.strength < 30) continue;
    const priority = 10 + winner.strength;
    if (registry.setNode(winner.name, target, priority, needsExactCase(winner.name))) {
      ownNames[winner.paper]?.add(key);
      ownWritten[winner.paper]?.push(winner.name);
      if (previous?.t === 'concept') {
        (concepts[previous.i] as ConceptEntry).retired = true;
        registry.retarget(previous, target, priority);
      }
    }
  }
  // Acronyms the notes define that no paper claims: concepts, kept if two papers or more mention them.
  for (const { name, longForm } of textClaims.acronyms) {
    if (registry.lookup(name)?.node) continue;
    const index = conceptFor(name, 'concept', 'acronym');
    if (longForm) (concepts[index] as ConceptEntry).aliases.add(longForm);
    registry.setNode(name, { t: 'concept', i: index }, PRIORITY_ACRONYM, false);
    if (longForm) registry.setNode(longForm, { t: 'concept', i: index }, PRIORITY_ACRONYM, false);
  }
  // `交互式策略优化 （IPO）`: an entry that defines a lexicon acronym as something else means its own thing.
  const localNames: Set<string>[] = papers.map(() => new Set());
  for (const { paper, name, longForm } of textClaims.definitions) {
    const entry = registry.lookup(name);
    if (entry?.node?.t !== 'concept') continue;
    const c = concepts[entry.node.i] as ConceptEntry;
    if (c.origin === 'acronym' || c.origin === 'derived') continue;
    const forms = [c.label, ...c.aliases].map(nameKey);
    const long = nameKey(longForm);
    if (!forms.some((f) => f.length >= 2 && (long === f || long.endsWith(f))))
      localNames[paper]?.add(entry.key);
  }
  const compiled = registry.compile(options?.cache?.matcher);
  if (options?.cache) options.cache.matcher = compiled;

  // ---- one pass over every sentence ------------------------------------------------------------
  if (papers.length >= CONCEPT_REF) throw new Error('papermap/links: too many papers');
  const edges = new Map<number, EdgeAcc>();
  const addEdge = (
    type: EdgeType,
    source: number,
    target: number,
    evidence: string,
    where: SourceRef,
    confidence: number,
    via: string,
  ): void => {
    if (source === target) return;
    const key = (EDGE_TYPE_INDEX[type] * NODE_SPACE + source) * NODE_SPACE + target;
    let acc = edges.get(key);
    if (!acc) {
      acc = { type, source, target, evidence: [], sources: [], confidence, via: [] };
      edges.set(key, acc);
    }
    acc.confidence = Math.max(acc.confidence, confidence);
    if (via && !acc.via.includes(via)) acc.via.push(via);
    // Evidence is capped, so this scan is short; it allocates nothing.
    const n = acc.evidence.length;
    if (n >= MAX_EVIDENCE) return;
    for (let k = 0; k < n; k++) {
      const at = acc.sources[k] as SourceRef;
      if (at.line === where.line && acc.evidence[k] === evidence && at.file === where.file) return;
    }
    acc.evidence.push(evidence);
    acc.sources.push(where);
  };
  const noteMention = (target: Target, paper: number, where: SourceRef): void => {
    if (target.t !== 'concept') return;
    const c = concepts[target.i] as ConceptEntry;
    c.papers.add(paper);
    // Sentences come in order: a repeat of the last place is the common duplicate; the rest go at output.
    const last = c.sources[c.sources.length - 1];
    if (last && last.line === where.line && last.file === where.file) return;
    if (c.sources.length < MAX_CONCEPT_SOURCES) c.sources.push(where);
  };

  /** Derived concept -> the names it is built from (`GRPO++` -> GRPO). */
  const derivedBases = new Map<number, Set<number>>();
  const orgEvidence: Map<number, { text: string; where: SourceRef }[]>[] = papers.map(() => new Map());

  // ---- the cache: what a paper's text yields depends on it and on the names around it -------------
  const paperIndex = new Map<string, number>(papers.map((x, i) => [x.id, i]));
  const stableOf = (ref: number): StableRef =>
    isConceptRef(ref) ? `c${(concepts[ref - CONCEPT_REF] as ConceptEntry).label}` : `p${papers[ref]?.id}`;
  // Replays resolve the same few thousand references over and over: remember each once it exists (concepts are
  // only ever added during a build, so a resolved reference stays valid).
  const stableRefs = new Map<StableRef, number>();
  const refFromStable = (stable: StableRef): number => {
    const known = stableRefs.get(stable);
    if (known !== undefined) return known;
    const ref =
      stable[0] === 'p'
        ? (paperIndex.get(stable.slice(1)) as number)
        : CONCEPT_REF + (conceptById.get(conceptIdOf(stable.slice(1))) as number);
    if (!Number.isNaN(ref) && ref !== undefined) stableRefs.set(stable, ref);
    return ref;
  };
  if (cache) {
    const names = new Map<string, string>();
    for (const e of registry.entries.values()) {
      const node = e.node ? stableOf(refOf(e.node)) : '';
      names.set(e.key, `${node}\u0002${e.exact ? [...e.exact].join('\u0003') : ''}\u0002${e.org ?? ''}`);
    }
    const parts: string[] = [options?.userLexicon?.text ?? ''];
    for (const c of concepts) parts.push(`${c.label}\u0002${c.kind}\u0002${c.retired}`);
    const world = parts.join('\u0001');
    if (world !== cache.world) {
      cache.findings.clear();
      cache.world = world;
    } else {
      // Names added, dropped or re-pointed: a paper's reading depends on the names only through the ones its
      // text holds (the matcher's every hit, before case rules and overlaps, is found again by a matcher of
      // just the changed names) and the ones it looked up directly, so only those papers are read again.
      const changed = new Set<string>();
      for (const [key, value] of names) if (cache.names.get(key) !== value) changed.add(key);
      for (const key of cache.names.keys()) if (!names.has(key)) changed.add(key);
      if (changed.size > MAX_CHANGED_NAMES) cache.findings.clear();
      else if (changed.size > 0) {
        const probe = new NameRegistry(new Set());
        for (const key of changed)
          probe.entries.set(key, { key, node: { t: 'concept', i: 0 }, nodePriority: 0 });
        probe.compile();
        for (const [id, cached] of cache.findings) {
          if (
            cached.lookups.some((key) => changed.has(key)) ||
            probe.find(cached.lower, cached.lower).length > 0
          )
            cache.findings.delete(id);
        }
      }
    }
    cache.names = names;
    cache.lastRead = 0;
  }
  let recording: Finding[] | undefined;
  let lowers: string[] | undefined;
  let lookups: string[] | undefined;
  const emitEdge = (
    type: EdgeType,
    source: number,
    target: number,
    evidence: string,
    where: SourceRef,
    confidence: number,
    via: string,
  ): void => {
    recording?.push({
      k: 'edge',
      type,
      s: stableOf(source),
      t: stableOf(target),
      evidence,
      where,
      confidence,
      via,
    });
    addEdge(type, source, target, evidence, where, confidence, via);
  };
  const emitMention = (target: Target, paper: number, where: SourceRef): void => {
    if (target.t !== 'concept') return;
    recording?.push({ k: 'mention', t: stableOf(refOf(target)), where });
    noteMention(target, paper, where);
  };
  const emitDerived = (label: string, kind: ConceptKind, bases: readonly number[]): number => {
    recording?.push({ k: 'derived', label, kind, bases: bases.map(stableOf) });
    const derived = conceptFor(label, kind, 'derived');
    let baseRefs = derivedBases.get(derived);
    if (!baseRefs) derivedBases.set(derived, (baseRefs = new Set()));
    for (const base of bases) baseRefs.add(base);
    return derived;
  };
  const emitOrg = (p: number, org: number, text: string, where: SourceRef): void => {
    recording?.push({ k: 'org', org, text, where });
    const list = orgEvidence[p] as Map<number, { text: string; where: SourceRef }[]>;
    const items = list.get(org) ?? [];
    if (!items.some((e) => e.where.line === where.line && e.text === text)) items.push({ text, where });
    list.set(org, items);
  };
  const replay = (p: number, findings: readonly Finding[]): void => {
    for (const f of findings) {
      if (f.k === 'edge')
        addEdge(f.type, refFromStable(f.s), refFromStable(f.t), f.evidence, f.where, f.confidence, f.via);
      else if (f.k === 'mention')
        noteMention({ t: 'concept', i: refFromStable(f.t) - CONCEPT_REF }, p, f.where);
      else if (f.k === 'derived') emitDerived(f.label, f.kind, f.bases.map(refFromStable));
      else emitOrg(p, f.org, f.text, f.where);
    }
  };

  papers.forEach((paper, p) => {
    const self: Target = { t: 'paper', i: p };
    const selfRef = refOf(self);
    let print = '';
    if (cache) {
      const names = [ownNames[p], claimedKeys[p], localNames[p]].map((set) =>
        [...(set ?? [])].join('\u0002'),
      );
      // The text fingerprint is compared on its own: for an unchanged record it is the very same string.
      print = [...names, (ownWritten[p] ?? []).join('\u0002')].join('\u0000');
      const cached = cache.findings.get(paper.id);
      if (cached && cached.print === print && cached.text === prints[p]) {
        replay(p, cached.findings);
        return;
      }
      cache.lastRead++;
      fresh.add(p);
      recording = [];
      lowers = [];
      lookups = [];
    }
    for (const span of paper.text) {
      for (const sentence of splitSentences(span)) {
        const norm = nfkcText(matchText(sentence.text));
        const lower = lowerSameLength(norm);
        lowers?.push(lower);
        const found = registry.find(norm, lower);
        if (found.length === 0) continue;
        const where: SourceRef = { file: sentence.file, line: sentence.line };
        const evidence = sentence.text;

        // Organisations named as the entry's affiliation.
        for (let k = 0; k < found.length; k++) {
          const m = found[k] as Mention;
          if (m.entry.org === undefined) continue;
          const previous = found[k - 1];
          const listed =
            previous?.entry.org !== undefined &&
            /^[\s、,，&/]*(?:和|与|及|以及|and|&amp;)?\s*$/.test(lower.slice(previous.end, m.start)) &&
            orgEvidence[p]?.has(previous.entry.org);
          if (listed || isAffiliation(lower, m)) emitOrg(p, m.entry.org, evidence, where);
        }

        // Node mentions, with compound names (`Guide-GRPO`, `GRPO++`) resolved.
        const local = localNames[p] as Set<string>;
        const claimed = claimedKeys[p] as Set<string>;
        const nodes: Mention[] = found.filter((m) => m.entry.node !== undefined && !local.has(m.entry.key));
        if (nodes.length === 0) continue;
        const mentions: { start: number; end: number; target: Target; via: string }[] = [];
        const selfSpans: [number, number][] = [];
        let derivedTargets: Set<number> | undefined;
        for (let k = 0; k < nodes.length;) {
          const first = nodes[k] as Mention;
          const [cs, ce] = compoundRegion(lower, first.start, first.end);
          let j = k + 1;
          while (j < nodes.length && (nodes[j] as Mention).start < ce) j++;
          const group = nodes.slice(k, j);
          k = j;
          const regionText = norm.slice(cs, ce);
          const isPlain = cs === first.start && ce === first.end && group.length === 1;
          let extra: string[] = [];
          if (!isPlain) {
            let rest = lower.slice(cs, ce);
            for (const m of [...group].reverse())
              rest = rest.slice(0, m.start - cs) + '-' + rest.slice(m.end - cs);
            extra = rest.split(/-+/).filter((t) => t !== '');
          }
          const plusSuffix =
            /\+$/.test(regionText) && !/\+$/.test(norm.slice(cs, (group[group.length - 1] as Mention).end));
          const modifiersOnly =
            group.length === 1 && extra.every((t) => MODIFIER.test(t) || CHECKPOINT.test(t)) && !plusSuffix;
          if (isPlain || modifiersOnly) {
            for (const m of group) {
              const target = m.entry.node as Target;
              if (sameTarget(target, self) || claimed.has(m.entry.key)) selfSpans.push([m.start, m.end]);
              else mentions.push({ start: m.start, end: m.end, target, via: norm.slice(m.start, m.end) });
            }
            continue;
          }
          const bases = group.map((m) => m.entry.node as Target).filter((t) => !sameTarget(t, self));
          if (group.some((m) => sameTarget(m.entry.node, self)) || ownNames[p]?.has(nameKey(regionText))) {
            // `Guide-GRPO` in the Guide paper: the paper itself, built on GRPO.
            selfSpans.push([cs, ce]);
            for (const base of bases) {
              emitEdge('builds-on', selfRef, refOf(base), evidence, where, CONFIDENCE_DERIVED, regionText);
              (derivedTargets ??= new Set()).add(refOf(base));
              emitMention(base, p, where);
            }
            continue;
          }
          // A new name built from known ones: its own concept, built on them.
          const derived = emitDerived(regionText, kindOfBases(bases, concepts), bases.map(refOf));
          const derivedTarget: Target = { t: 'concept', i: derived };
          for (const base of bases) {
            emitEdge(
              'builds-on',
              refOf(derivedTarget),
              refOf(base),
              evidence,
              where,
              CONFIDENCE_DERIVED,
              regionText,
            );
            emitMention(base, p, where);
          }
          mentions.push({ start: cs, end: ce, target: derivedTarget, via: regionText });
        }
        for (const m of mentions) emitMention(m.target, p, where);
        if (mentions.length === 0) continue;

        // Cues, and the mentions each one points at.
        const allCues = findCues(lower);
        if (allCues.length === 0) {
          for (const m of mentions) {
            const target = refOf(m.target);
            if (!derivedTargets?.has(target))
              emitEdge('mentions', selfRef, target, evidence, where, CONFIDENCE_MENTION, m.via);
          }
          continue;
        }
        // A cue inside a name (`with` in `RL with Verifiable Rewards`) is no cue; enclosed names are fine.
        const overlaps = (from: number, to: number) => found.some((m) => from < m.end && to > m.start);
        const cues = allCues.filter((c) =>
          c.scope === 'enclosed'
            ? !overlaps(c.start, c.innerStart) && !overlaps(c.innerEnd, c.end)
            : !overlaps(c.start, c.end),
        );
        // `X（…cue Y…）`: a parenthesis right after a name describes that name, not the entry.
        const asides = appositions(lower, mentions);
        const inAside = (m: { start: number; end: number }) =>
          asides.find((a) => m.start > a.open && m.end <= a.close);
        const typed = new Map<number, Map<CueType, number>>();
        for (const cue of cues) {
          const aside = asides.find((a) => cue.start > a.open && cue.end <= a.close);
          for (const k of cueTargets(lower, cue, mentions, selfSpans)) {
            const m = mentions[k] as (typeof mentions)[number];
            const holder = inAside(m);
            if (aside) {
              // Only names inside the same parenthesis, from the name it describes.
              if (holder !== aside) continue;
              const owner = mentions[aside.owner] as (typeof mentions)[number];
              emitEdge(
                cue.type,
                refOf(owner.target),
                refOf(m.target),
                evidence,
                where,
                cue.confidence,
                m.via,
              );
              continue;
            }
            if (holder && cue.scope === 'enclosed') continue;
            let byType = typed.get(k);
            if (!byType) typed.set(k, (byType = new Map()));
            byType.set(cue.type, Math.max(byType.get(cue.type) ?? 0, cue.confidence));
          }
        }
        mentions.forEach((m, k) => {
          const target = refOf(m.target);
          const byType = typed.get(k);
          if (!byType || byType.size === 0) {
            if (!derivedTargets?.has(target))
              emitEdge('mentions', selfRef, target, evidence, where, CONFIDENCE_MENTION, m.via);
            return;
          }
          // `优于使用 X 训练的…`: a weak "uses" next to a comparison or critique of the same name is not one.
          const weak = byType.get('builds-on');
          if (weak !== undefined && weak <= 0.6 && (byType.has('compares') || byType.has('critiques'))) {
            byType.delete('builds-on');
          }
          for (const [type, confidence] of byType) {
            // Running on a benchmark (`使用 SEED-Bench-R1`) is no building on it.
            const weakUse = type === 'builds-on' && confidence <= 0.6 && isBenchmark(m.target, concepts);
            emitEdge(
              weakUse ? 'mentions' : type,
              selfRef,
              target,
              evidence,
              where,
              weakUse ? CONFIDENCE_MENTION : confidence,
              m.via,
            );
          }
        });
      }
    }
    // A paper whose own name is built on a known one (`GRPO-CARE`, `Critique-GRPO`) builds on it.
    for (const key of ownNames[p] ?? []) {
      const parts = key.split(/[ +]+/).filter((t) => t !== '');
      if (parts.length < 2 && !key.endsWith('+')) continue;
      const candidates = new Set<string>();
      for (let a = 0; a < parts.length; a++) {
        for (let b = a + 1; b <= parts.length; b++) {
          if (a === 0 && b === parts.length) continue;
          candidates.add(parts.slice(a, b).join(' '));
        }
      }
      if (key.endsWith('+')) candidates.add(key.replace(/\+*$/, ''));
      const written = new Map<string, string>();
      for (const name of ownWritten[p] ?? []) {
        const parts = nfkcText(name)
          .split(/[\s\-_+]+/)
          .filter((t) => t !== '');
        for (let a = 0; a < parts.length; a++)
          for (let b = a + 1; b <= parts.length; b++)
            written.set(nameKey(parts.slice(a, b).join(' ')), parts.slice(a, b).join(' '));
      }
      for (const candidate of candidates) {
        lookups?.push(candidate);
        const entry = registry.entries.get(candidate);
        const target = entry?.node;
        if (!target || sameTarget(target, self)) continue;
        // `Math-Shepherd` does not build on the benchmark `MATH`: case rules hold here too.
        if (entry?.exact && !entry.exact.has(written.get(candidate) ?? '')) continue;
        const evidenceSpan = paper.text.find((s) => nameKey(s.text).includes(key)) ?? paper.text[0];
        const where = evidenceSpan ? { file: evidenceSpan.file, line: evidenceSpan.line } : paper.sources[0];
        if (!where) continue;
        const evidence = evidenceSpan
          ? (splitSentences(evidenceSpan).find((s) => nameKey(s.text).includes(key))?.text ??
            evidenceSpan.text.trim())
          : paper.title;
        emitEdge('builds-on', selfRef, refOf(target), evidence, where, CONFIDENCE_DERIVED, paper.label);
        emitMention(target, p, where);
      }
    }
    if (cache && recording)
      cache.findings.set(paper.id, {
        text: prints[p] as string,
        print,
        findings: recording,
        lower: (lowers ?? []).join('\n'),
        lookups: lookups ?? [],
      });
    recording = undefined;
    lowers = undefined;
    lookups = undefined;
  });

  if (cache) {
    // Forget papers that are gone.
    for (const id of cache.findings.keys()) if (!paperIndex.has(id)) cache.findings.delete(id);
    for (const id of cache.claims.keys()) if (!paperIndex.has(id)) cache.claims.delete(id);
  }

  // ---- same group -------------------------------------------------------------------------------
  const groups = new Map<string, { via: string; members: number[] }>();
  const join = (key: string, via: string, paper: number): void => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { via, members: [] }));
    if (g.members[g.members.length - 1] !== paper) g.members.push(paper);
  };
  const authors = new AuthorIndex(cache?.authorKeys);
  for (const paper of papers) for (const a of paper.authors) authors.observe(a);
  // The same names recur across many papers: each display name's group key is resolved once per build.
  // (`join` skips a paper already last in the group, so an author named twice joins once.)
  const groupKeys = new Map<string, string | null>();
  papers.forEach((paper, p) => {
    for (const a of paper.authors) {
      let group = groupKeys.get(a);
      if (group === undefined) {
        const key = authors.resolve(a);
        groupKeys.set(a, (group = key ? `author:${key}` : null));
      }
      if (group !== null) join(group, a, p);
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
      const [x, y] = compareStrings(papers[a]?.id ?? '', papers[b]?.id ?? '') <= 0 ? [a, b] : [b, a];
      const confidence = isAuthor ? 0.9 : 0.6;
      for (const member of [x, y]) {
        for (const e of groupEvidence(member, key)) emit(x, y, e.text, e.where, confidence, g.via);
      }
    }
  };
  const sameGroupKey = (x: number, y: number): number =>
    (EDGE_TYPE_INDEX['same-group'] * NODE_SPACE + x) * NODE_SPACE + y;
  const sortedMembers = (g: { members: number[] }): number[] =>
    [...g.members].sort((a, b) => compareStrings(dateOf(a), dateOf(b)) || a - b);
  if (!cache) {
    for (const key of shared.sort(compareStrings)) {
      const g = groups.get(key) as { via: string; members: number[] };
      groupEdges(key, g, sortedMembers(g), (x, y, text, where, confidence, via) =>
        addEdge('same-group', x, y, text, where, confidence, via),
      );
    }
  } else {
    // A group whose members (in order), name and members' records are those of the last build adds what it
    // added then. Only the pairs some changed group touches (before or now) are accumulated again; every other
    // pair's edge is the last build's.
    const previous = cache.groups;
    const next = new Map<string, { via: string; ids: string[]; edges: GroupEdge[] }>();
    const affected = new Map<string, GroupEdge>();
    for (const key of shared.sort(compareStrings)) {
      const g = groups.get(key) as { via: string; members: number[] };
      const old = previous.get(key);
      // Same members with unchanged records (so unchanged dates): the same order, pairs and evidence.
      if (old && old.via === g.via && old.ids.length === g.members.length) {
        let same = true;
        for (let k = 0; k < g.members.length && same; k++) {
          const m = g.members[k] as number;
          same = !fresh.has(m) && (papers[m] as PaperRecord).id === old.ids[k];
        }
        if (same) {
          next.set(key, old);
          continue;
        }
      }
      const members = sortedMembers(g);
      const ids = g.members.map((m) => (papers[m] as PaperRecord).id as string);
      const list: GroupEdge[] = [];
      groupEdges(key, g, members, (x, y, text, where, confidence, via) => {
        const xi = (papers[x] as PaperRecord).id;
        const yi = (papers[y] as PaperRecord).id;
        list.push({ pair: `${xi}\u0000${yi}`, x: xi, y: yi, text, where, confidence, via });
      });
      for (const e of old?.edges ?? []) affected.set(e.pair, e);
      for (const e of list) affected.set(e.pair, e);
      next.set(key, { via: g.via, ids, edges: list });
    }
    for (const [key, old] of previous) if (!next.has(key)) for (const e of old.edges) affected.set(e.pair, e);
    for (const key of shared) {
      for (const e of (next.get(key) as { edges: GroupEdge[] }).edges) {
        if (!affected.has(e.pair)) continue;
        const x = paperIndex.get(e.x) as number;
        const y = paperIndex.get(e.y) as number;
        addEdge('same-group', x, y, e.text, e.where, e.confidence, e.via);
      }
    }
    const pairs = new Map<string, SameGroupEdge>();
    for (const [pair, kept] of cache.groupPairs) {
      if (affected.has(pair)) continue;
      const x = paperIndex.get(kept.x) as number;
      const y = paperIndex.get(kept.y) as number;
      edges.set(sameGroupKey(x, y), {
        type: 'same-group',
        source: x,
        target: y,
        evidence: kept.evidence,
        sources: kept.sources,
        confidence: kept.confidence,
        via: kept.via,
        cached: kept,
      });
      pairs.set(pair, kept);
    }
    for (const [pair, { x: xi, y: yi }] of affected) {
      const x = paperIndex.get(xi);
      const y = paperIndex.get(yi);
      const acc = x === undefined || y === undefined ? undefined : edges.get(sameGroupKey(x, y));
      if (!acc) continue;
      acc.cached = {
        x: xi,
        y: yi,
        evidence: acc.evidence,
        sources: acc.sources,
        confidence: acc.confidence,
        via: acc.via,
      };
      pairs.set(pair, acc.cached);
    }
    cache.groups = next;
    cache.groupPairs = pairs;
  }

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
  for (const acc of [...edges.values()]) {
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
  const typedPairs = new Set<number>();
  for (const acc of edges.values())
    if (acc.type !== 'mentions') typedPairs.add(acc.source * NODE_SPACE + acc.target);

  const out: EdgeRecord[] = [];
  for (const acc of edges.values()) {
    if (acc.type === 'mentions' && typedPairs.has(acc.source * NODE_SPACE + acc.target)) continue;
    if (acc.cached?.record) {
      out.push(acc.cached.record);
      continue;
    }
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
    if (acc.cached) acc.cached.record = edge;
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
  return { concepts: conceptRecords, edges: out, diagnostics };
}

/** Where each type's keys fall in key order: `builds-on` < `compares` < `critiques` < `mentions` < `same-group`. */
const TYPE_RANK: Record<EdgeType, number> = {
  'builds-on': 0,
  compares: 1,
  critiques: 2,
  mentions: 3,
  'same-group': 4,
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
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (numbers[a] as number) - (numbers[b] as number),
  );
  const sorted = order.map((i) => out[i] as EdgeRecord);
  let ok = true;
  for (let i = 1; i < n && ok; i++) ok = (sorted[i - 1] as EdgeRecord).key < (sorted[i] as EdgeRecord).key;
  if (!ok) sorted.sort((a, b) => compareStrings(a.key, b.key));
  for (let i = 0; i < n; i++) out[i] = sorted[i] as EdgeRecord;
}

function isBenchmark(target: Target, concepts: readonly ConceptEntry[]): boolean {
  return target.t === 'concept' && concepts[target.i]?.kind === 'benchmark';
}

const URL = /(?:https?:\/\/|www\.)[^\s)）\]>"，。]+/g;

/** The text names are looked for in: no URLs (`…GRPO_is_Ill-Posed` in a link), no LaTeX wrappers. */
function matchText(text: string): string {
  const plain = text.includes('http') || text.includes('www.') ? text.replace(URL, ' ') : text;
  return stripMarkup(plain);
}

/** The kind a derived name inherits: that of its first concept base, else `method`. */
function kindOfBases(bases: Target[], concepts: readonly ConceptEntry[]): ConceptKind {
  for (const b of bases) if (b.t === 'concept') return (concepts[b.i] as ConceptEntry).kind;
  return 'method';
}

const COMPOUND_CHAR = /[a-z0-9.@]/;

/** Extends a Latin name over `-`/`+`-joined parts: `GRPO` in `Critique-GRPO++` -> the whole. */
function compoundRegion(lower: string, start: number, end: number): [number, number] {
  if (!isWordCode(lower.charCodeAt(start)) && !isWordCode(lower.charCodeAt(end - 1))) return [start, end];
  let s = start;
  while (s >= 2 && lower[s - 1] === '-' && COMPOUND_CHAR.test(lower[s - 2] as string)) {
    let k = s - 1;
    while (k > 0 && COMPOUND_CHAR.test(lower[k - 1] as string)) k--;
    if (!/[a-z0-9]/.test(lower[k] as string)) break;
    s = k;
  }
  let e = end;
  for (;;) {
    if (lower[e] === '+') {
      while (lower[e] === '+') e++;
      continue;
    }
    if (lower[e] === '-' && COMPOUND_CHAR.test(lower[e + 1] ?? '') && /[a-z0-9]/.test(lower[e + 1] ?? '')) {
      let k = e + 1;
      while (k < lower.length && COMPOUND_CHAR.test(lower[k] as string)) k++;
      while (k > e + 1 && lower[k - 1] === '.') k--;
      e = k;
      continue;
    }
    break;
  }
  return [s, e];
}

const AFFILIATION_AFTER =
  /^[^，。,;；!?！？]{0,12}?(?:团队|实验室|课题组|联合|等机构|等单位|等高校|等团队|提出|发布|开源|推出|新作|研究者|研究人员|研究团队|突破|\blab\b|\bteam\b|propose|release|introduce|researchers)/;
const AFFILIATION_BEFORE = /(?:来自|由|联合|携手|from|by|at)\s*$/;

/** Whether an organisation named in a sentence is the entry's own (its team, its lab), not a subject. */
function isAffiliation(lower: string, m: Mention): boolean {
  const after = lower.slice(m.end, m.end + 30);
  if (/^\s*(?:的|'s|’s)/.test(after)) return false;
  if (AFFILIATION_AFTER.test(after)) return true;
  if (AFFILIATION_BEFORE.test(lower.slice(Math.max(0, m.start - 6), m.start))) return true;
  // A headline that opens with the lab (`上海AI Lab突破…`).
  return lower.slice(0, m.start).trim() === '';
}

/** Parentheses that directly follow a name (`GRPO++（…GRPO变体）`), each with the index of that name. */
function appositions(
  lower: string,
  mentions: readonly { start: number; end: number }[],
): { open: number; close: number; owner: number }[] {
  const out: { open: number; close: number; owner: number }[] = [];
  mentions.forEach((m, k) => {
    let open = m.end;
    while (lower[open] === ' ') open++;
    const ch = lower[open];
    if (ch !== '(' && ch !== '（') return;
    let depth = 0;
    for (let i = open; i < lower.length; i++) {
      const c = lower[i];
      if (c === '(' || c === '（') depth++;
      else if (c === ')' || c === '）') {
        depth--;
        if (depth === 0) {
          out.push({ open, close: i, owner: k });
          return;
        }
      }
    }
  });
  return out;
}

const LIST_GAP = /^[\s、,，/&]*(?:和|与|及|以及|或|and|or|as well as|&amp;)?[\s、,，]*$/;
const MAX_GAP = 16;

/** Indices of the mentions a cue points at. Self mentions are transparent for gap lengths. */
function cueTargets(
  lower: string,
  cue: CueHit,
  mentions: readonly { start: number; end: number }[],
  selfSpans: readonly [number, number][],
): number[] {
  const gap = (from: number, to: number): string => {
    let text = lower.slice(from, to);
    for (const [s, e] of selfSpans) if (s >= from && e <= to) text = text.replace(lower.slice(s, e), '');
    return text;
  };
  const out: number[] = [];
  if (cue.scope === 'enclosed') {
    mentions.forEach((m, k) => {
      if (m.start >= cue.innerStart && m.end <= cue.innerEnd) out.push(k);
    });
    return out;
  }
  if (cue.scope === 'after' || cue.scope === 'both') {
    const first = mentions.findIndex((m) => m.start >= cue.end);
    if (first >= 0) {
      const g = gap(cue.end, (mentions[first] as { start: number }).start);
      // `基于引用的检索增强生成`: what follows 的 is the head noun, not the cue's object.
      const hanCue = !/[a-z]/.test(cue.cue);
      if (g.length <= MAX_GAP && !CLAUSE_BREAK.test(g) && !(hanCue && g.includes('的'))) {
        out.push(first);
        for (let k = first + 1; k < mentions.length; k++) {
          const between = gap(
            (mentions[k - 1] as { end: number }).end,
            (mentions[k] as { start: number }).start,
          );
          if (!LIST_GAP.test(between) || between.length > 8) break;
          out.push(k);
        }
      }
    }
  }
  if (cue.scope === 'before' || cue.scope === 'both') {
    let last = -1;
    mentions.forEach((m, k) => {
      if (m.end <= cue.start) last = k;
    });
    if (last >= 0) {
      const g = gap((mentions[last] as { end: number }).end, cue.start);
      if (g.length <= 12 && !CLAUSE_BREAK.test(g)) {
        out.push(last);
        for (let k = last - 1; k >= 0; k--) {
          const between = gap(
            (mentions[k] as { end: number }).end,
            (mentions[k + 1] as { start: number }).start,
          );
          if (!LIST_GAP.test(between) || between.length > 8) break;
          out.push(k);
        }
      }
    }
  }
  return out;
}
