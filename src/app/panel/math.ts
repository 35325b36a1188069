// LaTeX in summaries, pulled out of the markdown before it is rendered. Pure: no DOM.
//
// Math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) is replaced by a placeholder and typeset separately (KaTeX,
// MathML output, sanitized on its own); a few text-mode commands (`\textbf{}`, `\emph{}`…) become markdown.

/** Placeholder for math segment `k`: private-use characters no note contains. */
export const mathToken = (k: number): string => `\uE000${k}\uE001`;
export const MATH_TOKEN = /\uE000(\d+)\uE001/g;

export interface MathSegment {
  tex: string;
  display: boolean;
}

const TEXT_COMMANDS: [RegExp, string][] = [
  [/\\textbf\{([^{}]*)\}/g, '**$1**'],
  [/\\(?:textit|emph)\{([^{}]*)\}/g, '*$1*'],
  [/\\texttt\{([^{}]*)\}/g, '`$1`'],
  [/\\(?:text|textrm|textsf|mathrm)\{([^{}]*)\}/g, '$1'],
  [/\\underline\{([^{}]*)\}/g, '$1'],
];

/**
 * Math out of `markdown`, placeholders in. Inline `$…$` must hug its content (`$x$`, not `$ 5 and $`), stay
 * on one line and not be a price (`$5`…`$6` is text); `\$` is a dollar sign.
 */
export function extractMath(markdown: string): { text: string; math: MathSegment[] } {
  const math: MathSegment[] = [];
  const put = (tex: string, display: boolean) => {
    math.push({ tex: tex.trim(), display });
    return mathToken(math.length - 1);
  };
  let text = markdown
    .replace(/\$\$([\s\S]{1,2000}?)\$\$/g, (_m, tex: string) => put(tex, true))
    .replace(/\\\[([\s\S]{1,2000}?)\\\]/g, (_m, tex: string) => put(tex, true))
    .replace(/\\\(([^\n]{1,500}?)\\\)/g, (_m, tex: string) => put(tex, false))
    .replace(/(^|[^\\$\w])\$(?=\S)([^\n$]{1,500}?)(?<=[^\s\\])\$(?![\w$])/g, (m, pre: string, tex: string) =>
      /^\d+([.,]\d+)?$/.test(tex) ? m : pre + put(tex, false),
    );
  // Text-mode commands, innermost first, a few rounds for nesting (`\textbf{\emph{x}}`).
  for (let round = 0; round < 3; round++) {
    const before = text;
    for (const [re, to] of TEXT_COMMANDS) text = text.replace(re, to);
    if (text === before) break;
  }
  return { text, math };
}
