// A concept takes the topic of the papers that link to it most; on a tie, the topic the notes reach first
// (the topic tree's order), whatever order the records come in. Its `topics` list every topic it is named
// from, in that same order.
import { describe, expect, it } from 'vitest';
import { buildGraph, NEUTRAL_COLOR } from '../../src/graph/index.js';
import type { PaperRecord, SerializedGraph } from '../../src/types.js';
import { concept, edge, linked, paper, parsed, syntheticCorpus } from './make-records.js';

function conceptPlace(graph: SerializedGraph, key: string) {
  const node = graph.nodes.find((n) => n.key === key);
  if (!node || node.attributes.kind !== 'concept') throw new Error(`no concept ${key}`);
  return {
    topic: node.attributes.topic,
    topicPath: node.attributes.topicPath,
    topics: node.attributes.topics,
  };
}

const at = (id: string, topicPath: string[], line: number): PaperRecord =>
  paper(id, topicPath, { sources: [{ file: 'notes.md', line }] });

describe('the topic of a concept named from two topics', () => {
  const build = (papers: PaperRecord[], mentions: [string, string][]) =>
    buildGraph(
      parsed(papers),
      linked(
        mentions.map(([from, to]) => edge('mentions', from, to)),
        [concept('ppo')],
      ),
      { layout: false },
    );

  it('one mention from each topic: the topic the notes reach first, in either order of the records', () => {
    const zetaFirst = [at('title:z', ['RL', 'Zeta'], 3), at('title:a', ['RL', 'Alpha'], 9)];
    const mentions: [string, string][] = [
      ['title:a', 'concept:ppo'],
      ['title:z', 'concept:ppo'],
    ];
    const expected = { topic: 'Zeta', topicPath: ['RL', 'Zeta'], topics: ['RL', 'Zeta', 'Alpha'] };
    expect(conceptPlace(build(zetaFirst, mentions), 'concept:ppo')).toEqual(expected);
    expect(conceptPlace(build([...zetaFirst].reverse(), [...mentions].reverse()), 'concept:ppo')).toEqual(
      expected,
    );
  });

  it('moving the other topic earlier in the notes moves the concept with it', () => {
    const alphaFirst = [at('title:z', ['RL', 'Zeta'], 9), at('title:a', ['RL', 'Alpha'], 3)];
    const graph = build(alphaFirst, [
      ['title:z', 'concept:ppo'],
      ['title:a', 'concept:ppo'],
    ]);
    expect(conceptPlace(graph, 'concept:ppo')).toEqual({
      topic: 'Alpha',
      topicPath: ['RL', 'Alpha'],
      topics: ['RL', 'Alpha', 'Zeta'],
    });
  });

  it('more mentions beat an earlier topic', () => {
    const papers = [
      at('title:z', ['RL', 'Zeta'], 3),
      at('title:a1', ['RL', 'Alpha'], 9),
      at('title:a2', ['RL', 'Alpha'], 10),
    ];
    const graph = build(papers, [
      ['title:z', 'concept:ppo'],
      ['title:a1', 'concept:ppo'],
      ['title:a2', 'concept:ppo'],
    ]);
    expect(conceptPlace(graph, 'concept:ppo')).toEqual({
      topic: 'Alpha',
      topicPath: ['RL', 'Alpha'],
      topics: ['RL', 'Alpha', 'Zeta'],
    });
  });
});

describe('links between two concepts', () => {
  it('do not count towards either concept’s topic: only papers place a concept', () => {
    const graph = buildGraph(
      parsed([at('title:a', ['RL', 'Alpha'], 3), at('title:b', ['RL', 'Beta'], 7)]),
      linked(
        [
          edge('mentions', 'title:a', 'concept:grpo'),
          edge('builds-on', 'concept:grpo', 'concept:ppo'),
          edge('builds-on', 'concept:dpo', 'concept:ppo'),
          edge('mentions', 'title:b', 'concept:dpo'),
        ],
        [concept('grpo'), concept('ppo'), concept('dpo')],
      ),
      { layout: false },
    );
    expect(conceptPlace(graph, 'concept:grpo')).toEqual({
      topic: 'Alpha',
      topicPath: ['RL', 'Alpha'],
      topics: ['RL', 'Alpha'],
    });
    expect(conceptPlace(graph, 'concept:dpo')).toMatchObject({ topic: 'Beta', topicPath: ['RL', 'Beta'] });
    // Linked to concepts only: no topic of its own.
    expect(conceptPlace(graph, 'concept:ppo')).toEqual({ topic: '', topicPath: [], topics: [] });
  });
});

describe('a concept on the map', () => {
  it('takes the colour of its topic and is drawn among that topic’s papers; an unlinked one stays neutral', () => {
    const { parsed: papers, links } = syntheticCorpus(3, 2, 6);
    const mentions = ['title:g1-s0-p1', 'title:g1-s0-p3', 'title:g1-s0-p4'].map((id) =>
      edge('mentions', id, 'concept:ppo'),
    );
    const graph = buildGraph(
      papers,
      linked([...links.edges, ...mentions], [concept('ppo'), concept('lone')]),
      {
        iterations: 60,
      },
    );
    const node = (key: string) => graph.nodes.find((n) => n.key === key)!.attributes;
    const topic = graph.attributes.topics.find((t) => t.key === 'Root / Group 1 / Sub 1.0')!;
    expect(node('concept:ppo').topic).toBe('Sub 1.0');
    expect(node('concept:ppo').color).toBe(topic.color);
    expect(topic.color).not.toBe(NEUTRAL_COLOR);
    expect(node('concept:lone').color).toBe(NEUTRAL_COLOR);
    // Its nearest papers are its topic group's.
    const ppo = node('concept:ppo');
    const nearest = graph.nodes
      .filter((n) => n.attributes.kind === 'paper')
      .sort(
        (a, b) =>
          Math.hypot(a.attributes.x - ppo.x, a.attributes.y - ppo.y) -
          Math.hypot(b.attributes.x - ppo.x, b.attributes.y - ppo.y),
      )
      .slice(0, 4);
    for (const n of nearest) expect(n.attributes.topicPath[1], n.key).toBe('Group 1');
  });
});
