// `npm run build [-- --content DIR] [--out DIR] [--synthetic N]`: the map as a static site (graph included)
// that works from any static file server, in any folder (relative URLs). Built into a temporary folder and
// swapped in at the end, so a failed or killed build leaves the previous site intact.
import { rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { PROJECT_ROOT, directorySource, syntheticSource } from './dev.js';
import { papermap } from './vite-plugin.js';

export interface SiteOptions {
  content: string;
  out: string;
  synthetic: number | null;
}

export function parseSiteArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SiteOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { content: { type: 'string' }, out: { type: 'string' }, synthetic: { type: 'string' } },
    strict: true,
  });
  const synthetic = values.synthetic === undefined ? null : Number(values.synthetic);
  if (synthetic !== null && (!Number.isInteger(synthetic) || synthetic < 1)) {
    throw new Error(`papermap build: bad --synthetic ${values.synthetic}`);
  }
  return {
    content: path.resolve(values.content ?? env.PAPERMAP_CONTENT ?? path.join(PROJECT_ROOT, 'content')),
    out: path.resolve(values.out ?? path.join(PROJECT_ROOT, 'dist')),
    synthetic,
  };
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

export async function buildSite(opts: SiteOptions): Promise<void> {
  const source =
    opts.synthetic !== null ? syntheticSource(opts.synthetic) : await directorySource(opts.content);
  const tmp = `${opts.out}.tmp-${process.pid}`;
  const old = `${opts.out}.old-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  try {
    await build({
      configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
      root: PROJECT_ROOT,
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
      plugins: [papermap({ source })],
    });
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  const had = await exists(opts.out);
  if (had) await rename(opts.out, old);
  await rename(tmp, opts.out);
  if (had) await rm(old, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const opts = parseSiteArgs(process.argv.slice(2));
  const t0 = performance.now();
  await buildSite(opts);
  console.log(
    `papermap: wrote ${path.relative(process.cwd(), opts.out) || '.'} in ${Math.round(performance.now() - t0)} ms`,
  );
  console.log(
    'papermap: serve that folder with any static file server, e.g. `npx vite preview` or `python3 -m http.server`',
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
