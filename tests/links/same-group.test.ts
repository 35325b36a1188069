// Same-group edges: shared authors (normalised) and labs (lexicon aliases, affiliation cues); linear for big groups.
import { describe, expect, it } from 'vitest';
import { findLinks, HANDFUL } from '../../src/links/index.js';
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

  it('joins Han-character names written with spaces', () => {
    const result = findLinks([
      paper('arxiv:1', { authors: ['王增志'] }),
      paper('arxiv:2', { authors: ['王 增志'] }),
    ]);
    expect(sameGroup(result)).toEqual(['same-group:arxiv:1--arxiv:2 via 王增志']);
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
    ['aliases of one lab', '香港大学NLP团队发布了 Polaris。', '港大等开源GoT-R1。', ['HKU']],
    [
      'English and Chinese names',
      '英伟达团队提出全新训练方法。',
      'NVIDIA researchers propose a method.',
      ['NVIDIA'],
    ],
    [
      'list after 来自',
      '来自字节跳动、MAP，曼彻斯特大学的联合团队提出了框架。',
      'ByteDance Seed 团队开源 4B 模型。',
      ['ByteDance'],
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
        text: ['前言。北京大学知识计算实验室联合腾讯微信模式识别中心提出 RewardAnything。'],
      }),
      paper('title:b', { text: ['港中文、北大等联合发布首个系统性对比研究。'] }),
    ]);
    const e = result.edges.find((x) => x.type === 'same-group');
    expect(e?.via).toBe('PKU');
    expect(e?.evidence).toEqual([
      '北京大学知识计算实验室联合腾讯微信模式识别中心提出 RewardAnything。',
      '港中文、北大等联合发布首个系统性对比研究。',
    ]);
    expect(e?.sources).toEqual([
      { file: 'notes.md', line: 10 },
      { file: 'notes.md', line: 10 },
    ]);
  });
});
