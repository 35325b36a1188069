// A seeded synthetic SerializedGraph: topics, papers, concepts and edges of every type, laid out in
// clusters. Used by the app's tests and by `dev --synthetic N` to try the page at scale before (or
// without) real notes. Pure.
import { mulberry32 } from '../graph/random.js';
import { EDGE_TYPES } from '../types.js';
import type {
  ConceptId,
  EdgeType,
  PaperId,
  SerializedEdge,
  SerializedGraph,
  SerializedNode,
  TopicInfo,
} from '../types.js';
import { topicKey } from './bundle.js';

export interface SyntheticOptions {
  papers?: number;
  concepts?: number;
  seed?: number;
}

function hsl(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  const hex = (x: number) =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

const TOP = [
  ['强化学习', 'Reinforcement learning'],
  ['奖励模型', 'Reward models'],
  ['大模型训练', 'LLM training'],
  ['推理', 'Reasoning'],
] as const;
const SUB = ['算法', '数据', '评测'] as const;
const WORDS =
  'policy reward model reasoning scaling verifier preference token agent search data curriculum'.split(' ');
const ZH = '强化 学习 奖励 模型 推理 扩展 验证 偏好 数据 课程 智能体 搜索'.split(' ');
const AUTHORS = 'Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo'.split(' ');

export function syntheticGraph(options?: SyntheticOptions | null): SerializedGraph {
  const {
    papers = 300,
    concepts = Math.max(4, Math.round((options?.papers ?? 300) / 6)),
    seed = 1,
  } = options ?? {};
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const topics: TopicInfo[] = [];
  const leafTopics: TopicInfo[] = [];
  TOP.forEach(([zh], ti) => {
    const hue = (ti * 360) / TOP.length + 10;
    const angle = (ti / TOP.length) * Math.PI * 2;
    const cx = Math.cos(angle) * 400;
    const cy = Math.sin(angle) * 400;
    topics.push({ key: zh, path: [zh], label: zh, count: 0, color: hsl(hue, 0.65, 0.45), x: cx, y: cy });
    SUB.forEach((sub, si) => {
      const path = [zh, sub];
      const a2 = angle + (si - 1) * 0.5;
      const t: TopicInfo = {
        key: topicKey(path),
        path,
        label: sub,
        count: 0,
        color: hsl(hue, 0.65, 0.35 + si * 0.12),
        x: cx + Math.cos(a2) * 150,
        y: cy + Math.sin(a2) * 150,
      };
      topics.push(t);
      leafTopics.push(t);
    });
  });

  const nodes: SerializedNode[] = [];
  const paperIds: PaperId[] = [];
  const paperTopic: TopicInfo[] = [];
  for (let i = 0; i < papers; i++) {
    const t = pick(leafTopics);
    const id =
      `arxiv:25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}` as PaperId;
    const w1 = pick(WORDS);
    const w2 = pick(WORDS);
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const pubMonth = Math.max(1, month - Math.floor(rand() * 3));
    const published = `2025-${String(pubMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const r = rand() * 120;
    const a = rand() * Math.PI * 2;
    t.count++;
    topics.find((x) => x.key === t.path[0])!.count++;
    paperIds.push(id);
    paperTopic.push(t);
    nodes.push({
      key: id,
      attributes: {
        kind: 'paper',
        label: `${w1[0]!.toUpperCase()}${w2.slice(0, 3).toUpperCase()}-${i}`,
        title: `Paper ${i}: ${w1} ${w2} for ${pick(WORDS)} learning`,
        altTitles: [`论文${i}：${pick(ZH)}${pick(ZH)}的${pick(ZH)}方法`],
        arxiv: id.slice('arxiv:'.length),
        date,
        published,
        authors: [0, 1, 2].map(
          () => `${pick(AUTHORS)} ${String.fromCharCode(65 + Math.floor(rand() * 26))}.`,
        ),
        topic: t.label,
        topicPath: t.path,
        topics: t.path,
        summary: `We study **${w1}** and _${w2}_. See [code](https://example.org/${i}).`,
        links: [{ label: 'arXiv', url: `https://arxiv.org/abs/${id.slice(6)}` }],
        sources: [{ file: 'notes.md', line: 10 + i * 7 }],
        tags: [],
        citedOnly: false,
        x: t.x + Math.cos(a) * r,
        y: t.y + Math.sin(a) * r,
        size: 3,
        color: t.color,
        community: leafTopics.indexOf(t) + (rand() < 0.1 ? 1 : 0),
      },
    });
  }
  const conceptIds: ConceptId[] = [];
  for (let i = 0; i < concepts; i++) {
    const t = pick(leafTopics);
    const id = `concept:c${i}` as ConceptId;
    conceptIds.push(id);
    nodes.push({
      key: id,
      attributes: {
        kind: 'concept',
        label: `${pick(WORDS).toUpperCase()}${i}`,
        title: `${pick(WORDS)} ${i}`,
        aliases: [`alias-${i}`],
        conceptKind: 'method',
        topic: t.label,
        topicPath: t.path,
        topics: t.path,
        sources: [{ file: 'notes.md', line: 3 }],
        x: t.x + (rand() - 0.5) * 80,
        y: t.y + (rand() - 0.5) * 80,
        size: 3,
        color: t.color,
      },
    });
  }

  const edges: SerializedEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (type: EdgeType, s: string, t: string, sentence: string) => {
    if (s === t) return;
    const directed = type !== 'same-group';
    const [a, b] = directed || s < t ? [s, t] : [t, s];
    const key = `${type}:${a}${directed ? '->' : '--'}${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({
      key,
      source: a as PaperId,
      target: b as PaperId,
      ...(directed ? {} : { undirected: true }),
      attributes: {
        type,
        evidence: [sentence],
        sources: [{ file: 'notes.md', line: 12 }],
        confidence: 0.8,
        ...(type === 'same-group' ? { via: pick(AUTHORS) } : {}),
      },
    });
  };
  for (let i = 0; i < papers; i++) {
    const s = paperIds[i]!;
    // Mostly within the topic, so clusters read as clusters.
    const near = () => {
      const j = Math.floor(rand() * papers);
      return paperTopic[j] === paperTopic[i] || rand() < 0.2 ? paperIds[j]! : paperIds[(j + 1) % papers]!;
    };
    if (rand() < 0.5) addEdge('builds-on', s, near(), `Paper ${i} builds on prior work.`);
    if (rand() < 0.15) addEdge('critiques', s, near(), `Paper ${i} questions earlier claims.`);
    if (rand() < 0.25) addEdge('compares', s, near(), `Paper ${i} compares against a baseline.`);
    if (rand() < 0.2) addEdge('same-group', s, near(), `Shared author.`);
    if (concepts > 0) addEdge('mentions', s, pick(conceptIds), `Paper ${i} mentions a concept.`);
  }
  // Sizes from degree, as the real build does.
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  for (const node of nodes) node.attributes.size = 3 + Math.sqrt(degree.get(node.key) ?? 0) * 1.5;

  const edgesByType = Object.fromEntries(EDGE_TYPES.map((t) => [t, 0])) as Record<EdgeType, number>;
  for (const e of edges) edgesByType[e.attributes.type]++;
  return {
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    attributes: {
      name: 'papermap',
      version: 1,
      stats: {
        files: 1,
        entries: papers,
        papers,
        mergedDuplicates: 0,
        concepts,
        edges: edges.length,
        edgesByType,
      },
      topics,
      diagnostics: [],
    },
    nodes,
    edges,
  };
}
