// The unit tests only, without the browser project: what mutation testing (`npm run mutate`) runs against
// each mutant. The include/exclude list is the `unit` project of vitest.config.ts, read from there so the two
// cannot drift apart. MUTATE_TESTS (comma-separated globs) narrows it to some test files, for a quick lower
// bound of a folder's score when the whole suite is too slow per mutant (see bench/mutation.md).
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config.js';

const unit = (base.test?.projects as TestProjectInlineConfiguration[] | undefined)?.find(
  (p) => p.test?.name === 'unit',
);
if (!unit?.test) throw new Error('vitest.unit.config: no "unit" project in vitest.config.ts');
const { name: _name, ...unitTest } = unit.test;
const only = process.env.MUTATE_TESTS?.split(',').filter((g) => g.trim() !== '');
// Tests that only run the command in a child process: a mutant is switched on inside the test runner only, so
// they cannot kill one, and they are among the slowest (they would only lengthen every dry run).
const childProcessOnly = ['tests/cli/build-graph.test.ts', 'tests/cli/command.test.ts'];
const exclude = [...(unitTest.exclude ?? []), ...childProcessOnly];

// Every related test runs once first, on a machine that may be busy: a slow test must not fail that run (a
// mutant's own time limit is Stryker's, from the time each test took then).
const testTimeout = 600_000;

export default defineConfig({
  test: only?.length
    ? { ...unitTest, include: only, exclude, testTimeout }
    : { ...unitTest, exclude, testTimeout },
});
