// Topic groups (hue and cluster per group): a heading that holds most of a big map is a container whose
// subtopics are the groups; a small map, or a topic with few subtopics, keeps one group per heading.
import { describe, expect, it } from 'vitest';
import { topicGroups } from '../../src/graph/colors.js';
import { buildTopicTree } from '../../src/graph/topics.js';
import { paper } from './make-records.js';

function papers(spec: [string[], number][]) {
  let n = 0;
  return spec.flatMap(([path, count]) =>
    Array.from({ length: count }, () => paper(`arxiv:2501.${String(++n).padStart(5, '0')}`, path)),
  );
}

describe('topicGroups', () => {
  it('splits a container holding most of a big map into its subtopics', () => {
    const tree = buildTopicTree(
      papers([
        [['公众号'], 300],
        [['主题分布', '数据'], 400],
        [['主题分布', '测评'], 300],
        [['主题分布', '多模态'], 200],
        [['主题分布'], 5],
        [['arXiv分类分布', '物理'], 100],
      ]),
    );
    expect(topicGroups(tree).sort()).toEqual(
      [
        '公众号',
        '主题分布',
        '主题分布 / 数据',
        '主题分布 / 测评',
        '主题分布 / 多模态',
        'arXiv分类分布',
      ].sort(),
    );
  });

  it('splits one level at a time, a container without papers of its own is no group, and the bounds count', () => {
    const tree = buildTopicTree(
      papers([
        [['Other'], 1000],
        [['Topics', 'Data', 'Text'], 300],
        [['Topics', 'Data', 'Images'], 300],
        [['Topics', 'Eval'], 200],
        [['Topics', 'Misc'], 200],
      ]),
    );
    expect(topicGroups(tree).sort()).toEqual(['Other', 'Topics / Data', 'Topics / Eval', 'Topics / Misc']);
    // Exactly 500 papers, and exactly 30% of the map: a container.
    for (const [rest, t] of [
      [500, [200, 150, 150]],
      [1400, [250, 200, 150]],
    ] as const) {
      const edge = buildTopicTree(
        papers([
          [['Rest'], rest],
          [['T', 'a'], t[0]],
          [['T', 'b'], t[1]],
          [['T', 'c'], t[2]],
        ]),
      );
      expect(topicGroups(edge).sort()).toEqual(['Rest', 'T / a', 'T / b', 'T / c']);
    }
    // 499 papers, or just under 30%: one group.
    const under = buildTopicTree(
      papers([
        [['Rest'], 1000],
        [['T', 'a'], 199],
        [['T', 'b'], 150],
        [['T', 'c'], 150],
      ]),
    );
    expect(topicGroups(under).sort()).toEqual(['Rest', 'T']);
    const share = buildTopicTree(
      papers([
        [['Rest'], 1167],
        [['T', 'a'], 200],
        [['T', 'b'], 150],
        [['T', 'c'], 150],
      ]),
    );
    expect(topicGroups(share).sort()).toEqual(['Rest', 'T']);
  });

  it('keeps one group per heading on a small map or when a big topic has fewer than three subtopics', () => {
    const small = buildTopicTree(
      papers([
        [['RL', 'GRPO'], 30],
        [['RL', 'PPO'], 20],
        [['RL', 'DPO'], 10],
        [['Agents'], 5],
      ]),
    );
    expect(topicGroups(small).sort()).toEqual(['Agents', 'RL']);
    const two = buildTopicTree(
      papers([
        [['A', 'x'], 600],
        [['A', 'y'], 600],
        [['B'], 100],
      ]),
    );
    expect(topicGroups(two)).toEqual(['A', 'B']);
  });

  it('does not split a topic that holds under a third of the map', () => {
    const tree = buildTopicTree(
      papers([
        [['A', 'x'], 200],
        [['A', 'y'], 200],
        [['A', 'z'], 200],
        [['B'], 800],
        [['C'], 800],
      ]),
    );
    expect(topicGroups(tree).sort()).toEqual(['A', 'B', 'C']);
  });
});
