// The `sample` ignorer of scripts/mutate-sample.mjs: when Stryker runs on a drawn sample of mutants, each
// drawn mutant is given to `--mutate` as its exact location range, and Stryker mutates every node inside a
// range. This ignorer drops the nodes nested inside a drawn node (unless a drawn mutant lies in them), so that
// drawing a block statement does not also run every mutant in the block.
// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** @typedef {{ line: number, column: number }} Pos */
/** @typedef {{ start: Pos, end: Pos }} Loc */

/** @type {(a: Pos, b: Pos) => number} */
const cmp = (a, b) => a.line - b.line || a.column - b.column;
/** @type {(outer: Loc, inner: Loc) => boolean} */
const contains = (outer, inner) => cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;

/** Drawn locations per absolute file name, in babel's form (1-based lines, 0-based columns). */
function drawn() {
  const file = process.env.MUTATE_SAMPLE;
  /** @type {Map<string, Loc[]>} */
  const byFile = new Map();
  if (!file) return byFile;
  /** @type {{ file: string, start: Pos, end: Pos }[]} */
  const sample = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const m of sample) {
    const abs = path.resolve(m.file);
    const loc = {
      start: { line: m.start.line + 1, column: m.start.column },
      end: { line: m.end.line + 1, column: m.end.column },
    };
    byFile.set(abs, [...(byFile.get(abs) ?? []), loc]);
  }
  return byFile;
}

const byFile = drawn();

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'sample', {
    /** @param {any} nodePath babel's NodePath */
    shouldIgnore(nodePath) {
      /** @type {Loc | undefined} */
      const loc = nodePath.node.loc;
      const fileName = nodePath.hub?.file?.opts?.filename;
      if (!loc || typeof fileName !== 'string') return undefined;
      const locs = byFile.get(path.resolve(fileName));
      if (!locs) return undefined;
      // A drawn node, or one holding a drawn node: keep (its own mutants run only if drawn or on a drawn node).
      if (locs.some((d) => contains(loc, d))) return undefined;
      // Inside a drawn node and holding none: not in the sample.
      if (locs.some((d) => contains(d, loc))) return 'not in the drawn sample (scripts/mutate-sample.mjs)';
      return undefined;
    },
  }),
];
