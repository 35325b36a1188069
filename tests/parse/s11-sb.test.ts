// Session 11 (sb): rules of src/parse that the lead's seed-2034 draw left alive, each read on notes as a researcher
// writes them: fields with their colons aligned, citekey mentions repeated on a line and across lines, a DOI under
// a heading byline, author links that are not note links, text after a code block, an old-style arXiv id written
// in the new style, a numbered field label, a date heading after a deeper topic, and a URL pasted before a listing's
// author links. Every note is built inside its test (see bench/mutation.md: work outside a test makes mutants static).
import { describe, expect, it } from 'vitest';
import { parseFile, parseNotes } from '../../src/parse/index.js';
import { matchField } from '../../src/parse/patterns.js';

describe('a paper note whose field names are padded to line up their colons', () => {
  // `Authors   :: x`: the spaces before the colon belong to the layout, not to the field's name.
  it.each([
    ['- Authors   :: Ashish Vaswani, Noam Shazeer, Niki Parmar', '- Venue     :: NeurIPS'],
    ['Authors    :: Ashish Vaswani, Noam Shazeer, Niki Parmar', 'Venue      :: NeurIPS'],
    ['- Authors\t\t:: Ashish Vaswani, Noam Shazeer, Niki Parmar', '- Venue\t\t:: NeurIPS'],
  ])('%s', (authors, venue) => {
    const { papers } = parseNotes([
      {
        path: 'Papers/Attention Is All You Need.md',
        text: [
          '# Attention Is All You Need',
          '',
          authors,
          venue,
          '',
          'Self-attention only, no recurrence.',
          '',
        ].join('\n'),
      },
    ]);
    expect(papers.map((p) => [p.title, p.authors, p.venue])).toEqual([
      ['Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], 'NeurIPS'],
    ]);
  });
});

describe('front-matter keys written with underscores', () => {
  // `first_author`, `bibtex_key`: an underscore separates words as a space does.
  it.each([
    ['first_author: Vaswani', ['Vaswani'], undefined],
    ['first author: Vaswani', ['Vaswani'], undefined],
    ['bibtex_key: vaswani2017attention', [], 'vaswani2017attention'],
  ])('%s', (line, authors, citekey) => {
    const { papers } = parseNotes([
      {
        path: 'Papers/Attention Is All You Need.md',
        text: ['---', 'title: Attention Is All You Need', line, '---', '', 'Self-attention only.', ''].join(
          '\n',
        ),
      },
    ]);
    expect(papers.map((p) => [p.title, p.authors, p.ids?.citekey])).toEqual([
      ['Attention Is All You Need', authors, citekey],
    ]);
  });
});

describe('citekey mentions in a reading-group log', () => {
  // One mention per key and line (`[[@key]]` is both an `@key` and a wikilink; `[[@key|alias]]` again on the line
  // is the same mention), and the same key on a later line is a mention there too.
  it('counts a key once per line it is on', () => {
    const r = parseFile({
      path: 'notes/reading-group-2024.md',
      text: [
        '# Transformers reading group',
        '',
        '## Week 1',
        '',
        '- Read [[vaswani2017attention]] together with [[@devlin2019bert]].',
        '- Again [[vaswani2017attention]] and @devlin2019bert, then [[@devlin2019bert|BERT]] once more.',
        '',
        '## Week 2',
        '',
        '- Back to [[vaswani2017attention]] for the positional encodings.',
        '',
      ].join('\n'),
    });
    expect(r.citekeys?.map((c) => [c.citekey, c.line, c.topicPath.at(-1)])).toEqual([
      ['devlin2019bert', 5, 'Week 1'],
      ['vaswani2017attention', 5, 'Week 1'],
      ['devlin2019bert', 6, 'Week 1'],
      ['vaswani2017attention', 6, 'Week 1'],
      ['vaswani2017attention', 10, 'Week 2'],
    ]);
  });
});

describe('a DOI under a heading byline', () => {
  // `## Vaswani et al. (2017)` under the title: a DOI on the next four lines is the paper's; further down the note
  // it is something the reader cites.
  it.each([
    [0, '10.5555/3295222.3295349'],
    [3, '10.5555/3295222.3295349'],
    [4, undefined],
    [6, undefined],
  ])('%i lines between the byline and the DOI', (gap, doi) => {
    const filler = [
      'Transformers replace recurrence with attention.',
      'Multi-head attention.',
      'Sinusoidal positions.',
    ];
    const between = Array.from({ length: gap }, (_, k) => filler[k % filler.length]!);
    const { papers } = parseNotes([
      {
        path: 'Papers/Attention Is All You Need.md',
        text: [
          '# Attention Is All You Need',
          '## Vaswani et al. (2017)',
          ...between,
          'https://doi.org/10.5555/3295222.3295349',
          '',
        ].join('\n'),
      },
    ]);
    expect(papers.map((p) => [p.title, p.authors, p.ids?.doi])).toEqual([
      ['Attention Is All You Need', ['Vaswani'], doi],
    ]);
  });
});

describe('links on the author lines of a Zotero-style note', () => {
  // `**Authors**:: [[Vaswani, Ashish]]`: people, not notes; a link in the body is a note link.
  it.each(['Authors', 'Author', 'Editor', 'First Author'])('**%s**:: [[Vaswani, Ashish]]', (field) => {
    const r = parseFile({
      path: 'Papers/Attention Is All You Need.md',
      text: [
        '---',
        'title: Attention Is All You Need',
        'year: 2017',
        '---',
        '',
        `**${field}**:: [[Vaswani, Ashish]], [[Shazeer, Noam]]`,
        '',
        'Builds on [[Neural Machine Translation by Jointly Learning to Align and Translate]].',
        '',
      ].join('\n'),
    });
    expect(r.entries.map((e) => e.noteLinks?.map((l) => [l.target, l.line]))).toEqual([
      [['Neural Machine Translation by Jointly Learning to Align and Translate', 8]],
    ]);
  });
});

describe('text of a paper note around a code block', () => {
  // A fence closes on a fence of its own character: text after it is text again; a ``` inside a ~~~ block is code.
  it.each([
    ['```python', '# q, k, v: (batch, heads, len, dim)', '```'],
    ['~~~', '# q, k, v: (batch, heads, len, dim)', '~~~'],
    ['~~~python', '```', '~~~'],
    ['```', '~~~', '```'],
  ])('%s … %s … %s', (open, inner, close) => {
    const r = parseFile({
      path: 'Papers/Attention Is All You Need.md',
      text: [
        '---',
        'title: Attention Is All You Need',
        'year: 2017',
        '---',
        '',
        'Scaled dot-product attention:',
        '',
        open,
        'def attn(q, k, v):',
        inner,
        '    return softmax(q @ k.T) @ v',
        close,
        '',
        'Multi-head attention runs several heads in parallel.',
        '',
      ].join('\n'),
    });
    expect(r.entries.flatMap((e) => e.text.map((t) => [t.line, t.text]))).toEqual([
      [6, 'Scaled dot-product attention:'],
      [14, 'Multi-head attention runs several heads in parallel.'],
    ]);
  });
});

describe('an arXiv id in the new style from before it existed', () => {
  // New-style ids (`YYMM.NNNN`) start in April 2007; `0612.1234` is a typo or an old id missing its archive.
  it.each([
    ['0612.1234', 'year 2006 predates new-style arXiv ids'],
    ['0001.1234', 'year 2000 predates new-style arXiv ids'],
    ['0712.1234', undefined],
    ['1412.1234', undefined],
    ['1501.00001', undefined],
    ['0013.1234', 'month 13 is out of range'],
    ['1412.12345', 'ids before 2015 have 4 digits after the dot'],
    ['1501.1234', 'ids since 2015 have 5 digits after the dot'],
  ])('%s', (id, why) => {
    const { diagnostics, papers } = parseNotes([
      {
        path: 'reading.md',
        text: `# Old papers\n\n- [A paper from the archive](https://arxiv.org/abs/${id})\n`,
      },
    ]);
    expect(diagnostics.filter((d) => d.rule === 'arxiv-id-invalid').map((d) => [d.line, d.message])).toEqual(
      why ? [[3, `"${id}" is not a valid arXiv id (${why}); ignored`]] : [],
    );
    if (why) expect(papers.map((p) => p.arxiv)).not.toContain(id);
    else expect(papers.map((p) => p.arxiv)).toEqual([id]);
  });
});

describe('a numbered field in a digest', () => {
  // `12. 标题：…`: a digest's numbered items run past nine.
  it.each([
    ['1. 标题： 从数学推理到代码', 'title', '从数学推理到代码'],
    ['12. 标题： 从数学推理到代码', 'title', '从数学推理到代码'],
    ['10) Authors: Ashish Vaswani, Noam Shazeer', 'authors', 'Ashish Vaswani, Noam Shazeer'],
    ['**12. 论文链接**：https://arxiv.org/abs/2506.23235', 'link', 'https://arxiv.org/abs/2506.23235'],
  ])('%s', (text, kind, value) => {
    expect(matchField(text)).toMatchObject({ kind, value });
  });
  it('no field behind a three-digit number', () => {
    expect(matchField('123. 标题： 从数学推理到代码')).toBeUndefined();
  });
});

describe('a date heading after a deeper topic', () => {
  // `## 2025-06-01` closes the topics at its level and below: papers under it are not under `### Reward models`.
  it('sets the date and leaves the topic path at the heading above', () => {
    const { papers } = parseNotes([
      {
        path: 'reading.md',
        text: [
          '# Reading list',
          '',
          '## RL',
          '',
          '### Reward models',
          '',
          '- [Scaling Laws for Reward Model Overoptimization](https://arxiv.org/abs/2210.10760)',
          '',
          '## 2025-06-01',
          '',
          '- [Direct Preference Optimization](https://arxiv.org/abs/2305.18290)',
          '',
        ].join('\n'),
      },
    ]);
    expect(papers.map((p) => [p.title, p.topicPath, p.date])).toEqual([
      ['Scaling Laws for Reward Model Overoptimization', ['Reading list', 'RL', 'Reward models'], undefined],
      ['Direct Preference Optimization', ['Reading list'], '2025-06-01'],
    ]);
  });
});

describe('a pasted arXiv listing with a web address before its author links', () => {
  // A bare address is no title, with or without a path or `www.`; the id stays the paper's name.
  const AUTHOR = (name: string) =>
    `[${name}](https://arxiv.org/search/cs?searchtype=author&query=${encodeURIComponent(name)})`;
  it.each([
    'https://gluebenchmark.com',
    'http://gluebenchmark.com',
    'www.gluebenchmark.com/leaderboard',
    'https://gluebenchmark.com/leaderboard',
  ])('%s', (lead) => {
    const id = '1804.07461';
    const { papers } = parseNotes([
      {
        path: 'listing.md',
        text: [
          '# 1.2 arXiv',
          '',
          `- [1] [arXiv:${id} ](https://arxiv.org/abs/${id}) [[pdf](https://arxiv.org/pdf/${id}), [other](https://arxiv.org/format/${id})] [1] arXiv:${id} [ pdf, other]`,
          '',
          `  ${lead} ${AUTHOR('Alex Wang')}, ${AUTHOR('Amanpreet Singh')}`,
          '',
        ].join('\n'),
      },
    ]);
    expect(papers.map((p) => [p.title, p.arxiv, p.authors])).toEqual([
      ['arXiv:1804.07461', id, ['Alex Wang', 'Amanpreet Singh']],
    ]);
  });
});
