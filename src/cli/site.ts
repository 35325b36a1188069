// The map as a static site: the prebuilt page (dist-app/) plus the graph's data files, written so that the
// folder is a complete, servable site at every moment, whenever the process dies.
//
// The new site is first written in full beside the target (`SITE.tmp-PID`). A first build renames it into
// place. Over an existing site, files move in one by one, each by an atomic rename, in an order that keeps
// every state servable: new hashed assets first (the old page still finds its own), then the detail chunks,
// search.json, map.json and last index.html; only then are the previous build's stale assets and chunks
// removed. (A page already open while the chunks move may get a chunk of the newer build once.)
// Leftover `SITE.tmp-PID` / `SITE.old-PID` folders of builds that died are removed by the next build.
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SerializedGraph } from '../types.js';
import { toViewFiles } from '../view/bundle.js';
import type { BundleOptions } from '../view/bundle.js';
import { APP_DIR } from './paths.js';

export interface PageOptions {
  /** Let the page load images from other sites in summaries (default false: a placeholder links to them). */
  remoteImages?: boolean | null;
  /** The page is served live (the papermap server): it may open its update stream. */
  live?: boolean | null;
}

/**
 * index.html with its Content-Security-Policy set for where it is served. The policy is also what the page
 * reads to decide whether remote images in summaries are shown (src/app/panel/sanitize.ts).
 */
export function pageHtml(html: string, options?: PageOptions | null): string {
  const withPolicy = html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/,
    (_, a, csp, z) => {
      // Without `https:` in img-src, the browser loads no image from another site: no tracking beacons.
      const policy = String(csp).replace(/img-src ([^;]*)/, (m) => {
        const local = m.replace(/ https:/g, '');
        return options?.remoteImages ? `${local} https:` : local;
      });
      return `${a}${policy}${z}`;
    },
  );
  // The live server marks the page, which then follows its update stream (a static site has none).
  return options?.live
    ? withPolicy.replace('<head>', '<head>\n    <meta name="papermap-live" content="events" />')
    : withPolicy;
}

export interface WriteSiteOptions extends PageOptions {
  graph: SerializedGraph;
  out: string;
  appDir?: string | null;
  bundle?: BundleOptions | null;
  /** Called before each step (for tests that stop the write at every point). */
  onStep?: ((step: string) => void) | null;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every file below `dir`, as `/`-separated paths relative to it, sorted. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Remove `SITE.tmp-PID` and `SITE.old-PID` folders whose process is gone. */
export async function removeLeftovers(out: string): Promise<string[]> {
  const folder = path.dirname(out);
  const pattern = new RegExp(
    `^${path.basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp|old)-(\\d+)$`,
  );
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    await rm(path.join(folder, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Order in which the files of a new site replace an old one's (see the top of this file). */
function moveOrder(rel: string): number {
  if (rel === 'index.html') return 5;
  if (rel === 'data/map.json') return 4;
  if (rel === 'data/search.json') return 3;
  if (rel.startsWith('data/')) return 2;
  return 1;
}

/** Only what papermap writes is ever removed from the target: index.html, assets/ and data/. */
const isOurs = (rel: string) => rel === 'index.html' || rel.startsWith('assets/') || rel.startsWith('data/');

export async function writeSite(options: WriteSiteOptions): Promise<void> {
  const step = options.onStep ?? (() => undefined);
  const out = path.resolve(options.out);
  const appDir = options.appDir ?? APP_DIR;
  await mkdir(path.dirname(out), { recursive: true });
  await removeLeftovers(out);
  const tmp = `${out}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  try {
    step('stage');
    await cp(appDir, tmp, { recursive: true });
    const html = await readFile(path.join(appDir, 'index.html'), 'utf8');
    await writeFile(
      path.join(tmp, 'index.html'),
      pageHtml(html, { remoteImages: options.remoteImages ?? false, live: false }),
    );
    for (const [name, body] of toViewFiles(options.graph, options.bundle)) {
      const file = path.join(tmp, 'data', ...name.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body);
    }
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  if (!(await exists(out))) {
    step('rename');
    await rename(tmp, out);
    return;
  }
  const next = await listFiles(tmp);
  const before = await listFiles(out);
  const moves = [...next].sort((a, b) => moveOrder(a) - moveOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const rel of moves) {
    step(`move ${rel}`);
    const target = path.join(out, ...rel.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(tmp, ...rel.split('/')), target);
  }
  const keep = new Set(next);
  for (const rel of before) {
    if (keep.has(rel) || !isOurs(rel)) continue;
    step(`remove ${rel}`);
    await rm(path.join(out, ...rel.split('/')), { force: true });
  }
  step('cleanup');
  await rm(tmp, { recursive: true, force: true });
}
