// Quick timing of findLinks on synthetic paper records (not a test):
// `npx tsx tests/links/bench-links.ts 1000 10000 100000 [--dense]`.
// Each paper has a unique short name, 8–12 authors from shared pools, and 6 text spans of bilingual sentences
// that mention lexicon concepts, other papers by name, and labs, with and without cues.
import { mulberry32 } from '../../src/graph/random.js';
import { findLinks } from '../../src/links/index.js';
import type { PaperId, PaperRecord } from '../../src/types.js';

const rng = mulberry32;

const CONCEPTS = [
  'GRPO',
  'PPO',
  'DPO',
  'RLOO',
  'REINFORCE++',
  'GSPO',
  'RLVR',
  'PRM',
  'PRM800K',
  'OpenRLHF',
  'MCTS',
  'GSM8K',
  'MATH-500',
  '组相对策略优化',
  '流匹配',
];
const LABS = [
  '字节跳动Seed团队',
  '香港大学NLP团队',
  '北大团队',
  'NVIDIA researchers',
  '上海AI Lab',
  'Qwen团队',
  '清华NLP实验室',
];
const TEMPLATES = [
  (a: string, b: string) => `我们提出了 ${a}，它基于 ${b} 并改进了优势估计。`,
  (a: string, b: string) => `${a} outperforms ${b} on math benchmarks by a wide margin.`,
  (a: string, b: string) => `实验表明 ${a} 在多个基准上优于 ${b}，且训练更稳定。`,
  (a: string, b: string) => `We argue that ${b} is flawed when rewards are sparse, and ${a} fixes it.`,
  (a: string, b: string) => `受 ${b} 启发，${a} 引入了过程奖励。`,
  (a: string, b: string) => `The reward model is trained on ${b} and evaluated with ${a}.`,
  (_a: string, _b: string) => '大型语言模型在复杂推理任务中表现出色，但训练成本仍然很高，需要更高效的方法。',
  (_a: string, _b: string) =>
    'Extensive experiments on seven datasets show consistent gains in accuracy and efficiency.',
];

/**
 * `dense`: every sentence names something with a cue and authors are shared widely (a stress test, ~23 edges
 * per paper). Otherwise closer to real notes: a quarter of the sentences name something, and each paper has
 * 5 authors from its lab's pool of 30 (about 20 papers per lab).
 */
export function syntheticPapers(n: number, seed = 1, dense = false): PaperRecord[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const names = Array.from({ length: n }, (_, i) => `Zq${i.toString(36)}RL`);
  const authorPool = Math.max(50, Math.floor(n / 2));
  const papers: PaperRecord[] = [];
  for (let i = 0; i < n; i++) {
    const name = names[i] as string;
    const other = () => (random() < 0.5 ? pick(CONCEPTS) : (names[Math.floor(random() * n)] as string));
    const sentence = () =>
      dense || random() < 0.25
        ? pick(TEMPLATES)(name, other())
        : (pick(TEMPLATES.slice(-2)) as (a: string, b: string) => string)(name, name);
    const text = Array.from({ length: 6 }, (_, k) => ({
      file: `notes/${Math.floor(i / 100)}.md`,
      line: (i % 100) * 20 + k + 1,
      text: [
        k === 0 ? `${pick(LABS)}提出 ${name}：一种新的强化学习方法。` : '',
        sentence(),
        sentence(),
        sentence(),
      ].join(''),
    }));
    const lab = Math.floor(i / 20);
    const authors = dense
      ? Array.from({ length: 8 + Math.floor(random() * 5) }, () => {
          const a = Math.floor(random() * authorPool);
          return `Author${a} Family${a % 97}`;
        })
      : Array.from({ length: 5 }, () => {
          const a = lab * 30 + Math.floor(random() * 30);
          return `Author${a} Family${a % 97}`;
        });
    const month = String(1 + (i % 12)).padStart(2, '0');
    papers.push({
      id: `arxiv:25${month}.${String(i).padStart(5, '0')}` as PaperId,
      label: name,
      title: `${name}: Synthetic Paper ${i}`,
      altTitles: [],
      arxiv: `25${month}.${String(i).padStart(5, '0')}`,
      date: `2025-${month}-${String(1 + (i % 28)).padStart(2, '0')}`,
      authors,
      topic: 'RL',
      topicPath: ['RL'],
      topics: ['RL'],
      summary: text.map((t) => t.text).join('\n'),
      links: [],
      sources: [{ file: text[0]?.file as string, line: text[0]?.line as number }],
      tags: [],
      citedOnly: false,
      text,
    });
  }
  return papers;
}

function main(sizes: number[], dense: boolean): void {
  for (const n of sizes.length ? sizes : [1000, 10000]) {
    const papers = syntheticPapers(n, 1, dense);
    const bytes = papers.reduce((sum, p) => sum + p.text.reduce((s, t) => s + t.text.length, 0), 0);
    // Warm the JIT on the same kind of input first.
    for (let w = 0; w < 3; w++) findLinks(papers.slice(0, 2000));
    // CPU time (user + system) rather than wall time: the machine is shared.
    const runs: number[] = [];
    let result: ReturnType<typeof findLinks> | undefined;
    for (let r = 0; r < (n >= 50000 ? 1 : 3); r++) {
      result = undefined;
      const t0 = process.cpuUsage();
      result = findLinks(papers);
      const used = process.cpuUsage(t0);
      runs.push((used.user + used.system) / 1000);
    }
    runs.sort((a, b) => a - b);
    const ms = runs[Math.floor(runs.length / 2)] as number;
    if (!result) continue;
    const byType: Record<string, number> = {};
    for (const e of result.edges) byType[e.type] = (byType[e.type] ?? 0) + 1;
    console.log(
      `${n} papers, ${(bytes / 1e6).toFixed(1)} M chars: findLinks median ${ms.toFixed(0)} ms CPU ` +
        `(${((ms * 1000) / n).toFixed(1)} µs/paper), ${result.concepts.length} concepts, ${result.edges.length} edges ${JSON.stringify(byType)}, ` +
        `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  }
}

if (!process.env['PAPERMAP_NO_MAIN']) {
  const args = process.argv.slice(2);
  main(
    args.map(Number).filter((x) => x > 0),
    args.includes('--dense'),
  );
}
