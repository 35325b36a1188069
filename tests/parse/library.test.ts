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
