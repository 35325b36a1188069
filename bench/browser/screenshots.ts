// Screenshots of a running map (dev server or static site) for the README and for looking at changes:
//   [SHOTS=name,...] [SHOT_FORMAT=jpg] npx tsx bench/browser/screenshots.ts http://127.0.0.1:5173/ OUT_DIR [prefix]
// Whole map, two closer zooms, a hovered hub, the list view, the local graph and the links table, at
// 1440x900 in headless Chromium with software WebGL (fonts-noto-cjk installed, so CJK shows as text).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/chromium.js';

const [url = 'http://127.0.0.1:5173/', out = 'docs/screenshots', prefix = ''] = process.argv.slice(2);
const only = (process.env.SHOTS ?? '').split(',').filter(Boolean);
/** `jpg` keeps a set of dense maps small enough for the repository (PNG of a 6,000-node map is ~1 MB). */
const ext = process.env.SHOT_FORMAT === 'jpg' ? 'jpg' : 'png';

const h = <T>(page: Page, expr: string): Promise<T> =>
  page.evaluate(`(() => { const h = window.__papermap; return ${expr}; })()`) as Promise<T>;

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(url + hash);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __papermap?: { ready: boolean; frames(): number } };
      return !!w.__papermap?.ready && w.__papermap.frames() > 0;
    },
    null,
    { timeout: 180_000 },
  );
  await page.waitForTimeout(800);
}

const shots: Record<string, (page: Page) => Promise<void>> = {
  'zoom-1-whole': async (page) => open(page),
  'zoom-2-closer': async (page) => {
    await open(page);
    await h(page, 'h.camera({ x: 0.5, y: 0.5, ratio: 0.4 })');
  },
  'zoom-3-close': async (page) => {
    await open(page);
    await h(page, 'h.camera({ x: 0.5, y: 0.5, ratio: 0.12 })');
  },
  'hover-hub': async (page) => {
    // The paper with the most links the map shows by default (uses and mentions are off).
    await open(page);
    const hub = await h<string>(page, "h.hub(['builds-on', 'critiques', 'compares', 'same-group'])");
    const pos = await h<{ x: number; y: number }>(page, `h.nodeScreenPosition(${JSON.stringify(hub)})`);
    await page.mouse.move(pos.x, pos.y);
  },
  'list-view': async (page) => {
    await open(page, '#pane=list');
    const hub = await h<string>(page, 'h.hub()');
    await open(page, `#pane=list&sel=${encodeURIComponent(hub)}`);
  },
  'local-graph': async (page) => {
    await open(page);
    const hub = await h<string>(page, "h.hub(['builds-on', 'critiques'])");
    await open(page, `#local=${encodeURIComponent(hub)}&depth=2`);
  },
  'links-table': async (page) => open(page, '#pane=links'),
  'community-legend': async (page) => {
    await open(page, '#color=community');
    const tree = await page.evaluate(() => document.getElementById('topic-tree')!.scrollHeight);
    console.log(`topic tree: ${tree} px tall`);
    await page.evaluate(() => document.getElementById('legend')!.scrollIntoView());
  },
  panel: async (page) => {
    await open(page);
    const hub = await h<string>(page, 'h.hub()');
    await open(page, `#sel=${encodeURIComponent(hub)}`);
  },
};

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
await mkdir(out, { recursive: true });
try {
  for (const [name, go] of Object.entries(shots)) {
    if (only.length && !only.includes(name)) continue;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => console.log(`${name}: page error: ${String(e)}`));
    await go(page);
    await page.waitForTimeout(1200);
    const file = join(out, `${prefix}${name}.${ext}`);
    await page.screenshot(ext === 'jpg' ? { path: file, type: 'jpeg', quality: 72 } : { path: file });
    console.log(`saved ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
