// Identity beyond arXiv: DOIs, citekeys, OpenReview and ACL Anthology ids, note names; arXiv link variants.
import { describe, expect, it } from 'vitest';
import {
  aclFromDoi,
  humaniseCitekey,
  idsFromUrl,
  isCitekey,
  normaliseDoi,
} from '../../src/parse/identifiers.js';
import { parseNotes } from '../../src/parse/index.js';
import { parseAuthorString } from '../../src/parse/paper-note.js';
import { findArxivRefs } from '../../src/parse/patterns.js';

describe('identifiers', () => {
  it.each([
    ['https://arxiv.org/abs//2306.17156', '2306.17156'],
    ['https://arxiv.org/ftp/arxiv/papers/2310/2310.11266.pdf', '2310.11266'],
    ['https://arxiv.org/html/2402.19427v1', '2402.19427'],
    ['arxiv.org/abs/2305.10601v2', '2305.10601'],
    ['https://arxiv.org/pdf/2010.11929v2.pdf', '2010.11929'],
    ['https://export.arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
  ])('arXiv link %s -> %s', (url, id) => {
    expect(findArxivRefs(url)[0]?.id).toBe(id);
  });

  it.each([
    ['https://doi.org/10.18653/V1/N19-1423', '10.18653/v1/n19-1423'],
    ['doi:10.1162/NECO.1997.9.8.1735', '10.1162/neco.1997.9.8.1735'],
    ['10.1007/978-3-319-24574-4_28.', '10.1007/978-3-319-24574-4_28'],
    ['https://doi.org/10.1023%2FA%3A1010933404324', '10.1023/a:1010933404324'],
    ['not a doi', undefined],
  ])('DOI %s -> %s', (text, doi) => {
    expect(normaliseDoi(text)).toBe(doi);
  });

  it.each([
    ['https://openreview.net/forum?id=nZeVKeeFYf9', { openreview: 'nZeVKeeFYf9' }],
    ['https://openreview.net/pdf?id=YicbFdNTTy', { openreview: 'YicbFdNTTy' }],
    ['https://aclanthology.org/2021.acl-long.353/', { acl: '2021.acl-long.353' }],
    ['https://aclanthology.org/N19-1423.pdf', { acl: 'N19-1423' }],
    [
      'https://www.semanticscholar.org/paper/Attention-is-All-you-Need/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      { s2: '204e3073870fae3d05bcbc2f6a8e263d9b72e776' },
    ],
    ['https://example.com/paper', {}],
  ])('ids in %s', (url, ids) => {
    expect(idsFromUrl(url)).toEqual(ids);
  });

  it('reads the ACL Anthology id inside an ACL DOI', () => {
    expect(aclFromDoi('10.18653/v1/n19-1423')).toBe('N19-1423');
    expect(aclFromDoi('10.1038/nature14539')).toBeUndefined();
  });

  it.each([
    ['hochreiterLongShortTermMemory1997', true],
    ['vaswani2017attention', true],
    ['Smith2023QuantumComputing', true],
    ['Attention Is All You Need', false],
    ['2024-03-02', false],
    ['BERT', false],
  ])('%s is a citekey: %s', (name, yes) => {
    expect(isCitekey(name)).toBe(yes);
  });

  it('humanises a citekey only as a last resort title', () => {
    expect(humaniseCitekey('hochreiterLongShortTermMemory1997')).toEqual({
      author: 'Hochreiter',
      title: 'Long Short Term Memory',
      year: '1997',
    });
  });

  it.each([
    ['Jacob Devlin and Ming-Wei Chang and Kenton Lee', ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee']],
    [
      'Jeffrey Pennington, Richard Socher, and Christopher Manning',
      ['Jeffrey Pennington', 'Richard Socher', 'Christopher Manning'],
    ],
    ['Hochreiter, Sepp and Schmidhuber, Jürgen', ['Sepp Hochreiter', 'Jürgen Schmidhuber']],
    ['Hochreiter, Sepp', ['Sepp Hochreiter']],
    ['Ashish Vaswani et al.', ['Ashish Vaswani']],
    ['[[Jane Doe]]; [[authors/John Roe|John]]', ['Jane Doe', 'John']],
  ])('author string %s', (text, authors) => {
    expect(parseAuthorString(text)).toEqual(authors);
  });
});

describe('one work reached by two identifiers is one node', () => {
  it.each([
    [
      'DOI in two cases and two notes',
      [
        {
          path: 'a.md',
          text: '---\ntitle: Deep learning\ndoi: 10.1038/NATURE14539\nyear: 2015\n---\nReview.\n',
        },
        {
          path: 'b.md',
          text: '---\ntitle: "LeCun et al. review"\ndoi: https://doi.org/10.1038/nature14539\nauthors: [Yann LeCun]\n---\n',
        },
      ],
      'doi:10.1038/nature14539',
    ],
    [
      'OpenReview id in a paper note and an arXiv id in a reading list with the same OpenReview link',
      [
        {
          path: 'lora.md',
          text: '---\ntitle: "LoRA: Low-Rank Adaptation of Large Language Models"\nyear: 2022\nurl: https://openreview.net/forum?id=nZeVKeeFYf9\n---\n',
        },
        {
          path: 'list.md',
          text: '# Reading\n\n- [LoRA paper](https://arxiv.org/abs/2106.09685) ([OpenReview](https://openreview.net/forum?id=nZeVKeeFYf9))\n',
        },
      ],
      'arxiv:2106.09685',
    ],
    [
      'a citekey note and a reading note pointing at it',
      [
        {
          path: 'hoDenoisingDiffusionProbabilistic2020.md',
          text: '---\ntitle: Denoising Diffusion Probabilistic Models\nyear: 2020\n---\n',
        },
        {
          path: 'reading/ddpm.md',
          text: '---\nnote: "[[hoDenoisingDiffusionProbabilistic2020]]"\n---\nThe noise schedule matters.\n',
        },
      ],
      'title:denoising diffusion probabilistic models',
    ],
  ])('%s', (_name, notes, id) => {
    const result = parseNotes(notes);
    expect(result.papers.map((p) => p.id)).toEqual([id]);
    expect(result.papers[0]!.sources.map((s) => s.file).sort()).toEqual(notes.map((n) => n.path).sort());
  });
});

describe("a note's date applies to its entries without one", () => {
  it.each([
    [
      '---\nfirst-published-on: 2023-05-04\n---\n# List\n\n- [Voyager](https://arxiv.org/abs/2305.16291)\n',
      '2023-05-04',
    ],
    [
      '---\ndate: 2025-06-01\nfirst-published-on: 2023-05-04\n---\n# List\n\n- [Voyager](https://arxiv.org/abs/2305.16291)\n',
      '2025-06-01',
    ],
    [
      '+++\ndate = 2024-11-30T23:30:00-08:00\n+++\n# List\n\n- [Voyager](https://arxiv.org/abs/2305.16291)\n',
      '2024-11-30',
    ],
    [
      '# 学术日报 2025-02-01\n\n### 数据 (2篇)\n\n- 一篇论文的标题 (张伟) [跳转](http://arxiv.org/abs/2502.00001v1)\n',
      '2025-02-01',
    ],
  ])('%j', (text, date) => {
    const [paper] = parseNotes([{ path: 'n.md', text }]).papers;
    expect(paper!.date).toBe(date);
  });
});
