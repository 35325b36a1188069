// The shared core of the link stage: the lexicon, the names the papers go by, and the reading of one paper's
// text into edges, concept mentions and affiliations. The link index (`incremental.ts`) drives `readPaper` and
// folds what it finds into the output, for a one-shot build (filled from empty) and a warm rebuild alike.
import type {
  ConceptId,
  ConceptKind,
  Diagnostic,
  EdgeType,
  PaperRecord,
  SourceRef,
  TextSpan,
} from '../types.js';
import { BACKGROUND, CLAUSE_BREAK, clauseStart, findCues, type CueHit, type CueType } from './cues.js';
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
import { conceptIdOf, isWordCode, lowerSameLength, nameKey, nfkcText, SEPARATOR_CLASS } from './normalise.js';
import { NameRegistry, type Mention, type Target } from './registry.js';
import { splitSentences, type Sentence } from './sentences.js';

/** Up to this many papers sharing an author or lab are linked pairwise; more are chained in date order. */
export const HANDFUL = 4;
/** Evidence kept per edge (the first ones, in paper order). */
export const MAX_EVIDENCE = 20;

/** What an edge gathers from the calls that add to it. */
export interface EvidenceFold {
  evidence: string[];
  sources: SourceRef[];
  confidence: number;
  via: string[];
}

/**
 * Add one call's evidence to an edge: the highest confidence, every distinct `via`, and up to MAX_EVIDENCE
 * distinct (sentence, place) pairs in call order. Every edge of the link index (paper edges, derived bases, same
 * group) folds with this. Evidence is capped, so the scan is short.
 */
export function foldEvidence(
  acc: EvidenceFold,
  evidence: string,
  where: SourceRef,
  confidence: number,
  via: string,
): void {
  acc.confidence = Math.max(acc.confidence, confidence);
  if (via && !acc.via.includes(via)) acc.via.push(via);
  const n = acc.evidence.length;
  if (n >= MAX_EVIDENCE) return;
  for (let k = 0; k < n; k++) {
    const at = acc.sources[k] as SourceRef;
    if (at.line === where.line && acc.evidence[k] === evidence && at.file === where.file) return;
  }
  acc.evidence.push(evidence);
  acc.sources.push(where);
}
/** Mention places kept per concept. */
export const MAX_CONCEPT_SOURCES = 100;

const PRIORITY_USER = 35;
const PRIORITY_LEXICON = 25;
const PRIORITY_ACRONYM = 15;

export const CONFIDENCE_MENTION = 0.3;
/** Papers spelling out one acronym from which it is a shared term, no paper's own name. */
const SHARED_TERM = 3;
/** Papers tied for one name past which they are kept in a Set. */
const MANY_CLAIMANTS = 8;
export const CONFIDENCE_DERIVED = 0.7;

/** Extra parts of a compound name that make no new name: `GRPO-based`, `Qwen3-4B`, `Qwen2.5-7B-Instruct`. */
const MODIFIER =
  /^(?:based|style|like|inspired|free|only|type|level|wise|aware|guided|driven|specific|related)$/;
const CHECKPOINT =
  /^(?:\d+(?:\.\d+)?[bmkt]?|v\d+(?:\.\d+)*|a\d+b|base|instruct|chat|it|sft|preview|mini|small|medium|large|xl|xxl|distill|hf|gguf|awq|math|coder|vl|\d+k)$/;

export interface ConceptEntry {
  label: string;
  /** `conceptIdOf(label)`, computed once. */
  id: ConceptId;
  aliases: Set<string>;
  kind: ConceptKind;
  origin: 'lexicon' | 'user' | 'acronym' | 'derived';
  /** Taken over by a paper of the notes. */
  retired: boolean;
}

/** Nodes as numbers while reading (no string building in the hot loop): paper i is i, concept c is CONCEPT_REF + c. */
export const CONCEPT_REF = 2 ** 23;

export function refOf(target: Target): number {
  return target.t === 'paper' ? target.i : CONCEPT_REF + target.i;
}

export function isConceptRef(ref: number): boolean {
  return ref >= CONCEPT_REF;
}

function sameTarget(a: Target | undefined, b: Target): boolean {
  return a !== undefined && a.t === b.t && a.i === b.i;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The shipped lexicon merged with the user's, and what reading the user's file reported. */
export interface Prepared {
  lexicon: Lexicon;
  /** Folded names of the user's own concepts: they outrank the shipped ones. */
  userConcepts: Set<string>;
  diagnostics: Diagnostic[];
}

export function prepareLexicon(userLexicon: { file: string; text: string } | null | undefined): Prepared {
  const diagnostics: Diagnostic[] = [];
  let lexicon: Lexicon = shippedLexicon();
  const userConcepts = new Set<string>();
  if (userLexicon) {
    const user = parseUserLexicon(userLexicon.file, userLexicon.text);
    diagnostics.push(...user.diagnostics);
    lexicon = mergeLexicons(lexicon, user.lexicon);
    for (const c of user.lexicon.concepts) userConcepts.add(nameKey(c.name));
  }
  return { lexicon, userConcepts, diagnostics };
}

/** The names one paper claims for itself, from its own record alone. */
export interface PaperClaims {
  claims: NameClaim[];
  acronyms: DefinedAcronym[];
  arxivNames: { arxiv: string; name: string }[];
  definitions: { paper: number; name: string; longForm: string }[];
}

const CLAIM_HINT =
  /[（(]|提出|引入|介绍|推出|开源|发布|得出|设计|开发|名为|称为|叫做|propos|introduc|present|develop|design|called|dubbed|named|arxiv\.org/i;

export function paperClaims(paper: PaperRecord, index: number, lexicon: Lexicon): PaperClaims {
  const local: TextClaims = { claims: [], acronyms: [], arxivNames: [], definitions: [] };
  for (const span of paper.text) {
    if (!CLAIM_HINT.test(span.text)) continue;
    sentenceClaims(nfkcText(span.text), paper, index, lexicon.generic, local);
  }
  return {
    claims: [...labelClaims(paper, index, lexicon.generic), ...local.claims],
    acronyms: local.acronyms,
    arxivNames: local.arxivNames,
    definitions: local.definitions,
  };
}

/** The name table of one build: the lexicon's concepts and the papers' own names, and who goes by what. */
export interface Names {
  registry: NameRegistry;
  /** The concept table after the names were settled (lexicon, user and acronym concepts). */
  concepts: ConceptEntry[];
  conceptById: Map<ConceptId, number>;
  orgLabels: string[];
  /** Per organisation: whether naming it as a paper's own makes a group (a named lab or team). */
  orgGroups: boolean[];
  /** Per paper (by index): names it won, every name it claims, lexicon names it redefines, names as written. */
  ownNames: Set<string>[];
  claimedKeys: Set<string>[];
  localNames: Set<string>[];
  ownWritten: string[][];
  /** `ambiguous-name` notes. */
  diagnostics: Diagnostic[];
  /** Keys the lexicon gives a concept or an organisation, before any paper claims a name. */
  lexiconKeys: Set<string>;
}

/** Adds or finds the concept for `label` (after renames) in a concept table. */
export function conceptFor(
  table: { concepts: ConceptEntry[]; conceptById: Map<ConceptId, number> },
  lexicon: Lexicon,
  label: string,
  kind: ConceptKind,
  origin: ConceptEntry['origin'],
): number {
  const display = lexicon.renames.get(nameKey(label)) ?? label;
  const id = conceptIdOf(display);
  const known = table.conceptById.get(id);
  if (known !== undefined) {
    if (display !== label) (table.concepts[known] as ConceptEntry).aliases.add(label);
    return known;
  }
  table.concepts.push({
    label: display,
    id,
    aliases: new Set(display !== label ? [label] : []),
    kind,
    origin,
    retired: false,
  });
  table.conceptById.set(id, table.concepts.length - 1);
  return table.concepts.length - 1;
}

/** The key of an acronym an entry spells out, its plural folded (`LAMs` spells out `LAM`). */
export function definedKey(acronym: string): string {
  return nameKey(/[A-Z]s$/.test(acronym) ? acronym.slice(0, -1) : acronym);
}

/** Settles who goes by which name: lexicon concepts and organisations, then the papers' claims. */
export function resolveNames(
  papers: readonly PaperRecord[],
  own: readonly PaperClaims[],
  prepared: Prepared,
): Names {
  const { lexicon, userConcepts } = prepared;
  const diagnostics: Diagnostic[] = [];
  const table = { concepts: [] as ConceptEntry[], conceptById: new Map<ConceptId, number>() };
  const { concepts } = table;
  const registry = new NameRegistry(lexicon.ignore);
  lexicon.concepts.forEach((c) => {
    const names = [c.name, ...c.aliases];
    const renameTo = names.map((n) => lexicon.renames.get(nameKey(n))).find((n) => n !== undefined);
    const mine = userConcepts.has(nameKey(c.name));
    const index = conceptFor(table, lexicon, renameTo ?? c.name, c.kind, mine ? 'user' : 'lexicon');
    const entry = concepts[index] as ConceptEntry;
    for (const n of names) if (nameKey(n) !== nameKey(entry.label)) entry.aliases.add(n);
    const priority = mine ? PRIORITY_USER : PRIORITY_LEXICON;
    for (const n of [entry.label, ...names])
      registry.setNode(n, { t: 'concept', i: index }, priority, c.exact, true);
  });
  const orgLabels: string[] = lexicon.orgs.map((o) => {
    const names = [o.name, ...o.aliases];
    return names.map((n) => lexicon.renames.get(nameKey(n))).find((n) => n !== undefined) ?? o.name;
  });
  lexicon.orgs.forEach((o, i) => {
    for (const n of [o.name, ...o.aliases, orgLabels[i] as string]) registry.setOrg(n, i, o.exact);
  });

  const lexiconKeys = new Set(registry.entries.keys());
  const byArxiv = new Map<string, number>();
  papers.forEach((p, i) => {
    if (p.arxiv) byArxiv.set(p.arxiv, i);
  });
  const claims: NameClaim[] = [];
  const textClaims: TextClaims = { claims, acronyms: [], arxivNames: [], definitions: [] };
  own.forEach((mine, index) => {
    for (const c of mine.claims) claims.push(c.paper === index ? c : { ...c, paper: index });
    for (const a of mine.acronyms) textClaims.acronyms.push(a);
    for (const a of mine.arxivNames) textClaims.arxivNames.push(a);
    for (const d of mine.definitions)
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
  // An acronym that three or more papers spell out (`Vision Transformer (ViT)`, `Graph Neural Network (GNN)`) is a
  // shared term, not one paper's name, unless a title opens with it: no text claim takes it.
  const definers = new Map<string, Set<number>>();
  for (const d of textClaims.definitions) {
    const key = definedKey(d.name);
    let set = definers.get(key);
    if (!set) definers.set(key, (set = new Set()));
    set.add(d.paper);
  }
  const shared: NameClaim[] = [];
  if (definers.size > 0) {
    const kept: NameClaim[] = [];
    for (const claim of claims) {
      const firmHow = claim.how === 'label' || claim.how === 'title' || claim.how === 'arxiv-line';
      const spelt = definers.get(claim.key);
      // An acronym the entry only defines near a propose word (no title backs it) is the paper's own name
      // only while no other paper spells it out on its own: `Misinformation Detection (MD)` against another
      // entry's `Molecular dynamics (MD)`, `视觉 Transformer（ViT）` in a paper that applies ViTs.
      const passing =
        (claim.how === 'acronym' || claim.how === 'proposed') &&
        claim.strength < 30 &&
        spelt !== undefined &&
        [...spelt].some((p) => p !== claim.paper);
      if ((!firmHow && (spelt?.size ?? 0) >= SHARED_TERM) || passing) shared.push(claim);
      else kept.push(claim);
    }
    claims.length = 0;
    for (const claim of kept) claims.push(claim);
  }
  // Strongest claim per name; a tie between papers is ambiguous: the first paper keeps it, with a note.
  // (Past a few tied papers a name gets a Set of them, which keeps this linear when thousands of papers share
  // a label; most names have one claimant and need none.)
  const best = new Map<string, NameClaim[]>();
  const claimants = new Map<string, Set<number>>();
  for (const claim of claims) {
    const list = best.get(claim.key);
    if (!list || claim.strength > (list[0] as NameClaim).strength) {
      best.set(claim.key, [claim]);
      if (list && list.length >= MANY_CLAIMANTS) claimants.delete(claim.key);
    } else if (claim.strength === (list[0] as NameClaim).strength) {
      const who = claimants.get(claim.key);
      if (who) {
        if (who.has(claim.paper)) continue;
        who.add(claim.paper);
      } else if (list.some((c) => c.paper === claim.paper)) continue;
      list.push(claim);
      if (!who && list.length >= MANY_CLAIMANTS) claimants.set(claim.key, new Set(list.map((c) => c.paper)));
    }
  }
  const ownNames: Set<string>[] = papers.map(() => new Set());
  const ownWritten: string[][] = papers.map(() => []);
  // Names a paper's title gives it (`Name: …`), that it defines as its own (`生成式验证器（GenRM）`) or an arXiv
  // line ties to it: firm enough to take over a lexicon name. A label alone is not.
  const firm = new Set<string>();
  for (const claim of claims)
    if (claim.how !== 'label' && claim.strength >= 30) firm.add(`${claim.paper}|${claim.key}`);
  const ambiguous: NameClaim[] = [];
  for (const [key, list] of best) {
    const winner = list.reduce((a, b) => {
      const da = papers[a.paper]?.date ?? '9999';
      const db = papers[b.paper]?.date ?? '9999';
      return da < db || (da === db && a.paper < b.paper) ? a : b;
    });
    const previous = registry.lookup(winner.name)?.node;
    if (list.length > 1) {
      // Several papers go by this name (`CNN`, `LoRA` in headlines that merely use it): it names none of them.
      const where = papers[list.find((c) => c !== winner)?.paper ?? winner.paper]?.sources[0];
      diagnostics.push({
        rule: 'ambiguous-name',
        severity: 'info',
        file: where?.file ?? '',
        line: where?.line ?? 1,
        column: 1,
        message: `"${winner.name}" names ${list.length} papers; it links to none of them`,
      });
      if (!previous) ambiguous.push(winner);
      continue;
    }
    const target: Target = { t: 'paper', i: winner.paper };
    // A name the lexicon knows stays a concept unless the notes tie it to the paper firmly: a label that only
    // a headline mentions (`…的LoRA语言模型微调`) is not the paper's own name.
    if (previous?.t === 'concept' && (winner.strength < 30 || !firm.has(`${winner.paper}|${key}`))) continue;
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
  // Acronyms the notes define that no paper claims, and names several papers claim: concepts, kept if two
  // papers or more mention them.
  for (const { name } of [...ambiguous, ...shared]) {
    if (registry.lookup(name)?.node) continue;
    const index = conceptFor(table, lexicon, name, 'concept', 'acronym');
    registry.setNode(name, { t: 'concept', i: index }, PRIORITY_ACRONYM, needsExactCase(name));
  }
  for (const { name, longForm } of textClaims.acronyms) {
    if (registry.lookup(name)?.node) continue;
    const index = conceptFor(table, lexicon, name, 'concept', 'acronym');
    if (longForm) (concepts[index] as ConceptEntry).aliases.add(longForm);
    registry.setNode(name, { t: 'concept', i: index }, PRIORITY_ACRONYM, needsExactCase(name));
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
  return {
    registry,
    concepts,
    conceptById: table.conceptById,
    orgLabels,
    orgGroups: lexicon.orgs.map((o) => o.group),
    ownNames,
    claimedKeys,
    localNames,
    ownWritten,
    diagnostics,
    lexiconKeys,
  };
}

/** Where one paper's reading goes. Refs are numbers: paper i is i, concept c is CONCEPT_REF + c. */
export interface ReadSink {
  edge(
    type: EdgeType,
    source: number,
    target: number,
    evidence: string,
    where: SourceRef,
    confidence: number,
    via: string,
  ): void;
  mention(target: Target, paper: number, where: SourceRef): void;
  /** A name built from known ones (`GRPO++`): its concept's index. */
  derived(label: string, kind: ConceptKind, bases: readonly number[]): number;
  /** Every sentence's folded lower-case text, for the warm index (which names a paper's text holds). */
  lower?(lower: string): void;
  /** Every name key looked up directly (not found by scanning). */
  lookup?(key: string): void;
}

/** What reading needs: the names, the papers (sorted by id) and the concept table derived names go into. */
export interface ReadContext extends Names {
  papers: readonly PaperRecord[];
  lexicon: Lexicon;
}

/** An organisation named as a paper's affiliation, with the sentences that say so. */
export type OrgEvidence = Map<number, { text: string; where: SourceRef }[]>;

/** Reads paper `p`'s text: edges, mentions and derived names go to `sink`; returns its affiliations. */
export function readPaper(ctx: ReadContext, p: number, sink: ReadSink): OrgEvidence {
  const paper = ctx.papers[p] as PaperRecord;
  const self: Target = { t: 'paper', i: p };
  const orgs: OrgEvidence = new Map();
  // Sentences, mentions, cues and own names are read by separate functions: each is compiled on its own,
  // small enough for the optimiser to settle quickly (one function for all of it took longer to compile
  // than to run on 10k papers, and was compiled again after each deoptimisation).
  // `1. 这里提到了 AlphaProof` / `   1. finetune 了 gemini…`: a nested list item without a subject of its own
  // is about the one name its parent item gives.
  const items: { indent: number; about: Target | undefined }[] = [];
  for (const span of paper.text) {
    let subject: Target | undefined;
    if (span.indent === undefined) items.length = 0;
    else {
      while (items.length > 0 && (items[items.length - 1] as (typeof items)[number]).indent >= span.indent)
        items.pop();
      const parent = items[items.length - 1];
      if (parent?.about && !FIRST_PERSON.test(span.text)) subject = parent.about;
      items.push({ indent: span.indent, about: itemSubject(ctx, p, span.text) });
    }
    for (const sentence of splitSentences(span)) readSentence(ctx, p, self, subject, sentence, sink, orgs);
  }
  ownNameEdges(ctx, p, self, sink);
  return orgs;
}

/** Words that give a sentence the entry (or its authors) as subject. */
const FIRST_PERSON = /(?:我们|本文|作者|笔者|\bwe\b|\bour\b|\bthis (?:paper|work)\b)/i;
/** Longest list item read as naming what its nested items are about. */
const MAX_ITEM_SUBJECT = 80;

/** The one work a short list item names (not the entry itself), if it names exactly one. */
function itemSubject(ctx: ReadContext, p: number, text: string): Target | undefined {
  if (text.length > MAX_ITEM_SUBJECT) return undefined;
  const norm = nfkcText(matchText(text));
  const lower = lowerSameLength(norm);
  const labelKey = nameKey((ctx.papers[p] as PaperRecord).label);
  const claimed = ctx.claimedKeys[p] as Set<string>;
  let only: Target | undefined;
  for (const m of ctx.registry.find(norm, lower)) {
    const node = m.entry.node;
    if (!node || (node.t === 'paper' && node.i === p) || claimed.has(m.entry.key) || m.entry.key === labelKey)
      continue;
    if (only && !sameTarget(only, node)) return undefined;
    only = node;
  }
  return only;
}

/** A mention of a node in a sentence: where, which node, and the text that named it. */
interface NodeMention {
  start: number;
  end: number;
  target: Target;
  via: string;
}

/** One sentence of paper `p`: its affiliations go to `orgs`, its edges and mentions to `sink`. */
function readSentence(
  ctx: ReadContext,
  p: number,
  self: Target,
  subject: Target | undefined,
  sentence: Sentence,
  sink: ReadSink,
  orgs: OrgEvidence,
): void {
  const selfRef = refOf(self);
  const norm = nfkcText(matchText(sentence.text));
  const lower = lowerSameLength(norm);
  sink.lower?.(lower);
  const found = ctx.registry.find(norm, lower);
  if (found.length === 0) return;
  const where: SourceRef = { file: sentence.file, line: sentence.line };
  const evidence = sentence.text;

  // Organisations named as the entry's affiliation; only named labs and teams make a group (a university
  // or a company alone does not), but any affiliation continues a list (`来自字节跳动、MAP`).
  let affiliated: Set<number> | undefined;
  for (let k = 0; k < found.length; k++) {
    const m = found[k] as Mention;
    if (m.entry.org === undefined) continue;
    const previous = found[k - 1];
    const listed =
      previous?.entry.org !== undefined &&
      /^[\s、,，&/]*(?:和|与|及|以及|and|&amp;)?\s*$/.test(lower.slice(previous.end, m.start)) &&
      affiliated?.has(previous.entry.org) === true;
    if (!listed && !isAffiliation(lower, m)) continue;
    (affiliated ??= new Set()).add(m.entry.org);
    if (ctx.orgGroups[m.entry.org]) emitOrg(orgs, m.entry.org, evidence, where);
  }

  // Node mentions, with compound names (`Guide-GRPO`, `GRPO++`) resolved.
  const local = ctx.localNames[p] as Set<string>;
  const nodes: Mention[] = found.filter((m) => m.entry.node !== undefined && !local.has(m.entry.key));
  if (nodes.length === 0) return;
  const { mentions, selfSpans, derivedTargets } = nodeMentions(
    ctx,
    p,
    self,
    norm,
    lower,
    nodes,
    evidence,
    where,
    sink,
  );
  for (const m of mentions) sink.mention(m.target, p, where);
  if (mentions.length === 0) return;

  // Cues, and the mentions each one points at.
  const allCues = findCues(lower);
  if (allCues.length === 0) {
    for (const m of mentions) {
      const target = refOf(m.target);
      if (!derivedTargets?.has(target))
        sink.edge('mentions', selfRef, target, evidence, where, CONFIDENCE_MENTION, m.via);
    }
    return;
  }
  cueEdges(
    ctx,
    selfRef,
    subject ? refOf(subject) : selfRef,
    norm,
    lower,
    found,
    mentions,
    selfSpans,
    derivedTargets,
    allCues,
    evidence,
    where,
    sink,
  );
}

/** The nodes a sentence names, compound names (`Guide-GRPO`, `GRPO++`) resolved; derived names go to `sink`. */
function nodeMentions(
  ctx: ReadContext,
  p: number,
  self: Target,
  norm: string,
  lower: string,
  nodes: readonly Mention[],
  evidence: string,
  where: SourceRef,
  sink: ReadSink,
): { mentions: NodeMention[]; selfSpans: [number, number][]; derivedTargets: Set<number> | undefined } {
  const claimed = ctx.claimedKeys[p] as Set<string>;
  // The name the entry is shown by is its own, claimed or not (`LSTM-RF` in `… based on LSTM-RF Hybrid Models`).
  const labelKey = nameKey((ctx.papers[p] as PaperRecord).label);
  const mentions: NodeMention[] = [];
  const selfSpans: [number, number][] = [];
  let derivedTargets: Set<number> | undefined;
  for (let k = 0; k < nodes.length;) {
    const first = nodes[k] as Mention;
    const [cs, ce] = compoundRegion(lower, first.start, first.end);
    let j = k + 1;
    while (j < nodes.length && (nodes[j] as Mention).start < ce) j++;
    const group = nodes.slice(k, j);
    k = j;
    const isPlain = cs === first.start && ce === first.end && group.length === 1;
    if (isPlain || modifiersOnly(norm, lower, group, cs, ce, ctx.lexicon.generic, ctx.concepts)) {
      for (const m of group) {
        const target = m.entry.node as Target;
        if (sameTarget(target, self) || claimed.has(m.entry.key) || m.entry.key === labelKey)
          selfSpans.push([m.start, m.end]);
        else mentions.push({ start: m.start, end: m.end, target, via: norm.slice(m.start, m.end) });
      }
      continue;
    }
    derivedTargets = compoundMention(
      ctx,
      p,
      self,
      norm,
      cs,
      ce,
      group,
      nodes,
      evidence,
      where,
      sink,
      mentions,
      selfSpans,
      derivedTargets,
    );
  }
  return { mentions, selfSpans, derivedTargets };
}

/** One name with only modifiers or checkpoint parts around it (`GRPO-based`, `Qwen3-4B`): no new name. */
function modifiersOnly(
  norm: string,
  lower: string,
  group: readonly Mention[],
  cs: number,
  ce: number,
  common: ReadonlySet<string>,
  concepts: readonly ConceptEntry[],
): boolean {
  if (group.length !== 1) return false;
  const only = group[0] as Mention;
  const extra = (text: string): string[] =>
    (text.slice(0, only.start - cs) + '-' + text.slice(only.end - cs)).split(/-+/).filter((t) => t !== '');
  const plusSuffix = /\+$/.test(norm.slice(cs, ce)) && !/\+$/.test(norm.slice(cs, only.end));
  if (plusSuffix) return false;
  // An acronym the notes defined in passing, glued to another acronym (`PI-LLM`, a benchmark, is not `PI`,
  // process intelligence): the whole is another name.
  const node = only.entry.node;
  const origin = node?.t === 'concept' ? concepts[node.i]?.origin : undefined;
  const passing = origin === 'acronym' || origin === 'derived';
  if (passing && extra(norm.slice(cs, ce)).some((t) => /^[A-Z]{2,}s?$/.test(t))) return false;
  // An ordinary word glued on (`EEG-Controlled`, `Transformer-Enhanced`) makes no new name either.
  return extra(lower.slice(cs, ce)).every((t) => MODIFIER.test(t) || CHECKPOINT.test(t) || common.has(t));
}

/**
 * A compound name made of known ones (`Guide-GRPO`, `GRPO++`): the paper itself built on them, or a new
 * derived concept built on them. The rare path, kept out of `nodeMentions` so that its hot loop compiles small.
 * Returns the targets the paper now builds on through its own compound name.
 */
function compoundMention(
  ctx: ReadContext,
  p: number,
  self: Target,
  norm: string,
  cs: number,
  ce: number,
  group: readonly Mention[],
  nodes: readonly Mention[],
  evidence: string,
  where: SourceRef,
  sink: ReadSink,
  mentions: NodeMention[],
  selfSpans: [number, number][],
  derivedTargets: Set<number> | undefined,
): Set<number> | undefined {
  const selfRef = refOf(self);
  const regionText = norm.slice(cs, ce);
  const bases = group.map((m) => m.entry.node as Target).filter((t) => !sameTarget(t, self));
  const regionKey = nameKey(regionText);
  if (
    group.some((m) => sameTarget(m.entry.node, self)) ||
    ctx.ownNames[p]?.has(regionKey) ||
    regionKey === nameKey((ctx.papers[p] as PaperRecord).label)
  ) {
    // `Guide-GRPO` in the Guide paper: the paper itself, built on GRPO.
    selfSpans.push([cs, ce]);
    for (const base of bases) {
      if (!isKnownBase(base, ctx.concepts)) {
        sink.mention(base, p, where);
        continue;
      }
      sink.edge('builds-on', selfRef, refOf(base), evidence, where, CONFIDENCE_DERIVED, regionText);
      (derivedTargets ??= new Set()).add(refOf(base));
      sink.mention(base, p, where);
    }
    return derivedTargets;
  }
  // A new name built from known ones: its own concept, built on them. Not when the name is a metric
  // (`CoT-Pass@K` is no kind of chain of thought), nor when the base stands on its own in the same sentence
  // (`GenRM、GenRM-Pairwise 和 GenRM-Pointwise`: siblings listed side by side, not a lineage).
  const derived = sink.derived(regionText, kindOfBases(bases, ctx.concepts), bases.map(refOf));
  const derivedTarget: Target = { t: 'concept', i: derived };
  const metric = regionText.includes('@');
  const dataset = inDatasetList(norm, cs);
  for (const base of bases) {
    const alone = nodes.some((n) => (n.start >= ce || n.end <= cs) && sameTarget(n.entry.node, base));
    // `datasets (AlpacaEval, Anthropic HH-RLHF, truthy-dpo-v0.1)`: a dataset named after a method is no variant
    // of it (one named after a dataset is derived from that dataset).
    const namedAfter = dataset && !isData(base, ctx.concepts);
    if (metric || alone || namedAfter || !isKnownBase(base, ctx.concepts)) {
      sink.mention(base, p, where);
      continue;
    }
    sink.edge(
      'builds-on',
      refOf(derivedTarget),
      refOf(base),
      evidence,
      where,
      CONFIDENCE_DERIVED,
      regionText,
    );
    sink.mention(base, p, where);
  }
  mentions.push({ start: cs, end: ce, target: derivedTarget, via: regionText });
  return derivedTargets;
}

/** The edges a sentence with mentions gives, typed by its cues (`基于 X`, `X vs. Y`). */
function cueEdges(
  ctx: ReadContext,
  selfRef: number,
  /** Who the typed edges start from: the entry, or the work a nested list item is about. */
  subjectRef: number,
  norm: string,
  lower: string,
  found: readonly Mention[],
  mentions: readonly NodeMention[],
  selfSpans: readonly [number, number][],
  derivedTargets: Set<number> | undefined,
  allCues: readonly CueHit[],
  evidence: string,
  where: SourceRef,
  sink: ReadSink,
): void {
  // A cue inside a name (`with` in `RL with Verifiable Rewards`) is no cue; enclosed names are fine.
  const cues = allCues.filter((c) =>
    c.scope === 'enclosed'
      ? !overlapsAny(found, c.start, c.innerStart) && !overlapsAny(found, c.innerEnd, c.end)
      : !overlapsAny(found, c.start, c.end),
  );
  // `X（…cue Y…）`: a parenthesis right after a name describes that name, not the entry.
  const asides = appositions(lower, mentions);
  const typed = new Map<number, Map<CueType, number>>();
  let derived: Set<number> | undefined;
  for (const cue of cues) {
    // `优于采用 X 训练的模型`, `超越了使用 X 的基线`: the use describes what is compared with (or criticised),
    // not the entry; X is only mentioned (the nearer use still keeps the comparison off X itself).
    if ((cue.type === 'uses' || cue.type === 'builds-on') && describesCompared(lower, cue, cues, selfSpans))
      continue;
    // `(e.g., CT vs. MRI)`, `例如 X 优于 Y`: what an example says is about the example, not the entry.
    if (inExample(lower, cue.start)) continue;
    const aside = asideOf(asides, cue);
    for (const k of cueTargets(lower, cue, cues, mentions, selfSpans)) {
      const m = mentions[k] as (typeof mentions)[number];
      // `RecJPQ, a Transformer-based framework`, `RecJPQ 是一个基于 Transformer 的框架`: what is said of RecJPQ.
      const said = cue.cue.startsWith('-') ? m.start : cue.scope === 'after' ? cue.start : -1;
      if (
        said >= 0 &&
        (cue.type === 'builds-on' || cue.type === 'uses') &&
        describesAnother(norm, said, selfSpans)
      )
        continue;
      const holder = asideOf(asides, m);
      if (aside) {
        // Only names inside the same parenthesis, from the name it describes.
        if (holder !== aside) continue;
        const owner = mentions[aside.owner] as (typeof mentions)[number];
        sink.edge(cue.type, refOf(owner.target), refOf(m.target), evidence, where, cue.confidence, m.via);
        continue;
      }
      if (holder && cue.scope === 'enclosed') continue;
      let byType = typed.get(k);
      if (!byType) typed.set(k, (byType = new Map()));
      byType.set(cue.type, Math.max(byType.get(cue.type) ?? 0, cue.confidence));
      if (cue.derives) (derived ??= new Set()).add(k);
    }
  }
  const background = BACKGROUND.test(lower);
  mentions.forEach((m, k) => {
    const target = refOf(m.target);
    const byType = typed.get(k);
    if (!byType || byType.size === 0) {
      if (!derivedTargets?.has(target))
        sink.edge('mentions', selfRef, target, evidence, where, CONFIDENCE_MENTION, m.via);
      return;
    }
    // A metric (`MAE`, `BLEU`, `Pass@K`) is measured, not compared with, used or built on; it can be criticised.
    if (isMeasure(m.target, ctx.concepts)) {
      byType.delete('builds-on');
      byType.delete('uses');
      byType.delete('compares');
      if (byType.size === 0) {
        sink.edge('mentions', selfRef, target, evidence, where, CONFIDENCE_MENTION, m.via);
        return;
      }
    }
    // Building on a model, a dataset or a benchmark takes a cue that says derivation (`fine-tuned from`,
    // `从…微调`); `基于 FLAN-T5 的实验` runs with it: uses.
    const builds = byType.get('builds-on');
    if (builds !== undefined && !derived?.has(k) && isResource(m.target, ctx.concepts)) {
      byType.delete('builds-on');
      byType.set('uses', Math.max(byType.get('uses') ?? 0, builds));
    }
    // A use says less than building on, comparing or critiquing the same name (`优于使用 X 训练的…`).
    if (byType.has('uses') && byType.size > 1) byType.delete('uses');
    // `现有方法基于 X…`, `Recent X-based methods…`: other work's lineage, not the entry's.
    if (background && (byType.has('builds-on') || byType.has('uses'))) {
      byType.delete('builds-on');
      byType.delete('uses');
      if (byType.size === 0) {
        if (!derivedTargets?.has(target))
          sink.edge('mentions', selfRef, target, evidence, where, CONFIDENCE_MENTION, m.via);
        return;
      }
    }
    // The entry still mentions what a nested item says of the work it is about.
    if (subjectRef !== selfRef)
      sink.edge('mentions', selfRef, target, evidence, where, CONFIDENCE_MENTION, m.via);
    if (target === subjectRef) return;
    for (const [type, confidence] of byType)
      sink.edge(type, subjectRef, target, evidence, where, confidence, m.via);
  });
}

/** A paper whose own name is built on a known one (`GRPO-CARE`, `Critique-GRPO`) builds on it. */
function ownNameEdges(ctx: ReadContext, p: number, self: Target, sink: ReadSink): void {
  const paper = ctx.papers[p] as PaperRecord;
  const selfRef = refOf(self);
  // A paper whose own name is built on a known one (`GRPO-CARE`, `Critique-GRPO`) builds on it.
  // The parts of the names as written, and the folded spans, are worked out once per paper, when needed.
  let written: Map<string, string> | undefined;
  let spanKeys: string[] | undefined;
  for (const key of ctx.ownNames[p] ?? []) {
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
    for (const candidate of candidates) {
      sink.lookup?.(candidate);
      const entry = ctx.registry.entries.get(candidate);
      const target = entry?.node;
      if (!target || sameTarget(target, self)) continue;
      // `Math-Shepherd` does not build on the benchmark `MATH`: case rules hold here too.
      if (
        entry?.exact &&
        !entry.exact.has((written ??= writtenParts(ctx.ownWritten[p])).get(candidate) ?? '')
      )
        continue;
      spanKeys ??= paper.text.map((s) => nameKey(s.text));
      // A paper of the notes is a base only when the entry also names it on its own (`GoT 和 GoT-R1 已全面开源`);
      // a concept, only when the lexicon knows it.
      if (
        target.t === 'paper' ? !standsAlone(paper.text, key, candidate) : !isKnownBase(target, ctx.concepts)
      )
        continue;
      const found = spanKeys.findIndex((k) => k.includes(key));
      const evidenceSpan = found >= 0 ? paper.text[found] : paper.text[0];
      const where = evidenceSpan ? { file: evidenceSpan.file, line: evidenceSpan.line } : paper.sources[0];
      if (!where) continue;
      const evidence = evidenceSpan
        ? (splitSentences(evidenceSpan).find((s) => nameKey(s.text).includes(key))?.text ??
          evidenceSpan.text.trim())
        : paper.title;
      sink.edge('builds-on', selfRef, refOf(target), evidence, where, CONFIDENCE_DERIVED, paper.label);
      sink.mention(target, p, where);
    }
  }
}

/** What splits a paper's name into parts: a name's separators, and `+`. */
const PART_SEPARATORS = new RegExp(`[${SEPARATOR_CLASS}+]+`);

/** Every run of parts of a paper's names as written, by its folded key (`Math` for `math`). */
function writtenParts(names: readonly string[] | undefined): Map<string, string> {
  const written = new Map<string, string>();
  for (const name of names ?? []) {
    const parts = nfkcText(name)
      .split(PART_SEPARATORS)
      .filter((t) => t !== '');
    for (let a = 0; a < parts.length; a++)
      for (let b = a + 1; b <= parts.length; b++)
        written.set(nameKey(parts.slice(a, b).join(' ')), parts.slice(a, b).join(' '));
  }
  return written;
}

/**
 * Whether a part of a compound name is a base it was built from: a concept of the lexicon (GRPO, LoRA, MoE), not
 * an acronym the notes define in passing (`BC` in `BC-GAN`, `SA` in `SA-GCS`, `GPS` in `GPS-denied`) nor a paper
 * that only happens to share the part (`Omni` in `Omni-Effects`).
 */
function isKnownBase(base: Target, concepts: readonly ConceptEntry[]): boolean {
  if (base.t !== 'concept') return false;
  const origin = concepts[base.i]?.origin;
  return origin === 'lexicon' || origin === 'user';
}

/**
 * Whether `candidate` (a folded name) stands on its own in a paper's text, outside its own name `own`: as a word
 * of its own, not glued by a hyphen into another word (`Omni-modal` is no mention of the paper `Omni`).
 */
function standsAlone(texts: readonly TextSpan[], own: string, candidate: string): boolean {
  const sep = '[\\s\\-_\\u2010\\u2011\\u2013\\u00b7]+';
  const pattern = (key: string): string =>
    key
      .split(' ')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join(sep);
  const ownRe = new RegExp(pattern(own), 'g');
  // Every match of `alone` holds the candidate's first part as written: a text without it, once the own name
  // is taken out, cannot match. That settles nearly every span without `alone` (a Unicode-class pattern that is
  // costly to compile and run), which is made only for the few spans left.
  const first = candidate.split(' ')[0] ?? candidate;
  let alone: RegExp | undefined;
  for (const span of texts) {
    const text = lowerSameLength(nfkcText(span.text));
    if (!text.includes(first)) continue;
    const rest = text.replace(ownRe, ' ');
    if (!rest.includes(first)) continue;
    alone ??= new RegExp(
      `(?<![\\p{L}\\p{N}+\\-_\\u2010\\u2011\\u2013\\u00b7])${pattern(candidate)}(?![\\p{L}\\p{N}+\\-_\\u2010\\u2011\\u2013\\u00b7])`,
      'u',
    );
    if (alone.test(rest)) return true;
  }
  return false;
}

function emitOrg(orgs: OrgEvidence, org: number, text: string, where: SourceRef): void {
  const items = orgs.get(org) ?? [];
  if (!items.some((e) => e.where.line === where.line && e.text === text)) items.push({ text, where });
  orgs.set(org, items);
}

function overlapsAny(found: readonly Mention[], from: number, to: number): boolean {
  for (const m of found) if (from < m.end && to > m.start) return true;
  return false;
}

/** The parenthesis a span lies in, if any (the first one that holds it). */
function asideOf<A extends { open: number; close: number }>(
  asides: readonly A[],
  m: { start: number; end: number },
): A | undefined {
  for (const a of asides) if (m.start > a.open && m.end <= a.close) return a;
  return undefined;
}

/**
 * Models (and architectures), datasets, benchmarks and plain concepts (`EEG`, `MRI`: acronyms the notes define):
 * things a paper runs with rather than derives from, unless it says so.
 */
function isResource(target: Target, concepts: readonly ConceptEntry[]): boolean {
  if (target.t !== 'concept') return false;
  const kind = concepts[target.i]?.kind;
  return kind === 'model' || kind === 'dataset' || kind === 'benchmark' || kind === 'concept';
}

/** Datasets and benchmarks, as the lexicon kinds them. */
function isData(target: Target, concepts: readonly ConceptEntry[]): boolean {
  const kind = target.t === 'concept' ? concepts[target.i]?.kind : undefined;
  return kind === 'dataset' || kind === 'benchmark';
}

/** A list of datasets or benchmarks open before `at`: `datasets (A, B, `, `数据集（如 A、`, `benchmarks such as A, `. */
const DATASET_LIST =
  /(?:\bdatasets?|\bbenchmarks?|\bcorpora|数据集|基准(?:测试)?)\s*(?:[(（:：]|such as\b|including\b|like\b|e\.g\.,?|如|包括|例如)[^()（）。;；]*$/i;

function inDatasetList(norm: string, at: number): boolean {
  return DATASET_LIST.test(norm.slice(Math.max(0, at - 80), at));
}

/** Metrics by name, and long forms that name a measure (`Mean Absolute Error`, `均方误差`). */
const MEASURE_NAME =
  /^(?:mae|mse|rmse|mape|smape|r2|r\^2|auc|auroc|auprc|f1|bleu|rouge(?: ?[l\d])?|meteor|cider|psnr|ssim|lpips|fid|fvd|iou|miou|map|ndcg|mrr|wer|cer|eer|ppl|perplexity|pass@\w+)$/;
const MEASURE_LONG =
  /(?:\berror|\bscore|\baccuracy|\bprecision|\brecall|\bcoefficient|\bdistance|\bsimilarity|误差|得分|准确率|召回率|系数)$/i;

/** Whether a concept is a metric: measured with, never compared with or built on. */
function isMeasure(target: Target, concepts: readonly ConceptEntry[]): boolean {
  if (target.t !== 'concept') return false;
  const c = concepts[target.i];
  if (!c) return false;
  // A long form names a measure as a label too (`GPT-4-Score`, a user's `F1 Score`), not only as an alias.
  if (MEASURE_NAME.test(nameKey(c.label)) || MEASURE_LONG.test(c.label.trim())) return true;
  for (const a of c.aliases) if (MEASURE_LONG.test(a.trim())) return true;
  return false;
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

/** `[a-z0-9]` as a char code test (no one-character strings in this per-mention loop). */
function isAlnumCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** `[a-z0-9.@]`: what the parts of a compound name are made of. */
function isCompoundCode(code: number): boolean {
  return isAlnumCode(code) || code === 0x2e || code === 0x40;
}

/** Extends a Latin name over `-`/`+`-joined parts: `GRPO` in `Critique-GRPO++` -> the whole. */
function compoundRegion(lower: string, start: number, end: number): [number, number] {
  if (!isWordCode(lower.charCodeAt(start)) && !isWordCode(lower.charCodeAt(end - 1))) return [start, end];
  let s = start;
  while (s >= 2 && lower[s - 1] === '-' && isCompoundCode(lower.charCodeAt(s - 2))) {
    let k = s - 1;
    while (k > 0 && isCompoundCode(lower.charCodeAt(k - 1))) k--;
    if (!isAlnumCode(lower.charCodeAt(k))) break;
    s = k;
  }
  // Reads stay in bounds: a read past the end deoptimises the compiled code.
  const n = lower.length;
  let e = end;
  for (;;) {
    if (e < n && lower.charCodeAt(e) === 0x2b) {
      while (e < n && lower.charCodeAt(e) === 0x2b) e++;
      continue;
    }
    if (e + 1 < n && lower.charCodeAt(e) === 0x2d && isAlnumCode(lower.charCodeAt(e + 1))) {
      let k = e + 1;
      while (k < n && isCompoundCode(lower.charCodeAt(k))) k++;
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

/** The text between two places, without the paper's own names in it (they are transparent for gap lengths). */
function gapText(lower: string, selfSpans: readonly [number, number][], from: number, to: number): string {
  let text = lower.slice(from, to);
  for (const [s, e] of selfSpans) if (s >= from && e <= to) text = text.replace(lower.slice(s, e), '');
  return text;
}

/** A cue followed by `以及`, `和`, `and`: the cue word is a noun in a list (`领域微调以及 RAG`), with no object. */
const NOUN_CUE = /^\s*(?:以及|及|和|与|或|、|and\b|or\b|as well as\b)/;
const HAN = /\p{Script=Han}/u;
/** Words for a work that may stand between a name and a cue after it (`GRPO 算法的变体`). */
const WORK_WORDS = /算法|方法|模型|框架|架构|系列|技术/g;
/** A name the compared thing lacks (`与未配备 ToM 的代理相比`, `compared to a model without X`). */
const WITHOUT = /(?:未配备|未使用|没有|不含|不带|不使用|无|without|w\/o)\s*$/;
const LIST_GAP = /^[\s、,，/&]*(?:和|与|及|以及|或|and|or|as well as|&amp;)?[\s、,，]*$/;
/** A short parenthesis right after a listed name (`Qwen（82.66%）和 ChatGPT`) leaves the list going. */
const LISTED_ASIDE = /^\s*[（(][^（）()]{1,20}[)）]/;

/** Whether the text between two names continues a list. */
function continuesList(between: string): boolean {
  const gap = between.replace(LISTED_ASIDE, '');
  return LIST_GAP.test(gap) && gap.length <= 8;
}
const MAX_GAP = 16;

const EXAMPLE = /(?:\be\.g\.|\bfor example\b|\bfor instance\b|\bsuch as\b|例如|比如|譬如|诸如)/;

/**
 * Whether place `at` lies in an example: after `e.g.`, `such as`, 例如 … in the same parenthesis, or in the same
 * sentence part when no parenthesis holds it.
 */
function inExample(lower: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i >= at - 80; i--) {
    const c = lower[i] as string;
    if (c === ')' || c === '）') depth++;
    else if (c === '(' || c === '（') {
      if (depth === 0) return EXAMPLE.test(lower.slice(i, at));
      depth--;
    } else if (depth === 0 && (c === '。' || c === '；' || c === ';')) break;
  }
  // No parenthesis open: the clause the cue is in, and the marker right before it (`e.g., X vs. Y`).
  // A closed parenthesis before the cue (`methods (e.g. search) and FooNet outperforms X`) is no example of it.
  let before = lower.slice(Math.max(0, clauseStart(lower, at) - 12), at);
  for (let prev = ''; prev !== before;)
    [prev, before] = [before, before.replace(/[(（][^()（）]*[)）]/g, ' ')];
  return EXAMPLE.test(before);
}

/** What says something of the name before it: `X, a …`, `X is a …`, `X is …`, `X 是一个…`. */
const DESCRIBES = /(?:,\s*an?|\s+is\s+an?|\s+is)\s+(?:[\w-]+\s+){0,2}$|\s*是(?:一个|一种|一款)?\s*$/;

/**
 * Whether what follows `at` is said of another work named right before it (`RecJPQ, a Transformer-based
 * framework`, `RecJPQ 是一个基于 Transformer 的框架`): a name as written (capitals), not the entry's own
 * (`FooNet, a Transformer-based model` describes the entry) nor a plain word (`In this paper, a Transformer-based…`).
 */
function describesAnother(norm: string, at: number, selfSpans: readonly [number, number][]): boolean {
  const from = Math.max(0, at - 40);
  const m = DESCRIBES.exec(norm.slice(from, at));
  if (!m) return false;
  const head = from + m.index;
  if (selfSpans.some(([, end]) => end <= head && norm.slice(end, head).trim() === '')) return false;
  return /[A-Z][\w-]*[A-Z0-9][\w-]*$/.test(norm.slice(Math.max(0, head - 30), head));
}

/** Whether a use cue follows a compares or critiques cue closely, inside the object that cue names. */
function describesCompared(
  lower: string,
  use: CueHit,
  cues: readonly CueHit[],
  selfSpans: readonly [number, number][],
): boolean {
  // `优于基于 X 的方法` (after the compare cue), `compared to state-of-the-art X-based approaches` (the name and
  // its `-based` inside the compared object).
  const reach = use.scope === 'before' ? 80 : 6;
  return cues.some((c) => {
    if (c === use || (c.type !== 'compares' && c.type !== 'critiques')) return false;
    // `将其与基于 X 的系统进行了比较`: inside what an enclosing compare cue holds.
    if (c.scope === 'enclosed') return use.start >= c.innerStart && use.end <= c.innerEnd;
    if ((c.scope !== 'after' && c.scope !== 'both') || c.end > use.start) return false;
    const g = gapText(lower, selfSpans, c.end, use.start);
    return g.length <= reach && !CLAUSE_BREAK.test(g);
  });
}

/** Indices of the mentions a cue points at. Self mentions are transparent for gap lengths. */
function cueTargets(
  lower: string,
  cue: CueHit,
  cues: readonly CueHit[],
  mentions: readonly { start: number; end: number }[],
  selfSpans: readonly [number, number][],
): number[] {
  const out: number[] = [];
  if (cue.scope === 'enclosed') {
    mentions.forEach((m, k) => {
      if (
        m.start >= cue.innerStart &&
        m.end <= cue.innerEnd &&
        !WITHOUT.test(lower.slice(cue.innerStart, m.start))
      )
        out.push(k);
    });
    return out;
  }
  if (cue.scope === 'after' || cue.scope === 'both') {
    const first = mentions.findIndex((m) => m.start >= cue.end);
    // `超越了使用完整 PRM800K 训练的…`: a nearer cue in between takes the name.
    const nearer =
      first >= 0 &&
      cues.some(
        (c) => c !== cue && c.start >= cue.end && c.end <= (mentions[first] as { start: number }).start,
      );
    if (first >= 0 && !nearer) {
      const g = gapText(lower, selfSpans, cue.end, (mentions[first] as { start: number }).start);
      // `基于引用的检索增强生成`: what follows 的 is the head noun, not the cue's object.
      const hanCue = !/[a-z]/.test(cue.cue);
      // `比较了在 X 环境中…`: a name after 在 is where, not what. `compared to agents without X`: an ablation.
      if (
        g.length <= MAX_GAP &&
        !CLAUSE_BREAK.test(g) &&
        !(hanCue && (g.includes('的') || /^\s*在(?!线)/.test(g))) &&
        !WITHOUT.test(g) &&
        !NOUN_CUE.test(g) &&
        // `参数高效微调（PEFT）`: a Han cue right before `（ACRONYM）` ends the acronym's long form.
        !(hanCue && /^\s*[（(]\s*$/.test(g))
      ) {
        out.push(first);
        for (let k = first + 1; k < mentions.length; k++) {
          const between = gapText(
            lower,
            selfSpans,
            (mentions[k - 1] as { end: number }).end,
            (mentions[k] as { start: number }).start,
          );
          if (!continuesList(between)) break;
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
      const g = gapText(lower, selfSpans, (mentions[last] as { end: number }).end, cue.start);
      // `GUI定位的扩展` extends GUI grounding, not GUI: before `的扩展`, `的变体` only a word for a work may
      // stand between the name and the cue (`GRPO 算法的变体`).
      const hanBetween =
        cue.derives && cue.cue.startsWith('的') && HAN.test(g.replace(WORK_WORDS, '').replace(/的/g, ''));
      // A cue that takes the name right before it: nothing may stand between, and a Han cue does not take the
      // tail of an English title before its translation (`… Aspect-Based Sentiment Analysis 用于捷克语…`).
      const apart =
        cue.adjacent &&
        (g.trim() !== '' ||
          (!/[a-z]/.test(cue.cue) &&
            /[a-z0-9]\s*$/.test(lower.slice(0, (mentions[last] as { start: number }).start))));
      if (g.length <= 12 && !CLAUSE_BREAK.test(g) && !hanBetween && !apart) {
        out.push(last);
        for (let k = last - 1; k >= 0; k--) {
          const between = gapText(
            lower,
            selfSpans,
            (mentions[k] as { end: number }).end,
            (mentions[k + 1] as { start: number }).start,
          );
          if (!continuesList(between)) break;
          out.push(k);
        }
      }
    }
  }
  return out;
}
