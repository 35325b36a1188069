// The names papers go by: labels, `Name:` titles, acronyms, "we propose" names, `X arxiv: URL` lines.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { looksLikeName, needsExactCase, sentenceClaims, type TextClaims } from '../../src/links/names.js';
import { edgesFrom, paper } from './helpers.js';

describe('looksLikeName', () => {
  const generic = new Set(['rl', 'llm']);
  it.each([
    ['GRPO-CARE', true],
    ['CoVo', true],
    ['RewardBench 2', true],
    ['Direct Reasoning Optimization', true],
    ['Using Reinforcement Learning to…', false],
    ['From Mathematical Reasoning to Code', false],
    ['生成式验证器', false],
    ['RL', false],
    ['x', false],
    ['bingo', false],
  ])('%s -> %s', (name, expected) => {
    expect(looksLikeName(name, generic)).toBe(expected);
  });

  it.each([
    ['GRACE', true],
    ['Guide', true],
    ['CoVo', false],
    ['GRPO-CARE', false],
    ['IFDECORATOR', false],
  ])('needsExactCase(%s) = %s', (name, expected) => {
    expect(needsExactCase(name)).toBe(expected);
  });
});

/** The target the sentence `基于 <name> 构建。` in another entry links to. */
function linkOf(entry: Parameters<typeof paper>[1], name: string, id = 'arxiv:2501.00001'): string[] {
  const result = findLinks([
    paper(id, entry),
    paper('arxiv:2599.00009', { label: 'Other', text: [`Other 基于 ${name} 构建。`] }),
  ]);
  return edgesFrom(result, 'arxiv:2599.00009');
}

describe('a name of a paper links to the paper', () => {
  const id = 'arxiv:2501.00001';
  const table: [string, Parameters<typeof paper>[1], string][] = [
    ['label that opens the title', { label: 'CoVo', title: 'CoVo 技术报告' }, 'CoVo'],
    [
      '`Name:` title',
      { label: 'Some long title…', title: 'PAG: Multi-Turn Reinforced LLM Self-Correction' },
      'PAG',
    ],
    [
      '`Name：` title, no space after the colon',
      { label: 'Some long title…', title: 'SPIRAL：通过零和游戏自博弈激励推理' },
      'SPIRAL',
    ],
    [
      'acronym after "we propose"',
      { label: 'L…', title: 'Long title', text: ['我们提出了语言微调 （VFT），这是一种干预。'] },
      'VFT',
    ],
    [
      'acronym whose long form is the title',
      {
        label: 'T…',
        title: 'Direct Reasoning Optimization: LLMs Can Reward',
        text: ['我们提出了 Direct Reasoning Optimization (DRO)。'],
      },
      'DRO',
    ],
    [
      'acronym after its own Chinese name',
      {
        label: '生成式验证器',
        title: '生成式验证器：将奖励建模视为下一词元预测',
        text: ['这类生成式验证器（GenRM）能继承优势。'],
      },
      'GenRM',
    ],
    [
      'bold name after 叫做',
      {
        label: '通才奖励建模',
        title: '通才奖励建模的推理时间缩放',
        text: ['提出了一个叫做 **SPCT方法** （Self-Principled Critique Tuning）的方法。'],
      },
      'SPCT',
    ],
    [
      'plain word the entry keeps using',
      {
        label: 'A…',
        title: 'Adaptive Guidance Accelerates RL',
        text: [
          '我们得出$\\text{Guide}$ -一类新的算法。$\\text{Guide}$自适应地加入提示。我们分析$\\text{Guide}$的组件。',
        ],
      },
      'Guide',
    ],
  ];
  it.each(table)('%s', (_how, entry, name) => {
    expect(linkOf(entry, name, id)).toEqual([`builds-on ${id}`]);
  });

  it('a title whose colon comes after more than 40 characters names nothing by the words before it', () => {
    const title =
      'Learning to Reason without External Rewards via Intuitor Self-Certainty Policy Optimizer: Results';
    expect(linkOf({ label: 'L…', title }, 'Intuitor Self-Certainty Policy Optimizer', id)).toEqual([]);
  });

  it('a `Name arxiv: URL` line names that arXiv paper', () => {
    const result = findLinks([
      paper('arxiv:2503.10639', {
        label: 'arXiv:2503.10639',
        title: 'arXiv:2503.10639',
        arxiv: '2503.10639',
        citedOnly: true,
      }),
      paper('arxiv:2505.17022', {
        label: 'GoT-R1',
        text: ['GoT arxiv:https://arxiv.org/pdf/2503.10639', 'GoT-R1 在 GoT 的基础上引入强化学习。'],
      }),
    ]);
    expect(edgesFrom(result, 'arxiv:2505.17022')).toEqual(['builds-on arxiv:2503.10639']);
  });

  it('a name two papers claim alike names neither of them, with an info diagnostic', () => {
    const result = findLinks([
      paper('title:b', { label: 'POLARIS', date: '2025-07-17' }),
      paper('title:a', { label: 'Polaris', date: '2025-08-08' }),
      paper('title:c', { label: 'Other', text: ['Other 优于 POLARIS。'] }),
    ]);
    expect(edgesFrom(result, 'title:c')).toEqual([]);
    expect(result.diagnostics.map((d) => [d.rule, d.severity, d.message])).toEqual([
      ['ambiguous-name', 'info', '"POLARIS" names 2 papers; it links to none of them'],
    ]);
  });

  it('a name many papers claim alike names none, counts each paper once, and yields to a stronger claim', () => {
    // Twelve papers are titled `Zephyrus: …` (more than the few kept in a plain list), and each also proposes
    // `Zephyrus` in its text: the same paper claiming twice must count once.
    const tied = Array.from({ length: 12 }, (_, i) =>
      paper(`title:t${String(i).padStart(2, '0')}`, {
        label: `Study ${i}`,
        title: `Zephyrus: Study ${i}`,
        date: `2025-0${(i % 9) + 1}-10`,
        text: ['我们提出了 Zephyrus，一种新方法。'],
      }),
    );
    const citing = paper('title:z', { label: 'Citer', text: ['Citer 优于 Zephyrus。'] });
    const result = findLinks([...tied, citing]);
    // Twelve papers alike: the name is none of theirs (a hub of one of them would be an artefact).
    expect(edgesFrom(result, 'title:z')).toEqual([]);
    const notes = result.diagnostics.filter((d) => d.rule === 'ambiguous-name');
    expect(notes.map((d) => d.message)).toEqual(['"Zephyrus" names 12 papers; it links to none of them']);
    // A paper labelled `Zephyrus` (a label outranks a title) takes the name from all of them.
    const firm = paper('title:y', { label: 'Zephyrus', title: 'Zephyrus', date: '2025-12-01' });
    const after = findLinks([...tied, firm, citing]);
    expect(edgesFrom(after, 'title:z')).toEqual(['compares title:y']);
    expect(after.diagnostics.filter((d) => d.rule === 'ambiguous-name')).toEqual([]);
  });

  it('a plain word without support, a generic acronym, or a lexicon name mentioned in passing is no claim', () => {
    expect(linkOf({ label: 'T…', title: 'Some title', text: ['我们提出了 Bingo。'] }, 'Bingo')).toEqual([]);
    // A label the parser took from the middle of a headline is a name the headline mentions (issue 10).
    expect(linkOf({ label: 'ViT', title: '使用预训练的ViT表示来调节CNN特征' }, 'ViT')).toEqual([]);
    expect(linkOf({ label: 'CUDA', title: '华为版CUDA全面开源了' }, 'CUDA')).toEqual([]);
    expect(linkOf({ label: 'T…', title: 'Some title', text: ['强化学习（RL）很有用。'] }, 'RL')).toEqual([]);
    expect(
      linkOf(
        { label: 'T…', title: '隐式奖励：SFT 和 DPO 的统一视图', text: ['直接偏好优化 （DPO）是一种方法。'] },
        'DPO',
      ),
    ).toEqual(['builds-on concept:dpo']);
  });
});

describe('names a paper does not own (daily-reports sample, issue 10)', () => {
  it('an adjective made with a suffix (`LLM-based`) is no proposed name', () => {
    expect(looksLikeName('LLM-based', new Set(['llm']))).toBe(false);
    expect(looksLikeName('GRPO-driven', new Set())).toBe(false);
    expect(looksLikeName('GRPO-CARE', new Set())).toBe(true);
    expect(
      linkOf(
        {
          label: 'T…',
          title: 'Bridging ASR and LLMs',
          text: ['We study (2) introducing LLM-based decoding.'],
        },
        'LLM-based',
      ),
    ).toEqual([]);
  });

  it('an acronym claimed only near a propose word is no name once another entry spells it out', () => {
    const claimant = paper('arxiv:2508.03420', {
      label: 'Variety Is the Spice of Life',
      title: 'Variety Is the Spice of Life: Detecting Misinformation',
      text: ['我们提出了一种误信息检测方法，称为 Misinformation Detection (MD)。'],
    });
    const citing = paper('arxiv:2599.00009', { label: 'Other', text: ['Other 基于 MD 构建。'] });
    // Alone, the passing claim stands.
    expect(edgesFrom(findLinks([claimant, citing]), 'arxiv:2599.00009')).toEqual([
      'builds-on arxiv:2508.03420',
    ]);
    // Another entry spells `MD` out as its own term (`Molecular dynamics (MD)`): the acronym is nobody's name.
    const definer = paper('arxiv:2508.03709', {
      label: 'MD-LLM-1',
      title: 'MD-LLM-1: A Large Language Model for Molecular Dynamics',
      text: ['Molecular dynamics (MD) is a powerful approach for modelling molecular systems.'],
    });
    const result = findLinks([claimant, definer, citing]);
    expect(edgesFrom(result, 'arxiv:2599.00009').filter((e) => e.includes('arxiv:2508.03420'))).toEqual([]);
    expect(edgesFrom(result, 'arxiv:2508.03709').filter((e) => e.includes('arxiv:2508.03420'))).toEqual([]);
  });

  it('another entry spelling the acronym out in the plural, or with an inner s, makes it nobody’s name too', () => {
    // `大型动作模型（LAMs）`: a plural spells out the singular `LAM`.
    const lam = paper('arxiv:2412.10047', {
      label: 'LAM',
      title: 'Large Action Models: From Inception to Implementation',
      text: ['我们提出了一种智能体框架，称为 Large Action Model (LAM)。'],
    });
    const lamCiting = paper('arxiv:2599.00010', { label: 'Other', text: ['Other 基于 LAM 构建。'] });
    const lams = paper('arxiv:2507.03003', {
      label: 'AgentX',
      title: 'AgentX: agents that act',
      text: ['大型动作模型（LAMs）正在兴起。'],
    });
    expect(edgesFrom(findLinks([lam, lamCiting]), 'arxiv:2599.00010')).toEqual([
      'builds-on arxiv:2412.10047',
    ]);
    expect(edgesFrom(findLinks([lam, lams, lamCiting]), 'arxiv:2599.00010')).toEqual([]);
    // `AsyncRL` ends in no plural `s` (its `As` is no plural either): spelt out as it is.
    const claimant = paper('arxiv:2507.01001', {
      label: 'AsyncFlow',
      title: 'AsyncFlow: efficient RL post-training',
      text: ['我们提出了一种异步训练框架，称为 AsyncRL。'],
    });
    const citing = paper('arxiv:2599.00009', { label: 'Other', text: ['Other 基于 AsyncRL 构建。'] });
    const definer = paper('arxiv:2507.02002', {
      label: 'StreamRL',
      title: 'StreamRL: scalable RL',
      text: ['异步强化学习（AsyncRL）是提高吞吐量的常用做法。'],
    });
    expect(edgesFrom(findLinks([claimant, citing]), 'arxiv:2599.00009')).toEqual([
      'builds-on arxiv:2507.01001',
    ]);
    expect(edgesFrom(findLinks([claimant, definer, citing]), 'arxiv:2599.00009')).toEqual([
      'uses concept:asyncrl',
    ]);
  });

  it('a label alone does not take a lexicon name from its concept; a title naming the paper does', () => {
    const citing = paper('arxiv:2599.00001', {
      label: 'Other',
      title: 'Other: x',
      text: ['我们基于 LoRA 微调模型。'],
    });
    const report = paper('arxiv:2106.09685', { label: 'LoRA', title: 'LoRA 技术报告', text: ['低秩适配。'] });
    expect(edgesFrom(findLinks([report, citing]), 'arxiv:2599.00001')).toEqual(['builds-on concept:lora']);
    const titled = { ...report, title: 'LoRA: Low-Rank Adaptation of Large Language Models' };
    expect(edgesFrom(findLinks([titled, citing]), 'arxiv:2599.00001')).toEqual([
      'builds-on arxiv:2106.09685',
    ]);
  });

  it('an own compound name builds on a paper only when the entry names that paper as a word of its own', () => {
    const omni = paper('arxiv:2508.06584', {
      label: 'Omni Geometry Representation Learning',
      title: 'Omni Geometry Representation Learning vs Large Language Models',
      text: ['To address this limitation, we propose Omni, a geospatial ER model.'],
    });
    const bench = (text: string) =>
      paper('arxiv:2508.07173', {
        label: 'Omni-SafetyBench',
        title: 'Omni-SafetyBench: A Benchmark for Safety Evaluation of Audio-Visual LLMs',
        text: [text],
      });
    const glued = bench('The rise of Omni-modal Large Language Models needs safety evaluations.');
    expect(edgesFrom(findLinks([omni, glued]), 'arxiv:2508.07173')).toEqual([]);
    const alone = bench('We extend Omni to safety: Omni and Omni-SafetyBench are open.');
    expect(edgesFrom(findLinks([omni, alone]), 'arxiv:2508.07173')).toContain('builds-on arxiv:2508.06584');
  });
});

describe('an acronym defined by the initials of its long form', () => {
  // Small words (`to`, `of`, `for`) are not spelled by the acronym: `Learning to Rank (LR)`, `Chain of Thought (CT)`.
  it.each([
    ['Methods of Learning to Rank (LR) are used for retrieval.', 'LR'],
    ['We use Mixture of Experts (ME) models.', 'ME'],
    ['Proximal Policy Optimization (PPO) is used.', 'PPO'],
  ])('%s defines %s with its long form', (sentence, acronym) => {
    const out: TextClaims = { claims: [], definitions: [], acronyms: [], arxivNames: [] };
    sentenceClaims(
      sentence,
      paper('arxiv:2599.00001', { label: 'Other Work', title: 'Other Work' }),
      0,
      new Set(),
      out,
    );
    expect(out.definitions.map((d) => d.name)).toContain(acronym);
  });
  it('an acronym the words before it do not spell is no definition', () => {
    const out: TextClaims = { claims: [], definitions: [], acronyms: [], arxivNames: [] };
    sentenceClaims('We study Learning to Rank (XQ) methods.', paper('arxiv:2599.00001'), 0, new Set(), out);
    expect(out.definitions).toEqual([]);
  });
});
