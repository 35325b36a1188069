// The papermap command's entry (`run`) and its argument limits, in process: what it prints and the exit code
// for help, version and bad arguments, and the bounds of --port and --synthetic. tests/app/cli-args.test.ts
// has the defaults and paths; tests/cli/command.test.ts runs the compiled command in child processes.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GRAPH_USAGE, parseCommand, run, UsageError } from '../../src/cli/papermap.js';
import { VERSION } from '../../src/cli/paths.js';

let logged: string[] = [];
let errors: string[] = [];
let written: string[] = [];
beforeEach(() => {
  logged = [];
  errors = [];
  written = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logged.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('run', () => {
  it.each([['--help'], ['-h']])('%s prints the overview and exits 0', async (flag) => {
    expect(await run([flag], {})).toBe(0);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.startsWith(`papermap ${VERSION}: a map of the papers`)).toBe(true);
    expect(logged[0]).toContain('papermap build [DIR] --out SITE');
    expect(errors).toEqual([]);
  });

  it.each([['--version'], ['-v']])('%s prints the version and exits 0', async (flag) => {
    expect(await run([flag], {})).toBe(0);
    expect(logged).toEqual([VERSION]);
  });

  it('each subcommand has its own help: serve (also as dev or no subcommand), build, graph', async () => {
    for (const argv of [
      ['serve', '--help'],
      ['dev', '-h'],
      ['--content', 'x', '--help'],
    ]) {
      logged = [];
      expect(await run(argv, {})).toBe(0);
      expect(logged).toHaveLength(1);
      expect(logged[0]!.startsWith('usage: papermap [serve] [DIR] [options]')).toBe(true);
    }
    logged = [];
    expect(await run(['build', '--help'], {})).toBe(0);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.startsWith('usage: papermap build [DIR] [--out SITE] [options]')).toBe(true);
    expect(await run(['graph', '--help'], {})).toBe(0);
    expect(written).toEqual([`${GRAPH_USAGE}\n`]);
    written = [];
    expect(await run(['build', '--version'], {})).toBe(0);
    expect(await run(['graph', '-v'], {})).toBe(0);
    expect(logged.at(-1)).toBe(VERSION);
    expect(written).toEqual([`${VERSION}\n`]);
  });

  it('--help or --version beside other arguments belong to the subcommand', async () => {
    expect(await run(['--help', 'x'], {})).toBe(0);
    expect(logged[0]!.startsWith('usage: papermap [serve]')).toBe(true);
  });

  it('bad arguments exit 2 with the reason and the usage of that subcommand', async () => {
    expect(await run(['build', '--bogus'], {})).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith("papermap build: Unknown option '--bogus'")).toBe(true);
    expect(errors[0]).toContain('\nusage: papermap build [DIR] [--out SITE] [options]');
    errors = [];
    expect(await run(['--port', 'x'], {})).toBe(2);
    expect(errors[0]!.split('\n').slice(0, 2)).toEqual([
      'papermap serve: bad --port x',
      'usage: papermap [serve] [DIR] [options]',
    ]);
    expect(logged).toEqual([]);
  });
});

describe('argument bounds', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['65535', 65535],
  ])('--port %s is taken', (port, want) => {
    expect(parseCommand('serve', ['--port', port], {})).toMatchObject({ port: want });
  });

  it.each(['-1', '65536', '1.5', 'x'])('--port %s is refused with its value', (port) => {
    expect(() => parseCommand('serve', [`--port=${port}`], {})).toThrow(new UsageError(`bad --port ${port}`));
  });

  it('a bad PORT from the environment is refused too; the flag wins over it', () => {
    expect(() => parseCommand('serve', [], { PORT: '99999' })).toThrow(UsageError);
    expect(parseCommand('serve', ['--port', '8081'], { PORT: 'junk' })).toMatchObject({ port: 8081 });
  });

  it.each([
    ['1', 1],
    ['300', 300],
  ])('--synthetic %s is taken', (n, want) => {
    expect(parseCommand('build', ['--synthetic', n], {})).toMatchObject({ synthetic: want });
  });

  it.each(['0', '-1', '2.5', 'many'])('--synthetic %s is refused with its value', (n) => {
    expect(() => parseCommand('serve', [`--synthetic=${n}`], {})).toThrow(
      new UsageError(`bad --synthetic ${n}`),
    );
  });

  it('names the misplaced option or the extra folders', () => {
    expect(() => parseCommand('build', ['--host', '0.0.0.0'], {})).toThrow(
      new UsageError('--port and --host are options of serve'),
    );
    expect(() => parseCommand('serve', ['--out', 'x'], {})).toThrow(
      new UsageError('--out is an option of build and graph'),
    );
    expect(() => parseCommand('serve', ['a', 'b'], {})).toThrow(new UsageError('one notes folder, got a b'));
    expect(() => parseCommand('build', ['a', '--content', 'b'], {})).toThrow(
      new UsageError('give the notes folder once (DIR or --content)'),
    );
  });

  it('resolves --cache-dir where the command was typed, and reads --no-cache', () => {
    const env = { INIT_CWD: '/home/me/notes', npm_package_json: path.join(process.cwd(), 'package.json') };
    expect(parseCommand('serve', ['--cache-dir', 'c', '--no-cache'], env)).toMatchObject({
      cacheDir: '/home/me/notes/c',
      noCache: true,
      content: '/home/me/notes',
      host: '127.0.0.1',
    });
    expect(parseCommand('build', ['--cache-dir', '/abs'], env)).toMatchObject({
      cacheDir: '/abs',
      noCache: false,
      out: '/home/me/notes/papermap-site',
    });
  });
});
