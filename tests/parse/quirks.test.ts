// Parser quirks seen on real notes, each read through the public parser: a bracketed bare address after a bold
// lead, a generic heading over an `arXiv:` link, collapsed reference badges, a code fence under a digest entry,
// two bare paper links in one paragraph, and a heading with a spaced slash in it.
import { describe, expect, it } from 'vitest';
import { buildTopicTree } from '../../src/graph/index.js';
import { parseNotes } from '../../src/parse/index.js';
import { topicName } from '../../src/parse/segment.js';

const parse = (text: string) => parseNotes([{ path: 'n.md', text }]);

describe('a bold lead with its address in brackets', () => {
  // The address goes with its brackets; a bracket that holds words stays part of the title.
  it.each([
    [
      '- **CAI**: Constitutional AI: Harmlessness from AI Feedback (arxiv.org/abs/2212.08073)',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '- **CAI**: Constitutional AI: Harmlessness from AI Feedback (https://arxiv.org/abs/2212.08073)',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '1. **CAI**: Constitutional AI: Harmlessness from AI Feedback （arxiv.org/abs/2212.08073）',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '- **CAI**: Constitutional AI: Harmlessness from AI Feedback ( https://arxiv.org/abs/2212.08073 )',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '- **CAI**: Constitutional AI: Harmlessness from AI Feedback. https://arxiv.org/abs/2212.08073',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '- **CAI**: Constitutional AI: Harmlessness from AI Feedback ([arXiv](https://arxiv.org/abs/2212.08073))',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '- **CAI**: Constitutional AI: Harmlessness from AI Feedback [pdf](https://arxiv.org/pdf/2212.08073)',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    // a bracket that holds words stays
    [
      '- **CAI**: Constitutional AI (Anthropic) https://arxiv.org/abs/2212.08073',
      'Constitutional AI (Anthropic)',
    ],
  ])('%s', (line, title) => {
    const { papers } = parse(`# Alignment\n\n${line}\n`);
    expect(papers.map((p) => [p.title, p.label, p.arxiv])).toEqual([[title, 'CAI', '2212.08073']]);
  });
});

describe('a plain item with its address in brackets', () => {
  // The same rule without a bold lead: the brackets around a link are no part of the title.
  it.each([
    [
      '- Constitutional AI: Harmlessness from AI Feedback (arxiv.org/abs/2212.08073)',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '- Constitutional AI: Harmlessness from AI Feedback (https://arxiv.org/abs/2212.08073)',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '- Constitutional AI: Harmlessness from AI Feedback （arxiv.org/abs/2212.08073）',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    [
      '- Constitutional AI: Harmlessness from AI Feedback ([arXiv](https://arxiv.org/abs/2212.08073))',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    // an address that opens its own bracket keeps it, and the bracket around it still goes
    [
      '- Constitutional AI: Harmlessness from AI Feedback (https://arxiv.org/abs/2212.08073?x=(a))',
      'Constitutional AI: Harmlessness from AI Feedback',
    ],
    // a bracket that holds words as well stays
    [
      '- Constitutional AI: Harmlessness from AI Feedback (Anthropic) https://arxiv.org/abs/2212.08073',
      'Constitutional AI: Harmlessness from AI Feedback (Anthropic)',
    ],
  ])('%s', (line, title) => {
    const { papers } = parse(`# Alignment\n\n${line}\n`);
    expect(papers.map((p) => [p.title, p.arxiv])).toEqual([[title, '2212.08073']]);
  });
});

describe('a generic heading over an `arXiv:` link', () => {
  // A heading that names the note or its section is a topic: the link below is a work of its own, named by its
  // id as `[arXiv 2506.08745](…)` is.
  it.each([
    'Daily',
    'Today',
    'Reading',
    'Reading list',
    'Papers',
    "Today's papers",
    '论文',
    '今日',
    '今日论文',
    '📚 Papers',
  ])('# %s', (heading) => {
    const { papers } = parse(`# ${heading}\n\n- [arXiv:2506.08745](https://arxiv.org/abs/2506.08745)\n`);
    expect(papers.map((p) => [p.title, p.arxiv, p.topicPath])).toEqual([
      ['arXiv:2506.08745', '2506.08745', [topicName(heading)]],
    ]);
  });

  it('names several links under it, each by its id', () => {
    const { papers } = parse(
      '# Daily\n\n- [arXiv:2506.08745](https://arxiv.org/abs/2506.08745)\n- [arXiv:2506.08746](https://arxiv.org/abs/2506.08746)\n',
    );
    expect(papers.map((p) => [p.title, p.topicPath])).toEqual([
      ['arXiv:2506.08745', ['Daily']],
      ['arXiv:2506.08746', ['Daily']],
    ]);
  });

  // One heading per paper (Obsidian style): a heading that names a paper is still that paper's title.
  it.each([
    ['- [arXiv:1706.03762](https://arxiv.org/abs/1706.03762)'],
    ['arXiv: 1706.03762'],
    ['- arXiv: [1706.03762](https://arxiv.org/abs/1706.03762)'],
  ])('a paper heading over %s', (line) => {
    const { papers } = parse(`## Attention Is All You Need\n\n${line}\n`);
    expect(papers.map((p) => [p.title, p.arxiv])).toEqual([['Attention Is All You Need', '1706.03762']]);
  });
});

describe('collapsed reference badges', () => {
  const kinds = (text: string) => parse(text).papers.map((p) => [p.title, p.workKind]);
  const DEFS = ['Book', 'Blog', 'Videos', 'stars', 'Paper']
    .map((w) => `[${w}]: https://img.shields.io/badge/${w}-blue`)
    .join('\n');
  // `![Book][]` is the image `[Book]` named by its own text, as `![Book](…)` and `![][Book]` are.
  it.each([
    ['![Book][]', 'book'],
    ['![Blog][]', 'blog'],
    ['![Videos][]', 'video'],
    ['![][Book]', 'book'],
    ['![Book](https://img.shields.io/badge/book-blue)', 'book'],
    // a badge naming no kind leaves it to the host
    ['![stars][]', undefined],
  ])('an item with %s', (badge, kind) => {
    expect(
      kinds(`# Reading\n\n- ${badge} [Scaling Sparse Experts Well](https://example.com/sparse)\n\n${DEFS}\n`),
    ).toEqual([['Scaling Sparse Experts Well', kind]]);
  });

  it('a paper badge keeps a blog host’s item a paper; a book badge makes it a book', () => {
    expect(
      kinds(
        `# Reading\n\n- ![Paper][] [Scaling Sparse Experts Well](https://medium.com/@a/sparse)\n- ![Book][] [Dense Experts Win](https://medium.com/@a/dense)\n\n${DEFS}\n`,
      ),
    ).toEqual([
      ['Dense Experts Win', 'book'],
      ['Scaling Sparse Experts Well', undefined],
    ]);
  });
});

describe('badge definitions under a reading list', () => {
  // `[Book]: https://img.shields.io/…` shows nothing: it is no summary of the item above it. Text after a label
  // that is no address (`[Note]: read twice`) and a footnote (`[^1]: …`) are prose.
  it.each([
    ['[Blog]: https://img.shields.io/badge/-Blog-green', ''],
    ['[Blog]: https://img.shields.io/badge/-Blog-green "Blog"', ''],
    ["[Blog]: <https://img.shields.io/badge/-Blog-green> 'Blog'", ''],
    ['  [Blog]: https://img.shields.io/badge/-Blog-green (Blog)', ''],
    ['[Note]: read twice', '[Note]: read twice'],
    ['[^1]: https://example.com/errata', '[^1]: https://example.com/errata'],
  ])('%s', (definition, summary) => {
    const { papers } = parse(
      `# Reading\n\n## Books\n\n- ![][Book] [Natural Language Processing with Transformers](https://www.oreilly.com/library/view/nlp/9781098136789/)\n\n${definition}\n\n[Book]: https://img.shields.io/badge/-Book-orange\n`,
    );
    expect(papers.map((p) => [p.workKind, p.summary])).toEqual([['book', summary]]);
  });
});

describe('a code fence under a digest entry', () => {
  const summaries = (text: string) => parse(text).papers.map((p) => [p.arxiv, p.summary]);
  const stamp = (n: number, id: string, title: string) =>
    `${n}. 2025-07-1${n} 20:24:54 Friday ｜ ${title} https://arxiv.org/abs/${id}`;

  it('is no summary', () => {
    expect(
      summaries(
        `# 强化学习\n\n${stamp(1, '2506.08902', 'Scaling Sparse Experts Well')}\n\n\`\`\`\npip install sparse-experts\n\`\`\`\n\n${stamp(2, '2506.08903', 'Dense Experts Win')}\n`,
      ),
    ).toEqual([
      ['2506.08902', ''],
      ['2506.08903', ''],
    ]);
  });

  it('leaves the prose around it, whatever the fence', () => {
    expect(
      summaries(
        [
          '# 强化学习',
          '',
          stamp(1, '2506.08902', 'Scaling Sparse Experts Well'),
          '',
          'Sparse experts scale well.',
          '',
          '```python',
          'import torch',
          '',
          'x = torch.zeros(3)',
          '```',
          '',
          'Code is on GitHub.',
          '',
          stamp(2, '2506.08903', 'Dense Experts Win'),
          '',
          '   ~~~~',
          '   ```',
          '   not the end of the fence',
          '   ~~~~',
          '',
          'Dense experts win.',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      ['2506.08902', 'Sparse experts scale well.\n\nCode is on GitHub.'],
      ['2506.08903', 'Dense experts win.'],
    ]);
  });

  it('an unclosed fence runs to the end of the entry', () => {
    expect(
      summaries(
        `# 强化学习\n\n${stamp(1, '2506.08902', 'Scaling Sparse Experts Well')}\n\nSparse experts scale well.\n\n\`\`\`\npip install sparse-experts\n`,
      ),
    ).toEqual([['2506.08902', 'Sparse experts scale well.']]);
  });
});

describe('two bare paper links in one paragraph', () => {
  // Checked: both papers come out, on one line or on two.
  it.each([
    'https://arxiv.org/abs/2401.00001 https://arxiv.org/abs/2402.00002',
    'https://arxiv.org/abs/2401.00001\nhttps://arxiv.org/abs/2402.00002',
  ])('%j', (paragraph) => {
    const { papers } = parse(`# Papers\n\n${paragraph}\n`);
    expect(papers.map((p) => [p.arxiv, p.topicPath])).toEqual([
      ['2401.00001', ['Papers']],
      ['2402.00002', ['Papers']],
    ]);
  });
});

describe('a heading with a spaced slash', () => {
  it.each([
    ['RL / Reasoning', 'RL/Reasoning'],
    ['RL/Reasoning', 'RL/Reasoning'],
    ['RL /  Reasoning', 'RL/Reasoning'],
    ['2.1 RL / Reasoning (12)', 'RL/Reasoning'],
    ['2025 / 06 / 01', ''],
  ])('topicName(%j)', (heading, name) => {
    expect(topicName(heading)).toBe(name);
  });

  // `## RL / Reasoning` is one topic; `## RL` then `### Reasoning` is another, under RL. Spelled with the topic
  // path's separator, the first would take the second's papers.
  it('is one topic, apart from a Reasoning section under RL', () => {
    const { papers } = parse(
      [
        '# Notes',
        '',
        '## RL / Reasoning',
        '',
        '- [Scaling Sparse Experts Well](https://arxiv.org/abs/2506.08902)',
        '',
        '## RL',
        '',
        '- [Dense Experts Win](https://arxiv.org/abs/2506.08903)',
        '',
        '### Reasoning',
        '',
        '- [Thinking Fast](https://arxiv.org/abs/2506.08904)',
        '',
      ].join('\n'),
    );
    expect(papers.map((p) => [p.arxiv, p.topicPath])).toEqual([
      ['2506.08902', ['Notes', 'RL/Reasoning']],
      ['2506.08903', ['Notes', 'RL']],
      ['2506.08904', ['Notes', 'RL', 'Reasoning']],
    ]);
    const tree = buildTopicTree(papers);
    expect(tree.topics.map((t) => [t.label, t.parent, t.count])).toEqual([
      ['Notes', null, 3],
      ['RL/Reasoning', 'Notes', 1],
      ['RL', 'Notes', 2],
      ['Reasoning', 'Notes / RL', 1],
    ]);
  });
});
