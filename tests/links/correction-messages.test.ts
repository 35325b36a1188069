// What the user reads when a corrections line or a line the app writes is wrong: every problem says which line,
// how bad, and what is wrong in words that name the piece at fault (issue 13: a message emptied fails a test).
import { describe, expect, it } from 'vitest';
import {
  applyCorrections,
  applyMerges,
  correctionLine,
  CORRECTIONS_FILE_NAME,
  parseCorrections,
} from '../../src/links/corrections.js';
import { findLinks } from '../../src/links/index.js';
import { paper } from './helpers.js';

const file = CORRECTIONS_FILE_NAME;
/** A paper that builds on GRPO, and two papers sharing one label. */
const twins = () => [
  paper('arxiv:2506.16141', {
    label: 'GRPO-CARE',
    title: 'GRPO-CARE: consistency-aware RL',
    text: ['GRPO-CARE 基于 GRPO。'],
  }),
  paper('arxiv:2507.00001', { label: 'Twin', title: 'Twin: one' }),
  paper('arxiv:2507.00002', { label: 'Twin', title: 'Twin: two' }),
];

describe('correctionLine errors name the field at fault', () => {
  const table: [Record<string, unknown>, string][] = [
    [
      { verb: 'drop', type: 'uses', source: 'a', target: 'b' },
      'verb must be one of reject, confirm, add, merge, split',
    ],
    [
      { verb: 'reject', type: 'cites', source: 'a', target: 'b' },
      'type must be one of builds-on, critiques, compares, same-group, uses, mentions, links-to',
    ],
    [{ verb: 'reject', type: 'uses', source: 1, target: 'b' }, 'source and target must be strings'],
    [
      { verb: 'reject', type: 'uses', source: 'a -> c', target: 'b' },
      'source and target must be node ids or labels on one line, without arrows',
    ],
    [
      { verb: 'reject', type: 'uses', source: 'a', target: 'x'.repeat(501) },
      'source and target must be node ids or labels on one line, without arrows',
    ],
    // a name with a space in front (pasted from the notes): the line would name another node
    [
      { verb: 'reject', type: 'uses', source: ' GRPO-CARE', target: 'concept:grpo' },
      'source and target must be node ids or labels on one line, without arrows',
    ],
    [{ verb: 'merge', into: 'a', from: 2 }, 'into and from must be strings'],
    [{ verb: 'split', node: 'a' }, 'node and part must be strings'],
    // the first field not a string (a number typed where an id was meant)
    [{ verb: 'split', node: 2506, part: 'a.md:12' }, 'node and part must be strings'],
    // an arrow the merge line reads as its own
    [{ verb: 'merge', into: 'a <- c', from: 'b' }, 'into and from do not read back as the same line'],
    [
      { verb: 'merge', into: 'a', from: 'b\nadd uses x -> y' },
      'into and from must be node ids, labels or places on one line, without arrows',
    ],
    [
      { verb: 'split', node: 'a', part: ' c' },
      'node and part must be node ids, labels or places on one line, without arrows',
    ],
  ];
  it.each(table)('%j', (input, error) => {
    expect(correctionLine(input)).toEqual({ error });
  });

  it('a name of up to 500 characters is a name', () => {
    const long = 'A'.repeat(500);
    expect(correctionLine({ verb: 'confirm', type: 'uses', source: 'arxiv:1', target: long })).toEqual({
      line: `confirm uses arxiv:1 -> ${long}`,
    });
  });
});

describe('bad lines of the corrections file', () => {
  it('each is a warning at its line that quotes what is wrong', () => {
    const text = [
      '# my corrections',
      'reject builds-on arxiv:2506.16141',
      'erase builds-on a -> b',
      'reject cites a -> b',
      'reject same-group a -> b',
      'confirm uses a -> ',
    ].join('\n');
    const { diagnostics } = parseCorrections(text, file);
    expect(diagnostics).toEqual([
      {
        rule: 'correction-invalid',
        severity: 'warning',
        file,
        line: 2,
        column: 1,
        message:
          'expected "<verb> <type> <source> -> <target>", "merge <paper> <- <paper>" or "split <paper> | <place>", got "reject builds-on arxiv:2506.16141"',
      },
      {
        rule: 'correction-invalid',
        severity: 'warning',
        file,
        line: 3,
        column: 1,
        message: 'unknown verb "erase" (reject, confirm, add)',
      },
      {
        rule: 'correction-invalid',
        severity: 'warning',
        file,
        line: 4,
        column: 1,
        message:
          'unknown edge type "cites" (builds-on, critiques, compares, same-group, uses, mentions, links-to)',
      },
      {
        rule: 'correction-invalid',
        severity: 'warning',
        file,
        line: 5,
        column: 1,
        message: 'a same-group edge is written with "--"',
      },
      expect.objectContaining({ rule: 'correction-invalid', line: 6 }),
    ]);
  });

  it('lines about nodes or edges that do not exist say so, and a line that does nothing is only info', () => {
    const papers = twins();
    const links = findLinks(papers);
    const text = [
      'reject builds-on arxiv:2506.16141 -> concept:nothing-here',
      'confirm builds-on Twin -> concept:grpo',
      'reject critiques arxiv:2506.16141 -> concept:grpo',
      'add uses arxiv:2506.16141 -> arxiv:2506.16141',
    ].join('\n');
    const out = applyCorrections(links, papers, { file, text });
    const mine = out.diagnostics.filter((d) => d.file === file);
    expect(mine).toEqual([
      {
        rule: 'correction-unknown-node',
        severity: 'warning',
        file,
        line: 1,
        column: 1,
        message:
          'no node is called "concept:nothing-here" (a paper id like arxiv:2501.00001, a concept id, or an exact label)',
      },
      {
        rule: 'correction-unknown-node',
        severity: 'warning',
        file,
        line: 2,
        column: 1,
        message: '"Twin" names 2 nodes (arxiv:2507.00001, arxiv:2507.00002); use the node id',
      },
      {
        rule: 'correction-no-edge',
        severity: 'info',
        file,
        line: 3,
        column: 1,
        message:
          'no critiques edge critiques:arxiv:2506.16141->concept:grpo to reject; the line does nothing now',
      },
      {
        rule: 'correction-invalid',
        severity: 'warning',
        file,
        line: 4,
        column: 1,
        message: 'an edge cannot join a node to itself',
      },
    ]);
  });
});

describe('a merge line that names no paper', () => {
  it('says which name fits nothing, and that only papers merge', () => {
    const papers = twins();
    const parsed = {
      papers,
      diagnostics: [],
      stats: { files: 1, entries: 3, papers: 3, mergedDuplicates: 0 },
    };
    const text = 'merge nobody <- arxiv:2506.16141\nmerge arxiv:2506.16141 <- Twin\n';
    const out = applyMerges(parsed, { file, text });
    expect(out.papers).toHaveLength(3);
    expect(out.diagnostics.filter((d) => d.file === file)).toEqual([
      {
        rule: 'correction-unknown-node',
        severity: 'warning',
        file,
        line: 1,
        column: 1,
        message:
          'no paper is called "nobody" (only papers can be merged: an id like arxiv:2501.00001 or an exact label)',
      },
      {
        rule: 'correction-unknown-node',
        severity: 'warning',
        file,
        line: 2,
        column: 1,
        message: '"Twin" names 2 papers (arxiv:2507.00001, arxiv:2507.00002); use the paper id',
      },
    ]);
  });
});

describe('an edge line with one node name that is no name', () => {
  it.each([
    ['source', `reject uses ${'A'.repeat(501)} -> concept:grpo`],
    ['target', `confirm builds-on arxiv:2506.16141 -> ${'A'.repeat(501)}`],
    ['source (a double dash)', 'add uses GRPO--CARE -> concept:grpo'],
  ])('the %s alone: a warning, and no correction', (_which, line) => {
    const { corrections, diagnostics } = parseCorrections(`# mine\n${line}`, file);
    expect(corrections).toEqual([]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line, d.message])).toEqual([
      ['correction-invalid', 'warning', 2, 'a node is named by its id or label, on one line'],
    ]);
  });
});
