// Bibliographies beside the notes: a broken .bib entry is a located warning and the rest is read; JSON that is
// not CSL-JSON is ignored; only citekeys the notes mention are drawn.
import { describe, expect, it } from 'vitest';
import { parseFile, parseNotes } from '../../src/parse/index.js';

const BIB = `@article{breimanRandomForests2001,
  title = {Random {{Forests}}},
  author = {Breiman, Leo},
  year = {2001},
  journal = {Machine Learning},
  doi = {10.1023/A:1010933404324}
}

@inproceedings{broken2020, title = {Unclosed

@book{goodfellowDeepLearning2016,
  title = {Deep {{Learning}}},
  author = {Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron},
  year = {2016},
  publisher = {MIT Press}
}
`;

describe('library files', () => {
  it('reads a .bib, reporting a broken entry where it is', () => {
    const parse = parseFile({ path: 'refs.bib', text: BIB });
    expect(parse.entries).toEqual([]);
    expect(parse.library?.map((i) => i.citekey)).toContain('breimanRandomForests2001');
    expect(parse.library?.find((i) => i.citekey === 'breimanRandomForests2001')).toMatchObject({
      title: 'Random Forests',
      authors: ['Leo Breiman'],
      issued: '2001',
      line: 1,
      ids: { doi: '10.1023/a:1010933404324' },
    });
    expect(parse.diagnostics.map((d) => d.rule)).toContain('library-entry-invalid');
  });

  it.each([
    ['package.json', '{"name":"x","version":"1.0.0"}'],
    ['broken.json', '{"items": ['],
    ['strings.json', '["a", "b"]'],
    // JSON whose top is no object: a value on its own, as settings or cache files hold.
    ['null.json', 'null'],
    ['number.json', '42'],
    ['string.json', '"text"'],
    ['empty.json', '{}'],
    ['items-not-a-list.json', '{"items": {"id": "x"}}'],
  ])('ignores %s (not CSL-JSON)', (path, text) => {
    const parse = parseFile({ path, text });
    expect(parse.entries).toEqual([]);
    expect(parse.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('draws only the items the notes mention, with their kind', () => {
    const result = parseNotes([
      { path: 'refs.bib', text: BIB },
      { path: 'log.md', text: '# Log\n\n- finished @goodfellowDeepLearning2016 today\n' },
    ]);
    expect(result.papers.map((p) => [p.title, p.workKind])).toEqual([['Deep Learning', 'book']]);
    expect(result.papers[0]!.authors).toEqual(['Ian Goodfellow', 'Yoshua Bengio', 'Aaron Courville']);
  });
});

describe('library items, field by field', () => {
  const csl = (issued: unknown, extra: Record<string, unknown> = {}) =>
    parseFile({
      path: 'My Library.json',
      text: JSON.stringify([
        {
          id: 'doeSparse2017',
          type: 'article-journal',
          title: 'Sparse Experts',
          author: [{ given: 'Jane', family: 'Doe' }, { literal: 'The Sparse Team' }, {}],
          issued,
          'container-title': 'Journal of Sparse Things',
          DOI: '10.1000/XYZ',
          ...extra,
        },
      ]),
    }).library![0]!;
  it.each([
    [[[2017, 6, 12]], '2017-06-12'],
    [[[2017, 6]], '2017-06'],
    [[['2017', '6', '1']], '2017-06-01'],
    [[[2017]], '2017'],
    [[[2017, 13, 1]], '2017'],
    [[[2017, 0]], '2017'],
    [[[2017, 12, 31]], '2017-12-31'],
    [[[2017, 1, 32]], '2017-01'],
    [[[2017, 1, 0]], '2017-01'],
    [[[999]], undefined],
    [[[1000]], '1000'],
  ])('CSL issued %j -> %s', (parts, issued) => {
    const item = csl({ 'date-parts': parts });
    expect(item.issued).toBe(issued);
    expect(item).toMatchObject({
      citekey: 'doeSparse2017',
      title: 'Sparse Experts',
      authors: ['Jane Doe', 'The Sparse Team'],
      venue: 'Journal of Sparse Things',
      itemType: 'article-journal',
      ids: { doi: '10.1000/xyz' },
      line: 1,
    });
  });
  it('takes the citation key over the id, and an arXiv number', () => {
    const item = csl({ 'date-parts': [[2017]] }, { 'citation-key': 'doe2017', number: 'arXiv:1701.06538' });
    expect(item).toMatchObject({ citekey: 'doe2017', arxiv: '1701.06538' });
  });

  const bib = (fields: string) =>
    parseFile({
      path: 'refs.bib',
      text: `@article{doeSparse2017,\n  title = {Sparse Experts},\n${fields}\n}\n`,
    }).library![0]!;
  it.each([
    ['  date = {2017-06-12}', '2017-06-12'],
    ['  date = {2017-06}', '2017-06'],
    ['  date = {2017-06-12/2017-06-14}', '2017'],
    ['  year = {2017},\n  date = {2017-06-12}', '2017-06-12'],
    ['  year = {2016}', '2016'],
  ])('BibTeX %s -> %s', (fields, issued) => {
    expect(bib(fields).issued).toBe(issued);
  });
  it.each([
    ['  journal = {J}', { venue: 'J' }],
    ['  journaltitle = {JT}', { venue: 'JT' }],
    ['  booktitle = {Proc}', { venue: 'Proc' }],
    ['  eprint = {1701.06538},\n  archiveprefix = {arXiv}', { arxiv: '1701.06538' }],
    ['  eprint = {1701.06538},\n  eprinttype = {arxiv}', { arxiv: '1701.06538' }],
    ['  abstract = {We route tokens.}', { abstract: 'We route tokens.' }],
    [
      '  howpublished = {\\url{https://openreview.net/forum?id=rJ4km2R5t7}}',
      { ids: { openreview: 'rJ4km2R5t7' } },
    ],
  ])('BibTeX %s', (fields, expected) => {
    expect(bib(fields)).toMatchObject(expected);
  });
  it('no arXiv id from an eprint of another archive', () => {
    expect(bib('  eprint = {1701.06538},\n  archiveprefix = {hal}').arxiv).toBeUndefined();
  });
});
