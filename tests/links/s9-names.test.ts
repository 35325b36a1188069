// Who goes by a name, on the rules the session-9 mutants showed untested: a metric named by its own label, the
// tie-break between two papers claiming a name alike, `also called` right before a proposed name, a title's
// `Name:` head and a label a headline holds as its own word.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { edgesFrom, paper } from './helpers.js';

const P = 'title:foo';

describe('a metric named by its own label', () => {
  it('a derived name that ends like a measure (`GPT-4-Score`) is measured, each time it is written', () => {
    const edges = (text: string[]): string[] =>
      edgesFrom(findLinks([paper(P, { label: 'FooRL', title: 'FooRL: a method', text })]), P, true);
    const expected = ['compares concept:ppo', 'mentions concept:gpt-4-score'];
    expect(edges(['我们对比了 PPO 和 GPT-4-Score。'])).toEqual(expected);
    // Written a second time (the concept is found again, not made): still a metric, not compared with.
    expect(edges(['GPT-4-Score 是常用的评价方式。', '我们对比了 PPO 和 GPT-4-Score。'])).toEqual(expected);
  });
});

describe('two papers claiming a name alike', () => {
  it('the earlier paper in the input order keeps it; the note points at the other one', () => {
    // `title:snarfle` is named by its title; another entry's `Snarfle arxiv:` line names the arXiv paper too.
    const result = findLinks([
      paper('arxiv:2501.00001', {
        label: 'arXiv:2501.00001',
        title: 'arXiv:2501.00001',
        arxiv: '2501.00001',
        citedOnly: true,
        sources: [{ file: 'cited.md', line: 3 }],
      }),
      paper('title:snarfle', {
        label: 'Snarfle: Fast Rollouts',
        title: 'Snarfle: Fast Rollouts for RL',
        sources: [{ file: 'snarfle.md', line: 7 }],
      }),
      paper('title:citer', {
        label: 'Citer',
        text: ['Snarfle arxiv: https://arxiv.org/abs/2501.00001', 'Citer 基于 Snarfle 构建。'],
        sources: [{ file: 'citer.md', line: 1 }],
      }),
    ]);
    expect(edgesFrom(result, 'title:citer')).toEqual([]);
    const notes = result.diagnostics.filter((d) => d.rule === 'ambiguous-name');
    expect(notes.map((d) => [d.file, d.line, d.message])).toEqual([
      ['snarfle.md', 7, '"Snarfle" names 2 papers; it links to none of them'],
    ]);
  });
});

/** The edges of an entry citing `name`, next to the entry under test. */
const citingXqt = (entry: Parameters<typeof paper>[1], name = 'XQT'): string[] =>
  edgesFrom(
    findLinks([
      paper('arxiv:2508.00001', entry),
      paper(P, { label: 'FooNet', title: 'FooNet: a method', text: [`FooNet 优于 ${name}。`] }),
    ]),
    P,
  );

describe('a name two papers claim alike', () => {
  it('is a concept of its own once two other entries mention it', () => {
    const result = findLinks([
      paper('title:b', { label: 'POLARIS', date: '2025-07-17' }),
      paper('title:a', { label: 'Polaris', date: '2025-08-08' }),
      paper('title:c', { label: 'Citer', text: ['Citer 优于 POLARIS。'] }),
      paper('title:d', { label: 'Builder', text: ['Builder 基于 POLARIS 构建。'] }),
    ]);
    expect(edgesFrom(result, 'title:c')).toEqual(['compares concept:polaris']);
    expect(edgesFrom(result, 'title:d')).toEqual(['uses concept:polaris']);
  });
});

describe('a proposed name right after `also called`', () => {
  it.each([
    ['The OPTQ framework, also called XQT, is widely used.', []],
    ['该框架通常被称为 XQT，应用广泛。', []],
    // An `also known as` earlier in the sentence says nothing of the name proposed later.
    [
      'GPTQ, also known as OPTQ, quantises weights one layer at a time; we propose a variant called XQT, which is faster.',
      ['compares arxiv:2508.00001'],
    ],
    ['We propose a quantiser called XQT, which is faster.', ['compares arxiv:2508.00001']],
  ])('%s', (sentence, expected) => {
    expect(citingXqt({ label: 'Analysis of OPTQ', title: 'Analysis of OPTQ', text: [sentence] })).toEqual(
      expected,
    );
  });
});

describe('an acronym the entry owns without a propose word', () => {
  it.each([
    // its long form is the title's `Name:` head
    ['Extra Quiet Training: Stable Low-Bit Training', 'Extra Quiet Training (EQT) keeps the loss stable.'],
    ['Extra Quiet Training : Stable Low-Bit Training', 'Extra Quiet Training (EQT) keeps the loss stable.'],
    ['Extra Quiet Training', 'Extra Quiet Training (EQT) keeps the loss stable.'],
  ])('title %s', (title, sentence) => {
    // (A label of its own, so that only the title can back the long form.)
    expect(citingXqt({ label: '低比特训练', title, text: [sentence] }, 'EQT')).toEqual([
      'compares arxiv:2508.00001',
    ]);
  });

  it('a label glued to more letters in the headline (`XQTv2`) is not a word of it', () => {
    expect(
      citingXqt({
        label: 'XQT',
        title: '看下 XQTv2 的低比特训练新范式',
        text: ['Extra Quiet Training (XQT) 让低比特训练更稳定。'],
      }),
    ).not.toContain('compares arxiv:2508.00001');
  });

  it('a label a headline holds as a word of its own (`…新范式XQT`) is the acronym the text spells out', () => {
    expect(
      citingXqt({
        label: 'XQT',
        title: '看下Qwen3新范式XQT',
        text: ['Extra Quiet Training (XQT) 让低比特训练更稳定。'],
      }),
    ).toEqual(['compares arxiv:2508.00001']);
  });
});

describe('a variant named after a paper of the notes', () => {
  it('building on it is building on that paper', () => {
    const result = findLinks([
      paper('arxiv:2503.10639', { label: 'GoT', title: 'GoT: Unleashing Reasoning Capability of MLLM' }),
      paper('arxiv:2505.17022', {
        label: 'GoT-R1',
        title: 'GoT-R1: Unleashing Reasoning',
        text: ['GoT-R1 在 GoT 的基础上引入强化学习。'],
      }),
      paper(P, { label: 'FooNet', title: 'FooNet: a method', text: ['FooNet 基于 GoT-Lite 构建。'] }),
    ]);
    expect(edgesFrom(result, P)).toEqual(['builds-on arxiv:2503.10639', 'builds-on concept:got-lite']);
  });
});

describe('a variant written two ways', () => {
  it('building on it is building on its base, through both spellings', () => {
    const result = findLinks([
      paper(P, {
        label: 'FooRL',
        title: 'FooRL: a method',
        text: ['FooRL 基于 GRPO-Lite 构建。', '我们在 GRPO-lite 的基础上加入了过程奖励。'],
      }),
    ]);
    expect(
      result.edges.filter((e) => e.source === P).map((e) => `${e.type} ${e.target} [${e.via ?? ''}]`),
    ).toEqual([
      'builds-on concept:grpo [GRPO-Lite; GRPO-lite]',
      'builds-on concept:grpo-lite [GRPO-Lite; GRPO-lite]',
    ]);
  });
});

describe("another entry spelling out a paper's acronym", () => {
  it('links to the paper: only a lexicon concept can be redefined locally', () => {
    const result = findLinks([
      paper('arxiv:2508.00001', {
        label: 'EQT',
        title: 'EQT: Extra Quiet Training for Low-Bit Models',
        text: ['Extra Quiet Training (EQT) keeps the loss stable.'],
      }),
      paper(P, {
        label: 'FooNet',
        title: 'FooNet: a method',
        text: ['Extra Quiet Training (EQT) 是一种低比特训练方法。', 'FooNet 基于 EQT 构建。'],
      }),
    ]);
    expect(edgesFrom(result, P)).toEqual(['builds-on arxiv:2508.00001']);
  });
});

describe('a nested list item is about the one work its parent names', () => {
  it.each(['AlphaProof，来自 Google DeepMind', 'Tsinghua 的 AlphaProof'])(
    'a lab named beside the work (%s) is no second work',
    (parent) => {
      const entry = paper(P, { label: 'FooNet', title: 'FooNet: a method' });
      entry.text = [
        { file: 'notes.md', line: 10, text: parent, indent: 0 },
        { file: 'notes.md', line: 11, text: 'finetune 了 gemini 来做自动形式化。', indent: 3 },
      ];
      const result = findLinks([entry]);
      expect(edgesFrom(result, 'concept:alphaproof')).toEqual(['builds-on concept:gemini']);
      expect(edgesFrom(result, P)).toEqual([]);
    },
  );
});

describe('a shared term a paper is named by', () => {
  it("a title that opens with an acronym three entries spell out keeps it as the paper's name", () => {
    const definers = ['1', '2', '3'].map((n) =>
      paper(`arxiv:2507.0000${n}`, {
        label: `Study ${n}`,
        title: `Study ${n}: graph models`,
        text: ['我们的模型采用 Graph Neural Network (GNN) 作为编码器。'],
      }),
    );
    const result = findLinks([
      paper('arxiv:1812.08434', {
        label: 'A Review of Methods and Applications',
        title: 'GNN: A Review of Methods and Applications',
      }),
      ...definers,
      paper(P, { label: 'FooNet', title: 'FooNet: a method', text: ['FooNet 优于 GNN。'] }),
    ]);
    expect(edgesFrom(result, P)).toEqual(['compares arxiv:1812.08434']);
  });
});

describe("a label that is only a headline's first word", () => {
  it('names nothing (`Stackelberg Coupling of …`), unlike a label the title opens with as its name', () => {
    const cite = (title: string) =>
      edgesFrom(
        findLinks([
          paper('arxiv:2508.00002', { label: 'Stackelberg', title }),
          paper(P, { label: 'FooNet', title: 'FooNet: a method', text: ['FooNet 基于 Stackelberg 构建。'] }),
        ]),
        P,
      );
    expect(cite('Stackelberg Coupling of Plasticity and Stability in Deep RL')).toEqual([]);
    expect(cite('Stackelberg: Coupling Plasticity and Stability in Deep RL')).toEqual([
      'builds-on arxiv:2508.00002',
    ]);
  });
});
