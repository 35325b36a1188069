// `npm run build`'s site works from a plain static file server, in a sub-folder, with the graph included.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../../src/cli/build-site.js';
import type { SerializedGraph } from '../../src/types.js';
import {
  SEED_CONTENT,
  clickNode,
  expectedGraph,
  launchBrowser,
  openMap,
  ph,
  removeDir,
  serveStatic,
} from './helpers.js';

let out: string;
let browser: Browser;
let graph: SerializedGraph;
let site: { url: string; close(): Promise<void> };

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'papermap-site-')), 'dist');
  await buildSite({ content: SEED_CONTENT, out, synthetic: null });
  [graph, browser, site] = await Promise.all([
    expectedGraph(SEED_CONTENT),
    launchBrowser(),
    serveStatic(out, '/some/sub/folder/'),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) await removeDir(path.dirname(out));
});

describe('static site', () => {
  it('holds the app and the graph, with relative URLs only', async () => {
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
    expect(html).toContain("script-src 'self';");
    expect(html).toContain("connect-src 'self';");
    // Only the app and its data: nothing copied from public/ (which may hold a graph of other notes).
    expect((await readdir(out)).sort()).toEqual(['assets', 'data', 'index.html']);
    expect(await readdir(path.join(out, 'data'))).toEqual(
      expect.arrayContaining(['map.json', 'search.json', 'details']),
    );
    const map = JSON.parse(await readFile(path.join(out, 'data/map.json'), 'utf8'));
    expect(map.nodes.label).toHaveLength(graph.nodes.length);
    // Issue 6: the map the page loads first stays small; summaries wait in the detail chunks.
    const perNode = gzipSync(await readFile(path.join(out, 'data/map.json'))).length / graph.nodes.length;
    expect(perNode).toBeLessThan(200);
  });

  it('loads from a sub-folder of a plain static server and opens a panel from a detail chunk', async () => {
    const { page, seen } = await openMap(browser, site.url);
    expect(await ph<number>(page, 'h.nodeCount()')).toBe(graph.nodes.length);
    const paper = graph.nodes.find((n) => n.attributes.kind === 'paper' && n.attributes.summary.length > 20)!;
    await clickNode(page, paper.key);
    await page.waitForSelector('#panel .summary', { timeout: 15_000 }).catch(() => undefined);
    if ((await ph<string | null>(page, 'h.state().selected')) !== paper.key) {
      // Another node was drawn on top: open it through the URL instead, which is also what a shared link does.
      await page.goto(`${site.url}#sel=${encodeURIComponent(paper.key)}`);
      await page.waitForSelector('#panel .summary');
    }
    expect(await page.textContent('#panel-title')).toBe(paper.attributes.title);
    // file:line shows the note's lines around the entry (no editor on a static site).
    const src = paper.attributes.sources[0]!;
    const text = (await readFile(path.join(SEED_CONTENT, src.file), 'utf8')).split(/\r?\n/);
    await page.click(`#panel .note-link >> text="${src.file}:${src.line}"`);
    await page.waitForSelector('#panel .note-lines');
    expect(await page.textContent('#panel .note-lines .here')).toBe(
      `${String(src.line).padStart(4)}  ${text[src.line - 1]!.slice(0, 200)}${text[src.line - 1]!.length > 200 ? '…' : ''}`,
    );
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
