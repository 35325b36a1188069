// Browser case on a real notes folder (../shared/corpora/daily-reports: 25 daily digests, ~6,400 papers):
// first frame, hover, click to a filled panel, a date brush, a topic checkbox, opening the list view and
// the local graph, each against a bare sigma refresh of the same graph in the same run, and how much of
// the click-to-panel time is our own code (CPU profile, frames mapped to src/app through source maps).
//   npx tsx bench/browser/real-folder.ts [--dir PATH] [--runs 5]
// Skipped (with a note) when the folder is absent.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { ownTime, top, type Profile } from './profile.js';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  FILTER_SCRIPT,
  INIT_SCRIPT,
  SITE,
  buildSites,
  median,
  runNode,
  serve,
  waitQuiet,
} from './run-browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REAL_FOLDER = join(ROOT, '..', 'shared', 'corpora', 'daily-reports');

/** Interactions timed on the papermap page, in ms (trigger to the first animation frame after the result). */
export interface RealTimings {
  firstFrame: number | null;
  bareFirstFrame: number | null;
  bareRefresh: number | null;
  hover: number | null;
  clickToPanel: number | null;
  dateBrush: number | null;
  topicCheckbox: number | null;
  listView: number | null;
  localGraph: number | null;
  /** Per interaction: ms of self time of our own code (src/app, src/view) in a CPU profile of it. */
  own: Partial<Record<Interaction, number>>;
}

export const INTERACTIONS = [
  'hover',
  'clickToPanel',
  'dateBrush',
  'topicCheckbox',
  'listView',
  'localGraph',
] as const;
export type Interaction = (typeof INTERACTIONS)[number];

/** Resolves with ms from `arm()` (run in the page, before the trigger) to the frame after `done()` holds. */
const ARM = `(done) => {
  const pm = window.__bench;
  pm.t0 = null;
  pm.result = null;
  const start = (ev) => { if (pm.t0 === null) pm.t0 = performance.now(); };
  for (const type of ['mousemove', 'mousedown', 'click', 'keydown', 'change']) window.addEventListener(type, start, { capture: true, once: true });
  // No eval under the page's CSP: the conditions are named.
  const check = () => {
    const h = window.__papermap;
    if (done === 'hovered') return h.state().hovered !== null;
    if (done === 'panel') return !!document.querySelector('#panel:not([hidden]) .summary, #panel:not([hidden]) .neighbours');
    if (done === 'local') return h.local() !== null;
    if (done === 'list') return !!document.querySelector('#list-rows .row');
    return true;
  };
  const before = pm.draws;
  const loop = () => {
    if (pm.t0 !== null && check() && (pm.draws > before || pm.noDraw)) {
      requestAnimationFrame(() => { pm.result = performance.now() - pm.t0; });
      return;
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}`;

async function timed(
  page: Page,
  done: string,
  trigger: () => Promise<void>,
  noDraw = false,
): Promise<number> {
  await page.evaluate(`window.__bench.noDraw = ${noDraw}; (${ARM})(${JSON.stringify(done)})`);
  await trigger();
  await page.waitForFunction(
    () => (window as unknown as { __bench: { result: number | null } }).__bench.result !== null,
    null,
    {
      timeout: 120_000,
      polling: 20,
    },
  );
  const ms = (await page.evaluate('window.__bench.result')) as number;
  await waitQuiet(page, 250, 60_000);
  return ms;
}

const h = <T>(page: Page, expr: string): Promise<T> =>
  page.evaluate(`(() => { const h = window.__papermap; return ${expr}; })()`) as Promise<T>;

export async function runRealFolder(
  opts: { dir?: string; runs?: number } = {},
): Promise<Record<string, unknown>> {
  const dir = opts.dir ?? REAL_FOLDER;
  const runs = opts.runs ?? 5;
  if (!existsSync(dir)) return { skipped: `${dir} not found` };
  if (!existsSync(CHROMIUM_PATH)) return { skipped: `${CHROMIUM_PATH} not found` };
  console.log('real folder: building the pages and the map data');
  const sites = await buildSites();
  if (!sites.app) return { skipped: `the papermap page does not build: ${sites.appError ?? ''}` };
  const dataDir = join(SITE, 'data-real');
  const vd = await runNode([
    'viewdata',
    '--dir',
    dir,
    '--out',
    dataDir,
    '--papers',
    '0',
    '--synthetic',
    'no',
  ]);
  if (vd.unavailable || vd.failed) return { skipped: `map data: ${String(vd.unavailable ?? vd.failed)}` };
  const { server, port } = await serve(sites, { current: dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const all: RealTimings[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const t: RealTimings = {
        firstFrame: null,
        bareFirstFrame: null,
        bareRefresh: null,
        hover: null,
        clickToPanel: null,
        dateBrush: null,
        topicCheckbox: null,
        listView: null,
        localGraph: null,
        own: {},
      };
      // Bare sigma: first frame and a reducer + refresh() of the same graph.
      {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(INIT_SCRIPT);
        await page.goto(`http://127.0.0.1:${port}/bare/`, { timeout: 300_000 });
        await page.waitForFunction(
          () =>
            (window as unknown as { __bench: { firstFrameAt: number | null } }).__bench.firstFrameAt !== null,
          null,
          { timeout: 300_000 },
        );
        t.bareFirstFrame = (await page.evaluate('window.__bench.firstFrameAt')) as number;
        await waitQuiet(page, 400, 120_000);
        const refreshes: number[] = [];
        for (const range of [
          ['2025-01-01', '2025-12-31'],
          ['2025-02-01', '2025-08-31'],
          ['2025-01-01', '2025-12-31'],
        ] as const) {
          refreshes.push(
            (await page.evaluate(`(${FILTER_SCRIPT})(${JSON.stringify(['bare', ...range])})`)) as number,
          );
          await waitQuiet(page, 200, 60_000);
        }
        t.bareRefresh = median(refreshes);
        await context.close();
      }
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(INIT_SCRIPT);
      await page.goto(`http://127.0.0.1:${port}/app/`, { timeout: 300_000 });
      await page.waitForFunction(
        () =>
          (window as unknown as { __bench: { firstFrameAt: number | null } }).__bench.firstFrameAt !== null,
        null,
        { timeout: 300_000 },
      );
      t.firstFrame = (await page.evaluate('window.__bench.firstFrameAt')) as number;
      await page.waitForFunction(
        () => (window as unknown as { __papermap?: { ready: boolean } }).__papermap?.ready === true,
        null,
        { timeout: 120_000 },
      );
      await waitQuiet(page, 400, 120_000);

      const hub = await h<string>(page, 'h.hub()');
      const pos = await h<{ x: number; y: number }>(page, `h.nodeScreenPosition(${JSON.stringify(hub)})`);
      await page.mouse.move(5, 5);
      await waitQuiet(page, 200, 30_000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      /** Run one interaction under the CPU profiler; keep its own-code time. */
      const profiled = async (k: Interaction, run: () => Promise<number>): Promise<number> => {
        await cdp.send('Profiler.start');
        const ms = await run();
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
        t.own[k] = ownTime(profile, /\bsrc\/(app|view)\//).own;
        if (process.env.PROFILE_TOP) console.log(`${k}\n${top(profile, 12).join('\n')}`);
        return ms;
      };
      t.hover = await profiled('hover', () => timed(page, 'hovered', () => page.mouse.move(pos.x, pos.y)));

      // Click to a filled panel, under the CPU profiler (the first click also fetches the detail chunk).
      t.clickToPanel = await profiled('clickToPanel', () =>
        timed(page, 'panel', () => page.mouse.click(pos.x, pos.y), true),
      );

      // Local graph of the open paper, then back.
      t.localGraph = await profiled('localGraph', () =>
        timed(page, 'local', () => page.click('#panel .show-local')),
      );
      await page.click('#local-back');
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await waitQuiet(page, 300, 30_000);

      // A date brush (through the date inputs, as the other browser case does).
      t.dateBrush = await profiled(
        'dateBrush',
        async () =>
          (await page.evaluate(
            `(${FILTER_SCRIPT})(${JSON.stringify(['app', '2025-02-01', '2025-08-06'])})`,
          )) as number,
      );
      await waitQuiet(page, 250, 60_000);
      await page.click('#date-clear');
      await waitQuiet(page, 250, 60_000);

      // The biggest topic's checkbox.
      const ti = await page.evaluate(() => {
        let best = -1;
        let most = -1;
        for (const li of document.querySelectorAll<HTMLElement>('#topic-tree li:not([hidden])')) {
          const n = Number(li.querySelector('.count')?.textContent ?? '0');
          if (n > most) [best, most] = [Number(li.dataset.topic), n];
        }
        return best;
      });
      t.topicCheckbox = await profiled('topicCheckbox', () =>
        timed(page, 'drawn', () => page.click(`#topic-tree input[data-topic="${ti}"]`)),
      );
      await page.click(`#topic-tree input[data-topic="${ti}"]`);
      await waitQuiet(page, 250, 60_000);

      // Opening the list view (the map is resized and redrawn beside it).
      // Until the rows are on screen (the narrower map is redrawn in the frame after).
      t.listView = await profiled('listView', () =>
        timed(page, 'list', () => page.click('#show-list'), true),
      );
      await page.click('#show-list');
      await waitQuiet(page, 250, 60_000);
      await context.close();
      all.push(t);
      console.log(`  run ${r + 1}: ${JSON.stringify(t)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const med = (k: keyof Omit<RealTimings, 'own'>) =>
    median(all.map((t) => t[k]).filter((x): x is number => x !== null));
  const bare = med('bareRefresh');
  const keys = INTERACTIONS;
  const medians = Object.fromEntries(keys.map((k) => [k, med(k)]));
  const ratios = Object.fromEntries(
    keys.map((k) => [k, medians[k] !== null && bare ? medians[k]! / bare : null]),
  );
  const ownCode = Object.fromEntries(
    INTERACTIONS.map((k) => [
      k,
      median(all.map((t) => t.own[k]).filter((x): x is number => x !== undefined)),
    ]),
  );
  const row = {
    dir,
    nodes: Number(vd.nodes),
    edges: Number(vd.edges),
    runs,
    firstFrame: med('firstFrame'),
    bareFirstFrame: med('bareFirstFrame'),
    firstFrameRatio:
      med('firstFrame') !== null && med('bareFirstFrame')
        ? med('firstFrame')! / med('bareFirstFrame')!
        : null,
    bareRefresh: bare,
    medians,
    ratios,
    ownCode,
    all,
    notes: [
      'ms, medians over runs; ratios are to the bare sigma page refreshing the same graph (nodeReducer + refresh()) in the same run.',
      'Each interaction: from the trigger event (captured in the page) to the first animation frame after its result is on screen.',
      'ownCode: self time of frames from src/app and src/view (source-mapped) in a CPU profile of each interaction.',
    ],
  };
  console.log(
    `  real folder (${row.nodes} nodes, ${row.edges} edges): first frame ${row.firstFrame?.toFixed(0)} ms vs bare ${row.bareFirstFrame?.toFixed(0)}; bare refresh ${bare?.toFixed(0)} ms`,
  );
  for (const k of keys)
    console.log(
      `    ${k.padEnd(14)} ${medians[k]?.toFixed(0).padStart(6)} ms  ${ratios[k]?.toFixed(2)} x bare refresh, own code ${ownCode[k]?.toFixed(0)} ms`,
    );
  return row;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const arg = (k: string) => {
    const i = argv.indexOf(`--${k}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const res = await runRealFolder({ dir: arg('dir'), runs: arg('runs') ? Number(arg('runs')) : undefined });
  if ('skipped' in res) console.log(`real folder: skipped (${String(res.skipped)})`);
}
