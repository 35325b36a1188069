// Paper names on the map, in a real browser: drawn by the browser's own text (sigma 4's glyph atlas shows
// wrong characters past its first ~570 glyphs, which a map of Chinese titles passes at once), chosen so that
// no two touch, on the seed and on a generated folder with thousands of distinct characters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SEED_CONTENT, launchBrowser, openMap, ph, removeDir, startDev, tempContent } from './helpers.js';
import type { DevHandle } from './helpers.js';

interface LabelBox {
  id: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A digest of `n` dated entries, each an arXiv paper titled with Chinese characters none of the others repeat much. */
function manyCharacters(n: number): { text: string; distinct: number } {
  const chars = new Set<string>();
  const lines = ['# 每日论文', ''];
  for (let k = 0; k < n; k++) {
    let title = '';
    for (let c = 0; c < 9; c++) {
      const ch = String.fromCodePoint(0x4e00 + (((k * 9 + c) * 7919) % 6000));
      chars.add(ch);
      title += ch;
    }
    const id = `2507.${String(10000 + k).padStart(5, '0')}`;
    lines.push(
      `${k + 1}. 2025-07-${String(1 + (k % 28)).padStart(2, '0')} ｜ ${title} https://arxiv.org/abs/${id}`,
      '',
    );
  }
  return { text: lines.join('\n'), distinct: chars.size };
}

/** Pairs of label boxes that overlap. */
function overlapping(boxes: readonly LabelBox[]): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < boxes.length; a++)
    for (let b = a + 1; b < boxes.length; b++) {
      const p = boxes[a]!;
      const q = boxes[b]!;
      if (Math.min(p.x1, q.x1) > Math.max(p.x0, q.x0) && Math.min(p.y1, q.y1) > Math.max(p.y0, q.y0))
        out.push([p.id, q.id]);
    }
  return out;
}

/** Opaque pixels of the names canvas inside a box (CSS pixels). */
function inked(page: Page, box: LabelBox): Promise<number> {
  return page.evaluate((b) => {
    const c = document.getElementById('node-labels') as HTMLCanvasElement;
    const r = window.devicePixelRatio || 1;
    const x0 = Math.max(0, Math.floor(b.x0 * r));
    const y0 = Math.max(0, Math.floor(b.y0 * r));
    const w = Math.min(c.width - x0, Math.ceil((b.x1 - b.x0) * r));
    const h = Math.min(c.height - y0, Math.ceil((b.y1 - b.y0) * r));
    if (w <= 0 || h <= 0) return 0;
    const data = c.getContext('2d')!.getImageData(x0, y0, w, h).data;
    let n = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k]! > 128) n++;
    return n;
  }, box);
}

async function zoomTo(page: Page, camera: { x: number; y: number; ratio: number }): Promise<LabelBox[]> {
  await page.evaluate((c) => {
    (window as never as { __papermap: { camera(c: unknown): void } }).__papermap.camera(c);
  }, camera);
  // Names are chosen again once the camera rests.
  await page.waitForTimeout(800);
  return ph<LabelBox[]>(page, 'h.mapLabels()');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('paper names on the map', () => {
  it('names the seed papers that fit, none touching another, drawn on the names canvas', async () => {
    const dev: DevHandle = await startDev(SEED_CONTENT);
    try {
      const { page, seen } = await openMap(browser, dev.url);
      for (const ratio of [1, 0.4]) {
        const boxes = await zoomTo(page, { x: 0.5, y: 0.5, ratio });
        expect(boxes.length).toBeGreaterThan(5);
        expect(overlapping(boxes)).toEqual([]);
        // Nor over a topic name.
        const topics = await ph<Omit<LabelBox, 'id'>[]>(page, 'h.topicNameBoxes()');
        expect(topics.length).toBeGreaterThan(0);
        expect(
          overlapping([...boxes, ...topics.map((t) => ({ ...t, id: -1 }))]).filter(
            ([a, b]) => a < 0 || b < 0,
          ),
        ).toEqual([]);
        for (const b of boxes.filter((b) => b.x1 < 1100).slice(0, 5))
          expect(await inked(page, b)).toBeGreaterThan(15);
      }
      expect(seen.errors).toEqual([]);
      await page.close();
    } finally {
      await dev.close();
    }
  });

  it('names papers of a folder with thousands of distinct Chinese characters, zoomed in, without overlap', async () => {
    const { text, distinct } = manyCharacters(1500);
    expect(distinct).toBeGreaterThan(2000); // far past sigma's one atlas page
    const dir = await tempContent({ 'daily.md': text }, false);
    const dev: DevHandle = await startDev(dir);
    try {
      const { page, seen } = await openMap(browser, dev.url);
      expect(await ph<number>(page, 'h.visiblePapers()')).toBe(1500);
      const boxes = await zoomTo(page, { x: 0.5, y: 0.5, ratio: 0.08 });
      expect(boxes.length).toBeGreaterThan(5);
      expect(overlapping(boxes)).toEqual([]);
      for (const b of boxes.filter((b) => b.x1 < 1100).slice(0, 8))
        expect(await inked(page, b)).toBeGreaterThan(15);
      expect(seen.errors).toEqual([]);
      await page.close();
    } finally {
      await dev.close();
      await removeDir(dir);
    }
  });
});
