// Session 11 (sa): rules that the src/parse draw of seed 2034 left untested, each read on a note as a researcher
// writes it: a digest's one translated author, a bold-named reading-list item with its notes below, a digest item
// whose link comes lines later, a link that is the whole item, a paper's own fields under a heading, an over-long
// pasted line, a paper noted once by its id and once by title, and the warm merge of a folder with a library.
import { describe, expect, it } from 'vitest';
import { createIncrementalMerge } from '../../src/parse/merge-incremental.js';
import { mergeFileParses, parseFile, parseNotes } from '../../src/parse/index.js';
import type { FileParse } from '../../src/parse/index.js';

const parse = (text: string, path = 'n.md') => parseNotes([{ path, text }]);

describe("a digest item's one translated author, with the original name in brackets", () => {
  const day = (aside: string) =>
    `# 学术日报 2025-02-01\n\n### 数据 (2篇)\n\n- 大型语言模型的提示词优化研究 ${aside} [跳转](http://arxiv.org/abs/2502.00001v1)\n`;
  it.each([
    // one to four capitalised words: the original name
    ['(金钟国（Kim）)', '大型语言模型的提示词优化研究', ['金钟国（Kim）']],
    ['(金钟国（Jongwook Kim）)', '大型语言模型的提示词优化研究', ['金钟国（Jongwook Kim）']],
    ['(金钟国（Jong Wook Kim）)', '大型语言模型的提示词优化研究', ['金钟国（Jong Wook Kim）']],
    ['(金钟国（Jong Wook Ho Kim）)', '大型语言模型的提示词优化研究', ['金钟国（Jong Wook Ho Kim）']],
    ['(张三)', '大型语言模型的提示词优化研究', ['张三']],
    ["(奥布莱恩（O'Brien）)", '大型语言模型的提示词优化研究', ["奥布莱恩（O'Brien）"]],
    // five words are no one person's name: the bracket stays with the title
    ['(金钟国（Jong Wook Ho Min Kim）)', '大型语言模型的提示词优化研究 (金钟国（Jong Wook Ho Min Kim）)', []],
  ])('%s', (aside, title, authors) => {
    expect(parse(day(aside)).papers.map((p) => [p.title, p.authors])).toEqual([[title, authors]]);
  });
});

describe('a reading-list item led by a bold name', () => {
  it('takes its title from the lead; the notes nested below are its summary, never another title', () => {
    const text = [
      '# Alignment reading',
      '',
      '- **CAI**: Constitutional AI: Harmlessness from AI Feedback [paper](https://arxiv.org/abs/2212.08073)',
      '  - Uses a constitution of written rules instead of human labels.',
      '',
    ].join('\n');
    expect(parse(text).papers.map((p) => [p.id, p.label, p.title, p.altTitles, p.summary])).toEqual([
      [
        'arxiv:2212.08073',
        'CAI',
        'Constitutional AI: Harmlessness from AI Feedback',
        [],
        '- Uses a constitution of written rules instead of human labels.',
      ],
    ]);
  });

  it('keeps the text after the linked title and the nested notes, both, as its summary', () => {
    const text = [
      '# RL reading',
      '',
      '- **PPO**: [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347) - the clipped objective everyone uses.',
      '  - Needs a value model as large as the policy.',
      '',
    ].join('\n');
    expect(parse(text).papers.map((p) => [p.title, p.label, p.summary])).toEqual([
      [
        'Proximal Policy Optimization Algorithms',
        'PPO',
        'the clipped objective everyone uses.\n\n- Needs a value model as large as the policy.',
      ],
    ]);
  });
});

describe('a digest item whose link comes lines below an open bracket (the translated author runs on)', () => {
  it.each([
    '- 稀疏专家的路由改进 (Reza Ghorbani',
    // a thumbnail or an empty tag before the title leaves space in front of it: the title is still whole
    '- ![](https://example.com/thumb.png) 稀疏专家的路由改进 (Reza Ghorbani',
    '- <span></span> 稀疏专家的路由改进 (Reza Ghorbani',
  ])('%s', (item) => {
    const text = [
      '# 每日论文',
      '',
      '- Sparse Experts at Scale [跳转](https://arxiv.org/abs/2501.00001)',
      item,
      '',
      '  等人) [跳转](https://arxiv.org/abs/2501.00002)',
      '',
    ].join('\n');
    expect(parse(text).papers.map((p) => [p.id, p.title, p.authors])).toEqual([
      ['arxiv:2501.00001', 'Sparse Experts at Scale', []],
      ['arxiv:2501.00002', '稀疏专家的路由改进', ['Reza Ghorbani']],
    ]);
  });

  it.each([
    // four characters of title before the bracket are enough
    ['- 路由改进 (Reza Ghorbani', '路由改进', ['Reza Ghorbani']],
    // the name broken after its first word: four letters are a name, three are not taken for one
    ['- 稀疏专家的路由改进 (Yoav', '稀疏专家的路由改进', ['Yoav']],
    ['- 稀疏专家的路由改进 (Tao', '稀疏专家的路由改进', []],
  ])('%s', (item, title, authors) => {
    const text = [
      '# 每日论文',
      '',
      '- Sparse Experts at Scale [跳转](https://arxiv.org/abs/2501.00001)',
      item,
      '',
      '  等人) [跳转](https://arxiv.org/abs/2501.00002)',
      '',
    ].join('\n');
    const p = parse(text).papers.find((x) => x.id === 'arxiv:2501.00002');
    expect([p?.title, p?.authors]).toEqual([title, authors]);
  });
});

describe('a link that is the whole item', () => {
  it.each([
    [
      '- [A Path Towards Autonomous Machine Intelligence](https://openreview.net/forum?id=BZ5a1r-kVsf)',
      'A Path Towards Autonomous Machine Intelligence',
    ],
    [
      '- [Direct Preference Optimization](https://openreview.net/forum?id=HPuSIXJaa9) - a good read',
      'Direct Preference Optimization',
    ],
    [
      '- [The Illustrated Transformer](https://jalammar.github.io/illustrated-transformer/)',
      'The Illustrated Transformer',
    ],
  ])('%s gives its title once', (item, title) => {
    const entries = parseFile({ path: 'reading.md', text: `# Reading\n\n${item}\n` }).entries;
    expect(entries.map((e) => [e.title, e.altTitles])).toEqual([[title, []]]);
  });
});

describe("a paper's fields under its short name", () => {
  const note = (field: string) =>
    ['## DPO', '', '- Paper: https://arxiv.org/abs/2305.18290', field, ''].join('\n');
  it.each([
    // the paper field's link text is the title, the heading its label
    [
      '- Paper: [Direct Preference Optimization: Your Language Model is Secretly a Reward Model](https://arxiv.org/abs/2305.18290)',
      'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
    ],
    // a code field's link says where the code is, even when that is the paper itself: no title
    ['- Code: [Algorithm 1 in the paper](https://arxiv.org/pdf/2305.18290)', 'DPO'],
    [
      '- Code: [eric-mitchell/direct-preference-optimization](https://github.com/eric-mitchell/direct-preference-optimization)',
      'DPO',
    ],
  ])('%s', (field, title) => {
    const papers = parse(note(field)).papers;
    expect(papers.map((p) => [p.id, p.title, p.label])).toEqual([['arxiv:2305.18290', title, 'DPO']]);
  });

  it('the first paper field names the work; a later link to its venue page does not', () => {
    const text = [
      '## DPO',
      '',
      '- Paper: [Direct Preference Optimization: Your Language Model is Secretly a Reward Model](https://arxiv.org/abs/2305.18290)',
      '- Link: [NeurIPS 2023 camera-ready](https://openreview.net/forum?id=HPuSIXJaa9)',
      '',
    ].join('\n');
    expect(parse(text).papers.map((p) => [p.title, p.label])).toEqual([
      ['Direct Preference Optimization: Your Language Model is Secretly a Reward Model', 'DPO'],
    ]);
  });

  it('a list item that links its paper itself keeps its own title over a nested paper field', () => {
    const text = [
      '# Reading',
      '',
      '- DPO, read on 2024-03-02 [my notes](https://example.com/dpo-notes)',
      '  - Paper: [Direct Preference Optimization: Your Language Model is Secretly a Reward Model](https://arxiv.org/abs/2305.18290)',
      '',
    ].join('\n');
    expect(parse(text).papers.map((p) => [p.id, p.title])).toEqual([
      ['arxiv:2305.18290', 'DPO, read on 2024-03-02'],
    ]);
  });
});

describe('an over-long pasted line whose links lie past the cut', () => {
  it('keeps the PDF link as written, and adds no second link for the same arXiv id', () => {
    const abstract =
      'The dominant sequence transduction models are based on complex recurrent networks. '.repeat(4);
    const text = `# Reading\n\n${abstract}[PDF](https://arxiv.org/pdf/1706.03762v5) (arXiv:1706.03762)\n`;
    const papers = parseNotes([{ path: 'n.md', text }], { maxLineLength: 200 }).papers;
    expect(papers.map((p) => p.links.map((l) => l.url))).toEqual([['https://arxiv.org/pdf/1706.03762v5']]);
  });
});

describe('a paper noted once by its bare id and once by a title', () => {
  it('takes the title, in any script, over `arXiv:…`', () => {
    const papers = parseNotes([
      { path: 'a.md', text: '# Inbox\n\n- https://arxiv.org/abs/2502.00001\n' },
      {
        path: 'b.md',
        text: '# 学术日报 2025-02-01\n\n### 数据 (2篇)\n\n- 大型语言模型的提示词优化研究 (章子怡) [跳转](http://arxiv.org/abs/2502.00001v1)\n',
      },
    ]).papers;
    expect(papers.map((p) => [p.id, p.title, p.altTitles])).toEqual([
      ['arxiv:2502.00001', '大型语言模型的提示词优化研究', []],
    ]);
  });
});

describe('the warm merge of a folder with a library file', () => {
  it('merges the whole folder again: a library ties notes together beyond arXiv ids and titles', () => {
    const merger = createIncrementalMerge();
    const files = new Map<string, string>([
      ['a.md', '# Reading\n\n- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n'],
      ['b.md', '# More\n\n- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)\n'],
    ]);
    const parses = (): FileParse[] => [...files].map(([path, text]) => parseFile({ path, text }));
    merger.merge(parses());
    files.set(
      'refs.bib',
      '@article{vaswani2017attention,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish and Shazeer, Noam},\n  year = {2017},\n  eprint = {1706.03762},\n  archivePrefix = {arXiv}\n}\n',
    );
    const all = parses();
    expect(all.find((p) => p.file === 'refs.bib')?.library?.length).toBe(1);
    expect(JSON.stringify(merger.merge(all))).toBe(JSON.stringify(mergeFileParses(all)));
    expect(merger.lastMode).toBe('fallback');
  });

  it('merges the whole folder again when an author page joins it', () => {
    const merger = createIncrementalMerge();
    const files = new Map<string, string>([
      ['a.md', '# Reading\n\n- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n'],
      ['b.md', '# More\n\n- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)\n'],
    ]);
    const parses = (): FileParse[] => [...files].map(([path, text]) => parseFile({ path, text }));
    merger.merge(parses());
    files.set('people/Jane Doe.md', '---\ntype: person\n---\n# Jane Doe\n\nWorks on attention.\n');
    const all = parses();
    expect(all.find((p) => p.file === 'people/Jane Doe.md')?.hub?.kind).toBe('author');
    expect(JSON.stringify(merger.merge(all))).toBe(JSON.stringify(mergeFileParses(all)));
    expect(merger.lastMode).toBe('fallback');
  });
});
