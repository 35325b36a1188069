// Every field name a literature note can use, in front matter and as a body field line, each read into its own
// part of the work: a table over the names the parser knows, so that a name dropped or misspelt fails here.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import type { PaperRecord } from '../../src/types.js';

const one = (path: string, text: string): PaperRecord => {
  const { papers } = parseNotes([{ path, text }]);
  expect(papers).toHaveLength(1);
  return papers[0]!;
};
const literatureNote = (fields: string) =>
  `---\ncategory: literaturenote\n${fields}\n---\n\nMy notes on it.\n`;

type Check = (p: PaperRecord) => void;
const roles: [string[], string, Check][] = [
  [
    ['title', 'paper title', '标题', '论文', '论文名称', '论文标题', '题目', '英文标题'],
    'Sparse Mixtures of Experts at Scale',
    (p) => expect(p.title).toBe('Sparse Mixtures of Experts at Scale'),
  ],
  [['firstauthor', 'first author', 'author'], 'Doe, Jane', (p) => expect(p.authors).toEqual(['Jane Doe'])],
  [
    ['firsteditor', 'first editor', 'editor', 'editors'],
    'Roe, Richard',
    (p) => expect(p.authors).toEqual(['Richard Roe']),
  ],
  [
    ['authors', 'creators', 'authorstring', '作者', 'author(s)'],
    'Jane Doe and John Roe',
    (p) => expect(p.authors).toEqual(['Jane Doe', 'John Roe']),
  ],
  [['year', '年份', 'publication year'], '2019', (p) => expect(p.issued).toBe('2019')],
  [
    ['published', 'issued', '发布日期', '发表时间', '发布时间', '发表日期', 'publication date', 'pubdate'],
    '2019-05-04',
    (p) => {
      expect(p.published).toBe('2019-05-04');
      expect(p.issued).toBe('2019-05-04');
    },
  ],
  [['doi', 'source doi'], '10.1000/xyz123', (p) => expect(p.ids?.doi).toBe('10.1000/xyz123')],
  [
    ['citekey', 'citation key', 'citationkey', 'bibtex key'],
    'doeSparseMixtures2019',
    (p) => expect(p.ids?.citekey).toBe('doeSparseMixtures2019'),
  ],
  [
    [
      'url',
      'link',
      'links',
      'arxiv',
      'pdf',
      'paper link',
      'openreview',
      '链接',
      '论文链接',
      '论文地址',
      'eprint',
    ],
    'https://arxiv.org/abs/1701.06538',
    (p) => expect(p.arxiv).toBe('1701.06538'),
  ],
  [
    [
      'venue',
      'journal',
      'publication',
      'publicationtitle',
      'booktitle',
      'book',
      'conference',
      'proceedings',
      'container-title',
      '会议',
      '期刊',
      '发表于',
    ],
    'Journal of Sparse Things',
    (p) => expect(p.venue).toBe('Journal of Sparse Things'),
  ],
  [['itemtype', 'item type'], 'journalArticle', (p) => expect(p.itemType).toBe('journalArticle')],
  [
    ['abstract', '摘要', 'abstractnote'],
    'We route each token to two experts.',
    (p) => expect(p.summary).toContain('We route each token to two experts.'),
  ],
];
const cases = roles.flatMap(([keys, value, check]) => keys.map((key) => [key, value, check] as const));

describe('front matter field names', () => {
  it.each(cases)('%s: %s', (key, value, check) => {
    const title =
      key === 'title' || roles[0]![0].includes(key) ? '' : 'title: Sparse Mixtures of Experts at Scale\n';
    const p = one('sparse.md', literatureNote(`${title}"${key}": ${JSON.stringify(value)}`));
    check(p);
  });
});

describe('body field names (Dataview `**Key**:: value` and list `- **Key**: value` lines)', () => {
  const other = (key: string) =>
    roles[0]![0].includes(key)
      ? '**Authors**:: Jane Doe and John Roe'
      : '**Title**:: Sparse Mixtures of Experts at Scale';
  it.each(cases)('%s:: %s', (key, value, check) => {
    check(one('n.md', `${other(key)}\n**${key}**:: ${value}\n\nMy notes on it.\n`));
  });
  it.each(cases)('- **%s**: %s', (key, value, check) => {
    check(
      one(
        'n.md',
        `${other(key).replace('::', ':').replace(/^/, '- ')}\n- **${key}**: ${value}\n\nMy notes on it.\n`,
      ),
    );
  });
});

describe('dates of a literature note', () => {
  const titled = (fields: string) => literatureNote(`title: Sparse Mixtures of Experts at Scale\n${fields}`);

  it.each([
    ['a CSL date with day', 'issued:\n  date-parts:\n    - [2017, 6, 12]', '2017-06-12'],
    ['a CSL date with month', 'issued:\n  date-parts:\n    - [2015, 12]', '2015-12'],
    ['a CSL year', 'issued:\n  date-parts:\n    - [2015]', '2015'],
    ['a CSL date with a month out of range', 'issued:\n  date-parts:\n    - [1999, 13]', '1999'],
    ['a CSL date with month 0', 'issued:\n  date-parts:\n    - [1999, 0]', '1999'],
    ['a CSL date with a negative month', 'issued:\n  date-parts:\n    - [1999, -1]', '1999'],
    ['a CSL date with day 0', 'issued:\n  date-parts:\n    - [1999, 3, 0]', '1999-03'],
    ['a CSL date with the last month and day', 'issued:\n  date-parts:\n    - [1999, 12, 31]', '1999-12-31'],
    [
      'a CSL date with the first month and day',
      'issued:\n  date-parts:\n    - ["1999", "1", "1"]',
      '1999-01-01',
    ],
    ['a year with month 0', 'year: 2019-00', '2019'],
    ['a CSL date with a day out of range', 'issued:\n  date-parts:\n    - [1999, 3, 40]', '1999-03'],
    ['a year and month', 'year: 2019-05', '2019-05'],
    ['a Chinese year and month', 'year: 2019年5月', '2019-05'],
    ['a year in words', 'year: Spring 2019', '2019'],
    ['a year with a month out of range', 'year: 2019-13', '2019'],
  ])('reads %s', (_name, fields, issued) => {
    expect(one('x.md', titled(fields)).issued).toBe(issued);
  });

  it('takes the year from the path when the CSL year is impossible', () => {
    const p = one('lit/2018/x.md', titled('issued:\n  date-parts:\n    - [999]'));
    expect(p.issued).toBe('2018');
  });

  it.each(['dateread', 'date read', 'read', 'created', 'created date', 'date created'])(
    'dates the note by when it was read: %s',
    (key) => {
      const p = one('x.md', titled(`"${key}": 2024-03-05`));
      expect(p.date).toBe('2024-03-05');
      // `date` says when the note was read, over every other key.
      expect(one('x.md', titled(`date: 2023-02-02\n"${key}": 2024-03-05`)).date).toBe('2023-02-02');
    },
  );

  it('takes the year of a file named by its citekey, not of another citekey field', () => {
    const p = one('lit/hoDenoisingDiffusion2020.md', literatureNote('citekey: hoDDPM2021'));
    expect(p).toMatchObject({ title: 'Denoising Diffusion', authors: ['Ho'], issued: '2020' });
    expect(p.ids?.citekey).toBe('hoDDPM2021');
  });

  it('names the authors from author-hub links outside code blocks', () => {
    const p = one(
      'x.md',
      titled('') +
        '\n[[authors/Kaiming He]] and [[people/Xiangyu Zhang|Zhang]] wrote it.\n\n```\n[[authors/Not An Author]]\n```\n',
    );
    expect(p.authors).toEqual(['Kaiming He', 'Xiangyu Zhang']);
  });
});

describe('what a literature note is, by its item type', () => {
  it.each<[string, string | undefined]>([
    ...['webpage', 'blogPost', 'post-weblog', 'post', 'forumPost'].map((t): [string, string] => [t, 'blog']),
    ['book', 'book'],
    ...['videoRecording', 'motion_picture', 'broadcast', 'podcast', 'presentation', 'speech'].map(
      (t): [string, string] => [t, 'video'],
    ),
    ...['computerProgram', 'software'].map((t): [string, string] => [t, 'repo']),
    ...['newspaperArticle', 'article-newspaper', 'magazineArticle', 'article-magazine'].map(
      (t): [string, string] => [t, 'news'],
    ),
    ['journalArticle', undefined],
    ['conferencePaper', undefined],
  ])('itemType %s is a %s', (itemType, kind) => {
    const p = one(
      'x.md',
      literatureNote(`title: Sparse Mixtures of Experts at Scale\nitemType: ${itemType}`),
    );
    expect(p.workKind).toBe(kind);
  });
});

describe('a CSL `type` in front matter is the item type only when it is one', () => {
  it.each<[string, string | undefined]>([
    ['article-journal', 'article-journal'],
    ['paper-conference', 'paper-conference'],
    ['journalArticle', 'journalArticle'],
    ['article', 'article'],
    ['book', 'book'],
    ['chapter', 'chapter'],
    ['thesis', 'thesis'],
    ['report', 'report'],
    // A Hugo or Jekyll `type` (a layout), or words that only begin or end like an item type.
    ['post', undefined],
    ['articles', undefined],
    ['ebook', undefined],
    ['books', undefined],
    ['my report', undefined],
    ['Article', undefined],
    ['paper', undefined],
  ])('type: %s', (type, itemType) => {
    const p = one('x.md', literatureNote(`title: Sparse Mixtures of Experts at Scale\ntype: ${type}`));
    expect(p.itemType).toBe(itemType);
  });
  it('an itemType field wins over a CSL type', () => {
    const p = one(
      'x.md',
      literatureNote(
        'title: Sparse Mixtures of Experts at Scale\nitemType: conferencePaper\ntype: article-journal',
      ),
    );
    expect(p.itemType).toBe('conferencePaper');
  });
});

describe('links in a field value and to other notes, at the edges of their patterns', () => {
  it.each([
    ['[[Jane Doe]] and [[John Roe]]', ['Jane Doe', 'John Roe']],
    ['[[People/Jane Doe#Bio]] and [[John Roe#About him|John Roe]]', ['Jane Doe', 'John Roe']],
    ['[[Jane Doe#]] and [[John Roe]]', ['Jane Doe', 'John Roe']],
    ['[Jane Doe](https://example.org/jd) and John Roe', ['Jane Doe', 'John Roe']],
  ])('authors: %s', (value, authors) => {
    expect(
      one('x.md', `**Title**:: Sparse Mixtures of Experts at Scale\n**Authors**:: ${value}\n\nMy notes.\n`)
        .authors,
    ).toEqual(authors);
  });
  // A markdown link to a `.md` file elsewhere (a README on GitHub, a site's page) is no link to another note.
  it.each([
    '[README](https://github.com/a/b/blob/main/README.md)',
    '[notes](http://example.org/notes.md)',
    '[doc](ftp://example.org/doc.md)',
    '[mail](mailto:a@example.org.md)',
    '[top](#notes.md)',
    '[root](/notes/other.md)',
  ])('%s is no note link', (link) => {
    const r = parseNotes([
      { path: 'x.md', text: literatureNote('title: Sparse Mixtures of Experts at Scale') + `See ${link}.\n` },
    ]);
    expect(r.papers[0]!.noteLinks).toBeUndefined();
    expect(r.diagnostics.map((d) => d.rule)).not.toContain('note-link-unresolved');
  });
  it('a relative link to a missing note is one, and unresolved', () => {
    const r = parseNotes([
      {
        path: 'x.md',
        text: literatureNote('title: Sparse Mixtures of Experts at Scale') + 'See [other](other-note.md).\n',
      },
    ]);
    expect(r.diagnostics.map((d) => d.rule)).toContain('note-link-unresolved');
  });
});

describe('pages that are no work: authors, keywords, days, indexes', () => {
  const hubMessage = (path: string, text: string) =>
    parseNotes([{ path, text }])
      .diagnostics.filter((d) => d.rule === 'note-hub')
      .map((d) => d.message);
  const says = {
    author: 'an author page ("Jane Doe"), not a work: links to it name an author',
    concept: 'a keyword or tag page ("Jane Doe"), not a work: links to it name a concept',
    date: 'a date page ("Jane Doe"), not a work: links to it name no work',
    index: 'an index page ("Jane Doe"), not a work: links to it name no work',
  };
  it.each([
    ...['author', 'person', 'people', 'researcher'].map((t) => [t, 'author'] as const),
    ...['keyword', 'tag', 'topic', 'concept', 'MOC'].map((t) => [t, 'concept'] as const),
    ...['daily', 'day', 'journal entry', 'reading log'].map((t) => [t, 'date'] as const),
    ...['index', 'list', 'section'].map((t) => [t, 'index'] as const),
  ])('type: %s is a %s page', (type, kind) => {
    for (const key of ['type', 'category', 'kind'])
      expect(
        hubMessage('Jane Doe.md', `---\n${key}: ${type}\n---\n# Jane Doe\n\nWrites about attention.\n`),
      ).toEqual([says[kind]]);
  });

  it.each([
    ...['authors', 'People', 'persons', 'researchers', '作者'].map((f) => [f, 'author'] as const),
    ...['keywords', 'Tags', 'concepts', 'topics', '关键词', '标签'].map((f) => [f, 'concept'] as const),
  ])('a page in the folder %s is a %s page', (folder, kind) => {
    expect(hubMessage(`vault/${folder}/Jane Doe.md`, '# Jane Doe\n\nWrites about attention.\n')).toEqual([
      says[kind],
    ]);
  });

  it.each([
    ['tags.author.Jane Doe.md', 'author'],
    ['tags.keyword.Jane Doe.md', 'concept'],
    ['tags.person.Jane Doe.md', 'author'],
  ] as const)('a Dendron page %s is a %s page', (path, kind) => {
    expect(hubMessage(path, '# Jane Doe\n\nWrites about attention.\n')).toEqual([
      says[kind].replace('"Jane Doe"', `"${path.slice(0, -3)}"`),
    ]);
  });

  it('an index or a day with no entries of its own', () => {
    expect(hubMessage('vault/_index.md', '---\ntitle: Jane Doe\n---\nSee the other pages.\n')).toEqual([
      says.index,
    ]);
    expect(hubMessage('vault/index.md', '---\ntitle: Jane Doe\n---\nSee the other pages.\n')).toEqual([
      says.index,
    ]);
    expect(hubMessage('daily/2025-06-01.md', 'A quiet day.\n')).toEqual([
      'a date page ("2025-06-01"), not a work: links to it name no work',
    ]);
  });
});

describe('a reading note pointing at its literature note', () => {
  const literature = {
    path: 'hoDenoisingDiffusionProbabilistic2020.md',
    text: '---\ntitle: Denoising Diffusion Probabilistic Models\nyear: 2020\n---\n',
  };
  it.each([
    'note',
    'file',
    'paper',
    'source',
    'literature',
    'literature note',
    'literature-note',
    'literaturenote',
    'lit',
    'reference',
    'ref',
  ])('by its %s key', (key) => {
    const reading = {
      path: 'reading/ddpm.md',
      text: `---\n"${key}": "[[hoDenoisingDiffusionProbabilistic2020]]"\n---\nThe noise schedule matters.\n`,
    };
    const { papers } = parseNotes([literature, reading]);
    expect(papers.map((p) => [p.title, p.sources.map((s) => s.file)])).toEqual([
      [
        'Denoising Diffusion Probabilistic Models',
        ['hoDenoisingDiffusionProbabilistic2020.md', 'reading/ddpm.md'],
      ],
    ]);
  });
});

describe('topics from folders', () => {
  it.each([
    'content',
    'posts',
    '_posts',
    'post',
    'blog',
    'notes',
    'Papers',
    'paper',
    'literature',
    'literature notes',
    'references',
    'refs',
    'Zotero',
    'reading',
    'sources',
    'source',
    'vault',
    'docs',
    '_site',
    'site',
    'pages',
    '_pages',
    '2025',
    '2025-06',
    '2025-06-01',
  ])('%s says nothing about the topic', (folder) => {
    const p = one(
      `${folder}/Mixture of experts/sparse.md`,
      literatureNote('title: Sparse Mixtures of Experts at Scale'),
    );
    expect(p.topicPath).toEqual(['Mixture of experts']);
  });
});

describe('the shapes of a body field line', () => {
  // Each shape holds a title, the authors and a year; every one must be read whole.
  it.each([
    ['Dataview', (k: string, v: string) => `${k}:: ${v}`],
    ['bold Dataview', (k: string, v: string) => `**${k}**:: ${v}`],
    ['underscored Dataview', (k: string, v: string) => `__${k}__:: ${v}`],
    ['Dataview in a callout', (k: string, v: string) => `> **${k}**:: ${v}`],
    ['Dataview in a nested callout', (k: string, v: string) => `> > ${k}:: ${v}`],
    ['Dataview list item', (k: string, v: string) => `- ${k}:: ${v}`],
    ['bold label, colon outside', (k: string, v: string) => `**${k}**: ${v}`],
    ['bold label, colon inside', (k: string, v: string) => `**${k}:** ${v}`],
    ['bold label, full-width colon', (k: string, v: string) => `**${k}**：${v}`],
    ['underscored label', (k: string, v: string) => `__${k}__: ${v}`],
    ['list item', (k: string, v: string) => `- **${k}**: ${v}`],
    ['starred list item', (k: string, v: string) => `* ${k}: ${v}`],
    ['numbered item', (k: string, v: string) => `1. **${k}**: ${v}`],
    ['numbered item with a parenthesis', (k: string, v: string) => `2) **${k}**: ${v}`],
    ['callout', (k: string, v: string) => `> **${k}**: ${v}`],
    ['indented', (k: string, v: string) => `   **${k}**: ${v}`],
    // The widths at the edges of what a line prefix may hold: French spacing before the colon, list markers
    // padded to four columns (Python-Markdown, mkdocs), a callout indented by one to three spaces.
    ['bold label, space before the colon (French)', (k: string, v: string) => `**${k}** : ${v}`],
    ['bold label, two spaces before the colon', (k: string, v: string) => `**${k}**  : ${v}`],
    ['list item padded to four columns', (k: string, v: string) => `-   **${k}**: ${v}`],
    ['numbered item padded to four columns', (k: string, v: string) => `1.  **${k}**: ${v}`],
    ['indented callout', (k: string, v: string) => ` > **${k}**: ${v}`],
    ['callout indented by three', (k: string, v: string) => `   > ${k}:: ${v}`],
    ['callout, spaces after the marker', (k: string, v: string) => `>    **${k}**: ${v}`],
  ])('%s', (_name, field) => {
    const text = [
      field('Title', 'Sparse Mixtures of Experts at Scale'),
      field('Authors', 'Jane Doe and John Roe'),
      field('Year', '2019'),
      '',
      'My notes on it.',
    ].join('\n');
    const p = one('n.md', text);
    expect([p.title, p.authors, p.issued]).toEqual([
      'Sparse Mixtures of Experts at Scale',
      ['Jane Doe', 'John Roe'],
      '2019',
    ]);
  });

  it('reads no title from a plain `Title: x` line (stray YAML), but the other fields', () => {
    const p = one(
      'Sparse.md',
      'Title: Not The Title\n**Authors**: Jane Doe and John Roe\n**Year**: 2019\n\nMy notes.\n',
    );
    expect([p.title, p.authors, p.issued]).toEqual(['Sparse', ['Jane Doe', 'John Roe'], '2019']);
  });

  it('reads no fields inside a code block, nor after the text of the note has begun', () => {
    const text = [
      '**Title**:: Sparse Mixtures of Experts at Scale',
      '**Authors**:: Jane Doe and John Roe',
      '```',
      '**Year**:: 1999',
      '```',
      ...Array.from({ length: 13 }, (_, i) => `Paragraph ${i + 1} of my notes.`),
      '**Year**:: 2001',
    ].join('\n');
    const p = one('n.md', text);
    expect([p.title, p.issued]).toEqual(['Sparse Mixtures of Experts at Scale', undefined]);
  });
});

describe('a paper note named by its heading byline or a pasted BibTeX entry', () => {
  const summary = (text: string) => {
    const r = parseNotes([{ path: 'prm.md', text }]);
    return [r.papers.map((p) => [p.title, p.authors, p.issued]), r.diagnostics.map((d) => d.rule)];
  };
  it.each([
    ['#### Lightman et al., 2023', ['Lightman']],
    ['## Lightman (2023)', ['Lightman']],
    ['### Hunter Lightman, 2023', ['Hunter Lightman']],
    ['###### Lightman et al 2023', ['Lightman']],
  ])('byline %s', (byline, authors) => {
    expect(summary(`# Let's Verify Step by Step\n\n${byline}\n\nNotes on process supervision.\n`)).toEqual([
      [["Let's Verify Step by Step", authors, '2023']],
      [],
    ]);
  });
  it.each(['## Notes 2023', '# Lightman 2023', '## Lightman 1899'])('no byline: %s', (byline) => {
    expect(summary(`# Let's Verify Step by Step\n\n${byline}\n\nNotes on process supervision.\n`)).toEqual([
      [],
      ['note-without-works'],
    ]);
  });

  const bib =
    "@article{lightman2023verify,\n  title={Let's Verify Step by Step},\n  author={Lightman, Hunter and Kosaraju, Vineet},\n  year={2023}\n}";
  it.each(['```bibtex', '```bib', '```biblatex', '```latex', '```tex', '```', '~~~', '````BibTeX'])(
    'a BibTeX entry in a %s block',
    (open) => {
      const close = open.replace(/[A-Za-z]+$/, '');
      expect(summary(`Some notes first.\n\n${open}\n${bib}\n${close}\n\nMore notes.\n`)).toEqual([
        [["Let's Verify Step by Step", ['Hunter Lightman', 'Vineet Kosaraju'], '2023']],
        [],
      ]);
    },
  );
  // The entry pasted at the top describes the note's work; one far down the notes is a work the notes cite.
  it.each([
    [11, [[["Let's Verify Step by Step", ['Hunter Lightman', 'Vineet Kosaraju'], '2023']], []]],
    [12, [[], ['note-without-works']]],
    [13, [[], ['note-without-works']]],
  ])('a BibTeX entry after %i lines of notes', (n, expected) => {
    const notes = Array.from({ length: n }, (_, i) => `Line ${i + 1} of my notes.`).join('\n');
    expect(summary(`${notes}\n\n\`\`\`bibtex\n${bib}\n\`\`\`\n`)).toEqual(expected);
  });
  it('no BibTeX entry in a block whose first line only mentions one', () => {
    expect(summary(`Some notes first.\n\n\`\`\`\nsee ${bib}\n\`\`\`\n\nMore notes.\n`)).toEqual([
      [],
      ['note-without-works'],
    ]);
  });
  it('no BibTeX entry in a block of another language', () => {
    expect(summary(`Some notes first.\n\n\`\`\`python\n${bib}\n\`\`\`\n\nMore notes.\n`)).toEqual([
      [],
      ['note-without-works'],
    ]);
  });
});

describe('where the fields of a note end: a heading after its text, and the lines that are not text', () => {
  const fm = '---\ncategory: literaturenote\ntitle: Sparse Mixtures of Experts at Scale\n---\n';
  const year = (body: string) => one('n.md', `${fm}${body}\n**Year**: 2019\n\nMy notes.\n`).issued;
  const text = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of my notes.`);

  it.each(['## Method', '   ## Method', '###### Method', '# Method'])(
    'a heading (%s) after three lines of text ends them',
    (heading) => expect(year([...text(3), heading].join('\n'))).toBeUndefined(),
  );
  it.each([
    ['a heading after two lines of text', [...text(2), '## Method']],
    ['a tag line, which is no heading', [...text(3), '#reading']],
    ['a heading indented four spaces, which is code', [...text(3), '    ## Method']],
    ['a heading before the text', ['## Method', ...text(3)]],
    ['twelve lines of text', text(12)],
  ])('%s leaves them open', (_name, lines) => expect(year(lines.join('\n'))).toBe('2019'));
  it('thirteen lines of text end them', () => expect(year(text(13).join('\n'))).toBeUndefined());

  // A long callout, quote or comment at the top of a note is not the reader's text: fields after it still count.
  it.each([
    ['a quote', (i: number) => `> quoted line ${i}`],
    ['a quote indented one space', (i: number) => ` > quoted line ${i}`],
    ['a quote indented three spaces', (i: number) => `   > quoted line ${i}`],
    ['a callout', (i: number) => (i === 0 ? '> [!abstract]- Abstract' : `> abstract line ${i}`)],
    ['an Obsidian comment', (i: number) => `%% comment line ${i} %%`],
    ['a callout line', (i: number) => `[!note] line ${i}`],
  ])('fields after fourteen lines of %s are read', (_name, line) => {
    expect(year(Array.from({ length: 14 }, (_, i) => line(i)).join('\n'))).toBe('2019');
  });
  it('but fourteen lines of a quote indented four spaces are code, which counts', () => {
    expect(year(Array.from({ length: 14 }, (_, i) => `    > quoted line ${i}`).join('\n'))).toBeUndefined();
  });
});

describe('the text of a literature note, read without its line prefixes', () => {
  const read = (body: string) => {
    const { papers } = parseNotes([
      { path: 'Sparse.md', text: `---\ncategory: literaturenote\n---\n${body}\n` },
      { path: 'Dense.md', text: '---\ncategory: literaturenote\n---\nMy notes on dense models.\n' },
    ]);
    return papers.find((p) => p.id === ('title:sparse' as PaperRecord['id']))!;
  };
  // Each prefix, then what is left of the line; a link to another note keeps the same sentence.
  it.each([
    ['', 'see [[Dense]] for more'],
    ['- ', 'see [[Dense]] for more'],
    ['-   ', 'see [[Dense]] for more'],
    ['* ', 'see [[Dense]] for more'],
    ['+\t', 'see [[Dense]] for more'],
    ['1. ', 'see [[Dense]] for more'],
    ['12) ', 'see [[Dense]] for more'],
    ['   - ', 'see [[Dense]] for more'],
    ['> ', 'see [[Dense]] for more'],
    ['> > ', 'see [[Dense]] for more'],
    ['>', 'see [[Dense]] for more'],
    ['> - ', 'see [[Dense]] for more'],
  ])('%j before a line', (prefix, rest) => {
    const p = read(`Intro line.\n\n${prefix}${rest}`);
    expect(p.text.map((t) => t.text)).toEqual(['Intro line.', 'see Dense for more']);
    expect(p.noteLinks?.map((l) => [l.text, l.source.line])).toEqual([['see Dense for more', 6]]);
  });
  it.each([
    ['#### ', 'A heading'],
    ['   ### ', 'A heading'],
    ['> [!note] ', 'A heading'],
    ['> [!note]- ', 'A heading'],
    ['> [!note]+', 'A heading'],
    ['> [!tip]', 'A heading'],
  ])('%j before a line of the summary', (prefix, rest) => {
    expect(read(`Intro line.\n\n${prefix}${rest}`).text.map((t) => t.text)).toEqual(['Intro line.', rest]);
  });
  it.each(['> [!abstract]', '> [!abstract]-', '---', '- ', '> ', '##'])(
    'a line of only %j is no text',
    (line) => {
      expect(read(`Intro line.\n\n${line}\n\nLast line.`).text.map((t) => t.text)).toEqual([
        'Intro line.',
        'Last line.',
      ]);
    },
  );
  it('four spaces and a marker are a code line, kept as it is', () => {
    expect(read('Intro line.\n\n    - code').text.map((t) => t.text)).toEqual(['Intro line.', '- code']);
  });
});

describe('other papers a literature note mentions', () => {
  it('are cited once each, and its own id is not', () => {
    const text = [
      '---',
      'category: literaturenote',
      'title: Training language models to follow instructions with human feedback',
      'url: https://arxiv.org/abs/2203.02155',
      '---',
      '',
      'Builds on PPO (https://arxiv.org/abs/1707.06347) and on https://arxiv.org/abs/2009.01325.',
      'Its own page again: https://arxiv.org/abs/2203.02155',
      'PPO once more: arXiv:1707.06347',
    ].join('\n');
    const { papers } = parseNotes([{ path: 'instructgpt.md', text }]);
    expect(papers.map((p) => [p.id, p.citedOnly, p.sources.map((s) => `${s.file}:${s.line}`)])).toEqual([
      ['arxiv:1707.06347', true, ['instructgpt.md:7']],
      ['arxiv:2009.01325', true, ['instructgpt.md:7']],
      ['arxiv:2203.02155', false, ['instructgpt.md:1']],
    ]);
  });
});

describe('Obsidian comments in a literature note', () => {
  it.each(['%% a private comment %%', '  %%todo: reread section 3%%', '%%'])(
    '%j is neither summary nor text',
    (comment) => {
      const { papers } = parseNotes([
        {
          path: 'n.md',
          text: `---\ncategory: literaturenote\ntitle: Sparse Mixtures of Experts at Scale\n---\n\nFirst line.\n${comment}\nLast line.\n`,
        },
      ]);
      expect(papers.map((p) => [p.summary, p.text.map((t) => t.text)])).toEqual([
        ['First line.\nLast line.', ['First line.', 'Last line.']],
      ]);
    },
  );
});
