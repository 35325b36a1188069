// Every non-mention edge of the seed, judged by hand (tests/links/judged/seed-edges.json): a judged-wrong edge
// that comes back, a judged-right one that disappears, or a new edge nobody judged fails here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import { judgedKey, scoreEdges, scoreTable, type JudgedFile } from './judged.js';

type Score = ReturnType<typeof scoreEdges>;

const seedPath = fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url));
const file = JSON.parse(
  readFileSync(fileURLToPath(new URL('./judged/seed-edges.json', import.meta.url)), 'utf8'),
) as JudgedFile;
const seedText = readFileSync(seedPath, 'utf8');
// Built in each test (beforeEach), not when the file is collected, so that mutation testing (`npm run mutate`)
// knows which tests run which code and reruns only those for each mutant.
let score: Score;
beforeEach(() => {
  const parsed = parseNotes([{ path: 'reinforcement-learning.md', text: seedText }]);
  score = scoreEdges(findLinks(parsed.papers).edges, file);
});

describe('judged seed edges', () => {
  it('prints the score', () => {
    console.log(scoreTable(score));
    expect(score.drawn.length).toBeGreaterThan(0);
  });

  it('draws no edge that was not judged', () => {
    expect(score.unjudged).toEqual([]);
  });

  it('draws no judged-wrong edge', () => {
    expect(score.wrongDrawn.map((j) => `${judgedKey(j.type, j.source, j.target)}: ${j.reason}`)).toEqual([]);
  });

  it('keeps every judged-right edge', () => {
    expect(score.rightMissing.map((j) => judgedKey(j.type, j.source, j.target))).toEqual([]);
  });

  it('has seed precision >= 95% and right-type recall >= 70%', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.7);
  });
});
