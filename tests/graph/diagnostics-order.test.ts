// The one order of diagnostics in the graph: file, line, column, then rule, severity and message; only exact
// repeats are dropped, and each is copied with its six fields only (same notes -> same bytes).
import { describe, expect, it } from 'vitest';
import { compareDiagnostics, sortDiagnostics } from '../../src/graph/diagnostics.js';
import { buildGraph } from '../../src/graph/index.js';
import type { Diagnostic } from '../../src/types.js';
import { linked, paper, parsed } from './make-records.js';

const d = (
  file: string,
  line: number,
  column: number,
  rule: string,
  severity: Diagnostic['severity'] = 'warning',
  message = rule,
): Diagnostic => ({ rule, severity, file, line, column, message });

const show = (x: Diagnostic) => `${x.file}:${x.line}:${x.column} ${x.rule} ${x.severity} ${x.message}`;

describe('sortDiagnostics', () => {
  it('orders by file, line, column, rule, severity, message, in that priority', () => {
    const input = [
      d('b.md', 1, 1, 'a'),
      d('a.md', 2, 1, 'a'),
      d('a.md', 1, 9, 'a'),
      d('a.md', 1, 2, 'z'),
      d('a.md', 1, 2, 'y', 'warning', 'later'),
      d('a.md', 1, 2, 'y', 'info', 'zzz'),
      d('a.md', 1, 2, 'y', 'warning', 'earlier'),
      d('a.md', 1, 2, 'y', 'error', 'zzz'),
      d('a.md', 10, 1, 'a'),
      d('', 5, 5, 'read'),
    ];
    const want = [
      ':5:5 read warning read',
      'a.md:1:2 y error zzz',
      'a.md:1:2 y info zzz',
      'a.md:1:2 y warning earlier',
      'a.md:1:2 y warning later',
      'a.md:1:2 z warning z',
      'a.md:1:9 a warning a',
      'a.md:2:1 a warning a',
      'a.md:10:1 a warning a',
      'b.md:1:1 a warning a',
    ];
    expect(sortDiagnostics(input).map(show)).toEqual(want);
    expect(sortDiagnostics([...input].reverse()).map(show)).toEqual(want);
  });

  it('compares to 0 only when all six fields are equal, and is antisymmetric', () => {
    const base = d('a.md', 3, 4, 'r', 'error', 'm');
    expect(compareDiagnostics(base, { ...base })).toBe(0);
    for (const other of [
      { ...base, file: 'b.md' },
      { ...base, line: 4 },
      { ...base, column: 5 },
      { ...base, rule: 's' },
      { ...base, severity: 'info' as const },
      { ...base, message: 'n' },
    ]) {
      expect(Math.sign(compareDiagnostics(base, other)), JSON.stringify(other)).toBe(-1);
      expect(Math.sign(compareDiagnostics(other, base)), JSON.stringify(other)).toBe(1);
    }
  });

  it('drops exact repeats only, wherever they were, and copies the six fields', () => {
    const extra = { ...d('a.md', 1, 1, 'x'), hint: 'not part of the contract' } as Diagnostic;
    const out = sortDiagnostics([
      extra,
      d('a.md', 1, 1, 'x', 'warning', 'other message'),
      d('b.md', 1, 1, 'y'),
      d('a.md', 1, 1, 'x'),
      d('a.md', 1, 1, 'x', 'info'),
      d('b.md', 1, 1, 'y'),
    ]);
    expect(out.map(show)).toEqual([
      'a.md:1:1 x info x',
      'a.md:1:1 x warning other message',
      'a.md:1:1 x warning x',
      'b.md:1:1 y warning y',
    ]);
    for (const x of out)
      expect(Object.keys(x)).toEqual(['rule', 'severity', 'file', 'line', 'column', 'message']);
    expect(out[2]).not.toBe(extra);
    expect(sortDiagnostics([])).toEqual([]);
  });

  it('is what the graph carries: parse, link and extra diagnostics in that order, repeats once', () => {
    const records = {
      ...parsed([paper('arxiv:1', ['A'])]),
      diagnostics: [d('n.md', 2, 1, 'b'), d('n.md', 2, 1, 'a')],
    };
    const links = { ...linked([]), diagnostics: [d('n.md', 2, 1, 'a', 'info')] };
    const graph = buildGraph(records, links, { layout: false, extraDiagnostics: [d('n.md', 2, 1, 'b')] });
    expect(graph.attributes.diagnostics.map(show)).toEqual([
      'n.md:2:1 a info a',
      'n.md:2:1 a warning a',
      'n.md:2:1 b warning b',
    ]);
  });
});
