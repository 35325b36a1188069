// Session 11 (pb): rules of `prepare` and of the paper-note reader that the seed-3127 and seed-3128 draws found
// untested, each pinned by a table of notes as a researcher writes them: where an over-long line is cut when a
// character outside the BMP straddles the cut, which delimiter rows make a runaway table's header worth repeating,
// what counts as a list marker when deep nesting is flattened, and the paper-note rules listed in each describe.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { citekeyMentions, parseAuthorString } from '../../src/parse/paper-note.js';
import { prepare, type PrepareLimits } from '../../src/parse/prepare.js';
import type { Diagnostic, PaperRecord } from '../../src/types.js';

const limits = (over: Partial<PrepareLimits>): PrepareLimits => ({
  maxLineLength: 5000,
  maxNesting: 3,
  maxIndent: 12,
  chunkChars: 16_000,
  maxBlockChars: 4000,
  ...over,
});

describe('an over-long line is cut at the limit, but never inside a character outside the BMP', () => {
  // The limit is 40 UTF-16 code units; `before` fills the line up to the character at the cut.
  it.each([
    // An emoji whose two halves straddle the cut goes whole to the remainder.
    ['an emoji straddling the cut', 39, '🤖', 39],
    // An emoji that ends right at the cut stays whole on the line.
    ['an emoji ending at the cut', 38, '🤖', 40],
    // A CJK character is one code unit: the cut is at the limit.
    ['a CJK character at the cut', 39, '模', 40],
    // The first and the last character outside the BMP (high surrogates 0xD800 and 0xDBFF).
    ['U+10000 straddling the cut', 39, '\u{10000}', 39],
    ['U+10FFFD straddling the cut', 39, '\u{10FFFD}', 39],
  ])('%s', (_name, before, ch, cutAt) => {
    const line = `${'x'.repeat(before)}${ch} 的路由 routes each token to two experts, arXiv:1701.06538`;
    const diagnostics: Diagnostic[] = [];
    const prepared = prepare(['# MoE', line], 1, 'moe.md', limits({ maxLineLength: 40 }), diagnostics);
    expect(prepared.lines[1]).toBe(line.slice(0, cutAt));
    expect(prepared.overflow.get(2)).toBe(line.slice(cutAt));
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['line-too-long', 2, cutAt + 1]]);
  });
});

describe('a runaway table has its header repeated above each piece whatever way its delimiter row is written', () => {
  const piecesOf = (header: string, second: string) => {
    const rows = Array.from(
      { length: 10 },
      (_, i) =>
        `| Paper ${String(i + 1).padStart(2, '0')} on sparse experts | https://arxiv.org/abs/2401.0000${i} |`,
    );
    const lines = ['# Reading list', '', header, second, ...rows];
    const prepared = prepare(lines, 0, 'list.md', limits({ maxBlockChars: 200 }), []);
    expect(prepared.chunks.length).toBeGreaterThan(2);
    return prepared.chunks.slice(1).map((c) => c.prefix);
  };
  it.each([
    ['spaced', '| Paper | Link |', '| --- | --- |'],
    ['compact, as Pandoc and many editors write it', '| Paper | Link |', '|---|---|'],
    ['aligned with colons', '| Paper | Link |', '|:---|---:|'],
    ['centred, spaced', '| Paper | Link |', '| :---: | :--- |'],
    ['three columns', '| Paper | Link | Read |', '|---|---|---|'],
    ['without outer pipes', 'Paper | Link', '--- | ---'],
    ['indented three spaces, with spaces after it', '| Paper | Link |', '   |---|---|  '],
    ['one dash per column', '| Paper | Link |', '|-|-|'],
  ])('%s: %s / %s', (_name, header, delim) => {
    for (const prefix of piecesOf(header, delim)) expect(prefix).toEqual([header, delim]);
  });
  it('a block of rows under a line that is no delimiter row is no table: no header to repeat', () => {
    for (const prefix of piecesOf('| Paper | Link |', '| PPO | https://arxiv.org/abs/1707.06347 |'))
      expect(prefix).toEqual([]);
  });
});

describe('only list markers and quote markers count towards the nesting bound', () => {
  it.each([
    // A spaced ellipsis (`. . .`) opening a quote's text is text: no marker, nothing to flatten.
    [
      'a quote three deep opening with a spaced ellipsis',
      '> > > . . . the rest of the abstract is cut',
      undefined,
    ],
    ['a quote three deep opening with a parenthesis', '> > > ) and so the router collapses', undefined],
    // A number before `.` or `)` makes an ordered marker: the fourth level is flattened.
    // (The marker's number stays as text.)
    ['a numbered item in a quote three deep', '> > > 1. routing collapse', '> > > 1 routing collapse'],
    ['a `1)` item in a quote three deep', '> > > 1) routing collapse', '> > > 1 routing collapse'],
  ])('%s', (_name, line, flattened) => {
    const diagnostics: Diagnostic[] = [];
    const prepared = prepare(['# Notes', line], 1, 'n.md', limits({}), diagnostics);
    expect(prepared.lines[1]).toBe(flattened ?? line);
    expect(diagnostics.map((d) => d.rule)).toEqual(flattened ? ['nesting-too-deep'] : []);
  });
});

const one = (path: string, text: string): PaperRecord => {
  const { papers } = parseNotes([{ path, text }]);
  expect(papers).toHaveLength(1);
  return papers[0]!;
};

describe('an author string: several people only when joined by `and`, `;` or `&`; one `Last, First` is one name', () => {
  it.each([
    // Every part `Last, First`, whatever joins them.
    ['Hochreiter, Sepp and Schmidhuber, Jürgen', ['Sepp Hochreiter', 'Jürgen Schmidhuber']],
    ['Hochreiter, Sepp; Schmidhuber, Jürgen', ['Sepp Hochreiter', 'Jürgen Schmidhuber']],
    ['Hochreiter, Sepp & Schmidhuber, Jürgen', ['Sepp Hochreiter', 'Jürgen Schmidhuber']],
    // One `Last, First`, with or without a middle initial.
    ['Sutton, Richard S.', ['Richard S. Sutton']],
    ['Kingma, Diederik P', ['Diederik P Kingma']],
    ['Hochreiter, Sepp', ['Sepp Hochreiter']],
    // Chinese names with a comma are two people, not `Last, First`.
    ['张伟, 李雷', ['张伟', '李雷']],
    // Names copied from BibTeX keep their LaTeX letters as written; each is read as the letter it stands for.
    ['Kaiser, \\Lukasz', ['Łukasz Kaiser']],
    ['Budzianowski, Pawe\\l', ['Paweł Budzianowski']],
    ['\\Oksendal, Bernt', ['Bernt Øksendal']],
    ['Hauberg, S\\oren', ['Søren Hauberg']],
    ['Mei\\ssner, Tobias', ['Tobias Meißner']],
    ['\\AAkesson, Erik', ['Erik Åkesson']],
    ['H\\aastad, Johan', ['Johan Håstad']],
  ])('%s', (text, authors) => {
    expect(parseAuthorString(text)).toEqual(authors);
  });
});

describe('an author or editor field line in a note body names several people only when they are joined', () => {
  it.each([
    ['Author', 'Ashish Vaswani and Noam Shazeer', ['Ashish Vaswani', 'Noam Shazeer']],
    ['Author', 'Vaswani, Ashish; Shazeer, Noam', ['Ashish Vaswani', 'Noam Shazeer']],
    ['Author', 'Ashish Vaswani & Noam Shazeer', ['Ashish Vaswani', 'Noam Shazeer']],
    ['Author', 'Vaswani, Ashish', ['Ashish Vaswani']],
    ['Editor', 'Isabelle Guyon and Ulrike von Luxburg', ['Isabelle Guyon', 'Ulrike von Luxburg']],
    ['Editor', 'Guyon, Isabelle; von Luxburg, Ulrike', ['Isabelle Guyon', 'Ulrike von Luxburg']],
    ['Editor', 'Guyon, Isabelle', ['Isabelle Guyon']],
  ])('**%s**:: %s', (key, value, authors) => {
    const text = `**Title**:: Attention Is All You Need\n**${key}**:: ${value}\n**Year**:: 2017\n\nRead for the reading group.\n`;
    expect(one('transformer.md', text).authors).toEqual(authors);
  });
});

describe('front matter authors as a YAML list of names', () => {
  it('reads each name, `Last, First` turned round', () => {
    const text = [
      '---',
      'category: literaturenote',
      'title: "Long Short-Term Memory"',
      'authors:',
      '  - Hochreiter, Sepp',
      '  - Jürgen Schmidhuber',
      'year: 1997',
      '---',
      '',
      'The constant error carousel.',
      '',
    ].join('\n');
    expect(one('lit/LSTM.md', text)).toMatchObject({
      authors: ['Sepp Hochreiter', 'Jürgen Schmidhuber'],
      issued: '1997',
    });
  });
});

describe('a year field: a year from 1500 to 2199 anywhere in the value', () => {
  it.each([
    ['1543', '1543'],
    ['1687', '1687'],
    ['1997', '1997'],
    ['2024', '2024'],
    ['2199', '2199'],
    ['1997 (reprinted 2001)', '1997'],
    ['c. 1450', undefined],
    ['2200', undefined],
  ])('year: %s', (year, issued) => {
    const text = `---\ncategory: literaturenote\ntitle: A Work Read for Its History\nyear: ${year}\n---\n\nNotes.\n`;
    expect(one('lit/work.md', text).issued).toBe(issued);
  });
});

describe('a pasted BibTeX entry gives the note its links', () => {
  it('takes the url of the entry as a link of the work', () => {
    const text = [
      '# Notes on nanoGPT',
      '',
      '```bibtex',
      '@misc{karpathy2022nanogpt,',
      '  author = {Andrej Karpathy},',
      '  title = {nanoGPT},',
      '  year = {2022},',
      '  howpublished = {\\url{https://github.com/karpathy/nanoGPT}}',
      '}',
      '```',
      '',
      'The simplest, fastest repository for training medium-sized GPTs.',
      '',
    ].join('\n');
    const p = one('nanogpt.md', text);
    expect([p.title, p.authors, p.workKind, p.links.map((l) => l.url)]).toEqual([
      'nanoGPT',
      ['Andrej Karpathy'],
      'repo',
      ['https://github.com/karpathy/nanoGPT'],
    ]);
  });
});

describe('a front matter category or type makes a literature note only when it is one of its words, whole', () => {
  const note = (line: string) =>
    [
      '---',
      'title: Papers this week',
      line,
      '---',
      '',
      '- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347)',
      '- [Direct Preference Optimization](https://arxiv.org/abs/2305.18290)',
      '',
    ].join('\n');
  it.each([
    ['category: paper-digest', 2],
    ['category: papers', 2],
    ['type: articles', 2],
    ['category: weekly literature notes', 2],
    ['category: literature-review', 2],
    ['category: paper', 1],
    ['type: Article', 1],
    ['category: literature note', 1],
    ['category: literaturenotes', 1],
  ])('%s: %i work(s)', (line, works) => {
    // As one literature note, the two papers it links are cited by it.
    const papers = parseNotes([{ path: 'weekly.md', text: note(line) }]).papers;
    expect(papers.filter((p) => !p.citedOnly)).toHaveLength(works);
  });
});

describe("a short file name is the work's short name unless it is a citekey, a slug or starts with a date", () => {
  const title = 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model';
  it.each([
    ['DPO.md', 'DPO'],
    ['2023-05 DPO.md', 'Direct Preference Optimization'],
    ['2023 DPO.md', '2023 DPO'],
    ['dpo-reward-model.md', 'Direct Preference Optimization'],
    ['dpo.md', 'dpo'],
    // At most 24 characters.
    ['DPO, Rafailov et al 2023.md', 'DPO, Rafailov et al 2023'],
    ['DPO, Rafailov et al. 2023.md', 'Direct Preference Optimization'],
    ['rafailov2023direct.md', 'Direct Preference Optimization'],
    ['Direct Preference Optimization paper.md', 'Direct Preference Optimization'],
  ])('%s', (file, label) => {
    const p = one(`lit/${file}`, `---\ncategory: literaturenote\ntitle: "${title}"\n---\n\nNotes.\n`);
    expect(p.label).toBe(label);
  });
});

describe('the summary of a paper note keeps its lines as written, less trailing spaces', () => {
  it('keeps the indentation of nested list items', () => {
    const text = [
      '---',
      'category: literaturenote',
      'title: Switch Transformers',
      '---',
      '',
      '- Routing  ',
      '  - one expert per token',
      '    - capacity factor 1.25',
      '',
    ].join('\n');
    expect(one('switch.md', text).summary).toBe(
      '- Routing\n  - one expert per token\n    - capacity factor 1.25',
    );
  });
});

describe('a citekey mention is placed under the headings above it, not under a closed subsection', () => {
  it.each([
    [
      '## Mixture of experts after a deeper subsection',
      [
        '# Reading notes',
        '## Transformers',
        '### Attention',
        'Read @vaswani2017attention.',
        '## Mixture of experts',
        'See @shazeer2017outrageously.',
      ],
      [
        ['vaswani2017attention', ['Reading notes', 'Transformers', 'Attention']],
        ['shazeer2017outrageously', ['Reading notes', 'Mixture of experts']],
      ],
    ],
    [
      'a top heading after two levels',
      [
        '# Transformers',
        '## Attention',
        '### Heads',
        'Read @vaswani2017attention.',
        '# Sparse models',
        'See @shazeer2017outrageously.',
      ],
      [
        ['vaswani2017attention', ['Transformers', 'Attention', 'Heads']],
        ['shazeer2017outrageously', ['Sparse models']],
      ],
    ],
  ])('%s', (_name, lines, mentions) => {
    expect(citekeyMentions(lines, 0).map((m) => [m.citekey, m.topicPath])).toEqual(mentions);
  });
});

describe('a relative markdown link to a note in a parent folder', () => {
  it.each([
    ['../LoRA.md', 'reading/lora-reading.md'],
    ['./LoRA.md', 'lora-reading.md'],
    ['LoRA.md', 'lora-reading.md'],
    ['../lit/LoRA.md', 'reading/lora-reading.md'],
  ])('[the LoRA note](%s) from %s resolves to the note', (target, from) => {
    const result = parseNotes([
      {
        path: target.includes('lit/') ? 'lit/LoRA.md' : 'LoRA.md',
        text: '---\ncategory: literaturenote\ntitle: "LoRA: Low-Rank Adaptation of Large Language Models"\nyear: 2021\n---\n\nNotes.\n',
      },
      {
        path: from,
        text: `# Reading LoRA\n\nRank 8 was enough; see [the LoRA note](${target}).\n`,
      },
    ]);
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('note-link-unresolved');
  });
});

describe('a title field in quotes loses them, whichever quotes they are', () => {
  it.each([
    ['"Attention Is All You Need"', 'Attention Is All You Need'],
    ['“Attention Is All You Need”', 'Attention Is All You Need'],
    ["'Attention Is All You Need'", 'Attention Is All You Need'],
    ['‘Attention Is All You Need’', 'Attention Is All You Need'],
    ['«Attention Is All You Need»', 'Attention Is All You Need'],
    // Quotes inside the title are its own.
    ['"Mirror" Models of Reading are Contaminated', '"Mirror" Models of Reading are Contaminated'],
  ])('**Title**:: %s', (value, title) => {
    const text = `**Title**:: ${value}\n**Authors**:: Ashish Vaswani and Noam Shazeer\n\nRead for the reading group.\n`;
    expect(one('reading.md', text).title).toBe(title);
  });
});

describe('a literature note without a year takes it from a year folder or a dated post name', () => {
  it.each([
    ['papers/2017/transformer.md', '2017'],
    ['2017/transformer.md', '2017'],
    ['_posts/2017-06-12-transformer.md', '2017'],
    ['_posts/1997-11-15-lstm.md', '1997'],
    // A year that only begins a file name, or a folder that is not only a year, says nothing.
    ['papers/2017-transformer.md', undefined],
    ['papers/2017 transformer/notes.md', undefined],
    ['papers/v2017/transformer.md', undefined],
  ])('%s', (path, issued) => {
    const text = '---\ncategory: literaturenote\ntitle: Attention Is All You Need\n---\n\nNotes.\n';
    expect(one(path, text).issued).toBe(issued);
  });
});
