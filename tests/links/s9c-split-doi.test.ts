// `split <paper> | doi:…`: a place named by its DOI, and stand-in parses the split cannot read.
import { describe, expect, it } from 'vitest';
import { applySplits, CORRECTIONS_FILE_NAME } from '../../src/links/corrections.js';
import { mergeFileParses, parseFile } from '../../src/parse/index.js';
import { createBuilder, type PipelineStages } from '../../src/pipeline.js';
import type { PaperRecord, ParseResult } from '../../src/types.js';
import { paper } from '../graph/make-records.js';

const bert = `---
title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
author: "Jacob Devlin and Ming-Wei Chang and Kenton Lee and Kristina Toutanova"
year: 2019
doi: "https://doi.org/10.18653/V1/N19-1423"
url: https://arxiv.org/abs/1810.04805v1
venue: NAACL
type: paper
---

# BERT

Masked language modelling plus next sentence prediction.
`;
const talk = `---
title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
url: https://arxiv.org/abs/1810.04805
type: paper
---

# BERT (reading group)

Slides from the reading group; the masking ablation is the interesting part.
`;

describe('split by DOI', () => {
  it.each(['doi:10.18653/v1/n19-1423', '10.18653/V1/N19-1423'])(
    'the note whose entry carries the DOI (%s) leaves; the other keeps the arXiv id',
    (part) => {
      const parses = [
        parseFile({ path: 'papers/BERT.md', text: bert }),
        parseFile({ path: 'reading/bert-talk.md', text: talk }),
      ];
      const parsed = mergeFileParses(parses);
      expect(parsed.papers.map((p) => [p.id, p.sources.length])).toEqual([['arxiv:1810.04805', 2]]);
      const out = applySplits(parsed, parses, {
        file: CORRECTIONS_FILE_NAME,
        text: `split arxiv:1810.04805 | ${part}`,
      });
      expect(out.diagnostics).toEqual([]);
      expect(out.papers.map((p) => [p.id, p.sources.map((s) => s.file)])).toEqual([
        ['arxiv:1810.04805', ['reading/bert-talk.md']],
        ['doi:10.18653/v1/n19-1423', ['papers/BERT.md']],
      ]);
    },
  );
});

describe('split with parses of another shape', () => {
  it('a builder whose own parser gives no note entries keeps its papers and reports the split line', () => {
    // Stand-in stages, as a caller with its own parser brings them: a parse is the papers of one file.
    const stages: PipelineStages<{ path: string; papers: PaperRecord[] }> = {
      parseFile: (file) => ({
        path: file.path,
        papers: file.text
          .split('\n')
          .filter(Boolean)
          .map((title, i) =>
            paper(`title:${title}`, ['Notes'], { sources: [{ file: file.path, line: i + 1 }] }),
          ),
      }),
      mergeFileParses: (parses): ParseResult => {
        const papers = parses.flatMap((p) => p.papers);
        return {
          papers,
          diagnostics: [],
          stats: { files: parses.length, entries: papers.length, papers: papers.length, mergedDuplicates: 0 },
        };
      },
      findLinks: () => ({ concepts: [], edges: [], diagnostics: [] }),
    };
    const builder = createBuilder({ layout: false, stages: stages as PipelineStages });
    builder.update({
      changed: [{ path: 'reading.md', text: 'grpo\nppo\n' }],
      replaceAll: true,
      corrections: { file: CORRECTIONS_FILE_NAME, text: 'split title:grpo | reading.md:1\n' },
    });
    const built = builder.build();
    expect(built.parsed.papers.map((p) => p.id)).toEqual(['title:grpo', 'title:ppo']);
    expect(built.parsed.diagnostics.map((d) => [d.rule, d.file, d.line])).toEqual([
      ['correction-no-edge', CORRECTIONS_FILE_NAME, 1],
    ]);
  });
});
