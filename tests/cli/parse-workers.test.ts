// How many threads parse the notes: one per core for large notes, none for small ones, or what the user set.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultWorkers, sendOrder } from '../../src/cli/parse-workers.js';

const note = (chars: number, i = 0) => ({ path: `n${i}.md`, text: 'x'.repeat(chars) });
const large = Array.from({ length: 8 }, (_, i) => note(1 << 20, i));

describe('parse worker count', () => {
  it('is one per core for large notes (no cap below the cores), one for small notes or few files', () => {
    expect(defaultWorkers(large, {})).toBe(availableParallelism());
    expect(defaultWorkers([note(1000), note(1000, 1), note(1000, 2), note(1000, 3)], {})).toBe(1);
    expect(defaultWorkers([note(8 << 20)], {})).toBe(1);
  });

  it('$PAPERMAP_WORKERS sets it; a value that is not a whole number of threads is ignored', () => {
    expect(defaultWorkers(large, { PAPERMAP_WORKERS: '1' })).toBe(1);
    expect(defaultWorkers([note(10)], { PAPERMAP_WORKERS: '3' })).toBe(3);
    expect(defaultWorkers(large, { PAPERMAP_WORKERS: '0' })).toBe(availableParallelism());
    expect(defaultWorkers(large, { PAPERMAP_WORKERS: 'many' })).toBe(availableParallelism());
  });
});

describe('the order notes go to the workers in', () => {
  it.each([
    { sizes: [10, 300, 20, 5000, 300], order: [3, 1, 4, 2, 0] },
    // daily-reports' shape: the largest note sorts last by name.
    { sizes: [15502, 2069, 211980, 1428729, 104562, 1482082, 470], order: [5, 3, 2, 4, 0, 1, 6] },
    { sizes: [7, 7, 7], order: [0, 1, 2] },
    { sizes: [], order: [] },
  ])('longest first, ties in folder order: $sizes', ({ sizes, order }) => {
    expect(sendOrder(sizes.map((n, i) => note(n, i)))).toEqual(order);
  });
});
