// Text spans -> sentences (the evidence a link quotes) with the line each starts on: Chinese and ASCII
// sentence ends, full stops that end nothing (abbreviations, initials, decimals), and long run-ons cut.
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE, splitSentences } from '../../src/links/sentences.js';

const split = (text: string, line = 10) => splitSentences({ file: 'notes.md', line, text });
const texts = (text: string) => split(text).map((s) => s.text);

describe('splitSentences', () => {
  const table: [string, string[]][] = [
    ['基于GRPO。我们优于PPO！真的吗？是；否', ['基于GRPO。', '我们优于PPO！', '真的吗？', '是；', '否']],
    ['Wow! Really? Yes; no', ['Wow!', 'Really?', 'Yes;', 'no']],
    ['One sentence. Another one.', ['One sentence.', 'Another one.']],
    ['One.\tTwo.', ['One.', 'Two.']],
    ['Ends here.', ['Ends here.']],
    ['Score 3.5 points. Next.', ['Score 3.5 points.', 'Next.']],
    ['See arxiv.org for it. Next.', ['See arxiv.org for it.', 'Next.']],
    ['By J. Smith and Khalifa, M. in 2024. Next.', ['By J. Smith and Khalifa, M. in 2024.', 'Next.']],
    ['A is 2. B is 3.', ['A is 2.', 'B is 3.']],
    ['line one\nline two', ['line one', 'line two']],
    ['  padded.   \n\n', ['padded.']],
    ['', []],
    [' \n \n', []],
  ];
  it.each(table)('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it.each(['vs', 'e.g', 'i.e', 'etc', 'al', 'fig', 'cf', 'dr', 'mr', 'ms', 'no', 'eq', 'sec', 'approx'])(
    'a full stop after `%s.` ends no sentence (in any case)',
    (abbreviation) => {
      expect(texts(`Before ${abbreviation}. after it. Next.`)).toEqual([
        `Before ${abbreviation}. after it.`,
        'Next.',
      ]);
      const upper = abbreviation[0]!.toUpperCase() + abbreviation.slice(1);
      expect(texts(`Before ${upper}. after it.`)).toEqual([`Before ${upper}. after it.`]);
    },
  );

  it('a word that only ends like an abbreviation does end a sentence', () => {
    expect(texts('We beat Rivals. Next.')).toEqual(['We beat Rivals.', 'Next.']);
    expect(texts('That is all. Next.')).toEqual(['That is all.', 'Next.']);
  });

  it('gives each sentence the line of its first non-blank character', () => {
    expect(split('\n\n  First. Second\nThird。\n\n  Fourth', 10).map((s) => `${s.line} ${s.text}`)).toEqual([
      '12 First.',
      '12 Second',
      '13 Third。',
      '15 Fourth',
    ]);
    expect(split('Aa. Bb.\nCc.', 1).map((s) => s.line)).toEqual([1, 1, 2]);
    expect(split('x', 7)[0]).toEqual({ file: 'notes.md', line: 7, text: 'x' });
  });

  it('cuts a run-on longer than MAX_SENTENCE at the last comma before the limit', () => {
    const head = '甲'.repeat(400);
    const tail = '乙'.repeat(300);
    const cut = split(`${head}，${tail}`);
    expect(cut.map((s) => s.text)).toEqual([`${head}，`, tail]);
    expect(cut.every((s) => s.line === 10)).toBe(true);
    // English commas too
    expect(texts(`${'a'.repeat(450)}, ${'b'.repeat(300)}`)).toEqual([`${'a'.repeat(450)},`, 'b'.repeat(300)]);
  });

  it('keeps a sentence of exactly MAX_SENTENCE whole, and cuts a comma-less one at the limit', () => {
    const exact = 'x'.repeat(MAX_SENTENCE);
    expect(texts(exact)).toEqual([exact]);
    const long = 'y'.repeat(MAX_SENTENCE + 50);
    expect(texts(long)).toEqual(['y'.repeat(MAX_SENTENCE + 1), 'y'.repeat(49)]);
    // a comma too early (before half the limit) is no place to cut
    const early = `${'z'.repeat(100)}，${'w'.repeat(MAX_SENTENCE)}`;
    expect(texts(early).map((t) => t.length)).toEqual([MAX_SENTENCE + 1, early.length - MAX_SENTENCE - 1]);
  });
});
