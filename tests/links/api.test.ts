// The public surface of src/links, and robustness on arbitrary text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as links from '../../src/links/index.js';
import { findLinks, LEXICON_FILE_NAME } from '../../src/links/index.js';
import { paper } from './helpers.js';

describe('public API', () => {
  it('exports findLinks, the lexicon file name and the scale constants', () => {
    expect(Object.keys(links).sort()).toEqual([
      'HANDFUL',
      'LEXICON_FILE_NAME',
      'LinkCache',
      'MAX_CONCEPT_SOURCES',
      'MAX_EVIDENCE',
      'createLinkCache',
      'findLinks',
    ]);
    expect(LEXICON_FILE_NAME).toBe('papermap.lexicon.toml');
    expect(findLinks([])).toEqual({ concepts: [], edges: [], diagnostics: [] });
    expect(findLinks([], null)).toEqual({ concepts: [], edges: [], diagnostics: [] });
  });
});

describe('robustness', () => {
  const alphabet = fc.constantFrom(
    'GRPO',
    'PPO',
    '基于',
    '优于',
    '（',
    '）',
    '(',
    ')',
    '-',
    '++',
    '的',
    '，',
    '。',
    '. ',
    '\n',
    'FooRL',
    'based on',
    'vs.',
    '$',
    '\\text{',
    '}',
    'https://x.org/GRPO',
    '字节跳动',
    '团队',
    '__proto__',
    'constructor',
    'Ａ',
    '🌈',
    ' ',
  );
  const text = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));
  it('never throws, keeps its invariants, and is deterministic on arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.array(text, { maxLength: 3 })), { maxLength: 4 }), (entries) => {
        const papers = entries.map(([label, lines], i) =>
          paper(`arxiv:0000.${i}`, { label: label.slice(0, 30) || `P${i}`, text: lines, authors: [label] }),
        );
        const result = findLinks(papers);
        for (const e of result.edges) {
          expect(e.source).not.toBe(e.target);
          expect(e.evidence.length).toBe(e.sources.length);
          expect(e.confidence).toBeGreaterThan(0);
          expect(e.confidence).toBeLessThanOrEqual(1);
        }
        expect(JSON.stringify(findLinks([...papers].reverse()))).toBe(JSON.stringify(result));
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('hostile scale', () => {
  it('thousands of papers with one label stay linear: one note, one winner', () => {
    const papers = Array.from({ length: 3000 }, (_, i) =>
      paper(`arxiv:2501.${String(i).padStart(5, '0')}`, {
        label: 'SurveyNet',
        title: 'SurveyNet: of everything',
        authors: ['Ada Lovelace'],
      }),
    );
    const result = findLinks(papers);
    expect(result.diagnostics.filter((d) => d.rule === 'ambiguous-name')).toHaveLength(1);
    // One shared author: a chain, not a clique.
    expect(result.edges.filter((e) => e.type === 'same-group')).toHaveLength(2999);
  });
});

describe('edge order', () => {
  const byKey = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  it.each([
    ['ids where none is a prefix of another', ['title:alpha', 'title:beta', 'arxiv:2501.00001']],
    // `title:grpo->…` sorts after `title:grpo care->…` (`-` > ` `): order by node id alone would be wrong.
    ['an id that is a prefix of another', ['title:grpo', 'title:grpo care', 'title:grpo-x', 'title:grp']],
  ])('edges come sorted by key string: %s', (_what, ids) => {
    const papers = ids.map((id) =>
      paper(id, {
        authors: ['Wei Zhang'],
        text: ['We build on GRPO and compare with PPO; 基于 DAPO，优于 RLOO。'],
      }),
    );
    const keys = findLinks(papers).edges.map((e) => e.key);
    expect(keys.length).toBeGreaterThan(ids.length);
    expect(keys).toEqual(byKey(keys));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
