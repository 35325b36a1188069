// buildFromDirectory with a long-lived builder, as the dev server drives it: only changed paths are read.
import { copyFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFromDirectory, createBuilder } from '../../src/cli/index.js';
import type { SerializedGraph } from '../../src/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'papermap-dir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const has = (graph: SerializedGraph, key: string) => graph.nodes.some((n) => n.key === key);
const rules = (graph: SerializedGraph) => graph.attributes.diagnostics.map((d) => `${d.file} ${d.rule}`);

describe('buildFromDirectory with a builder and changed paths', () => {
  const builder = createBuilder();
  copyFileSync(join(ROOT, 'content/reinforcement-learning.md'), join(dir, 'seed.md'));
  writeFileSync(
    join(dir, 'other.md'),
    '# Other\n\n- 2025-08-01 ｜ Other paper https://arxiv.org/abs/2508.00001\n',
  );

  it('reads the whole folder the first time', async () => {
    const { graph, report, timings } = await buildFromDirectory(dir, { builder });
    expect(report.filesRead).toBe(2);
    expect(has(graph, 'arxiv:2508.00001')).toBe(true);
    expect(has(graph, 'arxiv:2506.08745')).toBe(true);
    expect(timings.read).toBeGreaterThanOrEqual(0);
  });

  it('picks up an edited note', async () => {
    appendFileSync(
      join(dir, 'seed.md'),
      '\n\n1. 2025-08-02 10:00:00 Saturday ｜ Added https://arxiv.org/abs/2508.00002\n',
    );
    const { graph } = await buildFromDirectory(dir, { builder, changed: ['seed.md'] });
    expect(has(graph, 'arxiv:2508.00002')).toBe(true);
  });

  it('drops a deleted note', async () => {
    unlinkSync(join(dir, 'other.md'));
    const { graph } = await buildFromDirectory(dir, { builder, changed: ['other.md'] });
    expect(has(graph, 'arxiv:2508.00001')).toBe(false);
    expect(has(graph, 'arxiv:2508.00002')).toBe(true);
  });

  it('shows a note that turned binary as a diagnostic until it is fixed', async () => {
    writeFileSync(join(dir, 'other.md'), Uint8Array.from([0x23, 0x00, 0x01]));
    const broken = await buildFromDirectory(dir, { builder, changed: ['other.md'] });
    expect(rules(broken.graph)).toContain('other.md file-binary');
    writeFileSync(
      join(dir, 'other.md'),
      '# Other\n\n- 2025-08-01 ｜ Other paper https://arxiv.org/abs/2508.00001\n',
    );
    const fixed = await buildFromDirectory(dir, { builder, changed: ['other.md'] });
    expect(rules(fixed.graph)).not.toContain('other.md file-binary');
    expect(has(fixed.graph, 'arxiv:2508.00001')).toBe(true);
  });

  it('reads the user lexicon when it changes, and ignores paths that are not notes', async () => {
    writeFileSync(join(dir, 'papermap.lexicon.toml'), '[[concept]]\nname = "Qwen-VL"\nkind = "model"\n');
    writeFileSync(join(dir, 'todo.txt'), 'not a note');
    const { graph } = await buildFromDirectory(dir, {
      builder,
      changed: ['papermap.lexicon.toml', 'todo.txt'],
    });
    expect(has(graph, 'concept:qwen-vl')).toBe(true);
    unlinkSync(join(dir, 'papermap.lexicon.toml'));
    const without = await buildFromDirectory(dir, { builder, changed: ['papermap.lexicon.toml'] });
    expect(has(without.graph, 'concept:qwen-vl')).toBe(false);
  });

  it('ends where a fresh full build of the same folder ends, node for node', async () => {
    const incremental = await buildFromDirectory(dir, { builder, changed: [] });
    const fresh = await buildFromDirectory(dir);
    expect(incremental.graph.nodes.map((n) => n.key)).toEqual(fresh.graph.nodes.map((n) => n.key));
    expect(incremental.graph.edges.map((e) => e.key)).toEqual(fresh.graph.edges.map((e) => e.key));
  });
});
