// The merge key of a title: the fast paths of `normaliseTitle` must give exactly the key of the reference rule
// (NFKC, lower case, runs of non-letters/digits to one space, no space next to Chinese, trimmed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTitle } from '../../src/parse/text.js';

function reference(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s+/g, '')
    .trim();
}

describe('normaliseTitle', () => {
  it.each([
    ['Consistent Paths Lead to Truth', 'consistent paths lead to truth'],
    ['  GRPO-λ: Credit Assignment…  ', 'grpo λ credit assignment'],
    ['DeepSeek-R1: Incentivizing Reasoning (v2)', 'deepseek r1 incentivizing reasoning v2'],
    ['***Tool_Use*** & RL!!', 'tool use rl'],
    ['通过序列级重要性采样桥接强化学习中的探索', '通过序列级重要性采样桥接强化学习中的探索'],
    ['80% 激活值 的 稀疏化', '80激活值的稀疏化'],
    ['ＧＰＴ－４ Ｔｅｃｈｎｉｃａｌ Ｒｅｐｏｒｔ', 'gpt 4 technical report'],
    ['让多模态大模型「想明白再画」！', '让多模态大模型想明白再画'],
    ['', ''],
    ['\t\n', ''],
  ])('%j -> %j', (title, key) => {
    expect(normaliseTitle(title)).toBe(key);
    expect(reference(title)).toBe(key);
  });

  it('gives the reference key for any ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (title) => {
        expect(normaliseTitle(title)).toBe(reference(title));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the reference key for any text', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        ' ',
        '-',
        ':',
        '，',
        '　',
        '「',
        'A',
        'z',
        '7',
        'İ',
        'ß',
        'é',
        'λ',
        '中',
        '文',
        '㐀',
        '鿿',
        'ｱ',
        '①',
      ),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const title = parts.join('');
        expect(normaliseTitle(title)).toBe(reference(title));
      }),
      { numRuns: 3000 },
    );
  });
});
