// Session 10 (links cues and the rest): behaviours a sampled mutant showed untested.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { edgesFrom, paper } from './helpers.js';

describe('links, session 10', () => {
  it('a busy node with no place in the notes is noted without a file', () => {
    const citing = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].map((name) =>
      paper(`title:${name.toLowerCase()}`, { label: name, text: [`${name} 基于 HubNet 并改进了优势估计。`] }),
    );
    const result = findLinks([paper('title:hubnet', { label: 'HubNet', sources: [] }), ...citing]);
    const busy = result.diagnostics.filter((d) => d.rule === 'busy-node');
    expect(busy.map((d) => [d.file, d.line, d.message.split('; e.g.')[0]])).toEqual([
      ['', 1, 'busiest node 1/10: "HubNet" (paper) has 5 links (builds-on 5)'],
    ]);
  });

  it('an entry that spells a lexicon acronym as something else means its own thing by it', () => {
    const result = findLinks([
      paper('title:foo', {
        label: 'FooRL',
        title: 'FooRL: interactive agents',
        text: ['本文研究交互式策略优化（IPO）在多轮对话中的作用。', 'IPO 优于 PPO。'],
      }),
      paper('title:bar', { label: 'BarRL', text: ['BarRL 优于 IPO。'] }),
    ]);
    expect(edgesFrom(result, 'title:foo', true)).toEqual(['compares concept:ppo']);
    // The lexicon's IPO (Identity Preference Optimization) is still itself elsewhere.
    expect(edgesFrom(result, 'title:bar')).toEqual(['compares concept:ipo']);
  });

  it('a name of its own glued to an acronym the notes define builds on no such acronym', () => {
    const result = findLinks([
      paper('title:other', { label: 'Other', text: ['Other 优于 MTPO。'] }),
      paper('title:guide', {
        label: 'Guide',
        title: 'Guide: adaptive guidance',
        text: ['多轮偏好优化（MTPO）是一种方法。', 'Guide-MTPO 提高了泛化能力。'],
      }),
    ]);
    expect(edgesFrom(result, 'title:guide', true)).toEqual(['mentions concept:mtpo']);
  });

  it('a paper named after a known method builds on it from its title, and only where it can be placed', () => {
    const placed = findLinks([
      paper('title:lite', { label: 'GRPO-Lite', title: 'GRPO-Lite: cheaper groups' }),
    ]);
    expect(placed.edges.map((e) => [e.key, e.evidence, e.sources])).toEqual([
      ['builds-on:title:lite->concept:grpo', ['GRPO-Lite: cheaper groups'], [{ file: 'notes.md', line: 1 }]],
    ]);
    const nowhere = findLinks([paper('title:lite', { label: 'GRPO-Lite', sources: [] })]);
    expect(nowhere.edges).toEqual([]);
  });

  it('an own compound name with a dotted version builds on the paper it names on its own', () => {
    const result = findLinks([
      paper('title:hydra', {
        label: 'Hydra1.5',
        title: 'Hydra1.5: a reasoning model',
        text: ['Hydra1.5 基于 PPO。'],
      }),
      paper('title:hydra-math', {
        label: 'Hydra1.5-Math',
        title: 'Hydra1.5-Math: math data',
        text: ['Hydra1.5-Math 与 Hydra1.5 的权重均已开源。'],
      }),
    ]);
    expect(edgesFrom(result, 'title:hydra-math')).toEqual(['builds-on title:hydra']);
  });
});
