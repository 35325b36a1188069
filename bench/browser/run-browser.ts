// Browser case: the papermap page against bare sigma on the same map.json, in the same headless Chromium.
//
// Both pages are measured the same way, from outside their code: an init script wraps WebGL draw calls.
// First frame = the first animation frame after the first WebGL draw, from navigation start (so it counts
// download, parse, graph building and the first render). A date-filter change = from the trigger to the
// first animation frame after the next draw. The papermap trigger is the page's own date inputs; bare
// sigma's is a nodeReducer range + refresh().
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/chromium.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BENCH = join(HERE, '..');
const ROOT = join(BENCH, '..');
const SITE = join(BENCH, 'out', 'site');
export { CHROMIUM_ARGS, CHROMIUM_PATH, SITE };

export interface BrowserOptions {
  sizes: number[];
  runs: number;
  ensureCorpus: (n: number) => { dir: string };
  /** Fall back to the app's synthetic graph when the pipeline is not available. */
  synthetic?: 'no' | 'yes' | 'force';
}

interface PageRun {
  firstFrame: number | null;
  firstDraw: number | null;
  ownFirstFrame: number | null;
  filters: number[];
  error?: string;
}

export const median = (xs: readonly number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Wraps WebGL draw calls; records the first draw and the first animation frame after it. */
export const INIT_SCRIPT = `(() => {
  const pm = { firstDrawAt: null, lastDrawAt: null, draws: 0, firstFrameAt: null };
  window.__bench = pm;
  const wrap = (obj, name) => {
    const orig = obj && obj[name];
    if (typeof orig !== 'function') return;
    obj[name] = function (...args) {
      const t = performance.now();
      if (pm.firstDrawAt === null) pm.firstDrawAt = t;
      pm.lastDrawAt = t;
      pm.draws++;
      return orig.apply(this, args);
    };
  };
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const n of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) wrap(C.prototype, n);
  }
  if (window.WebGLRenderingContext) {
    const ge = WebGLRenderingContext.prototype.getExtension;
    WebGLRenderingContext.prototype.getExtension = function (name) {
      const ext = ge.call(this, name);
      if (ext && name === 'ANGLE_instanced_arrays' && !ext.__benchWrapped) {
        wrap(ext, 'drawArraysInstancedANGLE');
        wrap(ext, 'drawElementsInstancedANGLE');
        ext.__benchWrapped = true;
      }
      return ext;
    };
  }
  const loop = () => {
    if (pm.firstDrawAt !== null) { pm.firstFrameAt = performance.now(); return; }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})();`;

/** Trigger a date-filter change; resolve with ms until the first animation frame after the next draw. */
export const FILTER_SCRIPT = `([k, a, b]) => new Promise((resolve, reject) => {
  const pm = window.__bench;
  const before = pm.draws;
  const t0 = performance.now();
  const loop = () => {
    if (pm.draws > before) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 120000) reject(new Error('no redraw after the filter change'));
    else requestAnimationFrame(loop);
  };
  if (k === 'app') {
    const from = document.getElementById('date-from');
    const to = document.getElementById('date-to');
    from.value = a;
    to.value = b;
    to.dispatchEvent(new Event('change'));
  } else {
    window.__bare.setRange([a, b]);
  }
  requestAnimationFrame(loop);
})`;

export function runNode(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(BENCH, 'child.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT '));
      resolve(
        line
          ? (JSON.parse(line.slice(9)) as Record<string, unknown>)
          : { failed: `exit ${code}`, output: out.slice(-1500) },
      );
    });
  });
}

export async function buildSites(): Promise<{ app: string | null; bare: string; appError?: string }> {
  const { build } = await import('vite');
  const bare = join(SITE, 'bare');
  await build({
    root: HERE,
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: bare,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: join(HERE, 'bare.html') },
    },
  });
  const app = join(SITE, 'app');
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      // Source maps only for bench/browser/profile-page.ts to name frames; the page never fetches them.
      build: { outDir: app, emptyOutDir: true, sourcemap: true },
    });
    return { app, bare };
  } catch (e) {
    return { app: null, bare, appError: (e as Error).message.split('\n')[0] };
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** /app/... and /bare/... from their builds; /<site>/data/... from the current size's data folder. */
export function serve(
  roots: { app: string | null; bare: string },
  data: { current: string },
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const m = /^\/(app|bare)(\/.*)$/.exec(url);
    const root = m?.[1] === 'app' ? roots.app : m?.[1] === 'bare' ? roots.bare : null;
    if (!m || !root) {
      res.writeHead(404).end();
      return;
    }
    let rest = normalize(m[2] as string);
    if (rest.includes('..')) {
      res.writeHead(403).end();
      return;
    }
    if (rest.endsWith('/')) rest += 'index.html';
    if (m[1] === 'bare' && rest === '/index.html') rest = '/bare.html';
    const file = rest.startsWith('/data/') ? join(data.current, rest.slice(6)) : join(root, rest);
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, port: typeof addr === 'object' && addr ? addr.port : 0 });
    });
  });
}

export async function waitQuiet(page: Page, quietMs: number, maxMs: number): Promise<void> {
  await page.waitForFunction(
    ([q]) => {
      const pm = (window as unknown as { __bench: { lastDrawAt: number | null } }).__bench;
      return pm.lastDrawAt !== null && performance.now() - pm.lastDrawAt > (q as number);
    },
    [quietMs],
    { timeout: maxMs, polling: 100 },
  );
}

async function measurePage(
  browser: Browser,
  url: string,
  kind: 'app' | 'bare',
  ranges: [string, string][],
): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  const run: PageRun = { firstFrame: null, firstDraw: null, ownFirstFrame: null, filters: [] };
  try {
    await page.goto(url, { timeout: 300_000 });
    await page.waitForFunction(
      () => (window as unknown as { __bench: { firstFrameAt: number | null } }).__bench.firstFrameAt !== null,
      null,
      {
        timeout: 300_000,
        polling: 50,
      },
    );
    const t = await page.evaluate(() => {
      const pm = (window as unknown as { __bench: { firstFrameAt: number; firstDrawAt: number } }).__bench;
      const w = window as unknown as {
        __papermap?: { firstFrameMs?: () => number | null };
        __bare?: { firstFrameAt: number | null };
      };
      return {
        frame: pm.firstFrameAt,
        draw: pm.firstDrawAt,
        own: w.__papermap?.firstFrameMs?.() ?? w.__bare?.firstFrameAt ?? null,
      };
    });
    run.firstFrame = t.frame;
    run.firstDraw = t.draw;
    run.ownFirstFrame = t.own;
    if (kind === 'app')
      await page.waitForFunction(
        () => (window as unknown as { __papermap?: { ready: boolean } }).__papermap?.ready === true,
        null,
        { timeout: 120_000 },
      );
    await waitQuiet(page, 400, 120_000);
    for (const range of ranges) {
      // A string, not a function: tsx's keepNames helpers (`__name`) do not exist in the page.
      const ms = (await page.evaluate(
        `(${FILTER_SCRIPT})(${JSON.stringify([kind, range[0], range[1]])})`,
      )) as number;
      run.filters.push(ms);
      await waitQuiet(page, 200, 60_000);
    }
  } catch (e) {
    run.error = (e as Error).message.split('\n')[0];
  } finally {
    await context.close();
  }
  return run;
}

/** Date ranges to switch between: inner quantile windows of the graph's note dates. */
async function dateRanges(dataDir: string): Promise<[string, string][]> {
  const { readFileSync } = await import('node:fs');
  const map = JSON.parse(readFileSync(join(dataDir, 'map.json'), 'utf8')) as { nodes: { date: string[] } };
  const dates = map.nodes.date.filter(Boolean).sort();
  const q = (f: number): string =>
    dates[Math.min(dates.length - 1, Math.floor(f * dates.length))] ?? '2025-01-01';
  return [
    [q(0.25), q(0.75)],
    [q(0.1), q(0.6)],
    [q(0.4), q(0.9)],
    [q(0.2), q(0.5)],
    [q(0.3), q(0.8)],
  ];
}

export async function runBrowserCase(opts: BrowserOptions): Promise<unknown> {
  const notes: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) return { sizes: [], unavailable: `${CHROMIUM_PATH} not found` };
  console.log('browser: building the papermap page and the bare sigma page');
  const sites = await buildSites();
  if (!sites.app)
    return { sizes: [], unavailable: `the papermap page does not build: ${sites.appError ?? ''}` };
  const data = { current: '' };
  const { server, port } = await serve(sites, data);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const sizes: unknown[] = [];
  try {
    for (const n of opts.sizes) {
      const corpus = opts.ensureCorpus(n);
      const dataDir = join(SITE, `data-${n}`);
      console.log(`  ${n} papers: building the map data`);
      const vd = await runNode([
        'viewdata',
        '--dir',
        corpus.dir,
        '--out',
        dataDir,
        '--papers',
        String(n),
        '--synthetic',
        opts.synthetic ?? 'no',
      ]);
      if (vd.source && vd.source !== 'corpus') notes.push(`${n}: graph is ${String(vd.source)}`);
      if (vd.unavailable || vd.failed) {
        notes.push(`${n}: map data not available (${String(vd.unavailable ?? vd.failed)})`);
        continue;
      }
      data.current = dataDir;
      // At 50k a bare-sigma refresh takes tens of seconds here: fewer loads and filter changes.
      const ranges = (await dateRanges(dataDir)).slice(0, n >= 50_000 ? 3 : 5);
      const runs = n >= 50_000 ? Math.min(opts.runs, 1) : opts.runs;
      const app: PageRun[] = [];
      const bare: PageRun[] = [];
      for (let r = 0; r < runs; r++) {
        // Alternate the order so warm OS caches and load drift favour neither page.
        const order: ('app' | 'bare')[] = r % 2 ? ['bare', 'app'] : ['app', 'bare'];
        for (const k of order) {
          const res = await measurePage(browser, `http://127.0.0.1:${port}/${k}/`, k, ranges);
          (k === 'app' ? app : bare).push(res);
          if (res.error) notes.push(`${n} ${k} run ${r + 1}: ${res.error}`);
        }
      }
      const ff = (xs: PageRun[]): number | null =>
        median(xs.map((x) => x.firstFrame).filter((x): x is number => x !== null));
      const fl = (xs: PageRun[]): number | null => median(xs.flatMap((x) => x.filters));
      const appFF = ff(app);
      const bareFF = ff(bare);
      const appFl = fl(app);
      const bareFl = fl(bare);
      const row = {
        papers: n,
        nodes: Number(vd.nodes),
        edges: Number(vd.edges),
        mapGz: Number(vd.mapGz),
        papermap: { firstFrame: appFF, filter: appFl, runs: app },
        bare: { firstFrame: bareFF, filter: bareFl, runs: bare },
        firstFrameRatio: appFF !== null && bareFF ? appFF / bareFF : null,
        filterRatio: appFl !== null && bareFl ? appFl / bareFl : null,
      };
      console.log(
        `  ${n}: first frame papermap ${appFF?.toFixed(0)} ms vs bare ${bareFF?.toFixed(0)} ms (${row.firstFrameRatio?.toFixed(2)}); filter ${appFl?.toFixed(0)} ms vs ${bareFl?.toFixed(0)} ms (${row.filterRatio?.toFixed(2)})`,
      );
      sizes.push(row);
    }
  } finally {
    await browser.close();
    server.close();
  }
  notes.push(
    'First frame: navigation start to the first animation frame after the first WebGL draw call (both pages instrumented the same way from outside). Filter: trigger to the first animation frame after the next draw; papermap through its date inputs, bare sigma through a nodeReducer range and refresh().',
  );
  return { sizes, notes };
}
