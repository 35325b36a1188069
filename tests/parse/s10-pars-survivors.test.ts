// Session 10 (pars): rules that the src/parse mutation draws (seeds 2031, 3111) found untested, each read on a note
// as it is written: a reading-list table whose Paper cell is `**Short**: full title`, an author list in front matter
// with a Quarto `name:` or an empty template slot, a heading byline far down the notes, where a paper note without
// front matter starts, a note named for a metric (`pass@k`), and a runaway nested list cut at its bound.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { prepare, type PrepareLimits } from '../../src/parse/prepare.js';
import { makeLabel } from '../../src/parse/text.js';
import { workKindOf } from '../../src/parse/works.js';
import type { Diagnostic } from '../../src/types.js';

describe('a reading-list table whose Paper cell is `**Short**: full title`', () => {
  it('keeps the whole title after the colon, however long, with the bold name as its label', () => {
    const text = [
      '# Alignment reading',
      '',
      '| Paper | Authors | Date | Link |',
      '| --- | --- | --- | --- |',
      '| **DPO**: Direct Preference Optimization: Your Language Model is Secretly a Reward Model | Rafailov et al. | 2023-05 | [arXiv](https://arxiv.org/abs/2305.18290) |',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'align.md', text }]).papers;
    expect(papers.map((p) => [p.id, p.label, p.title])).toEqual([
      [
        'arxiv:2305.18290',
        'DPO',
        'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
      ],
    ]);
  });
});

describe('the authors of a paper note given as objects in front matter', () => {
  it('reads CSL names, a literal, a Quarto `name:`, and skips a template slot left empty', () => {
    const text = [
      '---',
      'title: Attention Is All You Need',
      'author:',
      '  - family: Vaswani',
      '    given: Ashish',
      '  - name: Noam Shazeer',
      '    affiliation: Google Brain',
      '  - literal: Google Research',
      '  - family:',
      '    given:',
      'issued: 2017',
      '---',
      '',
      'Notes on the Transformer.',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'papers/Transformer.md', text }]).papers;
    expect(paper?.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Google Research']);
  });
});

describe('a heading byline is read only near the top of the note', () => {
  const summary = (notes: number) => {
    const lines = ["# Let's Verify Step by Step", ''];
    for (let i = 1; i <= notes; i++) lines.push(`Note ${i} on process supervision.`, '');
    lines.push('#### Lightman et al., 2023', '');
    const r = parseNotes([{ path: 'prm.md', text: lines.join('\n') }]);
    return [r.papers.map((p) => [p.title, p.authors, p.issued]), r.diagnostics.map((d) => d.rule)];
  };
  it('as the sixth line with text', () => {
    expect(summary(4)).toEqual([[["Let's Verify Step by Step", ['Lightman'], '2023']], []]);
  });
  it('not as the seventh: a heading far down the notes is about another work', () => {
    expect(summary(5)).toEqual([[], ['note-without-works']]);
  });
});

describe('a paper note without front matter', () => {
  it('starts at its first field line, below the title heading', () => {
    const text = [
      '# Attention Is All You Need',
      '',
      '- **Authors**: Ashish Vaswani, Noam Shazeer',
      '- **Year**: 2017',
      '- **arXiv**: 1706.03762',
      '',
      'Notes.',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'papers/Attention.md', text }]).papers;
    expect([paper?.id, paper?.sources]).toEqual([
      'arxiv:1706.03762',
      [{ file: 'papers/Attention.md', line: 3 }],
    ]);
  });
});

describe('a paper note named for a metric', () => {
  it('keeps the `@` inside its name in the label (only a leading `@` of a citekey goes)', () => {
    const text = [
      '---',
      'title: Evaluating Large Language Models Trained on Code',
      'year: 2021',
      '---',
      '',
      'Codex, and the pass@k metric it introduced.',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'papers/pass@k.md', text }]).papers;
    expect([paper?.label, paper?.title]).toEqual([
      'pass@k',
      'Evaluating Large Language Models Trained on Code',
    ]);
  });
});

describe('a runaway nested list', () => {
  const limits: PrepareLimits = {
    maxLineLength: 5000,
    maxNesting: 3,
    maxIndent: 12,
    chunkChars: 16_000,
    maxBlockChars: 100,
  };
  it('is cut at the nested line where it reaches four times the block bound', () => {
    // Every line is 49 characters and a newline: the ninth line starts at exactly 400 characters into the block.
    const lines = ['- An outline pasted from a talk on RLHF, top item'];
    for (let i = 1; i <= 11; i++)
      lines.push(`  - nested point ${String(i).padStart(2, '0')} of the outline, indented, too`);
    expect(lines.every((l) => l.length === 49)).toBe(true);
    const diagnostics: Diagnostic[] = [];
    const prepared = prepare(lines, 0, 'talk.md', limits, diagnostics);
    expect(prepared.chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 8],
      [8, 12],
    ]);
    expect(diagnostics.map((d) => `${d.rule} ${d.line}`)).toEqual(['block-too-long 9']);
  });
});

describe('an entry that cites another paper twice', () => {
  it('gives the cited paper one place, at its first mention', () => {
    const text = [
      '# RLHF reading',
      '',
      '## [Training language models to follow instructions with human feedback](https://arxiv.org/abs/2203.02155)',
      '',
      'InstructGPT fine-tunes GPT-3 with [PPO](https://arxiv.org/abs/1707.06347) against a reward model.',
      '',
      'The KL penalty keeps the policy near the SFT model, as in [PPO](https://arxiv.org/abs/1707.06347) itself.',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'rlhf.md', text }]).papers;
    expect(papers.map((p) => [p.id, p.citedOnly, p.sources.map((s) => s.line)])).toEqual([
      ['arxiv:1707.06347', true, [5]],
      ['arxiv:2203.02155', false, [3]],
    ]);
  });
});

describe('a title field under a short name', () => {
  it('under a heading: the field is the title, the heading the label', () => {
    const text = [
      '# 多模态',
      '',
      '## LLaVA',
      '',
      '- 论文名称：Visual Instruction Tuning',
      '- 链接：https://arxiv.org/abs/2304.08485',
      '',
      '## MiniGPT-4',
      '',
      '- 论文名称：MiniGPT-4: Enhancing Vision-Language Understanding with Advanced LLMs',
      '- 链接：https://arxiv.org/abs/2304.10592',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'mm.md', text }]).papers;
    expect(papers.map((p) => [p.label, p.title])).toEqual([
      ['LLaVA', 'Visual Instruction Tuning'],
      ['MiniGPT-4', 'MiniGPT-4: Enhancing Vision-Language Understanding with Advanced LLMs'],
    ]);
  });
  it('under a list item: the same (the item was taken as the title, and the field lost)', () => {
    const text = [
      '# 多模态',
      '',
      '- LLaVA',
      '  - 论文名称：Visual Instruction Tuning',
      '  - 链接：https://arxiv.org/abs/2304.08485',
      '- MiniGPT-4',
      '  - 论文名称：MiniGPT-4: Enhancing Vision-Language Understanding',
      '  - 链接：https://arxiv.org/abs/2304.10592',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'mm.md', text }]).papers;
    expect(papers.map((p) => [p.label, p.title])).toEqual([
      ['LLaVA', 'Visual Instruction Tuning'],
      ['MiniGPT-4', 'MiniGPT-4: Enhancing Vision-Language Understanding'],
    ]);
  });
});

describe('a note that opens with a thematic break and never closes it', () => {
  it('is no unterminated front matter when its first lines hold no `key:` (a `Note:` far below does not count)', () => {
    const text = [
      '---',
      '',
      '# Reading, week 23',
      '',
      '- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)',
      '',
      'Clipped surrogate objective; compare with TRPO.',
      '',
      'More on the value loss.',
      '',
      'Note: the GAE lambda matters more than the clip range.',
      '',
    ].join('\n');
    const r = parseNotes([{ path: 'week23.md', text }]);
    expect(r.diagnostics.map((d) => d.rule)).toEqual([]);
    expect(r.papers.map((p) => p.id)).toEqual(['arxiv:1707.06347']);
  });
});

describe('a literature note tied to a .bib entry by its citekey', () => {
  it('takes the authors from the library when the note names none, though its title is its own', () => {
    const bib = [
      '@article{vaswani2017attention,',
      '  title = {Attention Is All You Need},',
      '  author = {Vaswani, Ashish and Shazeer, Noam},',
      '  year = {2017}',
      '}',
      '',
    ].join('\n');
    const note = [
      '---',
      'title: Attention Is All You Need',
      'citekey: vaswani2017attention',
      'tags: [transformer]',
      '---',
      '',
      'Self-attention replaces recurrence.',
      '',
    ].join('\n');
    const r = parseNotes([
      { path: 'refs.bib', text: bib },
      { path: 'papers/Transformer.md', text: note },
    ]);
    expect(r.papers.map((p) => [p.title, p.authors, p.issued])).toEqual([
      ['Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], '2017'],
    ]);
  });
});

describe('numbers in the front matter of a literature note', () => {
  const read = (field: string) => {
    const note = [
      '---',
      'title: Direct Preference Optimization',
      'authors: Rafael Rafailov',
      field,
      '---',
      '',
      'Notes.',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'papers/DPO.md', text: note }]).papers;
    return [paper?.id, paper?.arxiv, paper?.issued];
  };
  it('an unquoted arXiv id ending in 0 keeps its 0 (YAML reads 2305.18290 as the number 2305.1829)', () => {
    expect(read('arxiv: 2305.18290')).toEqual(['arxiv:2305.18290', '2305.18290', '2023-05']);
  });
  it('a year written as a number is the year', () => {
    expect(read('year: 2023')).toEqual(['title:direct preference optimization', undefined, '2023']);
  });
});

describe('an inline author field of a paper note', () => {
  it('splits two names joined by `&`', () => {
    const note = [
      "**Title**:: Let's Verify Step by Step",
      '**Author**:: Hunter Lightman & Vineet Kosaraju',
      '**Year**:: 2023',
      '',
      'Process supervision.',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'prm.md', text: note }]).papers;
    expect([paper?.title, paper?.authors]).toEqual([
      "Let's Verify Step by Step",
      ['Hunter Lightman', 'Vineet Kosaraju'],
    ]);
  });
});

describe('prepare, at its bounds', () => {
  const limits = (over: Partial<PrepareLimits>): PrepareLimits => ({
    maxLineLength: 5000,
    maxNesting: 3,
    maxIndent: 12,
    chunkChars: 16_000,
    maxBlockChars: 4000,
    ...over,
  });
  it('does not cut a line exactly as long as the limit', () => {
    const line = `- ${'reinforcement learning from human feedback '.repeat(5)}`.slice(0, 200);
    expect(line.length).toBe(200);
    const diagnostics: Diagnostic[] = [];
    const prepared = prepare(['# RLHF', line], 0, 'rlhf.md', limits({ maxLineLength: 200 }), diagnostics);
    expect([prepared.lines[1], prepared.overflow.size, diagnostics]).toEqual([line, 0, []]);
  });
  it('repeats the header of a runaway table above each piece, so its rows stay a table', () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) =>
        `| Paper ${String(i + 1).padStart(2, '0')} on preference optimisation | https://arxiv.org/abs/2305.1829${i % 10} |`,
    );
    const lines = ['# Reading list', '', '| Paper | Link |', '| --- | --- |', ...rows];
    const prepared = prepare(lines, 0, 'list.md', limits({ maxBlockChars: 300 }), []);
    expect(prepared.chunks.length).toBeGreaterThan(1);
    for (const c of prepared.chunks.slice(1)) expect(c.prefix).toEqual(['| Paper | Link |', '| --- | --- |']);
  });
});

describe('a digest item without a link, followed by paragraphs', () => {
  it('does not take an arXiv id from past a paragraph with a link of another kind', () => {
    const text = [
      '# 每日论文',
      '',
      '- Sparse Experts at Scale [跳转](https://arxiv.org/abs/2501.00001)',
      '- 稀疏专家的路由改进，作者没有给出论文链接',
      '',
      '  项目主页 [Project page](https://sparse-experts.github.io)',
      '',
      '  对比的基线见 arXiv:1701.06538',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'n.md', text }]).papers;
    expect(papers.map((p) => [p.id, p.title, p.citedOnly, p.sources.map((s) => s.line)])).toEqual([
      ['arxiv:1701.06538', 'arXiv:1701.06538', true, [8]],
      ['arxiv:2501.00001', 'Sparse Experts at Scale', false, [3]],
    ]);
  });
});

describe('a model family name before a colon', () => {
  it('is no short name of the work: `Qwen` names many papers', () => {
    expect(makeLabel([{ text: 'Qwen: 推理模型的强化学习后训练实践', paperish: true }], '')).toEqual({
      label: 'Qwen: 推理模型的强化学…',
      named: false,
    });
  });
});

describe('a badge written as a collapsed reference', () => {
  it('names the kind of work: `![Book][]` before a link to a book site', () => {
    const raw =
      '- ![Book][] [Deep Learning](https://www.deeplearningbook.org/) - Goodfellow, Bengio and Courville';
    expect(workKindOf(raw, 'https://www.deeplearningbook.org/', undefined)).toBe('book');
  });
});
