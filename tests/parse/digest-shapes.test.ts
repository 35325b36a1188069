// Shapes of digest notes read through the public parser: reading-list tables and their column names, ordered
// lists, link hosts. Each table lists every spelling the parser knows, so that one dropped or loosened fails.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';

const parse = (text: string, path = 'n.md') => parseNotes([{ path, text }]);

describe('reading-list tables: which column is the title, the authors, the date', () => {
  // Decoy columns first: a looser match of a column name ("Paper type", "Co-authors", "Date published") would
  // take them instead.
  const table = (title: string, authors: string, date: string) =>
    [
      '# Reading list',
      '',
      `| Paper type | Short name | ${title} | Authors' affiliation | Co-authors | ${authors} | Date published | Last read | ${date} |`,
      '|---|---|---|---|---|---|---|---|---|',
      '| survey | Transformer | Attention Is All You Need | Google | Bob Helper | Ashish Vaswani, Noam Shazeer | 2017-06-12 | 2023-01-01 | 2024-03-05 |',
      '',
    ].join('\n');
  const titles = ['paper', 'Papers', 'Title', 'name', '论文', '标题', '题目', '名称', '文章'];
  const authors = ['author', 'Authors', '作者'];
  const dates = ['Date', 'read', 'Added', '日期', '时间', '阅读日期'];
  const rows = titles.map((t, i) => [t, authors[i % authors.length]!, dates[i % dates.length]!] as const);
  rows.push(...dates.map((d, i) => [titles[i]!, authors[(i + 1) % authors.length]!, d] as const));
  it.each(rows)('| %s | %s | %s |', (title, author, date) => {
    const { papers } = parse(table(title, author, date));
    expect(papers.map((p) => [p.title, p.authors, p.date, p.sources.map((s) => s.line)])).toEqual([
      ['Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], '2024-03-05', [5]],
    ]);
  });
});

describe('links by host', () => {
  const item = (line: string) => {
    const { papers } = parse(`# Papers\n\n${line}\n`);
    expect(papers).toHaveLength(1);
    return papers[0]!;
  };

  // A paper page's link text is the paper's title; the link is labelled by where it goes.
  it.each([
    ['https://openreview.net/forum?id=rJ4km2R5t7', 'openreview.net'],
    ['https://www.openreview.net/forum?id=rJ4km2R5t7', 'openreview.net'],
    ['https://aclanthology.org/N19-1423/', 'aclanthology.org'],
    ['https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776', 'semanticscholar.org'],
    ['https://doi.org/10.1038/nature16961', 'doi.org'],
    ['https://dx.doi.org/10.1038/nature16961', 'dx.doi.org'],
    ['https://dl.acm.org/doi/10.1145/3292500.3330701', 'dl.acm.org'],
    ['https://ieeexplore.ieee.org/document/8578843', 'ieeexplore.ieee.org'],
    [
      'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      'proceedings.neurips.cc',
    ],
    ['https://proceedings.mlr.press/v139/radford21a.html', 'proceedings.mlr.press'],
    ['https://papers.nips.cc/paper/7181-attention-is-all-you-need', 'papers.nips.cc'],
  ])('a paper page on %s', (url, label) => {
    const p = item(`- [Mastering Sparse Experts at Scale](${url})`);
    expect(p.title).toBe('Mastering Sparse Experts at Scale');
    expect(p.links).toEqual([{ label, url }]);
  });

  it.each([
    ['https://notdoi.org/10.1038/nature16961', 'A blog page'],
    ['https://example.com/openreview.net/x', 'A blog page'],
    ['https://mp.weixin.qq.com/s/abcdef', 'A blog page'],
    ['https://github.com/openai/gym', 'A blog page'],
  ])('not a paper page: %s keeps its own text', (url, label) => {
    expect(item(`- [A blog page](${url})`).links).toEqual([{ label, url }]);
  });

  // A bare link is labelled by its site.
  it.each([
    ['https://mp.weixin.qq.com/s/xyz', 'WeChat'],
    ['https://www.github.com/openai/baselines', 'GitHub'],
    ['https://gist.github.com/abc/123', 'GitHub'],
    ['https://huggingface.co/meta-llama/Llama-2-7b', 'Hugging Face'],
    ['https://www.zhihu.com/question/1', 'Zhihu'],
    ['https://zhuanlan.zhihu.com/p/12345', 'Zhihu'],
    ['https://www.example.com/post/1', 'example.com'],
    ['https://arxiv.org/pdf/1701.06538', 'arXiv PDF'],
    ['https://arxiv.org/html/1701.06538v2', 'arXiv HTML'],
    ['https://papers.cool/arxiv/1701.06538', 'papers.cool'],
  ])('a bare link to %s is labelled %s', (url, label) => {
    expect(
      item(`- [Mastering Sparse Experts at Scale](https://arxiv.org/abs/1701.06538) ${url}`).links,
    ).toContainEqual({
      label,
      url,
    });
  });

  // The identifiers a page's address carries, whatever the subdomain.
  it.each([
    ['https://dx.doi.org/10.1038/NATURE16961', { doi: '10.1038/nature16961' }],
    ['https://www.doi.org/10.1038/nature16961', { doi: '10.1038/nature16961' }],
    ['https://www.openreview.net/forum?id=rJ4km2R5t7', { openreview: 'rJ4km2R5t7' }],
    ['https://openreview.net/pdf?id=rJ4km2R5t7', { openreview: 'rJ4km2R5t7' }],
    ['https://aclanthology.org/N19-1423/', { acl: 'N19-1423' }],
    ['https://aclanthology.org/2020.acl-main.703.pdf', { acl: '2020.acl-main.703' }],
    [
      'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      { s2: '204e3073870fae3d05bcbc2f6a8e263d9b72e776' },
    ],
  ])('ids of %s', (url, ids) => {
    expect(item(`- [Mastering Sparse Experts at Scale](${url})`).ids).toEqual(ids);
  });
});
