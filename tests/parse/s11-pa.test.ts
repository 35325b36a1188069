// Session 11 (pa): rules of src/parse/analyse.ts that the seed-3125 draw of that file found untested, each read on
// notes as they are written: a translation before a paper link followed by a code link, invalid arXiv ids reported
// once per line, a paper's short name and full title as two links to one arXiv id, and daily-digest items (a
// `标题：` field, a `Name：副标题` title, a translated author in brackets, an author bracket left open).
// Every note is built inside its test (see bench/mutation.md: work outside a test makes mutants static).
import { describe, expect, it } from 'vitest';
import { parseFile, parseNotes } from '../../src/parse/index.js';

const parse = (text: string) => parseNotes([{ path: 'reading.md', text }]);
const paperOf = (text: string, arxiv: string) => {
  const p = parse(text).papers.find((x) => x.arxiv === arxiv);
  expect(p, `${arxiv} in ${text}`).toBeDefined();
  return p!;
};

const AIAYN = 'Attention Is All You Need';

describe('text beside a titled paper link, when more links follow', () => {
  // The text around a titled link is a sentence (no title) only when words go on after the link; a link that
  // follows (`[代码](github)`) is no word of the sentence, so a translation before the link stays a title.
  it.each([
    [
      `- 注意力就是你所需要的一切 [${AIAYN}](https://arxiv.org/abs/1706.03762) [代码](https://github.com/tensorflow/tensor2tensor)`,
      ['注意力就是你所需要的一切'],
    ],
    [
      `- 注意力就是你所需要的一切 [${AIAYN}](https://arxiv.org/abs/1706.03762) [code](https://github.com/tensorflow/tensor2tensor) [slides](https://www.slideshare.net/aiayn)`,
      ['注意力就是你所需要的一切'],
    ],
    [`- 注意力就是你所需要的一切 [${AIAYN}](https://arxiv.org/abs/1706.03762) 这篇是必读`, []],
    [
      `- 今天读了 [${AIAYN}](https://arxiv.org/abs/1706.03762) [代码](https://github.com/tensorflow/tensor2tensor)`,
      [],
    ],
  ])('%s', (line, alt) => {
    const p = paperOf(`# Transformers\n\n${line}\n`, '1706.03762');
    expect(p.title).toBe(AIAYN);
    expect(p.altTitles).toEqual(alt);
  });
});

describe('an arXiv id that cannot be one', () => {
  // Reported once per line, wherever the line holds it: a titled arXiv link whose text does not say arXiv, the
  // text and the URL of one line, a papers.cool link; a number on a line with no arXiv link is no id at all.
  it('is reported once for each line that holds one, and a plain number is not', () => {
    const { diagnostics } = parse(
      [
        '# 待读',
        '',
        '- [Scaling Laws for Reward Model Overoptimization](https://arxiv.org/abs/2513.01234)',
        '- 这篇的编号写错了 arXiv:2514.00123，原文 https://arxiv.org/abs/2514.00123',
        '- 项目编号 2515.00456，见周报',
        '- 论文速递 https://papers.cool/arxiv/2516.00789',
        '',
      ].join('\n'),
    );
    expect(diagnostics.filter((d) => d.rule === 'arxiv-id-invalid').map((d) => [d.line, d.message])).toEqual([
      [3, '"2513.01234" is not a valid arXiv id (month 13 is out of range); ignored'],
      [4, '"2514.00123" is not a valid arXiv id (month 14 is out of range); ignored'],
      [6, '"2516.00789" is not a valid arXiv id (month 16 is out of range); ignored'],
    ]);
  });
});

describe("a paper's short name and its full title, each a link to the same arXiv id", () => {
  const DPO = 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model';
  it.each([
    [`- [DPO](https://arxiv.org/abs/2305.18290) · [${DPO}](https://arxiv.org/pdf/2305.18290)`, 'DPO', DPO],
    [`- [${DPO}](https://arxiv.org/abs/2305.18290) ([DPO](https://arxiv.org/pdf/2305.18290v3))`, DPO, 'DPO'],
  ])('%s: both are titles of the paper', (line, title, alt) => {
    const p = paperOf(`# Alignment\n\n${line}\n`, '2305.18290');
    expect(p.title).toBe(title);
    expect(p.altTitles).toEqual([alt]);
  });

  it('a titled link to another arXiv id is a paper cited, no title', () => {
    const { papers } = parse(
      '# Alignment\n\n- [DPO](https://arxiv.org/abs/2305.18290) · builds on [RLHF](https://arxiv.org/abs/2203.02155)\n',
    );
    const dpo = papers.find((p) => p.arxiv === '2305.18290')!;
    expect(dpo.altTitles).toEqual([]);
    expect(papers.find((p) => p.arxiv === '2203.02155')?.title).toBe('RLHF');
  });
});

describe('daily-digest items', () => {
  const digest = (...items: string[]) =>
    `# 学术日报 2025-02-01\n\n### 大模型 (${items.length}篇)\n\n${items.join('\n')}\n`;

  it.each([
    // a `标题：` field: the label is no part of the title
    [
      '- 标题：基于扩散模型的蛋白质结构生成方法 (李娜) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '基于扩散模型的蛋白质结构生成方法',
      '基于扩散模型的蛋白质结构生成方法',
      ['李娜'],
    ],
    [
      '- 题目：基于扩散模型的蛋白质结构生成方法 (李娜) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '基于扩散模型的蛋白质结构生成方法',
      '基于扩散模型的蛋白质结构生成方法',
      ['李娜'],
    ],
    // a paper title with its short name before the colon: the short name is the label
    [
      '- DeepSeek-R1：通过强化学习激励大模型的推理能力 (王芳) [跳转](http://arxiv.org/abs/2502.00002v1)',
      'DeepSeek-R1：通过强化学习激励大模型的推理能力',
      'DeepSeek-R1',
      ['王芳'],
    ],
    [
      '- 数据方向的论文2：一种新方法 (李娜) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '数据方向的论文2：一种新方法',
      '数据方向的论文2',
      ['李娜'],
    ],
    // an author's name kept in its script: two capitalised words
    [
      '- 多灾害贝叶斯层次模型用于损害预测 (Reza Ghorbani) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '多灾害贝叶斯层次模型用于损害预测',
      '多灾害贝叶斯层次模型用于损害预测',
      ['Reza Ghorbani'],
    ],
    [
      '- 面向机器人操作的扩散策略 (Cheng Chi) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '面向机器人操作的扩散策略',
      '面向机器人操作的扩散策略',
      ['Cheng Chi'],
    ],
    [
      '- 多模态大模型的视觉指令微调 (Jan Hendrik Metzen) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '多模态大模型的视觉指令微调',
      '多模态大模型的视觉指令微调',
      ['Jan Hendrik Metzen'],
    ],
    [
      '- 进化机器人的质量多样性搜索 (Jean-Baptiste Mouret) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '进化机器人的质量多样性搜索',
      '进化机器人的质量多样性搜索',
      ['Jean-Baptiste Mouret'],
    ],
    [
      '- 语言模型的上下文学习 (Jean-baptiste Alayrac) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '语言模型的上下文学习',
      '语言模型的上下文学习',
      ['Jean-baptiste Alayrac'],
    ],
  ] as const)('%s', (item, title, label, authors) => {
    const p = paperOf(digest(item), '2502.00002');
    expect(p.title).toBe(title);
    expect(p.label).toBe(label);
    expect(p.authors).toEqual(authors);
  });

  it.each([
    // not a name: lower case, one word, or a title's own aside
    [
      '- 线性时间序列建模的新视角 (reza ghorbani) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '线性时间序列建模的新视角 (reza ghorbani)',
    ],
    [
      '- 线性时间序列建模的新视角 (Ali) [跳转](http://arxiv.org/abs/2502.00002v1)',
      '线性时间序列建模的新视角 (Ali)',
    ],
    // a version note: no name even though its end is two Han characters
    ['- 多模态大模型综述 (v2 更新) [跳转](http://arxiv.org/abs/2502.00002v1)', '多模态大模型综述 (v2 更新)'],
  ])('%s: the bracket stays in the title', (item, title) => {
    const p = paperOf(digest(item), '2502.00002');
    expect(p.title).toBe(title);
    expect(p.authors).toEqual([]);
  });

  it.each([
    ['（ Reza Ghorbani', ['Reza Ghorbani']],
    ['(Reza Ghorbani', ['Reza Ghorbani']],
    ['( Reza Ghorbani', ['Reza Ghorbani']],
  ])('an author bracket left open, `%s`, with the remark and the link paragraphs below', (open, authors) => {
    const p = paperOf(
      [
        '- 多物理场耦合傅里叶神经网络算子模拟 (李石波) [跳转](http://arxiv.org/abs/2501.17296v2)',
        `- 三维加权多层面MRI，采用深度能量模型进行切片轮廓补偿 ${open}`,
        '',
        '（这个名字是波斯语，翻译成中文通常保持原名。）) [跳转](http://arxiv.org/abs/2501.17152v1)',
        '',
      ].join('\n'),
      '2501.17152',
    );
    expect(p.title).toBe('三维加权多层面MRI，采用深度能量模型进行切片轮廓补偿');
    expect(p.authors).toEqual(authors);
  });
});

describe('the label of a link in an item that is only that link', () => {
  // A paper link's text is the paper's title, so the link is labelled by where it goes (`arXiv`, the host); a
  // repository's or a blog post's link keeps its own text.
  // A repository or a blog post is a work of that kind; a paper (arXiv, OpenReview) is none.
  it.each([
    ['- [nanoGPT](https://github.com/karpathy/nanoGPT)', 'nanoGPT', 'nanoGPT', 'repo'],
    [
      '- [The Illustrated Transformer](https://jalammar.github.io/illustrated-transformer/)',
      'The Illustrated Transformer',
      'The Illustrated Transformer',
      'blog',
    ],
    ['- [Julia](https://julialang.org/)', 'Julia', 'Julia', undefined],
    [`- [${AIAYN}](https://arxiv.org/abs/1706.03762)`, AIAYN, 'arXiv', undefined],
    [
      '- [Direct Preference Optimization](https://openreview.net/forum?id=HPuSIXJaa9)',
      'Direct Preference Optimization',
      'openreview.net',
      undefined,
    ],
  ])('%s', (item, title, label, workKind) => {
    const p = parse(`# 收藏\n\n${item}\n`).papers.find((x) => x.title === title);
    expect(p?.links.map((l) => l.label)).toEqual([label]);
    expect(p?.workKind).toBe(workKind);
  });
});

describe('a reading-list table whose title column holds a short Chinese name and another column the paper link', () => {
  it('takes the arXiv link text as the title and the name as another title; a link saying only arXiv adds none', () => {
    const { papers } = parse(
      [
        '# 2024 读过的论文',
        '',
        '| 论文 | 链接 | 日期 |',
        '| --- | --- | --- |',
        `| 注意力机制 | [${AIAYN}](https://arxiv.org/abs/1706.03762) | 2024-03-01 |`,
        '| 思维链 | [arXiv](https://arxiv.org/abs/2201.11903) | 2024-03-09 |',
        '| **RLHF** | [Training language models to follow instructions with human feedback](https://arxiv.org/abs/2203.02155) | 2024-03-15 |',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.arxiv, p.title, p.altTitles, p.date])).toEqual([
      ['1706.03762', AIAYN, ['注意力机制'], '2024-03-01'],
      ['2201.11903', '思维链', [], '2024-03-09'],
      [
        '2203.02155',
        'Training language models to follow instructions with human feedback',
        ['RLHF'],
        '2024-03-15',
      ],
    ]);
  });
});

describe("an entry's summary", () => {
  it('leaves out link reference definitions, with or without a title after one or more spaces', () => {
    const { papers } = parse(
      [
        '# 2025-06 读论文',
        '',
        '2025-06-12 10:00:00 Thursday ｜ Scaling Test-Time Compute https://arxiv.org/abs/2408.03314',
        '',
        '测试时计算的最优分配，比扩大参数更划算。',
        '',
        '[paper]: https://arxiv.org/abs/2408.03314  "Scaling LLM Test-Time Compute Optimally"',
        "[blog]:  https://example.com/ttc   'notes'",
        '[code]: https://github.com/google-deepmind/ttc (repo)',
        '[site]: https://example.com/ttc',
        '2025-06-13 09:00:00 Friday ｜ Let’s Verify Step by Step https://arxiv.org/abs/2305.20050',
        '过程奖励模型优于结果奖励模型。',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.arxiv, p.summary])).toEqual([
      ['2305.20050', '过程奖励模型优于结果奖励模型。'],
      ['2408.03314', '测试时计算的最优分配，比扩大参数更划算。'],
    ]);
  });

  it.each([
    ['ends where the next heading starts, its last line kept', '\n'],
    ['runs to the end of a file without a final newline', ''],
  ])('%s', (_name, end) => {
    const { papers } = parse(
      [
        '# 读论文',
        '',
        '## DPO',
        '',
        '- 论文：[Direct Preference Optimization](https://arxiv.org/abs/2305.18290)',
        '- 笔记：不需要奖励模型',
        '## PPO',
        '- 论文：[Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)',
        '- 笔记：裁剪的目标函数',
      ].join('\n') + end,
    );
    expect(papers.map((p) => [p.arxiv, p.summary])).toEqual([
      ['1707.06347', '- 笔记：裁剪的目标函数'],
      ['2305.18290', '- 笔记：不需要奖励模型'],
    ]);
  });
});

describe('an arXiv link on the line below a stamped log entry', () => {
  // A sentence (ending in 。, or 160 characters and more) with the paper's link is no title line: it is the
  // entry's text, and the link its paper.
  it.each([
    [
      '这篇论文说明，在测试时按题目难度分配计算，比单纯扩大模型参数更划算。https://arxiv.org/abs/2408.03314',
      '2408.03314',
    ],
    [
      'In this paper the authors compare process supervision against outcome supervision on a large set of math problems, and find that process supervision trains much more reliable reward models https://arxiv.org/abs/2305.20050',
      '2305.20050',
    ],
  ])('%s is text, not a title', (line, arxiv) => {
    const { papers } = parse(`# 2025-06 日志\n\n2025-06-12 10:00:00 Thursday ｜ 读后感\n${line}\n`);
    expect(papers.map((p) => [p.arxiv, p.title, p.altTitles, p.citedOnly])).toEqual([
      [arxiv, '读后感', [], false],
    ]);
    expect(papers[0]!.summary).toBe(line);
  });

  it.each([
    [
      'Scaling LLM Test-Time Compute Optimally https://arxiv.org/abs/2408.03314',
      'Scaling LLM Test-Time Compute Optimally',
    ],
    ['arXiv:2408.03314 [pdf 版，html 版，其他格式]', undefined],
  ])('%s is the paper’s id line', (line, alt) => {
    const { papers } = parse(`# 2025-06 日志\n\n2025-06-12 10:00:00 Thursday ｜ 测试时计算\n${line}\n`);
    expect(papers).toHaveLength(1);
    expect(papers[0]!.arxiv).toBe('2408.03314');
    expect(papers[0]!.citedOnly).toBe(false);
    if (alt) expect([papers[0]!.title, ...papers[0]!.altTitles]).toContain(alt);
    expect(papers[0]!.summary).toBe('');
  });
});

describe('an arXiv link in the body of a log entry', () => {
  // A short name before the link (`PRM800K 数据集 <link>`) names another paper, which the entry cites; a sentence
  // (with 。！？；, over 60 characters, or over 8 words) is the entry's own text and the link the entry's paper.
  const entry = (line: string) =>
    `# 2025-06 日志\n\n2025-06-13 10:00:00 Friday ｜ 组会记录\n组会上讨论了这篇。\n${line}\n`;
  it.each([
    ['过程监督比结果监督好。https://arxiv.org/abs/2305.20050', true],
    ['过程监督比结果监督好！https://arxiv.org/abs/2305.20050', true],
    [
      '本周复现了按题目难度分配测试时计算的方法并在数学基准上验证了其有效性同时开源了全部代码和训练日志供组内参考使用后续还会补充更多消融实验的结果 https://arxiv.org/abs/2305.20050',
      true,
    ],
    [
      'We reproduced the process reward model and it matched the reported numbers closely https://arxiv.org/abs/2305.20050',
      true,
    ],
    ['PRM800K 数据集 https://arxiv.org/abs/2305.20050', false],
    ["Let's Verify Step by Step https://arxiv.org/abs/2305.20050", false],
  ])('%s: the entry’s own paper: %s', (line, own) => {
    const { papers } = parse(entry(line));
    const log = papers.find((p) => p.title === '组会记录')!;
    expect(log.arxiv).toBe(own ? '2305.20050' : undefined);
    expect(papers.some((p) => p.arxiv === '2305.20050' && p.citedOnly)).toBe(!own);
  });
});

describe('a comment line that links a paper', () => {
  // `备注：` (a comment) mentions a paper in a sentence: it is the entry's own paper only when nothing else on the
  // entry links it; mentioned again on another line, it is a paper the entry discusses, cited.
  it.each([
    [['备注：结论和 https://arxiv.org/abs/2305.20050 一致'], true],
    [['备注：结论和 https://arxiv.org/abs/2305.20050 一致', 'https://arxiv.org/abs/2305.20050'], false],
    [
      [
        'Comments: same finding as https://arxiv.org/abs/2305.20050 on MATH',
        'https://arxiv.org/abs/2305.20050',
      ],
      false,
    ],
  ])('%j: the entry’s own paper: %s', (lines, own) => {
    const { papers } = parse(
      ['# 2025-06 日志', '', '2025-06-13 10:00:00 Friday ｜ 组会记录', ...lines, ''].join('\n'),
    );
    const log = papers.find((p) => p.title === '组会记录')!;
    expect(log.arxiv).toBe(own ? '2305.20050' : undefined);
    expect(papers.some((p) => p.arxiv === '2305.20050' && p.citedOnly)).toBe(!own);
  });
});

describe('the lines under a pasted paper link', () => {
  it('reads the first line of names as the authors; the affiliations after them stay in the summary', () => {
    const { papers } = parse(
      [
        '# 对齐',
        '',
        '- [Direct Preference Optimization: Your Language Model is Secretly a Reward Model](https://arxiv.org/abs/2305.18290)',
        '  Rafael Rafailov, Archit Sharma, Eric Mitchell',
        '  Stanford University, CZ Biohub',
        '  不需要单独训练奖励模型。',
        '',
      ].join('\n'),
    );
    expect(papers).toHaveLength(1);
    expect(papers[0]!.authors).toEqual(['Rafael Rafailov', 'Archit Sharma', 'Eric Mitchell']);
    expect(papers[0]!.summary).toBe('Stanford University, CZ Biohub\n不需要单独训练奖励模型。');
  });
});

describe('a bare arXiv link in brackets after the title', () => {
  // The brackets go with the link (ASCII or full-width, spaces inside or not, text after them or not).
  it.each([
    ['- Direct Preference Optimization (https://arxiv.org/abs/2305.18290)', 'Direct Preference Optimization'],
    ['- 直接偏好优化（https://arxiv.org/abs/2305.18290）', '直接偏好优化'],
    [
      "- Let's Verify Step by Step ( https://arxiv.org/abs/2305.18290 ) 过程监督",
      "Let's Verify Step by Step 过程监督",
    ],
    ['- 思维树 (arXiv:2305.18290) 搜索', '思维树 搜索'],
  ])('%s', (item, title) => {
    const { papers } = parse(`# Papers\n\n${item}\n`);
    expect(papers.map((p) => [p.arxiv, p.title])).toEqual([['2305.18290', title]]);
  });
  it('a Wikipedia address with brackets of its own, in brackets after the paper link, goes with its brackets', () => {
    const { papers } = parse(
      '# Papers\n\n- Attention Is All You Need (https://arxiv.org/abs/1706.03762) (https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture))\n',
    );
    expect(papers.map((p) => [p.arxiv, p.title])).toEqual([['1706.03762', AIAYN]]);
  });
});

describe('the word before a titled link that leaves the sentence open', () => {
  // `We use [ReAct: …](…).`: the words before the link are the start of a sentence, no other title of the paper,
  // even when nothing but a full stop follows the link.
  const REACT = 'ReAct: Synergizing Reasoning and Acting in Language Models';
  it.each([
    'We use',
    'The planner uses',
    'Our loop follows',
    'This extends',
    'cf.',
    'Agents built using',
    'An improvement over',
    'We compare against the baseline of',
    '参见',
    '基于',
    '今天看了',
  ])('`- %s [ReAct](…).`', (before) => {
    const p = parse(`# Agents\n\n- ${before} [${REACT}](https://arxiv.org/abs/2210.03629).\n`).papers.find(
      (x) => x.arxiv === '2210.03629',
    );
    expect(p?.title).toBe(REACT);
    expect(p?.altTitles).toEqual([]);
  });
});

describe('a reading-list table without a title column', () => {
  it('takes the first cell as the title, without the links that only say where the paper is', () => {
    const { papers } = parse(
      [
        '# 2024 书单',
        '',
        '| Paper name | 备注 |',
        '| --- | --- |',
        '| **Chain-of-Thought Prompting** [arXiv](https://arxiv.org/abs/2201.11903) | 很经典 |',
        '| Tree of Thoughts https://arxiv.org/abs/2305.10601 | 搜索 |',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.arxiv, p.title, p.altTitles])).toEqual([
      ['2201.11903', 'Chain-of-Thought Prompting', []],
      ['2305.10601', 'Tree of Thoughts', []],
    ]);
  });
});

describe('an item that is only a link whose text is one letter', () => {
  // `[R:](…)`: a one-letter name is no title; the item is reported and skipped, while `(R)` or `X…` are kept.
  it.each([
    ['- [R:](https://www.r-project.org/)', undefined],
    ['- [R -](https://cran.r-project.org/web/)', undefined],
    ['- [(R)](https://cran.r-project.org/)', '(R)'],
  ])('%s', (item, title) => {
    const { papers, diagnostics } = parse(`# 工具\n\n${item}\n`);
    expect(papers.map((p) => p.title)).toEqual(title ? [title] : []);
    expect(diagnostics.filter((d) => d.rule === 'entry-without-title').map((d) => d.line)).toEqual(
      title ? [] : [3],
    );
  });
});

describe('a reading-list table whose title cells open with a bold short name, or hold only the id', () => {
  it('takes the bold name as label, the text after `:` as title, after ` - ` as summary; an id is no title', () => {
    const { papers } = parse(
      [
        '# 2024 读过的论文',
        '',
        '| 论文 | 链接 | 日期 |',
        '| --- | --- | --- |',
        '| **InstructGPT**: Training language models to follow instructions with human feedback | [arXiv](https://arxiv.org/abs/2203.02155) | 2024-03-15 |',
        '| **DPO** - 不需要奖励模型的对齐方法 | [arXiv](https://arxiv.org/abs/2305.18290) | 2024-03-20 |',
        '| 2201.11903 | [arXiv](https://arxiv.org/abs/2201.11903) | 2024-03-21 |',
        '| arXiv:2305.10601v2 | https://arxiv.org/abs/2305.10601 | 2024-03-22 |',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.arxiv, p.title, p.label, p.summary, p.date])).toEqual([
      ['2201.11903', 'arXiv:2201.11903', 'arXiv:2201.11903', '', '2024-03-21'],
      [
        '2203.02155',
        'Training language models to follow instructions with human feedback',
        'InstructGPT',
        '',
        '2024-03-15',
      ],
      ['2305.10601', 'arXiv:2305.10601', 'arXiv:2305.10601', '', '2024-03-22'],
      ['2305.18290', 'DPO', 'DPO', '不需要奖励模型的对齐方法', '2024-03-20'],
    ]);
  });
});

describe("a repository item that opens with a link to its author's arXiv page", () => {
  // The work's kind comes from its first link that is no author page: `[Andrej Karpathy](arxiv.org/a/…): [nanoGPT, …](github)`
  // is a repository by Karpathy, as `[nanoGPT](github) by [Andrej Karpathy](arxiv.org/a/…)` is.
  it.each([
    [
      '- [Andrej Karpathy](https://arxiv.org/a/karpathy_a_1): [nanoGPT, the simplest repository for training GPTs](https://github.com/karpathy/nanoGPT)',
      'nanoGPT, the simplest repository for training GPTs',
    ],
    [
      '- [nanoGPT](https://github.com/karpathy/nanoGPT) by [Andrej Karpathy](https://arxiv.org/a/karpathy_a_1)',
      'nanoGPT',
    ],
  ])('%s', (item, title) => {
    const { papers } = parse(`# 开源项目\n\n${item}\n`);
    expect(papers.map((p) => [p.title, p.authors, p.workKind])).toEqual([
      [title, ['Andrej Karpathy'], 'repo'],
    ]);
  });
});

describe('a WeChat article that names two papers, each with its arXiv and GitHub links', () => {
  it('gives each paper its own links, and the article only its own link and its paper’s', () => {
    const { papers } = parse(
      [
        '2025-06-26 13:36:30 Thursday ｜让多模态大模型「想明白再画」！港大等开源GoT-R1：强化学习解锁视觉生成推理新范式 https://mp.weixin.qq.com/s/sPdhPeNMkdBLjtLzI5urwg',
        '',
        '该新框架通过引入强化学习，显著增强了多模态大模型在视觉生成任务中的语义 - 空间推理能力。GoT 和 GoT-R1 已全面开源。',
        '',
        '* GoT arxiv:https://arxiv.org/pdf/2503.10639',
        '* GoT github:https://github.com/rongyaofang/GoT',
        '* GoT-R1 arxiv: https://arxiv.org/pdf/2505.17022',
        '* GoT-R1 github:https://github.com/gogoduan/GoT-R1',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.label, p.arxiv, p.links.map((l) => l.url)])).toEqual([
      ['GoT', '2503.10639', ['https://arxiv.org/pdf/2503.10639', 'https://github.com/rongyaofang/GoT']],
      [
        'GoT-R1',
        '2505.17022',
        [
          'https://mp.weixin.qq.com/s/sPdhPeNMkdBLjtLzI5urwg',
          'https://arxiv.org/pdf/2505.17022',
          'https://github.com/gogoduan/GoT-R1',
        ],
      ],
    ]);
    expect(papers[0]!.summary).toBe(
      '* GoT arxiv:https://arxiv.org/pdf/2503.10639\n* GoT github:https://github.com/rongyaofang/GoT',
    );
  });

  it('reads authors in brackets after a paper’s name: the name is its title', () => {
    const { papers } = parse(
      [
        '2025-06-26 13:36:30 Thursday ｜让多模态大模型「想明白再画」！港大等开源GoT-R1：强化学习解锁视觉生成推理新范式 https://mp.weixin.qq.com/s/sPdhPeNMkdBLjtLzI5urwg',
        '',
        '该新框架通过引入强化学习，显著增强了多模态大模型在视觉生成任务中的语义 - 空间推理能力。GoT 和 GoT-R1 已全面开源。',
        '',
        '* GoT (Rongyao Fang, Chengqi Duan) arxiv:https://arxiv.org/pdf/2503.10639',
        '* GoT-R1 (Chengqi Duan, Rongyao Fang) arxiv: https://arxiv.org/pdf/2505.17022',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.label, p.title, p.authors])).toEqual([
      ['GoT', 'GoT', ['Rongyao Fang', 'Chengqi Duan']],
      ['GoT-R1', 'GoT-R1', ['Chengqi Duan', 'Rongyao Fang']],
    ]);
  });
});

describe("an entry's other titles", () => {
  // Each is listed once, Latin first, after the title: the file's parse is what the incremental merge caches.
  it.each([
    [
      `- 注意力就是你所需要的一切 [${AIAYN}](https://arxiv.org/abs/1706.03762)`,
      AIAYN,
      ['注意力就是你所需要的一切'],
    ],
    [
      '- DeepSeek-R1：[DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning](https://arxiv.org/abs/2501.12948)',
      'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning',
      ['DeepSeek-R1'],
    ],
  ])('%s', (item, title, alt) => {
    const [entry] = parseFile({ path: 'reading.md', text: `# Reading\n\n${item}\n` }).entries;
    expect([entry?.title, entry?.altTitles]).toEqual([title, alt]);
  });
});

describe('an id line under a stamped log entry whose paper link is titled', () => {
  // `[Title](arxiv)`, `[#6](arxiv) **[Title](papers.cool)**`, `[Title](openreview) <arxiv>`: the link's text is the
  // paper's title (the stamp's words another title), and the link is labelled by where it goes.
  it.each([
    [
      '测试时计算',
      '[Scaling LLM Test-Time Compute Optimally](https://arxiv.org/abs/2408.03314)',
      'Scaling LLM Test-Time Compute Optimally',
      ['arXiv'],
    ],
    [
      '今日论文',
      '[#6](https://arxiv.org/abs/2506.21495) **[Process Reward Models That Think](https://papers.cool/arxiv/2506.21495)**',
      'Process Reward Models That Think',
      ['arXiv', 'papers.cool'],
    ],
    [
      '对齐',
      '[Direct Preference Optimization](https://openreview.net/forum?id=HPuSIXJaa9) https://arxiv.org/abs/2305.18290',
      'Direct Preference Optimization',
      ['openreview.net', 'arXiv'],
    ],
  ])('%s / %s', (stamp, line, title, labels) => {
    const { papers } = parse(`# 2025-06 日志\n\n2025-06-12 10:00:00 Thursday ｜ ${stamp}\n${line}\n`);
    expect(papers.map((p) => [p.title, p.altTitles, p.links.map((l) => l.label)])).toEqual([
      [title, [stamp], labels],
    ]);
  });
});

describe("an entry's identifiers from paper hosts other than arXiv", () => {
  it.each([
    ['- [Direct Preference Optimization](https://openreview.net/forum?id=HPuSIXJaa9)', true],
    ['- [Direct Preference Optimization](https://doi.org/10.48550/arXiv.2305.18290)', true],
    [`- [${AIAYN}](https://arxiv.org/abs/1706.03762)`, false],
    ['- [nanoGPT](https://github.com/karpathy/nanoGPT)', false],
  ])('%s: an `ids` field only when there is one: %s', (item, has) => {
    const [entry] = parseFile({ path: 'reading.md', text: `# Reading\n\n${item}\n` }).entries;
    expect(entry).toBeDefined();
    expect(Object.hasOwn(entry!, 'ids')).toBe(has);
    if (has) expect(Object.keys(entry!.ids!).length).toBeGreaterThan(0);
  });
});

describe('a venue field under a stamped log entry', () => {
  // `会议：NeurIPS 2023` says where the paper appeared; `发表于：2025-08-07 07:47:07 UTC` (a date) says when.
  it.each([
    ['会议：NeurIPS 2023', 'NeurIPS 2023'],
    ['Venue: ICLR 2024 (Oral)', 'ICLR 2024 (Oral)'],
    ['收录于：ACL 2024 Findings', 'ACL 2024 Findings'],
    ['发表于：2025-08-07 07:47:07 UTC', undefined],
    ['发表于：2024/05/01', undefined],
    ['发表于：2024年5月', undefined],
  ])('%s', (field, venue) => {
    const { papers } = parse(
      `# 2025-06 日志\n\n2025-06-12 10:00:00 Thursday ｜ Direct Preference Optimization https://arxiv.org/abs/2305.18290\n${field}\n`,
    );
    expect(papers.map((p) => [p.arxiv, p.venue])).toEqual([['2305.18290', venue]]);
  });
});
