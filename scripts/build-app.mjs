// Builds the page (index.html + src/app) into dist-app/ with Vite, when it is missing or older than its
// sources. `npm run build:cli` and the test set-up call it; the installed package ships dist-app/ prebuilt.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-app');

async function newest(p) {
  const info = await stat(p);
  if (!info.isDirectory()) return info.mtimeMs;
  let t = info.mtimeMs;
  for (const name of await readdir(p)) t = Math.max(t, await newest(path.join(p, name)));
  return t;
}

/** Whether `marker` (an output file) is newer than every file under `sources` (paths relative to the root). */
export async function upToDate(marker, sources) {
  const built = await stat(marker).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  let latest = 0;
  for (const s of sources) latest = Math.max(latest, await newest(path.join(root, s)));
  return built > latest;
}

export async function buildApp({ force = false } = {}) {
  const sources = ['index.html', 'vite.config.ts', 'src/app', 'src/view', 'src/types.ts', 'package.json'];
  if (!force && (await upToDate(path.join(outDir, 'index.html'), sources))) return false;
  const { build } = await import('vite');
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildApp({ force: process.argv.includes('--force') });
  if (built) console.log('papermap: built the page into dist-app/');
}
