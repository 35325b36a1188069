// Cue tables: one sentence in one entry -> the typed edges it yields (Chinese and English, positive and negative).
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { edgesFrom, paper } from './helpers.js';

const P = 'title:foo';
const run = (sentence: string) =>
  edgesFrom(findLinks([paper(P, { label: 'FooRL', title: 'FooRL: a method', text: [sentence] })]), P, true);

const GRPO = 'concept:grpo';
const PPO = 'concept:ppo';

describe('cues', () => {
  const table: [string, string[]][] = [
    // builds-on, Chinese
    ['基于GRPO，我们设计了新的目标。', [`builds-on ${GRPO}`]],
    ['FooRL在GRPO的基础上引入了动态优势调制。', [`builds-on ${GRPO}`]],
    ['受 AlphaZero 启发，我们用自我对弈训练。', ['builds-on concept:alphazero']],
    ['我们的方法是PPO的变体。', [`builds-on ${PPO}`]],
    ['团队以OpenRLHF为基础构建了框架。', ['builds-on concept:openrlhf']],
    // uses (issue 10): run with the name unchanged, not lineage
    ['我们采用 GRPO（组相对策略优化）方法训练模型。', [`uses ${GRPO}`]],
    [
      '基于 FLAN-T5 和 LLaMA 系列模型的实验表明，FooRL 更好。',
      ['uses concept:flan-t5', 'uses concept:llama'],
    ],
    ['使用Qwen2.5-7B-Base进行的大量实验表明。', ['uses concept:qwen2.5']],
    ['在 GSM8K 上的评估表明 FooRL 更准确。', ['uses concept:gsm8k']],
    ['FooRL 从 Qwen3-4B 进行微调。', ['builds-on concept:qwen3']],
    ['FooRL is fine-tuned from Qwen2.5-7B.', ['builds-on concept:qwen2.5']],
    ['FooRL is evaluated on GSM8K.', ['uses concept:gsm8k']],
    // contrastive, not compared; other work's lineage is background (issue 10)
    ['对比学习（CL）已成为主导范式，FooRL 用于 DPO。', ['mentions concept:dpo']],
    ['Recent GRPO-based methods are heavy.', [`mentions ${GRPO}`]],
    ['现有的方法基于 PPO，计算开销大。', [`mentions ${PPO}`]],
    ['尽管近年来取得了进展，基于 PPO 的模型通常计算量大。', [`mentions ${PPO}`]],
    ['与传统方法不同，FooRL 采用 GRPO 训练。', [`uses ${GRPO}`]],
    ['FooRL 超越了使用完整 PRM800K 训练的验证器。', ['mentions concept:prm800k']],
    ['我们扩展了 DPO 以支持多轮对话。', ['builds-on concept:dpo']],
    // `对…进行了改进` (session 10): the perfective `了`, and `相对` inside the name is no opener
    ['FooRL 对 PPO 进行了改进，去掉了价值网络。', [`builds-on ${PPO}`]],
    ['我们对组相对策略优化（GRPO）进行了改进。', [`builds-on ${GRPO}`]],
    ['FooRL 对 PPO 进行改进。', [`builds-on ${PPO}`]],
    ['这是对 GRPO 的改进。', [`builds-on ${GRPO}`]],
    ['我们对 PPO 进行了分析，但没有改进它。', [`mentions ${PPO}`]],
    // a modal word only turns off a cue right before it (`需要说明：` is no wish about GRPO)
    ['需要说明：我们基于 GRPO 训练。', [`builds-on ${GRPO}`]],
    // builds-on, English
    ['FooRL is based on GRPO with a new advantage.', [`builds-on ${GRPO}`]],
    ['We build on PPO and GRPO.', [`builds-on ${GRPO}`, `builds-on ${PPO}`]],
    ['Our method extends DPO to lists.', ['builds-on concept:dpo']],
    ['FooRL is inspired by AlphaZero.', ['builds-on concept:alphazero']],
    ['FooRL is a variant of PPO.', [`builds-on ${PPO}`]],
    ['We implement it on top of OpenRLHF.', ['builds-on concept:openrlhf']],
    ['A GRPO-based trainer.', [`builds-on ${GRPO}`]],
    ['The policy is trained with GRPO and a KL penalty.', [`uses ${GRPO}`]],
    ['Unlike PPO, FooRL needs no critic.', [`mentions ${PPO}`]],
    ['We compare against DPO on MATH.', ['compares concept:dpo', 'mentions concept:math']],
    // critiques
    ['作者质疑 GRPO 的目标函数设计。', [`critiques ${GRPO}`]],
    ['DeepSeek的GRPO会导致模型崩溃？', [`critiques ${GRPO}`]],
    ['PPO 存在缺陷：价值网络代价高昂。', [`critiques ${PPO}`]],
    ["Claims DeepSeek's GRPO is Ill-Posed.", [`critiques ${GRPO}`]],
    ['We show that DPO is flawed for reasoning.', ['critiques concept:dpo']],
    ['PPO fails to scale to long horizons.', [`critiques ${PPO}`]],
    ['This paper challenges GRPO as a default.', [`critiques ${GRPO}`]],
    // a parenthesis closed before the cue holds no example of it
    ['Methods (e.g. search) and FooRL outperforms GRPO.', [`compares ${GRPO}`]],
    ['基线方法（例如 搜索）和 FooRL 都优于 GRPO。', [`compares ${GRPO}`]],
    // compares
    ['FooRL 优于 GRPO。', [`compares ${GRPO}`]],
    ['FooRL 在数学上超越了 PPO 和 GRPO。', [`compares ${GRPO}`, `compares ${PPO}`]],
    ['与 GRPO 相比，FooRL 更稳定。', [`compares ${GRPO}`]],
    [
      '相比于传统GRPO、RLOO等算法显著缓解了训练不稳定（甚至崩溃）的问题。',
      [`compares ${GRPO}`, 'compares concept:rloo'],
    ],
    [
      'FooRL outperforms PPO, GRPO and DPO on MATH.',
      ['compares concept:dpo', `compares ${GRPO}`, `compares ${PPO}`, 'mentions concept:math'],
    ],
    ['DPO vs. GRPO on image generation.', ['compares concept:dpo', `compares ${GRPO}`]],
    ['DPO与GRPO谁更胜一筹？', ['compares concept:dpo', `compares ${GRPO}`]],
    // negatives: no cue, negated cue, cue pointing elsewhere, solved problems
    ['我们在实验中也报告了 GRPO 的结果。', [`mentions ${GRPO}`]],
    ['FooRL 不是基于 PPO 的方法。', [`mentions ${PPO}`]],
    ['FooRL is not based on PPO.', [`mentions ${PPO}`]],
    ['为了解决这个问题，我们在 GRPO 上做了实验。', [`mentions ${GRPO}`]],
    ['基于规则的奖励，与 PPO 训练流程无关。', [`mentions ${PPO}`]],
    ['GRPO 缓解了训练崩溃问题。', [`mentions ${GRPO}`]],
    ['使用 Reinforcement Learning with Verifiable Rewards 训练。', ['uses concept:rlvr']],
  ];
  it.each(table)('%s', (sentence, expected) => {
    expect(run(sentence)).toEqual([...expected].sort());
  });

  it('`优于 GRPO` is compares, not builds-on', () => {
    const edges = run('FooRL 在所有基准上都优于 GRPO。');
    expect(edges).toContain(`compares ${GRPO}`);
    expect(edges).not.toContain(`builds-on ${GRPO}`);
  });

  it('a name derived from another builds on it (entry-owned and new names)', () => {
    const result = findLinks([
      paper('arxiv:1', {
        label: 'GRPO-CARE',
        title: 'GRPO-CARE: consistency',
        text: ['GRPO-CARE 引入两层奖励。'],
      }),
      paper('arxiv:2', {
        label: 'Guide',
        title: 'Guide: adaptive guidance',
        text: ['Guide-GRPO 比普通模型提高了泛化能力。'],
      }),
      paper('arxiv:3', { label: 'Bar', text: ['我们基于 GRPO++ 训练。'] }),
    ]);
    expect(edgesFrom(result, 'arxiv:1')).toEqual([`builds-on ${GRPO}`]);
    expect(edgesFrom(result, 'arxiv:2')).toEqual([`builds-on ${GRPO}`]);
    expect(edgesFrom(result, 'concept:grpo++')).toEqual([`builds-on ${GRPO}`]);
    expect(edgesFrom(result, 'arxiv:3')).toEqual([`builds-on ${GRPO}`, 'builds-on concept:grpo++']);
  });

  it('a parenthesis after a name describes that name', () => {
    const result = findLinks([
      paper('title:fr3e', {
        label: 'FR3E',
        text: ['FR3E在GRPO++（融合了拒绝采样与Clip-Higher机制的GRPO变体）的基础上，引入动态优势调制。'],
      }),
    ]);
    expect(edgesFrom(result, 'title:fr3e')).toEqual([`builds-on ${GRPO}`, 'builds-on concept:grpo++']);
    expect(edgesFrom(result, 'concept:grpo++')).toEqual([
      'builds-on concept:clip-higher',
      `builds-on ${GRPO}`,
      'builds-on concept:rejection-sampling',
    ]);
  });

  it('an entry that mentions itself yields no self-loop', () => {
    const result = findLinks([
      paper('arxiv:9', { label: 'CoVo', text: ['CoVo 基于 CoVo 的想法，优于 CoVo。'] }),
    ]);
    expect(result.edges).toEqual([]);
  });

  it('evidence is the trimmed sentence with its line; duplicates merge and keep all evidence', () => {
    const result = findLinks([
      paper('arxiv:1', {
        label: 'FooRL',
        text: ['  前言。FooRL 基于 GRPO。  ', '其次，我们基于 GRPO 改写了目标。'],
      }),
    ]);
    const e = result.edges.find((x) => x.key === 'builds-on:arxiv:1->concept:grpo');
    expect(e?.evidence).toEqual(['FooRL 基于 GRPO。', '其次，我们基于 GRPO 改写了目标。']);
    expect(e?.sources).toEqual([
      { file: 'notes.md', line: 10 },
      { file: 'notes.md', line: 11 },
    ]);
    expect(e?.directed).toBe(true);
    expect(e?.confidence).toBeGreaterThan(0.5);
    expect(e?.confidence).toBeLessThanOrEqual(1);
  });
});
