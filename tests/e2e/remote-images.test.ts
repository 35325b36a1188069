// An image from another site in a note's summary is a tracking beacon: by default the page does not load it
// (Content-Security-Policy and sanitizer) and shows a link in its place; `--remote-images` allows it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/cli/dev.js';
import type { PageServer } from '../../src/cli/server.js';
import { launchBrowser, removeDir, tempContent } from './helpers.js';

const NOTE = `+++
title = 'images'
+++

# Images

1. 2025-06-12 12:01:12 Thursday ｜

 Beacon Paper About Tracking
 **链接** ：https://arxiv.org/abs/2506.99997

 **作者** ： Eve Tracker
 **摘要** ：A summary with a picture ![beacon](https://tracker.example/a.png) and text after it.
`;

let dir: string;
let browser: Browser;
const servers: PageServer[] = [];

beforeAll(async () => {
  dir = await tempContent({ 'images.md': NOTE }, false);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  if (dir) await removeDir(dir);
});

async function openPanel(remoteImages: boolean): Promise<{ page: Page; tracker: string[] }> {
  const server = await startDevServer(
    { content: dir, port: 0, host: '127.0.0.1', synthetic: null, remoteImages },
    () => undefined,
  );
  servers.push(server);
  const page = await browser.newPage();
  const tracker: string[] = [];
  await page.route('https://tracker.example/**', (route) => {
    tracker.push(route.request().url());
    void route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.alloc(0) });
  });
  await page.goto(server.url);
  await page.waitForFunction(
    () => (window as unknown as { __papermap?: { ready: boolean } }).__papermap?.ready,
  );
  await page.locator('#search-input').click();
  await page.keyboard.type('2506.99997');
  await page.waitForSelector('#search-results:not([hidden]) li');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel .summary');
  await page.waitForTimeout(300);
  return { page, tracker };
}

describe('remote images in summaries', () => {
  it('are not loaded by default: a link to the image takes their place', async () => {
    const { page, tracker } = await openPanel(false);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toMatch(/img-src 'self' blob:;/);
    expect(await page.locator('#panel .summary img').count()).toBe(0);
    const link = page.locator('#panel .summary a[href="https://tracker.example/a.png"]');
    expect(await link.getAttribute('href')).toBe('https://tracker.example/a.png');
    expect(await link.textContent()).toContain('tracker.example');
    expect(await page.textContent('#panel .summary')).toContain('text after it');
    expect(tracker).toEqual([]);
    await page.close();
  });

  it('load when allowed', async () => {
    const { page, tracker } = await openPanel(true);
    expect(await page.locator('#panel .summary img').getAttribute('src')).toBe(
      'https://tracker.example/a.png',
    );
    expect(tracker).toEqual(['https://tracker.example/a.png']);
    await page.close();
  });
});
