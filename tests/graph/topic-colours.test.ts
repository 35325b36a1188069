// The colour scheme of topics, value by value: groups evenly spaced around the hue circle from a blue, at one
// chroma and lightness; subtopics as lighter and darker shades of their parent, closer to it at each level;
// headings above the groups neutral.
import { hcl } from 'd3';
import { describe, expect, it } from 'vitest';
import { assignTopicColors, topicGroups } from '../../src/graph/colors.js';
import { NEUTRAL_COLOR } from '../../src/graph/defaults.js';
import { buildTopicTree } from '../../src/graph/topics.js';
import { paper } from './make-records.js';

let n = 0;
const tree = (...paths: string[][]) =>
  buildTopicTree(paths.map((path) => paper(`arxiv:${++n}`, path, { sources: [{ file: 'n.md', line: n }] })));

/** The documented scheme: a group's colour at `hue` (clipped to sRGB by d3 as the code's is). */
const group = (hue: number) => hcl(hue % 360, 58, 58).formatHex();

/** Child at position t (-0.5 … 0.5, or 0.35 for an only child) of a parent colour, at a level (1 below a group). */
function shade(parent: string, t: number, level: number, only = false): string {
  const base = hcl(parent);
  const l = Math.min(86, Math.max(28, base.l + (t * 34) / level + (only ? 6 / level : 0)));
  return hcl((base.h + (t * 14) / level + 360) % 360, base.c, l).formatHex();
}

describe('assignTopicColors', () => {
  it('spaces n groups 360/n degrees apart from hue 250, at chroma and lightness 58', () => {
    for (const count of [1, 2, 3, 5]) {
      const t = tree(...Array.from({ length: count }, (_, i) => [`G${i}`]));
      const groups = topicGroups(t);
      expect(groups).toHaveLength(count);
      const colors = assignTopicColors(t, groups);
      groups.forEach((key, i) => {
        expect(colors.get(key), `${count} groups, #${i}`).toBe(group(250 + (i * 360) / count));
      });
    }
  });

  it('an only child is a lighter shade of its parent; two children one darker, one lighter', () => {
    const t = tree(['A'], ['A', 'only'], ['B'], ['B', 'x'], ['B', 'y']);
    const colors = assignTopicColors(t, topicGroups(t));
    const l = (key: string) => hcl(colors.get(key)!).l;
    expect(colors.get('A / only')).toBe(shade(colors.get('A')!, 0.35, 1, true));
    expect(l('A / only')).toBeGreaterThan(l('A') + 10);
    expect(colors.get('B / x')).toBe(shade(colors.get('B')!, -0.5, 1));
    expect(colors.get('B / y')).toBe(shade(colors.get('B')!, 0.5, 1));
    expect(l('B / x')).toBeLessThan(l('B') - 10);
    expect(l('B / y')).toBeGreaterThan(l('B') + 10);
  });

  it('deeper levels vary less: the spread is divided by the level', () => {
    const t = tree(['A'], ['A', 'x'], ['A', 'x', 'p'], ['A', 'x', 'q'], ['A', 'x', 'r'], ['Z']);
    const colors = assignTopicColors(t, topicGroups(t));
    const base = colors.get('A / x')!;
    expect(base).toBe(shade(colors.get('A')!, 0.35, 1, true));
    // Three children at level 2: t = -0.5, 0, 0.5; spread and hue shift halved.
    expect(colors.get('A / x / p')).toBe(shade(base, -0.5, 2));
    expect(colors.get('A / x / q')).toBe(shade(base, 0, 2));
    expect(colors.get('A / x / r')).toBe(shade(base, 0.5, 2));
    const l = (key: string) => hcl(colors.get(key)!).l;
    expect(l('A / x / r') - l('A / x / p')).toBeLessThan(l('A / x') - l('A') + 2);
    // An only child two levels down: lighter by 0.35 x 34 / 2 + 6 / 2.
    const deep = tree(['A'], ['A', 'x'], ['A', 'x', 'y'], ['A', 'x', 'z'], ['A', 'x', 'y', 'only'], ['Z']);
    const deepColors = assignTopicColors(deep, topicGroups(deep));
    expect(deepColors.get('A / x / y / only')).toBe(shade(deepColors.get('A / x / y')!, 0.35, 3, true));
    const two = tree(['A'], ['A', 'x'], ['A', 'x', 'only'], ['Z']);
    const twoColors = assignTopicColors(two, topicGroups(two));
    expect(twoColors.get('A / x / only')).toBe(shade(twoColors.get('A / x')!, 0.35, 2, true));
  });

  it('keeps shades between lightness 28 and 86', () => {
    // Many levels of only children: each one lighter, until the ceiling.
    const path: string[] = [];
    const paths: string[][] = [];
    for (let i = 0; i < 12; i++) {
      path.push(`L${i}`);
      paths.push([...path]);
    }
    const t = tree(...paths);
    const colors = assignTopicColors(t, topicGroups(t));
    const ls = t.topics.map((topic) => hcl(colors.get(topic.key)!).l);
    for (const value of ls) expect(value).toBeLessThan(87);
    expect(Math.max(...ls)).toBeGreaterThan(84);
    // Many siblings: the darkest stays at the floor or above.
    const wide = tree(['W'], ...Array.from({ length: 9 }, (_, i) => ['W', `c${i}`]));
    const wideColors = assignTopicColors(wide, topicGroups(wide));
    for (const topic of wide.topics) expect(hcl(wideColors.get(topic.key)!).l).toBeGreaterThan(27);
  });

  it('headings above the groups are neutral; a child that is a group keeps its own hue', () => {
    const t = tree(['Title', 'A'], ['Title', 'B'], ['Title', 'B', 'sub']);
    const groups = topicGroups(t);
    expect(groups).toEqual(['Title / A', 'Title / B']);
    const colors = assignTopicColors(t, groups);
    expect(colors.get('Title')).toBe(NEUTRAL_COLOR);
    expect(colors.get('Title / A')).toBe(group(250));
    expect(colors.get('Title / B')).toBe(group(70));
    expect(colors.get('Title / B / sub')).toBe(shade(group(70), 0.35, 1, true));
    // Papers right under a file-wide title: that heading is a group too, its child groups keep their hues.
    const own = tree(['Title'], ['Title', 'A'], ['Title', 'B']);
    const ownGroups = topicGroups(own);
    expect(ownGroups).toEqual(['Title', 'Title / A', 'Title / B']);
    const ownColors = assignTopicColors(own, ownGroups);
    ownGroups.forEach((key, i) => expect(ownColors.get(key), key).toBe(group(250 + i * 120)));
    expect(new Set(ownGroups.map((key) => ownColors.get(key))).size).toBe(3);
  });

  it('no groups: every topic neutral', () => {
    const t = tree(['A'], ['A', 'b']);
    const colors = assignTopicColors(t, []);
    expect([...colors.values()]).toEqual([NEUTRAL_COLOR, NEUTRAL_COLOR]);
  });
});
