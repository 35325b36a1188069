// Parsing notes on every core: worker threads running this module, one note at a time to whichever worker
// is free, the largest notes first. Used for every build (graph, build, serve) when there are enough notes to pay for the workers.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseFile } from '../parse/index.js';
import type { FileParse } from '../parse/types.js';
import type { Diagnostic, NoteFile } from '../types.js';

/** Below this many characters of notes, starting workers costs more than it saves. */
const WORKER_MIN_CHARS = 4 << 20;

/**
 * How many workers to parse these notes with (1: parse here): `$PAPERMAP_WORKERS` when set, else one per core
 * when the notes are large enough to pay for starting them.
 */
export function defaultWorkers(
  files: readonly (NoteFile | null)[],
  env: NodeJS.ProcessEnv = process.env,
): number {
  const set = Number(env.PAPERMAP_WORKERS);
  if (env.PAPERMAP_WORKERS && Number.isInteger(set) && set >= 1) return set;
  let chars = 0;
  for (const file of files) chars += file?.text.length ?? 0;
  if (chars < WORKER_MIN_CHARS || files.length < 4) return 1;
  return Math.max(1, availableParallelism());
}

/** A parser bug on one note must not take the other notes down with it (as in the pipeline's builder). */
export function parseOne(file: NoteFile): FileParse | Diagnostic {
  try {
    return parseFile(file);
  } catch (error) {
    return {
      rule: 'parser-crashed',
      severity: 'error',
      file: file.path,
      line: 1,
      column: 1,
      message: `the parser failed on this file: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export function isParse(value: FileParse | Diagnostic): value is FileParse {
  return 'entries' in value;
}

const WORKER_TAG = 'papermap-parse-worker';

/**
 * A worker running this file. Run as TypeScript (tsx, vitest), the worker does not get tsx's loader from
 * the command line on Node 20, so it loads this file through tsx's API.
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) {
    return new Worker(fileURLToPath(self), { workerData: WORKER_TAG });
  }
  const tsx = dirname(createRequire(self).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsx, 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;
  return new Worker(code, { eval: true, workerData: WORKER_TAG });
}

/**
 * The order to hand `files` out in: longest text first (ties in input order). Handed out in folder order, a
 * big note met last is parsed by one worker while the others idle (daily-reports' largest note, a sixth of
 * all parsing, sorts last); longest first, the small notes fill in around the big ones.
 */
export function sendOrder(files: readonly (NoteFile | null)[]): number[] {
  const size = (i: number) => files[i]?.text.length ?? 0;
  return files.map((_, i) => i).sort((a, b) => size(b) - size(a) || a - b);
}

/**
 * Parse `files` on `count` workers; each result (a parse, or a `parser-crashed` diagnostic) goes to
 * `onResult` with the file's index, in the order they finish. `files[i]` is set to null once sent, so the
 * caller's array does not keep every note's text alive.
 */
export async function parseInWorkers(
  files: (NoteFile | null)[],
  count: number,
  onResult: (index: number, result: FileParse | Diagnostic) => void,
): Promise<void> {
  const order = sendOrder(files);
  let next = 0;
  const run = (): Promise<void> =>
    new Promise((resolveRun, rejectRun) => {
      const worker = startWorker();
      const send = (): void => {
        if (next >= order.length) {
          void worker.terminate().then(() => resolveRun());
          return;
        }
        const index = order[next++] as number;
        const file = files[index] as NoteFile;
        files[index] = null;
        worker.postMessage({ index, file });
      };
      worker.on('message', (message: { index: number; json: string }) => {
        onResult(message.index, JSON.parse(message.json) as FileParse | Diagnostic);
        send();
      });
      worker.on('error', rejectRun);
      worker.on('online', send);
    });
  await Promise.all(Array.from({ length: Math.min(count, files.length) }, run));
}

if (!isMainThread && workerData === WORKER_TAG && parentPort) {
  const port = parentPort;
  // The parse goes back as JSON text, not as a structured clone. A parse is plain JSON data (src/parse/types.ts),
  // and its strings are cut from the note: two-byte strings when the note has any Chinese, even where the text
  // is ASCII, and a structured clone keeps them two-byte. JSON.parse makes every
  // ASCII string one-byte (short ones shared), so the parses, and the records, text spans and graph built
  // from them, take less memory and compare faster (at 100k papers the parses are ~20% smaller).
  port.on('message', (message: { index: number; file: NoteFile }) => {
    port.postMessage({ index: message.index, json: JSON.stringify(parseOne(message.file)) });
  });
}
