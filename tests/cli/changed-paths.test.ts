// buildFromDirectory with a long-lived builder and the paths that changed (the dev server's rebuilds): the
// folder's own files (lexicon, corrections) that turn unreadable, and the timings. Each test makes its own
// folder and builder, so that mutation testing sees which test runs which code.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFromDirectory, createBuilder } from '../../src/cli/index.js';
import { openCache } from '../../src/cli/cache.js';
import { readCachedGraph } from '../../src/cli/build-from-directory.js';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import type { SerializedGraph } from '../../src/types.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'papermap-changed-'));
  await writeFile(
    path.join(dir, 'seed.md'),
    await readFile(path.join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8'),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const has = (graph: SerializedGraph, key: string) => graph.nodes.some((n) => n.key === key);
const said = (graph: SerializedGraph) =>
  graph.attributes.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.severity}`).sort();

describe("the folder's own files, changed", () => {
  it.each(['papermap.lexicon.toml', 'papermap.corrections.txt'])(
    '%s turned unreadable: a diagnostic, and the graph a fresh build of the folder gives',
    async (name) => {
      const own = path.join(dir, name);
      const text = name.endsWith('.toml')
        ? '[[concept]]\nname = "Qwen-VL"\nkind = "model"\n'
        : 'reject builds-on arxiv:2506.16141 -> concept:grpo\n';
      await writeFile(own, text);
      const builder = createBuilder({ layout: false });
      await buildFromDirectory(dir, { builder, layout: false });
      // Saved in another encoding by mistake (UTF-16).
      await writeFile(own, Uint8Array.from([0xff, 0xfe, 0x23, 0x00, 0x0a, 0x00]));
      const rebuilt = await buildFromDirectory(dir, { builder, changed: [name], layout: false });
      const fresh = await buildFromDirectory(dir, { layout: false });
      expect(said(rebuilt.graph)).toContain(`${name}:1:1 file-not-utf8 warning`);
      expect(said(rebuilt.graph)).toEqual(said(fresh.graph));
      expect(rebuilt.graph.nodes.map((n) => n.key)).toEqual(fresh.graph.nodes.map((n) => n.key));
      expect(rebuilt.graph.edges.map((e) => e.key)).toEqual(fresh.graph.edges.map((e) => e.key));
      if (name.endsWith('.toml')) expect(has(rebuilt.graph, 'concept:qwen-vl')).toBe(false);

      // Saved again as UTF-8, then deleted: each time the graph a fresh build gives, no diagnostic left over.
      for (const change of [() => writeFile(own, text), () => rm(own)]) {
        await change();
        const again = await buildFromDirectory(dir, { builder, changed: [name], layout: false });
        const whole = await buildFromDirectory(dir, { layout: false });
        expect(said(again.graph)).toEqual(said(whole.graph));
        expect(said(again.graph).some((d) => d.startsWith(name))).toBe(false);
        expect(again.graph.nodes.map((n) => n.key)).toEqual(whole.graph.nodes.map((n) => n.key));
        expect(again.graph.edges.map((e) => e.key)).toEqual(whole.graph.edges.map((e) => e.key));
      }
    },
  );
});

describe('timings', () => {
  it('each stage takes part of the time the call took, from the notes or from the cache', async () => {
    const cache = await openCache(path.join(dir, '.cache'));
    const first = () => buildFromDirectory(dir, { layout: false, cache });
    for (const run of [
      first,
      () => buildFromDirectory(dir, { layout: false, cache }),
      () => readCachedGraph(dir, { layout: false, cache }),
    ]) {
      const started = performance.now();
      const result = (await run())!;
      expect(result.fromCache ?? false).toBe(run !== first);
      const took = performance.now() - started;
      for (const [stage, ms] of Object.entries(result.timings)) {
        expect(ms, stage).toBeGreaterThanOrEqual(0);
        expect(ms, stage).toBeLessThanOrEqual(took + 1);
      }
    }
  });
});
