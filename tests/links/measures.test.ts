// Metrics are measured with, never compared with, used or built on: by name (`MAE`, `BLEU`), or by a long form
// that names a measure (`Expected Calibration Error (ECE)`, `预期校准误差（ECE）`), from the notes or the user's
// lexicon. A metric can still be criticised.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { edgesFrom, paper } from './helpers.js';

const P = 'title:foo';
const FILE = 'papermap.lexicon.toml';

/** The edges of `sentence` in an entry, next to another entry that defines the acronym. */
const withDefinition = (definition: string, sentence: string): string[] =>
  edgesFrom(
    findLinks([
      paper('title:m', { label: 'M', title: 'M study', text: [definition] }),
      paper(P, { label: 'FooNet', title: 'FooNet: a method', text: [sentence] }),
    ]),
    P,
  );

describe('a metric named by its long form', () => {
  it.each([
    ['Calibration is reported as Expected Calibration Error (ECE).', 'ECE'],
    ['We report the Matthews Correlation Coefficient (MCC) of each model.', 'MCC'],
    ['Retrieval is scored by Mean Average Precision (MAP) and Average Recall (AR).', 'AR'],
    ['Texts are compared by Word Mover Distance (WMD).', 'WMD'],
    ['We measure Balanced Accuracy (BA) on each split.', 'BA'],
    ['Answers are judged by Exact Match Score (EMS).', 'EMS'],
    ['Outputs are compared by Embedding Cosine Similarity (ECS).', 'ECS'],
  ])('%s: %s is measured, not compared with', (definition, acronym) => {
    expect(withDefinition(definition, `我们对比了 PPO 和 ${acronym}。`)).toEqual(['compares concept:ppo']);
    expect(withDefinition(definition, `我们指出 ${acronym} 本身存在缺陷。`)).toEqual([
      `critiques concept:${acronym.toLowerCase()}`,
    ]);
  });

  it('an acronym whose long form names no measure is compared with as usual', () => {
    expect(
      withDefinition('We build on Monte Carlo Dropout (MCD) for uncertainty.', '我们对比了 PPO 和 MCD。'),
    ).toEqual(['compares concept:mcd', 'compares concept:ppo']);
  });

  it("a metric of the user's lexicon, its alias written with stray spaces", () => {
    const text = [
      '[[concept]]',
      'name = "CRPS"',
      'aliases = ["Continuous Ranked Probability Score ", " 连续分级概率得分 "]',
      '',
      '[[concept]]',
      'name = "WQL"',
      'aliases = [" weighted quantile loss"]',
      '',
      '[[concept]]',
      'name = "ECE"',
      'aliases = ["预期校准误差"]',
      '',
      '[[concept]]',
      'name = "CA"',
      'aliases = ["分类准确率 "]',
    ].join('\n');
    const edges = (sentence: string) =>
      edgesFrom(
        findLinks([paper(P, { label: 'FooNet', text: [sentence] })], { userLexicon: { file: FILE, text } }),
        P,
      );
    expect(edges('FooNet 在 CRPS 上优于 DeepAR，我们对比了 PPO 和 CRPS。')).toEqual(['compares concept:ppo']);
    // `loss` names no measure here: WQL is compared with.
    expect(edges('我们对比了 PPO、ECE 和 CA。')).toEqual(['compares concept:ppo']);
    expect(edges('我们对比了 PPO 和 WQL。')).toEqual(['compares concept:ppo', 'compares concept:wql']);
  });
});
