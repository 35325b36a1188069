// The streamed JSON writer: the pieces joined, and the file written from them, are exactly JSON.stringify.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';
import { jsonPieces, writeFileAtomic } from '../../src/cli/write-atomic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'papermap-write-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const fn = (): number => 1;
const CASES: { name: string; value: unknown }[] = [
  { name: 'empty object', value: {} },
  { name: 'scalars', value: 'x' },
  { name: 'top-level array', value: [1, 'b', null] },
  { name: 'null', value: null },
  { name: 'empty arrays', value: { nodes: [], edges: [] } },
  {
    name: 'undefined, functions and symbols left out of objects, null in arrays',
    value: { a: undefined, b: fn, c: [undefined, fn, Symbol('s'), 1], d: { e: undefined, f: 2 }, g: 3 },
  },
  { name: 'undefined first key', value: { a: undefined, b: [1] } },
  {
    name: 'unicode, escapes, lone surrogates, -0 and non-finite numbers',
    value: { s: ['奖励模型 "q"\n\u2028', '\ud800', -0, NaN, Infinity], t: '\u0000' },
  },
  { name: 'toJSON on the top level', value: { toJSON: () => ({ x: [1] }), y: 2 } },
  {
    name: 'toJSON on an element and on an array',
    value: { a: [new Date(0)], b: Object.assign([1], { toJSON: () => 'arr' }) },
  },
  { name: 'nested arrays', value: { a: [[1, [2]], { b: [3] }] } },
  {
    name: 'more than one write chunk',
    value: { nodes: Array.from({ length: 30000 }, (_, i) => ({ key: `k${i}`, text: 'x'.repeat(50) })) },
  },
];

describe('jsonPieces', () => {
  it.each(CASES)('$name: joins to JSON.stringify', ({ value }) => {
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value));
  });

  it('writes the seed graph byte for byte as JSON.stringify of the same object', async () => {
    const { graph } = await buildFromDirectory(join(ROOT, 'content'), { layout: false });
    expect(graph.nodes.length).toBeGreaterThan(50);
    const streamed = join(work, 'streamed.json');
    const whole = join(work, 'whole.json');
    await writeFileAtomic(streamed, [...jsonPieces(graph), '\n']);
    await writeFileAtomic(whole, `${JSON.stringify(graph)}\n`);
    expect(readFileSync(streamed).equals(readFileSync(whole))).toBe(true);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes pieces spanning several chunks byte for byte', async () => {
    const value = CASES.at(-1)!.value;
    const target = join(work, 'big.json');
    await writeFileAtomic(target, jsonPieces(value));
    expect(readFileSync(target, 'utf8')).toBe(JSON.stringify(value));
  });

  // The writer encodes pieces into a 1 MiB buffer: multi-byte text must not be split at its edge, and a piece
  // bigger than the buffer goes out on its own.
  it.each([
    {
      name: 'Chinese, emoji and escapes across many buffer edges',
      value: {
        nodes: Array.from({ length: 20000 }, (_, i) => ({
          key: `k${i}`,
          title: `奖励模型也能Scaling ${'🙂'.repeat(i % 7)} "q" ${'强化学习'.repeat(i % 13)}`,
        })),
      },
    },
    {
      name: 'a piece larger than the buffer between small ones',
      value: { nodes: ['a', '强'.repeat(700_000), 'b', 'x'.repeat(3_000_000), 'c'], edges: [] },
    },
  ])('writes $name byte for byte', async ({ value }) => {
    const target = join(work, 'edges.json');
    await writeFileAtomic(target, [...jsonPieces(value), '\n']);
    expect(readFileSync(target).equals(Buffer.from(`${JSON.stringify(value)}\n`))).toBe(true);
  });
});
