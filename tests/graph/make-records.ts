// Hand-built parser and link results for graph tests: small, explicit, independent of the parser.
import type {
  ConceptRecord,
  EdgeRecord,
  EdgeType,
  LinkResult,
  NodeId,
  PaperId,
  PaperRecord,
  ParseResult,
} from '../../src/types.js';

export function paper(id: string, topicPath: string[], extra: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id: id as PaperId,
    label: id.replace(/^\w+:/, ''),
    title: `Title of ${id}`,
    altTitles: [],
    authors: [],
    topic: topicPath[topicPath.length - 1] ?? '',
    topicPath,
    topics: [...topicPath],
    summary: '',
    links: [],
    sources: [{ file: 'notes.md', line: 1 }],
    tags: [],
    citedOnly: false,
    text: [],
    ...extra,
  };
}

export function concept(name: string): ConceptRecord {
  return {
    id: `concept:${name}` as ConceptRecord['id'],
    label: name.toUpperCase(),
    aliases: [],
    conceptKind: 'method',
    sources: [{ file: 'notes.md', line: 1 }],
  };
}

export function edge(type: EdgeType, source: string, target: string, confidence = 0.9): EdgeRecord {
  const directed = type !== 'same-group';
  return {
    key: `${type}:${source}${directed ? '->' : '--'}${target}`,
    type,
    source: source as NodeId,
    target: target as NodeId,
    directed,
    evidence: [`${source} ${type} ${target}`],
    sources: [{ file: 'notes.md', line: 1 }],
    confidence,
  };
}

export function parsed(papers: PaperRecord[]): ParseResult {
  return {
    papers,
    diagnostics: [],
    stats: { files: 1, entries: papers.length, papers: papers.length, mergedDuplicates: 0 },
  };
}

export function linked(edges: EdgeRecord[], concepts: ConceptRecord[] = []): LinkResult {
  return { concepts, edges, diagnostics: [] };
}

/**
 * A corpus of `groups` top-level topics with `subtopics` each and `perTopic` papers per subtopic; papers link
 * inside their subtopic densely and across topics sparsely, chosen by a fixed arithmetic pattern.
 */
export function syntheticCorpus(groups: number, subtopics: number, perTopic: number) {
  const papers: PaperRecord[] = [];
  const edges: EdgeRecord[] = [];
  let line = 1;
  for (let g = 0; g < groups; g++) {
    for (let s = 0; s < subtopics; s++) {
      for (let p = 0; p < perTopic; p++) {
        const id = `title:g${g}-s${s}-p${p}`;
        papers.push(
          paper(id, ['Root', `Group ${g}`, `Sub ${g}.${s}`], {
            sources: [{ file: 'notes.md', line: line++ }],
          }),
        );
        if (p > 0) edges.push(edge('builds-on', id, `title:g${g}-s${s}-p${p - 1}`));
        if (p > 1 && p % 3 === 0) edges.push(edge('compares', id, `title:g${g}-s${s}-p${p - 2}`));
        if (s > 0 && p % 5 === 0) edges.push(edge('mentions', id, `title:g${g}-s${s - 1}-p${p}`));
        if (g > 0 && s === 0 && p === 0) edges.push(edge('critiques', id, `title:g${g - 1}-s0-p1`));
      }
    }
  }
  return { parsed: parsed(papers), links: linked(edges) };
}
