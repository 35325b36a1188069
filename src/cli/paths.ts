// Where papermap's own files are, and which folder relative paths on the command line are relative to.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this file, in src/cli/ (a clone) and in dist-cli/cli/ (compiled). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The prebuilt page (`npm run build:app`): index.html and assets/, no data. */
export const APP_DIR = path.join(PROJECT_ROOT, 'dist-app');

/** papermap's version, from its package.json. */
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * The folder the user typed the command in. npm runs scripts from the package root and says where it was
 * called from in INIT_CWD, so `cd src && npm run build:graph -- --content ../content` means ../content from src.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  // Only for the script npm started here (a process started elsewhere by it inherits INIT_CWD too).
  const ranByNpmHere =
    env.INIT_CWD &&
    env.npm_package_json &&
    path.dirname(path.resolve(env.npm_package_json)) === process.cwd();
  return ranByNpmHere ? (env.INIT_CWD as string) : process.cwd();
}

/**
 * Run through one of the clone's npm scripts (`npm run dev`, `build`, `build:graph`): the defaults are the
 * clone's own (the seed notes in content/, the site in dist/, the graph in public/graph.json) as they always were.
 * Installed (`npx papermap`), the notes default to the current folder.
 */
export function fromCloneScript(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    env.npm_package_name === 'papermap' &&
    ['dev', 'build', 'build:graph'].includes(env.npm_lifecycle_event ?? '') &&
    path.resolve(env.npm_package_json ?? '') === path.join(PROJECT_ROOT, 'package.json')
  );
}
