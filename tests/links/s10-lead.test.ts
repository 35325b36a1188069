// Survivors of the session-10 fresh draw of src/links (seed 2032) that the lead read: a user lexicon whose
// tables are plain values, LaTeX wrappers without inline math, and concept ids of names with spaced dashes.
import { describe, expect, it } from 'vitest';
import { parseUserLexicon } from '../../src/links/lexicon.js';
import { stripMarkup } from '../../src/links/names.js';
import { conceptIdOf } from '../../src/links/normalise.js';

describe('a user lexicon written with plain values where tables belong', () => {
  it.each([
    ['rename = "GRPO"', /\[rename\] must be a table/],
    ['concept = ["GRPO", "PPO"]', /\[\[concept\]\] must be a table/],
    ['concept = ["GRPO"]', /\[\[concept\]\] must be a table/],
  ])('`%s` is reported, and adds nothing', (text, message) => {
    const { lexicon, diagnostics } = parseUserLexicon('papermap.lexicon.toml', `${text}\n`);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(message);
    expect(lexicon.renames.size).toBe(0);
    expect(lexicon.concepts).toEqual([]);
  });
});

describe('LaTeX wrappers around a name', () => {
  it.each([
    ['\\textbf{Guide}-MTPO', 'Guide-MTPO'],
    ['\\text{DAPO}', 'DAPO'],
    ['$\\mathrm{GRPO}$', 'GRPO'],
    ['GRPO', 'GRPO'],
  ])('%s reads %s, with or without inline math', (text, name) => {
    expect(stripMarkup(text)).toBe(name);
  });
});

describe('concept ids', () => {
  it.each([
    ['Actor -(Critic)', 'concept:actor-critic'],
    ['LLM - as - a - Judge', 'concept:llm-as-a-judge'],
    ['Mixture-of-Experts', 'concept:mixture-of-experts'],
  ])('%s has the id %s: separators in a row are one dash', (name, id) => {
    expect(conceptIdOf(name)).toBe(id);
  });
});
