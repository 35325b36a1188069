// Session 11 (lead): a paper whose own name joins a known name with a hyphen copied from a PDF (U+2010 `‐`, U+2011
// `‑`, an en dash `–`) or a middle dot builds on it, as with `-` (helper la found it only mentioned it).
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { paper } from './helpers.js';

describe('a paper named by a known name and a suffix, however the hyphen is written', () => {
  it.each(['GRPO-CARE', 'GRPO\u2010CARE', 'GRPO\u2011CARE', 'GRPO\u2013CARE', 'GRPO·CARE'])(
    '%s builds on GRPO',
    (name) => {
      const result = findLinks([
        paper('arxiv:2506.16141', {
          label: name,
          title: `${name}: Consistency-Aware Reinforcement Learning for Multimodal Reasoning`,
          text: [`${name}: Consistency-Aware Reinforcement Learning for Multimodal Reasoning`],
        }),
      ]);
      const toGrpo = result.edges.filter(
        (e) => e.source === 'arxiv:2506.16141' && e.target === 'concept:grpo',
      );
      expect(toGrpo.map((e) => e.type)).toEqual(['builds-on']);
    },
  );
});

describe('a hyphen copied from a PDF reads as `-` wherever a paper’s own name is split', () => {
  it.each(['MATH-Shepherd', 'Math-Shepherd', 'GRACE-Lite'])(
    '%s: the same edges with U+2010 as with -',
    (name) => {
      const edges = (n: string) =>
        findLinks([
          paper('arxiv:2312.08935', {
            label: n,
            title: `${n}: Verify and Reinforce LLMs Step-by-step`,
            text: [`${n}: Verify and Reinforce LLMs Step-by-step without human annotations.`],
          }),
          paper('arxiv:2506.00001', {
            label: 'GRACE',
            title: 'GRACE: a generative reward model',
            text: ['GRACE: a generative reward model.'],
          }),
        ]).edges.map((e) => `${e.source} ${e.type} ${e.target}`);
      const plain = edges(name);
      expect(edges(name.replace('-', '\u2010'))).toEqual(plain);
      expect(plain.length).toBeGreaterThan(0);
    },
  );
});
