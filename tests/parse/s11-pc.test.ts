// Session 11 (helper pc): rules of the merge (src/parse/merge.ts), the warm merge (merge-incremental.ts) and the
// segmenter (segment.ts) that draws 3129-3131 found untested, each read on notes as a researcher writes them: one
// paper noted on several days or in several files, in Chinese and English, a .bib library beside the notes.
import { describe, expect, it } from 'vitest';
import { createIncrementalMerge } from '../../src/parse/merge-incremental.js';
import { mergeFileParses, parseFile, parseNotes } from '../../src/parse/index.js';
import { topicName } from '../../src/parse/segment.js';
import type { FileParse } from '../../src/parse/index.js';

/** A WeChat-digest entry in the seed's shape: timestamp and title, then the link, authors and summary fields. */
function digestEntry(date: string, title: string, arxiv: string, extra = ''): string {
  return `${date} 10:00:00 Monday ｜ ${title}\n\n**链接** ：https://arxiv.org/abs/${arxiv}\n**作者** ：Rafael Rafailov, Archit Sharma\n${extra}**摘要** ：本文提出直接偏好优化。\n\n`;
}

const BIB = `@article{rafailov2023dpo,
  title = {Direct Preference Optimization: Your Language Model is Secretly a Reward Model},
  author = {Rafailov, Rafael and Sharma, Archit},
  year = {2023},
  eprint = {2305.18290},
  archivePrefix = {arXiv},
  abstract = {We introduce DPO, a simple way to fine-tune language models from preferences.}
}

@article{hu2021lora,
  title = {LoRA: Low-Rank Adaptation of Large Language Models},
  author = {Hu, Edward J. and Shen, Yelong},
  year = {2021}
}

@article{schulman2017ppo,
  title = {Proximal Policy Optimization Algorithms},
  author = {Schulman, John and Wolski, Filip},
  year = {2017},
  eprint = {1707.06347},
  archivePrefix = {arXiv}
}

@book{sutton2018rl,
  title = {Reinforcement Learning: An Introduction},
  author = {Sutton, Richard S. and Barto, Andrew G.},
  year = {2018}
}
`;

describe('a .bib library beside the notes (merge.ts)', () => {
  it('counts the items the notes name, by a @mention or by a citekey field, and says how many it left out', () => {
    const result = parseNotes([
      { path: 'refs.bib', text: BIB },
      // a @mention in a paragraph, then the same paper as a list item further down
      {
        path: 'log.md',
        text: '# 阅读\n\n今天读了 @rafailov2023dpo 的推导，又翻了 @schulman2017ppo。\n\n- Direct Preference Optimization: Your Language Model is Secretly a Reward Model https://arxiv.org/abs/2305.18290\n',
      },
      // a literature note named by its citekey, tied to the library by a citekey field only
      { path: 'lit/hu2021lora.md', text: '---\ncitekey: hu2021lora\n---\n\n读后感：低秩分解。\n' },
    ]);
    const read = result.diagnostics.filter((d) => d.rule === 'library-read');
    expect(read.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      'refs.bib:1:1 info a library of 4 items: 3 named by the notes, 1 not drawn (--library-all draws them)',
    ]);
    const dpo = result.papers.find((p) => p.arxiv === '2305.18290')!;
    // the mention (line 3) comes after the list item (line 5) in the merge's order; the sources are in line order
    expect(dpo.sources).toEqual([
      { file: 'log.md', line: 3 },
      { file: 'log.md', line: 5 },
    ]);
    // the mention brings the library's abstract; the list item is also in the notes, so the paper is drawn
    expect(dpo.summary).toBe('We introduce DPO, a simple way to fine-tune language models from preferences.');
    expect(dpo.citedOnly).toBe(false);
    // a paper only @mentioned is the library's, cited only
    const ppo = result.papers.find((p) => p.arxiv === '1707.06347')!;
    expect([ppo.title, ppo.citedOnly, ppo.summary]).toEqual([
      'Proximal Policy Optimization Algorithms',
      true,
      '',
    ]);
    // the literature note named by a citekey takes the library's title and the short name before its colon
    const lora = result.papers.find((p) => p.title.startsWith('LoRA'))!;
    expect([lora.label, lora.title, lora.citedOnly]).toEqual([
      'LoRA',
      'LoRA: Low-Rank Adaptation of Large Language Models',
      false,
    ]);
  });

  it.each([
    [
      'every item named',
      '@rafailov2023dpo @schulman2017ppo @hu2021lora @sutton2018rl',
      'a library of 4 items: 4 named by the notes',
    ],
    [
      'one named by a mention',
      '只读了 @sutton2018rl 第三章。',
      'a library of 4 items: 1 named by the notes, 3 not drawn (--library-all draws them)',
    ],
  ])('names the count when %s', (_, note, message) => {
    const result = parseNotes([
      { path: 'refs.bib', text: BIB },
      { path: 'log.md', text: `# 阅读\n\n${note}\n` },
    ]);
    expect(result.diagnostics.filter((d) => d.rule === 'library-read').map((d) => d.message)).toEqual([
      message,
    ]);
  });
});

describe('one paper noted on several days (merge.ts)', () => {
  it('keeps the publication date of the one note that gives it, and reports no conflict', () => {
    const result = parseNotes([
      {
        path: '2025-06-01.md',
        text: `# 日报\n\n${digestEntry('2025-06-01', 'Direct Preference Optimization', '2305.18290')}`,
      },
      {
        path: '2025-06-02.md',
        text: `# 日报\n\n${digestEntry('2025-06-02', 'Direct Preference Optimization', '2305.18290', '发布时间：2023-05-29 10:00:00 UTC\n')}`,
      },
    ]);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]!.published).toBe('2023-05-29');
    expect(result.papers[0]!.authors).toEqual(['Rafael Rafailov', 'Archit Sharma']);
    expect(result.diagnostics).toEqual([]);
    // both notes' text is kept, in note order
    expect(result.papers[0]!.text.map((t) => `${t.file}:${t.line}`)).toEqual([
      '2025-06-01.md:3',
      '2025-06-01.md:7',
      '2025-06-02.md:3',
      '2025-06-02.md:8',
    ]);
  });

  it.each([
    [5, '(2025-06-01.md:3, 2025-06-02.md:3, 2025-06-03.md:3, 2025-06-04.md:3, 2025-06-05.md:3) with'],
    [6, '(2025-06-01.md:3, 2025-06-02.md:3, 2025-06-03.md:3, 2025-06-04.md:3, 2025-06-05.md:3, …) with'],
  ])('names at most five places of a paper noted %i times with different publication dates', (n, places) => {
    const files = Array.from({ length: n }, (_, i) => ({
      path: `2025-06-0${i + 1}.md`,
      text: `# 日报\n\n${digestEntry(`2025-06-0${i + 1}`, 'Direct Preference Optimization', '2305.18290', `发布时间：2023-05-2${i + 1} 10:00:00 UTC\n`)}`,
    }));
    const result = parseNotes(files);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['merge-conflict']);
    expect(result.diagnostics[0]!.message).toContain(`arXiv 2305.18290 appears ${n} times ${places}`);
  });

  it('gives a paper cited on the same line of two notes both places', () => {
    const result = parseNotes([
      {
        path: 'a.md',
        text: `# 对齐\n\n${digestEntry('2025-06-01', 'KTO: Model Alignment as Prospect Theoretic Optimization', '2402.01306', '**摘要** ：本文对比 arXiv:2305.18290 的方法。\n')}`,
      },
      {
        path: 'b.md',
        text: `# 偏好\n\n${digestEntry('2025-06-02', 'SimPO: Simple Preference Optimization', '2405.14734', '**摘要** ：本文对比 arXiv:2305.18290 的方法。\n')}`,
      },
    ]);
    const cited = result.papers.find((p) => p.id === 'arxiv:2305.18290')!;
    expect([cited.citedOnly, cited.sources, cited.topics]).toEqual([
      true,
      [
        { file: 'a.md', line: 7 },
        { file: 'b.md', line: 7 },
      ],
      ['对齐', '偏好'],
    ]);
  });

  it('joins two notes of a tool whose name starts with arXiv by its title', () => {
    const entry = (date: string, body: string) =>
      `${date} 10:00:00 Monday ｜ arXiv Sanity Preserver\n\n${body}\n\n`;
    const result = parseNotes([
      { path: 'a.md', text: `# 工具\n\n${entry('2025-06-01', '一个浏览新论文的网站。')}` },
      { path: 'b.md', text: `# 工具\n\n${entry('2025-06-03', 'Karpathy 的论文筛选工具。')}` },
    ]);
    expect(result.papers.map((p) => [p.id, p.sources.map((s) => s.file)])).toEqual([
      ['title:arxiv sanity preserver', ['a.md', 'b.md']],
    ]);
  });
});

describe('one paper named differently in several notes (merge.ts)', () => {
  const NOTES: Record<string, string> = {
    // a bare link, titled by its id
    'a.md': '# 待读\n\n- https://arxiv.org/abs/2305.18290\n',
    // the full title, whose words before the colon are too long to be its name
    'b.md':
      '# 对齐\n\n- Direct Preference Optimization: Your Language Model is Secretly a Reward Model https://arxiv.org/abs/2305.18290\n',
    // the same title after its short name in bold
    'c.md':
      '# 偏好\n\n- **DPO**: Direct Preference Optimization: Your Language Model is Secretly a Reward Model https://arxiv.org/abs/2305.18290\n',
    // the title on a dated entry with no link
    'd.md':
      '# 周报\n\n2025-06-03 10:00:00 Tuesday ｜ Direct Preference Optimization: Your Language Model is Secretly a Reward Model\n\n没有附链接。\n',
  };
  const TITLE = 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model';
  it.each([
    ['a bare link, then the title', ['a.md', 'b.md'], 'Direct Preference Optimization'],
    ['the title, then the short name in bold', ['b.md', 'c.md'], 'DPO'],
    ['the title with its link, then without', ['b.md', 'd.md'], 'Direct Preference Optimization'],
    ['all four', ['a.md', 'b.md', 'c.md', 'd.md'], 'DPO'],
  ])(
    '%s: one paper, with its arXiv id, its real title and its short name where one note gives it',
    (_, files, label) => {
      const result = parseNotes(files.map((path) => ({ path, text: NOTES[path]! })));
      expect(
        result.papers.map((p) => [
          p.id,
          p.arxiv,
          p.label,
          p.title,
          p.altTitles,
          p.sources.map((s) => s.file),
        ]),
      ).toEqual([['arxiv:2305.18290', '2305.18290', label, TITLE, [], files]]);
    },
  );
});

describe('diagnostics of one line (merge.ts)', () => {
  it('come in column order: the merge conflict at the line, then the warning at the item', () => {
    const note = (published: string) =>
      `# 推理\n\n- 2025-06-12 12:01:12 Thursday ｜ Scaling LLM Test-Time Compute Optimally https://arxiv.org/abs/2408.03314 （旧版误写为 https://arxiv.org/abs/2513.12345）\n  发布时间：${published} 10:00:00 UTC\n`;
    const result = parseNotes([
      { path: 'a.md', text: note('2024-08-06') },
      { path: 'b.md', text: note('2024-08-07') },
    ]);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'a.md:3:1 merge-conflict',
      'a.md:3:3 arxiv-id-invalid',
      'b.md:3:3 arxiv-id-invalid',
    ]);
  });
});

describe('a wikilink from one literature note to another (merge.ts)', () => {
  it('is a note link to the other paper, at the line that holds it', () => {
    const note = (title: string, arxiv: string, body: string) =>
      `---\ncategory: literaturenote\ntitle: "${title}"\narxiv: "${arxiv}"\n---\n\n${body}\n`;
    const result = parseNotes([
      {
        path: 'papers/DPO.md',
        text: note(
          'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
          '2305.18290',
          '# DPO\n\n不需要 [[PPO]] 那样的强化学习循环，直接用偏好数据优化。',
        ),
      },
      {
        path: 'papers/PPO.md',
        text: note('Proximal Policy Optimization Algorithms', '1707.06347', '# PPO\n\n裁剪的策略梯度。'),
      },
    ]);
    expect(
      result.papers.map((p) => [
        p.id,
        p.noteLinks?.map((l) => `${l.target} ${l.source.file}:${l.source.line}`),
      ]),
    ).toEqual([
      ['arxiv:1707.06347', undefined],
      ['arxiv:2305.18290', ['arxiv:1707.06347 papers/DPO.md:9']],
    ]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('the warm merge (merge-incremental.ts)', () => {
  /** Parses the notes, keeping the parse of an unchanged file (as the dev server's cache does). */
  function warm() {
    const merger = createIncrementalMerge();
    const cache = new Map<string, FileParse>();
    const step = (notes: Map<string, string>) => {
      const parses = [...notes].map(([path, text]) => {
        const key = `${path}\u0000${text}`;
        if (!cache.has(key)) cache.set(key, parseFile({ path, text }));
        return cache.get(key)!;
      });
      const result = merger.merge(parses);
      expect(JSON.stringify(result)).toBe(JSON.stringify(mergeFileParses(parses)));
      return result;
    };
    return { merger, step };
  }
  const placesOf = (result: ReturnType<typeof mergeFileParses>, id: string) =>
    result.papers.find((p) => p.id === id)?.sources.map((s) => `${s.file}:${s.line}`);

  it('says it merges from scratch before its first merge', () => {
    const merger = createIncrementalMerge();
    expect([merger.lastMode, merger.lastMerged]).toEqual(['full', 0]);
  });

  it('follows a paper only cited as a second note starts citing it and the first stops', () => {
    const kto = (cite: string) =>
      `# 对齐\n\n${digestEntry('2025-06-01', 'KTO: Model Alignment as Prospect Theoretic Optimization', '2402.01306', cite)}`;
    const simpo = (cite: string) =>
      `# 偏好\n\n${digestEntry('2025-06-02', 'SimPO: Simple Preference Optimization', '2405.14734', cite)}`;
    const { merger, step } = warm();
    const notes = new Map([
      ['a.md', kto('**摘要** ：本文对比 arXiv:2305.18290 的方法。\n')],
      ['b.md', simpo('')],
    ]);
    expect(placesOf(step(notes), 'arxiv:2305.18290')).toEqual(['a.md:7']);
    notes.set('b.md', simpo('**摘要** ：与 arXiv:2305.18290 相比更简单。\n'));
    expect(placesOf(step(notes), 'arxiv:2305.18290')).toEqual(['a.md:7', 'b.md:7']);
    expect(merger.lastMode).toBe('incremental');
    notes.set('a.md', kto(''));
    expect(placesOf(step(notes), 'arxiv:2305.18290')).toEqual(['b.md:7']);
    notes.set('b.md', simpo(''));
    expect(placesOf(step(notes), 'arxiv:2305.18290')).toBeUndefined();
    expect(merger.lastMode).toBe('incremental');
  });

  it('keeps two warnings of one line in the order they were written', () => {
    const { step } = warm();
    const result = step(
      new Map([
        [
          '2025-06-12.md',
          '# 日报\n\n2025-06-12 12:01:12 Thursday ｜ Process Reward Models https://arxiv.org/abs/2513.12345 （v2：https://arxiv.org/abs/2500.12345）\n\n**摘要** ：两个链接的编号都抄错了。\n',
        ],
      ]),
    );
    expect(
      result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message.slice(0, 12)}`),
    ).toEqual(['3:1 arxiv-id-invalid "2513.12345"', '3:1 arxiv-id-invalid "2500.12345"']);
  });
  it('gives what the whole merge gives for a quoted citation whose parse has no topic path (it is optional)', () => {
    const parse = parseFile({ path: '对齐.md', text: '# 对齐\n\n> 另见 arXiv:2305.18290 的推导。\n' });
    expect(parse.cites.map((c) => [c.arxiv, c.line])).toEqual([['2305.18290', 3]]);
    // a parse made by another tool, or before cites had their topic path
    const bare: FileParse = { ...parse, cites: parse.cites.map(({ arxiv, line }) => ({ arxiv, line })) };
    const result = createIncrementalMerge().merge([bare]);
    expect(JSON.stringify(result)).toBe(JSON.stringify(mergeFileParses([bare])));
    expect(result.papers.map((p) => [p.id, p.topicPath, p.citedOnly])).toEqual([
      ['arxiv:2305.18290', [], true],
    ]);
  });
});

describe('segmenting a digest (segment.ts)', () => {
  it.each([
    ['1月31日', ''],
    ['12月31日', ''],
    ['1.31日', ''],
    ['11.30日', ''],
    ['3号', ''],
    ['12号', ''],
    ['123日', '123日'],
  ])('a heading that is only a day names no topic: %j -> %j', (heading, name) => {
    expect(topicName(heading)).toBe(name);
  });

  // `**headline**[url](url)` starts an entry of its own after another entry only when the headline is one: eight
  // characters or more, as the seed's WeChat headlines are; a short bold word before a link is the entry's own.
  const url = 'https://mp.weixin.qq.com/s/hU3MKn82o1sMy4CK-CUUug';
  it.each([
    ['推荐', 1],
    ['七个字的标题啊', 1],
    ['八个字的短标题啊', 2],
    ['奖励模型也能Scaling！上海AI Lab突破强化学习短板', 2],
  ])('a bold %j before an article link that is its own address, after an entry: %i works', (lead, works) => {
    const text = [
      '2025-03-24 10:00:00 Monday ｜ 强化学习新作',
      '',
      '论文链接：https://arxiv.org/abs/2503.00065',
      '',
      `**${lead}**[${url}](${url})`,
    ].join('\n');
    const { papers } = parseNotes([{ path: '2025-03-24.md', text }]);
    expect(papers.map((p) => p.sources[0]!.line)).toEqual(works === 1 ? [1] : [1, 5]);
  });

  it('reads a list item with no link, above a table, as more text of the entry before it', () => {
    const text = [
      '# 推理',
      '',
      "- Let's Verify Step by Step [跳转](https://arxiv.org/abs/2305.20050)",
      '- 过程奖励模型的对比实验，结果见下表',
      '',
      '| 方法 | 链接 |',
      '|---|---|',
      '| Math-Shepherd | https://arxiv.org/abs/2312.08935 |',
    ].join('\n');
    const { papers } = parseNotes([{ path: 'prm.md', text }]);
    expect(papers.map((p) => [p.id, p.title, p.sources[0]!.line])).toEqual([
      ['arxiv:2305.20050', "Let's Verify Step by Step", 3],
      ['arxiv:2312.08935', 'Math-Shepherd', 8],
    ]);
    expect(papers[0]!.summary).toContain('过程奖励模型的对比实验');
  });
  it('keeps the sections under a paper heading in that paper, not as topics', () => {
    const text = [
      '# Transformer 笔记',
      '',
      '## [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
      '',
      '### 方法',
      '',
      '多头注意力取代循环结构。',
      '',
      '### 实验',
      '',
      'WMT 2014 英德翻译 28.4 BLEU。',
      '',
      '## Longformer https://arxiv.org/abs/2004.05150',
      '',
      '滑动窗口注意力。',
    ].join('\n');
    const { papers } = parseNotes([{ path: 'transformer.md', text }]);
    expect(papers.map((p) => [p.id, p.topicPath, p.summary])).toEqual([
      [
        'arxiv:1706.03762',
        ['Transformer 笔记'],
        '### 方法\n\n多头注意力取代循环结构。\n\n### 实验\n\nWMT 2014 英德翻译 28.4 BLEU。',
      ],
      ['arxiv:2004.05150', ['Transformer 笔记'], '滑动窗口注意力。'],
    ]);
  });
  it('starts no entry at a numbered item whose text is short once an image before it is left out', () => {
    const text = [
      '# 推理',
      '',
      "1. Let's Verify Step by Step https://arxiv.org/abs/2305.20050",
      '2. ![](figs/prm.png)    过程监督',
      '3. 过程奖励模型的数据集与训练方法',
    ].join('\n');
    const { papers } = parseNotes([{ path: 'prm.md', text }]);
    expect(papers.map((p) => [p.title, p.sources[0]!.line])).toEqual([
      ["Let's Verify Step by Step", 3],
      ['过程奖励模型的数据集与训练方法', 5],
    ]);
  });
});
