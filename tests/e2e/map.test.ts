// The seed map in a real browser: counts, panel, filters, search, history, and the dev server's guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PaperNodeAttributes, SerializedGraph } from '../../src/types.js';
import { SEED_CONTENT, expectedGraph, launchBrowser, openMap, ph, rawGet, startDev } from './helpers.js';
import type { DevHandle, PageErrors } from './helpers.js';

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
const paperAttrs = (key: string) => graph.nodes.find((n) => n.key === key)!.attributes as PaperNodeAttributes;

async function fresh(): Promise<{ page: Page; seen: PageErrors }> {
  return openMap(browser, dev.url);
}

describe('the seed map', () => {
  it('loads every node and edge of the build and draws them in colour', async () => {
    const { page, seen } = await fresh();
    expect(await ph<number>(page, 'h.nodeCount()')).toBe(graph.nodes.length);
    expect(await ph<number>(page, 'h.edgeCount()')).toBe(graph.edges.length);
    expect(await ph<number>(page, 'h.visiblePapers()')).toBe(papers().length);
    const px = await ph<{ colours: number; drawn: number }>(page, 'h.pixels()');
    expect(px.colours).toBeGreaterThan(20); // not blank, not one colour
    expect(px.drawn).toBeGreaterThan(5000);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('opens a paper on click: title, date, evidence; neighbours navigate; Back and Escape work', async () => {
    // The best-connected dated paper with a non-mention edge: its evidence must show in the panel.
    const degree = new Map<string, number>();
    for (const e of graph.edges) {
      if (e.attributes.type === 'mentions') continue;
      for (const k of [e.source, e.target]) degree.set(k, (degree.get(k) ?? 0) + 1);
    }
    const known = papers()
      .filter((n) => (n.attributes as PaperNodeAttributes).date && degree.has(n.key))
      .sort((a, b) => degree.get(b.key)! - degree.get(a.key)! || (a.key < b.key ? -1 : 1))[0]!;
    const attrs = paperAttrs(known.key);
    const edge = graph.edges.find(
      (e) => e.attributes.type !== 'mentions' && (e.source === known.key || e.target === known.key),
    )!;

    const { page } = await fresh();
    // The pointer on the node makes it the hovered one, and its neighbourhood the focus. Checked before the click:
    // the panel the click opens may then cover a node near the right edge.
    const pos = (await ph<{ x: number; y: number } | null>(
      page,
      `h.nodeScreenPosition(${JSON.stringify(known.key)})`,
    ))!;
    await page.mouse.move(pos.x, pos.y);
    await page.waitForFunction(
      (k) =>
        (window as never as { __papermap: { state(): { hovered: string | null } } }).__papermap.state()
          .hovered === k,
      known.key,
      { timeout: 5_000, polling: 20 },
    );
    expect(await ph<string | null>(page, 'h.state().hovered')).toBe(known.key);
    await page.mouse.click(pos.x, pos.y);
    await page.waitForSelector('#panel:not([hidden]) .summary, #panel:not([hidden]) .neighbours');
    expect(await ph<string | null>(page, 'h.state().selected')).toBe(known.key);
    expect(await page.textContent('#panel-title')).toBe(attrs.title);
    expect(await page.textContent('#panel [data-field="date"]')).toBe(attrs.date);
    const evidence = (await page.locator('#panel .evidence').allTextContents()).map((t) => t.trim());
    expect(evidence).toContain(edge.attributes.evidence[0]!.trim());
    expect(page.url()).toContain(`sel=${encodeURIComponent(known.key)}`);

    const other = edge.source === known.key ? edge.target : edge.source;
    await page.locator(`#panel .neighbours button[data-node="${other}"]`).first().click();
    await page.waitForFunction(
      (k) =>
        document.querySelector('#panel-title') &&
        (window as never as { __papermap: { state(): { selected: string } } }).__papermap.state().selected ===
          k,
      other,
    );
    await page.goBack();
    await page.waitForFunction(
      (k) =>
        (window as never as { __papermap: { state(): { selected: string } } }).__papermap.state().selected ===
        k,
      known.key,
    );
    expect(await page.textContent('#panel-title')).toBe(attrs.title);

    await page.keyboard.press('Escape');
    expect(await page.isHidden('#panel')).toBe(true);
    expect(await ph<string | null>(page, 'h.state().selected')).toBeNull();
    await page.close();
  });

  it('date brush and topic checkbox combine and reduce the visible papers to the expected count', async () => {
    const { page } = await fresh();
    const box = (await page.locator('#timeline').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.up();
    const range = await ph<[string, string]>(page, 'h.state().filters.dateRange');
    expect(range).not.toBeNull();
    const inRange = (k: string) => {
      const d = paperAttrs(k).date;
      return !!d && d >= range[0] && d <= range[1];
    };
    const byDate = papers().filter((n) => inRange(n.key));
    expect(byDate.length).toBeGreaterThan(0);
    expect(byDate.length).toBeLessThan(papers().length);
    expect(await ph<number>(page, 'h.visiblePapers()')).toBe(byDate.length);
    expect(page.url()).toContain(`from=${range[0]}`);

    // The subtopic holding most of the brushed papers.
    const topics = graph.attributes.topics.filter((t) => t.path.length === 2);
    const under = (k: string, path: string[]) => path.every((p, i) => paperAttrs(k).topicPath[i] === p);
    const topic = topics
      .map((t) => ({ t, n: byDate.filter((p) => under(p.key, t.path)).length }))
      .sort((a, b) => b.n - a.n)[0]!.t;
    const ti = graph.attributes.topics.indexOf(topic);
    await page.locator(`#topic-tree input[data-topic="${ti}"]`).uncheck();
    const want = byDate.filter((p) => !under(p.key, topic.path)).length;
    expect(want).toBeLessThan(byDate.length);
    expect(await ph<number>(page, 'h.visiblePapers()')).toBe(want);
    expect(await ph<string[]>(page, 'h.state().filters.hiddenTopics')).toEqual([topic.key]);

    // Back undoes the topic filter, keeping the date range.
    await page.goBack();
    await page.waitForFunction(
      (n) =>
        (window as never as { __papermap: { visiblePapers(): number } }).__papermap.visiblePapers() === n,
      byDate.length,
    );
    await page.close();
  });

  it('search finds a paper by its Chinese title, then centres and selects it', async () => {
    const target = papers().find((n) =>
      (n.attributes as PaperNodeAttributes).altTitles.some((t) => /[\u4e00-\u9fff]{6}/.test(t)),
    )!;
    const zh = (target.attributes as PaperNodeAttributes).altTitles.find((t) =>
      /[\u4e00-\u9fff]{6}/.test(t),
    )!;
    const query = zh.slice(0, Math.min(10, zh.length));
    const { page } = await fresh();
    // Hold the search extras back so that typing runs ahead of them, as on a slow connection.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/search.json*', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('#search-input').click();
    await page.keyboard.type(query);
    // The Chinese title is an other title: until the extras arrive the list says it is still searching,
    // not "No match".
    await page.waitForSelector('#search-results:not([hidden]) li.pending');
    expect(await page.textContent('#search-results li')).toContain('Searching');
    release();
    await page.waitForSelector('#search-results:not([hidden]) li:not(.empty)');
    const first = await page.locator('#search-results li').first().textContent();
    expect(first).toContain(query);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden]) #panel-title');
    expect(await ph<string | null>(page, 'h.state().selected')).toBe(target.key);
    expect(await page.textContent('#panel-title')).toBe(target.attributes.title);
    await page.fill('#search-input', 'zzqx no such paper');
    await page.waitForSelector('#search-results:not([hidden]) li.empty');
    expect(await page.textContent('#search-results li')).toBe('No match');
    await page.close();
  });
});

describe('exports and appearance', () => {
  it('exports the view as PNG and the visible graph as GEXF and JSON', async () => {
    const { page } = await fresh();
    const get = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const file = await download.path();
      const { readFile } = await import('node:fs/promises');
      return { name: download.suggestedFilename(), bytes: await readFile(file) };
    };
    const png = await get('#export-png');
    expect(png.name).toBe('papermap.png');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const gexf = await get('#export-gexf');
    expect(gexf.bytes.toString()).toContain('<gexf');
    const visibleEdges = await ph<number>(page, 'h.visibleEdges()');
    const json = JSON.parse((await get('#export-json')).bytes.toString());
    expect(json.nodes).toHaveLength(await ph<number>(page, 'h.visibleNodes()'));
    expect(json.edges).toHaveLength(visibleEdges);
    await page.close();
  });

  it('colours by community on demand, marking papers whose community differs from their topic', async () => {
    const { page } = await fresh();
    const before = await ph<{ colours: number }>(page, 'h.pixels()');
    await page.selectOption('#color-by', 'community');
    expect(page.url()).toContain('color=community');
    expect(await page.textContent('#legend')).toContain('community differs');
    const after = await ph<{ colours: number }>(page, 'h.pixels()');
    expect(after.colours).toBeGreaterThan(20);
    expect(after.colours).not.toBe(before.colours);
    await page.close();
  });
});

describe('open the note in an editor', () => {
  const post = (pathAndQuery: string, headers: Record<string, string>) =>
    fetch(`${dev.url.replace(/\/$/, '')}${pathAndQuery}`, { method: 'POST', headers });
  it('answers only same-origin POSTs for notes inside the content folder', async () => {
    const file = graph.nodes.find((n) => n.attributes.sources.length)!.attributes.sources[0]!;
    const q = `/__papermap/open?file=${encodeURIComponent(file.file)}&line=${file.line}`;
    const origin = dev.url.replace(/\/$/, '');
    const saved = { p: process.env.PAPERMAP_EDITOR, v: process.env.VISUAL, e: process.env.EDITOR };
    delete process.env.PAPERMAP_EDITOR;
    delete process.env.VISUAL;
    delete process.env.EDITOR;
    try {
      // No editor configured: the page is told so (and shows the lines instead).
      expect((await post(q, { Origin: origin })).status).toBe(501);
      // Another site, no origin, a GET, a path out of the folder, a file that is not a note: refused.
      expect((await post(q, { Origin: 'http://evil.example' })).status).toBe(403);
      expect((await post(q, {})).status).toBe(403);
      expect((await fetch(`${origin}${q}`)).status).not.toBe(204);
      for (const bad of ['../package.json', '../../etc/passwd', '/etc/passwd', 'x.md', '%2e%2e/README.md'])
        expect((await post(`/__papermap/open?file=${bad}&line=1`, { Origin: origin })).status).toBe(403);
    } finally {
      if (saved.p !== undefined) process.env.PAPERMAP_EDITOR = saved.p;
      if (saved.v !== undefined) process.env.VISUAL = saved.v;
      if (saved.e !== undefined) process.env.EDITOR = saved.e;
    }
  });
});

describe('the dev server', () => {
  it('serves the app and the graph, bound to localhost', async () => {
    expect(dev.server.httpServer?.address()).toMatchObject({ address: '127.0.0.1' });
    expect((await rawGet(dev.port, '/')).status).toBe(200);
    const map = await rawGet(dev.port, '/data/map.json');
    expect(map.status).toBe(200);
    expect(JSON.parse(map.body).nodes.label).toHaveLength(graph.nodes.length);
  });

  it.each([
    '/../package.json',
    '/../../etc/passwd',
    '/%2e%2e/package.json',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/%252e%252e/package.json',
    '/src/app/..%2f..%2f..%2fpackage.json',
    '/src/app/%2e%2e/%2e%2e/content/reinforcement-learning.md',
    '/data/..%5c..%5cpackage.json',
    '/content/reinforcement-learning.md',
    '/content/',
    `/@fs${SEED_CONTENT}/reinforcement-learning.md`,
    '/@fs/etc/passwd',
    '/package.json',
    '/src/cli/dev.ts',
    '/.git/config',
    '/data/../../package.json',
  ])('refuses %s', async (p) => {
    const res = await rawGet(dev.port, p);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('"name": "papermap"');
    expect(res.body).not.toContain('强化学习');
  });
});
