// The build report, in process (the command tests read it only through child processes, which mutation testing
// cannot see): a folder of real notes with a reading list of works, an entry without a title, an empty note, a
// note without works and a binary file, then every count and every line of the printed report.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFromDirectory,
  formatDiagnostic,
  formatReport,
  isUnplacedEntry,
  makeReport,
  type BuildReport,
} from '../../src/cli/index.js';
import type { Diagnostic, SerializedGraph } from '../../src/types.js';

const LISTS = path.join(import.meta.dirname, '..', 'fixtures', 'style-reading-lists', 'notes');
const SEED = path.join(import.meta.dirname, '..', '..', 'content', 'reinforcement-learning.md');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'papermap-report-'));
  for (const name of ['04-math-for-ml.md', '09-news.md'])
    writeFileSync(path.join(dir, name), readFileSync(path.join(LISTS, name)));
  writeFileSync(path.join(dir, 'seed.md'), readFileSync(SEED));
  writeFileSync(path.join(dir, 'empty.md'), '');
  writeFileSync(path.join(dir, 'plain.md'), '# Notes\n\nJust some thoughts about nothing in particular.\n');
  // One real entry, then a timestamp with nothing after it: a warning, and an entry not in the map.
  writeFileSync(
    path.join(dir, 'daily.md'),
    '# Daily\n\n2025-06-12 12:01:12 Thursday ｜ Scaling laws https://arxiv.org/abs/2001.08361\n\n' +
      '2025-06-13 09:00:00 Friday ｜\n',
  );
  writeFileSync(path.join(dir, 'blob.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const build = () => buildFromDirectory(dir, { layout: false, workers: 1 });
const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.rule}`;

describe('makeReport on a real build', () => {
  it('counts files read and skipped, and copies the graph stats', async () => {
    const { graph, report } = await build();
    expect(report.content).toBe(dir);
    expect(report.filesRead).toBe(6);
    expect(report.filesSkipped).toBe(1);
    for (const key of ['files', 'entries', 'papers', 'mergedDuplicates', 'concepts', 'edges'] as const)
      expect(report[key], key).toBe(graph.attributes.stats[key]);
    expect(report.edgesByType).toEqual(graph.attributes.stats.edgesByType);
    expect(report.edgesByType).not.toBe(graph.attributes.stats.edgesByType);
    expect(report.papers).toBeGreaterThan(40);
  });

  it('counts diagnostics by severity, from the graph diagnostics', async () => {
    const { graph, report } = await build();
    expect(report.diagnostics).toBe(graph.attributes.diagnostics);
    const count = (s: Diagnostic['severity']) => report.diagnostics.filter((d) => d.severity === s).length;
    expect(report.bySeverity).toEqual({
      error: count('error'),
      warning: count('warning'),
      info: count('info'),
    });
    expect(report.bySeverity.warning).toBeGreaterThanOrEqual(2);
    expect(report.bySeverity.info).toBeGreaterThanOrEqual(2);
  });

  it('lists the entry without a title as unplaced, and the empty and work-less notes as empty', async () => {
    const { report } = await build();
    expect(report.unplaced.map(at)).toEqual(['daily.md:5:1 entry-without-title']);
    expect(report.empty.map(at)).toEqual(['empty.md:1:1 file-empty', 'plain.md:1:1 note-without-works']);
    expect(report.diagnostics.map(at)).toContain('blob.md:1:3 file-binary');
    expect(report.unplaced.map(at)).not.toContain('blob.md:1:3 file-binary');
  });

  it('counts per note the entries that became papers and the works among them, sorted by file', async () => {
    const { graph, report } = await build();
    expect(report.perFile.map((f) => f.file)).toEqual([
      '04-math-for-ml.md',
      '09-news.md',
      'daily.md',
      'seed.md',
    ]);
    const lists = report.perFile.filter((f) => f.file.startsWith('0'));
    expect(lists).toEqual([
      { file: '04-math-for-ml.md', entries: 3, works: 2, cited: 0 },
      { file: '09-news.md', entries: 3, works: 2, cited: 0 },
    ]);
    expect(report.perFile.find((f) => f.file === 'daily.md')).toEqual({
      file: 'daily.md',
      entries: 1,
      works: 0,
      cited: 0,
    });
    // Each place of a paper counts (a paper merged from two places of a note counts twice); cited-only
    // papers are counted apart.
    const placesIn = (cited: boolean) =>
      graph.nodes
        .flatMap((n) =>
          n.attributes.kind === 'paper' && Boolean(n.attributes.citedOnly) === cited
            ? n.attributes.sources
            : [],
        )
        .filter((s) => s.file === 'seed.md').length;
    expect(placesIn(true)).toBeGreaterThan(0);
    expect(report.perFile.find((f) => f.file === 'seed.md')).toEqual({
      file: 'seed.md',
      entries: placesIn(false),
      works: 0,
      cited: placesIn(true),
    });
  });

  it('counts cited-only papers apart, skips concepts, and counts every place of a paper', () => {
    const node = (key: string, attrs: Record<string, unknown>) => ({
      key,
      attributes: { kind: 'paper', ...attrs },
    });
    const graph = {
      attributes: {
        diagnostics: [],
        stats: {
          files: 2,
          entries: 3,
          papers: 3,
          mergedDuplicates: 1,
          concepts: 0,
          edges: 0,
          edgesByType: {},
        },
      },
      nodes: [
        node('a', {
          sources: [
            { file: 'b.md', line: 1 },
            { file: 'a.md', line: 2 },
            { file: 'a.md', line: 9 },
          ],
        }),
        node('b', { sources: [{ file: 'a.md', line: 4 }], workKind: 'blog' }),
        node('c', { sources: [{ file: 'c.md', line: 4 }], citedOnly: true }),
        { key: 'concept:x', attributes: { kind: 'concept', sources: [{ file: 'd.md', line: 1 }] } },
      ],
      edges: [],
    } as unknown as SerializedGraph;
    expect(makeReport('notes', graph, { filesRead: 2, filesSkipped: 0 }).perFile).toEqual([
      { file: 'a.md', entries: 3, works: 1, cited: 0 },
      { file: 'b.md', entries: 1, works: 0, cited: 0 },
      { file: 'c.md', entries: 0, works: 0, cited: 1 },
    ]);
  });
});

describe('isUnplacedEntry', () => {
  it('a parser that failed or crashed may have lost the entries after it, at any severity', () => {
    for (const rule of ['parser-error', 'parser-crashed'])
      for (const severity of ['error', 'warning', 'info'] as const)
        expect(isUnplacedEntry({ rule, severity, file: 'a.md', line: 1, column: 1, message: '' }), rule).toBe(
          true,
        );
    expect(
      isUnplacedEntry({
        rule: 'parser-slow',
        severity: 'error',
        file: 'a.md',
        line: 1,
        column: 1,
        message: '',
      }),
    ).toBe(false);
  });
});

describe('formatReport', () => {
  it('prints the counts, every diagnostic, the unplaced entries, the empty notes and the notes', async () => {
    const { report } = await build();
    const text = formatReport(report, { out: 'site/graph.json', timings: { read: 1.4, parse: 20.6 } });
    const lines = text.split('\n');
    const t = report.edgesByType;
    expect(lines.slice(0, 9)).toEqual([
      `papermap: ${dir} -> site/graph.json`,
      '  files read        6 (1 skipped)',
      `  entries found     ${report.entries}`,
      `  papers            ${report.papers}`,
      `  merged duplicates ${report.mergedDuplicates}`,
      `  concepts          ${report.concepts}`,
      `  edges             ${report.edges} (builds-on ${t['builds-on']}, critiques ${t.critiques}, compares ${t.compares}, same-group ${t['same-group']}, uses ${t.uses ?? 0}, mentions ${t.mentions}, links-to ${t['links-to'] ?? 0})`,
      `  diagnostics       ${report.diagnostics.length} (${report.bySeverity.error} errors, ${report.bySeverity.warning} warnings, ${report.bySeverity.info} info)`,
      '  time (ms)         read 1, parse 21',
    ]);
    const after = lines.slice(9);
    expect(after.slice(0, report.diagnostics.length)).toEqual(report.diagnostics.map(formatDiagnostic));
    expect(after.slice(report.diagnostics.length)).toEqual([
      'entries that became neither a paper nor part of one: 1',
      `  daily.md:5:1 entry-without-title ${report.unplaced[0]!.message}`,
      'notes that gave no paper or work: 2',
      '  empty.md:1:1 file-empty file is empty',
      `  plain.md:1:1 note-without-works ${report.empty[1]!.message}`,
      'hub pages (an author, tag, date or index page: no work by design): 0',
      'libraries beside the notes: 0',
      `files accounted for: ${report.filesRead} of ${report.filesRead} read`,
      'per note (entries, of which works that are not papers; papers it only cites):',
      '  04-math-for-ml.md  3 (2 works)',
      '  09-news.md  3 (2 works)',
      '  daily.md  1',
      `  seed.md  ${report.perFile[3]!.entries} (${report.perFile[3]!.cited} cited only)`,
    ]);
  });

  it('leaves out what is not there: no output, no timings, nothing skipped, no per-note list past 200 notes', () => {
    const report: BuildReport = {
      content: 'notes',
      filesRead: 2,
      filesSkipped: 0,
      files: 2,
      entries: 0,
      papers: 0,
      mergedDuplicates: 0,
      concepts: 0,
      edges: 0,
      edgesByType: {} as BuildReport['edgesByType'],
      diagnostics: [],
      unplaced: [],
      perFile: Array.from({ length: 201 }, (_, i) => ({ file: `n${i}.md`, entries: 1, works: 0, cited: 0 })),
      empty: [],
      hubs: [],
      libraries: [],
      bySeverity: { error: 0, warning: 0, info: 0 },
    };
    expect(formatReport(report, { out: null, timings: null }).split('\n')).toEqual([
      'papermap: notes',
      '  files read        2',
      '  entries found     0',
      '  papers            0',
      '  merged duplicates 0',
      '  concepts          0',
      '  edges             0 (builds-on 0, critiques 0, compares 0, same-group 0, uses 0, mentions 0, links-to 0)',
      '  diagnostics       0 (0 errors, 0 warnings, 0 info)',
      'entries that became neither a paper nor part of one: 0',
      'notes that gave no paper or work: 0',
      'hub pages (an author, tag, date or index page: no work by design): 0',
      'libraries beside the notes: 0',
      'files accounted for: 201 of 2 read',
    ]);
    const two = formatReport({ ...report, perFile: report.perFile.slice(0, 200) });
    expect(two.split('\n')).toHaveLength(13 + 1 + 200);
    expect(formatReport({ ...report, perFile: [] })).not.toContain('per note');
  });

  it('prints a build-level diagnostic as (build) and a message on one line', () => {
    const d: Diagnostic = {
      rule: 'read',
      severity: 'error',
      file: '',
      line: 1,
      column: 1,
      message: 'cannot read\n   the folder \r\n  at all',
    };
    expect(formatDiagnostic(d)).toBe('(build):1:1 read cannot read the folder at all');
    expect(formatDiagnostic({ ...d, file: 'a.md', line: 3, column: 7 })).toBe(
      'a.md:3:7 read cannot read the folder at all',
    );
  });
});
