import { describe, expect, it } from 'vitest';
import { nodeGrid, overlap, placeLabel, type Box } from '../../src/app/topic-labels.js';

const box = (x0: number, y0: number, x1: number, y1: number, weight?: number): Box =>
  weight === undefined ? { x0, y0, x1, y1 } : { x0, y0, x1, y1, weight };

describe('topic label placement', () => {
  it('measures overlap as an area, zero when boxes only touch', () => {
    expect(overlap(box(0, 0, 10, 10), box(5, 5, 20, 20))).toBe(25);
    expect(overlap(box(0, 0, 10, 10), box(10, 0, 20, 10))).toBe(0);
  });

  it('keeps the centre when nothing is there', () => {
    expect(placeLabel(100, 100, 60, 20, [box(300, 300, 400, 320)])).toEqual({ x: 100, y: 100 });
  });

  it('moves off a paper label at the centre to the nearest clear row, above first', () => {
    const label = box(60, 92, 180, 108, 4);
    const at = placeLabel(100, 100, 60, 20, [label]);
    expect(at.x).toBe(100);
    expect(at.y).toBeLessThan(100);
    expect(overlap(box(at.x - 30, at.y - 10, at.x + 30, at.y + 10), label)).toBe(0);
    // Blocked above as well: the row below is next.
    const above = box(0, 60, 200, 91);
    const below = placeLabel(100, 100, 60, 20, [label, above]);
    expect(below.y).toBeGreaterThan(100);
  });

  it('when nothing is clear, covers dots rather than text', () => {
    // Text everywhere but a band two rows below the centre (rows are 1.15 label heights apart), where there
    // are only nodes.
    const text1 = box(-1000, -1000, 1000, 136, 4);
    const text2 = box(-1000, 156, 1000, 1000, 4);
    const dots = box(-1000, 136, 1000, 156, 1);
    expect(placeLabel(100, 100, 60, 20, [text1, text2, dots])).toEqual({ x: 100, y: 146 });
    // Without the weights the band is no better than anywhere else: the centre stays.
    const flat = [text1, text2, dots].map((b) => ({ ...b, weight: 1 }));
    expect(placeLabel(100, 100, 60, 20, flat)).toEqual({ x: 100, y: 100 });
  });

  it('finds every node in a box, as a scan would, and stops at the limit', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1000 - 500;
    const xs = Float64Array.from({ length: 3000 }, rnd);
    const ys = Float64Array.from({ length: 3000 }, rnd);
    const grid = nodeGrid(xs, ys);
    for (const q of [
      box(-100, -50, 120, 80),
      box(-600, -600, 600, 600),
      box(499, 499, 900, 900),
      box(10, 10, 10, 10),
    ]) {
      const want: number[] = [];
      for (let i = 0; i < xs.length; i++)
        if (xs[i]! >= q.x0 && xs[i]! <= q.x1 && ys[i]! >= q.y0 && ys[i]! <= q.y1) want.push(i);
      expect(grid.query(q, Infinity).sort((a, b) => a - b)).toEqual(want);
    }
    expect(grid.query(box(-600, -600, 600, 600), 50)).toHaveLength(50);
    expect(nodeGrid([], []).query(box(0, 0, 1, 1), 10)).toEqual([]);
  });
});
