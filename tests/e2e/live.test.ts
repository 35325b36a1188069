// Editing notes updates the open page; a half-written note keeps the last good map with its diagnostic shown.
import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectedGraph, launchBrowser, openMap, ph, removeDir, startDev, tempContent } from './helpers.js';
import type { DevHandle } from './helpers.js';

let dir: string;
let dev: DevHandle;
let browser: Browser;

beforeAll(async () => {
  dir = await tempContent();
  [dev, browser] = await Promise.all([startDev(dir), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  if (dir) await removeDir(dir);
});

const entry = (id: string, title: string) =>
  `\n\n1. 2025-07-20 10:00:00 Sunday ｜\n\n ${title}\n **链接** ：https://arxiv.org/abs/${id}\n\n **摘要** ：A paper added while the map is open.\n`;

describe('live updates', () => {
  it('adds, edits, survives a half-written note, recovers, and deletes without a reload', async () => {
    const { page, seen } = await openMap(browser, dev.url);
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    const before = await ph<number>(page, 'h.nodeCount()');
    const waitNodes = (n: number) =>
      page.waitForFunction(
        (k) => (window as unknown as { __papermap: { nodeCount(): number } }).__papermap.nodeCount() === k,
        n,
        {
          timeout: 30_000,
        },
      );

    // Add a note.
    const added = path.join(dir, 'added.md');
    await writeFile(added, `# 新增${entry('2507.55555', 'Live Added Paper About Maps')}`);
    const g1 = await expectedGraph(dir);
    expect(g1.nodes.length).toBeGreaterThan(before);
    await waitNodes(g1.nodes.length);
    expect(await ph<boolean>(page, 'h.keys().includes("arxiv:2507.55555")')).toBe(true);

    // Edit it: a second entry appears.
    await appendFile(added, entry('2507.55556', 'Second Live Paper'));
    const g2 = await expectedGraph(dir);
    await waitNodes(g2.nodes.length);
    expect(await ph<boolean>(page, 'h.keys().includes("arxiv:2507.55556")')).toBe(true);

    // Save it half-written: the map stays as it was and the diagnostic is shown with file:line.
    const buildBefore = await ph<string>(page, 'h.build');
    await writeFile(
      added,
      `+++\ntitle = 'half\n\n# 新增${entry('2507.55555', 'Live Added Paper About Maps')}`,
    );
    await page.waitForSelector('#banner:not([hidden])', { timeout: 30_000 });
    expect(await page.textContent('#banner')).toContain('added.md:1:1');
    expect(await ph<string>(page, 'h.build')).toBe(buildBefore);
    expect(await ph<boolean>(page, 'h.keys().includes("arxiv:2507.55556")')).toBe(true);

    // Fix it: the banner goes and the map follows the note again.
    await writeFile(added, `# 新增${entry('2507.55555', 'Live Added Paper About Maps')}`);
    await waitNodes(g1.nodes.length);
    await page.waitForSelector('#banner', { state: 'hidden' });

    // Delete it.
    await rm(added);
    await waitNodes(before);
    expect(await ph<boolean>(page, 'h.keys().includes("arxiv:2507.55555")')).toBe(false);

    // All of it without a page reload.
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
