// `papermap build` (and `npm run build`): the map as a static site (graph included) that works from any
// static file server, in any folder (relative URLs). See site.ts for how the folder is replaced safely.
import { graphSource } from './dev.js';
import { noteLinesReader } from './note-files.js';
import { writeSite } from './site.js';

export interface SiteOptions {
  content: string;
  out: string;
  synthetic: number | null;
  remoteImages?: boolean | null;
  followExternalLinks?: boolean | null;
  libraryAll?: boolean | null;
  cacheDir?: string | null;
  noCache?: boolean | null;
  workers?: number | null;
}

export async function buildSite(opts: SiteOptions): Promise<void> {
  const source = await graphSource(opts);
  const graph = await source.build();
  // The static site shows a note's lines around an entry (it cannot open an editor).
  const noteLines = source.contentDir ? noteLinesReader(source.contentDir) : null;
  await writeSite({ graph, out: opts.out, remoteImages: opts.remoteImages ?? false, bundle: { noteLines } });
}
