// Startup cases on the author's real notes (../shared/corpora/daily-reports, 14 MB; skipped when absent):
// the compiled `papermap serve` in its own process, timed from spawning it to the first `200` for
// /data/map.json. cold: an empty cache; warm: a restart with unchanged notes (the cache of the cold run);
// edit: with the warm server up, one note gets a new paper, timed from the write to the server's `update`
// event. After a warm start the server warms its builder in the background (cached parses and layout: merge
// and links only) and prints `ready for edits`: the first edit is timed once it has (what a user's first save
// a few seconds after the map appears meets), and, on another warm start, written the moment the map is served
// (it then also waits for the rest of the warm-up).
import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module script without types
import { buildCli } from '../scripts/build-cli.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DAILY_REPORTS = join(ROOT, '..', 'shared', 'corpora', 'daily-reports');

export interface StartupRun {
  coldMs: number;
  warmMs: number;
  /** From the map served to the server's `ready for edits` (the builder warmed in the background). */
  warmUpMs: number;
  /** First edit after a warm start, written once the server is ready for edits; then a second edit. */
  firstEditMs: number;
  editMs: number;
  /** First edit written the moment a warm start serves the map (waits for the rest of the warm-up). */
  firstEditAtOnceMs: number;
  load: [number, number];
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

/**
 * Spawn the server; resolves with the ms until /data/map.json answers 200, and `ready` (the ms from spawn
 * until it prints `ready for edits`, after a start served from the cache).
 */
async function serve(
  notes: string,
  cache: string,
  extra: readonly string[] = [],
): Promise<{ child: ChildProcess; port: number; ms: number; ready: Promise<number> }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'dist-cli/cli/papermap.js'),
      'serve',
      notes,
      '--port',
      String(port),
      '--cache-dir',
      cache,
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('bench startup: no "ready for edits" in 5 min')),
      300_000,
    );
    timer.unref();
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready for edits')) {
        clearTimeout(timer);
        resolve(performance.now() - t0);
      }
    });
  });
  for (;;) {
    if ((await get(port, '/data/map.json')) === 200)
      return { child, port, ms: performance.now() - t0, ready };
    if (child.exitCode !== null) throw new Error('bench startup: the server exited');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Append a paper to `note`; resolves with the ms until the server announces the rebuilt map. */
function edit(port: number, note: string, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('bench startup: no update 5 min after an edit'));
    }, 300_000);
    timer.unref();
    const req = http.get({ host: '127.0.0.1', port, path: '/data/events' }, (res) => {
      res.setEncoding('utf8');
      let t0 = 0;
      res.on('data', (chunk: string) => {
        if (chunk.includes('event: hello') && t0 === 0) {
          t0 = performance.now();
          appendFileSync(
            note,
            `\n- 2025-08-20 10:00:0${n} Wednesday ｜ Bench Edit Paper ${n} https://arxiv.org/abs/2508.9${String(n).padStart(4, '0')}\n`,
          );
        }
        if (chunk.includes('event: update') && t0 > 0) {
          clearTimeout(timer);
          req.destroy();
          resolve(performance.now() - t0);
        }
      });
    });
    req.on('error', reject);
  });
}

export async function runStartupCase(runs: number): Promise<{ runs: StartupRun[] } | { skipped: string }> {
  if (!existsSync(DAILY_REPORTS)) return { skipped: `${DAILY_REPORTS} is absent` };
  await (buildCli as () => Promise<boolean>)();
  const out: StartupRun[] = [];
  for (let r = 0; r < runs; r++) {
    const work = mkdtempSync(join(tmpdir(), 'papermap-startup-'));
    try {
      const notes = join(work, 'notes');
      cpSync(DAILY_REPORTS, notes, { recursive: true });
      const cache = join(work, 'cache');
      const load0 = loadavg()[0] ?? 0;
      const cold = await serve(notes, cache);
      await stop(cold.child);
      const note = join(
        notes,
        readdirSync(notes)
          .filter((n) => n.endsWith('.md'))
          .sort()[0]!,
      );
      const original = readFileSync(note, 'utf8');
      // An edit written the moment the map is served, on a copy of the cache (the edit replaces the cached
      // graph there); then the note is put back.
      const earlyCache = join(work, 'cache-early');
      cpSync(cache, earlyCache, { recursive: true });
      const early = await serve(notes, earlyCache);
      const firstEditAtOnceMs = await edit(early.port, note, 1);
      await stop(early.child);
      writeFileSync(note, original);
      const warm = await serve(notes, cache);
      const warmUpMs = (await warm.ready) - warm.ms;
      const firstEditMs = await edit(warm.port, note, 1);
      const editMs = await edit(warm.port, note, 2);
      await stop(warm.child);
      const run = {
        coldMs: cold.ms,
        warmMs: warm.ms,
        warmUpMs,
        firstEditMs,
        editMs,
        firstEditAtOnceMs,
        load: [load0, loadavg()[0] ?? 0] as [number, number],
      };
      const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
      console.log(
        `  startup run ${r + 1}: cold ${s(run.coldMs)}, warm ${s(run.warmMs)} (+${s(warmUpMs)} warm-up), first edit ${s(firstEditMs)}, edit ${s(editMs)}, first edit at once ${s(firstEditAtOnceMs)} (load ${run.load.map((x) => x.toFixed(1)).join(' → ')})`,
      );
      out.push(run);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { runs: out };
}

export interface WorkersRun {
  workers: number;
  coldMs: number;
  load: [number, number];
}

/**
 * Cold start (empty cache) with the notes parsed on 1 thread and on each of `counts`, alternated run by run so
 * that a change in the machine's load falls on both.
 */
export async function runWorkersCase(
  runs: number,
  counts: readonly number[] = [1, 2],
): Promise<{ runs: WorkersRun[] } | { skipped: string }> {
  if (!existsSync(DAILY_REPORTS)) return { skipped: `${DAILY_REPORTS} is absent` };
  await (buildCli as () => Promise<boolean>)();
  const out: WorkersRun[] = [];
  const work = mkdtempSync(join(tmpdir(), 'papermap-workers-'));
  try {
    const notes = join(work, 'notes');
    cpSync(DAILY_REPORTS, notes, { recursive: true });
    for (let r = 0; r < runs; r++) {
      for (const workers of counts) {
        const cache = join(work, `cache-${r}-${workers}`);
        const load0 = loadavg()[0] ?? 0;
        const cold = await serve(notes, cache, ['--workers', String(workers)]);
        await stop(cold.child);
        const run = { workers, coldMs: cold.ms, load: [load0, loadavg()[0] ?? 0] as [number, number] };
        console.log(
          `  workers run ${r + 1}: ${workers} thread(s), cold start ${(cold.ms / 1000).toFixed(2)} s (load ${run.load.map((x) => x.toFixed(1)).join(' → ')})`,
        );
        out.push(run);
        rmSync(cache, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { runs: out };
}
