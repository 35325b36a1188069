// Topic names from headings: icons, counts, section numbers and dates are not part of a topic's name.
import { describe, expect, it } from 'vitest';
import { topicName } from '../../src/parse/segment.js';
import { parseNotes } from '../../src/parse/index.js';

describe('topicName', () => {
  it.each([
    ['🧩 主题分布', '主题分布'],
    ['🆕 新增论文', '新增论文'],
    ['🗂 arXiv分类分布', 'arXiv分类分布'],
    ['🇨🇳 中国', '中国'],
    ['✍️ Notes', 'Notes'],
    ['🧩主题分布', '主题分布'],
    ['🧩 🆕 主题', '主题'],
    ['数据 🆕', '数据 🆕'],
    ['Deep  Learning', 'Deep Learning'],
    ['数据 (207篇)', '数据'],
    ['1.1 量子位', '量子位'],
    ['3D Vision', '3D Vision'],
    ['2025 Reading', '2025 Reading'],
    ['#1 best', '#1 best'],
    ['RLVR', 'RLVR'],
    ['学术日报 2025-02-01', ''],
  ])('%j -> %j', (heading, name) => {
    expect(topicName(heading)).toBe(name);
  });

  it('gives one topic to the same section of two digests, whatever icon decorates it', () => {
    const day = (d: string, icon: string, id: string) => ({
      path: `${d}.md`,
      text: `# 学术日报 ${d}\n\n## ${icon} 主题分布\n\n### 数据 (1篇)\n\n- 一篇论文的标题 [跳转](http://arxiv.org/abs/${id})\n`,
    });
    const { papers } = parseNotes([
      day('2025-02-01', '🧩', '2502.00001'),
      day('2025-02-02', '🧩️', '2502.00002'),
    ]);
    expect(papers.map((p) => p.topicPath)).toEqual([
      ['主题分布', '数据'],
      ['主题分布', '数据'],
    ]);
  });
});
