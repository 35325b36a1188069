// Text fixes applied to note markdown before rendering. Pure.

/**
 * GFM autolinks run on through CJK text (`https://x.org/a上获得。`); end a bare URL where non-ASCII text
 * starts. Greedy run plus one lookahead: linear, no backtracking blow-up.
 */
export function splitUrlsFromCjk(markdown: string): string {
  return markdown.replace(/(https?:\/\/[\x21-\x7e]+)(?=[^\x00-\x7f])/g, '$1 ');
}
