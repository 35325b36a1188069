// Rules that the mutation draws of session 9 found untested, each read on a note as it is written: a link written
// without its scheme, an unreadable .bib, an empty `Authors:` line, a digest item whose title holds an aside and
// runs on below, a WeChat/Zhihu item of links only, a log entry that links a paper it only discusses, the order and
// title of a paper only cited, a shortened author list, and a reading note beside a literature note without a title.
import { describe, expect, it } from 'vitest';
import { parseFile, parseNotes } from '../../src/parse/index.js';

describe('a link written without its scheme', () => {
  it('is a web address the page can open, labelled by its host', () => {
    const text = [
      '# RL',
      '',
      '- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347) · [code](github.com/openai/baselines) · [blog](openai.com/index/openai-baselines-ppo/) · [notes](ppo-notes.md)',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'rl.md', text }]).papers;
    expect(paper?.links).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/1707.06347' },
      { label: 'GitHub', url: 'https://github.com/openai/baselines' },
      { label: 'openai.com', url: 'https://openai.com/index/openai-baselines-ppo/' },
    ]);
  });
});

describe('a .bib file the BibTeX reader gives up on', () => {
  it("is one warning quoting the reader's own message", () => {
    // A malformed JabRef group tree in the file's comments makes the reader throw, not report an entry.
    const text = [
      '@article{breimanRandomForests2001,',
      '  title = {Random Forests},',
      '  author = {Breiman, Leo},',
      '  year = {2001}',
      '}',
      '',
      '@comment{jabref-meta: groupstree:',
      '2 ExplicitGroup:x;0;',
      '}',
      '',
    ].join('\n');
    const parse = parseFile({ path: 'refs.bib', text });
    expect(parse.library).toEqual([]);
    expect(parse.diagnostics).toEqual([
      {
        rule: 'library-invalid',
        severity: 'warning',
        file: 'refs.bib',
        line: 1,
        column: 1,
        message: expect.stringMatching(/^papermap\/parse: could not read this BibTeX file \([^E]/),
      },
    ]);
    expect(parse.diagnostics[0]!.message).not.toContain('Error:');
  });
});

describe('an `Authors:` line left empty', () => {
  it('names no author', () => {
    const text = [
      '# Reading',
      '',
      '## Attention Is All You Need',
      '',
      '- Authors:',
      '- Link: https://arxiv.org/abs/1706.03762',
      '',
      '## Proximal Policy Optimization Algorithms',
      '',
      '- Authors: _',
      '- Link: https://arxiv.org/abs/1707.06347',
      '',
    ].join('\n');
    const { papers } = parseNotes([{ path: 'reading.md', text }]);
    expect(papers.map((p) => [p.arxiv, p.authors])).toEqual([
      ['1706.03762', []],
      ['1707.06347', []],
    ]);
  });
});

describe('a digest item that runs over several lines', () => {
  it('keeps an aside in the middle of its title, and takes the open parenthesis at the end as the author', () => {
    const text = [
      '# 学术日报 2025-02-01',
      '',
      '### 医学 (2篇)',
      '',
      '- 多物理场耦合傅里叶神经网络算子模拟 (李石波) [跳转](http://arxiv.org/abs/2501.17296v2)',
      '- 基于脑电图（EEG）的阿尔茨海默病早期检测 (Reza Ghorbani',
      '',
      '（这个名字是波斯语，翻译成中文通常保持原名。）) [跳转](http://arxiv.org/abs/2501.17152v1)',
      '',
    ].join('\n');
    const paper = parseNotes([{ path: 'daily.md', text }]).papers.find((p) => p.arxiv === '2501.17152');
    expect(paper?.title).toBe('基于脑电图（EEG）的阿尔茨海默病早期检测');
    expect(paper?.authors).toEqual(['Reza Ghorbani']);
  });
});

describe('an article item of links only', () => {
  it('is titled by its first link', () => {
    const text =
      '# 文章\n\n- [大模型推理能力综述](https://zhuanlan.zhihu.com/p/667890123) [微信版](https://mp.weixin.qq.com/s/AbCdEf123)\n';
    const { papers, diagnostics } = parseNotes([{ path: 'articles.md', text }]);
    expect(papers.map((p) => p.title)).toEqual(['大模型推理能力综述']);
    expect(diagnostics.map((d) => d.rule)).not.toContain('entry-without-title');
  });
});

describe('a log entry that links a paper it discusses', () => {
  it('is its own note when the paper is also named in it, and the paper is cited', () => {
    const text = [
      '# Log',
      '',
      '- 2025-06-02 10:00:00 | RLHF 入门笔记：从奖励模型到策略优化',
      '  这篇笔记整理了 RLHF 的基本流程，从奖励模型讲到策略优化。',
      '',
      '  https://arxiv.org/abs/1707.06347',
      '',
      '  策略优化一步用的是 [PPO](https://arxiv.org/abs/1707.06347) 的裁剪目标，比 TRPO 简单很多。',
      '',
    ].join('\n');
    const { papers } = parseNotes([{ path: 'log.md', text }]);
    expect(papers.map((p) => [p.id, p.citedOnly])).toEqual([
      ['arxiv:1707.06347', true],
      ['title:rlhf入门笔记从奖励模型到策略优化', false],
    ]);
  });
});

describe('a paper only cited, at several places of one note', () => {
  it('lists its places in line order and keeps the title it was first cited by', () => {
    const text = [
      '# Agents',
      '',
      'Background: the agent loop comes from [the ReAct paper](https://arxiv.org/abs/2210.03629), and tool use from [Toolformer](https://arxiv.org/abs/2302.04761).',
      '',
      '## Papers',
      '',
      '- [Reflexion: Language Agents with Verbal Reinforcement Learning](https://arxiv.org/abs/2303.11366) — builds on [ReAct: Synergizing Reasoning and Acting in Language Models](https://arxiv.org/abs/2210.03629)',
      '',
    ].join('\n');
    const react = parseNotes([{ path: 'agents.md', text }]).papers.find((p) => p.id === 'arxiv:2210.03629');
    expect(react).toMatchObject({
      citedOnly: true,
      title: 'ReAct: Synergizing Reasoning and Acting in Language Models',
      sources: [
        { file: 'agents.md', line: 3 },
        { file: 'agents.md', line: 7 },
      ],
    });
  });
});

describe('one paper with a shortened author list elsewhere', () => {
  it('keeps the first list and says the lists differ', () => {
    const { papers, diagnostics } = parseNotes([
      {
        path: 'a.md',
        text: '# Transformers\n\n- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Vaswani, Shazeer, Parmar\n',
      },
      {
        path: 'b.md',
        text: '# Reading list\n\n- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Vaswani, Shazeer\n',
      },
    ]);
    expect(papers.map((p) => p.authors)).toEqual([['Vaswani', 'Shazeer', 'Parmar']]);
    expect(diagnostics.map((d) => `${d.rule} ${d.message}`)).toEqual([
      'merge-conflict arXiv 1706.03762 appears 2 times (a.md:3, b.md:3) with different author lists (kept Vaswani, Shazeer, Parmar); summaries and links of all places are kept',
    ]);
  });
});

describe('a reading note beside a literature note that has no title', () => {
  it("joins it without lending the reading note's heading as a title", () => {
    const { papers } = parseNotes([
      {
        path: 'lit/shazeer2017outrageously.md',
        text: '---\ncategory: literaturenote\ncitekey: shazeer2017outrageously\nyear: 2017\n---\n\nSparse gating picks two experts per token.\n',
      },
      {
        path: 'reading/moe.md',
        text: '---\nnote: "[[shazeer2017outrageously]]"\n---\n# MoE reading group\n\nWe read it together.\n',
      },
    ]);
    expect(papers.map((p) => [p.title, p.altTitles, p.sources.map((s) => s.file)])).toEqual([
      ['outrageously', [], ['lit/shazeer2017outrageously.md', 'reading/moe.md']],
    ]);
  });
});

describe('a list item that links its paper and a paper it builds on', () => {
  it('titles the entry by its own paper only, so the other paper named elsewhere is not joined to it', () => {
    const { papers } = parseNotes([
      {
        path: 'agents.md',
        text: '# Agents\n\n- [Reflexion: Language Agents with Verbal Reinforcement Learning](https://arxiv.org/abs/2303.11366) — builds on [ReAct: Synergizing Reasoning and Acting in Language Models](https://arxiv.org/abs/2210.03629)\n',
      },
      {
        path: 'list.md',
        text: '# Reading list\n\n- [ReAct: Synergizing Reasoning and Acting in Language Models](https://openreview.net/forum?id=WE_vluYUL-X) (ICLR 2023)\n',
      },
    ]);
    expect(papers.map((p) => [p.id, p.altTitles, p.sources.map((s) => `${s.file}:${s.line}`)])).toEqual([
      ['arxiv:2210.03629', [], ['agents.md:3', 'list.md:3']],
      ['arxiv:2303.11366', [], ['agents.md:3']],
    ]);
  });

  it('keeps a translated title linked to the same paper', () => {
    const text =
      '# RL\n\n- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347) [近端策略优化算法](https://arxiv.org/pdf/1707.06347)\n';
    const [paper] = parseNotes([{ path: 'rl.md', text }]).papers;
    expect(paper?.altTitles).toEqual(['近端策略优化算法']);
  });
});

describe('a link given twice in one entry', () => {
  it('keeps the label it was first given', () => {
    const text = [
      '# RL',
      '',
      '- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347) · [OpenAI Baselines](https://github.com/openai/baselines)',
      '  - The PPO2 variant lives in [the baselines repo](https://github.com/openai/baselines) too.',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'rl.md', text }]).papers;
    expect(paper?.links).toContainEqual({
      label: 'OpenAI Baselines',
      url: 'https://github.com/openai/baselines',
    });
  });
});

describe('a byline of surnames written in capitals', () => {
  it('is a list of authors, not a venue', () => {
    const text =
      '# RL\n\n- [Qwen Technical Report](https://arxiv.org/abs/2309.16609) - BAI Jinze, BAI Shuai, 2023\n';
    const [paper] = parseNotes([{ path: 'rl.md', text }]).papers;
    expect(paper?.authors).toEqual(['BAI Jinze', 'BAI Shuai']);
    expect(paper?.venue).toBeUndefined();
  });
});

describe('front matter whose opening fence has trailing spaces', () => {
  it('is read as front matter', () => {
    const text =
      '--- \ncategory: literaturenote\ntitle: Attention Is All You Need\nauthors: Ashish Vaswani, Noam Shazeer\nyear: 2017\n---\n\nNotes on the transformer.\n';
    const [paper] = parseNotes([{ path: 'lit/vaswani2017.md', text }]).papers;
    expect(paper).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
    });
  });
});

describe('a nested list item under a paper', () => {
  it('keeps its indent in the text of the paper', () => {
    const text = [
      '# RL',
      '',
      '- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)',
      '  - Clipped surrogate objective instead of a trust region.',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'rl.md', text }]).papers;
    expect(paper?.text).toContainEqual({
      file: 'rl.md',
      line: 4,
      text: 'Clipped surrogate objective instead of a trust region.',
      indent: 2,
    });
  });
});

describe('an undated article joined to a dated paper of the same name', () => {
  it("keeps the paper's date", () => {
    const { papers } = parseNotes([
      {
        path: 'log.md',
        text: '# Log\n\n1. 2025-06-02 10:00:00 Tuesday ｜ GoTX: Reasoning Chains for Image Generation\n   **链接** ：https://arxiv.org/abs/2505.17022\n',
      },
      {
        path: 'wechat.md',
        text: '# 文章\n\n- [港大开源GoTX：强化学习新范式](https://mp.weixin.qq.com/s/abc)\n',
      },
    ]);
    expect(papers.map((p) => [p.id, p.date, p.sources.map((s) => s.file)])).toEqual([
      ['arxiv:2505.17022', '2025-06-02', ['log.md', 'wechat.md']],
    ]);
  });
});
