// The persistent build cache: each note's parse, keyed by a hash of papermap's code, the note's path and its
// text, and the whole graph, keyed by everything it is built from. A restart with unchanged notes reads the
// graph back instead of building it; a changed note is parsed again and the rest come from the cache.
//
// Each entry is one file: a JSON header line (papermap's cache tag, the code id, the key, the body's length in
// bytes and SHA-1), then the body. An entry that is truncated, corrupt, of another papermap, or under the wrong
// key is not trusted: it counts as a miss (`rejected`) and is written again.
import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, rm, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayoutMemory } from '../graph/index.js';
import type { SerializedGraph } from '../types.js';
import { VERSION } from './paths.js';
import { writeFileAtomic } from './write-atomic.js';

const TAG = 'papermap-cache/1';

/**
 * papermap's version plus a hash of the code that makes parses and graphs (this build's parse, links, graph
 * and pipeline modules): a cache made by any other code, even of the same version number, is never used.
 */
let codeIdPromise: Promise<string> | null = null;
export function codeId(): Promise<string> {
  codeIdPromise ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const base = path.dirname(here);
    const hash = createHash('sha1').update(VERSION);
    const walk = async (dir: string): Promise<void> => {
      const names = (await readdir(dir)).sort();
      for (const name of names) {
        const full = path.join(dir, name);
        if ((await stat(full)).isDirectory()) await walk(full);
        else if (/\.(ts|js|cjs|json)$/.test(name)) hash.update(name).update(await readFile(full));
      }
    };
    for (const part of ['parse', 'links', 'graph']) await walk(path.join(base, part));
    for (const name of (await readdir(base)).sort())
      if (/^(pipeline|types)\.(ts|js)$/.test(name))
        hash.update(name).update(await readFile(path.join(base, name)));
    return `${VERSION}+${hash.digest('hex').slice(0, 16)}`;
  })();
  return codeIdPromise;
}

/** `$PAPERMAP_CACHE_DIR`, else `$XDG_CACHE_HOME/papermap`, else `~/.cache/papermap`; one folder per notes folder. */
export async function defaultCacheDir(
  contentDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const root =
    env.PAPERMAP_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'papermap');
  const real = await realpath(contentDir).catch(() => path.resolve(contentDir));
  const name = `${path
    .basename(real)
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 40)}-${createHash('sha1').update(real).digest('hex').slice(0, 12)}`;
  return path.join(root, name);
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but not trusted (truncated, corrupt, another papermap's): rebuilt. */
  rejected: number;
  writes: number;
}

export interface BuildCache {
  dir: string;
  code: string;
  stats: CacheStats;
  parseKey(file: { path: string; text: string }): string;
  getParse(key: string): Promise<unknown>;
  putParse(key: string, parse: unknown): Promise<void>;
  getGraph(key: string): Promise<SerializedGraph | undefined>;
  putGraph(key: string, graph: SerializedGraph): Promise<void>;
  /** The layout positions the graph under `key` ended with (to warm a builder without laying out again). */
  getLayout(key: string): Promise<LayoutMemory | undefined>;
  /** The layout most recently written under any key (checked as every entry is), or undefined. */
  getLastLayout(): Promise<LayoutMemory | undefined>;
  putLayout(key: string, layout: LayoutMemory): Promise<void>;
  /** Remove parse entries not in `keep` and graph and layout entries other than `keepGraph`'s. */
  prune(keep: ReadonlySet<string>, keepGraph: string): Promise<void>;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export async function openCache(dir: string): Promise<BuildCache> {
  const code = await codeId();
  const stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };
  type Kind = 'parses' | 'graphs' | 'layouts';
  const file = (kind: Kind, key: string) =>
    kind === 'parses'
      ? path.join(dir, 'parses', `${key}.json`)
      : path.join(dir, `${kind === 'graphs' ? 'graph' : 'layout'}-${key}.json`);

  async function get(kind: Kind, key: string): Promise<unknown> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file(kind, key));
    } catch {
      stats.misses++;
      return undefined;
    }
    try {
      // Checked on the bytes (no decoding to check): header line, then the body it describes.
      const nl = bytes.indexOf(0x0a);
      if (nl < 0) throw new Error('no header');
      const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as Record<string, unknown>;
      const body = bytes.subarray(nl + 1);
      if (
        header.tag !== TAG ||
        header.code !== code ||
        header.key !== key ||
        header.bytes !== body.length ||
        header.sha1 !== createHash('sha1').update(body).digest('hex')
      ) {
        throw new Error('not this entry');
      }
      stats.hits++;
      return JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      stats.rejected++;
      await unlink(file(kind, key)).catch(() => undefined);
      return undefined;
    }
  }

  async function put(kind: Kind, key: string, value: unknown): Promise<void> {
    const body = Buffer.from(JSON.stringify(value));
    const header = JSON.stringify({
      tag: TAG,
      code,
      key,
      bytes: body.length,
      sha1: createHash('sha1').update(body).digest('hex'),
    });
    try {
      await writeFileAtomic(file(kind, key), Buffer.concat([Buffer.from(`${header}\n`), body]));
      stats.writes++;
    } catch {
      // A cache that cannot be written only makes the next start slower.
    }
  }

  return {
    dir,
    code,
    stats,
    parseKey: (f) => sha1(`${code}\u0000${f.path}\u0000${f.text}`),
    getParse: (key) => get('parses', key),
    putParse: (key, parse) => put('parses', key, parse),
    getGraph: async (key) => (await get('graphs', key)) as SerializedGraph | undefined,
    putGraph: (key, graph) => put('graphs', key, graph),
    getLayout: async (key) => layoutFromJson(await get('layouts', key)),
    async getLastLayout() {
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) =>
        /^layout-\w+\.json$/.test(n),
      );
      const dated = await Promise.all(
        names.map(async (name) => ({
          name,
          at: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? -1,
        })),
      );
      dated.sort((a, b) => b.at - a.at || (a.name < b.name ? -1 : 1));
      for (const { name } of dated) {
        const layout = layoutFromJson(await get('layouts', name.slice('layout-'.length, -'.json'.length)));
        if (layout) return layout;
      }
      return undefined;
    },
    putLayout: (key, layout) => put('layouts', key, layoutToJson(layout)),
    async prune(keep, keepGraph) {
      for (const name of await readdir(path.join(dir, 'parses')).catch(() => [] as string[])) {
        const key = name.replace(/\.json$/, '');
        if (!keep.has(key)) await rm(path.join(dir, 'parses', name), { force: true });
      }
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (
          /^(graph|layout)-.*\.json$/.test(name) &&
          name !== `graph-${keepGraph}.json` &&
          name !== `layout-${keepGraph}.json`
        )
          await rm(path.join(dir, name), { force: true });
      }
    },
  };
}

interface LayoutJson {
  signature: string;
  positions: [string, number, number][];
  topics: [string, string][];
  communities: [string, number][];
}

function layoutToJson(layout: LayoutMemory): LayoutJson {
  return {
    signature: layout.signature,
    positions: [...layout.positions].map(([k, [x, y]]) => [k, x, y]),
    topics: [...layout.topics],
    communities: [...layout.communities],
  };
}

/** The layout back from its entry; anything not of that shape is not used. */
function layoutFromJson(value: unknown): LayoutMemory | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<LayoutJson>;
  const isList = (x: unknown, ok: (row: unknown[]) => boolean) =>
    Array.isArray(x) && x.every((row) => Array.isArray(row) && ok(row as unknown[]));
  if (
    typeof v.signature !== 'string' ||
    !isList(
      v.positions,
      (r) => r.length === 3 && typeof r[0] === 'string' && Number.isFinite(r[1]) && Number.isFinite(r[2]),
    ) ||
    !isList(v.topics, (r) => r.length === 2 && typeof r[0] === 'string' && typeof r[1] === 'string') ||
    !isList(v.communities, (r) => r.length === 2 && typeof r[0] === 'string' && Number.isInteger(r[1]))
  )
    return undefined;
  return {
    signature: v.signature,
    positions: new Map(v.positions!.map(([k, x, y]) => [k, [x, y]])),
    topics: new Map(v.topics),
    communities: new Map(v.communities),
  };
}

/**
 * The cache for a notes folder, or null when it cannot be made (a read-only home): the build then simply
 * runs without one.
 */
export async function openBuildCache(content: string, dir?: string | null): Promise<BuildCache | null> {
  try {
    return await openCache(dir ?? (await defaultCacheDir(content)));
  } catch {
    return null;
  }
}
