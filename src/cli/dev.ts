// `papermap serve` (and `npm run dev`): build the graph from the notes and serve the map with live updates.
// Binds to 127.0.0.1 unless told otherwise.
import path from 'node:path';
import type { Builder } from '../pipeline.js';
import { syntheticGraph } from '../view/synthetic.js';
import { PROJECT_ROOT } from './paths.js';
import { startServer } from './server.js';
import type { GraphSource, PageServer } from './server.js';

export { PROJECT_ROOT };

export interface SourceOptions {
  followExternalLinks?: boolean | null;
}

/** The graph of a notes folder, rebuilt incrementally (only changed files are read and parsed again). */
export async function directorySource(
  contentDir: string,
  options?: SourceOptions | null,
): Promise<GraphSource> {
  // Loaded here so `--synthetic` runs without the notes pipeline.
  const { createBuilder } = await import('../pipeline.js');
  const { buildFromDirectory } = await import('./build-from-directory.js');
  const { isNotePath, LEXICON_FILE_NAME } = await import('./read-content.js');
  const builder: Builder = createBuilder({});
  const follow = options?.followExternalLinks ?? false;
  let first = true;
  return {
    contentDir,
    build: async () => {
      // The first build reads the whole folder; later full builds also do.
      const r = await buildFromDirectory(contentDir, {
        builder: first ? builder : null,
        followExternalLinks: follow,
      });
      first = false;
      return r.graph;
    },
    rebuild: async (changed) => {
      const rel = changed.map((f) => path.relative(contentDir, f).split(path.sep).join('/'));
      // A folder added, renamed or deleted (or any other non-note): read the whole folder again; unchanged
      // notes are recognised by their hash and not parsed again.
      const whole = rel.some((p) => p !== LEXICON_FILE_NAME && !isNotePath(p));
      return (
        await buildFromDirectory(contentDir, {
          builder,
          changed: whole ? null : rel,
          followExternalLinks: follow,
        })
      ).graph;
    },
  };
}

export function syntheticSource(papers: number): GraphSource {
  const graph = syntheticGraph({ papers });
  return { contentDir: null, build: async () => graph };
}

export interface DevOptions {
  content: string;
  port: number;
  host: string;
  synthetic: number | null;
  remoteImages?: boolean | null;
  followExternalLinks?: boolean | null;
}

export async function startDevServer(
  opts: DevOptions,
  log: (line: string) => void = console.log,
): Promise<PageServer> {
  const source =
    opts.synthetic !== null
      ? syntheticSource(opts.synthetic)
      : await directorySource(opts.content, { followExternalLinks: opts.followExternalLinks ?? false });
  return startServer({
    source,
    host: opts.host,
    port: opts.port,
    remoteImages: opts.remoteImages ?? false,
    log,
  });
}
