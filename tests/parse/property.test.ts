// Property test: random and mutated notes never throw, terminate, yield only valid records, and every
// timestamped line comes out as a paper source or a located diagnostic.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import type { ParseResult } from '../../src/types.js';
import { SEED } from './helpers.js';

const seedLines = readFileSync(SEED, 'utf8').split('\n');
const tokens = [
  '> ',
  '- ',
  '1. ',
  '10. ',
  '   ',
  '```',
  '~~~',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '| a | b |',
  '|---|---|',
  '# ',
  '#### ',
  '**',
  '*',
  '[',
  '](',
  ')',
  '[[',
  ']]',
  '\u200b',
  '🌈 ',
  '｜',
  '：',
  'https://arxiv.org/abs/',
  'arXiv:2506.16024',
  'https://arxiv.org/abs/2513.99999',
  '2025-13-45 10:00:00 Friday ｜ ',
  '2025-06-01 10:00:00 | ',
  '20250604｜',
  '标题：',
  '链接：',
  '作者：',
  '发布时间：2025 年 6 月 25 日 14:58:13（UTC）',
  '+++',
  '---',
];

const line = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...seedLines) },
  { weight: 2, arbitrary: fc.constantFrom(...tokens) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
// A line, possibly truncated and with a token inserted somewhere.
const mutated = fc
  .tuple(line, fc.nat(), fc.option(fc.constantFrom(...tokens), { nil: undefined }), fc.nat(), fc.boolean())
  .map(([l, cut, token, at, truncate]) => {
    let out = truncate && l.length > 0 ? l.slice(0, cut % (l.length + 1)) : l;
    if (token) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + token + out.slice(i);
    }
    return out;
  });
const notes = fc.array(mutated, { maxLength: 60 }).map((ls) => `# Notes\n\n${ls.join('\n')}\n`);
// Slices of the seed itself, shuffled by blocks.
const seedSlices = fc
  .array(fc.tuple(fc.nat(seedLines.length - 1), fc.integer({ min: 1, max: 30 })), {
    minLength: 1,
    maxLength: 6,
  })
  .map((spans) => `# Notes\n\n${spans.map(([s, n]) => seedLines.slice(s, s + n).join('\n')).join('\n\n')}\n`);

const STAMP = /^(?:\d{1,3}[.)]\s+)?[^\p{L}\p{N}]{0,12}?\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?![\d.])/u;

/** Lines inside code blocks, by an independent Markdown parse. */
function codeLines(text: string): Set<number> {
  const tree: Root = fromMarkdown(text, {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
  const out = new Set<number>();
  const visit = (node: {
    type: string;
    position?: { start: { line: number }; end: { line: number } };
    children?: unknown[];
  }) => {
    if (node.type === 'code' && node.position)
      for (let l = node.position.start.line; l <= node.position.end.line; l++) out.add(l);
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(tree as never);
  return out;
}

function checkValid(result: ParseResult, text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  const ids = result.papers.map((p) => p.id);
  expect(ids).toEqual([...ids].sort());
  expect(new Set(ids).size).toBe(ids.length);
  for (const p of result.papers) {
    expect(p.id).toMatch(/^(?:arxiv:(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})|title:.+)$/);
    if (p.arxiv) expect(p.id).toBe(`arxiv:${p.arxiv}`);
    expect(p.title.trim().length).toBeGreaterThan(0);
    expect(p.label.trim().length).toBeGreaterThan(0);
    for (const d of [p.date, p.published]) {
      if (d !== undefined) {
        expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
      }
    }
    expect(p.sources.length).toBeGreaterThan(0);
    for (const s of [...p.sources, ...p.text]) {
      expect(s.line).toBeGreaterThanOrEqual(1);
      expect(s.line).toBeLessThanOrEqual(lineCount);
    }
    expect(p.topic).toBe(p.topicPath[p.topicPath.length - 1] ?? '');
    for (const l of p.links) expect(typeof l.url).toBe('string');
  }
  for (const d of result.diagnostics) {
    expect(d.rule).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
}

function checkNothingLost(result: ParseResult, text: string): void {
  const lines = text.split('\n');
  const code = codeLines(text);
  const sources = new Set(result.papers.flatMap((p) => p.sources.map((s) => s.line)));
  const located = new Set(result.diagnostics.map((d) => d.line));
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    if (!STAMP.test(lines[i]!) || code.has(n)) continue;
    expect(sources.has(n) || located.has(n), `timestamped line ${n} lost: ${JSON.stringify(lines[i])}`).toBe(
      true,
    );
  }
}

describe('property: arbitrary and mutated notes', () => {
  it('never throw, yield valid records, and lose no timestamped entry', () => {
    fc.assert(
      fc.property(fc.oneof(notes, seedSlices), (text) => {
        const result = parseNotes([{ path: 'fuzz.md', text }]);
        checkValid(result, text);
        checkNothingLost(result, text);
        // Deterministic.
        expect(JSON.stringify(parseNotes([{ path: 'fuzz.md', text }]))).toBe(JSON.stringify(result));
      }),
      {
        numRuns: Number(process.env.PARSE_FUZZ_RUNS ?? 200),
        seed: Number(process.env.PARSE_FUZZ_SEED ?? 20250718),
      },
    );
  });

  it('survives arbitrary unicode input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = parseNotes([{ path: 'fuzz.md', text }]);
        checkValid(result, text);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
