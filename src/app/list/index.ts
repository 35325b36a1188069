// The list of papers beside the map: which rows, in which order. Pure: no DOM.
import type { MapIndex, Visibility } from '../filters/index.js';
import { normalise } from '../search/index.js';
import type { DateField, ListSort } from '../state/index.js';

/** Links per node that say something about papers (every type but `mentions`). */
export function linkCounts(index: MapIndex, mentionsType: number): Int32Array {
  const { map, adjStart, adjEdges } = index;
  const n = map.nodes.label.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let a = adjStart[i]!; a < adjStart[i + 1]!; a++)
      if (map.edges.type[adjEdges[a]!] !== mentionsType) k++;
    out[i] = k;
  }
  return out;
}

/** The text a row is searched by: name, title, arXiv id, topic path. */
export function rowText(index: MapIndex, i: number): string {
  const { map } = index;
  const n = map.nodes;
  const topic = map.topics[n.topic[i]!];
  return normalise([n.label[i], n.title[i], n.arxiv[i], topic ? topic.path.join(' ') : ''].join(' '));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Visible papers matching `query` (every word must occur in the row's text), sorted by `sort`; ties by
 * title, then map order, so the same state always gives the same list. Papers without a date sort last
 * whichever the direction.
 */
export function listRows(
  index: MapIndex,
  visibility: Visibility,
  sort: ListSort,
  query: string,
  field: DateField,
  links: Int32Array,
  texts?: readonly string[],
): number[] {
  const { map } = index;
  const n = map.nodes;
  const words = normalise(query).split(' ').filter(Boolean);
  const rows: number[] = [];
  for (let i = 0; i < n.label.length; i++) {
    if (n.kind[i] !== 0 || !visibility.node[i]) continue;
    if (words.length) {
      const text = texts?.[i] ?? rowText(index, i);
      if (!words.every((w) => text.includes(w))) continue;
    }
    rows.push(i);
  }
  const dates = field === 'date' ? n.date : index.published;
  const title = (i: number) => normalise(n.label[i] || n.title[i] || '');
  const topic = (i: number) => map.topics[n.topic[i]!]?.key ?? '\uffff';
  const sign = sort.desc ? -1 : 1;
  const by: (a: number, b: number) => number =
    sort.by === 'date'
      ? (a, b) => {
          const da = dates[a] ?? '';
          const db = dates[b] ?? '';
          if (!da || !db) return da ? -1 : db ? 1 : 0;
          return sign * cmp(da, db);
        }
      : sort.by === 'links'
        ? (a, b) => sign * (links[a]! - links[b]!)
        : sort.by === 'topic'
          ? (a, b) => sign * cmp(topic(a), topic(b))
          : (a, b) => sign * cmp(title(a), title(b));
  const titles = new Map<number, string>();
  const t = (i: number) => {
    let s = titles.get(i);
    if (s === undefined) titles.set(i, (s = title(i)));
    return s;
  };
  return rows.sort((a, b) => by(a, b) || cmp(t(a), t(b)) || a - b);
}

/** The row to move to from `current` by a key (arrows, Page Up/Down, Home/End), or -1 when the list is empty. */
export function moveInList(length: number, current: number, key: string, page = 10): number {
  if (length === 0) return -1;
  const at = current < 0 ? -1 : current;
  const next =
    key === 'ArrowDown'
      ? at + 1
      : key === 'ArrowUp'
        ? at < 0
          ? 0
          : at - 1
        : key === 'PageDown'
          ? at + page
          : key === 'PageUp'
            ? at - page
            : key === 'Home'
              ? 0
              : key === 'End'
                ? length - 1
                : at;
  return Math.max(0, Math.min(length - 1, next));
}
