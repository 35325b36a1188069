// Rules of src/links/names.ts, core.ts and incremental.ts the session-11 draws (seeds 3122-3124) showed
// untested: which labels and titles name their paper, which parenthesised acronyms an entry defines or claims,
// when the words before an acronym propose it, and `Name arxiv:` lines written without a space.
import { describe, expect, it } from 'vitest';
import {
  labelClaims,
  looksLikeName,
  sentenceClaims,
  stripMarkup,
  type TextClaims,
} from '../../src/links/names.js';
import { createLinkCache, findLinks } from '../../src/links/index.js';
import type { PaperRecord } from '../../src/types.js';
import { edgesFrom, paper } from './helpers.js';

/** What one sentence of the entry `paper` claims, defines and leaves as a concept. */
function claimsOf(sentence: string, entry: Parameters<typeof paper>[1] = {}): TextClaims {
  const out: TextClaims = { claims: [], definitions: [], acronyms: [], arxivNames: [] };
  sentenceClaims(
    sentence,
    paper('arxiv:2599.00001', { label: 'Other Work', title: 'Other Work', ...entry }),
    0,
    new Set(['rl', 'llm', 'zero', 'shot']),
    out,
  );
  return out;
}

describe('a label or a title head names its paper only when it reads as a name', () => {
  it.each([
    // [label (the title is the label), claims]
    ['GRPO-CARE', ['GRPO-CARE label 40']],
    ['CoVo', ['CoVo label 40']],
    ['强化学习综述', []],
    ['Zero-Shot', []],
    ['LLM-based', []],
    ['x', []],
  ])('label %s claims %j', (label, expected) => {
    const claims = labelClaims(paper('arxiv:2599.00002', { label }), 0, new Set(['llm', 'zero', 'shot']));
    expect(claims.map((c) => `${c.name} ${c.how} ${c.strength}`)).toEqual(expected);
  });

  it.each([
    ['Jan-nano 技术报告', 'Jan-nano 技术报告', []],
    ['Jan-nano', 'Jan-nano 技术报告', ['Jan-nano label 40']],
    ['Qwen3', 'Qwen3 Technical Report', ['Qwen3 label 40']],
    // A label that only opens a headline, or that a headline mentions, names nothing by itself.
    ['ChatGPT', 'ChatGPT on the Road', []],
    ['GSPO', '看下Qwen3新范式GSPO', []],
    ['FooRL', 'FooRL: Scaling RL for Reasoning', ['FooRL label 40', 'FooRL title 30']],
    ['多模态推理', '多模态推理：一种方法', []],
  ])('label %s with title %s claims %j', (label, title, expected) => {
    const claims = labelClaims(paper('arxiv:2599.00002', { label, title }), 0, new Set());
    expect(claims.map((c) => `${c.name} ${c.how} ${c.strength}`)).toEqual(expected);
  });
});

describe('what reads as a name', () => {
  it.each([
    ['X', false],
    ['Q', false],
    ['RL', false],
    ['R1', true],
    // 40 characters is still a name, 41 is a phrase glued by hyphens.
    ['Self-Rewarding-Correction-For-Math-Tasks', true],
    ['Self-Rewarding-Correction-For-Math-Tasks2', false],
  ])('%s -> %s', (name, expected) => {
    expect(name.length <= 41).toBe(true);
    expect(looksLikeName(name, new Set(['rl']))).toBe(expected);
  });
});

describe('LaTeX wrappers written with a space before the brace', () => {
  it.each([
    ['$\\mathrm {GRPO}$', 'GRPO'],
    ['\\textbf {Guide}-MTPO', 'Guide-MTPO'],
  ])('%s reads %s', (text, name) => {
    expect(stripMarkup(text)).toBe(name);
  });
});

describe('parenthesised acronyms', () => {
  it.each([
    // One capital is no acronym (`(Ab)`, `(Xy)`): nothing defined, claimed or kept.
    ['We propose Adaptive Blending (Ab) for retrieval.', [], [], []],
    ['本文提出了自适应混合（Xy）方法。', [], [], []],
    // Only the sentence the acronym is in: a propose word in the sentence before says nothing of it.
    [
      'We propose FooNet. Proximal Policy Optimization (PPO) is used as the baseline.',
      [],
      ['PPO=Proximal Policy Optimization'],
      ['PPO'],
    ],
    ['我们提出了 FooNet。近端策略优化（PPO）是基线。', ['FooNet 20'], ['PPO=近端策略优化'], ['PPO']],
    // The propose word right before the long form proposes it (the long form read back takes in the words
    // before it that the initials allow: `We propose Direct Reasoning Optimization`).
    [
      'We propose Direct Reasoning Optimization (DRO) for long answers.',
      ['DRO 20'],
      ['DRO=We propose Direct Reasoning Optimization'],
      [],
    ],
    // ... unless the words after it say the long form is something used.
    [
      'We propose a method based on Direct Reasoning Optimization (DRO).',
      [],
      ['DRO=propose a method based on Direct Reasoning Optimization'],
      ['DRO'],
    ],
    // The last propose word counts, not an earlier one with `using` after it.
    [
      'We present a study using PPO, and then we propose Direct Reasoning Optimization (DRO).',
      ['DRO 20'],
      ['DRO=PPO, and then we propose Direct Reasoning Optimization'],
      [],
    ],
    // A Chinese long form: the propose word close before it, with no comma between and nothing used.
    ['我们提出了直接推理优化（DRO）。', ['DRO 20'], ['DRO=我们提出了直接推理优化'], []],
    ['我们提出了一种方法，称为直接推理优化（DRO）。', ['DRO 20'], ['DRO=称为直接推理优化'], []],
    ['我们提出了新方法，并对比了直接推理优化（DRO）。', [], ['DRO=并对比了直接推理优化'], ['DRO']],
    ['我们提出了基于直接推理优化（DRO）的方法。', [], ['DRO=我们提出了基于直接推理优化'], ['DRO']],
    ['本文介绍了利用直接推理优化（DRO）的训练。', [], ['DRO=本文介绍了利用直接推理优化'], ['DRO']],
    // At most 24 characters between the propose word and the long form.
    [
      '我们提出了一个在 MATH 上稳定提升推理长度的强化学习算法直接推理优化（DRO）。',
      ['DRO 20'],
      ['DRO=定提升推理长度的强化学习算法直接推理优化'],
      [],
    ],
    // 24 characters (`了一个在 MATH 和 GSM8K 等数据集上稳`), then 25.
    [
      '我们提出了一个在 MATH 和 GSM8K 等数据集上稳定提升推理长度的强化学习算法直接推理优化（DRO）。',
      ['DRO 20'],
      ['DRO=定提升推理长度的强化学习算法直接推理优化'],
      [],
    ],
    [
      '我们提出了一个在 MATH 和 GSM8K 等两个数据集上稳定提升推理长度的强化学习算法直接推理优化（DRO）。',
      [],
      ['DRO=定提升推理长度的强化学习算法直接推理优化'],
      ['DRO'],
    ],
    [
      '我们提出了一个在 MATH 和 HumanEval 两个基准上都能稳定提升推理长度的强化学习算法直接推理优化（DRO）。',
      [],
      ['DRO=定提升推理长度的强化学习算法直接推理优化'],
      ['DRO'],
    ],
    // Only the last 80 characters before the acronym are looked at for a propose word.
    [
      'We propose to keep the chain of thought short by rewarding concise answers on math and code tasks (SCoT).',
      [],
      [],
      ['SCoT'],
    ],
    // The initials spell the acronym's letters, whatever joins them (`RA-GRPO`).
    [
      'We compare against Reasoning-Aware Group Relative Policy Optimization (RA-GRPO).',
      [],
      ['RA-GRPO=We compare against Reasoning-Aware Group Relative Policy Optimization'],
      ['RA-GRPO'],
    ],
    // Two capitals are enough.
    ['我们提出了直接推理（DR）。', ['DR 20'], ['DR=我们提出了直接推理'], []],
  ])('%s', (sentence, claims, definitions, acronyms) => {
    const out = claimsOf(sentence);
    expect(out.claims.map((c) => `${c.name} ${c.strength}`)).toEqual(claims);
    expect(out.definitions.map((d) => `${d.name}=${d.longForm}`)).toEqual(definitions);
    expect(out.acronyms.map((a) => a.name)).toEqual(acronyms);
  });

  it.each([
    // The Chinese long form ends with the title's own name (two characters is enough): the entry's own acronym.
    ['魔方：多模态推理', '本文研究魔方（MFR）的性能。', ['MFR 30']],
    ['魔方：多模态推理', '本文研究立方（MFR）的性能。', []],
    ['魔法方块：多模态推理', '本文研究魔法方块（MFR）的性能。', ['MFR 30']],
    // A one-character head (`论 …`) is no name: `理论` does not end with it.
    ['论 推理优化与长思维链', '本文研究理论（DRO）的性能。', []],
  ])('title %s: %s claims %j', (title, sentence, claims) => {
    const out = claimsOf(sentence, { label: 'Other', title });
    expect(out.claims.map((c) => `${c.name} ${c.strength}`)).toEqual(claims);
  });
});

describe('a name given for an arXiv id', () => {
  it.each([
    ['GoT arxiv: https://arxiv.org/pdf/2503.10639', 'GoT'],
    ['GoT-R1：https://arxiv.org/abs/2505.17022', 'GoT-R1'],
    ['GoT-R1: arxiv.org/abs/2505.17022', 'GoT-R1'],
    ['GoT论文: https://arxiv.org/abs/2503.10639', 'GoT'],
    ['* GoT-R1 paper: https://www.arxiv.org/abs/2505.17022', 'GoT-R1'],
  ])('%s names %s', (line, name) => {
    expect(claimsOf(line).arxivNames.map((a) => a.name)).toEqual([name]);
  });
});

const P = 'title:foo';
/** The edges (no mentions) of the entry `FooNet` whose notes are `text`. */
const run = (text: string | string[]): string[] =>
  edgesFrom(findLinks([paper(P, { label: 'FooNet', title: 'FooNet: a method', text })]), P);

describe('an example marker makes a cue an example only before it, in its clause', () => {
  it.each([
    // After the cue, or in an earlier clause: the comparison is the entry's own.
    ['FooNet outperforms PPO on tasks such as math and code.', ['compares concept:ppo']],
    ['FooNet outperforms PPO, for example on math.', ['compares concept:ppo']],
    ['FooNet 优于 PPO，例如在数学任务上。', ['compares concept:ppo']],
    ['We test on benchmarks such as GSM8K and MATH, and FooNet outperforms PPO.', ['compares concept:ppo']],
    // Right before the clause the cue is in (`For example, …`, `例如…，`): an example.
    ['For example, FooNet outperforms PPO.', []],
    ['例如在数学任务上，FooNet 优于 PPO。', []],
  ])('%s', (sentence, expected) => {
    expect(run(sentence)).toEqual(expected);
  });
});

describe('a name the lexicon knows goes to a paper only when the notes tie it firmly', () => {
  it.each([
    // The title's `Name:` ties it: the paper takes the name over.
    [{ label: 'LoRA', title: 'LoRA: Low-Rank Adaptation of Large Language Models' }, 'arxiv:2106.09685'],
    // A label alone, or a name the entry's text proposes, is not enough: the concept keeps it.
    [{ label: 'LoRA', title: 'LoRA' }, 'concept:lora'],
    [{ label: 'LoRA', title: 'Low-Rank Adaptation', text: ['本文提出了低秩适配（LoRA）。'] }, 'concept:lora'],
  ])('%j: `基于 LoRA` builds on %s', (entry, target) => {
    const result = findLinks([
      paper('arxiv:2106.09685', entry),
      paper('arxiv:2599.00009', { label: 'FooTune', text: ['FooTune 基于 LoRA 构建。'] }),
    ]);
    expect(edgesFrom(result, 'arxiv:2599.00009')).toEqual([`builds-on ${target}`]);
  });
});

describe('a cue after a name takes it only close by, in the same clause', () => {
  it.each([
    // At most 12 characters between the name and the cue (12 here, then 13).
    ['PPO 在长链推理实验中的表现相当。', ['compares concept:ppo']],
    ['PPO 在各长链推理实验中的表现相当。', []],
    // No clause break between.
    ['PPO 训练不稳定。', ['critiques concept:ppo']],
    ['PPO 训练很慢，不稳定。', []],
    // `被用于` takes only the name right before it, and a Han cue not the tail of English words before it.
    ['PPO 被用于对齐。', ['uses concept:ppo']],
    ['PPO 常被用于对齐。', []],
    ['论文 PPO 用于对齐。', ['uses concept:ppo']],
    ['Scaling PPO 用于对齐。', []],
    // `的扩展`: only a word for a work may stand between (`GRPO 算法的扩展`), not what is extended.
    ['FooNet 是 GRPO 算法的扩展。', ['builds-on concept:grpo']],
    ['FooNet 是 GRPO 在多轮对话中的扩展。', []],
  ])('%s', (sentence, expected) => {
    expect(run(sentence)).toEqual(expected);
  });
});

describe('the work a parent list item names leaves out the entry itself', () => {
  it.each([
    // `Low-Rank Adaptation` names the entry (the lexicon's LoRA, taken over by its title).
    [
      { label: 'LoRA', title: 'LoRA: Low-Rank Adaptation of Large Language Models' },
      [],
      'Low-Rank Adaptation 和 AlphaProof',
    ],
    // The entry's label names the entry even where it claims nothing by it.
    [{ label: 'LoRA', title: 'Low-Rank Adaptation' }, [], 'LoRA 和 AlphaProof'],
    // A name the entry claims is its own, even where the lexicon keeps it.
    [
      { label: 'FooTune', title: 'FooTune: a method' },
      ['本文提出了低秩适配（LoRA）。'],
      'LoRA 和 AlphaProof',
    ],
  ])('%j, %j: `%s` is about AlphaProof', (fields, lead, item) => {
    const entry = paper('arxiv:2106.09685', fields);
    entry.text = [
      ...lead.map((text, i) => ({ file: 'notes.md', line: 5 + i, text })),
      { file: 'notes.md', line: 10, text: item, indent: 0 },
      { file: 'notes.md', line: 11, text: 'finetune 了 gemini 来做自动形式化。', indent: 3 },
    ];
    const result = findLinks([entry]);
    expect(edgesFrom(result, 'concept:alphaproof')).toEqual(['builds-on concept:gemini']);
    expect(edgesFrom(result, 'arxiv:2106.09685')).toEqual([]);
  });
});

describe('several papers going by one name', () => {
  it.each([
    // The earlier paper keeps the name; the note points at the other one, whichever comes first.
    ['2025-01-01', '2025-02-01', 'b.md:9'],
    ['2025-03-01', '2025-02-01', 'a.md:3'],
  ])('dated %s and %s: the note is at %s', (dateA, dateB, where) => {
    const result = findLinks([
      paper('title:a', {
        label: 'Snarfle',
        title: 'Snarfle: Fast Rollouts',
        date: dateA,
        sources: [{ file: 'a.md', line: 3 }],
      }),
      paper('title:b', {
        label: 'Snarfle',
        title: 'Snarfle: Slow Rollouts',
        date: dateB,
        sources: [{ file: 'b.md', line: 9 }],
      }),
    ]);
    const notes = result.diagnostics.filter((d) => d.rule === 'ambiguous-name');
    expect(notes.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      `${where} "Snarfle" names 2 papers; it links to none of them`,
    ]);
  });
});

describe('names in a parenthesis and version suffixes', () => {
  it.each([
    // A cue outside a parenthesis takes the names listed in it.
    ['FooNet outperforms baselines (PPO, GRPO).', ['compares concept:grpo', 'compares concept:ppo']],
    // A version or size after a model's name makes no new name: the model is what the entry builds on.
    ['我们微调了 Llama-3 来做验证。', ['builds-on concept:llama']],
    ['我们微调了 Llama-3.1 来做验证。', ['builds-on concept:llama']],
    ['我们微调了 Qwen3-4B 来做验证。', ['builds-on concept:qwen3']],
  ])('%s', (sentence, expected) => {
    expect(run(sentence)).toEqual(expected);
  });
});

describe('an own name built on a known name of several words builds on it', () => {
  it.each([
    ['Soft Self-Consistency', 'builds-on concept:self-consistency'],
    ['Fast-Best-of-N', 'builds-on concept:best-of-n'],
  ])('%s: %s', (label, expected) => {
    const entry = paper('arxiv:2402.13212', {
      label,
      title: `${label}: Improving Language Model Agents`,
      text: [`${label} 在多个任务上更好。`],
    });
    expect(edgesFrom(findLinks([entry]), 'arxiv:2402.13212')).toEqual([expected]);
  });
});

describe('a big group links its papers in date order', () => {
  it('each paper to the next by date: the note date first, then the published one, undated last', () => {
    const authors = ['Muhammad Khalifa', 'Lu Wang'];
    const result = findLinks([
      paper('arxiv:2501.00001', { label: 'One', authors, date: '2025-05-01', published: '2024-01-01' }),
      paper('arxiv:2501.00002', { label: 'Two', authors, date: '2025-02-01' }),
      paper('arxiv:2501.00003', { label: 'Three', authors, published: '2025-03-01' }),
      paper('arxiv:2501.00004', { label: 'Four', authors }),
      paper('arxiv:2501.00005', { label: 'Five', authors, date: '2025-04-01' }),
    ]);
    const pairs = result.edges
      .filter((e) => e.type === 'same-group')
      .map((e) => `${e.source.slice(-1)}-${e.target.slice(-1)}`);
    // By date: 2 (02), 3 (03), 5 (04), 1 (05), 4 (none).
    expect(pairs.sort()).toEqual(['1-4', '1-5', '2-3', '3-5']);
  });
});

describe('a paper is never a measure', () => {
  it('an entry outperforming any of 40 papers compares with it', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `arxiv:2501.${String(i).padStart(5, '0')}`);
    const others = ids.map((id, i) => paper(id, { label: `Zq${i}X`, title: `Zq${i}X: a method` }));
    const text = ids.map((_, i) => `FooNet outperforms Zq${i}X.`);
    const result = findLinks([...others, paper(P, { label: 'FooNet', title: 'FooNet: a method', text })]);
    expect(edgesFrom(result, P)).toEqual(ids.map((id) => `compares ${id}`).sort());
  });
});

describe('a paper renamed after a full build: the name table is patched unless an arXiv line names the paper', () => {
  it.each([
    // The paper's own arXiv id, which no entry's `Name arxiv:` line gives: patched.
    [[], 'patched'],
    // Another entry ties a name to that id (its old name, or one of its own): the table is resolved again.
    [['Zorblax arxiv: https://arxiv.org/abs/2507.10001'], 'resolved'],
    [['ZBX arxiv: https://arxiv.org/abs/2507.10001'], 'resolved'],
  ])('other lines %j: %s, and equal to a cold build', (lines, how) => {
    const notes = (name: string): PaperRecord[] => [
      paper('arxiv:2507.10001', {
        label: name,
        title: `${name}: Fast Rollouts for RL`,
        arxiv: '2507.10001',
        text: [`${name} 基于 GRPO。`],
      }),
      paper('arxiv:2507.10002', {
        label: 'BarRL',
        title: 'BarRL: another method',
        arxiv: '2507.10002',
        text: ['BarRL 基于 Zorblax 构建。', ...lines],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes('Zorblax'), { cache });
    const after = notes('Quuxrl');
    const warm = findLinks(after, { cache });
    expect(cache.lastNames).toBe(how);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(findLinks(after)));
  });
});

describe('an edit that drops what made the claims of an entry more than plain names resolves the name table again', () => {
  it.each([
    // Before, the entry gave a name to an arXiv id (`GoT arxiv: …`): its old claims are not simple, whatever the
    // new ones are, and the cited paper loses the name.
    ['GoT arxiv: https://arxiv.org/abs/2503.10639', 'resolved'],
    // Before, the entry defined and claimed DRO.
    ['我们提出了直接推理优化（DRO）。', 'resolved'],
    ['Zorblax 基于 GRPO。', 'patched'],
  ])('`%s` before the rename: %s, and equal to a cold build', (before, how) => {
    const notes = (name: string, text: string): PaperRecord[] => [
      paper('arxiv:2503.10639', {
        label: 'arXiv:2503.10639',
        title: 'arXiv:2503.10639',
        arxiv: '2503.10639',
        citedOnly: true,
      }),
      paper('arxiv:2507.10001', { label: name, title: `${name}: Fast Rollouts for RL`, text: [text] }),
      paper('arxiv:2507.10002', {
        label: 'BarRL',
        title: 'BarRL: another method',
        text: ['BarRL 优于 DRO 和 GoT。'],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes('Zorblax', before), { cache });
    const after = notes('Quuxrl', 'Quuxrl 基于 GRPO。');
    const warm = findLinks(after, { cache });
    expect(cache.lastNames).toBe(how);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(findLinks(after)));
  });
});
