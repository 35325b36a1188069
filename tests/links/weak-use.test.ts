// A weak "uses" cue (采用, 使用了, uses, employs) is running with a name unchanged: a *uses* edge, never *builds
// on*. Right after a compares cue it describes what is compared with: `FooRL 优于采用 GRPO 训练的模型` compares
// FooRL with GRPO-trained models, so FooRL neither uses nor builds on GRPO (a mention only). A stronger cue
// (扩展了, extends) keeps its builds-on next to a comparison or critique.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { edgesFrom, paper } from './helpers.js';

const P = 'title:foo';
const run = (sentence: string) =>
  edgesFrom(findLinks([paper(P, { label: 'FooRL', title: 'FooRL: a method', text: [sentence] })]), P, true);

describe('a weak uses-cue next to compares or critiques on the same name', () => {
  const table: [string, string[]][] = [
    // weak use inside what is compared: a mention, neither uses nor builds-on
    ['FooRL 优于采用 GRPO 训练的模型。', ['mentions concept:grpo']],
    ['FooRL 优于使用了 PPO 的基线。', ['mentions concept:ppo']],
    ['FooRL 批评了采用 GRPO 训练的模型。', ['mentions concept:grpo']],
    // a use after the compared name, or in its own clause, is the entry's own
    ['FooRL 优于 PPO，采用 GRPO 训练。', ['compares concept:ppo', 'uses concept:grpo']],
    ['FooRL outperforms PPO and uses GRPO.', ['compares concept:ppo', 'uses concept:grpo']],
    // weak use + critiques: only critiques
    ['采用 GRPO 训练的模型存在缺陷。', ['critiques concept:grpo']],
    ['Models that uses PPO fail to scale.', ['critiques concept:ppo']],
    // a stronger cue on the same name is kept beside the comparison or critique
    // a use says less than a comparison of the same name
    ['FooRL adopts GRPO vs PPO.', ['compares concept:grpo', 'compares concept:ppo']],
    ['FooRL 扩展了 GRPO 的不足。', ['builds-on concept:grpo', 'critiques concept:grpo']],
    // a weak use alone is a use
    ['我们采用 GRPO 训练模型。', ['uses concept:grpo']],
    ['We employs PPO for training.', ['uses concept:ppo']],
  ];
  it.each(table)('%s', (sentence, expected) => {
    expect(run(sentence)).toEqual(expected);
  });
});

describe('a use of a benchmark is running on it, not building on it', () => {
  const table: [string, string[]][] = [
    ['我们采用 GSM8K 评测模型。', ['uses concept:gsm8k']],
    ['我们使用 MATH 进行评测。', ['uses concept:math']],
    ['We uses GSM8K to evaluate.', ['uses concept:gsm8k']],
    // a derivation cue builds on a benchmark; 基于 alone does not say derivation for a dataset
    ['我们扩展了 GSM8K。', ['builds-on concept:gsm8k']],
    ['我们基于 GSM8K 构建了新基准。', ['uses concept:gsm8k']],
    // other types keep their type on a benchmark, however weak their cue
    ['GSM8K is not enough.', ['critiques concept:gsm8k']],
    ['FooRL 优于 GSM8K 上的基线。', ['compares concept:gsm8k']],
    // and a weak use of a method is a use too
    ['我们使用 PPO 训练。', ['uses concept:ppo']],
  ];
  it.each(table)('%s', (sentence, expected) => {
    expect(run(sentence)).toEqual(expected);
  });
});
