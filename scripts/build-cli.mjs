// Compiles the papermap command (src/ minus the page) to dist-cli/ with tsc and builds the page into
// dist-app/, each only when its sources are newer than its output (`--force`: always).
import { spawnSync } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, upToDate } from './build-app.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist-cli');
const stamp = path.join(out, '.built');
const SOURCES = [
  'src/cli',
  'src/pipeline.ts',
  'src/parse',
  'src/links',
  'src/graph',
  'src/view',
  'src/types.ts',
];

export async function buildCli({ force = false } = {}) {
  if (!force && (await upToDate(stamp, [...SOURCES, 'tsconfig.json', 'tsconfig.cli.json', 'package.json'])))
    return false;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.cli.json')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('papermap: compiling the command failed');
  // Files tsc does not emit.
  await copyFile(path.join(root, 'src/graph/fa2-iterate.cjs'), path.join(out, 'graph/fa2-iterate.cjs'));
  await writeFile(stamp, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  if (await buildCli({ force })) console.log('papermap: compiled the command into dist-cli/');
  if (await buildApp({ force })) console.log('papermap: built the page into dist-app/');
}
