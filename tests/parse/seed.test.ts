// The whole seed notes file: every paper it names, merges, field-by-field samples.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import type { PaperRecord, ParseResult } from '../../src/types.js';
import { SEED } from './helpers.js';

const text = readFileSync(SEED, 'utf8');
// Built in each test (beforeEach), not when the file is collected, so that mutation testing (`npm run mutate`)
// knows which tests run which code and reruns only those for each mutant.
let result: ParseResult;
let byArxiv: Map<string, PaperRecord>;
beforeEach(() => {
  result = parseNotes([{ path: 'reinforcement-learning.md', text }]);
  byArxiv = new Map(result.papers.filter((p) => p.arxiv).map((p) => [p.arxiv!, p]));
});
const byLabel = (label: string): PaperRecord => {
  const found = result.papers.filter((p) => p.label === label);
  expect(found, label).toHaveLength(1);
  return found[0]!;
};

describe('seed notes', () => {
  it('turns every distinct arXiv id in the file into a paper with a title', () => {
    const ids = [...new Set([...text.matchAll(/\d{4}\.\d{4,5}/g)].map((m) => m[0]))].sort();
    expect(ids).toHaveLength(43);
    for (const id of ids) {
      const paper = byArxiv.get(id);
      expect(paper, id).toBeDefined();
      expect(paper!.id).toBe(`arxiv:${id}`);
      expect(paper!.title.length, id).toBeGreaterThan(0);
    }
  });

  it('reads the file cleanly: no diagnostics, stable counts', () => {
    expect(result.diagnostics).toEqual([]);
    // POLARIS (line 12) and Polaris (line 121) are one work (issue 10): 54 papers, not 55.
    expect(result.stats).toEqual({ files: 1, entries: 54, papers: 54, mergedDuplicates: 3 });
    expect(result.papers.filter((p) => p.citedOnly).map((p) => p.arxiv)).toEqual([
      '2503.07365',
      '2505.12504',
      '2505.13427',
    ]);
  });

  it('joins the two articles on POLARIS into one work, keeping both places and headlines', () => {
    const polaris = result.papers.filter((p) => /polaris/i.test(p.label));
    expect(polaris).toHaveLength(1);
    expect(polaris[0]!.label).toBe('POLARIS');
    expect(polaris[0]!.sources.map((s) => s.line)).toEqual([12, 121]);
    expect(polaris[0]!.altTitles.join(' ')).toContain('香港大学NLP团队');
  });

  it('merges the two papers that appear twice, keeping both sources and topics', () => {
    const generalist = byArxiv.get('2506.23235')!;
    expect(generalist.sources).toEqual([
      { file: 'reinforcement-learning.md', line: 189 },
      { file: 'reinforcement-learning.md', line: 240 },
    ]);
    expect(generalist.topics).toEqual(['强化学习', '奖励模型', '理论研究']);
    expect(generalist.title).toBe('GENERALIST REWARD MODELS: FOUND INSIDE LARGE LANGUAGE MODELS');
    expect(generalist.altTitles).toContain('通才奖励模型：在大型语言模型中发现');
    expect(generalist.date).toBe('2025-07-01');
    expect(generalist.published).toBe('2025-06-29');

    const reason = byArxiv.get('2506.16712')!;
    expect(reason.sources.map((s) => s.line)).toEqual([218, 396]);
    expect(reason.topics).toEqual(['强化学习', '奖励模型', '奖励模型评估']);
    expect(reason.title).toBe('ReasonGRM: Enhancing Generative Reward Models through Large Reasoning Models');
    expect(reason.label).toBe('ReasonGRM');
    // The Latin author list wins over the Chinese one; the earliest note date is kept.
    expect(reason.authors).toEqual(['Xinzge Gao', 'Chuanrui Hu', 'Penghang Yu', 'Hua Zhang', 'Bing-Kun Bao']);
    expect(reason.date).toBe('2025-06-23');
  });

  it('makes link-less WeChat entries paper nodes too', () => {
    for (const [label, date, topic] of [
      ['StreamBP', '2025-06-24', '长序列训练'],
      ['RewardAnything', '2025-06-27', '奖励模型'],
      ['GSPO', '2025-08-08', 'Qwen3 模型提出GSPO 算法'],
      ['POLARIS', '2025-07-17', '强化学习'],
      ['ProRL', '2025-06-23', '大模型训练'],
    ] as const) {
      const paper = byLabel(label);
      expect(paper.date, label).toBe(date);
      expect(paper.topic, label).toBe(topic);
      expect(paper.citedOnly).toBe(false);
    }
    expect(byLabel('StreamBP').id).toBe('title:无损减少80激活值内存提升5倍训练序列长度仅需两行代码');
  });

  it('gives every timestamped line of the file a paper source', () => {
    const lines = text.split('\n');
    const stamped = lines
      .map((l, i) => ({ l, n: i + 1 }))
      .filter(({ l }) =>
        /^(?:\d+\.\s+)?\D{0,8}?(?:\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \w+day|\d{8}｜)/u.test(l),
      )
      .map(({ n }) => n);
    expect(stamped.length).toBe(43);
    const sources = new Set(result.papers.flatMap((p) => p.sources.map((s) => s.line)));
    expect(stamped.filter((n) => !sources.has(n))).toEqual([]);
  });

  it.each([
    // arxiv, title, label, date, published, topic, first authors, source line
    [
      '2506.08745',
      'Consistent Paths Lead to Truth: Self-Rewarding Reinforcement Learning for LLM Reasoning',
      'CoVo',
      '2025-06-12',
      undefined,
      '强化学习',
      ['Kongcheng Zhang', 'Qi Yao'],
      64,
    ],
    [
      '2506.10406',
      'PAG: Multi-Turn Reinforced LLM Self-Correction with Policy as Generative Verifier',
      'PAG',
      '2025-06-13',
      undefined,
      '强化学习',
      ['Yuhua Jiang', 'Yuwen Xiong'],
      82,
    ],
    [
      '2506.13351',
      'Direct Reasoning Optimization: LLMs Can Reward And Refine Their Own Reasoning for Open-Ended Tasks',
      'DRO',
      '2025-06-18',
      undefined,
      '强化学习',
      ['Yifei Xu', 'Tusher Chakraborty'],
      90,
    ],
    [
      '2506.16141',
      'GRPO-CARE: Consistency-Aware Reinforcement Learning for Multimodal Reasoning',
      'GRPO-CARE',
      '2025-06-24',
      undefined,
      '多模态数学',
      ['Yuying Ge', 'Rui Wang'],
      499,
    ],
    [
      '2507.01352',
      'Skywork-Reward-V2：通过 Human-AI Synergy 扩展首选项数据管理',
      'Skywork-Reward-V2',
      '2025-07-03',
      '2025-07-02',
      '奖励模型',
      ['Chris Yuhao Liu', 'Liang Zeng'],
      153,
    ],
    [
      '2506.20512',
      'OctoThinker: Mid-training Incentivizes Reinforcement Learning Scaling',
      'OctoThinker',
      '2025-06-26',
      '2025-06-25',
      '强化学习',
      ['王增志', '周凡'],
      107,
    ],
    [
      '2504.16828',
      '具有思考能力的流程奖励模型',
      'ThinkPRM',
      '2025-08-08',
      undefined,
      '过程奖励模型PRM',
      ['Khalifa, M', 'Agarwal, R'],
      256,
    ],
    [
      '2506.16024',
      '从通用奖励到定向奖励：在开放式长文本生成任务中超越 GPT-4',
      '从通用奖励到定向奖励',
      '2025-06-23',
      undefined,
      '奖励模型',
      ['郭志涵', '吴杰乐'],
      228,
    ],
    [
      '2312.08935',
      'Math-Shepherd：无需人工标注逐步验证与强化 LLMs',
      'Math-Shepherd',
      '2025-08-08',
      undefined,
      '过程奖励模型PRM',
      ['王培毅', '李磊'],
      336,
    ],
    [
      '2506.15498',
      'SPARE：基于参考引导评估的单次标注框架——面向自动化过程监督与奖励建模',
      'SPARE',
      '2025-06-23',
      undefined,
      '过程奖励模型PRM',
      ['Md Imbesat Hassan Rizvi', 'Xiaodan Zhu'],
      364,
    ],
    [
      '2506.00027',
      'From Mathematical Reasoning to Code: Generalization of Process Reward Models in Test-Time Scaling',
      'From Mathematical Reasoning to Code',
      '2025-06-04',
      undefined,
      '奖励模型',
      [],
      202,
    ],
    [
      '2508.04632',
      'IFDECORATOR: Wrapping Instruction Following Reinforcement Learning with Verifiable Rewards',
      'IFDECORATOR',
      '2025-08-08',
      '2025-08-06',
      'RLVR 可验证奖励的强化学习',
      [],
      444,
    ],
    [
      '2506.08902',
      '强化学习也能预训练？效果可提升20倍，华人新作引爆RL新范式!',
      '强化学习也能预训练？效果可提…',
      '2025-06-30',
      undefined,
      '强化学习',
      [],
      13,
    ],
    [
      '2505.11614',
      'Using Reinforcement Learning to Train Large Language Models to Explain Human Decisions',
      'Using Reinforcement Learning to…',
      '2025-08-08',
      undefined,
      '强化学习',
      [],
      57,
    ],
    [
      '2507.07017',
      '字节&MAP重塑大模型推理算法优化重点，强化学习重在高效探索助力LLM提升上限',
      '字节&MAP重塑大模型推理算…',
      '2025-08-08',
      undefined,
      '结构化探索框架：First Return, Entropy-Eliciting Explore（FR3E）',
      [],
      512,
    ],
  ] as const)('paper %s field by field', (arxiv, title, label, date, published, topic, authors, line) => {
    const p = byArxiv.get(arxiv)!;
    expect(p.title).toBe(title);
    expect(p.label).toBe(label);
    expect(p.date).toBe(date);
    expect(p.published).toBe(published);
    expect(p.topic).toBe(topic);
    expect(p.authors.slice(0, authors.length)).toEqual(authors);
    expect(p.sources).toEqual([{ file: 'reinforcement-learning.md', line }]);
    expect(p.tags).toEqual([]);
  });

  it('keeps a tech-report list as one entry with extra links, and splits GoT / GoT-R1 into two papers', () => {
    const cpgd = byLabel('CPGD');
    expect(cpgd.arxiv).toBeUndefined();
    expect(cpgd.links.filter((l) => l.label === '技术报告').map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/2503.07365',
      'https://arxiv.org/abs/2505.12504',
      'https://arxiv.org/abs/2505.13427',
    ]);
    expect(byArxiv.get('2505.12504')).toMatchObject({
      citedOnly: true,
      sources: [{ line: 41 }],
      topic: '强化学习',
    });

    const got = byArxiv.get('2503.10639')!;
    const gotR1 = byArxiv.get('2505.17022')!;
    expect([got.label, gotR1.label]).toEqual(['GoT', 'GoT-R1']);
    expect(got.links.map((l) => l.url)).toEqual([
      'https://arxiv.org/pdf/2503.10639',
      'https://github.com/rongyaofang/GoT',
    ]);
    expect(gotR1.links.map((l) => l.url)).toEqual([
      'https://mp.weixin.qq.com/s/sPdhPeNMkdBLjtLzI5urwg',
      'https://arxiv.org/pdf/2505.17022',
      'https://github.com/gogoduan/GoT-R1',
    ]);
    expect(gotR1.title).toContain('GoT-R1');
    expect(got.date).toBe('2025-06-26');
    expect(got.sources[0]!.line).toBe(494);
  });

  it('keeps located text spans: titles, abstracts, quoted notes, with the right line numbers', () => {
    const lines = text.split('\n');
    for (const p of result.papers) {
      for (const span of p.text) {
        expect(span.file).toBe('reinforcement-learning.md');
        // Each span's first characters are on its line (markup and spacing ignored).
        const squash = (s: string) => s.replace(/&amp;/g, '&').replace(/[*_`>\s]/g, '');
        expect(squash(lines[span.line - 1]!), `${p.id} ${span.line}`).toContain(
          squash(span.text).slice(0, 6),
        );
      }
    }
    const think = byArxiv.get('2504.16828')!;
    expect(think.text.map((s) => s.line)).toEqual(expect.arrayContaining([256, 260, 262, 321]));
    expect(think.summary).toContain('ThinkPRM');
    expect(think.summary).toContain('#### 八、结语');
    expect(byLabel('CoVo').summary.startsWith('强化学习（RL）的最新进展')).toBe(true);
  });

  it('is deterministic', () => {
    const again = parseNotes([{ path: 'reinforcement-learning.md', text }]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    const ids = result.papers.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
  });
});
