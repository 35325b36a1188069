// The real command end to end: `build:graph` in its own process, timed from outside, with its peak RSS.
// Used by bench/run.ts (the `cli` case, and the end-to-end column of the `build` case).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** GNU time: `%e` wall seconds, `%M` peak resident set size in KiB of the process it ran. */
export const GNU_TIME = '/usr/bin/time';

export interface CliRun {
  /** Wall time from spawning the command until it exited, ms. */
  ms: number;
  /** Peak resident set size of the build process, MiB; null when it could not be measured. */
  maxRssMiB: number | null;
  code: number | null;
  /** The stage times the command printed (`time (ms) read …, parse …`), ms. */
  stages: Record<string, number>;
  /** Load average (1 min) when the run started and when it ended: the machine is shared. */
  load: [number, number];
  /** The last lines of output when the command failed. */
  failed?: string;
}

export interface CliCommand {
  /** Executable and arguments; the command line that was measured, for the results. */
  argv: string[];
  /** How the peak RSS is taken. */
  method: string;
}

/**
 * What `npm run build:graph` runs, minus npm and tsx's launcher process: node with tsx's loader on
 * src/cli/build-graph.ts. Under GNU time when it is installed (the RSS of exactly that process); without it
 * the peak RSS is not measured.
 */
export function cliCommand(dir: string, out: string, timeFile: string | null): CliCommand {
  const build = [
    process.execPath,
    '--import',
    'tsx',
    'src/cli/build-graph.ts',
    '--content',
    dir,
    '--out',
    out,
    // A cold build every run: the persistent cache would turn later runs into reads of the cached graph.
    '--no-cache',
  ];
  if (timeFile !== null && existsSync(GNU_TIME)) {
    return { argv: [GNU_TIME, '-f', '%e %M', '-o', timeFile, ...build], method: 'GNU time %M (max RSS)' };
  }
  return { argv: build, method: 'not measured (no GNU time at /usr/bin/time)' };
}

/** `time (ms)         read 735, parse 74542, …` from the command's report. */
export function parseStageLine(output: string): Record<string, number> {
  const line = /^\s*time \(ms\)\s+(.*)$/m.exec(output)?.[1] ?? '';
  const stages: Record<string, number> = {};
  for (const part of line.split(',')) {
    const match = /^\s*([a-z]+) (\d+(?:\.\d+)?)\s*$/i.exec(part);
    if (match) stages[match[1] as string] = Number(match[2]);
  }
  return stages;
}

/** GNU time's `-f '%e %M'` output: the last line holds `<seconds> <KiB>` (a signal note may come first). */
export function parseGnuTime(text: string): { seconds: number; maxRssKiB: number } | null {
  const lines = text.trim().split('\n');
  const match = /^(\d+(?:\.\d+)?) (\d+)$/.exec((lines[lines.length - 1] ?? '').trim());
  return match ? { seconds: Number(match[1]), maxRssKiB: Number(match[2]) } : null;
}

export async function runCli(dir: string, out: string): Promise<CliRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'papermap-bench-cli-'));
  const timeFile = join(scratch, 'time.txt');
  const command = cliCommand(dir, out, timeFile);
  const loadStart = loadavg()[0] as number;
  const started = performance.now();
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(command.argv[0] as string, command.argv.slice(1), {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      // Only the head (counts and timings) and the tail (errors) matter; the diagnostics list can be long.
      const keep = (chunk: Buffer): void => {
        text += chunk.toString();
        if (text.length > 1 << 20) text = text.slice(0, 1 << 16) + text.slice(-(1 << 16));
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('close', (status) => resolve({ code: status, output: text }));
    });
    const ms = performance.now() - started;
    const time = existsSync(timeFile) ? parseGnuTime(readFileSync(timeFile, 'utf8')) : null;
    return {
      ms,
      maxRssMiB: time ? time.maxRssKiB / 1024 : null,
      code,
      stages: parseStageLine(output),
      load: [loadStart, loadavg()[0] as number],
      ...(code === 0 ? {} : { failed: output.slice(-2000) }),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const CLI_METHOD = (): string => cliCommand('DIR', 'OUT', 'TIME').method;
