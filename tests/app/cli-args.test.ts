import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, parseDevArgs } from '../../src/cli/dev.js';
import { parseSiteArgs } from '../../src/cli/build-site.js';

describe('npm run dev options', () => {
  it.each([
    {
      argv: [],
      env: {},
      want: { content: path.join(PROJECT_ROOT, 'content'), port: 5173, host: '127.0.0.1', synthetic: null },
    },
    { argv: ['--content', '/notes'], env: {}, want: { content: '/notes' } },
    { argv: [], env: { PAPERMAP_CONTENT: '/from/env' }, want: { content: '/from/env' } },
    { argv: ['--content', '/flag'], env: { PAPERMAP_CONTENT: '/from/env' }, want: { content: '/flag' } },
    { argv: ['--port', '8080', '--host', '0.0.0.0'], env: {}, want: { port: 8080, host: '0.0.0.0' } },
    { argv: [], env: { PORT: '9000' }, want: { port: 9000 } },
    { argv: ['--synthetic', '5000'], env: {}, want: { synthetic: 5000 } },
  ])('$argv $env', ({ argv, env, want }) => {
    expect(parseDevArgs(argv, env)).toMatchObject(want);
  });

  it.each([[['--port', 'http']], [['--port', '70000']], [['--synthetic', '-3']], [['--bogus']]])(
    'refuses %j',
    (argv) => {
      expect(() => parseDevArgs(argv, {})).toThrow();
    },
  );
});

describe('npm run build options', () => {
  it('defaults to ./content into ./dist and resolves paths', () => {
    expect(parseSiteArgs([], {})).toEqual({
      content: path.join(PROJECT_ROOT, 'content'),
      out: path.join(PROJECT_ROOT, 'dist'),
      synthetic: null,
    });
    expect(parseSiteArgs(['--out', 'site', '--content', 'notes'], {})).toMatchObject({
      out: path.resolve('site'),
      content: path.resolve('notes'),
    });
  });
});
