// Session 9 (parseB): what `prepare` does to a note before Markdown parsing, read on real-shaped lines:
// over-deep nesting flattened (its first levels kept), the count of over-long lines, and where a big note is cut
// into chunks (at blank lines before a new block, never inside a code fence).
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { prepare, type PrepareLimits } from '../../src/parse/prepare.js';
import type { Diagnostic } from '../../src/types.js';

// `maxNesting: 3` as the parser derives it: three markers and 12 columns of container prefix.
const limits = (over: Partial<PrepareLimits> = {}): PrepareLimits => ({
  maxLineLength: 5000,
  maxNesting: 3,
  maxIndent: 12,
  chunkChars: 16_000,
  maxBlockChars: 4000,
  ...over,
});

describe('over-deep nesting is flattened, keeping the levels within the bound', () => {
  it.each([
    // The first three quote markers stay: the line is still a quote, three deep.
    ['a quote five deep', '> > > > > 嵌套很深的引用 deep quote', '> > >  嵌套很深的引用 deep quote'],
    // A tab after spaces reaches the next multiple of 4: 2, 4, 6, 8, 10, 12, then the marker makes 13 columns.
    [
      'a list item indented with spaces and tabs mixed',
      '  \t  \t  \t- item indented by an editor that mixes tabs and spaces',
      '  \t  \t  \t item indented by an editor that mixes tabs and spaces',
    ],
    [
      'four bullets',
      '- - - - nested bullets from a pasted outline',
      '- - -  nested bullets from a pasted outline',
    ],
  ])('%s', (_name, line, flattened) => {
    const diagnostics: Diagnostic[] = [];
    const prepared = prepare(['# Notes', line], 1, 'n.md', limits(), diagnostics);
    expect(prepared.lines).toEqual(['# Notes', flattened]);
    expect(diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual(['nesting-too-deep 2:1']);
  });
});

it('counts the over-long lines of a note once, after the first one is reported', () => {
  const para = (word: string) => `${word} `.repeat(60).trim();
  const text = [
    '2025-06-01 10:00:00 | Long paragraphs pasted from a PDF',
    '',
    para('reinforcement'),
    '',
    para('learning'),
    '',
    para('policy'),
    '',
  ].join('\n');
  const result = parseNotes([{ path: 'long.md', text }], { maxLineLength: 200 });
  expect(result.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column, d.message])).toEqual([
    ['line-too-long', 'info', 3, 1, '3 lines in this file were longer than 200 characters and were cut'],
    [
      'line-too-long',
      'warning',
      3,
      201,
      'line is 839 characters long; Markdown formatting after column 200 is ignored (links and arXiv ids there are still read)',
    ],
  ]);
});

describe('where a big note is cut into chunks', () => {
  const note = [
    '2025-06-01 10:00:00 | First entry about PPO',
    'https://arxiv.org/abs/1707.06347',
    '',
    '```python',
    'print(1)',
    '',
    'print(2) https://arxiv.org/abs/2501.00001',
    '```',
    '',
    '2025-06-02 10:00:00 | Second entry',
    '  continued on an indented line',
    '',
    'A last paragraph.',
  ];

  it('cuts at a blank line before a new block once the chunk is big enough, never inside a code fence', () => {
    // Past 80 characters at the blank line inside the fence, the first cut waits for the fence to close.
    const prepared = prepare(note.slice(), 0, 'n.md', limits({ chunkChars: 80 }), []);
    expect(prepared.chunks).toEqual([
      { start: 0, end: 9, prefix: [] },
      { start: 9, end: 13, prefix: [] },
    ]);
    // A small note is one chunk.
    expect(prepare(note.slice(), 0, 'n.md', limits(), []).chunks).toEqual([
      { start: 0, end: 13, prefix: [] },
    ]);
  });

  it('reads the note cut into chunks as it reads it whole', () => {
    const text = note.join('\n');
    const whole = parseNotes([{ path: 'n.md', text }]);
    const cut = parseNotes([{ path: 'n.md', text }], { chunkChars: 80 });
    expect(cut.papers.map((p) => [p.id, p.title, p.sources.map((s) => s.line)])).toEqual([
      ['arxiv:1707.06347', 'First entry about PPO', [1]],
      ['title:second entry', 'Second entry', [10]],
    ]);
    expect(JSON.stringify(cut)).toBe(JSON.stringify(whole));
  });
});
