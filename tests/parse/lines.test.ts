// The parser reads lines from micromark's events instead of an mdast tree. These tests hold that reader to the
// tree-based reader it replaced (tests/parse/reference-lines.ts) on the seed notes, the fixtures, a generated
// corpus, the adversarial inputs and seeded random Markdown built from every construct the reader handles.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAdversarialFiles, generateCorpus } from '../../bench/corpus.js';
import { mulberry32 } from '../../src/graph/random.js';
import { collectLines, type Line } from '../../src/parse/lines.js';
import { FIXTURES, readNotes, SEED } from './helpers.js';
import { referenceLines } from './reference-lines.js';

function viaEvents(source: string, tables: boolean, offset = 0, skipThrough = 0): Line[] {
  const out: Line[] = [];
  collectLines(source, tables, offset, skipThrough, out);
  return out;
}

function viaTree(source: string, tables: boolean, offset = 0, skipThrough = 0): Line[] {
  const out: Line[] = [];
  const tree = tables
    ? fromMarkdown(source, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })
    : fromMarkdown(source);
  referenceLines(tree, offset, skipThrough, out);
  return out;
}

function same(source: string, offset = 0, skipThrough = 0): void {
  for (const tables of [false, true]) {
    const got = viaEvents(source, tables, offset, skipThrough);
    const want = viaTree(source, tables, offset, skipThrough);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      // Show the smallest readable difference.
      expect({ source, tables, lines: got }).toEqual({ source, tables, lines: want });
    }
  }
}

const INLINE = [
  'plain words',
  '中文 标题 与 English',
  '**bold title**',
  '*emphasis* and _under_',
  '***both***',
  '**bold with [link](https://arxiv.org/abs/2506.16024) inside**',
  '[a link](https://papers.cool/arxiv/2501.00001 "a title")',
  '[spaced link]( <https://x.y/a b> )',
  '[ref link][r1]',
  '[collapsed][]',
  '[r1]',
  '[undefined ref]',
  '[see https://ref.example/in-label][r1]',
  '[arXiv:2401.00001 in a reference][]',
  '![an image](https://img.example/x.png)',
  '[![image in link](i.png)](https://mp.weixin.qq.com/s/abc)',
  '<https://autolink.example/path>',
  '<someone@example.org>',
  '`inline code`',
  '`code with \\| pipe`',
  '``code ` tick``',
  '<b>inline html</b>',
  '<span class="x">',
  'escaped \\*star\\* and \\[bracket\\]',
  'refs &amp; &copy; &#35; &#x4e2d; &#10; &NewLine;',
  'bare https://arxiv.org/abs/2401.12345v2 url',
  'arXiv:2506.16024 and arXiv：2312.00001',
  '[[Wiki Target]] and [[Target|alias]]',
  '[!note] callout',
  'trailing hard break  ',
  'backslash break\\',
  '~~strike~~',
  '**unclosed bold',
  '[unclosed link(',
  '[multi\nline](https://m.l)',
  '**bold\nacross lines**',
  '`code\nacross`',
  'a [link with **bold** label](u) b',
  '2025-07-03 12:00 **Paper Title: A Study**',
  '标题：强化学习 链接：https://papers.cool/arxiv/2507.00001 作者：A, B',
];

const BLOCK = [
  (s: string) => s,
  (s: string) => `# ${s}`,
  (s: string) => `### ${s} ###`,
  (s: string) => `${s}\n===`,
  (s: string) => `${s}\n---`,
  (s: string) => `- ${s}`,
  (s: string) => `* ${s}\n  * nested ${s}`,
  (s: string) => `1. ${s}\n2. second`,
  (s: string) => `6. ${s}`,
  (s: string) => `> ${s}\n> more`,
  (s: string) => `> - ${s}\n>   - deeper`,
  (s: string) => `- > ${s}`,
  () => '-',
  () => '- ',
  () => '1.',
  () => '---',
  () => '***',
  (s: string) => `    indented ${s}`,
  (s: string) => '```js\n' + s + '\n```',
  (s: string) => '~~~\n' + s,
  (s: string) => `<div>\n${s}\n</div>`,
  (s: string) => `<!-- ${s} -->`,
  (s: string) => `<pre>\n\n${s}</pre>`,
  () => '[r1]: https://def.example/r1 "Title"',
  () => '[arXiv:2401.00001 in a reference]: https://def.example/r2',
  (s: string) => `| a | b |\n|---|:-:|\n| ${s.replace(/\n/g, ' ')} | c |\n| \`x\\|y\` | [l](u) |`,
  (s: string) => `- | h |\n  |---|\n  | ${s.replace(/\n/g, ' ')} |`,
  (s: string) => `${s}\nlazy continuation`,
  (s: string) => `- item\n\n  ${s}`,
  (s: string) => `\t- tabbed ${s}`,
];

function randomDocument(rng: () => number, seedLines: readonly string[]): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const blocks: string[] = [];
  const n = 1 + Math.floor(rng() * 8);
  for (let b = 0; b < n; b++) {
    if (rng() < 0.25) {
      const at = Math.floor(rng() * seedLines.length);
      blocks.push(seedLines.slice(at, at + 1 + Math.floor(rng() * 6)).join('\n'));
      continue;
    }
    const parts: string[] = [];
    const k = 1 + Math.floor(rng() * 4);
    for (let j = 0; j < k; j++) parts.push(pick(INLINE));
    blocks.push(pick(BLOCK)(parts.join(rng() < 0.3 ? '\n' : ' ')));
  }
  return blocks.join(rng() < 0.7 ? '\n\n' : '\n');
}

describe('lines from micromark events', () => {
  it('match the tree reader on the seed notes, whole and line by line', () => {
    const seed = readFileSync(SEED, 'utf8');
    same(seed);
    const lines = seed.split('\n');
    for (let i = 0; i < lines.length; i += 40) same(lines.slice(i, i + 60).join('\n'));
    expect(viaEvents(seed, false).length).toBeGreaterThan(300);
  });

  it('match the tree reader on every fixture note', () => {
    const dirs = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'notes')));
    expect(dirs.length).toBeGreaterThanOrEqual(7);
    for (const dir of dirs) for (const file of readNotes(join(FIXTURES, dir, 'notes'))) same(file.text);
  });

  it('match the tree reader on a generated corpus and the adversarial inputs', () => {
    const { files } = generateCorpus({ papers: 400, files: 10, seed: 11 });
    for (const file of files) same(file.text);
    for (const file of generateAdversarialFiles({ lineBytes: 20_000, depth: 120 })) same(file.text);
  });

  it('match the tree reader on seeded random Markdown, with offsets and skipped prefix lines', () => {
    const seedLines = readFileSync(SEED, 'utf8').split('\n');
    const rng = mulberry32(20261125);
    for (let d = 0; d < 1000; d++) {
      const doc = randomDocument(rng, seedLines);
      same(doc, d % 3 === 0 ? 17 : 0, d % 5 === 0 ? 18 : 0);
    }
  });

  it('reads what the entry finder needs from each construct', () => {
    const lines = viaEvents(
      '- **2025-07-03** [Paper A](https://arxiv.org/abs/2506.16024) &amp; `x`\n  > quoted <https://a.b>\n\n|h|\n|-|\n|[c](u)|',
      true,
    );
    expect(lines.map((l) => [l.line, l.kind, l.text, l.item, l.listDepth, l.quoteDepth])).toEqual([
      [1, 'para', '2025-07-03 Paper A & x', true, 1, 0],
      [2, 'para', 'quoted https://a.b', false, 1, 1],
      [4, 'row', 'h', false, 0, 0],
      [6, 'row', 'c', false, 0, 0],
    ]);
    expect(lines[0]!.links.map((l) => [l.label, l.url, l.at])).toEqual([
      ['Paper A', 'https://arxiv.org/abs/2506.16024', 11],
    ]);
    expect(lines[1]!.links.map((l) => l.url)).toEqual(['https://a.b']);
  });
});
