// A date range includes both of its ends: a paper dated exactly `from` or exactly `to` is kept, and `[d, d]`
// keeps exactly the papers of day d. Built from a real-shaped note (the papers.cool fixture: note dates and
// publication dates) through parse -> links -> graph -> the page's map file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeVisibility, indexMap, type MapIndex } from '../../src/app/filters/index.js';
import { DEFAULT_FILTERS } from '../../src/app/state/index.js';
import type { Filters } from '../../src/app/state/index.js';
import { buildGraph } from '../../src/graph/index.js';
import { findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import { toViewBundle } from '../../src/view/bundle.js';
import type { SerializedGraph } from '../../src/types.js';

const notes = path.join(import.meta.dirname, '..', 'fixtures', 'seed-papers-cool', 'notes', 'papers-cool.md');
const text = readFileSync(notes, 'utf8');
// Built in each test (beforeEach), not when the file is collected, so that mutation testing knows which tests
// run which code of parse, links and graph.
let graph: SerializedGraph;
let index: MapIndex;
beforeEach(() => {
  const parsed = parseNotes([{ path: 'papers-cool.md', text }]);
  graph = buildGraph(parsed, findLinks(parsed.papers), { layout: false });
  index = indexMap(toViewBundle(graph).map);
});

/** The keys of the papers dated within [from, to] in `field`, read from the graph itself. */
function papersIn(field: Filters['dateField'], from: string, to: string): string[] {
  return graph.nodes
    .filter((n) => {
      if (n.attributes.kind !== 'paper') return false;
      const d = field === 'date' ? n.attributes.date : n.attributes.published;
      return d !== undefined && d !== '' && from <= d && d <= to;
    })
    .map((n) => n.key)
    .sort();
}

function visiblePapers(f: Filters): string[] {
  const v = computeVisibility(index, f);
  return index.keys.filter((_, i) => v.node[i] === 1 && index.map.nodes.kind[i] === 0).sort();
}

describe.each(['date', 'published'] as const)('date range ends, by %s', (field) => {
  const distinctDays = () =>
    [
      ...new Set(
        graph.nodes.flatMap((n) =>
          n.attributes.kind === 'paper'
            ? [(field === 'date' ? n.attributes.date : n.attributes.published) ?? '']
            : [],
        ),
      ),
    ]
      .filter((d) => d !== '')
      .sort();
  let days: string[];
  beforeEach(() => {
    days = distinctDays();
  });

  it('the fixture has several distinct days to test with', () => {
    expect(days.length).toBeGreaterThanOrEqual(3);
  });

  it('[d, d] keeps exactly the papers of day d', () => {
    for (const d of days) {
      const kept = visiblePapers({ ...DEFAULT_FILTERS, dateField: field, dateRange: [d, d] });
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(papersIn(field, d, d));
    }
  });

  it('a paper on the first or the last day of a range is kept', () => {
    const first = days[0]!;
    const last = days[days.length - 1]!;
    for (const d of days) {
      expect(visiblePapers({ ...DEFAULT_FILTERS, dateField: field, dateRange: [d, last] })).toEqual(
        papersIn(field, d, last),
      );
      expect(visiblePapers({ ...DEFAULT_FILTERS, dateField: field, dateRange: [first, d] })).toEqual(
        papersIn(field, first, d),
      );
    }
    expect(papersIn(field, first, last).length).toBeGreaterThanOrEqual(days.length);
  });
});
