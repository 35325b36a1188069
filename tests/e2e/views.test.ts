// The views beside the map on the seed notes: list view, links table, local graph, open-ended dates,
// the camera in the URL and readable hover labels. Expected values come from the build, computed apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PaperNodeAttributes, SerializedGraph } from '../../src/types.js';
import { SEED_CONTENT, clickNode, expectedGraph, launchBrowser, openMap, ph, startDev } from './helpers.js';
import type { DevHandle } from './helpers.js';

let dev: DevHandle;
let browser: Browser;
let graph: SerializedGraph;

beforeAll(async () => {
  [graph, dev, browser] = await Promise.all([
    expectedGraph(SEED_CONTENT),
    startDev(SEED_CONTENT),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

const papers = () => graph.nodes.filter((n) => n.attributes.kind === 'paper');
const attrs = (key: string) => graph.nodes.find((n) => n.key === key)!.attributes as PaperNodeAttributes;
const selected = (page: Page) => ph<string | null>(page, 'h.state().selected');

describe('list view', () => {
  it('lists the visible papers newest first, follows the filters, and selects in both directions', async () => {
    const { page, seen } = await openMap(browser, dev.url);
    await page.click('#show-list');
    await page.waitForSelector('#list-pane:not([hidden]) .row');
    expect(page.url()).toContain('pane=list');
    expect(await page.textContent('#list-count')).toBe(`${papers().length} papers`);
    // Newest first: the first row is a paper with the latest note date.
    const latest = papers()
      .map((n) => (n.attributes as PaperNodeAttributes).date ?? '')
      .sort()
      .at(-1)!;
    const first = await page.locator('#list-rows .row').first().getAttribute('data-node');
    expect(attrs(first!).date).toBe(latest);

    // Row -> node: clicking a row selects the paper and opens its panel.
    const row = page.locator('#list-rows .row').nth(3);
    const key = (await row.getAttribute('data-node'))!;
    await row.click();
    await page.waitForSelector('#panel:not([hidden]) #panel-title');
    expect(await selected(page)).toBe(key);
    expect(await page.textContent('#panel-title')).toBe(attrs(key).title);

    // Keyboard: ArrowDown moves to the next row and selects it.
    await page.focus('#list-rows');
    await page.keyboard.press('ArrowDown');
    const next = await page.locator('#list-rows .row').nth(4).getAttribute('data-node');
    await page.waitForFunction(
      (k) =>
        (window as never as { __papermap: { state(): { selected: string } } }).__papermap.state().selected ===
        k,
      next,
    );
    expect(await page.locator('#list-rows .row[aria-selected="true"]').getAttribute('data-node')).toBe(next);

    // Node -> row: choosing a paper elsewhere (its neighbour in the panel) marks its row.
    const neighbour = await page
      .locator('#panel .neighbours button[data-node]')
      .first()
      .getAttribute('data-node');
    if (neighbour && attrs(neighbour)?.kind === 'paper') {
      await page.locator('#panel .neighbours button[data-node]').first().click();
      await page.waitForSelector(`#list-rows .row[aria-selected="true"][data-node="${neighbour}"]`);
    }

    // Sort by title: alphabetical by name.
    await page.click('#list-head button[data-sort="title"]');
    const names = await page.locator('#list-rows .row .c-title').allTextContents();
    const norm = (s: string) => s.normalize('NFKC').toLowerCase();
    expect(names.map(norm)).toEqual([...names.map(norm)].sort());

    // Filters shape the list: a date range from the first dated paper's date on.
    const dates = papers()
      .map((n) => (n.attributes as PaperNodeAttributes).date)
      .filter(Boolean)
      .sort() as string[];
    const from = dates[Math.floor(dates.length / 2)]!;
    await page.fill('#date-from', from);
    await page.dispatchEvent('#date-from', 'change');
    const want = dates.filter((d) => d >= from).length;
    await page.waitForFunction(
      (n) => document.querySelector('#list-count')?.textContent === `${n} papers`,
      want,
    );

    // Search in the list.
    const target = papers().find(
      (n) =>
        (n.attributes as PaperNodeAttributes).arxiv &&
        ((n.attributes as PaperNodeAttributes).date ?? '') >= from,
    )!;
    await page.fill('#list-search', (target.attributes as PaperNodeAttributes).arxiv!);
    await page.waitForFunction(() => document.querySelectorAll('#list-rows .row').length === 1);
    expect(await page.locator('#list-rows .row').getAttribute('data-node')).toBe(target.key);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe('date range and camera', () => {
  it('filters with only a from date, says how many papers have no date, and keeps the camera in the URL', async () => {
    const { page } = await openMap(browser, dev.url);
    const dates = papers().map((n) => (n.attributes as PaperNodeAttributes).date ?? '');
    const from = [...dates].filter(Boolean).sort()[Math.floor(dates.length / 3)]!;
    await page.fill('#date-from', from);
    await page.dispatchEvent('#date-from', 'change');
    const want = dates.filter((d) => d && d >= from).length;
    expect(await ph<number>(page, 'h.visiblePapers()')).toBe(want);
    expect(page.url()).toContain(`from=${from}`);
    expect(page.url()).not.toContain('to=');
    expect(await page.textContent('#map-status')).toContain(`${want} of ${papers().length} papers`);

    // Publication dates: papers without one take their arXiv id's month; the rest are counted.
    await page.check('input[name="date-field"][value="published"]');
    const undated = papers().filter((n) => {
      const a = n.attributes as PaperNodeAttributes;
      return !a.published && !a.arxiv;
    }).length;
    if (undated > 0)
      expect(await page.textContent('#undated')).toContain(`${undated} papers have no publication date`);
    expect(await ph<number>(page, 'h.visiblePapers()')).toBeGreaterThan(1);

    // The camera goes to the URL once it rests, and a link with it reopens the same view.
    await ph(page, 'h.camera({ x: 0.3, y: 0.6, ratio: 0.5 })');
    await page.waitForFunction(() => location.hash.includes('cam='));
    const url = page.url();
    const { page: again } = await openMap(browser, url);
    const cam = await ph<{ x: number; y: number; ratio: number }>(again, 'h.camera()');
    expect(cam.x).toBeCloseTo(0.3, 3);
    expect(cam.y).toBeCloseTo(0.6, 3);
    expect(cam.ratio).toBeCloseTo(0.5, 3);
    await again.close();
    await page.close();
  });

  it('labels only the neighbours that fit when hovering the most connected paper', async () => {
    const { page } = await openMap(browser, dev.url);
    const hub = await ph<string>(page, 'h.hub()');
    const degree = graph.edges.filter((e) => e.source === hub || e.target === hub).length;
    const pos = await ph<{ x: number; y: number }>(page, `h.nodeScreenPosition(${JSON.stringify(hub)})`);
    await page.mouse.move(pos.x, pos.y);
    await page.waitForFunction(
      (k) =>
        (window as never as { __papermap: { state(): { hovered: string } } }).__papermap.state().hovered ===
        k,
      hub,
    );
    const labels = await ph<number>(page, 'h.focusLabels()');
    expect(labels).toBeGreaterThan(0);
    expect(labels).toBeLessThanOrEqual(Math.min(30, degree));
    await page.close();
  });
});

describe('links table', () => {
  it('lists every drawn link with its evidence, filters by type and searches the evidence', async () => {
    const { page, seen } = await openMap(browser, dev.url, { width: 1440, height: 900 });
    await page.click('#show-links');
    await page.waitForSelector('#links-pane:not([hidden]) .link-row');
    const shown = await ph<number>(page, 'h.visibleEdges()');
    expect(await page.textContent('#links-count')).toContain(`${shown} of ${shown} links`);
    // Evidence arrives for the rows in sight.
    await page.waitForFunction(() => {
      const e = document.querySelector('#links-rows .link-row .evidence');
      return !!e && e.textContent !== '…';
    });
    // Type filter: only compares links.
    const compares = graph.edges.filter((e) => e.attributes.type === 'compares').length;
    await page.selectOption('#links-type', 'compares');
    await page.waitForFunction(
      (n) => document.querySelector('#links-count')?.textContent?.startsWith(`${n} of`),
      compares,
    );
    expect(await page.locator('#links-rows .link-row[data-type]:not([data-type="compares"])').count()).toBe(
      0,
    );
    // Search a word of one link's evidence: that link is found (all evidence gets loaded to search it).
    await page.selectOption('#links-type', '');
    const edge = graph.edges.find((e) => e.attributes.type === 'builds-on' && e.attributes.evidence[0])!;
    const word = edge.attributes.evidence[0]!.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    await page.fill('#links-search', word);
    const src = edge.source;
    await page.waitForSelector(`#links-rows .link-row .end[data-node="${src}"]`, { timeout: 30_000 });
    // Clicking an end selects that node.
    await page.locator(`#links-rows .link-row .end[data-node="${src}"]`).first().click();
    await page.waitForSelector('#panel:not([hidden]) #panel-title');
    expect(await selected(page)).toBe(src);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe('local graph', () => {
  it('shows a paper with what it builds on and what builds on it, to a depth, with a way back', async () => {
    const counts = new Map<string, number>();
    for (const e of graph.edges)
      if (e.attributes.type === 'builds-on')
        for (const k of [e.source, e.target]) counts.set(k, (counts.get(k) ?? 0) + 1);
    const root = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const near = new Set<string>([root]);
    for (const e of graph.edges) {
      // The links the local graph follows.
      if (!['builds-on', 'critiques', 'compares', 'same-group'].includes(e.attributes.type)) continue;
      if (e.source === root) near.add(e.target);
      if (e.target === root) near.add(e.source);
    }
    const { page, seen } = await openMap(browser, dev.url);
    await clickNode(page, root);
    await page.waitForSelector('#panel:not([hidden]) .show-local');
    await page.click('#panel .show-local');
    await page.waitForSelector('#local-view:not([hidden]) #local-back');
    expect(page.url()).toContain(`local=${encodeURIComponent(root)}`);
    const one = await ph<{ nodes: number; edges: number }>(page, 'h.local()');
    expect(one.nodes).toBe(near.size);
    // Names: the root's and its neighbours' where they fit, drawn once sigma has drawn the nodes.
    await page.waitForFunction(() => {
      const l = (
        window as never as { __papermap: { local(): { labels: number } | null } }
      ).__papermap.local();
      return !!l && l.labels > 1;
    });
    const named = await ph<{ nodes: number; labels: number }>(page, 'h.local()');
    expect(named.labels).toBeLessThanOrEqual(named.nodes);
    await page.click('#local-bar button[data-depth="2"]');
    await page.waitForFunction(() => location.hash.includes('depth=2'));
    const two = await ph<{ nodes: number; edges: number }>(page, 'h.local()');
    expect(two.nodes).toBeGreaterThanOrEqual(one.nodes);
    const px = await page.locator('#local-map canvas').first().boundingBox();
    expect(px!.width).toBeGreaterThan(300);
    // Back to the whole map.
    await page.click('#local-back');
    await page.waitForSelector('#local-view[hidden]', { state: 'attached' });
    expect(await ph<unknown>(page, 'h.local()')).toBeNull();
    expect(page.url()).not.toContain('local=');
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
