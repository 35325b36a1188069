// The expected records of the style fixtures (tests/fixtures/style-*/records.json) and how a parse is scored
// against them: shared by tests/parse/styles.test.ts and the table `npx tsx bench/styles.ts` prints.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotes } from '../../src/parse/index.js';
import type { PaperRecord } from '../../src/types.js';
import { FIXTURES, readNotes } from './helpers.js';

export interface Expected {
  title: string;
  authors?: string[];
  year?: number;
  published?: string;
  issued?: string;
  date?: string;
  doi?: string;
  arxiv?: string;
  citekey?: string;
  openreview?: string;
  acl?: string;
  venue?: string;
  itemType?: string;
  topic?: string;
  kind?: string;
}

export interface Records {
  papers: Expected[];
  works?: { title: string; kind: string }[];
  hubs?: string[];
  joins?: Record<string, string>;
  noteLinks?: [string, string][];
  unresolved?: string[];
  absent?: string[];
  notWorks?: string[];
  topics?: string[];
}

export const styles = readdirSync(FIXTURES).filter(
  (c) => c.startsWith('style-') && existsSync(join(FIXTURES, c, 'records.json')),
);

/** Real vaults too small to count as a style (fewer than ten notes), scored all the same. */
export const realVaults = readdirSync(FIXTURES).filter(
  (c) => c.startsWith('vault-') && existsSync(join(FIXTURES, c, 'records.json')),
);

/** Every fixture folder with expected records: the styles, then the small real vaults. */
export const scored = [...styles, ...realVaults];

/** The fields of one expected record the parse got wrong (empty when all are right). */
export function wrongFields(want: Expected, got: PaperRecord): string[] {
  const wrong: string[] = [];
  const year = Number((got.issued ?? got.published ?? '').slice(0, 4)) || undefined;
  const check = (name: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(actual))
      wrong.push(`${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  check('authors', want.authors, got.authors);
  check('year', want.year, year);
  check('published', want.published, got.published);
  check('issued', want.issued, got.issued);
  check('date', want.date, got.date);
  check('doi', want.doi, got.ids?.doi);
  check('arxiv', want.arxiv, got.arxiv);
  check('citekey', want.citekey, got.ids?.citekey);
  check('openreview', want.openreview, got.ids?.openreview);
  check('acl', want.acl, got.ids?.acl);
  check('venue', want.venue, got.venue);
  check('itemType', want.itemType, got.itemType);
  check('topic', want.topic, got.topicPath[got.topicPath.length - 1]);
  return wrong;
}

export interface StyleScore {
  style: string;
  notes: number;
  expected: number;
  found: number;
  fieldsRight: number;
  /** Works of other kinds expected / found with their kind. */
  works: number;
  worksFound: number;
  /** Papers drawn that the records do not expect. */
  extra: number;
}

/** Parse one style's notes and score them against its records: every paper found, and with every field right. */
export function scoreStyle(style: string): StyleScore {
  const records = JSON.parse(readFileSync(join(FIXTURES, style, 'records.json'), 'utf8')) as Records;
  const files = readNotes(join(FIXTURES, style, 'notes'));
  const result = parseNotes(files);
  const papers = result.papers.filter((p) => !p.workKind);
  const byTitle = new Map(papers.map((p) => [p.title, p]));
  const found = records.papers.filter((e) => byTitle.has(e.title));
  const works = records.works ?? [];
  const expected = new Set(records.papers.map((e) => e.title));
  return {
    style,
    notes: files.filter((f) => /\.md$/.test(f.path)).length,
    expected: records.papers.length,
    found: found.length,
    fieldsRight: found.filter((e) => wrongFields(e, byTitle.get(e.title)!).length === 0).length,
    works: works.length,
    worksFound: works.filter((w) => result.papers.some((p) => p.title === w.title && p.workKind === w.kind))
      .length,
    extra: papers.filter((p) => !expected.has(p.title)).length,
  };
}
