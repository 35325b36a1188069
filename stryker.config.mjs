// Mutation testing (StrykerJS), on demand: `npm run mutate` for every folder below, or one folder with
// `npm run mutate -- --mutate 'src/links/**/*.ts'`. Not part of CI: on 2 cores a big folder takes hours.
// Results: reports/mutation/mutation.html (not committed); figures per folder in bench/mutation.md.
// @ts-check
import fs from 'node:fs';

/** The `--mutate` pattern given on the command line, if any. */
function mutateArg() {
  const i = process.argv.indexOf('--mutate');
  if (i >= 0) return process.argv[i + 1] ?? '';
  const eq = process.argv.find((a) => a.startsWith('--mutate='));
  return eq ? eq.slice('--mutate='.length) : '';
}

// Incremental: one result file per folder (or file set), committed in bench/mutation/, so a rerun of a folder,
// on any clone, retests only the mutants whose code or covering tests changed since the recorded run. One
// file per run target because Stryker writes only the files it mutated into the incremental file: a single
// shared file would be reset by every per-folder run.
const target = mutateArg();
const slug =
  target === ''
    ? 'all'
    : target
        .replace(/^src\//, '')
        .replace(/\/?\*\*?.*$/, '')
        .replace(/\.ts$/, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'all';

// A seeded random sample of a folder's mutants (scripts/mutate-sample.mjs, `npm run mutate:sample`): the drawn
// mutants' exact locations as the mutate ranges, the `sample` ignorer to leave out the mutants nested in them,
// and its own incremental file and report.
const samplePath = process.env.MUTATE_SAMPLE;
const sampleName = process.env.MUTATE_SAMPLE_NAME ?? 'sample';
/** @type {{ file: string, start: { line: number, column: number }, end: { line: number, column: number } }[]} */
const sample = samplePath ? JSON.parse(fs.readFileSync(samplePath, 'utf8')) : [];
const sampleRanges = sample.map(
  (m) => `${m.file}:${m.start.line + 1}:${m.start.column}-${m.end.line + 1}:${m.end.column}`,
);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  packageManager: 'npm',
  testRunner: 'vitest',
  // Unit tests only: the browser tests are far too slow to run per mutant (vitest.unit.config.ts).
  vitest: { configFile: 'vitest.unit.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/parse/**/*.ts',
    'src/links/**/*.ts',
    'src/graph/**/*.ts',
    'src/app/filters/**/*.ts',
    'src/app/state/**/*.ts',
    'src/cli/**/*.ts',
  ],
  ignorePatterns: [
    'bench/out',
    'bench/corpus',
    'public',
    'dist',
    'coverage',
    'test-results',
    '.papermap-cache',
  ],
  incremental: true,
  incrementalFile: `bench/mutation/${slug}.incremental.json`,
  // The machine has 2 cores shared with other work: one test runner (plus one type-checker process).
  // Raise it with `--concurrency 2` on a machine of your own.
  concurrency: 1,
  // A mutant that loops forever costs its test's time x 2 + 30 s before it counts as a timeout. A shorter
  // allowance (5 s) counted 19 of 59 drawn parse mutants as timeouts (i.e. killed) on a machine busy with
  // other builds; rerun with 60 s, 5 of the first 6 survived: a timeout must mean a loop, not a busy machine.
  timeoutMS: 30000,
  // The first run of every related test (per-test coverage) takes minutes on a loaded 2-core machine.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

export default samplePath
  ? {
      ...config,
      mutate: sampleRanges,
      plugins: [
        '@stryker-mutator/*',
        './scripts/mutate-sample-ignorer.mjs',
        './scripts/mutate-sample-checker.mjs',
      ],
      ignorers: ['sample'],
      // the other mutators on a drawn node are set aside before the type checker (they are not scored)
      checkers: ['sample', 'typescript'],
      incrementalFile: `bench/mutation/sample-${sampleName}.incremental.json`,
      reporters: ['progress-append-only', 'json'],
      jsonReporter: { fileName: `reports/mutation/sample-${sampleName}.json` },
    }
  : config;
