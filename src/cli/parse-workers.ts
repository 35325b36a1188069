// Parsing notes on every core: worker threads running this module, one task at a time to whichever worker is
// free, the largest first. A task is a note, or a part of a big one: its Markdown chunks (src/parse/prepare.ts)
// are read apart on the workers and joined here, so one big note does not leave the other cores idle. Used for
// every build (graph, build, serve) when there are enough notes to pay for the workers.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  collectChunk,
  failedFile,
  finishFile,
  isFileStart,
  parseFile,
  parserCrashed,
  startFile,
  type ChunkSource,
  type FileStart,
  type Line,
} from '../parse/index.js';
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
    return parserCrashed(file.path, error);
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
 * How many characters of Markdown one task reads at least: a quarter of each worker's share, so no task is more
 * than about a quarter of what each worker does (and at least 128 Ki, so a task is worth its hand-off). A note
 * of more than twice that is read in parts.
 */
export function partChars(files: readonly (NoteFile | null)[], count: number): number {
  let total = 0;
  for (const file of files) total += file?.text.length ?? 0;
  return Math.max(128 << 10, Math.ceil(total / (Math.max(1, count) * 4)));
}

/** Consecutive chunks in parts of at least `size` characters (the last part takes what is left). */
export function groupChunks(chunks: readonly ChunkSource[], size: number): ChunkSource[][] {
  const parts: ChunkSource[][] = [];
  let part: ChunkSource[] = [];
  let chars = 0;
  for (const chunk of chunks) {
    part.push(chunk);
    chars += chunk.source.length;
    if (chars >= size) {
      parts.push(part);
      part = [];
      chars = 0;
    }
  }
  if (part.length > 0) {
    if (parts.length > 0 && chars < size / 2) parts[parts.length - 1]!.push(...part);
    else parts.push(part);
  }
  return parts;
}

type Task =
  | { index: number; size: number; file: NoteFile }
  | { index: number; size: number; part: number; chunks: ChunkSource[] };

type Reply = { index: number; json: string } | { index: number; part: number; json?: string; error?: string };

/** A note read in parts: its lines by part, joined once every part is back. */
interface Split {
  started: FileStart;
  parts: (Line[] | undefined)[];
  errors: (string | undefined)[];
  left: number;
}

/**
 * Parse `files` on `count` workers; each result (a parse, or a `parser-crashed` diagnostic) goes to
 * `onResult` with the file's index, in the order they finish, and is what `parseOne` gives for that file.
 * `files[i]` is set to null once sent, so the caller's array does not keep every note's text alive.
 * `options.partChars` overrides `partChars` (tests).
 */
export async function parseInWorkers(
  files: (NoteFile | null)[],
  count: number,
  onResult: (index: number, result: FileParse | Diagnostic) => void,
  options?: { partChars?: number | null } | null,
): Promise<void> {
  const workers = Array.from({ length: Math.min(count, files.length) }, startWorker);
  // Started first: the notes are cut into tasks while the workers load the parser.
  const size = options?.partChars ?? partChars(files, count);
  const tasks: Task[] = [];
  const splits = new Map<number, Split>();
  for (const index of sendOrder(files)) {
    const file = files[index];
    if (!file) continue;
    if (workers.length > 1 && file.text.length > 2 * size) {
      let started: FileParse | FileStart;
      try {
        started = startFile(file);
      } catch (error) {
        onResult(index, parserCrashed(file.path, error));
        files[index] = null;
        continue;
      }
      if (!isFileStart(started)) {
        onResult(index, started);
        files[index] = null;
        continue;
      }
      const groups = groupChunks(started.chunks, size);
      if (groups.length > 1) {
        splits.set(index, { started, parts: [], errors: [], left: groups.length });
        groups.forEach((chunks, part) =>
          tasks.push({ index, part, chunks, size: chunks.reduce((n, c) => n + c.source.length, 0) }),
        );
        files[index] = null;
        continue;
      }
    }
    tasks.push({ index, size: file.text.length, file });
  }
  tasks.sort((a, b) => b.size - a.size);
  const joined = (index: number, split: Split): void => {
    splits.delete(index);
    const at = split.errors.findIndex((e) => e !== undefined);
    try {
      // As `parseFile`: the first chunk that failed (in the note's order) fails the note.
      onResult(
        index,
        at >= 0
          ? failedFile(split.started, { message: split.errors[at] })
          : finishFile(split.started, split.parts.flat() as Line[]),
      );
    } catch (error) {
      onResult(index, parserCrashed(split.started.file.path, error));
    }
  };
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolveRun, rejectRun) => {
      let busy = 0;
      const send = (): void => {
        const task = tasks[next];
        if (!task) {
          if (busy === 0) void worker.terminate().then(() => resolveRun());
          return;
        }
        tasks[next++] = undefined as unknown as Task;
        if ('file' in task) files[task.index] = null;
        busy++;
        worker.postMessage(task);
      };
      worker.on('message', (reply: Reply) => {
        busy--;
        if ('part' in reply) {
          const split = splits.get(reply.index) as Split;
          if (reply.error !== undefined) split.errors[reply.part] = reply.error;
          else split.parts[reply.part] = JSON.parse(reply.json as string) as Line[];
          if (--split.left === 0) joined(reply.index, split);
        } else onResult(reply.index, JSON.parse(reply.json) as FileParse | Diagnostic);
        send();
      });
      worker.on('error', rejectRun);
      // Two tasks in hand: a worker has its next one while this thread joins a big note's parts.
      worker.on('online', () => {
        send();
        send();
      });
    });
  await Promise.all(workers.map(run));
}

if (!isMainThread && workerData === WORKER_TAG && parentPort) {
  const port = parentPort;
  // The parse goes back as JSON text, not as a structured clone. A parse is plain JSON data (src/parse/types.ts),
  // and its strings are cut from the note: two-byte strings when the note has any Chinese, even where the text
  // is ASCII, and a structured clone keeps them two-byte. JSON.parse makes every
  // ASCII string one-byte (short ones shared), so the parses, and the records, text spans and graph built
  // from them, take less memory and compare faster (at 100k papers the parses are ~20% smaller).
  port.on('message', (task: Task) => {
    if ('file' in task) {
      port.postMessage({ index: task.index, json: JSON.stringify(parseOne(task.file)) });
      return;
    }
    let reply: Reply;
    try {
      const lines: Line[] = [];
      for (const chunk of task.chunks) collectChunk(chunk, lines);
      reply = { index: task.index, part: task.part, json: JSON.stringify(lines) };
    } catch (error) {
      reply = { index: task.index, part: task.part, error: (error as Error)?.message ?? String(error) };
    }
    port.postMessage(reply);
  });
}
