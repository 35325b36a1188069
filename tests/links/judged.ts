// Scoring link output against hand-judged edges (tests/links/judged/*.json): precision of what is drawn and
// right-type recall of the relations the notes state.
import type { EdgeRecord, EdgeType } from '../../src/types.js';

export interface JudgedEdge {
  type: EdgeType;
  source: string;
  target: string;
  verdict: 'correct' | 'wrong-type' | 'wrong';
  should?: EdgeType | 'mentions';
  reason: string;
}

export interface StatedRelation {
  type: EdgeType;
  source: string;
  target: string;
  line: number;
  evidence: string;
}

export interface JudgedFile {
  about: string;
  /** A paper's short name in this file -> the node ids it may have. */
  papers: Record<string, string[]>;
  judged: JudgedEdge[];
  relations: StatedRelation[];
}

/** Edge types that are judged: everything but `mentions`. */
export const JUDGED_TYPES: readonly EdgeType[] = ['builds-on', 'critiques', 'compares', 'same-group', 'uses'];

export function judgedKey(type: string, source: string, target: string): string {
  // same-group is undirected: its two ends in a fixed order.
  if (type === 'same-group' && target < source) return `${type}|${target}|${source}`;
  return `${type}|${source}|${target}`;
}

export interface Score {
  /** Drawn judged-type edges as fixture keys. */
  drawn: string[];
  unjudged: string[];
  wrongDrawn: JudgedEdge[];
  rightMissing: JudgedEdge[];
  byType: Record<string, { drawn: number; correct: number; relations: number; found: number }>;
  precision: number;
  recall: number;
  missedRelations: StatedRelation[];
}

export function scoreEdges(edges: readonly EdgeRecord[], file: JudgedFile): Score {
  const nameOf = new Map<string, string>();
  for (const [name, ids] of Object.entries(file.papers))
    for (const id of ids) if (!nameOf.has(id)) nameOf.set(id, name);
  const ref = (id: string) => nameOf.get(id) ?? id;
  const drawn = edges
    .filter((e) => JUDGED_TYPES.includes(e.type))
    .map((e) => judgedKey(e.type, ref(e.source), ref(e.target)));
  const drawnSet = new Set(drawn);
  const judged = new Map(file.judged.map((j) => [judgedKey(j.type, j.source, j.target), j]));
  const byType: Score['byType'] = {};
  const row = (t: string) => (byType[t] ??= { drawn: 0, correct: 0, relations: 0, found: 0 });
  for (const key of drawn) {
    const t = key.split('|')[0] as string;
    row(t).drawn++;
    if (judged.get(key)?.verdict === 'correct') row(t).correct++;
  }
  const missedRelations: StatedRelation[] = [];
  for (const r of file.relations) {
    row(r.type).relations++;
    if (drawnSet.has(judgedKey(r.type, r.source, r.target))) row(r.type).found++;
    else missedRelations.push(r);
  }
  const total = (f: 'drawn' | 'correct' | 'relations' | 'found') =>
    Object.values(byType).reduce((s, r) => s + r[f], 0);
  return {
    drawn,
    unjudged: drawn.filter((k) => !judged.has(k)),
    wrongDrawn: file.judged.filter(
      (j) => j.verdict !== 'correct' && drawnSet.has(judgedKey(j.type, j.source, j.target)),
    ),
    rightMissing: file.judged.filter(
      (j) => j.verdict === 'correct' && !drawnSet.has(judgedKey(j.type, j.source, j.target)),
    ),
    byType,
    precision: total('correct') / Math.max(1, total('drawn')),
    recall: total('found') / Math.max(1, total('relations')),
    missedRelations,
  };
}

/** A one-line-per-type table of a score, for test output and the report. */
export function scoreTable(score: Score): string {
  const lines = Object.entries(score.byType).map(
    ([t, r]) =>
      `${t.padEnd(11)} drawn ${String(r.drawn).padStart(3)} correct ${String(r.correct).padStart(3)}  stated ${String(r.relations).padStart(3)} found ${String(r.found).padStart(3)}`,
  );
  lines.push(
    `precision ${(score.precision * 100).toFixed(1)}%  right-type recall ${(score.recall * 100).toFixed(1)}%`,
  );
  return lines.join('\n');
}
