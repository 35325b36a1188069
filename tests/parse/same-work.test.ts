// The same work seen twice is one record: articles join the arXiv paper or the article with their name.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';

const parse = (text: string) => parseNotes([{ path: 'notes.md', text }]).papers;

describe('joinSameWork', () => {
  it('joins a WeChat article to the arXiv paper of the same name', () => {
    const papers = parse(
      [
        '1. 2025-06-01 10:00:00 Monday ｜ 港大开源GoTX：强化学习新范式 https://mp.weixin.qq.com/s/abc',
        '',
        '2. 2025-06-02 10:00:00 Tuesday ｜ GoTX: Reasoning Chains for Image Generation',
        '   **链接** ：https://arxiv.org/abs/2505.17022',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.id, p.label])).toEqual([['arxiv:2505.17022', 'GoTX']]);
    expect(papers[0]!.sources.map((s) => s.line)).toEqual([3, 1]);
    expect(papers[0]!.links.map((l) => l.url)).toContain('https://mp.weixin.qq.com/s/abc');
  });

  it('joins nothing when two arXiv papers share the name, or the name is a plain word', () => {
    const papers = parse(
      [
        '1. 2025-06-01 10:00:00 Monday ｜ GoTX: One',
        '   **链接** ：https://arxiv.org/abs/2505.17022',
        '2. 2025-06-02 10:00:00 Tuesday ｜ GoTX: Two',
        '   **链接** ：https://arxiv.org/abs/2505.17023',
        '3. 2025-06-03 10:00:00 Wednesday ｜ 开源GoTX：新范式 https://mp.weixin.qq.com/s/abc',
        '4. 2025-06-04 10:00:00 Thursday ｜ Guide: a method https://mp.weixin.qq.com/s/d',
        '5. 2025-06-05 10:00:00 Friday ｜ Guide: another method https://mp.weixin.qq.com/s/e',
      ].join('\n'),
    );
    expect(papers).toHaveLength(5);
  });
});

describe('joinSameWork: the joined record', () => {
  it('keeps the earlier article and folds the later one into it', () => {
    const { papers } = parseNotes([
      {
        path: 'b.md',
        text: '# 推理\n\n1. 2025-06-03 10:00:00 Tuesday ｜ 港大开源POLARIS：强化学习新配方 https://mp.weixin.qq.com/s/second\n\n   第二篇的摘要。\n',
      },
      {
        path: 'a.md',
        text: '# 对齐\n\n1. 2025-06-05 10:00:00 Monday ｜ 字节跳动最新强化学习配方POLARIS开源 https://mp.weixin.qq.com/s/first\n\n   第一篇的摘要。\n',
      },
    ]);
    expect(papers.map(({ text: _text, ...rest }) => rest)).toEqual([
      {
        id: 'title:港大开源polaris强化学习新配方',
        label: 'POLARIS',
        title: '港大开源POLARIS：强化学习新配方',
        altTitles: ['字节跳动最新强化学习配方POLARIS开源'],
        date: '2025-06-03',
        authors: [],
        topic: '推理',
        topicPath: ['推理'],
        topics: ['推理', '对齐'],
        summary: '第二篇的摘要。\n\n第一篇的摘要。',
        links: [
          { label: 'WeChat', url: 'https://mp.weixin.qq.com/s/second' },
          { label: 'WeChat', url: 'https://mp.weixin.qq.com/s/first' },
        ],
        sources: [
          { file: 'b.md', line: 3 },
          { file: 'a.md', line: 3 },
        ],
        tags: [],
        citedOnly: false,
      },
    ]);
  });
});

describe('joinSameWork: summaries', () => {
  it('joins only the summaries there are', () => {
    const { papers } = parseNotes([
      {
        path: 'b.md',
        text: '# 推理\n\n1. 2025-06-03 10:00:00 Tuesday ｜ 港大开源POLARIS：强化学习新配方 https://mp.weixin.qq.com/s/second\n\n   第二篇的摘要。\n',
      },
      {
        path: 'a.md',
        text: '# 对齐\n\n1. 2025-06-05 10:00:00 Monday ｜ 字节跳动最新强化学习配方POLARIS开源 https://mp.weixin.qq.com/s/first\n',
      },
    ]);
    expect(papers.map((p) => [p.label, p.summary, p.sources.length])).toEqual([
      ['POLARIS', '第二篇的摘要。', 2],
    ]);
  });
});
