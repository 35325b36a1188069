#!/usr/bin/env node
// The papermap command: `papermap [serve] [DIR]`, `papermap build [DIR] --out SITE`, `papermap graph [DIR]
// --out FILE`. Paths are relative to the folder the command was typed in. The npm scripts of a clone call it
// with their old flags (`--content DIR`, `--out`, `--port`), which every subcommand still takes.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { main as graphMain, GRAPH_USAGE, NOTES_FLAGS } from './build-graph.js';
import { fromCloneScript, PROJECT_ROOT, userCwd, VERSION } from './paths.js';

const USAGE = `papermap ${VERSION}: a map of the papers in your markdown reading notes

usage: papermap [serve] [DIR] [options]     the map of DIR, live as you edit (default command)
       papermap build [DIR] --out SITE       the map as a static site in the folder SITE
       papermap graph [DIR] --out FILE       the graph as graphology JSON, or GEXF when FILE ends in .gexf

DIR is the notes folder (default: the current folder). \`papermap COMMAND --help\` lists each one's options.
  -h, --help      this text
  -v, --version   papermap's version`;

const SERVE_USAGE = `usage: papermap [serve] [DIR] [options]
  DIR, --content DIR   notes folder to map and watch (default: $PAPERMAP_CONTENT, else the current folder)
  --port N             port to listen on, the next free one if taken (default: $PORT, else 5173)
  --host ADDRESS       address to bind (default: 127.0.0.1, this machine only; 0.0.0.0 shares the map
                       and your notes' content with your network)
  --remote-images      show images from other sites in summaries (default: a link in their place)
  --follow-external-links  read notes through symbolic links that lead out of DIR (default: skipped)
  --library-all        draw every item of a .bib / CSL-JSON library in DIR, also those no note mentions
                       (default: only the citekeys the notes mention)
  --cache-dir DIR      where to keep parses and graphs between runs (default: $PAPERMAP_CACHE_DIR, else
                       ~/.cache/papermap/NAME-HASH for each notes folder)
  --no-cache           build everything from the notes, and keep nothing
  --workers N          parse notes on N threads (default: $PAPERMAP_WORKERS, else one per core; 1: no threads)
  --synthetic N        serve a seeded synthetic graph of N papers instead of notes
  -h, --help           this text
  -v, --version        papermap's version`;

const BUILD_USAGE = `usage: papermap build [DIR] [--out SITE] [options]
  DIR, --content DIR   notes folder (default: $PAPERMAP_CONTENT, else the current folder)
  --out SITE           folder to write the site into (default: papermap-site; dist/ from a clone's npm script).
                       papermap replaces only index.html, assets/ and data/ in it, so it can be a sub-folder
                       of another site's static files (e.g. static/map of a Hugo site)
  --remote-images      show images from other sites in summaries (default: a link in their place)
  --follow-external-links  read notes through symbolic links that lead out of DIR (default: skipped)
  --library-all        draw every item of a .bib / CSL-JSON library in DIR, also those no note mentions
                       (default: only the citekeys the notes mention)
  --cache-dir DIR      as for serve
  --no-cache           build everything from the notes, and keep nothing
  --workers N          as for serve
  --synthetic N        a seeded synthetic graph of N papers instead of notes
  -h, --help           this text
  -v, --version        papermap's version`;

export class UsageError extends Error {}

export interface ServeCommand {
  command: 'serve';
  content: string;
  port: number;
  host: string;
  synthetic: number | null;
  remoteImages: boolean;
  followExternalLinks: boolean;
  libraryAll: boolean;
  cacheDir: string | null;
  noCache: boolean;
  workers: number | null;
}

export interface BuildCommand {
  command: 'build';
  content: string;
  out: string;
  synthetic: number | null;
  remoteImages: boolean;
  followExternalLinks: boolean;
  libraryAll: boolean;
  cacheDir: string | null;
  noCache: boolean;
  workers: number | null;
}

export type Parsed = ServeCommand | BuildCommand | { command: 'help' | 'version'; text: string };

const COMMANDS = new Set(['serve', 'build', 'graph']);

/** Split `argv` into the subcommand and its arguments (serve when none is named). */
export function splitCommand(argv: readonly string[]): { command: string; args: string[] } {
  const [first, ...rest] = argv;
  if (first !== undefined && COMMANDS.has(first)) return { command: first, args: rest };
  // `npm run dev` passed `dev` in early versions of the scripts; it is serve.
  if (first === 'dev') return { command: 'serve', args: rest };
  return { command: 'serve', args: [...argv] };
}

function positiveInt(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`bad ${name} ${value}`);
  return n;
}

/** Arguments of `serve` or `build` -> options with absolute paths. */
export function parseCommand(
  command: 'serve' | 'build',
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Parsed {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        synthetic: { type: 'string' },
        'remote-images': { type: 'boolean', default: false },
        ...NOTES_FLAGS,
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { command: 'help', text: command === 'serve' ? SERVE_USAGE : BUILD_USAGE };
  if (values.version) return { command: 'version', text: VERSION };
  if (positionals.length > 1) throw new UsageError(`one notes folder, got ${positionals.join(' ')}`);
  if (positionals.length === 1 && values.content !== undefined)
    throw new UsageError('give the notes folder once (DIR or --content)');
  const clone = fromCloneScript(env);
  const cwd = userCwd(env);
  const content = path.resolve(
    cwd,
    positionals[0] ??
      values.content ??
      env.PAPERMAP_CONTENT ??
      (clone ? path.join(PROJECT_ROOT, 'content') : '.'),
  );
  const synthetic = positiveInt(values.synthetic, '--synthetic');
  const common = {
    content,
    synthetic,
    remoteImages: values['remote-images'],
    followExternalLinks: values['follow-external-links'],
    libraryAll: values['library-all'],
    cacheDir: values['cache-dir'] === undefined ? null : path.resolve(cwd, values['cache-dir']),
    noCache: values['no-cache'],
    workers: positiveInt(values.workers, '--workers'),
  };
  if (command === 'build') {
    if (values.port !== undefined || values.host !== undefined)
      throw new UsageError('--port and --host are options of serve');
    const out = path.resolve(cwd, values.out ?? (clone ? path.join(PROJECT_ROOT, 'dist') : 'papermap-site'));
    return { command: 'build', out, ...common };
  }
  if (values.out !== undefined) throw new UsageError('--out is an option of build and graph');
  const port = Number(values.port ?? env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`bad --port ${values.port}`);
  return { command: 'serve', port, host: values.host ?? '127.0.0.1', ...common };
}

function parseOrReport(command: 'serve' | 'build', args: string[], env: NodeJS.ProcessEnv): Parsed | null {
  try {
    return parseCommand(command, args, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(
      `papermap ${command}: ${error.message}\n${command === 'serve' ? SERVE_USAGE : BUILD_USAGE}`,
    );
    return null;
  }
}

/** Run the command; resolves to the exit code (serve resolves once the server has stopped). */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    console.log(USAGE);
    return 0;
  }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    console.log(VERSION);
    return 0;
  }
  const { command, args } = splitCommand(argv);
  if (command === 'graph') return graphMain(args, undefined, env);
  const parsed = parseOrReport(command as 'serve' | 'build', args, env);
  if (parsed === null) return 2;
  if ('text' in parsed) {
    console.log(parsed.text);
    return 0;
  }
  const cwd = userCwd(env);
  const shown = (p: string) => path.relative(cwd, p) || '.';
  if (parsed.command === 'build') {
    const { buildSite } = await import('./build-site.js');
    const t0 = performance.now();
    await buildSite(parsed);
    console.log(
      `papermap: wrote the site to ${shown(parsed.out)}/ in ${Math.round(performance.now() - t0)} ms`,
    );
    console.log(
      `papermap: serve the folder ${shown(parsed.out)}/ with any static file server, e.g. \`python3 -m http.server -d ${shown(parsed.out)}\``,
    );
    return 0;
  }
  // Signals count from the start: a Ctrl-C or SIGTERM while the first build runs (its parse threads included)
  // ends the process at once; once the server is up, it is closed first.
  let server: Awaited<ReturnType<typeof import('./dev.js').startDevServer>> | null = null;
  let stopping = false;
  let done: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (done = resolve));
  const stop = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 0;
    if (stopping || server === null) process.exit(stopping ? 130 : code); // a second Ctrl-C: do not wait
    stopping = true;
    void server.close().then(() => done(code));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  // Started by npm or npx, through a shell that may not pass a SIGTERM on: when that shell is gone (this
  // process was handed to another parent), stop too, instead of serving on with no one to stop it.
  if (env.npm_lifecycle_event) {
    const parent = process.ppid;
    const orphan = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(orphan);
      stop('SIGTERM');
    }, 300);
    orphan.unref();
  }
  const { startDevServer } = await import('./dev.js');
  const t0 = performance.now();
  server = await startDevServer(parsed);
  console.log(
    `papermap: serving ${parsed.synthetic !== null ? `a synthetic graph of ${parsed.synthetic} papers` : shown(parsed.content)} (ready in ${Math.round(performance.now() - t0)} ms)`,
  );
  console.log(`papermap: open ${server.url}  (Ctrl-C to stop)`);
  return finished;
}

/** Run as a program: directly, or through the `node_modules/.bin/papermap` link npm makes. */
function isMain(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (isMain()) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`papermap: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

export { GRAPH_USAGE };
