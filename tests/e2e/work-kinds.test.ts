// Kinds of work in the page: on other people's reading lists (blog posts, books, repositories, videos … beside
// papers), the sidebar lists each kind with its count; unticking one hides exactly those works, the address bar
// keeps it, and a work's panel says what it is.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SerializedGraph } from '../../src/types.js';
import { FIXTURES } from '../parse/helpers.js';
import { expectedGraph, launchBrowser, openMap, ph, removeDir, startDev, tempContent } from './helpers.js';
import type { DevHandle } from './helpers.js';

let dir: string;
let dev: DevHandle;
let browser: Browser;
let graph: SerializedGraph;

beforeAll(async () => {
  // The reading lists, and a note that names no work at all (honest accounting lists it).
  dir = await tempContent({ 'thoughts.md': '# Thoughts\n\nNothing to read today, just musing.\n' }, false);
  await cp(path.join(FIXTURES, 'style-reading-lists', 'notes'), dir, { recursive: true });
  [dev, browser, graph] = await Promise.all([startDev(dir), launchBrowser(), expectedGraph(dir)]);
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  if (dir) await removeDir(dir);
});

const LABELS: Record<string, string> = {
  paper: 'papers',
  blog: 'blog posts',
  book: 'books',
  repo: 'repositories',
  tweet: 'tweets',
  news: 'news',
  video: 'videos',
};

describe('kinds of work', () => {
  it('lists each kind with its count, hides one on untick, keeps it in the URL, and names a work in its panel', async () => {
    const byKind = new Map<string, string[]>();
    for (const n of graph.nodes)
      if (n.attributes.kind === 'paper') {
        const k = n.attributes.workKind ?? 'paper';
        byKind.set(k, [...(byKind.get(k) ?? []), n.key]);
      }
    const total = [...byKind.values()].reduce((s, l) => s + l.length, 0);
    expect(byKind.size).toBeGreaterThanOrEqual(3);

    const { page, seen } = await openMap(browser, dev.url);
    await page.waitForSelector('#work-kinds-block:not([hidden]) #work-kinds li');
    const rows = await page.$$eval('#work-kinds li', (lis) =>
      lis.map((li) => ({
        kind: (li as HTMLElement).dataset.kind!,
        name: li.querySelector('.name')!.textContent,
        count: Number(li.querySelector('.count')!.textContent),
        checked: (li.querySelector('input') as HTMLInputElement).checked,
      })),
    );
    expect(rows.map((r) => [r.kind, r.count]).sort()).toEqual(
      [...byKind].map(([k, keys]) => [k, keys.length]).sort(),
    );
    for (const r of rows) {
      expect(r.name).toBe(LABELS[r.kind]);
      expect(r.checked).toBe(true);
    }
    expect(await page.textContent('#counts')).toContain(`${total} of ${total} papers`);

    // Untick the blog posts (the fixture's biggest kind of work besides papers).
    const [kind, keys] = [...byKind]
      .filter(([k]) => k !== 'paper')
      .sort((a, b) => b[1].length - a[1].length)[0]!;
    await page.locator(`#work-kinds li[data-kind="${kind}"] input`).uncheck();
    await page.waitForFunction(
      (want) => document.querySelector('#counts')?.textContent?.includes(want),
      `${total - keys.length} of ${total} papers`,
    );
    expect(page.url()).toContain(`nokind=${kind}`);
    expect(await ph<boolean[]>(page, `${JSON.stringify(keys)}.map((k) => h.shown(k))`)).toEqual(
      keys.map(() => false),
    );
    const papers = byKind.get('paper')!;
    expect(await ph<boolean[]>(page, `${JSON.stringify(papers)}.map((k) => h.shown(k))`)).toEqual(
      papers.map(() => true),
    );
    await page.screenshot({ path: path.join(dir, 'work-kinds.png') });
    if (process.env.PAPERMAP_SHOT) await page.screenshot({ path: process.env.PAPERMAP_SHOT });

    // Reload: the URL brings the filter back.
    await page.reload();
    await page.waitForSelector('#work-kinds li');
    expect(await page.locator(`#work-kinds li[data-kind="${kind}"] input`).isChecked()).toBe(false);
    expect(await page.textContent('#counts')).toContain(`${total - keys.length} of ${total} papers`);

    // A work of another kind says what it is in its panel.
    await page.locator(`#work-kinds li[data-kind="${kind}"] input`).check();
    await page.locator('#search-input').click();
    const title = graph.nodes.find((n) => n.key === keys[0])!.attributes;
    await page.keyboard.type(String('title' in title ? title.title : '').slice(0, 24));
    await page.waitForSelector('#search-results:not([hidden]) li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel .kind');
    expect(await page.textContent('#panel .kind')).toBe(
      {
        blog: 'blog post',
        book: 'book',
        repo: 'repository',
        tweet: 'tweet',
        news: 'news item',
        video: 'video',
      }[kind],
    );
    expect(seen.errors).toEqual([]);
  });

  it('colours the map by kind of work, with a legend of the kinds', async () => {
    const { page, seen } = await openMap(browser, dev.url);
    await page.selectOption('#color-by', 'kind');
    await page.waitForSelector('#legend li[data-kind]');
    const legend = await page.$$eval('#legend li[data-kind]', (lis) =>
      lis.map((li) => [(li as HTMLElement).dataset.kind, Number(li.querySelector('.count')!.textContent)]),
    );
    const byKind = new Map<string, string[]>();
    for (const n of graph.nodes)
      if (n.attributes.kind === 'paper') {
        const k = n.attributes.workKind ?? 'paper';
        byKind.set(k, [...(byKind.get(k) ?? []), n.key]);
      }
    expect(legend.sort()).toEqual([...byKind].map(([k, keys]) => [k, keys.length]).sort());
    expect(page.url()).toContain('color=kind');
    // Every node of a kind has that kind's colour, and the kinds' colours differ.
    const colours = new Map<string, Set<string>>();
    for (const [kind, keys] of byKind)
      colours.set(kind, new Set(await ph<string[]>(page, `${JSON.stringify(keys)}.map((k) => h.color(k))`)));
    for (const [kind, set] of colours) expect(set.size, kind).toBe(1);
    const distinct = new Set([...colours.values()].map((s) => [...s][0]));
    expect(distinct.size).toBe(colours.size);
    if (process.env.PAPERMAP_SHOT)
      await page.screenshot({ path: process.env.PAPERMAP_SHOT.replace(/\.png$/, '-colour.png') });
    expect(seen.errors).toEqual([]);
  });

  it('lists what each note gave, and the note that gave nothing, under the problems', async () => {
    const { page } = await openMap(browser, dev.url);
    const perNote = new Map<string, number>();
    for (const n of graph.nodes)
      if (n.attributes.kind === 'paper' && !n.attributes.citedOnly)
        for (const s of n.attributes.sources) perNote.set(s.file, (perNote.get(s.file) ?? 0) + 1);
    await page.locator('#note-counts summary').click();
    expect(await page.textContent('#note-counts-summary')).toBe(
      `What each note gave: ${perNote.size} notes gave papers or works, 1 gave nothing (listed below)`,
    );
    const rows = await page.$$eval('#note-counts-list li', (lis) => lis.map((li) => li.textContent ?? ''));
    for (const [file, count] of perNote)
      expect(
        rows.some((r) => r.startsWith(`${file}  ${count}`)),
        file,
      ).toBe(true);
    expect(rows.some((r) => r.startsWith('thoughts.md  0 — no paper or other work found'))).toBe(true);
  });
});
