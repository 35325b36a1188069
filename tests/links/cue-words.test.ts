// Every cue word of the literal table, each in a plain sentence about one name: a cue word lost or mistyped in the
// table (issue 13: the table's strings are mutants too) changes the edge of its sentence.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { edgesFrom, paper } from './helpers.js';

const P = 'title:foo';
const run = (sentence: string) =>
  edgesFrom(findLinks([paper(P, { label: 'FooRL', title: 'FooRL: a method', text: [sentence] })]), P);

/** Cue words that take the name after them: `FooRL <cue> GRPO.` */
const AFTER: [string, string][] = [
  ['builds-on', '基于|借鉴了|借鉴|沿用了|沿用|继承了|源自|源于|建立在'],
  ['builds-on', 'based on|builds on|build on|built on|building on|builds upon|built upon'],
  ['builds-on', 'extends|extending|extension of|variant of|variants of|inspired by|on top of'],
  ['builds-on', 'derived from|adapted from|initialized from|distilled from|improves on|improves upon'],
  [
    'builds-on',
    'generalizes|generalises|扩展了|改进了|拓展了|融合了|结合了|推广了|combines|incorporates|integrates',
  ],
  ['uses', 'leverages|leveraging|adopts|adopting|employs|employing|optimized with'],
  ['uses', '采用了|采用|使用了|uses|use of|借助|利用了|使用|利用|using'],
  [
    'critiques',
    '质疑|批评|反驳|否定了|挑战了|challenges|criticizes|criticises|critiques|refutes|debunks|questions',
  ],
  ['critiques', 'limitations of|flaws of|flaw of|eliminates the need for|eliminating the need for'],
  ['critiques', 'removes the need for|obviates the need for|obviating the need for|eliminates reliance on'],
  ['critiques', '局限于|problems with|problem with|issues with|pitfalls of'],
  [
    'compares',
    '优于|超越|超过|胜过|战胜|击败|领先于|好于|强于|相比于|相较于|相对于|对比|相比|相较|比较了|比肩|媲美',
  ],
  [
    'compares',
    'outperforms|outperform|outperformed|outperforming|surpasses|surpass|surpassing|beats|exceeds',
  ],
  ['compares', 'better than|compared to|compared with|in comparison to|in comparison with|relative to'],
  ['compares', 'against|rivals|matches|closes the gap with|closing the gap with|closes the gap to'],
  ['compares', 'narrows the gap with|narrowing the gap with|narrows the gap to'],
];

/** Cue words that take the name before them: `GRPO <cue>.` */
const BEFORE: [string, string][] = [
  [
    'critiques',
    'is ill-posed|ill-posed|is flawed|are flawed|flawed|suffers from|suffer from|breaks down|collapses|is unstable',
  ],
  [
    'critiques',
    '不是魔法|并非魔法|的缺陷|存在缺陷|有缺陷|缺陷|的局限性|的局限|局限性|局限|的问题|存在问题|的不足|不稳定|失效|并不可靠|不可靠',
  ],
  ['compares', '谁更胜一筹|更胜一筹|相媲美|相当|相匹配|匹敌|的比较|的对比'],
];

describe('every literal cue word', () => {
  const rows: [string, string][] = [];
  for (const [type, words] of AFTER)
    for (const w of words.split('|'))
      rows.push([/[a-z]/.test(w) ? `FooRL ${w} GRPO.` : `FooRL ${w} GRPO。`, type]);
  for (const [type, words] of BEFORE)
    for (const w of words.split('|')) rows.push([/[a-z]/.test(w) ? `GRPO ${w} here.` : `GRPO ${w}。`, type]);
  it.each(rows)('%s -> %s', (sentence, type) => {
    expect(run(sentence)).toEqual([`${type} concept:grpo`]);
  });
});
