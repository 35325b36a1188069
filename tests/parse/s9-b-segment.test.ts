// Session 9 (parseB): where entries start and end (src/parse/segment.ts), read through the public parser on
// real-shaped notes: headings that link a paper's page, a field block naming a new paper (how far above its title
// may be, and not in a quote), and a digest item whose link comes later (only when the item has no link of its
// own, and not across a heading).
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';

const parse = (lines: string[]) => parseNotes([{ path: 'n.md', text: lines.join('\n') }]);
const shape = (lines: string[]) =>
  parse(lines).papers.map((p) => [p.id, p.title, p.citedOnly, p.sources.map((s) => s.line)]);

it('a heading that links a paper page (OpenReview, ACL Anthology) is an entry of that paper', () => {
  const papers = parse([
    '# RLHF reading',
    '',
    '## [Direct Preference Optimization: Your Language Model is Secretly a Reward Model](https://openreview.net/forum?id=HPuSIXJaa9)',
    '',
    'Skips the reward model: the policy is trained on preference pairs directly.',
    '',
    '## [Scaling Laws for Reward Model Overoptimization](https://aclanthology.org/2024.acl-long.1.pdf)',
    '',
    'Gold reward falls while the proxy reward keeps rising.',
  ]).papers;
  expect(
    papers.map((p) => [p.title, p.citedOnly, p.topicPath, p.sources.map((s) => s.line), p.links]),
  ).toEqual([
    [
      'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
      false,
      ['RLHF reading'],
      [3],
      [{ label: 'openreview.net', url: 'https://openreview.net/forum?id=HPuSIXJaa9' }],
    ],
    [
      'Scaling Laws for Reward Model Overoptimization',
      false,
      ['RLHF reading'],
      [7],
      [{ label: 'aclanthology.org', url: 'https://aclanthology.org/2024.acl-long.1.pdf' }],
    ],
  ]);
});

describe('a field block naming a new paper inside an open entry', () => {
  const fields = [
    '标题：理解稀疏专家的扩展规律',
    '作者：Alice Zhang, Bob Li',
    '发布：2025-01-02 10:00:00 UTC',
    '分类：cs.LG 机器学习',
    '摘要：稀疏专家模型在规模上的表现',
    '机构：Example University',
  ];
  const note = (n: number) => [
    '2025-06-01 10:00:00 | Entry one',
    '链接：https://arxiv.org/abs/2501.00001',
    '',
    'Understanding Sparse Experts at Scale',
    '',
    ...fields.slice(0, n).flatMap((f) => [f, '']),
    '链接：https://arxiv.org/abs/2501.00002',
  ];

  it.each([4, 5])('takes the title line %i field paragraphs above as the new entry', (n) => {
    expect(shape(note(n))).toEqual([
      ['arxiv:2501.00001', 'Entry one', false, [1]],
      ['arxiv:2501.00002', 'Understanding Sparse Experts at Scale', false, [4]],
    ]);
  });

  it('looks no further than six lines up: a title seven lines above stays in the entry, and no field is a title', () => {
    expect(shape(note(6))).toEqual([
      ['arxiv:2501.00001', 'Entry one', false, [1]],
      ['arxiv:2501.00002', 'arXiv:2501.00002', true, [18]],
    ]);
  });

  // A title line needs 8 characters: `混合专家路由综述` has 8, `混合专家路由论` 7 (a stray phrase, not a title).
  it.each([
    [
      '混合专家路由综述',
      [
        ['arxiv:2501.00001', 'Entry one', false, [1]],
        ['arxiv:2501.00002', '混合专家路由综述', false, [4]],
      ],
    ],
    [
      '混合专家路由论',
      [
        ['arxiv:2501.00001', 'Entry one', false, [1]],
        ['arxiv:2501.00002', 'arXiv:2501.00002', true, [8]],
      ],
    ],
  ])('takes a title line of 8 characters or more: %s', (title, expected) => {
    const lines = [
      '2025-06-01 10:00:00 | Entry one',
      '链接：https://arxiv.org/abs/2501.00001',
      '',
      title,
      '',
      '作者：Alice Zhang, Bob Li',
      '',
      '链接：https://arxiv.org/abs/2501.00002',
    ];
    expect(shape(lines)).toEqual(expected);
  });

  it('does not split at a remark that names another paper: only a link or title field names the new one', () => {
    const lines = [
      '2025-06-01 10:00:00 | Sparse experts at scale',
      '链接：https://arxiv.org/abs/2501.00001',
      '',
      'Routing collapse is the main failure mode',
      '',
      '备注：对比了 https://arxiv.org/abs/1701.06538 的 top-2 门控',
    ];
    expect(shape(lines)).toEqual([
      ['arxiv:1701.06538', 'arXiv:1701.06538', true, [6]],
      ['arxiv:2501.00001', 'Sparse experts at scale', false, [1]],
    ]);
  });

  it('does not reach a title above a code block: the fields below the code are not a block of their own', () => {
    const lines = [
      '2025-06-01 10:00:00 | Entry one',
      '链接：https://arxiv.org/abs/2501.00001',
      '',
      'Understanding Sparse Experts at Scale',
      '',
      '```',
      'pip install sparse-experts-toolkit',
      '```',
      '',
      '标题：理解稀疏专家',
      '',
      '链接：https://arxiv.org/abs/2501.00002',
    ];
    expect(shape(lines)).toEqual([
      ['arxiv:2501.00001', 'Entry one', false, [1]],
      ['arxiv:2501.00002', 'arXiv:2501.00002', true, [12]],
    ]);
  });

  it('does not split at a field quoted from elsewhere', () => {
    const lines = [
      '2025-06-01 10:00:00 | Entry one',
      '链接：https://arxiv.org/abs/2501.00001',
      '',
      'Understanding Sparse Experts at Scale',
      '',
      '> 链接：https://arxiv.org/abs/2501.00002',
    ];
    expect(shape(lines)).toEqual([
      ['arxiv:2501.00001', 'Entry one', false, [1]],
      ['arxiv:2501.00002', 'arXiv:2501.00002', true, [6]],
    ]);
    expect(parse(lines).papers[0]!.links.map((l) => l.url)).toContain('https://arxiv.org/abs/2501.00002');
  });
});

describe('a digest item whose paper link comes in a later paragraph', () => {
  const first = '- Sparse Experts at Scale [跳转](https://arxiv.org/abs/2501.00001)';

  it('is that paper when the item has no link of its own', () => {
    expect(
      shape([
        '# 每日论文',
        '',
        first,
        '- 稀疏专家的路由改进 (Reza Ghorbani',
        '',
        '  等人) [跳转](https://arxiv.org/abs/2501.00002)',
      ]),
    ).toEqual([
      ['arxiv:2501.00001', 'Sparse Experts at Scale', false, [3]],
      ['arxiv:2501.00002', '稀疏专家的路由改进', false, [4]],
    ]);
  });

  it('is that paper across a paragraph with no link (the rest of the byline)', () => {
    const papers = parse([
      '# 每日论文',
      '',
      first,
      '- 稀疏专家的路由改进 (Reza Ghorbani,',
      '',
      '  Mina Patel',
      '',
      '  等人) [跳转](https://arxiv.org/abs/2501.00002)',
    ]).papers;
    const item = papers.find((p) => p.sources.some((s) => s.line === 4));
    expect(item?.links.map((l) => l.url)).toEqual(['https://arxiv.org/abs/2501.00002']);
    expect(papers.find((p) => p.id === 'arxiv:2501.00001')?.links.map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/2501.00001',
    ]);
  });

  it('is not when the item has a link of its own: the later arXiv id is a mention of the entry above', () => {
    expect(
      shape([
        '# 每日论文',
        '',
        first,
        '- 项目主页与代码 [Project page](https://sparse-experts.github.io)',
        '',
        '  对比的基线见 arXiv:1701.06538',
      ]),
    ).toEqual([
      ['arxiv:1701.06538', 'arXiv:1701.06538', true, [6]],
      ['arxiv:2501.00001', 'Sparse Experts at Scale', false, [3]],
    ]);
  });

  it('is not across a heading: the link under the next heading is not the item’s', () => {
    expect(
      shape([
        '# 每日论文',
        '',
        first,
        '- 没有链接的条目，文字写了很多而且很长',
        '',
        '## 另一个小节',
        '',
        '相关论文 https://arxiv.org/abs/2501.00002',
      ]),
    ).toEqual([
      ['arxiv:2501.00001', 'Sparse Experts at Scale', false, [3]],
      ['arxiv:2501.00002', 'arXiv:2501.00002', true, [8]],
    ]);
  });
});

describe('a list of bare links inside an entry', () => {
  it('continues it with a paper linked twice, to its page and its PDF', () => {
    const papers = parse([
      '2025-06-01 10:00:00 | Notes on sparse expert models',
      '',
      '- [Paper](https://arxiv.org/abs/1701.06538)',
      '- [Switch Transformers](https://arxiv.org/abs/2101.03961) [PDF](https://arxiv.org/pdf/2101.03961)',
    ]).papers;
    expect(papers.map((p) => [p.id, p.title, p.citedOnly, p.sources.map((s) => s.line)])).toEqual([
      ['arxiv:1701.06538', 'Notes on sparse expert models', false, [1]],
      ['arxiv:2101.03961', 'Switch Transformers', true, [4]],
    ]);
  });

  it('continues it with labelled links: a link label is no text of its own', () => {
    const papers = parse([
      '2025-06-01 10:00:00 | Notes on sparse expert models',
      '',
      '- [Paper](https://arxiv.org/abs/2101.03961)',
      '- [GShard](https://arxiv.org/abs/2006.16668)',
      '- [Code](https://github.com/google-research/t5x)',
    ]).papers;
    expect(papers.map((p) => [p.id, p.title, p.citedOnly, p.sources.map((s) => s.line)])).toEqual([
      ['arxiv:2006.16668', 'GShard', true, [4]],
      ['arxiv:2101.03961', 'Notes on sparse expert models', false, [1]],
    ]);
  });

  // An address written as code makes no link of its own, yet the line still holds nothing but addresses: it
  // continues the entry's list of links instead of opening an entry for its arXiv paper. (Titles are left out:
  // the entry's title is taken from the code span, a separate problem.)
  it.each([['https://github.com/google-research/t5x'], ['http://example.com/switch-transformers']])(
    'continues it with a paper link and an address in code (%s)',
    (code) => {
      const papers = parse([
        '2025-06-01 10:00:00 | Switch Transformers 相关链接',
        '',
        '- https://arxiv.org/abs/2101.03961',
        `- https://arxiv.org/abs/1701.06538 \`${code}\``,
      ]).papers;
      expect(
        papers.map((p) => [p.id, p.citedOnly, p.sources.map((s) => s.line), p.links.map((l) => l.url)]),
      ).toEqual([
        ['arxiv:1701.06538', true, [4], ['https://arxiv.org/abs/1701.06538']],
        [
          'arxiv:2101.03961',
          false,
          [1],
          ['https://arxiv.org/abs/2101.03961', 'https://arxiv.org/abs/1701.06538'],
        ],
      ]);
    },
  );
});

it('a paragraph that opens with a badge and then a paper link is an entry of that paper', () => {
  // The badge image leaves a space before the link in the line's text: the link still opens the line.
  expect(
    shape([
      '2025-06-01 10:00:00 | Mixture of experts notes',
      'https://arxiv.org/abs/1701.06538 的稀疏门控：每个词只走两个专家。',
      '',
      '![arXiv](https://img.shields.io/badge/arXiv-2101.03961-b31b1b.svg) [Switch Transformers](https://arxiv.org/abs/2101.03961)',
      '',
      'Simplified routing to one expert.',
    ]),
  ).toEqual([
    ['arxiv:1701.06538', 'Mixture of experts notes', false, [1]],
    ['arxiv:2101.03961', 'Switch Transformers', false, [4]],
  ]);
});

it('a table with no title column (a "Model name" is no paper title) lists no works', () => {
  expect(
    shape([
      '# Baselines',
      '',
      '| Model name | Params | Notes |',
      '|---|---|---|',
      '| GPT-4 | ? | strong baseline |',
      '| Llama 3 | 70B | open weights |',
    ]),
  ).toEqual([]);
  // A `Name` column is a title column: the same rows are works.
  expect(
    shape([
      '# Baselines',
      '',
      '| Name | Notes |',
      '|---|---|',
      '| GPT-4 | strong baseline |',
      '| Llama 3 | open weights |',
    ]),
  ).toEqual([
    ['title:gpt 4', 'GPT-4', false, [5]],
    ['title:llama 3', 'Llama 3', false, [6]],
  ]);
});
