// Profile one page load (and one date-filter change) with the Chrome DevTools profiler; print the top
// self-time frames. For finding why a browser target is missed:
//   npx tsx bench/browser/profile-page.ts --papers 10000 [--page app|bare]
// Needs a previous `npm run bench -- --cases browser` (uses bench/out/site/*).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, INIT_SCRIPT, serve } from './run-browser.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SITE = join(HERE, '..', 'out', 'site');
const argv = process.argv.slice(2);
const arg = (k: string, d: string): string => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? (argv[i + 1] ?? d) : d;
};
const papers = arg('papers', '10000');
const kind = arg('page', 'app');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Original source position of a frame in a built bundle, from its source map (when there is one). */
function mapper(): (url: string, line: number, column: number) => string | null {
  const consumers = new Map<string, SourceMapConsumer | null>();
  return (url, line, column) => {
    const file = url.replace(/^.*\/(app|bare)\//, '');
    if (!file.endsWith('.js')) return null;
    const site = url.includes('/app/') ? 'app' : 'bare';
    const key = `${site}/${file}`;
    if (!consumers.has(key)) {
      const mapFile = join(SITE, site, `${file}.map`);
      consumers.set(
        key,
        existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8'))) : null,
      );
    }
    const c = consumers.get(key);
    if (!c) return null;
    const pos = c.originalPositionFor({ line: line + 1, column });
    if (!pos.source) return null;
    return `${pos.name ?? '?'} ${pos.source.replace(/^.*node_modules\//, 'nm/').replace(/^(\.\.\/)+/, '')}:${pos.line}`;
  };
}
const original = mapper();

function top(profile: Profile, n: number): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const d = profile.timeDeltas[i] ?? 0;
    total += d;
    if (!node) return;
    const cf = node.callFrame;
    const key =
      original(cf.url, cf.lineNumber, cf.columnNumber) ??
      `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*\//, '')}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + d);
  });
  return [
    `total ${(total / 1000).toFixed(0)} ms`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, v]) =>
          `${(v / 1000).toFixed(0).padStart(6)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`,
      ),
  ];
}

const data = { current: join(SITE, `data-${papers}`) };
const { server, port } = await serve({ app: join(SITE, 'app'), bare: join(SITE, 'bare') }, data);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
  headless: true,
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`http://127.0.0.1:${port}/${kind}/`);
  await page.waitForFunction(
    () => (window as unknown as { __bench: { firstFrameAt: number | null } }).__bench.firstFrameAt !== null,
    null,
    { timeout: 300_000, polling: 50 },
  );
  const t = await page.evaluate('({ draw: window.__bench.firstDrawAt, frame: window.__bench.firstFrameAt })');
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`${kind} ${papers}: first draw ${JSON.stringify(t)}`);
  console.log(top(profile, 30).join('\n'));
  writeFileSync(join(SITE, `${kind}-${papers}-load.cpuprofile`), JSON.stringify(profile));
} finally {
  await browser.close();
  server.close();
}
