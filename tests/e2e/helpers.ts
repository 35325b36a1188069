// Shared set-up for the browser tests: a dev server (or static server) on a free port, headless Chromium
// with software WebGL, and the build the page should show, computed the same way, for expected values.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';
import { PROJECT_ROOT, startDevServer } from '../../src/cli/dev.js';
import type { PageServer } from '../../src/cli/server.js';
import type { SerializedGraph } from '../../src/types.js';
import { rawRequest, type Reply } from '../http.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

export const SEED_CONTENT = path.join(PROJECT_ROOT, 'content');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface DevHandle {
  url: string;
  port: number;
  server: PageServer;
  close(): Promise<void>;
}

export async function startDev(content: string): Promise<DevHandle> {
  const port = await freePort();
  const server = await startDevServer({ content, port, host: '127.0.0.1', synthetic: null }, () => undefined);
  const actual = (server.httpServer?.address() as net.AddressInfo).port;
  return { url: `http://127.0.0.1:${actual}/`, port: actual, server, close: () => server.close() };
}

/** The graph the page should show, built independently of the server. */
export async function expectedGraph(content: string): Promise<SerializedGraph> {
  return (await buildFromDirectory(content)).graph;
}

export async function tempContent(files: Record<string, string> = {}, withSeed = true): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'papermap-e2e-'));
  if (withSeed) await cp(SEED_CONTENT, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

export interface PageErrors {
  errors: string[];
  dialogs: string[];
}

export async function openMap(browser: Browser, url: string, size = { width: 1440, height: 900 }) {
  const page = await browser.newPage({ viewport: size });
  const seen: PageErrors = { errors: [], dialogs: [] };
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await waitReady(page);
  return { page, seen };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const h = (window as unknown as { __papermap?: { ready: boolean; frames(): number } }).__papermap;
      return !!h && h.ready && h.frames() > 0;
    },
    null,
    { timeout: 60_000 },
  );
}

/** Evaluate an expression over the page's test hook `h` (window.__papermap). */
export function ph<T>(page: Page, expr: string): Promise<T> {
  return page.evaluate(`(() => { const h = window.__papermap; return ${expr}; })()`) as Promise<T>;
}

/** Click a node on the WebGL canvas at its drawn position. */
export async function clickNode(page: Page, key: string): Promise<void> {
  const pos = await ph<{ x: number; y: number } | null>(page, `h.nodeScreenPosition(${JSON.stringify(key)})`);
  if (!pos) throw new Error(`node ${key} is not on screen`);
  await page.mouse.move(pos.x, pos.y);
  // Sigma finds the node under the pointer from a GPU read-back: in the first moments after a load (software
  // WebGL still busy) that can take a few hundred ms. Click once the page knows what is under the pointer.
  await page
    .waitForFunction(
      (k) =>
        (window as never as { __papermap: { state(): { hovered: string | null } } }).__papermap.state()
          .hovered === k,
      key,
      { timeout: 5_000, polling: 20 },
    )
    .catch(() => undefined);
  await page.mouse.click(pos.x, pos.y);
}

/** Raw HTTP GET with the path sent exactly as given (no URL normalisation, unlike fetch). */
export function rawGet(port: number, rawPath: string): Promise<Reply> {
  return rawRequest(port, rawPath);
}

/** A minimal static file server for the built site (what "any static file server" means). */
export async function serveStatic(
  root: string,
  prefix = '/',
): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
  };
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (!url.startsWith(prefix) || url.includes('..')) {
      res.statusCode = 404;
      return res.end();
    }
    let rel = url.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    readFile(path.join(root, rel)).then(
      (buf) => {
        res.setHeader('Content-Type', types[path.extname(rel)] ?? 'application/octet-stream');
        res.end(buf);
      },
      () => {
        res.statusCode = 404;
        res.end();
      },
    );
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
