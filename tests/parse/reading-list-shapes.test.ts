// Reading lists as people publish them (a blog's "essential papers" page, a study plan, a Jekyll post): the title
// without its list ordinal, marker emoji, stars, quotes or kramdown attributes, and the byline without "et al." and
// the year.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { splitAuthors, tidyTitle } from '../../src/parse/text.js';

const parse = (path: string, text: string) => parseNotes([{ path, text }]).papers;

describe('a reading list page', () => {
  it('a Jekyll post: heading links with an attribute list and a marker emoji, a bold byline below', () => {
    const papers = parse(
      '_posts/2025-11-04-essential-reading.md',
      [
        '---',
        'title: "Essential reading"',
        'categories: [Papers, arXiv]',
        '---',
        '',
        '## 1. Foundations',
        '',
        '### 🔹 [Attention Is All You Need](https://arxiv.org/abs/1706.03762){:target="_blank"}',
        '**Vaswani et al., 2017**  ',
        '> Replaced recurrence with *self-attention* over the whole sequence.  ',
        '',
        '---',
        '',
        '### 🔹 [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685){: .paper}',
        '**Hu et al., 2021**  ',
        '> Freezes the weights and learns small low-rank updates.',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.arxiv, p.title, p.altTitles])).toEqual([
      ['1706.03762', 'Attention Is All You Need', []],
      ['2106.09685', 'LoRA: Low-Rank Adaptation of Large Language Models', []],
    ]);
  });

  it('a study plan: numbered headings with a quoted title, a year, stars and field items', () => {
    const papers = parse(
      'plan.md',
      [
        '# Must read',
        '',
        '### 1. **Attention Is All You Need** ⭐⭐⭐',
        '- **Authors:** Vaswani et al. (2017)',
        '- **Link:** [arXiv](https://arxiv.org/abs/1706.03762)',
        '- **Why Essential:** Introduced the Transformer.',
        '',
        '### 2. "Deep Residual Learning for Image Recognition" (2015)',
        '- **Authors**: Kaiming He, Xiangyu Zhang, et al.',
        '- **Venue**: CVPR 2016',
        '- **ArXiv**: https://arxiv.org/abs/1512.03385',
        '',
        '### 3. **Language Models are Few-Shot Learners** 🔥',
        '- **Authors:** Brown et al., OpenAI (2020)',
        '- **Link:** [arXiv](https://arxiv.org/abs/2005.14165)',
        '',
      ].join('\n'),
    );
    const by = (id: string) => papers.find((p) => p.arxiv === id)!;
    expect(by('1706.03762').title).toBe('Attention Is All You Need');
    expect(by('1706.03762').authors).toEqual(['Vaswani']);
    expect(by('1512.03385').title).toBe('Deep Residual Learning for Image Recognition');
    expect(by('1512.03385').authors).toEqual(['Kaiming He', 'Xiangyu Zhang']);
    expect(by('1512.03385').venue).toBe('CVPR 2016');
    expect(by('2005.14165').title).toBe('Language Models are Few-Shot Learners');
    expect(by('2005.14165').authors).toEqual(['Brown', 'OpenAI']);
    for (const p of papers) expect(p.altTitles).toEqual([]);
  });

  it('a Xiaohongshu share pasted into a digest is titled by the post, not the share text', () => {
    const papers = parse(
      'daily.md',
      [
        '# 2025-08-06',
        '',
        '## 小红书',
        '',
        '1. 49 【谷歌突破研究Agent瓶颈！（全文分享） - AI研究所 | 小红书 - 你的生活兴趣社区】 😆 idc6faPaC7i7pEN 😆 https://www.xiaohongshu.com/discovery/item/688c28b90000000023026789?source=webshare',
        '2. 66 【ReMA：多智能体RL提升LLM元思考能力 - 微风老师 | 小红书 - 你的生活兴趣社区】 😆 xRUyuAoXpKiLEri 😆 https://www.xiaohongshu.com/discovery/item/688e28ce0000000004002c42?source=webshare',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => p.title).sort()).toEqual([
      'ReMA：多智能体RL提升LLM元思考能力',
      '谷歌突破研究Agent瓶颈！（全文分享）',
    ]);
  });
});

describe('tidyTitle', () => {
  it.each([
    ['1. Attention Is All You Need', 'Attention Is All You Need'],
    ['12) Attention Is All You Need', 'Attention Is All You Need'],
    ['3、注意力机制', '注意力机制'],
    ['🔹 Attention Is All You Need', 'Attention Is All You Need'],
    ['Attention Is All You Need ⭐⭐⭐', 'Attention Is All You Need'],
    ['📄 1. "Attention Is All You Need" (2017) 🔥', 'Attention Is All You Need'],
    ['“ReachAgent：通过页面访问和操作增强移动代理”', 'ReachAgent：通过页面访问和操作增强移动代理'],
    ['「任务定义」Is All You Need', '「任务定义」Is All You Need'],
    ['Attention {:target="_blank"}', 'Attention'],
    ['Attention {.paper #vaswani}', 'Attention'],
    ['Attention {target=_blank}', 'Attention'],
    // what stays
    ['1.58-bit LLMs', '1.58-bit LLMs'],
    ['重访Tirole（1985）', '重访Tirole（1985）'],
    ['Revisiting Tirole (1985)', 'Revisiting Tirole (1985)'],
    ['GPT-4o', 'GPT-4o'],
    ['"Why" and "How"', '"Why" and "How"'],
    ['2025 AI Index Report', '2025 AI Index Report'],
    [
      '【MASLab：统一且易用的LLM多智能体代码库 - 数据科学技术速递 | 小红书 - 你的生活兴趣社区】 😆 LQWcaHLiH0D36hS 😆',
      'MASLab：统一且易用的LLM多智能体代码库',
    ],
  ])('%s -> %s', (raw, title) => {
    expect(tidyTitle(raw)).toBe(title);
  });
});

describe('splitAuthors: a byline without its year and "et al."', () => {
  it.each([
    ['Vaswani et al. (2017)', ['Vaswani']],
    ['Vaswani et al., 2017', ['Vaswani']],
    ['Brown et al., OpenAI (2020)', ['Brown', 'OpenAI']],
    ['Kaiming He, Xiangyu Zhang, et al.', ['Kaiming He', 'Xiangyu Zhang']],
    ['Rafailov （2023）', ['Rafailov']],
    ['Ashish Vaswani, Noam Shazeer', ['Ashish Vaswani', 'Noam Shazeer']],
    ['Lu 2023a', ['Lu 2023a']],
  ])('%s', (text, authors) => {
    expect(splitAuthors(text)).toEqual(authors);
  });
});

describe('a table inside a paper’s notes', () => {
  it('stays a whole table in the summary: header, delimiter and rows', () => {
    const papers = parse(
      'notes.md',
      [
        '# Reasoning',
        '',
        '## [DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning](https://arxiv.org/abs/2501.12948)',
        '',
        'Results on the benchmarks:',
        '',
        '| Benchmark | R1 | o1 |',
        '| --- | --- | --- |',
        '| AIME 2024 | 79.8 | 79.2 |',
        '',
      ].join('\n'),
    );
    expect(papers).toHaveLength(1);
    expect(papers[0]!.summary).toBe(
      [
        'Results on the benchmarks:',
        '',
        '| Benchmark | R1 | o1 |',
        '| --- | --- | --- |',
        '| AIME 2024 | 79.8 | 79.2 |',
      ].join('\n'),
    );
  });
});
