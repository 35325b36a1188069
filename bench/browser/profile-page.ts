// Profile one page load (and one date-filter change) with the Chrome DevTools profiler; print the top
// self-time frames. For finding why a browser target is missed:
//   npx tsx bench/browser/profile-page.ts --papers 10000 [--page app|bare]
// Needs a previous `npm run bench -- --cases browser` (uses bench/out/site/*).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { top, type Profile } from './profile.js';
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
