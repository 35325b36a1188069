// A note full of script, handlers, frames, SVG, javascript:/data: links and CSS tricks renders inert.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectedGraph, launchBrowser, openMap, ph, removeDir, startDev, tempContent } from './helpers.js';
import type { DevHandle } from './helpers.js';

let dir: string;
let dev: DevHandle;
let browser: Browser;

beforeAll(async () => {
  const note = await readFile(path.join(import.meta.dirname, 'fixtures/hostile.md'), 'utf8');
  dir = await tempContent({ 'hostile.md': note }, false);
  [dev, browser] = await Promise.all([startDev(dir), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  if (dir) await removeDir(dir);
});

describe('hostile note', () => {
  it('builds: the hostile summary really reaches the page as raw HTML (so the test means something)', async () => {
    const graph = await expectedGraph(dir);
    const node = graph.nodes.find((n) => n.key === 'arxiv:2506.99999')!;
    expect(node.attributes.kind === 'paper' && node.attributes.summary).toContain('<script>');
    expect(node.attributes.kind === 'paper' && node.attributes.summary).toContain('onerror=');
    expect(node.attributes.kind === 'paper' && node.attributes.summary).toContain('javascript:');
  });

  it('renders inert: no script runs, no handler, frame, SVG, style or unsafe URL reaches the DOM', async () => {
    const { page, seen } = await openMap(browser, dev.url);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp?.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe');

    await page.locator('#search-input').click();
    await page.keyboard.type('2506.99999');
    await page.waitForSelector('#search-results:not([hidden]) li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel .summary');
    expect(await page.textContent('#panel-title')).toBe('Hostile Paper About Safety');

    // Interact with everything that could carry a handler.
    for (const el of await page.locator('#panel .summary *').all())
      await el.hover({ force: true }).catch(() => undefined);
    const deadLink = page.locator('#panel .summary a', { hasText: 'click me' });
    expect(await deadLink.count()).toBe(1);
    await deadLink.click();
    await page.waitForTimeout(500);

    const report = await page.evaluate(() => {
      const summary = document.querySelector('#panel .summary')!;
      const all = [...document.querySelectorAll('#panel *')];
      return {
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        dangerous: [
          ...summary.querySelectorAll(
            'script, iframe, frame, object, embed, svg, math, form, style, link, meta, base',
          ),
        ].map((e) => e.tagName),
        handlers: all.flatMap((e) =>
          [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}@${a.name}`),
        ),
        styled: all.filter((e) => e.hasAttribute('style') && e.closest('.summary')).length,
        hrefs: [...document.querySelectorAll('#panel a')].map((a) => a.getAttribute('href')),
        rels: [...summary.querySelectorAll('a[href]')].map(
          (a) => `${a.getAttribute('rel')}|${a.getAttribute('target')}`,
        ),
        imgs: [...summary.querySelectorAll('img')].map((i) => i.getAttribute('src')),
        bodyVisible: getComputedStyle(document.body).display !== 'none',
        text: summary.textContent ?? '',
        scripts: [...document.scripts].map((s) => s.src || 'inline'),
      };
    });
    expect(report.pwned).toBeNull();
    expect(seen.dialogs).toEqual([]);
    expect(report.dangerous).toEqual([]);
    expect(report.handlers).toEqual([]);
    expect(report.styled).toBe(0);
    for (const href of report.hrefs) if (href !== null) expect(href).toMatch(/^(https?:|mailto:)/);
    expect(report.hrefs).toContain('https://example.org/ok');
    expect(report.rels.every((r) => r === 'noopener noreferrer|_blank')).toBe(true);
    expect(report.imgs).toEqual([]);
    expect(report.bodyVisible).toBe(true);
    expect(report.text).toContain('cover'); // the text of a stripped element stays readable
    expect(report.scripts.every((s) => s !== 'inline')).toBe(true);
    // The map is still there and working.
    expect(await ph<number>(page, 'h.nodeCount()')).toBe(2);
    await page.close();
  });
});
