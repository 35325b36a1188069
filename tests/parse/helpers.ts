// Shared by the parser tests: read a fixture folder and project a parse onto the fields expected.json pins.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { NoteFile, ParseResult } from '../../src/types.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const SEED = join(import.meta.dirname, '..', '..', 'content', 'reinforcement-learning.md');

export function readNotes(dir: string): NoteFile[] {
  const files: NoteFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push({ path: relative(dir, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return files;
}

export function project(result: ParseResult) {
  return {
    stats: result.stats,
    papers: result.papers.map((p) => ({
      id: p.id,
      label: p.label,
      title: p.title,
      altTitles: p.altTitles,
      ...(p.arxiv ? { arxiv: p.arxiv } : {}),
      ...(p.date ? { date: p.date } : {}),
      ...(p.published ? { published: p.published } : {}),
      authors: p.authors,
      topicPath: p.topicPath,
      topics: p.topics,
      sources: p.sources.map((s) => `${s.file}:${s.line}`),
      links: p.links.map((l) => l.url),
      tags: p.tags,
      citedOnly: p.citedOnly,
    })),
    diagnostics: result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`),
  };
}
