// Two small rules read straight: which link texts say nothing about a work, and a JSON file beside the notes
// that holds no CSL-JSON items (said once, as information; the notes still build).
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { isTrivialLinkText } from '../../src/parse/text.js';

describe('a link text that says nothing about the work', () => {
  it.each([
    ['https://example.com/x', 'https://example.com/x', true],
    ['https://example.com/other', 'https://example.com/x', true],
    ['www.example.com', 'https://www.example.com', true],
    ['HTTP://EXAMPLE.COM', 'https://example.com', true],
    ['PDF', 'https://example.com/a.pdf', true],
    ['#6', 'https://example.com/6', true],
    ['arXiv:2501.00001', 'https://arxiv.org/abs/2501.00001', true],
    // a title that only mentions an address is a title
    ['Mirror of www.example.com notes', 'https://www.example.com', false],
    ['Notes on https://example.com/x', 'https://example.com/x', false],
    ['Attention Is All You Need', 'https://arxiv.org/abs/1706.03762', false],
  ])('%s (%s): %s', (label, url, trivial) => {
    expect(isTrivialLinkText(label, url)).toBe(trivial);
  });
});

describe('a JSON file that is no library', () => {
  it('is reported once at its first line, and the notes beside it still build', () => {
    const note = {
      path: 'n.md',
      text: '# RL\n\n- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)\n',
    };
    const { papers, diagnostics } = parseNotes([{ path: 'lib.json', text: '[{"foo": 1}]' }, note]);
    expect(papers.map((p) => p.title)).toEqual(['Proximal Policy Optimization Algorithms']);
    expect(diagnostics.filter((d) => d.rule === 'library-empty')).toEqual([
      {
        rule: 'library-empty',
        severity: 'info',
        file: 'lib.json',
        line: 1,
        column: 1,
        message: 'JSON file holds no CSL-JSON items (each needs an `id` and a `title`); ignored',
      },
    ]);
  });

  it('an empty list is no problem', () => {
    const { diagnostics } = parseNotes([{ path: 'lib.json', text: '[]' }]);
    expect(diagnostics.map((d) => d.rule)).not.toContain('library-empty');
  });
});
