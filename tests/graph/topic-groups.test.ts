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
