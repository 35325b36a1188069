// Merging across notes: which citekey mentions and wikilinks resolve (to a note, a hub, a title), which dates a
// merged work keeps, and what is said about two papers with one title.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';

const literature = {
  path: 'lit/vaswani2017attention.md',
  // Named by one citekey, holding another: the file name is what `@vaswani2017attention` resolves to.
  text: '---\ncategory: literaturenote\ntitle: Attention Is All You Need\ncitekey: vaswaniAttentionAll2017\n---\n\nNotes.\n',
};

describe('citekey mentions and wikilinks across notes', () => {
  it('resolves a mention by a note name, and reports a key no note or library has', () => {
    const result = parseNotes([
      literature,
      {
        path: 'reading/log.md',
        text: '# Log\n\nRead @vaswani2017attention today, and @smith2020missing too.\n',
      },
      // A reading note's pointer does not make its target a note.
      {
        path: 'reading/moe.md',
        text: '---\nnote: "[[shazeer2017outrageously]]"\n---\n# MoE reading\n\nAlso see @shazeer2017outrageously.\n',
      },
    ]);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`)).toEqual([
      'citekey-unresolved reading/log.md:3',
      'reading-note-unresolved reading/moe.md:4',
      'citekey-unresolved reading/moe.md:6',
    ]);
  });

  it('reports only the wikilinks that name no note, hub, author or title', () => {
    const result = parseNotes([
      literature,
      { path: 'people/Jane Doe.md', text: '---\ntype: person\n---\n# Jane Doe\n\nWorks on attention.\n' },
      {
        path: 'reading/log.md',
        text: '# Log\n\n- 2025-06-01 10:00:00 | Read [[vaswani2017attention]] with [[Jane Doe]], [[authors/John Roe]], [[keywords/attention]], [[Attention is all you need|the transformer paper]] and [[nowhere]]\n',
      },
    ]);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line} ${d.message}`)).toEqual([
      'note-hub people/Jane Doe.md:1 an author page ("Jane Doe"), not a work: links to it name an author',
      'note-link-unresolved reading/log.md:3 [[nowhere]] names no note in this folder',
    ]);
  });
});

describe('dates of a merged work', () => {
  it('is issued on its publication date, not the month of its arXiv id', () => {
    const [paper] = parseNotes([
      {
        path: 'log.md',
        text: '# Log\n\n- 2025-06-02 10:00:00 | MoE day https://arxiv.org/abs/1701.06538\n  发布时间：2017-01-23\n',
      },
    ]).papers;
    expect(paper).toMatchObject({ id: 'arxiv:1701.06538', issued: '2017-01-23', published: '2017-01-23' });
    const [bare] = parseNotes([
      { path: 'log.md', text: '# Log\n\n- 2025-06-02 10:00:00 | MoE day https://arxiv.org/abs/1701.06538\n' },
    ]).papers;
    expect(bare).toMatchObject({ id: 'arxiv:1701.06538', issued: '2017-01' });
  });
});

describe('two papers with one title', () => {
  it('keeps them apart and says so at the second', () => {
    const result = parseNotes([
      { path: 'a.md', text: '# A\n\n- [Scaling Sparse Experts Well](https://arxiv.org/abs/1701.06538)\n' },
      { path: 'b.md', text: '# B\n\n- [Scaling Sparse Experts Well](https://arxiv.org/abs/2101.03961)\n' },
    ]);
    expect(result.papers.map((p) => p.id)).toEqual(['arxiv:1701.06538', 'arxiv:2101.03961']);
    expect(result.diagnostics).toEqual([
      {
        rule: 'same-title-different-arxiv',
        severity: 'info',
        file: 'b.md',
        line: 3,
        column: 1,
        message:
          '"Scaling Sparse Experts Well" has the same title as a.md:3 but a different arXiv id; kept apart',
      },
    ]);
  });
});
