import { describe, expect, it } from 'vitest';
import { isRequestAllowed, newProblems } from '../../src/cli/vite-plugin.js';
import type { Diagnostic } from '../../src/types.js';

const root = '/work/project';

describe('dev server request guard', () => {
  it.each([
    ['/', true],
    ['/index.html', true],
    ['/src/app/main.ts', true],
    ['/src/app/style.css?direct', true],
    ['/@vite/client', true],
    ['/node_modules/.vite/deps/sigma.js?v=1234', true],
    ['/data/map.json', true],
    ['/data/details/3.json?b=abc', true],
    ['/@fs/work/project/node_modules/sigma/dist/sigma.esm.js', true],
    // Traversal in every spelling.
    ['/../etc/passwd', false],
    ['/data/../../etc/passwd', false],
    ['/%2e%2e/etc/passwd', false],
    ['/%2E%2E%2Fetc%2Fpasswd', false],
    ['/data/%252e%252e/%252e%252e/etc/passwd', false],
    ['/src/app/..%2f..%2fcontent/reinforcement-learning.md', false],
    ['/src/app/..\\..\\package.json', false],
    ['/src/app/%5c..%5c..%5cpackage.json', false],
    ['/data/map.json%00.png', false],
    ['/%', false],
    // Outside the app.
    ['/content/reinforcement-learning.md', false],
    ['/content/', false],
    ['/package.json', false],
    ['/src/cli/dev.ts', false],
    ['/.git/config', false],
    ['/.env', false],
    ['/@fs/etc/passwd', false],
    ['/@fs/work/project/content/notes.md', false],
    ['/@fs/work/project/node_modules/../../secret', false],
  ])('%s -> %s', (url, ok) => {
    expect(isRequestAllowed(url, root)).toBe(ok);
  });
});

describe('keeping the last good map', () => {
  const d = (
    file: string,
    rule: string,
    severity: Diagnostic['severity'] = 'error',
    line = 1,
  ): Diagnostic => ({
    file,
    rule,
    severity,
    line,
    column: 1,
    message: `${rule} in ${file}`,
  });
  it.each([
    { prev: [], next: [], fresh: 0 },
    { prev: [], next: [d('a.md', 'front-matter-invalid')], fresh: 1 },
    {
      prev: [d('a.md', 'front-matter-invalid', 'error', 3)],
      next: [d('a.md', 'front-matter-invalid', 'error', 9)],
      fresh: 0,
    },
    { prev: [], next: [d('a.md', 'front-matter-unterminated', 'warning')], fresh: 1 },
    { prev: [], next: [d('a.md', 'ambiguous-name', 'info')], fresh: 0 },
    { prev: [d('a.md', 'x')], next: [d('b.md', 'x')], fresh: 1 },
  ])('$fresh new problem(s)', ({ prev, next, fresh }) => {
    expect(newProblems(prev, next)).toHaveLength(fresh);
  });
});

describe('a cache folder of its own', () => {
  it('is served when it is the configured Vite cache, traversal still refused', () => {
    const cache = ['/node_modules/.vite-cache/'];
    expect(isRequestAllowed('/node_modules/.vite-cache/deps/sigma.js?v=1', root, cache)).toBe(true);
    expect(isRequestAllowed('/node_modules/.vite-cache/deps/sigma.js?v=1', root)).toBe(false);
    expect(isRequestAllowed('/node_modules/.vite-cache/../../package.json', root, cache)).toBe(false);
    expect(isRequestAllowed('/node_modules/.vite-cache/%2e%2e/%2e%2e/package.json', root, cache)).toBe(false);
  });
});
