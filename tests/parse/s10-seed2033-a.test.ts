// Session 10 (p33a): rules the src/parse draw with seed 2033 found untested, each read on a note as it is written:
// a reading log whose first column is the date, a bare arXiv link in spaced brackets, a link to arXiv's search for
// a paper's id, a Chinese blog post's title, a `Link:` field under a heading that points at a write-up, and a label
// whose "name" before the colon is too long to be a name.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { makeLabel } from '../../src/parse/text.js';

describe('a reading log whose first column is the date', () => {
  it('dates each row from that column, whatever the date looks like', () => {
    const text = [
      '# Reading log',
      '',
      '| Read | Paper | Authors |',
      '| --- | --- | --- |',
      '| 2024.03.09 | Constitutional AI: Harmlessness from AI Feedback | Bai et al. |',
      '| 2024年3月12日 | Scaling Laws for Neural Language Models | Kaplan et al. |',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'log.md', text }]).papers;
    expect(papers.map((p) => [p.title, p.date])).toEqual([
      ['Constitutional AI: Harmlessness from AI Feedback', '2024-03-09'],
      ['Scaling Laws for Neural Language Models', '2024-03-12'],
    ]);
  });
});

describe('a bare arXiv link in brackets with spaces inside them', () => {
  it('goes with its brackets: the title is the words before them', () => {
    const text = [
      '# Papers',
      '',
      '- Direct Preference Optimization ( https://arxiv.org/abs/2305.18290 )',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'papers.md', text }]).papers;
    expect([paper?.id, paper?.title]).toEqual(['arxiv:2305.18290', 'Direct Preference Optimization']);
  });
});

describe("a link to arXiv's search for a paper's id", () => {
  it('refers to that paper and names no author', () => {
    const text = [
      '# Reading',
      '',
      '- DPO, found by [searching arXiv](https://arxiv.org/search/?query=arXiv:2305.18290&searchtype=all)',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'reading.md', text }]).papers;
    expect(papers.map((p) => [p.id, p.authors])).toEqual([['arxiv:2305.18290', []]]);
  });
});

describe("a Chinese blog post's title in a list of posts", () => {
  it('is labelled by the shortened title, not cut at its colon like a paper title', () => {
    const text = [
      '# 公众号文章',
      '',
      '- 混合专家模型详解：路由、负载均衡与训练稳定性 [阅读](https://zhuanlan.zhihu.com/p/123456789)',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'posts.md', text }]).papers;
    expect([paper?.title, paper?.label]).toEqual([
      '混合专家模型详解：路由、负载均衡与训练稳定性',
      '混合专家模型详解：路由、负载…',
    ]);
  });
});

describe('a `Link:` field under a heading', () => {
  it("titles the work from a paper link's text, not from a blog post's", () => {
    const text = [
      '# Alignment',
      '',
      '## Constitutional AI',
      '',
      '- Link: [Anthropic write-up on training a harmless assistant](https://www.anthropic.com/news/constitutional-ai-harmlessness-from-ai-feedback)',
      '- arXiv: 2212.08073',
      '',
      '## RLHF',
      '',
      '- Link: [Illustrating Reinforcement Learning from Human Feedback](https://huggingface.co/blog/rlhf)',
      '- Paper: [Training language models to follow instructions with human feedback](https://arxiv.org/abs/2203.02155)',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'alignment.md', text }]).papers;
    expect(papers.map((p) => [p.id, p.title, p.label])).toEqual([
      ['arxiv:2203.02155', 'Training language models to follow instructions with human feedback', 'RLHF'],
      ['arxiv:2212.08073', 'Constitutional AI', 'Constitutional AI'],
    ]);
  });
});

describe('a title whose words before the colon are too long to be a name', () => {
  it('gives a shortened title as the label, not a name', () => {
    expect(
      makeLabel([{ text: 'Retrieval-Augmented Generation: A Survey of Methods', paperish: true }], ''),
    ).toEqual({
      label: 'Retrieval-Augmented Generation',
      named: false,
    });
    expect(
      makeLabel(
        [{ text: 'Toolformer: Language Models Can Teach Themselves to Use Tools', paperish: true }],
        '',
      ),
    ).toEqual({ label: 'Toolformer', named: true });
  });
});
