// The ten busiest nodes of a link result, as located `busy-node` notes: a hub made by a common word or a wrong
// name shows at once in the build report and the page's Problems list, with a sample of its evidence.
import type { ConceptRecord, Diagnostic, EdgeRecord, PaperRecord } from '../types.js';

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

/** One node's typed edges, their counts by type, and (once asked for) its first SAMPLES edges with evidence. */
interface NodeEdges {
  edges: EdgeRecord[];
  byType: Record<string, number>;
  /** The first SAMPLES edges by key that have evidence; null until asked for, and when one of them left. */
  first: EdgeRecord[] | null;
}

/**
 * The typed (non-mention) edges of a link result by the nodes they touch, kept up to date edge by edge as the
 * link index patches its output, so a warm build names its busiest nodes without a pass over every edge (a hub's
 * own edges are thousands). It holds exactly the typed edges of the result it was patched to (the link index's
 * `edges`).
 */
export class BusyIndex {
  private readonly nodes = new Map<string, NodeEdges>();

  /** Patch to the result without the records in `dead` and with those in `added` (as `patchSorted` does). */
  patch(dead: ReadonlySet<EdgeRecord>, added: readonly EdgeRecord[]): void {
    if (dead.size > 0) {
      // Each node's list is filtered once for all its dead edges (a hub may lose many at a time).
      const gone = new Map<string, Set<EdgeRecord>>();
      const mark = (node: string, e: EdgeRecord): void => {
        const set = gone.get(node);
        if (set) set.add(e);
        else gone.set(node, new Set([e]));
      };
      for (const e of dead) {
        if (e.type === 'mentions') continue;
        mark(e.source, e);
        mark(e.target, e);
      }
      for (const [node, set] of gone) {
        const n = this.nodes.get(node);
        if (!n) continue;
        const kept: EdgeRecord[] = [];
        for (const e of n.edges) {
          if (!set.has(e)) {
            kept.push(e);
            continue;
          }
          n.byType[e.type] = (n.byType[e.type] as number) - 1;
          if (n.first?.includes(e)) n.first = null;
        }
        if (kept.length === 0) this.nodes.delete(node);
        else n.edges = kept;
      }
    }
    for (const e of added) {
      if (e.type === 'mentions') continue;
      this.link(e.source, e);
      this.link(e.target, e);
    }
  }

  private link(node: string, e: EdgeRecord): void {
    const n = this.nodes.get(node);
    if (!n) {
      const byType: Record<string, number> = Object.create(null) as Record<string, number>;
      byType[e.type] = 1;
      this.nodes.set(node, { edges: [e], byType, first: null });
      return;
    }
    n.edges.push(e);
    n.byType[e.type] = (n.byType[e.type] ?? 0) + 1;
    if (n.first) addSample(n.first, e);
  }

  /**
   * `busy-node` infos for the BUSIEST nodes with the most typed edges, busiest first (ties by id), each with its
   * counts by type and the evidence of its first SAMPLES edges (by key) that have some. A function of the result
   * alone (`papers` in id order and `concepts` by id, as the link stage gives them), so a warm build and a fresh
   * one give the same notes.
   */
  notes(papers: readonly PaperRecord[], concepts: readonly ConceptRecord[]): Diagnostic[] {
    // The top BUSIEST by (degree desc, id asc), kept sorted while the nodes stream by.
    const top: { id: string; degree: number; n: NodeEdges }[] = [];
    for (const [id, n] of this.nodes) {
      const degree = n.edges.length;
      if (degree < MIN_LINKS) continue;
      if (top.length === BUSIEST) {
        const last = top[BUSIEST - 1] as { id: string; degree: number };
        if (degree < last.degree || (degree === last.degree && id > last.id)) continue;
      }
      let at = top.length;
      while (at > 0) {
        const before = top[at - 1] as { id: string; degree: number };
        if (before.degree > degree || (before.degree === degree && before.id < id)) break;
        at--;
      }
      top.splice(at, 0, { id, degree, n });
      if (top.length > BUSIEST) top.pop();
    }
    if (top.length === 0) return [];
    const paperOf = (id: string): PaperRecord | undefined => lastById(papers, id, (p) => p.id);
    const conceptOf = (id: string): ConceptRecord | undefined => lastById(concepts, id, (c) => c.id);
    const labelOf = (id: string) => paperOf(id)?.label ?? conceptOf(id)?.label ?? id;
    return top.map(({ id, degree, n }, rank) => {
      if (!n.first) {
        n.first = [];
        for (const e of n.edges) addSample(n.first, e);
      }
      const samples = n.first.map((e) => {
        const other = e.source === id ? e.target : e.source;
        return `${e.type} ${clip(labelOf(other), 30)}: "${clip(e.evidence[0] as string, 90)}" (${e.sources[0]?.file}:${e.sources[0]?.line})`;
      });
      const paper = paperOf(id);
      const where = paper?.sources[0] ?? conceptOf(id)?.sources[0];
      const kind = paper ? 'paper' : 'concept';
      const counts = Object.entries(n.byType)
        .filter(([, count]) => count > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([t, count]) => `${t} ${count}`)
        .join(', ');
      return {
        rule: 'busy-node',
        severity: 'info',
        file: where?.file ?? '',
        line: where?.line ?? 1,
        column: 1,
        message: `busiest node ${rank + 1}/${BUSIEST}: "${clip(labelOf(id), 40)}" (${kind}) has ${degree} links (${counts}); e.g. ${samples.join('; ')}`,
      };
    });
  }
}

/** `e` into `first` (the first SAMPLES edges by key with evidence, in key order) when it belongs there. */
function addSample(first: EdgeRecord[], e: EdgeRecord): void {
  if (!e.evidence[0]) return;
  let at = first.length;
  while (at > 0 && e.key < (first[at - 1] as EdgeRecord).key) at--;
  if (at >= SAMPLES) return;
  first.splice(at, 0, e);
  if (first.length > SAMPLES) first.pop();
}

/** The last item of `sorted` (ascending by `idOf`) whose id is `id`: what a map built from the list would hold. */
function lastById<T>(sorted: readonly T[], id: string, idOf: (x: T) => string): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (idOf(sorted[mid] as T) <= id) lo = mid + 1;
    else hi = mid;
  }
  const found = sorted[lo - 1];
  return found !== undefined && idOf(found) === id ? found : undefined;
}
