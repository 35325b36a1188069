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
