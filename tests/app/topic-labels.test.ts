import { describe, expect, it } from 'vitest';
import {
  clampInside,
  fitLabels,
  nodeGrid,
  overlap,
  placeLabel,
  placeNames,
  type Box,
  distinctTopicNames,
} from '../../src/app/topic-labels.js';

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

describe('names at every zoom', () => {
  const view = { width: 800, height: 600 };
  const req = (id: number, x: number, y: number, priority: number, width = 120, height = 22) => ({
    id,
    x,
    y,
    width,
    height,
    priority,
  });
  const boxOf = (p: { x: number; y: number }, w: number, h: number) =>
    box(p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2);

  it('clamps a name at the edge inside the view instead of cutting it', () => {
    expect(clampInside(10, 300, 120, 22, 800, 600)).toEqual({ x: 64, y: 300 });
    expect(clampInside(790, 595, 120, 22, 800, 600)).toEqual({ x: 736, y: 585 });
  });

  it('never lets two names overlap: the bigger topic wins, the other moves or is dropped', () => {
    const names = placeNames([req(1, 400, 300, 5), req(2, 405, 302, 50)], view, [], () => []);
    expect(names[0]!.id).toBe(2);
    expect(names[0]).toMatchObject({ x: 405, y: 302 });
    if (names.length === 2) expect(overlap(boxOf(names[0]!, 120, 22), boxOf(names[1]!, 120, 22))).toBe(0);
    // Sixty names wanting the same spot: more than the places tried around it; every drawn pair is apart.
    const crowd = placeNames(
      Array.from({ length: 60 }, (_, k) => req(k, 400, 300, k)),
      view,
      [],
      () => [],
    );
    expect(crowd.length).toBeGreaterThan(1);
    expect(crowd.length).toBeLessThan(60);
    expect(crowd[0]!.id).toBe(59);
    for (const a of crowd)
      for (const b of crowd) if (a !== b) expect(overlap(boxOf(a, 120, 22), boxOf(b, 120, 22))).toBe(0);
  });

  it('keeps names off the controls', () => {
    const zoom = box(0, 500, 60, 600);
    const [p] = placeNames([req(1, 30, 560, 1)], view, [zoom], () => []);
    if (p) expect(overlap(boxOf(p, 120, 22), zoom)).toBe(0);
  });

  it('labels the strongest neighbours that fit, none overlapping, at most max', () => {
    // Ten neighbours stacked on one spot, one far away and weak.
    const stack = Array.from({ length: 10 }, (_, k) => ({
      id: k,
      x: 100,
      y: 100 + k * 3,
      radius: 4,
      width: 80,
      height: 14,
      strength: k,
    }));
    const far = { id: 99, x: 500, y: 400, radius: 4, width: 80, height: 14, strength: 0 };
    const kept = fitLabels([...stack, far], view, [], 40);
    expect(kept[0]).toBe(9);
    expect(kept).toContain(99);
    expect(kept.length).toBeLessThan(6);
    expect(fitLabels([...stack, far], view, [], 1)).toEqual([9]);
    // Off screen: not labelled.
    expect(fitLabels([{ ...far, x: 900 }], view, [], 5)).toEqual([]);
  });
});

describe('distinctTopicNames', () => {
  // Topic paths of the daily-reports build: two sections called 其他, and 计算和语言 / 量子位 under two
  // headings each.
  const topics = [
    ['其他'],
    ['主题分布'],
    ['主题分布', '其他'],
    ['主题分布', '数据'],
    ['计算和语言'],
    ['Arxiv'],
    ['Arxiv', '计算和语言'],
    ['公众号'],
    ['公众号', '量子位'],
    ['源数据', '公众号'],
    ['源数据', '公众号', '量子位'],
  ].map((path) => ({ path, label: path[path.length - 1]! }));

  it('names two topics that share a label by their parents, and leaves the rest alone', () => {
    const names = distinctTopicNames(topics);
    expect(names).toEqual([
      '其他',
      '主题分布',
      '主题分布 › 其他',
      '数据',
      '计算和语言',
      'Arxiv',
      'Arxiv › 计算和语言',
      '公众号',
      '公众号 › 量子位',
      '源数据 › 公众号',
      '源数据 › 公众号 › 量子位',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('takes as many parents as it needs, and no more', () => {
    const deep = [
      ['A', 'X', 'Other'],
      ['B', 'X', 'Other'],
      ['C', 'Other'],
    ].map((path) => ({ path, label: 'Other' }));
    expect(distinctTopicNames(deep)).toEqual(['A › X › Other', 'B › X › Other', 'C › Other']);
    expect(distinctTopicNames([{ path: ['Solo'], label: 'Solo' }])).toEqual(['Solo']);
    // The root (no path) is never named after anything.
    expect(
      distinctTopicNames([
        { path: [], label: '' },
        { path: ['x'], label: '' },
      ]),
    ).toEqual(['', '']);
  });
});
