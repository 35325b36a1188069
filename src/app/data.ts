// Loading the map and, on demand, detail chunks and the search extras. Relative URLs, so the static
// build works from any folder of any static server.
import type { DetailChunk, MapFile, NodeDetail, SearchFile } from '../view/types.js';
import { MAP_FORMAT } from '../view/types.js';

export const DATA_BASE = './data/';

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(DATA_BASE + path, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`papermap: ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export async function loadMap(): Promise<MapFile> {
  const map = await getJson<MapFile>('map.json');
  if (map.format !== MAP_FORMAT || map.version !== 1)
    throw new Error('papermap: map.json has an unknown format');
  return map;
}

/** Detail chunks and search extras of one build, each fetched at most once. */
export class DetailStore {
  private chunks = new Map<number, Promise<DetailChunk>>();
  private searchExtras: Promise<SearchFile> | null = null;
  constructor(private readonly map: MapFile) {}

  detail(i: number): Promise<NodeDetail | undefined> {
    const c = Math.floor(i / this.map.chunkSize);
    let p = this.chunks.get(c);
    if (!p) {
      p = getJson<DetailChunk>(`details/${c}.json?b=${this.map.build}`);
      p.catch(() => this.chunks.delete(c));
      this.chunks.set(c, p);
    }
    return p.then((chunk) => chunk.nodes[String(i)]);
  }

  search(): Promise<SearchFile> {
    if (!this.searchExtras) {
      this.searchExtras = getJson<SearchFile>(`search.json?b=${this.map.build}`);
      this.searchExtras.catch(() => (this.searchExtras = null));
    }
    return this.searchExtras;
  }
}
