// The user's own links: `[[Other Note]]` from one work's note to another's (resolved by the parser into
// `PaperRecord.noteLinks`) and links to keyword pages (`PaperRecord.concepts`). A link is an edge of the type a cue
// in its sentence gives (`builds on [[X]]`, `compared with [[Y]]`), else `links-to`; a keyword page is a concept the
// work mentions. Edges the text already gave (the same pair, a typed edge) are not drawn twice.
import type { ConceptRecord, EdgeType, LinkResult, NodeId, PaperRecord } from '../types.js';
import { findCues } from './cues.js';
import { conceptIdOf, isReservedName } from './normalise.js';

/** Confidence of a link the user wrote: higher than any cue found in prose. */
const LINK_CONFIDENCE = 0.95;

function edgeKey(type: EdgeType, source: NodeId, target: NodeId): string {
  return `${type}:${source}->${target}`;
}

/** `links` plus the edges and concepts of the notes' own links. Pure; returns `links` itself when there are none. */
export function withNoteLinks(papers: readonly PaperRecord[], links: LinkResult): LinkResult {
  if (!papers.some((p) => p.noteLinks || p.concepts)) return links;
  const edges = links.edges.slice();
  const byKey = new Map(edges.map((e) => [e.key, e]));
  const pairTyped = new Set<string>();
  for (const e of edges)
    if (e.type !== 'mentions' && e.type !== 'same-group') pairTyped.add(`${e.source}->${e.target}`);
  const concepts = links.concepts.slice();
  const conceptById = new Map(concepts.map((c) => [c.id as string, c]));
  const add = (
    type: EdgeType,
    source: NodeId,
    target: NodeId,
    evidence: string,
    where: PaperRecord['sources'][number],
    confidence: number,
  ): void => {
    const key = edgeKey(type, source, target);
    let edge = byKey.get(key);
    if (!edge) {
      edge = { key, type, source, target, directed: true, evidence: [], sources: [], confidence };
      byKey.set(key, edge);
      edges.push(edge);
    } else if (edge.evidence.some((t, i) => t === evidence && edge!.sources[i]?.line === where.line)) return;
    else edge = byKey.get(key)!;
    edge.evidence.push(evidence);
    edge.sources.push(where);
    edge.confidence = Math.max(edge.confidence, confidence);
  };
  for (const paper of papers) {
    for (const link of paper.noteLinks ?? []) {
      const cue = findCues(link.text.toLowerCase())[0];
      const type: EdgeType = cue ? cue.type : 'links-to';
      // The text already typed this pair: the link adds its sentence only when it says the same.
      if (!cue && pairTyped.has(`${paper.id}->${link.target}`)) continue;
      add(
        type,
        paper.id,
        link.target,
        link.text,
        link.source,
        cue ? Math.max(cue.confidence, LINK_CONFIDENCE) : LINK_CONFIDENCE,
      );
    }
    for (const name of paper.concepts ?? []) {
      if (isReservedName(name)) continue;
      const id = conceptIdOf(name);
      let concept: ConceptRecord | undefined = conceptById.get(id);
      if (!concept) {
        concept = { id, label: name, aliases: [], conceptKind: 'concept', sources: [] };
        conceptById.set(id, concept);
        concepts.push(concept);
      }
      const where = paper.sources[0];
      if (!where) continue;
      if (!concept.sources.some((s) => s.file === where.file && s.line === where.line))
        concept.sources.push(where);
      add('mentions', paper.id, id, `[[${name}]]`, where, LINK_CONFIDENCE);
    }
  }
  edges.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  concepts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...links, edges, concepts };
}
