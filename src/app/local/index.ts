// The local graph of one paper: its neighbourhood to a depth, laid out in columns by time order of the
// links: works it builds on (or critiques) to the left, works building on it to the right, what it
// compares with or shares a group with in its own column. Pure: no DOM.
import { EDGE_TYPES } from '../../types.js';
import type { EdgeType } from '../../types.js';
import type { MapIndex, Visibility } from '../filters/index.js';

/** Links the local graph follows, and how they move along the columns from the end they leave. */
const STEP: Partial<Record<EdgeType, 'directed' | 'same'>> = {
  'builds-on': 'directed',
  critiques: 'directed',
  compares: 'same',
  'same-group': 'same',
  'links-to': 'same',
};

export interface LocalNode {
  i: number;
  /** Links away from the root (0 for the root). */
  depth: number;
  /** Column: negative = earlier works (priors), positive = later works (derivatives). */
  col: number;
  x: number;
  y: number;
}

export interface LocalGraph {
  root: number;
  nodes: LocalNode[];
  /** Map edge indexes between nodes of the local graph, of the followed types. */
  edges: number[];
  /** How many nodes were left out because the neighbourhood was larger than `limit`. */
  cut: number;
}

/**
 * Rows per sub-column before a column wraps, and spacing in graph units. Sigma sizes nodes in the same
 * units as positions here, so these are about pixels when the graph fills the view: room for a label.
 */
const ROW = 36;
const SUB = 330;
const GAP = 150;

/**
 * Rows per sub-column: the number (6 to 200) that makes the drawing's width/height closest to `aspect`
 * (the view's), so that a large neighbourhood fills the view instead of a thin band.
 */
export function rowsFor(sizes: readonly number[], aspect: number): number {
  let best = 6;
  let bestErr = Infinity;
  for (let rows = 6; rows <= 200; rows++) {
    let width = 0;
    for (const n of sizes) width += (Math.ceil(n / rows) - 1) * SUB + GAP + SUB;
    const height = Math.max(1, Math.min(rows, Math.max(...sizes, 1))) * ROW;
    const err = Math.abs(Math.log(width / height / aspect));
    if (err < bestErr - 1e-9) [best, bestErr] = [rows, err];
  }
  return best;
}

/**
 * Breadth-first from `root` to `depth` links over builds-on, critiques, compares and same-group links that
 * pass the filters (`visibility`, when given), at most `limit` nodes (nearest first). Each node's column is
 * set where it is first reached: the target of a builds-on/critiques link from column c is c - 1 (an
 * earlier work), its source c + 1; compares and same-group stay in c. Within a column, nodes are ordered
 * by date then name, and wrap into sub-columns, as many rows as make the drawing about `aspect` wide.
 */
export function localGraph(
  index: MapIndex,
  root: number,
  depth: number,
  visibility?: Visibility | null,
  limit = 400,
  aspect = 1.6,
): LocalGraph {
  const { map, adjStart, adjEdges } = index;
  const { source, target, type } = map.edges;
  const follow = EDGE_TYPES.map((t) => STEP[t]);
  const edgeOk = (e: number) => follow[type[e]!] !== undefined && (!visibility || visibility.edge[e] === 1);
  const col = new Map<number, number>([[root, 0]]);
  const dist = new Map<number, number>([[root, 0]]);
  let frontier = [root];
  let cut = 0;
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
        const e = adjEdges[k]!;
        if (!edgeOk(e)) continue;
        const out = source[e] === u;
        const v = out ? target[e]! : source[e]!;
        if (v === u || dist.has(v)) continue;
        if (dist.size >= limit) {
          cut++;
          continue;
        }
        const c = col.get(u)!;
        col.set(v, follow[type[e]!] === 'same' ? c : out ? c - 1 : c + 1);
        dist.set(v, d);
        next.push(v);
      }
    }
    frontier = next;
  }
  const byCol = new Map<number, number[]>();
  for (const [i, c] of col) byCol.set(c, [...(byCol.get(c) ?? []), i]);
  const cols = [...byCol.keys()].sort((a, b) => a - b);
  const ROWS = rowsFor(
    cols.map((c) => byCol.get(c)!.length),
    aspect,
  );
  const n = map.nodes;
  const nodes: LocalNode[] = [];
  // Columns left to right; each as wide as its sub-columns.
  let x0 = 0;
  const widths = cols.map((c) => Math.ceil(byCol.get(c)!.length / ROWS));
  const rootCol = cols.indexOf(0);
  for (let k = 0; k < rootCol; k++) x0 -= (widths[k]! - 1) * SUB + GAP + SUB;
  let x = x0;
  cols.forEach((c, k) => {
    const members = byCol.get(c)!.sort((a, b) => {
      if (a === root) return -1;
      if (b === root) return 1;
      const da = n.date[a] || n.published[a] || '';
      const db = n.date[b] || n.published[b] || '';
      return da < db ? -1 : da > db ? 1 : (n.label[a] ?? '') < (n.label[b] ?? '') ? -1 : a - b;
    });
    const rows = Math.min(ROWS, members.length);
    members.forEach((i, m) => {
      const sub = Math.floor(m / ROWS);
      const row = m % ROWS;
      nodes.push({ i, depth: dist.get(i)!, col: c, x: x + sub * SUB, y: (row - (rows - 1) / 2) * ROW });
    });
    x += (widths[k]! - 1) * SUB + GAP + SUB;
  });
  const inside = new Set(col.keys());
  const edges: number[] = [];
  for (const i of inside) {
    for (let k = adjStart[i]!; k < adjStart[i + 1]!; k++) {
      const e = adjEdges[k]!;
      if (source[e] !== i || !edgeOk(e) || !inside.has(target[e]!)) continue;
      edges.push(e);
    }
  }
  edges.sort((a, b) => a - b);
  return { root, nodes, edges, cut };
}
