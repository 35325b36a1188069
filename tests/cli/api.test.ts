// Pins the public surface other parts of papermap call: the dev server, build-site, the benchmarks.
import { describe, expect, it } from 'vitest';
import * as cli from '../../src/cli/index.js';
import * as graph from '../../src/graph/index.js';
import * as pipeline from '../../src/pipeline.js';
import { isUnplacedEntry, type BuildReport } from '../../src/cli/index.js';
import type { Diagnostic } from '../../src/types.js';

describe('public API', () => {
  it.each([
    [
      'src/cli',
      cli,
      [
        'CORRECTIONS_FILE_NAME',
        'ContentFolderError',
        'LEXICON_FILE_NAME',
        'buildFromDirectory',
        'createBuilder',
        'formatDiagnostic',
        'formatReport',
        'isNotePath',
        'isUnplacedEntry',
        'makeReport',
        'readContent',
        'readNote',
        'writeFileAtomic',
      ],
    ],
    [
      'src/graph',
      graph,
      [
        'EDGE_COLORS',
        'LAYOUT_EXTENT',
        'NEUTRAL_COLOR',
        'TOPIC_SEPARATOR',
        'buildGraph',
        'buildGraphDetailed',
        'buildTopicTree',
        'compareDiagnostics',
        'iterationBudget',
        'sortDiagnostics',
        'topicKey',
      ],
    ],
    ['src/pipeline', pipeline, ['STAGES', 'createBuilder']],
  ])('%s exports exactly these names', (_module, exports, names) => {
    expect(Object.keys(exports).sort()).toEqual(names);
  });

  it('builder, graph and report have the documented shape', async () => {
    const { graph: built, report, timings } = await cli.buildFromDirectory('content', { layout: false });
    expect(Object.keys(timings).sort()).toEqual(['graph', 'layout', 'link', 'merge', 'parse', 'read']);
    expect(Object.keys(built)).toEqual(['options', 'attributes', 'nodes', 'edges']);
    const keys: (keyof BuildReport)[] = [
      'filesRead',
      'entries',
      'papers',
      'mergedDuplicates',
      'concepts',
      'edges',
      'edgesByType',
      'diagnostics',
      'unplaced',
    ];
    for (const key of keys) expect(report).toHaveProperty(key);
  });

  it.each([
    ['entry-without-title', 'warning', true],
    ['entry-without-title', 'info', false],
    ['parser-error', 'error', true],
    ['file-binary', 'warning', false],
    ['ambiguous-name', 'info', false],
  ] as const)('isUnplacedEntry(%s, %s) is %s', (rule, severity, expected) => {
    const d: Diagnostic = { rule, severity, file: 'a.md', line: 1, column: 1, message: '' };
    expect(isUnplacedEntry(d)).toBe(expected);
  });
});
