// LaTeX in a summary is typeset (KaTeX, MathML) and stays inert: no link, script or style gets through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openMap, removeDir, startDev, tempContent } from './helpers.js';
import type { DevHandle } from './helpers.js';

const NOTE = `+++
title = 'latex'
date = 2025-08-08T00:00:00+08:00
+++

# 数学

1. 2025-06-12 12:01:12 Thursday ｜

 Scaling Laws For Tiny Models
 **链接** ：https://arxiv.org/abs/2506.88888

 **摘要** ：We introduce \\textbf{TINY} and show loss $L(N) = a N^{-\\alpha}$ with $\\alpha \\approx 0.3$. Bad math $\\href{javascript:window.__pwned=1}{click}$ and $\\htmlStyle{color:red}{x}$ stay inert; prices like $5 and $6 stay text.
`;

let dir: string;
let dev: DevHandle;
let browser: Browser;

beforeAll(async () => {
  dir = await tempContent({ 'latex.md': NOTE }, false);
  [dev, browser] = await Promise.all([startDev(dir), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  if (dir) await removeDir(dir);
});

describe('LaTeX in summaries', () => {
  it('typesets math and text commands, and keeps untrusted TeX inert', async () => {
    const { page, seen } = await openMap(browser, `${dev.url}#sel=${encodeURIComponent('arxiv:2506.88888')}`);
    await page.waitForSelector('#panel .summary');
    const r = await page.evaluate(() => {
      const s = document.querySelector('#panel .summary')!;
      return {
        maths: s.querySelectorAll('math').length,
        strong: [...s.querySelectorAll('strong')].map((e) => e.textContent),
        mathText: [...s.querySelectorAll('math')].map((e) => e.textContent).join(' '),
        links: s.querySelectorAll('[href]').length,
        styled: s.querySelectorAll('[style]').length,
        text: s.textContent ?? '',
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      };
    });
    expect(r.maths).toBeGreaterThanOrEqual(2);
    expect(r.strong).toContain('TINY');
    expect(r.text).not.toContain('\\textbf');
    // Typeset, not raw: symbols, not TeX source.
    expect(r.mathText).toContain('α');
    expect(r.mathText).toContain('≈');
    expect(r.text).not.toContain('\\alpha');
    expect(r.links).toBe(0);
    expect(r.styled).toBe(0);
    expect(r.text).toContain('$5 and $6');
    for (const m of await page.locator('#panel .summary math').all())
      await m.click({ force: true }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(r.pwned).toBeNull();
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
