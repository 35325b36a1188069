import { describe, expect, it } from 'vitest';
import { extractMath, mathToken } from '../../src/app/panel/math.js';

const T = mathToken;

describe('LaTeX in summaries', () => {
  it.each([
    ['energy $E=mc^2$ here', `energy ${T(0)} here`, [{ tex: 'E=mc^2', display: false }]],
    ['$$\\sum_i x_i$$', T(0), [{ tex: '\\sum_i x_i', display: true }]],
    [
      'a \\(x^2\\) b \\[y\\]',
      `a ${T(1)} b ${T(0)}`,
      [
        { tex: 'y', display: true },
        { tex: 'x^2', display: false },
      ],
    ],
    ['costs $5 and $6 each', 'costs $5 and $6 each', []],
    ['price $5$ only', 'price $5$ only', []],
    ['a \\$ sign and $ spaced $', 'a \\$ sign and $ spaced $', []],
    ['two\nlines $a\nb$', 'two\nlines $a\nb$', []],
    ['模型在$\\alpha$上', `模型在${T(0)}上`, [{ tex: '\\alpha', display: false }]],
  ])('%j', (input, text, math) => {
    const out = extractMath(input);
    expect(out.text).toBe(text);
    expect(out.math).toEqual(math);
  });

  it.each([
    ['we introduce \\textbf{KNOW} prediction', 'we introduce **KNOW** prediction'],
    ['\\emph{and} \\textit{or}', '*and* *or*'],
    ['\\texttt{code}', '`code`'],
    ['\\textbf{\\emph{both}}', '***both***'],
    ['\\text{plain}', 'plain'],
  ])('text-mode %j', (input, text) => {
    expect(extractMath(input).text).toBe(text);
  });

  it('stays linear on a long line of dollar signs', () => {
    const line = '$a'.repeat(50_000);
    const t = performance.now();
    extractMath(line);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
