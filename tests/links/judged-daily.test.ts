// A seeded random sample of 100 non-mention edges of the daily-reports folder (../shared/corpora/daily-reports,
// not part of the repository), judged by hand (tests/links/judged/daily-sample.json). When the folder is
// present, it is built again and the sample scored: precision among the sampled edges still drawn, and the
// judged-right ones kept. Skipped when the folder is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import { judgedKey, type JudgedEdge } from './judged.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = path.join(ROOT, '..', 'shared', 'corpora', 'daily-reports');
const sample = JSON.parse(
  readFileSync(fileURLToPath(new URL('./judged/daily-sample.json', import.meta.url)), 'utf8'),
) as { correct: number; edges: (JudgedEdge & { via?: string; evidence: string })[] };

describe.skipIf(!existsSync(DIR))('judged daily-reports sample', () => {
  it('keeps the judged-right edges and scores at least as well as when judged', { timeout: 240_000 }, () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => ({ path: f, text: readFileSync(path.join(DIR, f), 'utf8') }));
    const { edges } = findLinks(parseNotes(files).papers);
    const drawn = new Set(edges.map((e) => judgedKey(e.type, e.source, e.target)));
    const still = sample.edges.filter((e) => drawn.has(judgedKey(e.type, e.source, e.target)));
    const right = still.filter((e) => e.verdict === 'correct').length;
    const lost = sample.edges.filter((e) => e.verdict === 'correct' && !still.includes(e));
    console.log(
      `daily sample: ${sample.correct}/100 correct when judged; now ${still.length} of the 100 drawn, ${right} correct (${((100 * right) / Math.max(1, still.length)).toFixed(1)}%)`,
    );
    expect(lost.map((e) => `${e.type} ${e.source} -> ${e.target}`)).toEqual([]);
    expect(right / still.length).toBeGreaterThanOrEqual(sample.correct / 100);
  });
});
