// The papermap command's arguments: subcommands, folders relative to where the command was typed, the
// clone's npm scripts keeping their old flags and defaults.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { parseCommand, splitCommand } from '../../src/cli/papermap.js';

/** What npm sets when `npm run dev` runs in a clone, typed in `from`. */
const npmRun = (script: string, from = PROJECT_ROOT) => ({
  npm_lifecycle_event: script,
  npm_package_name: 'papermap',
  npm_package_json: path.join(PROJECT_ROOT, 'package.json'),
  INIT_CWD: from,
});

describe('papermap serve options', () => {
  it.each([
    {
      argv: [],
      env: npmRun('dev'),
      want: { content: path.join(PROJECT_ROOT, 'content'), port: 5173, host: '127.0.0.1', synthetic: null },
    },
    { argv: [], env: {}, want: { content: process.cwd() } },
    { argv: ['/notes'], env: {}, want: { content: '/notes' } },
    { argv: ['--content', '/notes'], env: npmRun('dev'), want: { content: '/notes' } },
    { argv: [], env: { ...npmRun('dev'), PAPERMAP_CONTENT: '/from/env' }, want: { content: '/from/env' } },
    { argv: ['--content', '/flag'], env: { PAPERMAP_CONTENT: '/from/env' }, want: { content: '/flag' } },
    { argv: ['--port', '8080', '--host', '0.0.0.0'], env: {}, want: { port: 8080, host: '0.0.0.0' } },
    { argv: [], env: { PORT: '9000' }, want: { port: 9000 } },
    { argv: ['--synthetic', '5000'], env: {}, want: { synthetic: 5000 } },
    { argv: [], env: {}, want: { workers: null } },
    { argv: ['--workers', '2'], env: {}, want: { workers: 2 } },
    { argv: ['--remote-images'], env: {}, want: { remoteImages: true, followExternalLinks: false } },
    { argv: ['--follow-external-links'], env: {}, want: { followExternalLinks: true, remoteImages: false } },
    { argv: [], env: {}, want: { libraryAll: false } },
    { argv: ['--library-all'], env: {}, want: { libraryAll: true } },
    // `cd src && npm run dev -- --content ../content`: relative to where it was typed.
    {
      argv: ['--content', '../content'],
      env: npmRun('dev', path.join(PROJECT_ROOT, 'src')),
      want: { content: path.join(PROJECT_ROOT, 'content') },
    },
  ])('$argv $env', ({ argv, env, want }) => {
    expect(parseCommand('serve', argv, env)).toMatchObject({ command: 'serve', ...want });
  });

  it.each([
    [['--port', 'http']],
    [['--port', '70000']],
    [['--synthetic', '-3']],
    [['--workers', '0']],
    [['--workers', 'all']],
    [['--bogus']],
    [['a', 'b']],
    [['a', '--content', 'b']],
    [['--out', 'x']],
  ])('refuses %j', (argv) => {
    expect(() => parseCommand('serve', argv, {})).toThrow();
  });
});

describe('papermap build options', () => {
  it('defaults to ./content into ./dist from a clone script, and resolves paths where the command was typed', () => {
    expect(parseCommand('build', [], npmRun('build'))).toEqual({
      command: 'build',
      content: path.join(PROJECT_ROOT, 'content'),
      out: path.join(PROJECT_ROOT, 'dist'),
      synthetic: null,
      remoteImages: false,
      followExternalLinks: false,
      libraryAll: false,
      cacheDir: null,
      noCache: false,
      workers: null,
    });
    expect(parseCommand('build', ['--library-all'], {})).toMatchObject({ libraryAll: true });
    expect(parseCommand('build', ['notes', '--out', 'site'], { INIT_CWD: '/ignored' })).toMatchObject({
      out: path.resolve('site'),
      content: path.resolve('notes'),
    });
    expect(parseCommand('build', [], {})).toMatchObject({
      out: path.resolve('papermap-site'),
      content: process.cwd(),
    });
    expect(() => parseCommand('build', ['--port', '1'], {})).toThrow();
  });

  it('answers --help and --version', () => {
    expect(parseCommand('build', ['--help'], {})).toMatchObject({ command: 'help' });
    for (const command of ['serve', 'build'] as const)
      expect(parseCommand(command, ['--help'], {})).toMatchObject({
        text: expect.stringContaining('--library-all'),
      });
    expect(parseCommand('serve', ['-v'], {})).toMatchObject({
      command: 'version',
      text: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });
});

describe('subcommands', () => {
  it.each([
    [[], 'serve', []],
    [['~/notes'], 'serve', ['~/notes']],
    [['serve', 'x'], 'serve', ['x']],
    [['build', 'x', '--out', 'y'], 'build', ['x', '--out', 'y']],
    [['graph', '--content', 'x'], 'graph', ['--content', 'x']],
    [['--content', 'x', '--port', '1'], 'serve', ['--content', 'x', '--port', '1']],
  ])('%j -> %s %j', (argv, command, args) => {
    expect(splitCommand(argv)).toEqual({ command, args });
  });
});
