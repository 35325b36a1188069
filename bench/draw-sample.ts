// Draws the judged sample of a folder's build again: a seeded random sample of its non-mention edges (the
// `size` edges whose keys hash lowest with the seed: an edge that stays keeps its place, so a change to the
// rules swaps only the edges it adds or removes), each with its first evidence sentence. Verdicts already
// given to the same edge in the sample file are kept; a new edge gets `verdict: "unjudged"` for a person to
// judge by reading its evidence. Used for tests/links/judged/daily-sample.json:
//   npx tsx bench/draw-sample.ts ../shared/corpora/daily-reports tests/links/judged/daily-sample.json 11
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashString } from '../src/graph/random.js';
import { findLinks } from '../src/links/index.js';
import { parseNotes } from '../src/parse/index.js';
import { judgedKey, type JudgedEdge } from '../tests/links/judged.js';

type SampleEdge = Omit<JudgedEdge, 'verdict' | 'reason'> & {
  via?: string;
  evidence: string;
  verdict: JudgedEdge['verdict'] | 'unjudged';
  reason?: string;
};

const [dir, out, seedText = '10', sizeText = '100'] = process.argv.slice(2);
if (!dir || !out)
  throw new Error('draw-sample: usage: draw-sample.ts <notes folder> <sample.json> [seed] [size]');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => ({ path: f, text: readFileSync(path.join(dir, f), 'utf8') }));
const { edges } = findLinks(parseNotes(files).papers);
const rank = (key: string): number => hashString(`${seedText}\u0000${key}`);
const pool = edges
  .filter((e) => e.type !== 'mentions')
  .map((e) => ({ e, r: rank(e.key) }))
  .sort((a, b) => a.r - b.r || (a.e.key < b.e.key ? -1 : 1))
  .map(({ e }) => e);
const before = existsSync(out)
  ? (JSON.parse(readFileSync(out, 'utf8')) as { edges: SampleEdge[] }).edges
  : [];
const known = new Map(before.map((e) => [judgedKey(e.type, e.source, e.target), e]));
const sample: SampleEdge[] = pool.slice(0, Number(sizeText)).map((e) => {
  const old = known.get(judgedKey(e.type, e.source, e.target));
  const evidence = e.evidence[0] ?? '';
  const edge: SampleEdge = {
    type: e.type,
    source: e.source,
    target: e.target,
    evidence,
    verdict: 'unjudged',
  };
  if (e.via) edge.via = e.via;
  // A verdict holds for the evidence it was given on.
  if (old && old.verdict !== 'unjudged' && old.evidence === evidence) {
    edge.verdict = old.verdict;
    if (old.reason) edge.reason = old.reason;
    if (old.should) edge.should = old.should;
  }
  return edge;
});
sample.sort((a, b) =>
  judgedKey(a.type, a.source, a.target) < judgedKey(b.type, b.source, b.target) ? -1 : 1,
);
writeFileSync(
  out,
  `${JSON.stringify({ drawnFrom: pool.length, seed: Number(seedText), edges: sample }, null, 2)}\n`,
);
console.log(
  `${sample.length} of ${pool.length} edges; ${sample.filter((e) => e.verdict === 'unjudged').length} to judge`,
);
