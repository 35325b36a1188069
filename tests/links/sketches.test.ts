// The warm index finds which papers may hold a changed name through word-run sketches: a paper ruled out by
// its sketch must never be one whose text holds the name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunSketches, holdsName, keyRunHash } from '../../src/links/incremental.js';

// Word characters of several scripts, separators, CJK and line breaks: runs start and end everywhere.
const CHARS = ['a', 'b', 'c', '1', 'é', 'ж', 'λ', ' ', '-', '+', '.', '中', '文', '\n', '（'];
const text = (max: number) =>
  fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((cs) => cs.join(''));

describe('RunSketches', () => {
  it('a text that holds a key (as holdsName sees it) is always a candidate for the key’s run', () => {
    fc.assert(
      fc.property(fc.array(text(60), { minLength: 1, maxLength: 12 }), text(6), (texts, key) => {
        if (key.length === 0) return;
        const sketches = new RunSketches();
        texts.forEach((t, i) => sketches.add(`p${i}`, t));
        const h = keyRunHash(key);
        const holders = texts.flatMap((t, i) => (holdsName(t, key) ? [`p${i}`] : []));
        if (h < 0) {
          // Only keys with no word character have no run (they are looked for in every text).
          expect(/[a-c1éжλ]/.test(key)).toBe(false);
          return;
        }
        const candidates: string[] = [];
        sketches.candidates(h, candidates);
        for (const id of holders) expect(candidates).toContain(id);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('slots are reused and columns grow: removed papers are never candidates, kept ones always are', () => {
    const sketches = new RunSketches();
    const texts = new Map<string, string>();
    // Past 256 slots the columns grow (twice); every third paper is removed on the way and its slot reused.
    for (let i = 0; i < 700; i++) {
      const id = `p${i}`;
      const t = `paper ${i} uses name${i % 37} and grpo`;
      sketches.add(id, t);
      texts.set(id, t);
      if (i % 3 === 2) {
        sketches.remove(`p${i - 1}`);
        texts.delete(`p${i - 1}`);
      }
    }
    // Re-adding an id replaces its text.
    sketches.add('p0', 'only zorblax here');
    texts.set('p0', 'only zorblax here');
    for (const key of ['grpo', 'name5', 'name36', 'zorblax', 'paper 10 uses']) {
      const candidates: string[] = [];
      sketches.candidates(keyRunHash(key), candidates);
      const holders = [...texts].filter(([, t]) => holdsName(t, key)).map(([id]) => id);
      for (const id of holders) expect(candidates, key).toContain(id);
      for (const id of candidates) expect(texts.has(id), `${key} ${id}`).toBe(true);
      // The sketch rules most papers out for a rare name.
      if (key.startsWith('name')) expect(candidates.length).toBeLessThan(texts.size / 4);
    }
    expect(
      (() => {
        const c: string[] = [];
        sketches.candidates(keyRunHash('grpo'), c);
        return c.includes('p0');
      })(),
    ).toBe(false);
  });
});
