// A reading list's byline after a paper link (`- [Title](arxiv) - Schulman et al., 2017`): who wrote it, and
// where it appeared. A venue is not an author: two papers at one conference are no group.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';

const LINK = '[Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)';
const note = (byline: string) => `# Reading\n\n## RL\n\n- ${LINK} ${byline}\n`;
const read = (byline: string) => {
  const [p] = parseNotes([{ path: 'list.md', text: note(byline) }]).papers;
  return { authors: p?.authors, venue: p?.venue };
};

describe('a byline after a paper link', () => {
  it.each([
    ['- John Schulman, Filip Wolski, 2017', ['John Schulman', 'Filip Wolski'], undefined],
    ['- Jean-Baptiste Alayrac, Jeff Donahue', ['Jean-Baptiste Alayrac', 'Jeff Donahue'], undefined],
    ["— O'Neil Smith", ["O'Neil Smith"], undefined],
    ['- Schulman et al., 2017', ['Schulman'], undefined],
    ['| 张三, 李四', ['张三', '李四'], undefined],
    ['- Yann LeCun (2015)', ['Yann LeCun'], undefined],
    ['| NeurIPS 2020', [], 'NeurIPS'],
    ['- ICML 2023 Oral', [], 'ICML Oral'],
    ['- Schulman et al., NeurIPS 2017', ['Schulman'], 'NeurIPS'],
    ['- Schulman, Wolski, ICLR', ['Schulman', 'Wolski'], 'ICLR'],
    ['- KDD 2021', [], 'KDD'],
    ['- a great read on policy gradients', [], undefined],
  ])('%s', (byline, authors, venue) => {
    expect(read(byline)).toEqual({ authors, venue });
  });

  it('does not group two papers of one conference', () => {
    const text =
      '# Reading\n\n## RL\n\n' +
      '- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347) | NeurIPS 2017\n' +
      '- [Trust Region Policy Optimization](https://arxiv.org/abs/1502.05477) | NeurIPS 2015\n' +
      '- [Deep Q-Networks Revisited](https://arxiv.org/abs/1312.5602) - Volodymyr Mnih, 2013\n' +
      '- [Asynchronous Methods for Deep RL](https://arxiv.org/abs/1602.01783) - Volodymyr Mnih, 2016\n';
    const { papers } = parseNotes([{ path: 'list.md', text }]);
    const groups = findLinks(papers)
      .edges.filter((e) => e.type === 'same-group')
      .map((e) => `${e.key} via ${e.via}`);
    expect(groups).toEqual(['same-group:arxiv:1312.5602--arxiv:1602.01783 via Volodymyr Mnih']);
  });
});

describe('a venue field', () => {
  const venueOf = (field: string) =>
    parseNotes([
      {
        path: 'd.md',
        text: `# 推理\n\n2025-08-08 10:00:00 Friday ｜ Reasoning at Scale\n\n**链接** ：https://arxiv.org/abs/2508.01234\n${field}\n**摘要** ：本文研究推理。\n`,
      },
    ]).papers[0]?.venue;

  it.each([
    ['发表于：NeurIPS 2025', 'NeurIPS 2025'],
    ['**会议**：ICLR 2025', 'ICLR 2025'],
    ['发表于：2025-08-07 07:47:07 UTC', undefined],
    ['发表于：2025年8月7日', undefined],
  ])('%s', (field, venue) => expect(venueOf(field)).toBe(venue));
});
