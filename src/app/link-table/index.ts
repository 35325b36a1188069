// The table of links: every drawn link with its type, both ends and (once loaded) its evidence. Pure.
import { EDGE_TYPES } from '../../types.js';
import type { EdgeType } from '../../types.js';
import type { MapIndex, Visibility } from '../filters/index.js';
import { normalise } from '../search/index.js';

/**
 * Links drawn now (visible), of the given types (all when empty), whose ends' names or evidence hold every
 * word of `query`; grouped by type (in `EDGE_TYPES` order), then by source name, then edge order.
 * `evidence(e)` is the evidence sentence of edge `e` if known ('' otherwise).
 */
export function linkRows(
  index: MapIndex,
  visibility: Visibility,
  types: readonly EdgeType[],
  query: string,
  evidence: (e: number) => string,
): number[] {
  const { map } = index;
  const { source, target, type } = map.edges;
  const on = new Uint8Array(EDGE_TYPES.length).fill(types.length ? 0 : 1);
  for (const t of types) on[EDGE_TYPES.indexOf(t)] = 1;
  const words = normalise(query).split(' ').filter(Boolean);
  const name = (i: number) => map.nodes.label[i] || map.nodes.title[i] || index.keys[i] || '';
  const rows: number[] = [];
  for (let e = 0; e < type.length; e++) {
    if (!visibility.edge[e] || !on[type[e]!]) continue;
    if (words.length) {
      const s = source[e]!;
      const t = target[e]!;
      const text = normalise(
        `${name(s)} ${map.nodes.title[s] ?? ''} ${name(t)} ${map.nodes.title[t] ?? ''} ${evidence(e)}`,
      );
      if (!words.every((w) => text.includes(w))) continue;
    }
    rows.push(e);
  }
  const names = new Map<number, string>();
  const key = (e: number) => {
    let s = names.get(e);
    if (s === undefined) names.set(e, (s = normalise(name(source[e]!))));
    return s;
  };
  return rows.sort((a, b) => type[a]! - type[b]! || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a - b));
}
