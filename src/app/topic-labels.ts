// Where to draw a topic's name so that it does not cover the papers' own labels. Pure: no DOM.
//
// A topic name sits at its cluster's centre, which is often where a paper's label is. The name is tried at
// a few places above and below the centre and goes to the first one clear of the labels and nodes around it
// (and of the names already placed); when none is clear, to the one covering least.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** How much covering it costs per unit of area (default 1): text over text is worse than over a dot. */
  weight?: number;
}

/** Overlap area of two boxes (0 when apart). */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Offsets tried, in half label widths (horizontal) and label heights (vertical): the centre column first,
 * from the centre alternately up and down, nearest first; then the columns shifted left and right.
 */
const STEPS: readonly (readonly [number, number])[] = [0, -1, 1, -2, 2].flatMap((sx) =>
  [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5].map((sy) => [sx, sy] as const),
);

/**
 * The centre for a `width` x `height` label wanted at (`x`, `y`): the first candidate that overlaps none of
 * `obstacles`, else the one that overlaps least (earlier wins ties).
 */
export function placeLabel(
  x: number,
  y: number,
  width: number,
  height: number,
  obstacles: readonly Box[],
): { x: number; y: number } {
  let best = { x, y };
  let bestCover = Infinity;
  for (const [sx, sy] of STEPS) {
    const cx = x + (sx * width) / 2;
    const cy = y + sy * height * 1.15;
    const box = { x0: cx - width / 2, y0: cy - height / 2, x1: cx + width / 2, y1: cy + height / 2 };
    let cover = 0;
    for (const o of obstacles) {
      cover += overlap(box, o) * (o.weight ?? 1);
      if (cover >= bestCover) break;
    }
    if (cover < bestCover) {
      best = { x: cx, y: cy };
      bestCover = cover;
      if (cover === 0) break;
    }
  }
  return best;
}

/** A uniform grid over node positions, to find the nodes near a place without looking at all of them. */
export interface NodeGrid {
  /** Indices of nodes inside the box (graph coordinates), at most `limit` of them. */
  query(box: Box, limit: number): number[];
}

export function nodeGrid(xs: ArrayLike<number>, ys: ArrayLike<number>): NodeGrid {
  const n = xs.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
  }
  // About two nodes per cell.
  const side = Math.max(1, Math.ceil(Math.sqrt(n / 2)));
  const cw = Math.max((maxX - minX) / side, 1e-9);
  const ch = Math.max((maxY - minY) / side, 1e-9);
  const cellOf = (v: number, min: number, size: number): number =>
    Math.min(side - 1, Math.max(0, Math.floor((v - min) / size)));
  // Counting sort of the nodes by cell: `start[c]..start[c + 1]` index `order`.
  const start = new Int32Array(side * side + 1);
  const cell = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    cell[i] = cellOf(ys[i]!, minY, ch) * side + cellOf(xs[i]!, minX, cw);
    start[cell[i]! + 1]!++;
  }
  for (let c = 0; c < side * side; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, side * side);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[cell[i]!]!++] = i;
  return {
    query(box, limit) {
      const out: number[] = [];
      if (n === 0 || box.x1 < minX || box.x0 > maxX || box.y1 < minY || box.y0 > maxY) return out;
      const cx0 = cellOf(box.x0, minX, cw);
      const cx1 = cellOf(box.x1, minX, cw);
      const cy0 = cellOf(box.y0, minY, ch);
      const cy1 = cellOf(box.y1, minY, ch);
      for (let cy = cy0; cy <= cy1; cy++) {
        for (let cx = cx0; cx <= cx1; cx++) {
          const c = cy * side + cx;
          for (let k = start[c]!; k < start[c + 1]!; k++) {
            const i = order[k]!;
            const x = xs[i]!;
            const y = ys[i]!;
            if (x < box.x0 || x > box.x1 || y < box.y0 || y > box.y1) continue;
            out.push(i);
            if (out.length >= limit) return out;
          }
        }
      }
      return out;
    },
  };
}

/** Keep a `width` x `height` label centred near (x, y) fully inside a `vw` x `vh` view, `pad` from its edges. */
export function clampInside(
  x: number,
  y: number,
  width: number,
  height: number,
  vw: number,
  vh: number,
  pad = 4,
): { x: number; y: number } {
  const cx = Math.min(Math.max(x, pad + width / 2), Math.max(pad + width / 2, vw - pad - width / 2));
  const cy = Math.min(Math.max(y, pad + height / 2), Math.max(pad + height / 2, vh - pad - height / 2));
  return { x: cx, y: cy };
}

/** A name that wants to be drawn: where (viewport), how big, and which ones win when names collide. */
export interface NameRequest {
  id: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher first (e.g. the topic's visible paper count). */
  priority: number;
}

/**
 * Place names without any overlapping another name or a `reserved` box (the zoom buttons, the status line,
 * the panel), inside the view: the most important first, each moved off what `obstacles` says is near it
 * (nodes and their labels), and dropped when no place is clear of the names and boxes already there.
 */
export function placeNames(
  requests: readonly NameRequest[],
  view: { width: number; height: number },
  reserved: readonly Box[],
  obstacles: (r: NameRequest) => readonly Box[],
): { id: number; x: number; y: number }[] {
  const out: { id: number; x: number; y: number }[] = [];
  const taken: Box[] = [...reserved];
  const order = [...requests].sort((a, b) => b.priority - a.priority || a.id - b.id);
  for (const r of order) {
    const start = clampInside(r.x, r.y, r.width, r.height, view.width, view.height);
    // Names and reserved boxes weigh far more than nodes: a name may cover a dot, never another name.
    const hard = taken.map((b) => ({ ...b, weight: 1e6 }));
    const at = placeLabel(start.x, start.y, r.width, r.height, [...hard, ...obstacles(r)]);
    const p = clampInside(at.x, at.y, r.width, r.height, view.width, view.height);
    const box = {
      x0: p.x - r.width / 2,
      y0: p.y - r.height / 2,
      x1: p.x + r.width / 2,
      y1: p.y + r.height / 2,
    };
    if (taken.some((b) => overlap(box, b) > 0)) continue;
    taken.push(box);
    out.push({ id: r.id, x: p.x, y: p.y });
  }
  return out;
}

/** A node's label as sigma draws it: to the right of the node, vertically centred. */
export interface LabelRequest {
  id: number;
  /** The node's centre and radius (viewport). */
  x: number;
  y: number;
  radius: number;
  width: number;
  height: number;
  strength: number;
}

/**
 * The neighbours whose labels fit: strongest first, each kept only when its label overlaps no label kept
 * before it (nor the `first` boxes, e.g. the hovered node's own label) and lies inside the view; at most
 * `max` of them.
 */
export function fitLabels(
  requests: readonly LabelRequest[],
  view: { width: number; height: number },
  first: readonly Box[],
  max: number,
): number[] {
  const kept: number[] = [];
  const taken: Box[] = [...first];
  const order = [...requests].sort((a, b) => b.strength - a.strength || a.id - b.id);
  for (const r of order) {
    if (kept.length >= max) break;
    const x0 = r.x + r.radius + 2;
    const box = { x0, y0: r.y - r.height / 2, x1: x0 + r.width, y1: r.y + r.height / 2 };
    if (box.x1 < 0 || box.x0 > view.width || box.y1 < 0 || box.y0 > view.height) continue;
    if (taken.some((b) => overlap(box, b) > 0)) continue;
    taken.push(box);
    kept.push(r.id);
  }
  return kept;
}

/**
 * The name drawn for each topic: its label, or, where two topics of the map share a label (an "Other"
 * section under two headings), the label after as many of its parents as it takes to tell them apart
 * (`源数据 › 其他`). A topic whose whole path is a suffix of another's keeps its path as it is.
 */
export function distinctTopicNames(topics: readonly { path: readonly string[]; label: string }[]): string[] {
  const names = topics.map((t) => t.label);
  const byLabel = new Map<string, number[]>();
  topics.forEach((t, i) => {
    if (t.path.length === 0) return;
    const same = byLabel.get(t.label);
    if (same) same.push(i);
    else byLabel.set(t.label, [i]);
  });
  for (const [label, same] of byLabel) {
    if (same.length < 2) continue;
    const longest = Math.max(...same.map((i) => topics[i]!.path.length));
    // The fewest parents that make every name of the group different (all of them if nothing less does).
    let parents = 1;
    for (; parents < longest; parents++) {
      const seen = new Set(same.map((i) => topics[i]!.path.slice(-1 - parents, -1).join('\u0000')));
      if (seen.size === same.length) break;
    }
    for (const i of same) {
      const before = topics[i]!.path.slice(-1 - parents, -1);
      if (before.length > 0) names[i] = [...before, label].join(' › ');
    }
  }
  return names;
}
