// Same-group edges: shared authors (normalised) and labs (lexicon aliases, affiliation cues); linear for big groups.
import { describe, expect, it } from 'vitest';
import { createLinkCache, findLinks, HANDFUL } from '../../src/links/index.js';
import { paper } from './helpers.js';

const sameGroup = (result: ReturnType<typeof findLinks>) =>
  result.edges.filter((e) => e.type === 'same-group').map((e) => `${e.key} via ${e.via}`);

describe('same-group by author', () => {
  it('links papers sharing an author written differently, undirected with a sorted key', () => {
    const result = findLinks([
      paper('arxiv:2504.16828', {
        label: 'ThinkPRM',
        authors: ['Khalifa, M', 'Agarwal, R', 'Wang, L'],
        date: '2025-06-01',
      }),
      paper('arxiv:2305.14934', {
        label: 'GRACE',
        authors: ['Muhammad Khalifa', 'Lu Wang'],
        date: '2025-06-02',
      }),
      paper('arxiv:2401.00001', { label: 'Other', authors: ['Rishabh Agarwala'] }),
    ]);
    const edges = result.edges.filter((e) => e.type === 'same-group');
    expect(edges.map((e) => e.key)).toEqual(['same-group:arxiv:2305.14934--arxiv:2504.16828']);
    expect(edges[0]?.directed).toBe(false);
    expect(edges[0]?.via).toBe('Muhammad Khalifa; Lu Wang');
    expect(edges[0]?.evidence).toHaveLength(2);
  });

  it('does not join two different full names with the same initial', () => {
    const result = findLinks([
      paper('arxiv:1', { authors: ['Lei Chen'] }),
      paper('arxiv:2', { authors: ['Li Chen'] }),
    ]);
    expect(sameGroup(result)).toEqual([]);
  });

  it('does not link papers by one shared given name or a name split into syllables', () => {
    const result = findLinks([
      paper('arxiv:1', { authors: ['Peter', 'Tong', 'Jian', 'Wei'] }),
      paper('arxiv:2', { authors: ['Peter', 'Tong', 'Jian', 'Wei'] }),
    ]);
    expect(sameGroup(result)).toEqual([]);
  });

  it('needs a second shared author when a surname and initial fit two people', () => {
    const twoZhangs = ['Susan Zhang', 'Shengyu Zhang'];
    const alone = findLinks([
      paper('arxiv:0', { authors: twoZhangs }),
      paper('arxiv:1', { authors: ['Zhang, S', 'Ada Lovelace'] }),
      paper('arxiv:2', { authors: ['Zhang, S', 'Alan Turing'] }),
    ]);
    expect(sameGroup(alone)).toEqual([]);
    const two = findLinks([
      paper('arxiv:0', { authors: twoZhangs }),
      paper('arxiv:1', { authors: ['Zhang, S', 'Li, Q'] }),
      paper('arxiv:2', { authors: ['Zhang, S', 'Li, Q'] }),
    ]);
    expect(sameGroup(two)).toEqual(['same-group:arxiv:1--arxiv:2 via Li, Q; Zhang, S']);
  });

  it('does not take one initial that fits one full name as the same person on its own', () => {
    const result = findLinks([
      paper('arxiv:1', { authors: ['Muhammad Khalifa', 'Ada Lovelace'] }),
      paper('arxiv:2', { authors: ['Khalifa, M', 'Alan Turing'] }),
    ]);
    expect(sameGroup(result)).toEqual([]);
  });

  it('joins Han-character names written with spaces, with a second shared author for a short Chinese name', () => {
    const result = findLinks([
      paper('arxiv:1', { authors: ['王增志', '李 明华'] }),
      paper('arxiv:2', { authors: ['王 增志', '李明华'] }),
    ]);
    expect(sameGroup(result)).toEqual(['same-group:arxiv:1--arxiv:2 via 李 明华; 王增志']);
  });

  it('does not join two papers on one short Chinese name alone (张涛 is thousands of people)', () => {
    const result = findLinks([
      paper('arxiv:1', { authors: ['张涛'] }),
      paper('arxiv:2', { authors: ['张 涛'] }),
      paper('arxiv:3', { authors: ['周东亮', 'Ada Lovelace'] }),
      paper('arxiv:4', { authors: ['周东亮', 'Grace Hopper'] }),
    ]);
    expect(sameGroup(result)).toEqual([]);
  });

  it('joins a long transliterated name alone (卡罗琳娜·鲁德尼卡)', () => {
    const result = findLinks([
      paper('arxiv:1', { authors: ['卡罗琳娜·鲁德尼卡'] }),
      paper('arxiv:2', { authors: ['卡罗琳娜·鲁德尼卡'] }),
    ]);
    expect(sameGroup(result)).toEqual(['same-group:arxiv:1--arxiv:2 via 卡罗琳娜·鲁德尼卡']);
  });

  it(`links up to ${HANDFUL} papers pairwise and chains bigger groups in date order`, () => {
    const group = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        paper(`arxiv:${String(i).padStart(2, '0')}`, {
          authors: ['Ada Lovelace'],
          // Dates in reverse of ids, so the chain order is visibly the date order.
          date: `2025-01-${String(30 - i).padStart(2, '0')}`,
        }),
      );
    expect(sameGroup(findLinks(group(HANDFUL))).length).toBe((HANDFUL * (HANDFUL - 1)) / 2);
    const big = sameGroup(findLinks(group(30)));
    expect(big.length).toBe(29);
    expect(big).toContain('same-group:arxiv:28--arxiv:29 via Ada Lovelace');
    expect(big).toContain('same-group:arxiv:00--arxiv:01 via Ada Lovelace');
    expect(big).not.toContain('same-group:arxiv:00--arxiv:02 via Ada Lovelace');
  });
});

describe('same-group by lab', () => {
  const table: [string, string, string, string[]][] = [
    [
      'aliases of one lab',
      '上海AI Lab突破强化学习短板。',
      '上海人工智能实验室提出新方法。',
      ['Shanghai AI Lab'],
    ],
    [
      'English and Chinese names of a named team',
      'Qwen团队提出 GSPO。',
      'The Qwen Team releases a new model.',
      ['Qwen Team'],
    ],
    [
      'list after 来自, through a company that is no group itself',
      '来自字节跳动、MAP，曼彻斯特大学的联合团队提出了框架。',
      '来自北京大学、MAP的团队提出新基准。',
      ['MAP'],
    ],
    // The seed's wrong pairs: a university or a large company alone is not a group (issue 10).
    ['a university alone (HKU)', '香港大学NLP团队发布了 Polaris。', '港大等开源GoT-R1。', []],
    [
      'a university alone (PKU)',
      '北京大学知识计算实验室提出 RewardAnything。',
      '港中文、北大等联合发布首个系统性对比研究。',
      [],
    ],
    [
      'a company alone (ByteDance)',
      '来自字节跳动、MAP，曼彻斯特大学的联合团队提出了框架。',
      '字节跳动Seed最新强化学习配方开源。',
      [],
    ],
    ['a company alone (NVIDIA)', '英伟达团队提出全新训练方法。', 'NVIDIA researchers propose a method.', []],
    [
      'ByteDance Seed is a named team',
      '字节跳动Seed最新强化学习配方开源。',
      'ByteDance Seed 团队开源 4B 模型。',
      ['ByteDance Seed'],
    ],
    [
      'a lab that is only a subject is no affiliation',
      'DeepSeek的GRPO会导致模型崩溃。',
      'DeepSeek 团队提出 GRPO。',
      [],
    ],
    [
      'a lab cited for its work is no affiliation',
      '受OpenAI经典论文启发。',
      'OpenAI的相关研究表明过程监督更好。',
      [],
    ],
    ['字节 as "byte" is no lab', '使用字节级分词。', '字节跳动Seed团队发布。', []],
  ];
  it.each(table)('%s', (_label, a, b, labs) => {
    const result = findLinks([paper('title:a', { text: [a] }), paper('title:b', { text: [b] })]);
    expect(result.edges.filter((e) => e.type === 'same-group').map((e) => e.via)).toEqual(labs);
  });

  it('cites the affiliation sentences as evidence', () => {
    const result = findLinks([
      paper('title:a', {
        text: ['前言。上海AI Lab联合腾讯微信模式识别中心提出 RewardAnything。'],
      }),
      paper('title:b', { text: ['港中文、上海人工智能实验室等联合发布首个系统性对比研究。'] }),
    ]);
    const e = result.edges.find((x) => x.type === 'same-group');
    expect(e?.via).toBe('Shanghai AI Lab');
    expect(e?.evidence).toEqual([
      '上海AI Lab联合腾讯微信模式识别中心提出 RewardAnything。',
      '港中文、上海人工智能实验室等联合发布首个系统性对比研究。',
    ]);
    expect(e?.sources).toEqual([
      { file: 'notes.md', line: 10 },
      { file: 'notes.md', line: 10 },
    ]);
  });
});

describe('same-group by initials against a very long author list (daily-reports sample, issue 10)', () => {
  it('two common initials shared with a hundred-author list make no group', () => {
    const team = Array.from({ length: 60 }, (_, i) => `Author${String.fromCharCode(65 + (i % 26))}${i}, Q`);
    const result = findLinks([
      paper('arxiv:2508.05783', { authors: ['Li, M', 'Shen, G', 'Farris, C W', 'Zhang, X'] }),
      paper('arxiv:2508.06471', { authors: ['GLM-4.5 Team', 'Zeng, A', 'Li, M', 'Zhang, X', ...team] }),
    ]);
    expect(sameGroup(result)).toEqual([]);
    // The same two initials shared with a short list still do.
    const short = findLinks([
      paper('arxiv:2508.05783', { authors: ['Li, M', 'Shen, G', 'Farris, C W', 'Zhang, X'] }),
      paper('arxiv:2508.06471', { authors: ['Zeng, A', 'Li, M', 'Zhang, X'] }),
    ]);
    expect(sameGroup(short)).toHaveLength(1);
  });
});

describe('same-group by technical reports an entry lists as its own', () => {
  const article = (links: { label: string; url: string }[]) =>
    paper('title:cpgd', { label: 'CPGD', title: 'CPGD：新强化学习算法', links, date: '2025-06-24' });
  const reports = [
    paper('arxiv:2503.07365', { arxiv: '2503.07365', label: 'arXiv:2503.07365', citedOnly: true }),
    paper('arxiv:2505.13427', { arxiv: '2505.13427', label: 'arXiv:2505.13427', citedOnly: true }),
    paper('arxiv:2506.00001', { arxiv: '2506.00001', label: 'Other', citedOnly: true }),
  ];
  const listed = [
    { label: 'WeChat', url: 'https://mp.weixin.qq.com/s/x' },
    { label: '技术报告', url: 'https://arxiv.org/abs/2503.07365' },
    { label: '技术报告', url: 'https://arxiv.org/abs/2505.13427' },
    { label: '论文', url: 'https://arxiv.org/abs/2506.00001' },
  ];

  it('joins the entry and each report it lists (not a paper it only links), the reports not to each other', () => {
    const result = findLinks([article(listed), ...reports]);
    expect(sameGroup(result)).toEqual([
      'same-group:arxiv:2503.07365--title:cpgd via arXiv:2503.07365',
      'same-group:arxiv:2505.13427--title:cpgd via arXiv:2505.13427',
    ]);
    const edge = result.edges.find((e) => e.key === 'same-group:arxiv:2503.07365--title:cpgd');
    expect(edge?.evidence).toContain('CPGD: 技术报告 https://arxiv.org/abs/2503.07365');
  });

  it('a warm rebuild that drops a listed report drops its pair, as a cold build does', () => {
    const cache = createLinkCache();
    findLinks([article(listed), ...reports], { cache });
    const fewer = [article(listed.filter((l) => !l.url.endsWith('2505.13427'))), ...reports];
    const warm = findLinks(fewer, { cache });
    expect(sameGroup(warm)).toEqual(sameGroup(findLinks(fewer)));
    expect(sameGroup(warm)).toEqual(['same-group:arxiv:2503.07365--title:cpgd via arXiv:2503.07365']);
  });
});
