// Hand-built paper records for link tests.
import type { EdgeRecord, LinkResult, PaperId, PaperRecord } from '../../src/types.js';

export function paper(
  id: string,
  fields: Partial<Omit<PaperRecord, 'id' | 'text'>> & { text?: string[] | string } = {},
): PaperRecord {
  const { text = [], ...rest } = fields;
  const lines = typeof text === 'string' ? [text] : text;
  const label = rest.label ?? id.replace(/^[a-z]+:/, '');
  return {
    id: id as PaperId,
    label,
    title: rest.title ?? label,
    altTitles: [],
    authors: [],
    topic: '',
    topicPath: [],
    topics: [],
    summary: lines.join('\n'),
    links: [],
    sources: [{ file: 'notes.md', line: 1 }],
    tags: [],
    citedOnly: false,
    ...rest,
    text: lines.map((t, i) => ({ file: 'notes.md', line: 10 + i, text: t })),
  };
}

/** `type target` for every edge leaving `source`, sorted (`builds-on concept:grpo`). */
export function edgesFrom(result: LinkResult, source: string, withMentions = false): string[] {
  return result.edges
    .filter((e) => e.source === source && (withMentions || e.type !== 'mentions'))
    .map((e) => `${e.type} ${e.target}`)
    .sort();
}

export function edge(result: LinkResult, key: string): EdgeRecord | undefined {
  return result.edges.find((e) => e.key === key);
}
