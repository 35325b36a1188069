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

  // Keys as the notes give them: a key may start with Han characters or a symbol and end with a Latin word
  // (`字节跳动Seed`, `(SAM)`), or hold a Latin word between others (`华为CUDA平台`): the run the sketch looks for is
  // that whole word, so a paper holding the key is always a candidate, and one holding only a piece of it is not.
  it.each([
    ['字节跳动seed', '来自字节跳动seed团队的新作', 'seed 团队'],
    ['通义qwen3', '基于通义qwen3训练', '基于 qwen3 训练'],
    ['(sam)', 'segment anything (sam) 的扩展', 'sam 与 clip'],
    ['华为cuda平台', '这是华为cuda平台的介绍', '英伟达 cuda 平台'],
    ['grpo-care', 'we extend grpo-care to video', 'grpo 和 care'],
  ])('the run of %s', (key, holder, other) => {
    const sketches = new RunSketches();
    sketches.add('holder', holder);
    sketches.add('other', other);
    for (let i = 0; i < 40; i++) sketches.add(`filler${i}`, `filler paper ${i} about ppo and dpo`);
    expect(holdsName(holder, key)).toBe(true);
    const h = keyRunHash(key);
    expect(h).toBeGreaterThanOrEqual(0);
    const candidates: string[] = [];
    sketches.candidates(h, candidates);
    expect(candidates).toContain('holder');
    // The run is the key's whole Latin word: a paper with only the word alone (`seed`, `qwen3`) is a candidate,
    // the fillers are not.
    expect(candidates.filter((id) => id.startsWith('filler'))).toEqual([]);
  });
});
