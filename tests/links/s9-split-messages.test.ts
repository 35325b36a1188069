// What a `split` line that cannot apply says: a label several papers share (use the id), and a paper whose
// places are not all note entries (cited only, or a library place). Word for word, with line and severity.
import { describe, expect, it } from 'vitest';
import { applySplits, CORRECTIONS_FILE_NAME } from '../../src/links/corrections.js';
import { parseNotes } from '../../src/parse/index.js';
import type { PaperRecord } from '../../src/types.js';
import { paper } from './helpers.js';

const file = CORRECTIONS_FILE_NAME;

/** The split lines' diagnostics on these papers, as rule, severity, line and message. */
function splitNotes(papers: PaperRecord[], text: string): [string, string, number, string][] {
  const parsed = { ...parseNotes([]), papers };
  const out = applySplits(parsed, [], { file, text });
  expect(out.papers).toEqual(papers);
  return out.diagnostics
    .filter((d) => d.file === file)
    .map((d) => [d.rule, d.severity, d.line, d.message] as [string, string, number, string]);
}

describe('a split line that cannot apply says why', () => {
  it('a label several papers share names them (three at most) and asks for the id', () => {
    const twins = ['1', '2', '3', '4'].map((n) =>
      paper(`arxiv:2507.0000${n}`, { label: 'POLARIS', title: `POLARIS: part ${n}` }),
    );
    expect(splitNotes(twins.slice(0, 2), 'split POLARIS | rl.md:12')).toEqual([
      [
        'correction-unknown-node',
        'warning',
        1,
        '"POLARIS" names 2 papers (arxiv:2507.00001, arxiv:2507.00002); use the paper id',
      ],
    ]);
    expect(splitNotes(twins, '# keep them apart\nsplit POLARIS | rl.md:12')).toEqual([
      [
        'correction-unknown-node',
        'warning',
        2,
        '"POLARIS" names 4 papers (arxiv:2507.00001, arxiv:2507.00002, arxiv:2507.00003); use the paper id',
      ],
    ]);
  });

  it('a paper cited from two entries, or kept in a library, is not only made of note entries', () => {
    const cited = paper('arxiv:2506.23235', {
      label: 'arXiv:2506.23235',
      citedOnly: true,
      sources: [
        { file: 'rl.md', line: 189 },
        { file: 'rl.md', line: 240 },
      ],
    });
    const library = paper('arxiv:2506.08902', {
      label: 'InFOM',
      sources: [
        { file: 'rl.md', line: 12 },
        { file: 'library.json', line: 3 },
      ],
    });
    expect(
      splitNotes([cited, library], 'split arxiv:2506.23235 | rl.md:240\nsplit InFOM | library.json:3'),
    ).toEqual([
      [
        'correction-no-edge',
        'info',
        1,
        'arxiv:2506.23235 is not only made of note entries (cited or library places); it cannot be split',
      ],
      [
        'correction-no-edge',
        'info',
        2,
        'arxiv:2506.08902 is not only made of note entries (cited or library places); it cannot be split',
      ],
    ]);
  });
});
