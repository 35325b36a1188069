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
