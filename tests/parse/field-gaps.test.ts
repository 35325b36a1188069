// Field-level gaps the benchmark corpus found (bench/corpus.ts): inputs cut in the seed's own style, with the
// fields each paper must get. Every paper here is found by its arXiv id; these pin its title, label, authors, date.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';

const parse = (text: string) => parseNotes([{ path: 'n.md', text }]);
const paper = (text: string, arxiv: string) => {
  const p = parse(text).papers.find((x) => x.arxiv === arxiv);
  if (!p) throw new Error(`no paper ${arxiv}`);
  return p;
};

describe('plain-fields form after an entry that is not a list item', () => {
  // `6. Title` / `标题：` / `链接：` (the seed's 2505.11614 entry) right after a paper-link or an arXiv-listing
  // entry: the title line starts the paper's own entry instead of folding into the entry above.
  it.each([
    [
      'after a line that opens with a paper link',
      [
        '# 推理',
        '',
        'https://arxiv.org/abs/2507.00046 通过熵正则化对齐推理',
        '',
        '> We propose TreeReason-Zero, a framework.',
        '',
        '1. TimaGate: Aligning Exploration in RL via Entropy Regularization',
        '',
        '标题： TimaGate：通过熵正则化对齐强化学习中的探索',
        '',
        '链接：https://arxiv.org/abs/2507.00049',
      ],
      '2507.00049',
      {
        title: 'TimaGate: Aligning Exploration in RL via Entropy Regularization',
        label: 'TimaGate',
        altTitles: ['TimaGate：通过熵正则化对齐强化学习中的探索'],
        sources: [{ file: 'n.md', line: 7 }],
        citedOnly: false,
      },
    ],
    [
      'after an arXiv listing entry',
      [
        '  **[arXiv:2403.00001 ](https://arxiv.org/abs/2403.00001)** [ **[pdf](https://arxiv.org/pdf/2403.00001)** ]',
        '',
        'Title: Process Rewards at Scale',
        '',
        '2. Using Reinforcement Learning to Train Large Language Models to Explain Human Decisions',
        '',
        '标题： 使用强化学习训练大型语言模型来解释人类决策',
        '',
        '链接：https://arxiv.org/abs/2505.11614',
      ],
      '2505.11614',
      {
        title: 'Using Reinforcement Learning to Train Large Language Models to Explain Human Decisions',
        altTitles: ['使用强化学习训练大型语言模型来解释人类决策'],
        sources: [{ file: 'n.md', line: 5 }],
        citedOnly: false,
      },
    ],
    [
      'after a timestamped entry with its own link field',
      [
        '2025-06-01 10:00:00 | Entry one',
        '链接：https://arxiv.org/abs/2501.00001',
        '',
        'Understanding Sparse Experts at Scale',
        '',
        '标题：理解稀疏专家',
        '',
        '链接：https://arxiv.org/abs/2501.00002',
      ],
      '2501.00002',
      {
        title: 'Understanding Sparse Experts at Scale',
        altTitles: ['理解稀疏专家'],
        sources: [{ file: 'n.md', line: 4 }],
        citedOnly: false,
      },
    ],
  ])('%s', (_name, lines, arxiv, expected) => {
    const text = lines.join('\n');
    expect(paper(text, arxiv)).toMatchObject(expected);
    // The entry above keeps its own paper and no longer swallows the next one.
    const others = parse(text).papers.filter((p) => p.arxiv !== arxiv);
    expect(others.every((p) => !p.links.some((l) => l.url.includes(arxiv)))).toBe(true);
  });
});

describe('plain-fields form inside a paragraph', () => {
  it('does not start an entry at a line that continues a paragraph', () => {
    const text = [
      '2025-06-01 10:00:00 | Entry one',
      '链接：https://arxiv.org/abs/2501.00001',
      '',
      'Some words first and then',
      'Understanding Sparse Experts at Scale',
      '标题：理解稀疏专家',
      '链接：https://arxiv.org/abs/2501.00002',
    ].join('\n');
    const { papers } = parse(text);
    expect(papers.map((p) => [p.id, p.sources.map((s) => s.line)])).toEqual([
      ['arxiv:2501.00001', [1]],
      ['arxiv:2501.00002', [7]],
    ]);
    expect(papers.some((p) => p.title === 'Understanding Sparse Experts at Scale')).toBe(false);
  });
});

type Case = [name: string, lines: string[], arxiv: string, expected: Record<string, unknown>];

describe('daily-digest items', () => {
  // `- 中文标题 (作者) [跳转](http://arxiv.org/abs/…v2)`, right after entries of other papers, with one or more
  // authors in the parentheses: the title loses the `(作者)` part and the authors are read from it.
  const above = {
    'an arXiv listing entry': [
      '  **[arXiv:2402.00160 ](https://arxiv.org/abs/2402.00160)** [ **[pdf](https://arxiv.org/pdf/2402.00160)** ]',
      '',
      '**发布** ： 2024-02-07 08：11：05 UTC',
      '',
    ],
    'a paper-link line': ['https://arxiv.org/abs/2410.00340 通过组基线理解自我纠正', ''],
    nothing: [] as string[],
  };
  it.each([
    ...Object.entries(above).map(
      ([where, lines]) =>
        [
          `three authors after ${where}`,
          [
            ...lines,
            '- 大型语言模型的提示词优化综述 (Zhiyue Cao, Bofei Du, Hangqi Pan) [跳转](http://arxiv.org/abs/2501.17348v2)',
          ],
          '2501.17348',
          {
            title: '大型语言模型的提示词优化综述',
            authors: ['Zhiyue Cao', 'Bofei Du', 'Hangqi Pan'],
            citedOnly: false,
          },
        ] as Case,
    ),
    [
      'one author',
      [
        'https://arxiv.org/abs/2410.00340 通过组基线理解自我纠正',
        '',
        '- 通过熵正则化稳定具身规划 (Lujie Luo) [跳转](http://arxiv.org/abs/2501.17349v2)',
      ],
      '2501.17349',
      { title: '通过熵正则化稳定具身规划', authors: ['Lujie Luo'], citedOnly: false },
    ],
    [
      'et al.',
      [
        '- 一篇论文 (Jack Kazemi, Andy Hosseini, Kangbin Wang et al.) [跳转](http://arxiv.org/abs/2411.00355v2)',
        '- 另一篇论文 (Jia Lu, Xin Feng) [跳转](http://arxiv.org/abs/2501.00188v2)',
      ],
      '2411.00355',
      { title: '一篇论文', authors: ['Jack Kazemi', 'Andy Hosseini', 'Kangbin Wang'], citedOnly: false },
    ],
  ] as Case[])('%s', (_name, lines, arxiv, expected) => {
    expect(paper(lines.join('\n'), arxiv)).toMatchObject(expected);
  });
});

describe('daily-digest items whose text runs over several lines', () => {
  // The digests' translated author names sometimes carry the translator's remarks over several paragraphs, so the
  // item's link lands lines below its title; a `- 标题：…` item holds a link of its own. Each item is its own paper's
  // entry: its title is never text of the entry above (whose evidence would then cite another paper's title).
  const text = [
    '- 多物理场耦合傅里叶神经网络算子模拟 (李石波) [跳转](http://arxiv.org/abs/2501.17296v2)',
    '- 三维加权多层面MRI，采用深度能量模型进行切片轮廓补偿 (Reza Ghorbani',
    '',
    '（这个名字是波斯语，翻译成中文通常保持原名。）) [跳转](http://arxiv.org/abs/2501.17152v1)',
    '',
    '- 多灾害贝叶斯层次模型用于损害预测 (玛丽·莱·O·萨尔瓦纳) [跳转](http://arxiv.org/abs/2502.00658v1)',
    '- 标题：基于脑电图（EEG）的阿尔茨海默病检测的大规模基础模型 (王艺和) [跳转](http://arxiv.org/abs/2502.01678v1)',
    '- 特洛伊木马时间：对时间序列分类的后门攻击 (长东) [跳转](http://arxiv.org/abs/2502.00646v1)',
  ].join('\n');
  it.each([
    ['2501.17296', '多物理场耦合傅里叶神经网络算子模拟', 'MRI'],
    ['2501.17152', '三维加权多层面MRI，采用深度能量模型进行切片轮廓补偿', '多物理场'],
    ['2502.00658', '多灾害贝叶斯层次模型用于损害预测', 'EEG'],
    ['2502.01678', '基于脑电图（EEG）的阿尔茨海默病检测的大规模基础模型', '多灾害'],
  ])('%s keeps its own title and only its own text', (arxiv, title, foreign) => {
    const p = paper(text, arxiv);
    expect(p.title).toBe(title);
    if (arxiv === '2501.17152') expect(p.authors).toEqual(['Reza Ghorbani']);
    expect(p.text.map((s) => s.text).join(' ')).not.toContain(foreign);
  });
});

describe('a WeChat entry naming two papers', () => {
  // The seed's GoT / GoT-R1 entry (`* GoT arxiv:https://…` lines), with and without a list number before the
  // timestamp: each paper is labelled by its name (never `GoT arxiv`) and dated by the entry's timestamp, not by
  // the file's front-matter date.
  const entry = (marker: string) =>
    [
      '---',
      'date: 2025-01-01',
      '---',
      '',
      `${marker}2025-06-26 13:36:30 Thursday ｜让多模态大模型「想明白再画」！港大等开源GoT-R1：强化学习解锁视觉生成推理新范式 https://mp.weixin.qq.com/s/sPdhPeNMkdBLjtLzI5urwg`,
      '',
      '该新框架通过引入强化学习，显著增强了多模态大模型在视觉生成任务中的语义 - 空间推理能力。GoT 和 GoT-R1 已全面开源。',
      '',
      '* GoT arxiv:https://arxiv.org/pdf/2503.10639',
      '* GoT github:https://github.com/rongyaofang/GoT',
      '* GoT-R1 arxiv: https://arxiv.org/pdf/2505.17022',
      '* GoT-R1 github:https://github.com/gogoduan/GoT-R1',
    ].join('\n');
  it.each([
    ['no list number', '', '2503.10639', { label: 'GoT', date: '2025-06-26' }],
    ['no list number', '', '2505.17022', { label: 'GoT-R1', date: '2025-06-26' }],
    ['a list number', '4. ', '2503.10639', { label: 'GoT', date: '2025-06-26', sources: [{ line: 9 }] }],
    ['a list number', '4. ', '2505.17022', { label: 'GoT-R1', date: '2025-06-26', sources: [{ line: 5 }] }],
  ])('%s: %s', (_name, marker, arxiv, expected) => {
    const p = paper(entry(marker), arxiv);
    expect(p).toMatchObject(expected);
    expect(p.title).not.toMatch(/arxiv/i);
  });
});

describe('an untimestamped bold WeChat headline with its link', () => {
  // The seed's `**奖励模型也能Scaling！…**[https://mp.weixin.qq.com/s/…](…)` line, right after entries of other
  // papers: it is a node of its own, titled by the headline, and the entry above keeps only its own paper.
  const url = 'https://mp.weixin.qq.com/s/hU3MKn82o1sMy4CK-CUUug';
  const headline = '奖励模型也能Scaling！上海AI Lab突破强化学习短板，提出策略判别学习新范式';
  it.each([
    [
      'fields of a numbered entry',
      ['2. 2025-01-28 23:07:14 Tuesday ｜', '   **链接** ：https://arxiv.org/abs/2409.00076'],
    ],
    [
      'a 论文链接 field',
      ['2025-03-24 10:00:00 Monday ｜ 强化学习新作', '', '论文链接：https://arxiv.org/abs/2503.00065'],
    ],
    [
      'a 发布 field',
      ['2025-03-24 10:00:00 Monday ｜ 强化学习新作', '', ' **发布** ： 2024-12-14 13：27：32 UTC'],
    ],
    ['nothing', [] as string[]],
  ])('after %s', (_name, lines) => {
    const text = [...lines, '', `**${headline}**[${url}](${url})`, '', '正文第一段。'].join('\n');
    const result = parse(text);
    const line = lines.length + 2;
    const node = result.papers.find((p) => p.sources.some((s) => s.line === line));
    expect(node).toMatchObject({ title: headline, citedOnly: false });
    expect(node!.links.map((l) => l.url)).toContain(url);
    for (const p of result.papers) if (p !== node) expect(p.links.map((l) => l.url)).not.toContain(url);
  });

  // Pasted links often differ from their text by a trailing slash.
  it.each([
    ['text with a trailing slash', `[${url}/](${url})`, url],
    ['an address with a trailing slash', `[${url}](${url}/)`, `${url}/`],
  ])('starts its own node with link %s', (_name, link, href) => {
    const text = [
      '2025-03-24 10:00:00 Monday ｜ 强化学习新作',
      '',
      '论文链接：https://arxiv.org/abs/2503.00065',
      '',
      `**${headline}**${link}`,
    ].join('\n');
    const node = parse(text).papers.find((p) => p.sources.some((s) => s.line === 5));
    expect(node).toMatchObject({ title: headline, citedOnly: false });
    expect(node!.links.map((l) => l.url)).toEqual([href]);
  });

  it.each([
    ['a short label before the link', `原文：[${url}](${url})`],
    ['link text that is not the URL', `**${headline}**[原文](${url})`],
    ['text after the link', `**${headline}**[${url}](${url}) 值得一读`],
    // Only an article (a blog or WeChat post) is a headline's own page: a paper's page linked the same way is a
    // link of the entry above.
    [
      'a paper page linked by its own address',
      `**${headline}**[https://openreview.net/forum?id=HPuSIXJaa9](https://openreview.net/forum?id=HPuSIXJaa9)`,
    ],
  ])('stays in the entry above: %s', (_name, last) => {
    const text = [
      '2025-03-24 10:00:00 Monday ｜ 强化学习新作',
      '',
      '论文链接：https://arxiv.org/abs/2503.00065',
      '',
      last,
    ].join('\n');
    expect(parse(text).papers.filter((p) => !p.citedOnly)).toHaveLength(1);
  });
});

describe('a papers.cool day header', () => {
  // `2025-08-06 |   | Total: 76` heads each day of a papers.cool listing (daily-reports): a date and a count, no work.
  const day = (header: string) =>
    [
      '# 1.2.1 Computation and Language',
      '',
      '**From：**[https:// /arxiv/cs.CL](https://papers.cool/arxiv/cs.CL)',
      '',
      header,
      '',
      '## [#1](https://arxiv.org/abs/2508.03686) [CompassVerifier: A Unified and Robust Verifier for LLMs Evaluation and Outcome Reward](https://papers.cool/arxiv/2508.03686)  #1 CompassVerifier：一个用于 LLMs 评估和结果奖励的统一且稳健的验证器',
      '',
      '**Authors**: [Shudong Liu](https://arxiv.org/search/?searchtype=author&query=Shudong Liu), [Kai Chen](https://arxiv.org/search/?searchtype=author&query=Kai Chen)',
      '',
      '**Publish**: 2025-08-05 17:55:24 UTC',
      '',
    ].join('\n');
  it.each([
    '2025-08-06 |   | Total: 76',
    '2025-08-06 | 共 76 篇',
    '2025-08-06 | Total: 76 papers',
    '2025-08-06 | Total:76',
    '2025-08-06 | Total : 76 item',
    '2025-08-06 | 总计 160 paper',
    '2025-08-06 | count: 12 entries',
  ])('%s is no work, and the paper under it is read', (header) => {
    const { papers } = parse(day(header));
    expect(papers.map((p) => p.title)).toEqual([
      'CompassVerifier: A Unified and Robust Verifier for LLMs Evaluation and Outcome Reward',
    ]);
    expect(papers[0]!.label).toBe('CompassVerifier');
  });
  it('keeps a title that only starts with a count word', () => {
    for (const title of ['Total Recall: 76 Ways to Remember', 'Total: 76 Ways to Remember']) {
      const { papers } = parse(day(`2025-08-06 | ${title}`));
      expect(papers.map((p) => p.title)).toContain(title);
    }
  });
});

describe("a digest item's one translated author", () => {
  it.each([
    ['(林正明（音译）)', '大型语言模型的提示词优化研究', ['林正明']],
    ['(金钟国（Jongwook Kim）)', '大型语言模型的提示词优化研究', ['金钟国（Jongwook Kim）']],
    ['(埃德纳尔多·L·B·小爵士)', '大型语言模型的提示词优化研究', ['埃德纳尔多·L·B·小爵士']],
    ['(章子怡)', '大型语言模型的提示词优化研究', ['章子怡']],
    // a title's own aside, or something that is no name, stays in the title
    ['（扩展版）', '大型语言模型的提示词优化研究 （扩展版）', []],
    ['（综述）', '大型语言模型的提示词优化研究 （综述）', []],
    ['(金钟国（jongwook kim）)', '大型语言模型的提示词优化研究 (金钟国（jongwook kim）)', []],
    [
      '(金钟国（Jongwook Kim Lee Park Choi）)',
      '大型语言模型的提示词优化研究 (金钟国（Jongwook Kim Lee Park Choi）)',
      [],
    ],
    ['(张)', '大型语言模型的提示词优化研究 (张)', []],
    ['(张·)', '大型语言模型的提示词优化研究 (张·)', []],
    ['(林正明（其他）)', '大型语言模型的提示词优化研究 (林正明（其他）)', []],
  ])('%s', (aside, title, authors) => {
    const text = `# 学术日报 2025-02-01\n\n### 数据 (2篇)\n\n- 大型语言模型的提示词优化研究 ${aside} [跳转](http://arxiv.org/abs/2502.00001v1)\n`;
    expect(parse(text).papers.map((p) => [p.title, p.authors])).toEqual([[title, authors]]);
  });
});
