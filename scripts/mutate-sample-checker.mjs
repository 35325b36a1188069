// The `sample` checker of scripts/mutate-sample.mjs: Stryker mutates a node whole, so every other mutator on a
// drawn mutant's node would run too (seven mutants for each one drawn in session 10's draws, none of them
// scored). This checker passes the drawn mutants on and sets the others aside as not in the sample (Stryker
// reports them as rejected by a checker, and they never run), so a draw costs only what it scores.
// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { CheckStatus } from '@stryker-mutator/api/check';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** @typedef {{ line: number, column: number }} Pos */

/** @type {(file: string, start: Pos, end: Pos, mutator: string, replacement: string) => string} */
const keyOf = (file, start, end, mutator, replacement) =>
  `${path.resolve(file)}:${start.line}:${start.column}-${end.line}:${end.column} ${mutator} ${replacement}`;

/** The drawn mutants' keys (0-based lines, as Stryker's `Mutant.location` keeps them), or null outside a draw. */
function drawnKeys() {
  const file = process.env.MUTATE_SAMPLE;
  if (!file) return null;
  /** @type {{ file: string, start: Pos, end: Pos, mutator: string, replacement: string }[]} */
  const sample = JSON.parse(fs.readFileSync(file, 'utf8'));
  return new Set(sample.map((m) => keyOf(m.file, m.start, m.end, m.mutator, m.replacement)));
}

class SampleChecker {
  static inject = /** @type {const} */ ([]);
  /** @type {Set<string> | null} */
  drawn = drawnKeys();

  async init() {}

  /** @param {import('@stryker-mutator/api/core').Mutant[]} mutants */
  async check(mutants) {
    /** @type {Record<string, import('@stryker-mutator/api/check').CheckResult>} */
    const out = {};
    for (const m of mutants) {
      const k = keyOf(m.fileName, m.location.start, m.location.end, m.mutatorName, m.replacement);
      out[m.id] =
        this.drawn === null || this.drawn.has(k)
          ? { status: CheckStatus.Passed }
          : {
              status: CheckStatus.CompileError,
              reason: 'not in the drawn sample (scripts/mutate-sample.mjs)',
            };
    }
    return out;
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Checker, 'sample', SampleChecker)];
