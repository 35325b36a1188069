// How many threads parse the notes: one per core for large notes, none for small ones, or what the user set.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../../src/cli/parse-workers.js';

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
