// What the text around a titled paper link says: a sentence the link stands in is no other title of the paper
// (`We build on [Reflexion: …](…).`), and a bracket after the link is its byline when it names people or a
// venue (`[Title](…) (Rafailov et al., 2023)`), else it is left as it was.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';

const parse = (text: string) => parseNotes([{ path: 'reading.md', text }]);
const paperOf = (text: string, title: string) => {
  const p = parse(text).papers.find((x) => x.title === title);
  expect(p, `${title} in ${text}`).toBeDefined();
  return p!;
};

const REFLEXION = 'Reflexion: Language Agents with Verbal Reinforcement Learning';
const REACT = 'ReAct: Synergizing Reasoning and Acting in Language Models';

describe('a titled link inside a sentence', () => {
  it.each([
    [`- We build on [${REFLEXION}](https://arxiv.org/abs/2303.11366).`, REFLEXION],
    [`- See [${REACT}](https://arxiv.org/abs/2210.03629) for details.`, REACT],
    [`- The agent loop follows [${REACT}](https://arxiv.org/abs/2210.03629)`, REACT],
    [`- 我们基于 [${REFLEXION}](https://arxiv.org/abs/2303.11366) 做了改进`, REFLEXION],
    [`- 今天读了 [${REACT}](https://arxiv.org/abs/2210.03629) 这篇论文，很有启发`, REACT],
    [
      `- Compare with [${REACT}](https://arxiv.org/abs/2210.03629) and [its code](https://github.com/ysymyth/ReAct).`,
      REACT,
    ],
  ])('%s: the sentence is no other title', (line, title) => {
    expect(paperOf(`# Agents\n\n${line}\n`, title).altTitles).toEqual([]);
  });

  it('two sentences with the same words around different papers keep them apart, each with its own link', () => {
    const { papers } = parse(
      [
        '# Agents',
        '',
        `- We build on [${REFLEXION}](https://arxiv.org/abs/2303.11366).`,
        `- We build on [${REACT}](https://arxiv.org/abs/2210.03629).`,
        '',
      ].join('\n'),
    );
    const titles = papers.map((p) => p.title).sort();
    expect(titles).toEqual([REACT, REFLEXION]);
    for (const p of papers) expect(p.altTitles).toEqual([]);
  });

  it.each([
    [
      '- 注意力就是你所需要的一切 [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
      '注意力就是你所需要的一切',
    ],
    [
      '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) 注意力就是你所需要的一切',
      '注意力就是你所需要的一切',
    ],
    [
      '- DeepSeek-R1：[DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning](https://arxiv.org/abs/2501.12948)',
      'DeepSeek-R1',
    ],
  ])('%s: a name or translation beside the link is still a title', (line, alt) => {
    const { papers } = parse(`# Reading\n\n${line}\n`);
    expect(papers).toHaveLength(1);
    expect(papers[0]!.altTitles).toContain(alt);
  });
});

describe('a bracket after a titled paper link', () => {
  const DPO = 'Direct Preference Optimization';
  it.each([
    [`- [${DPO}](https://arxiv.org/abs/2305.18290) (Rafailov et al., 2023)`, ['Rafailov'], undefined],
    [`- [${DPO}](https://arxiv.org/abs/2305.18290) (Rafailov et al.)`, ['Rafailov'], undefined],
    [`- [${DPO}](https://arxiv.org/abs/2305.18290)（Rafailov 等）`, ['Rafailov'], undefined],
    [`- [${DPO}](https://arxiv.org/abs/2305.18290)（张三 等）`, ['张三'], undefined],
    [
      `- [${DPO}](https://arxiv.org/abs/2305.18290) (Rafailov, Sharma, Mitchell)`,
      ['Rafailov', 'Sharma', 'Mitchell'],
      undefined,
    ],
    [
      `- [${DPO}](https://arxiv.org/abs/2305.18290) (Rafailov et al., NeurIPS 2023).`,
      ['Rafailov'],
      'NeurIPS',
    ],
    [`- [${DPO}](https://arxiv.org/abs/2305.18290) (NeurIPS)`, [], 'NeurIPS'],
  ])('%s is its byline, no other title', (line, authors, venue) => {
    const p = paperOf(`# Alignment\n\n${line}\n`, DPO);
    expect(p.altTitles).toEqual([]);
    expect(p.authors).toEqual(authors);
    expect(p.venue).toBe(venue);
  });

  it.each([
    ['- [Mixtral of Experts](https://arxiv.org/abs/2401.04088) (a survey of experts)', 'Mixtral of Experts'],
    ['- [Mixtral of Experts](https://arxiv.org/abs/2401.04088) (混合专家)', 'Mixtral of Experts'],
  ])('%s: a bracket of other words names nobody', (line, title) => {
    const p = paperOf(`# Models\n\n${line}\n`, title);
    expect(p.authors).toEqual([]);
    expect(p.venue).toBeUndefined();
  });

  it('a dash byline still gives authors and venue', () => {
    const p = paperOf(
      `# Alignment\n\n- [${DPO}](https://arxiv.org/abs/2305.18290) - Rafailov et al., NeurIPS 2023\n`,
      DPO,
    );
    expect(p.authors).toEqual(['Rafailov']);
    expect(p.venue).toBe('NeurIPS');
  });
});

describe('a `Paper:` / `论文：` label before a titled paper link', () => {
  const DPO = 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model';
  const PPO = 'Proximal Policy Optimization Algorithms';

  it.each([
    ['论文：', '论文：'],
    ['Paper: ', 'Paper: '],
    ['**Paper**: ', '**Paper**: '],
  ])(
    'a reading list of `- %s[Title](arxiv)` items gives each paper its own entry, titled by its link',
    (a, b) => {
      const { papers } = parse(
        [
          '# Weekly reading',
          '',
          `- ${a}[${DPO}](https://arxiv.org/abs/2305.18290)`,
          `- ${b}[${PPO}](https://arxiv.org/abs/1707.06347)`,
          '',
        ].join('\n'),
      );
      const byTitle = new Map(papers.map((p) => [p.title, p]));
      expect([...byTitle.keys()].sort()).toEqual([DPO, PPO]);
      for (const p of papers) {
        expect(p.citedOnly ?? false, p.title).toBe(false);
        expect(p.altTitles, p.title).toEqual([]);
      }
      expect(byTitle.get(PPO)!.sources[0]!.line).toBe(4);
    },
  );

  it('a label before a link that only says where it goes still makes no entry of its own', () => {
    // `- Paper: [arXiv](…)` under a paper's heading is that paper's link field.
    const { papers } = parse(
      ['# Notes', '', '## Toolformer', '', '- Paper: [arXiv](https://arxiv.org/abs/2302.04761)', ''].join(
        '\n',
      ),
    );
    expect(papers.map((p) => [p.title, p.arxiv])).toEqual([['Toolformer', '2302.04761']]);
  });

  it.each([
    ['# DPO', 'dpo.md'],
    ['# Alignment notes\n\n## DPO', 'alignment.md'],
  ])(
    '`%s` then `- Paper: [Full title](arxiv)`: the link gives the title, the heading the short name',
    (top, path) => {
      const text = [
        top,
        '',
        `- Paper: [${DPO}](https://arxiv.org/abs/2305.18290)`,
        '- Code: [GitHub](https://github.com/eric-mitchell/direct-preference-optimization)',
        '',
        'DPO skips the reward model.',
        '',
      ].join('\n');
      const { papers } = parseNotes([{ path, text }]);
      expect(papers.map((p) => [p.title, p.label, p.arxiv])).toEqual([[DPO, 'DPO', '2305.18290']]);
    },
  );
});

describe('a reading list of short names, each with a nested `Paper:` link', () => {
  it('gives each name its own paper, titled by its link and labelled by the name', () => {
    const { papers } = parse(
      [
        '# Alignment reading',
        '',
        '- DPO',
        '  - Paper: [Direct Preference Optimization: Your Language Model is Secretly a Reward Model](https://arxiv.org/abs/2305.18290)',
        '  - Code: [GitHub](https://github.com/eric-mitchell/direct-preference-optimization)',
        '- PPO',
        '  - Paper: [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)',
        '',
      ].join('\n'),
    );
    expect(
      papers
        .map((p) => [p.label, p.title, p.arxiv, p.sources[0]!.line, p.citedOnly ?? false])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      [
        'DPO',
        'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
        '2305.18290',
        3,
        false,
      ],
      ['PPO', 'Proximal Policy Optimization Algorithms', '1707.06347', 6, false],
    ]);
  });
});

describe('a reading-list table whose title cell carries its own link', () => {
  it.each([
    ['**Attention Is All You Need** [arXiv](https://arxiv.org/abs/1706.03762)', 'Attention Is All You Need'],
    [
      'Deep Residual Learning for Image Recognition [pdf](https://arxiv.org/pdf/1512.03385)',
      'Deep Residual Learning for Image Recognition',
    ],
    [
      'Proximal Policy Optimization Algorithms https://arxiv.org/abs/1707.06347',
      'Proximal Policy Optimization Algorithms',
    ],
  ])('`| %s |` is titled without the words of its link', (cell, title) => {
    const { papers } = parse(
      [
        '# Papers',
        '',
        '| Paper | Year | Notes |',
        '|---|---|---|',
        `| ${cell} | 2017 | read twice |`,
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => p.title)).toEqual([title]);
  });
});

describe("a link to an author's page", () => {
  it('names the author of each work, and is no title that joins the works together', () => {
    const { papers } = parse(
      [
        '# Repos',
        '',
        '- [nanoGPT](https://github.com/karpathy/nanoGPT) by [Andrej Karpathy](https://arxiv.org/a/karpathy_a_1)',
        '- [Andrej Karpathy](https://arxiv.org/a/karpathy_a_1): [minGPT](https://github.com/karpathy/minGPT)',
        '- [Andrej Karpathy](https://arxiv.org/a/karpathy_a_1): [llm.c](https://github.com/karpathy/llm.c)',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.title, p.sources.length, p.altTitles, p.authors]).sort()).toEqual([
      ['llm.c', 1, [], ['Andrej Karpathy']],
      ['minGPT', 1, [], ['Andrej Karpathy']],
      ['nanoGPT', 1, [], ['Andrej Karpathy']],
    ]);
  });
});

describe('what the start line says after a titled paper link (an awesome-list item)', () => {
  const CAI = 'Constitutional AI: Harmlessness from AI Feedback';
  const TOOLFORMER = 'Toolformer: Language Models Can Teach Themselves to Use Tools';
  it.each([
    [
      `- [${CAI}](https://arxiv.org/abs/2212.08073) - Anthropic trains a harmless assistant from principles.`,
      CAI,
      'Anthropic trains a harmless assistant from principles.',
    ],
    [
      `- [${REACT}](https://arxiv.org/abs/2210.03629). Interleaves reasoning traces and actions.`,
      REACT,
      'Interleaves reasoning traces and actions.',
    ],
    [
      `- [${REACT}](https://arxiv.org/abs/2210.03629): interleaves reasoning traces and actions.`,
      REACT,
      'interleaves reasoning traces and actions.',
    ],
    [`- [${REACT}](https://arxiv.org/abs/2210.03629) — 推理与行动交替进行。`, REACT, '推理与行动交替进行。'],
    [`- [${REACT}](https://arxiv.org/abs/2210.03629)。推理与行动交替进行`, REACT, '推理与行动交替进行'],
    [
      `- [${TOOLFORMER}](https://arxiv.org/abs/2302.04761) (Schick et al., 2023). Self-supervised [API](https://example.org/api) calls.`,
      TOOLFORMER,
      'Self-supervised API calls.',
    ],
  ])('%s: the rest is the summary, not a title', (line, title, summary) => {
    const p = paperOf(`# Reading list\n\n${line}\n`, title);
    expect(p.summary).toBe(summary);
    expect(p.altTitles).toEqual([]);
  });

  it('a bracket byline before the description still gives the authors', () => {
    const line = `- [${TOOLFORMER}](https://arxiv.org/abs/2302.04761) (Schick, Dwivedi-Yu, Dessì) — self-supervised API calls.`;
    const p = paperOf(`# Reading list\n\n${line}\n`, TOOLFORMER);
    expect(p.authors).toEqual(['Schick', 'Dwivedi-Yu', 'Dessì']);
    expect(p.summary).toBe('self-supervised API calls.');
  });

  it('a dash byline of names or a venue is no description', () => {
    const line = `- [${REACT}](https://arxiv.org/abs/2210.03629) - Yao et al., ICLR 2023`;
    const p = paperOf(`# Reading list\n\n${line}\n`, REACT);
    expect(p.authors).toEqual(['Yao']);
    expect(p.venue).toBe('ICLR');
    expect(p.summary).toBe('');
  });

  it('a bracket that names nobody stays with the title, the description after it is the summary', () => {
    const line = `- [${REACT}](https://arxiv.org/abs/2210.03629) (推理与行动). 一种智能体框架`;
    const p = paperOf(`# Reading list\n\n${line}\n`, REACT);
    expect(p.altTitles).toEqual(['(推理与行动)']);
    expect(p.summary).toBe('一种智能体框架');
  });

  it.each([
    [`- **CAI**: [${CAI}](https://arxiv.org/abs/2212.08073). Trains a harmless assistant.`, 'CAI'],
    [`- __CAI__ - [${CAI}](https://arxiv.org/abs/2212.08073) - Trains a harmless assistant.`, 'CAI'],
    [
      `- **Toolformer** [${TOOLFORMER}](https://arxiv.org/abs/2302.04761) — Trains a harmless assistant.`,
      'Toolformer',
    ],
  ])('%s: a bold name before the link is the label', (line, label) => {
    const { papers } = parse(`# Reading list\n\n${line}\n`);
    expect(papers).toHaveLength(1);
    expect(papers[0]!.label).toBe(label);
    expect(papers[0]!.altTitles).toEqual([label]);
    expect(papers[0]!.summary).toBe('Trains a harmless assistant.');
  });

  it('a plain name before the link labels nothing (the title gives the label, as before)', () => {
    const line = `- CAI: [${CAI}](https://arxiv.org/abs/2212.08073). Trains a harmless assistant.`;
    const p = paperOf(`# Reading list\n\n${line}\n`, CAI);
    expect(p.label).toBe('Constitutional AI');
    expect(p.altTitles).toEqual(['CAI']);
  });
});

describe('what an article item says after the link it opens with', () => {
  it.each([
    [
      '- [Reinforcement Learning: An Introduction](http://incompleteideas.net/book/the-book.html) - Sutton and Barto’s textbook.',
      'Reinforcement Learning: An Introduction',
      [],
      'Sutton and Barto’s textbook.',
    ],
    [
      '- [The Illustrated Transformer](https://jalammar.github.io/illustrated-transformer/) - Jay Alammar',
      'The Illustrated Transformer',
      ['Jay Alammar'],
      '',
    ],
    [
      '- [Policy Gradient Algorithms](https://lilianweng.github.io/posts/2018-04-08-policy-gradient/) (Lilian Weng, 2018). A survey of the family.',
      'Policy Gradient Algorithms',
      ['Lilian Weng'],
      'A survey of the family.',
    ],
    [
      '- [Spinning Up in Deep RL](https://spinningup.openai.com/)：OpenAI 的入门课程',
      'Spinning Up in Deep RL',
      [],
      'OpenAI 的入门课程',
    ],
  ])('%s', (line, title, authors, summary) => {
    const p = paperOf(`# Learning RL\n\n${line}\n`, title);
    expect(p.authors).toEqual(authors);
    expect(p.summary).toBe(summary);
    expect(p.altTitles).toEqual([]);
  });
});

describe('a line under a paper that links another paper', () => {
  it('gives this paper no title from it: `- 笔记：和 [ReAct](…) 相比，…` under `## Reflexion`', () => {
    const { papers } = parse(
      [
        '# Agents',
        '',
        '## Reflexion',
        '',
        `- Paper: [${REFLEXION}](https://arxiv.org/abs/2303.11366)`,
        '- 笔记：和 [ReAct](https://arxiv.org/abs/2210.03629) 相比，Reflexion 把失败写成文字反思。',
        '',
      ].join('\n'),
    );
    const reflexion = papers.find((p) => p.arxiv === '2303.11366')!;
    expect(reflexion.title).toBe(REFLEXION);
    expect(reflexion.altTitles).toEqual(['Reflexion']);
    expect(reflexion.summary).toContain('Reflexion 把失败写成文字反思');
    const react = papers.find((p) => p.arxiv === '2210.03629')!;
    expect(react.citedOnly).toBe(true);
  });

  it('a line that links the paper itself is still read as its id line', () => {
    const { papers } = parse(
      [
        '# Agents',
        '',
        '## Reflexion',
        '',
        `- Paper: [${REFLEXION}](https://arxiv.org/abs/2303.11366)`,
        '- [Reflexion 中文解读](https://arxiv.org/abs/2303.11366v2)',
        '',
      ].join('\n'),
    );
    expect(papers).toHaveLength(1);
    expect(papers[0]!.altTitles).toEqual(['Reflexion', 'Reflexion 中文解读']);
  });
});

describe('a table row whose title cell only links where the paper is', () => {
  it('is titled by its arXiv id, not by the link word', () => {
    const { papers } = parse(
      [
        '# DPO',
        '',
        '| Paper | Code |',
        '| --- | --- |',
        '| [arXiv](https://arxiv.org/abs/2305.18290) | [code](https://github.com/eric-mitchell/direct-preference-optimization) |',
        '| [pdf](https://arxiv.org/pdf/2210.03629) | — |',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.arxiv, p.title]).sort()).toEqual([
      ['2210.03629', 'arXiv:2210.03629'],
      ['2305.18290', 'arXiv:2305.18290'],
    ]);
  });
});
