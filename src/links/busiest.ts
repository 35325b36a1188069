// The ten busiest nodes of a link result, as located `busy-node` notes: a hub made by a common word or a wrong
// name shows at once in the build report and the page's Problems list, with a sample of its evidence.
import type { Diagnostic, LinkResult, PaperRecord } from '../types.js';

/** How many of the busiest nodes are named. */
export const BUSIEST = 10;
/** Fewer typed links than this make no hub worth a note. */
const MIN_LINKS = 5;
/** Evidence sentences shown per node. */
const SAMPLES = 2;

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * `busy-node` infos for the BUSIEST nodes with the most typed (non-mention) edges, busiest first (ties by id).
 * A function of the result alone, so a warm build and a fresh one give the same notes.
 */
export function busiestNodes(result: LinkResult, papers: readonly PaperRecord[]): Diagnostic[] {
  const degree = new Map<string, number>();
  for (const e of result.edges) {
    if (e.type === 'mentions') continue;
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const top = [...degree]
    .filter(([, d]) => d >= MIN_LINKS)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, BUSIEST);
  if (top.length === 0) return [];
  const paperById = new Map(papers.map((p) => [p.id as string, p]));
  const conceptById = new Map(result.concepts.map((c) => [c.id as string, c]));
  const labelOf = (id: string) => paperById.get(id)?.label ?? conceptById.get(id)?.label ?? id;
  const wanted = new Set(top.map(([id]) => id));
  const byType = new Map<string, Map<string, number>>();
  const samples = new Map<string, string[]>();
  for (const e of result.edges) {
    if (e.type === 'mentions') continue;
    for (const [end, other] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      if (!wanted.has(end)) continue;
      const counts = byType.get(end) ?? new Map<string, number>();
      counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
      byType.set(end, counts);
      const list = samples.get(end) ?? [];
      if (list.length < SAMPLES && e.evidence[0])
        list.push(
          `${e.type} ${clip(labelOf(other), 30)}: "${clip(e.evidence[0], 90)}" (${e.sources[0]?.file}:${e.sources[0]?.line})`,
        );
      samples.set(end, list);
    }
  }
  return top.map(([id, d], rank) => {
    const where = paperById.get(id)?.sources[0] ?? conceptById.get(id)?.sources[0];
    const kind = paperById.has(id) ? 'paper' : 'concept';
    const counts = [...(byType.get(id) ?? [])]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    return {
      rule: 'busy-node',
      severity: 'info',
      file: where?.file ?? '',
      line: where?.line ?? 1,
      column: 1,
      message: `busiest node ${rank + 1}/${BUSIEST}: "${clip(labelOf(id), 40)}" (${kind}) has ${d} links (${counts}); e.g. ${(samples.get(id) ?? []).join('; ')}`,
    };
  });
}
