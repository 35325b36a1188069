// Which folder relative paths on the command line are relative to, and when the clone's npm-script defaults
// apply: each condition on its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR, fromCloneScript, PROJECT_ROOT, userCwd, VERSION } from '../../src/cli/paths.js';

const ownJson = path.join(PROJECT_ROOT, 'package.json');
const clone = (event: string) => ({
  npm_package_name: 'papermap',
  npm_lifecycle_event: event,
  npm_package_json: ownJson,
});

describe('userCwd', () => {
  it('is INIT_CWD only for a script npm started in this very folder', () => {
    const here = path.join(process.cwd(), 'package.json');
    expect(userCwd({ INIT_CWD: '/typed/here', npm_package_json: here })).toBe('/typed/here');
    expect(userCwd({ INIT_CWD: '/typed/here', npm_package_json: '/elsewhere/package.json' })).toBe(
      process.cwd(),
    );
    expect(userCwd({ INIT_CWD: '/typed/here' })).toBe(process.cwd());
    expect(userCwd({ npm_package_json: here })).toBe(process.cwd());
    expect(userCwd({ INIT_CWD: '', npm_package_json: here })).toBe(process.cwd());
  });
});

describe('fromCloneScript', () => {
  it.each(['dev', 'build', 'build:graph'])('is true for the clone script %s', (event) => {
    expect(fromCloneScript(clone(event))).toBe(true);
  });

  it.each([
    ['another script', { ...clone('dev'), npm_lifecycle_event: 'test' }],
    ['no script', { ...clone('dev'), npm_lifecycle_event: undefined }],
    ['another package', { ...clone('dev'), npm_package_name: 'my-site' }],
    ['papermap installed in another project', { ...clone('build'), npm_package_json: '/site/package.json' }],
    ['no package.json', { ...clone('build'), npm_package_json: undefined }],
  ])('is false for %s', (_what, env) => {
    expect(fromCloneScript(env)).toBe(false);
  });
});

describe('package paths', () => {
  it('the root holds the package.json the version comes from, the page is in dist-app', () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(pkg.name).toBe('papermap');
    expect(VERSION).toBe(pkg.version);
    expect(APP_DIR).toBe(path.join(PROJECT_ROOT, 'dist-app'));
  });
});
