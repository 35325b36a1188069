import { describe, expect, it } from 'vitest';
import { splitUrlsFromCjk } from '../../src/app/panel/text.js';
import { buildSearchIndex, normalise, search } from '../../src/app/search/index.js';
import { toViewBundle } from '../../src/view/bundle.js';
import type { MapFile, SearchFile } from '../../src/view/types.js';
import { syntheticGraph } from '../../src/view/synthetic.js';

const { map, search: extra } = toViewBundle(syntheticGraph({ papers: 200, seed: 5 }));
const full = buildSearchIndex(map, extra);
const labelAt = (i: number) => map.nodes.label[i];

describe('search', () => {
  const paper = 17;
  const cases = [
    { q: map.nodes.arxiv[paper]!, field: 'arxiv' },
    { q: extra.altTitles[paper]![0]!, field: 'altTitle' },
    { q: map.nodes.title[paper]!.toUpperCase(), field: 'title' },
  ];
  it.each(cases)('finds paper 17 by its $field', ({ q }) => {
    const r = search(full, q);
    expect(r[0] && labelAt(r[0].index)).toBe(labelAt(paper));
  });

  it('finds by author and by part of a Chinese title', () => {
    const author = extra.authors[paper]![0]!;
    expect(search(full, author, 200).map((r) => r.index)).toContain(paper);
    const zh = extra.altTitles[paper]![0]!.slice(4, 8);
    expect(search(full, zh, 200).map((r) => r.index)).toContain(paper);
  });

  it('ranks an exact label above substring matches and returns one result per node', () => {
    const r = search(full, map.nodes.label[3]!);
    expect(r[0]!.index).toBe(3);
    expect(new Set(r.map((x) => x.index)).size).toBe(r.length);
  });

  it('ignores extras of another build and empty queries', () => {
    const stale: SearchFile = { ...extra, build: 'other' };
    const idx = buildSearchIndex(map as MapFile, stale);
    expect(search(idx, extra.altTitles[paper]![0]!)).toEqual([]);
    expect(search(full, '   ')).toEqual([]);
  });

  it('folds full-width input and case', () => {
    expect(normalise('ＧＲＰＯ  Ｖ２')).toBe('grpo v2');
  });
});

describe('bare URLs followed by Chinese text', () => {
  it.each([
    ['代码在https://github.com/sastpg/CoVo上获得。', '代码在https://github.com/sastpg/CoVo 上获得。'],
    ['see https://x.org/a.', 'see https://x.org/a.'],
    ['[x](https://x.org/a)。', '[x](https://x.org/a) 。'],
  ])('%s', (input, out) => {
    expect(splitUrlsFromCjk(input)).toBe(out);
  });

  it('stays linear on a long URL-like run', () => {
    const s = `https://${'a'.repeat(200_000)}`;
    expect(splitUrlsFromCjk(s)).toBe(s);
  });
});
