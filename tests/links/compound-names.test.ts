// Compound names: a known name glued by `-` or `+` to other parts (`Marco-o1`, `Critique-GRPO++`,
// `Open-Reasoner-GRPO`) is a name of its own, a derived concept built on the known one; checkpoint and modifier
// parts (`Qwen2.5-Math-7B-Instruct`, `GRPO-v2`) make no new name. One sentence in one entry -> every edge.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { paper } from './helpers.js';

const P = 'title:foo';
const run = (sentence: string): string[] =>
  findLinks([paper(P, { label: 'FooRL', title: 'FooRL: a method', text: [sentence] })])
    .edges.map((e) => `${e.source === P ? 'FooRL' : e.source} ${e.type} ${e.target} [${e.via ?? ''}]`)
    .sort();

describe('compound names', () => {
  const table: [string, string[]][] = [
    // a prefix joined to a two-character name
    [
      'FooRL 优于 Marco-o1。',
      ['FooRL compares concept:marco-o1 [Marco-o1]', 'concept:marco-o1 builds-on concept:o1 [Marco-o1]'],
    ],
    // a prefix of several parts
    [
      'FooRL outperforms Open-Reasoner-GRPO.',
      [
        'FooRL compares concept:open-reasoner-grpo [Open-Reasoner-GRPO]',
        'concept:open-reasoner-grpo builds-on concept:grpo [Open-Reasoner-GRPO]',
      ],
    ],
    // a prefix that is itself a name with a dot: built on both
    [
      'FooRL 优于 Qwen2.5-GRPO。',
      [
        'FooRL compares concept:qwen2.5-grpo [Qwen2.5-GRPO]',
        'concept:qwen2.5-grpo builds-on concept:grpo [Qwen2.5-GRPO]',
        'concept:qwen2.5-grpo builds-on concept:qwen2.5 [Qwen2.5-GRPO]',
      ],
    ],
    [
      'FooRL 优于 DAPO-GRPO。',
      [
        'FooRL compares concept:dapo-grpo [DAPO-GRPO]',
        'concept:dapo-grpo builds-on concept:dapo [DAPO-GRPO]',
        'concept:dapo-grpo builds-on concept:grpo [DAPO-GRPO]',
      ],
    ],
    // `+` suffixes, alone or after a prefix
    [
      'FooRL outperforms GRPO+ and PPO.',
      [
        'FooRL compares concept:grpo+ [GRPO+]',
        'FooRL compares concept:ppo [PPO]',
        'concept:grpo+ builds-on concept:grpo [GRPO+]',
      ],
    ],
    [
      'FooRL outperforms Critique-GRPO++ on MATH.',
      [
        'FooRL compares concept:critique-grpo++ [Critique-GRPO++]',
        'FooRL mentions concept:math [MATH]',
        'concept:critique-grpo++ builds-on concept:grpo [Critique-GRPO++]',
      ],
    ],
    // suffixes of several parts; the sentence's full stop is not part of the name
    [
      'FooRL outperforms GRPO-CARE-v2.',
      [
        'FooRL compares concept:grpo-care-v2 [GRPO-CARE-v2]',
        'concept:grpo-care-v2 builds-on concept:grpo [GRPO-CARE-v2]',
      ],
    ],
    [
      'FooRL 优于 GRPO-lite.v2。',
      [
        'FooRL compares concept:grpo-lite.v2 [GRPO-lite.v2]',
        'concept:grpo-lite.v2 builds-on concept:grpo [GRPO-lite.v2]',
      ],
    ],
    // parts that start or end with the edge letters and digits (`z`, `0`, `9`), and a metric glued on with `@`
    [
      'FooRL outperforms Zeta-GRPO.',
      [
        'FooRL compares concept:zeta-grpo [Zeta-GRPO]',
        'concept:zeta-grpo builds-on concept:grpo [Zeta-GRPO]',
      ],
    ],
    [
      'FooRL outperforms R0-GRPO.',
      ['FooRL compares concept:r0-grpo [R0-GRPO]', 'concept:r0-grpo builds-on concept:grpo [R0-GRPO]'],
    ],
    [
      'FooRL outperforms S1.9-GRPO.',
      [
        'FooRL compares concept:s1.9-grpo [S1.9-GRPO]',
        'concept:s1.9-grpo builds-on concept:grpo [S1.9-GRPO]',
      ],
    ],
    [
      'FooRL outperforms GRPO-9x.',
      ['FooRL compares concept:grpo-9x [GRPO-9x]', 'concept:grpo-9x builds-on concept:grpo [GRPO-9x]'],
    ],
    [
      'FooRL 在 CoT-Pass@K 上优于 GRPO。',
      ['FooRL compares concept:grpo [GRPO]', 'FooRL mentions concept:cot-pass@k [CoT-Pass@K]'],
    ],
    // a one-letter prefix at the very start of the sentence
    [
      'V-GRPO fails to scale.',
      ['FooRL critiques concept:v-grpo [V-GRPO]', 'concept:v-grpo builds-on concept:grpo [V-GRPO]'],
    ],
    // a Han name is never glued to a Latin part
    ['FooRL 优于组相对策略优化-Lite。', ['FooRL compares concept:grpo [组相对策略优化]']],
    // checkpoint and version parts name the same thing
    ['我们使用 Qwen2.5-Math-7B-Instruct 进行实验。', ['FooRL uses concept:qwen2.5 [Qwen2.5]']],
    ['FooRL 优于 GRPO-v2.', ['FooRL compares concept:grpo [GRPO]']],
    ['FooRL 优于 v1.2-GRPO。', ['FooRL compares concept:grpo [GRPO]']],
    // a dash with nothing glued to it joins nothing
    ['FooRL 优于 GRPO 和 -GRPO 变体。', ['FooRL compares concept:grpo [GRPO]']],
    ['FooRL outperforms GRPO-.', ['FooRL compares concept:grpo [GRPO]']],
  ];
  it.each(table)('%s', (sentence, expected) => {
    expect(run(sentence)).toEqual(expected);
  });
});

describe('names inside a web address are no mentions', () => {
  const table: [string, string[]][] = [
    [
      '代码见 https://github.com/example/GRPO-experiments ，FooRL 优于 PPO。',
      ['FooRL compares concept:ppo [PPO]'],
    ],
    ['博客 www.example.com/GRPO-notes 介绍了 FooRL，FooRL 优于 PPO。', ['FooRL compares concept:ppo [PPO]']],
    [
      'See http://example.org/why-GRPO-fails for the code; FooRL outperforms PPO.',
      ['FooRL compares concept:ppo [PPO]'],
    ],
    // outside the address the name counts
    ['FooRL 优于 GRPO（https://example.com/post）。', ['FooRL compares concept:grpo [GRPO]']],
  ];
  it.each(table)('%s', (sentence, expected) => {
    expect(run(sentence)).toEqual(expected);
  });
});
