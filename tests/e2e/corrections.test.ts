// Correcting the map from the page (dev server): reject an edge in the panel, the server appends the line to the
// notes folder's corrections file, the live rebuild drops the edge; a confirmed edge then shows as "yours".
import { appendFile, readFile } from 'node:fs/promises';
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

const PAPER = 'arxiv:2506.16141';
const REJECTED = `builds-on:${PAPER}->concept:grpo`;

describe('corrections from the page', () => {
  it('rejects an edge from the panel: the file gets the line and the edge goes after the rebuild', async () => {
    const before = await expectedGraph(dir);
    expect(before.edges.some((e) => e.key === REJECTED)).toBe(true);
    const { page, seen } = await openMap(browser, `${dev.url}#sel=${encodeURIComponent(PAPER)}`);
    expect(await ph<number>(page, 'h.edgeCount()')).toBe(before.edges.length);
    const item = page.locator('#panel ul[data-type="builds-on"] li', {
      has: page.locator('button[data-node="concept:grpo"]'),
    });
    await item.locator('button.correct-reject').click();
    await page.waitForFunction(
      (n) => (window as unknown as { __papermap: { edgeCount(): number } }).__papermap.edgeCount() === n,
      before.edges.length - 1,
      { timeout: 30_000 },
    );
    expect(await readFile(path.join(dir, 'papermap.corrections.txt'), 'utf8')).toBe(
      `reject builds-on ${PAPER} -> concept:grpo\n`,
    );
    // A fresh build of the folder agrees with what the page now shows.
    const after = await expectedGraph(dir);
    expect(after.edges.some((e) => e.key === REJECTED)).toBe(false);
    expect(after.edges.length).toBe(before.edges.length - 1);

    // Confirm another of its edges: after the rebuild the panel shows it as the user's own.
    const other = after.edges.find((e) => e.source === PAPER && e.attributes.type !== 'mentions')!;
    const build = await ph<string>(page, 'h.build');
    await page.goto(`${dev.url}#sel=${encodeURIComponent(PAPER)}`);
    await page.waitForSelector('#panel .neighbours');
    const row = page.locator(`#panel ul[data-type="${other.attributes.type}"] li`, {
      has: page.locator(`button[data-node="${other.target}"]`),
    });
    await row.locator('button.correct-confirm').click();
    await page.waitForFunction(
      (b) => (window as unknown as { __papermap: { build: string } }).__papermap.build !== b,
      build,
      { timeout: 30_000 },
    );
    await page.goto(`${dev.url}#sel=${encodeURIComponent(PAPER)}`);
    await page.waitForSelector('#panel .neighbours');
    expect(await row.locator('.yours').textContent()).toBe('yours');
    expect(await row.locator('button.correct-confirm').count()).toBe(0);
    const confirmed = (await expectedGraph(dir)).edges.find((e) => e.key === other.key)!;
    expect(confirmed.attributes.by).toBe('user');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('rejects a link from the links table: one more line, one edge fewer', async () => {
    const file = path.join(dir, 'papermap.corrections.txt');
    const lines = await readFile(file, 'utf8');
    const before = await expectedGraph(dir);
    const { page, seen } = await openMap(browser, dev.url);
    await page.click('#show-links');
    const row = page.locator('#links-pane:not([hidden]) .link-row').first();
    await row.waitFor();
    const e = Number(await row.getAttribute('data-edge'));
    const edge = before.edges[e]!;
    await row.locator('button.correct-reject').click();
    await page.waitForFunction(
      (n) => (window as unknown as { __papermap: { edgeCount(): number } }).__papermap.edgeCount() === n,
      before.edges.length - 1,
      { timeout: 30_000 },
    );
    const arrow = edge.attributes.type === 'same-group' ? '--' : '->';
    expect(await readFile(file, 'utf8')).toBe(
      `${lines}reject ${edge.attributes.type} ${edge.source} ${arrow} ${edge.target}\n`,
    );
    expect((await expectedGraph(dir)).edges.some((x) => x.key === edge.key)).toBe(false);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('splits a place off a paper from the panel; the split survives a rebuild of the note', async () => {
    const file = path.join(dir, 'papermap.corrections.txt');
    const lines = await readFile(file, 'utf8');
    const before = await expectedGraph(dir);
    const polaris = before.nodes.find((n) => n.attributes.label === 'POLARIS')!;
    expect(polaris.attributes.kind === 'paper' && polaris.attributes.sources.length).toBe(2);
    const { page, seen } = await openMap(browser, `${dev.url}#sel=${encodeURIComponent(polaris.key)}`);
    await page.waitForSelector('#panel .sources');
    // One button per place; a paper of one place has none.
    expect(await page.locator('#panel .sources button.correct-split').count()).toBe(2);
    const place = page.locator('#panel .sources > div', { hasText: 'reinforcement-learning.md:121' });
    await place.locator('button.correct-split').click();
    await page.waitForFunction(
      (n) => (window as unknown as { __papermap: { nodeCount(): number } }).__papermap.nodeCount() === n,
      before.nodes.length + 1,
      { timeout: 30_000 },
    );
    expect(await readFile(file, 'utf8')).toBe(
      `${lines}split ${polaris.key} | reinforcement-learning.md:121\n`,
    );
    const after = await expectedGraph(dir);
    const kept = after.nodes.find((n) => n.key === polaris.key)!;
    expect(kept.attributes.kind === 'paper' && kept.attributes.sources).toEqual([
      { file: 'reinforcement-learning.md', line: 12 },
    ]);
    await page.goto(`${dev.url}#sel=${encodeURIComponent(polaris.key)}`);
    await page.waitForSelector('#panel .sources');
    expect(await page.locator('#panel .sources button.correct-split').count()).toBe(0);
    const lineNo = (await readFile(file, 'utf8')).trimEnd().split('\n').length;
    expect(await page.locator('#panel .sources .by-you').textContent()).toBe(
      `papermap.corrections.txt:${lineNo} yours`,
    );

    // An edit of the note rebuilds the map; the split is still there.
    const build = await ph<string>(page, 'h.build');
    await appendFile(path.join(dir, 'reinforcement-learning.md'), '\nA closing remark.\n');
    await page.waitForFunction(
      (b) => (window as unknown as { __papermap: { build: string } }).__papermap.build !== b,
      build,
      { timeout: 30_000 },
    );
    expect(await ph<number>(page, 'h.nodeCount()')).toBe(after.nodes.length);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('merges a paper into another found by search in the panel', async () => {
    const file = path.join(dir, 'papermap.corrections.txt');
    const lines = await readFile(file, 'utf8');
    const before = await expectedGraph(dir);
    // The seed's CPGD article and its technical report are one work.
    const cpgd = before.nodes.find((n) => n.attributes.label === 'CPGD' && n.key !== 'arxiv:2505.12504')!;
    expect(before.nodes.some((n) => n.key === 'arxiv:2505.12504')).toBe(true);
    const { page, seen } = await openMap(browser, `${dev.url}#sel=${encodeURIComponent(cpgd.key)}`);
    await page.click('#panel button.correct-merge');
    await page.fill('#panel input.merge-search', '2505.12504');
    const pick = page.locator('#panel .merge-results button[data-node="arxiv:2505.12504"]');
    await pick.click();
    await page.waitForFunction(
      (n) => (window as unknown as { __papermap: { nodeCount(): number } }).__papermap.nodeCount() === n,
      before.nodes.length - 1,
      { timeout: 30_000 },
    );
    expect(await readFile(file, 'utf8')).toBe(`${lines}merge arxiv:2505.12504 <- ${cpgd.key}\n`);
    const after = await expectedGraph(dir);
    expect(after.nodes.some((n) => n.key === cpgd.key)).toBe(false);
    const joined = after.nodes.find((n) => n.key === 'arxiv:2505.12504')!;
    expect(joined.attributes.kind === 'paper' && joined.attributes.sources).toEqual(
      expect.arrayContaining(cpgd.attributes.kind === 'paper' ? cpgd.attributes.sources : []),
    );
    // The joined paper's panel shows the merge as the user's own.
    const lineNo = (await readFile(file, 'utf8')).trimEnd().split('\n').length;
    await page.goto(`${dev.url}#sel=${encodeURIComponent('arxiv:2505.12504')}`);
    await page.waitForSelector('#panel .sources');
    expect(await page.locator('#panel .sources .by-you').textContent()).toBe(
      `papermap.corrections.txt:${lineNo} yours`,
    );
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
