// The bench's end-to-end measurement of `build:graph`: what it parses from the command and GNU time, a real
// run on the seed notes, and how results.md shows it (so a later 100k run regenerates with everything).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GNU_TIME, cliCommand, parseGnuTime, parseStageLine, runCli } from '../../bench/cli.js';
import { renderResults, type Results } from '../../bench/report.js';
import type { CliSizeResult } from '../../bench/run.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'papermap-bench-cli-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('parsing what the command prints', () => {
  it.each([
    [
      'papermap: x -> y\n  files read 1\n  time (ms)         read 735, parse 74542, merge 3957, link 17369, graph 3278, layout 17345, write 4688, gc 912\nz',
      { read: 735, parse: 74542, merge: 3957, link: 17369, graph: 3278, layout: 17345, write: 4688, gc: 912 },
    ],
    ['  time (ms)         read 2, parse 237.5\n', { read: 2, parse: 237.5 }],
    ['papermap: cannot write out.json (EACCES); nothing written', {}],
  ])('%#: stage line', (output, stages) => {
    expect(parseStageLine(output)).toEqual(stages);
  });

  it.each([
    ['79.12 2166688\n', { seconds: 79.12, maxRssKiB: 2166688 }],
    ['Command exited with non-zero status 2\n0.41 61234\n', { seconds: 0.41, maxRssKiB: 61234 }],
    ['Command terminated by signal 9\n12.00 1500000', { seconds: 12, maxRssKiB: 1500000 }],
    ['', null],
    ['garbage', null],
  ])('%#: GNU time -f "%%e %%M"', (text, parsed) => {
    expect(parseGnuTime(text)).toEqual(parsed);
  });

  it('runs the build script under GNU time when it is installed, and names the method', () => {
    const withTime = cliCommand('notes', 'out.json', '/tmp/t.txt');
    expect(withTime.argv.slice(-8)).toEqual([
      '--import',
      'tsx',
      'src/cli/build-graph.ts',
      '--content',
      'notes',
      '--out',
      'out.json',
      '--no-cache',
    ]);
    if (existsSync(GNU_TIME))
      expect(withTime.argv.slice(0, 5)).toEqual([GNU_TIME, '-f', '%e %M', '-o', '/tmp/t.txt']);
    expect(cliCommand('notes', 'out.json', null).method).toMatch(/not measured/);
  });
});

describe('runCli', () => {
  it('builds the seed notes with the real command and reports time, stages and peak RSS', async () => {
    const out = join(work, 'graph.json');
    const run = await runCli(join(ROOT, 'content'), out);
    expect(run.code).toBe(0);
    expect(run.failed).toBeUndefined();
    expect(Object.keys(run.stages)).toEqual(
      expect.arrayContaining(['read', 'parse', 'merge', 'link', 'graph', 'layout', 'write']),
    );
    expect(run.ms).toBeGreaterThan(run.stages.parse as number);
    if (existsSync(GNU_TIME)) expect(run.maxRssMiB).toBeGreaterThan(30);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as { nodes: unknown[] };
    expect(graph.nodes.length).toBeGreaterThan(50);
  });

  it('reports a failing command with its exit code and output', async () => {
    const run = await runCli(join(work, 'no-such-folder'), join(work, 'never.json'));
    expect(run.code).toBe(2);
    expect(run.failed).toMatch(/content folder not found/);
    expect(existsSync(join(work, 'never.json'))).toBe(false);
  });
});

describe('results.md with the cli case', () => {
  const machine = {
    date: '2026-11-25T12:00:00.000Z',
    cpu: 'AMD EPYC',
    cores: 2,
    node: 'v20',
    memGiB: 24,
    load: '1 1 1',
  };
  const cli = (date: string, ms: number, rss: number): CliSizeResult => ({
    date,
    papers: 100000,
    files: 2500,
    bytes: 104_502_205,
    method: 'GNU time %M (max RSS)',
    runs: [{ ms, maxRssMiB: rss, code: 0, stages: { parse: 40000, layout: 17000 }, load: [1.2, 2.5] }],
    ms,
    maxRssMiB: rss,
    stages: { parse: 40000, layout: 17000 },
  });
  const buildAt100k = (ms: number, rss: number) => ({
    machine: { ...machine, date: '2026-11-25T10:15:00.000Z' },
    data: [
      { papers: 100000, cli: { ms, maxRssMiB: rss }, stages: {}, unavailable: [], ratio: null } as never,
    ],
  });

  it.each([
    {
      name: 'the cli case newer than the build case decides the target',
      results: {
        cases: {
          build: buildAt100k(172_300, 2828),
          cli: { machine, data: [cli(machine.date, 81_000, 1530)] },
        },
      },
      row: '| 100k with layout < 2 min, < 2 GiB | 81.0 s, 1530 MiB (CLI end to end, 2026-11-25 12:00 UTC) | **met** |',
    },
    {
      name: 'a newer build case wins over an older cli run',
      results: {
        cases: {
          build: { ...buildAt100k(130_000, 1900), machine: { ...machine, date: '2026-11-26T09:00:00.000Z' } },
          cli: { machine, data: [cli(machine.date, 81_000, 1530)] },
        },
      },
      row: '| 100k with layout < 2 min, < 2 GiB | 130.0 s, 1900 MiB (CLI end to end, build case) | **missed** |',
    },
    {
      name: 'the cli case alone',
      results: { cases: { cli: { machine, data: [cli(machine.date, 95_000, 2100)] } } },
      row: '| 100k with layout < 2 min, < 2 GiB | 95.0 s, 2100 MiB (CLI end to end, 2026-11-25 12:00 UTC) | **missed** |',
    },
  ])('$name', ({ results, row }) => {
    const md = renderResults(results as unknown as Results, null);
    expect(md).toContain(row);
    expect(md).toContain('## End to end (`build:graph`)');
    expect(md).toMatch(
      /\| 100000 \| 2500 \| 104\.5 \| 2026-11-25 12:00 \| 1 \| \d+\.\d s \| \d+ MiB \(\d\.\d\d GiB\) \|/,
    );
  });
});
