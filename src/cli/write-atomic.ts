// Write a file so that readers see either the old bytes or the new ones, never a mix: write a temporary
// file in the same folder, flush it to disk, then rename it over the target (atomic on one filesystem).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `.graph.json.<pid>.<random>.tmp` beside `graph.json`. */
export function tempNamePattern(target: string): RegExp {
  const escaped = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array | Iterable<string>,
): Promise<void> {
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });
  await removeStaleTemps(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else await writeChunks(handle, data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Pieces are encoded into one reused buffer of this many bytes, written out each time it fills. */
const WRITE_CHUNK = 1 << 20;

/**
 * Each piece is encoded straight into the buffer: no joined chunk strings and no Buffer per write, so writing
 * a graph JSON of hundreds of MB leaves only the short-lived pieces as garbage (they die young), where
 * joining them made a megabyte string and a megabyte Buffer per chunk that lived until a full collection.
 */
async function writeChunks(handle: FileHandle, pieces: Iterable<string>): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_CHUNK);
  let used = 0;
  for (const piece of pieces) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units).
    const most = piece.length * 3;
    if (most > WRITE_CHUNK - used) {
      await writeAll(handle, buffer, used);
      used = 0;
      if (most > WRITE_CHUNK) {
        const bytes = Buffer.from(piece);
        await writeAll(handle, bytes, bytes.length);
        continue;
      }
    }
    used += buffer.write(piece, used);
  }
  await writeAll(handle, buffer, used);
}

async function writeAll(handle: FileHandle, buffer: Buffer, length: number): Promise<void> {
  for (let done = 0; done < length;) {
    done += (await handle.write(buffer, done, length - done)).bytesWritten;
  }
}

/**
 * `JSON.stringify(value)` in pieces, without ever holding the whole text: the top-level object's array
 * properties are written one element at a time. Joined, the pieces are exactly `JSON.stringify(value)`
 * (the graph JSON of 100k papers is hundreds of MB as one string, and again as a Buffer when written).
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    const whole = JSON.stringify(value) as string | undefined;
    if (whole !== undefined) yield whole;
    return;
  }
  let first = true;
  yield '{';
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item) && typeof (item as { toJSON?: unknown }).toJSON !== 'function') {
      yield `${first ? '' : ','}${JSON.stringify(key)}:[`;
      first = false;
      for (let i = 0; i < item.length; i++) {
        if (i > 0) yield ',';
        // As in JSON.stringify: an element that has no JSON form (undefined, a function) is `null`.
        yield (JSON.stringify(item[i]) as string | undefined) ?? 'null';
      }
      yield ']';
      continue;
    }
    const text = JSON.stringify(item) as string | undefined;
    if (text === undefined) continue; // undefined, functions and symbols are left out of objects
    yield `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  yield '}';
}

/** Temporary files left by builds that were killed (their process is gone) are removed. */
async function removeStaleTemps(target: string): Promise<void> {
  const pattern = tempNamePattern(target);
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    await unlink(join(dirname(target), name)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
