// Autocomplete over labels, titles (both languages), arXiv ids, authors and aliases. Pure.
import type { MapFile, SearchFile } from '../../view/types.js';

export interface SearchResult {
  index: number;
  /** What matched, for display (a title, an author...). */
  match: string;
  field: 'label' | 'arxiv' | 'title' | 'altTitle' | 'author' | 'alias';
  score: number;
}

interface Entry {
  index: number;
  field: SearchResult['field'];
  text: string;
  lower: string;
  weight: number;
}

export interface SearchIndex {
  entries: Entry[];
}

const WEIGHTS: Record<SearchResult['field'], number> = {
  label: 60,
  arxiv: 55,
  title: 40,
  altTitle: 40,
  alias: 35,
  author: 25,
};

/** Case- and width-insensitive form (full-width Latin from Chinese input methods folds to ASCII). */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function buildSearchIndex(map: MapFile, extra: SearchFile | null): SearchIndex {
  const entries: Entry[] = [];
  const add = (index: number, field: SearchResult['field'], text: string | undefined) => {
    if (!text) return;
    entries.push({ index, field, text, lower: normalise(text), weight: WEIGHTS[field] });
  };
  const n = map.nodes.label.length;
  for (let i = 0; i < n; i++) {
    add(i, 'label', map.nodes.label[i]);
    add(i, 'title', map.nodes.title[i]);
    add(i, 'arxiv', map.nodes.arxiv[i]);
    if (extra && extra.build === map.build) {
      for (const t of extra.altTitles[i] ?? []) add(i, 'altTitle', t);
      for (const a of extra.authors[i] ?? []) add(i, 'author', a);
      for (const a of extra.aliases[i] ?? []) add(i, 'alias', a);
    }
  }
  return { entries };
}

/** Best match per node, best first: exact > prefix > word start > substring, then by field weight. */
export function search(index: SearchIndex, query: string, limit = 10): SearchResult[] {
  const q = normalise(query);
  if (!q) return [];
  const best = new Map<number, SearchResult>();
  for (const e of index.entries) {
    const at = e.lower.indexOf(q);
    if (at < 0) continue;
    const kind = e.lower === q ? 3 : at === 0 ? 2 : /[\s\-:：(（]/.test(e.lower[at - 1] ?? '') ? 1 : 0;
    const score = kind * 100 + e.weight - Math.min(e.lower.length, 200) / 100;
    const prev = best.get(e.index);
    if (!prev || score > prev.score)
      best.set(e.index, { index: e.index, match: e.text, field: e.field, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, limit);
}
