// Geometry measures shared by the graph tests: properties of a drawing, never exact coordinates.
import type { SerializedNode } from '../../src/types.js';

/** Mean distance between `nodes` sharing `group(n)` over the mean distance between those that do not. */
export function clusterRatio(nodes: readonly SerializedNode[], group: (n: SerializedNode) => string): number {
  let within = 0;
  let withinN = 0;
  let between = 0;
  let betweenN = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!.attributes;
      const b = nodes[j]!.attributes;
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (group(nodes[i]!) === group(nodes[j]!)) {
        within += d;
        withinN++;
      } else {
        between += d;
        betweenN++;
      }
    }
  }
  return within / withinN / (between / betweenN);
}
