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
    // counts at the end, in every unit
    ['数据（12）', '数据'],
    ['数据 (7 papers)', '数据'],
    ['数据 (1 paper)', '数据'],
    ['数据 (3 items)', '数据'],
    ['数据 (1 item)', '数据'],
    ['数据 (2 entries)', '数据'],
    ['数据 (5条)', '数据'],
    ['数据 (5个)', '数据'],
    ['数据 ( 12 )', '数据'],
    ['数据(12)', '数据'],
    ['数据 (1234567)', '数据 (1234567)'],
    ['数据 (12) 续', '数据 (12) 续'],
    ['(12) 数据', '(12) 数据'],
    // section numbers
    ['2.1 方法', '方法'],
    ['1.1.3 方法', '方法'],
    ['1. 方法', '方法'],
    ['1.2.3.4.5 方法', '方法'],
    ['一、背景', '背景'],
    ['三、 实验', '实验'],
    ['十二. 背景', '背景'],
    ['IV. Results', 'Results'],
    ['2.1方法', '2.1方法'],
    ['1234 方法', '1234 方法'],
    ['方法 2.1', '方法 2.1'],
    // dates, anywhere: no topic
    ['2025-08-04科研追新', ''],
    ['2025/8/4', ''],
    ['2025.8.4 日报', ''],
    ['2025年8月4日', ''],
    ['20250804 日报', ''],
    ['19991231', ''],
    ['v2025-08-04', ''],
    ['1.31日', ''],
    ['30日', ''],
    ['3号', ''],
    ['1月31日', ''],
    // numbers that are no date
    ['20251301 日报', '20251301 日报'],
    ['20250832 日报', '20250832 日报'],
    ['120250804', '120250804'],
    ['2025080412', '2025080412'],
    ['2025 年', '2025 年'],
    ['Top 30日', 'Top 30日'],
    ['3号方案', '3号方案'],
    // icons with modifiers, joiners and flags
    ['👍🏽 Good', 'Good'],
    ['👨‍💻 Coding', 'Coding'],
    ['🇨🇳🇺🇸 Both', 'Both'],
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
