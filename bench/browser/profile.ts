// CPU profiles of the bench pages: frames mapped back to their sources through the build's source maps.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';

const SITE = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'site');

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Original source position of a frame in a built bundle, from its source map (when there is one). */
export function mapper(): (url: string, line: number, column: number) => string | null {
  const consumers = new Map<string, SourceMapConsumer | null>();
  return (url, line, column) => {
    const file = url.replace(/^.*\/(app|bare)\//, '');
    if (!file.endsWith('.js')) return null;
    const site = url.includes('/app/') ? 'app' : 'bare';
    const key = `${site}/${file}`;
    if (!consumers.has(key)) {
      const mapFile = join(SITE, site, `${file}.map`);
      consumers.set(
        key,
        existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8'))) : null,
      );
    }
    const c = consumers.get(key);
    if (!c) return null;
    const pos = c.originalPositionFor({ line: line + 1, column });
    if (!pos.source) return null;
    return `${pos.name ?? '?'} ${pos.source.replace(/^.*node_modules\//, 'nm/').replace(/^(\.\.\/)+/, '')}:${pos.line}`;
  };
}
export const original = mapper();

export function top(profile: Profile, n: number): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const d = profile.timeDeltas[i] ?? 0;
    total += d;
    if (!node) return;
    const cf = node.callFrame;
    const key =
      original(cf.url, cf.lineNumber, cf.columnNumber) ??
      `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*\//, '')}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + d);
  });
  return [
    `total ${(total / 1000).toFixed(0)} ms`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, v]) =>
          `${(v / 1000).toFixed(0).padStart(6)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`,
      ),
  ];
}

/** Milliseconds of self time in the profile whose source matches `own` (e.g. our app's files), and in all. */
export function ownTime(profile: Profile, own: RegExp): { own: number; total: number } {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  let mine = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const d = profile.timeDeltas[i] ?? 0;
    const cf = byId.get(id)?.callFrame;
    if (!cf || cf.url === '') return;
    total += d;
    const at = original(cf.url, cf.lineNumber, cf.columnNumber) ?? '';
    if (own.test(at)) mine += d;
  });
  return { own: mine / 1000, total: total / 1000 };
}
