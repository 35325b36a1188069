// Seeded randomness of the graph stage: FNV-1a against its published test vectors, seeds normalised the
// documented way (sign and fraction dropped), and per-key generators independent of visiting order.
import { randomLcg } from 'd3';
import { describe, expect, it } from 'vitest';
import { createRng, hashString, mulberry32, rngForKey } from '../../src/graph/random.js';

const take = (rng: () => number, n = 5) => Array.from({ length: n }, () => rng());

describe('hashString (FNV-1a, 32 bits)', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j -> %i', (text, hash) => {
    expect(hashString(text)).toBe(hash);
  });

  it('is an unsigned 32-bit integer that depends on every character', () => {
    for (const text of ['arxiv:2506.16141', 'concept:grpo', '过程奖励模型', 'x'.repeat(1000)]) {
      const h = hashString(text);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
    expect(hashString('ab')).not.toBe(hashString('ba'));
    expect(hashString('arxiv:1')).not.toBe(hashString('arxiv:2'));
  });
});

describe('createRng', () => {
  it("is d3's LCG on |trunc(seed)| mod 2^31 - 1", () => {
    expect(take(createRng(42))).toEqual(take(randomLcg(42)));
    expect(take(createRng(-42))).toEqual(take(randomLcg(42)));
    expect(take(createRng(42.9))).toEqual(take(randomLcg(42)));
    expect(take(createRng(0x7fffffff + 5))).toEqual(take(randomLcg(5)));
    expect(take(createRng(1))).not.toEqual(take(createRng(2)));
  });
});

describe('rngForKey', () => {
  it('depends on the key and the seed only', () => {
    expect(take(rngForKey('arxiv:1', 1))).toEqual(take(rngForKey('arxiv:1', 1)));
    expect(take(rngForKey('arxiv:1', 1))).toEqual(take(createRng(hashString('1\u0000arxiv:1'))));
    expect(take(rngForKey('arxiv:1', 1))).not.toEqual(take(rngForKey('arxiv:2', 1)));
    expect(take(rngForKey('arxiv:1', 1))).not.toEqual(take(rngForKey('arxiv:1', 2)));
  });
});

describe('mulberry32', () => {
  it('gives the reference outputs of mulberry32 (seed 1985: 3527837133, 3112574143 as 32-bit integers)', () => {
    // Generated corpora (bench/corpus.ts) come from it: another generator would change every benchmark input.
    const rng = mulberry32(1985);
    expect([rng(), rng()].map((x) => x * 2 ** 32)).toEqual([3527837133, 3112574143]);
  });

  it('gives the same numbers in [0, 1) for a seed, other numbers for another seed', () => {
    const a = take(mulberry32(7), 1000);
    expect(take(mulberry32(7), 1000)).toEqual(a);
    for (const x of a) expect(x >= 0 && x < 1).toBe(true);
    expect(new Set(a).size).toBe(1000);
    expect(a.reduce((s, x) => s + x, 0) / a.length).toBeCloseTo(0.5, 1);
    expect(take(mulberry32(8))).not.toEqual(take(mulberry32(7)));
    expect(take(mulberry32(2 ** 32 + 7))).toEqual(take(mulberry32(7)));
  });
});
