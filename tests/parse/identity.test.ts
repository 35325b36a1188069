// Identity beyond arXiv: DOIs, citekeys, OpenReview and ACL Anthology ids, note names; arXiv link variants.
import { describe, expect, it } from 'vitest';
import {
  aclFromDoi,
  arxivFromDoi,
  findDois,
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
    ['(10.1145/3292500.3330701)', '10.1145/3292500.3330701'],
    ['<10.1145/3292500.3330701>', '10.1145/3292500.3330701'],
    ['[10.1145/3292500.3330701]', '10.1145/3292500.3330701'],
    ['see:10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['doi:  10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['x10.1145/3292500.3330701', undefined],
    ['10.123/abc', undefined],
    ['10.1234567890/abc', undefined],
    ['10.1145/abc;', '10.1145/abc'],
    ['10.1145/abc*_', '10.1145/abc'],
    ['10.1145/a%ZZb', '10.1145/a%zzb'],
    ['https://doi.org/10.1145/3292500.3330701"extra', '10.1145/3292500.3330701'],
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
    expect(aclFromDoi('10.18653/v1/2020.ACL-main.703')).toBe('2020.acl-main.703');
    expect(aclFromDoi('10.18653/v2/P19-1001')).toBeUndefined();
    expect(aclFromDoi('10.18653/v1/P19-10011')).toBeUndefined();
  });

  it.each([
    ['10.48550/arXiv.2005.11401', '2005.11401'],
    ['10.48550/ARXIV.2005.11401', '2005.11401'],
    ['10.48550/arXiv.0704.0001', '0704.0001'],
    ['10.48550/arXiv.2005.114011', undefined],
    ['10.1000/arXiv.2005.11401', undefined],
  ])("arXiv's own DOI %s -> %s", (doi, id) => {
    expect(arxivFromDoi(doi)).toBe(id);
  });

  it.each([
    [
      'DOI: 10.1145/3292500.3330701 and doi.org/10.1038/nature14539',
      ['10.1145/3292500.3330701', '10.1038/nature14539'],
    ],
    ['doi：10.1145/abc', ['10.1145/abc']],
    ['The DOI is 10.1145/xyz', []],
    ['10.1145/notmarked', []],
    ['doi.org/10.1145/abc doi.org/10.1145/ABC', ['10.1145/abc']],
  ])('DOIs in %j', (text, dois) => {
    expect(findDois(text)).toEqual(dois);
  });

  it.each([
    ['hochreiterLongShortTermMemory1997', true],
    ['vaswani2017attention', true],
    ['Smith2023QuantumComputing', true],
    ['Attention Is All You Need', false],
    ['2024-03-02', false],
    ['BERT', false],
    ['a2017b', true],
    ['ab2017', true],
    ['@vaswani2017attention', true],
    ['vaswani1799attention', false],
    ['vaswani1800a', true],
    ['vaswani2099a', true],
    ['vaswani2100a', false],
    ['VASWANI2017', false],
    ['2017vaswani', false],
    ['vas wani2017', false],
    ['frankle_carbin_2019', true],
    ['doe:2019:sparse', true],
    [`${'x'.repeat(76)}2017`, true],
    [`${'x'.repeat(77)}2017`, false],
    ['x2017', false],
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
    // Google Scholar's keys: the word after the year keeps its first letter.
    ['vaswani2017attention', { author: 'Vaswani', title: 'attention', year: '2017' }],
    ['@heDeepResidual2016a', { author: 'He', title: 'Deep Residual', year: '2016' }],
    ['frankle_carbin_2019', { author: 'Frankle', title: 'carbin', year: '2019' }],
    ['doe-sparse-2019', { author: 'Doe', title: 'sparse', year: '2019' }],
    ['transformer', { title: 'transformer' }],
  ])('humanises %s', (key, parts) => {
    expect(humaniseCitekey(key)).toEqual(parts);
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
