// Topic colours: each topic group gets its own hue, evenly spaced; subtopics are shades of their parent.
import { hcl } from 'd3';
import { NEUTRAL_COLOR } from './defaults.js';
import { TOPIC_SEPARATOR } from './topics.js';
import type { TopicNode, TopicTree } from './topics.js';

const CHROMA = 58;
const LUMINANCE = 58;
/** Largest lightness offset between the first and last sibling at the first level below a group. */
const SHADE_SPREAD = 34;
const HUE_SHIFT = 14;
/** Starting hue, chosen so the first group is a clear blue rather than a muddy red. */
const HUE_START = 250;

/**
 * Keys of the topic groups, in tree order: the first `trunk + 1` headings of every paper's path (see
 * `groupPath`). Every such path is a topic with papers directly under it, so the tree alone answers.
 */
export function topicGroups(tree: TopicTree): string[] {
  const groups = new Set<string>();
  const depth = tree.trunk + 1;
  let total = 0;
  for (const topic of tree.topics) total += topic.direct;
  for (const topic of tree.topics) {
    if (topic.direct === 0) continue;
    let node: TopicNode | undefined = topic;
    while (node && node.path.length > depth)
      node = node.parent === null ? undefined : tree.byKey.get(node.parent);
    // A group that holds most of a big map is a container (`## Topics` over `### Data (207)`, `### Eval`…):
    // its subtopics are the groups, so one heading does not make the whole map one colour and one blob.
    while (node && node !== topic && isContainer(node, total)) {
      const child: TopicNode = node;
      node = tree.byKey.get(topic.path.slice(0, child.path.length + 1).join(TOPIC_SEPARATOR));
    }
    if (node) groups.add(node.key);
  }
  return tree.topics.map((topic) => topic.key).filter((key) => groups.has(key));
}

/** Papers a group must hold, and the share of the map, before its subtopics become groups of their own. */
export const CONTAINER_MIN_PAPERS = 500;
export const CONTAINER_SHARE = 0.3;

/** Whether a topic is too big to be one group: a big share of a big map, spread over 3+ subtopics. */
function isContainer(node: TopicNode, total: number): boolean {
  if (node.count < CONTAINER_MIN_PAPERS || node.count < CONTAINER_SHARE * total) return false;
  return node.children.length >= 3;
}

/** A colour (`#rrggbb`) for every topic of the tree; ancestors above the groups stay neutral. */
export function assignTopicColors(tree: TopicTree, groups: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const groupSet = new Set(groups);
  groups.forEach((key, index) => {
    const hue = (HUE_START + (index * 360) / Math.max(1, groups.length)) % 360;
    colors.set(key, hcl(hue, CHROMA, LUMINANCE).formatHex());
  });

  const shade = (key: string, level: number): void => {
    const node = tree.byKey.get(key);
    if (!node) return;
    const base = hcl(colors.get(key) ?? NEUTRAL_COLOR);
    // A group's child can itself be a group (papers directly under a file-wide title): it keeps its own hue.
    const children = node.children.filter((child) => !groupSet.has(child));
    const n = children.length;
    children.forEach((child, index) => {
      // Spread siblings over lighter and darker shades; deeper levels vary less so they stay near the parent.
      const t = n === 1 ? 0.35 : index / (n - 1) - 0.5;
      const spread = SHADE_SPREAD / level;
      const l = clamp(base.l + t * spread + (n === 1 ? 6 / level : 0), 28, 86);
      const h = (base.h + t * (HUE_SHIFT / level) + 360) % 360;
      colors.set(child, hcl(h, base.c, l).formatHex());
      shade(child, level + 1);
    });
  };

  for (const topic of tree.topics) {
    if (groupSet.has(topic.key)) shade(topic.key, 1);
  }
  for (const topic of tree.topics) if (!colors.has(topic.key)) colors.set(topic.key, NEUTRAL_COLOR);
  return colors;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
