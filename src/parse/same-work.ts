// The same work seen twice is one paper: WeChat articles (no arXiv id of their own) that go by the same
// name as another record (`POLARIS` at one place, `Polaris` at another; an article named after an arXiv paper of
// the notes) are joined to it. Runs on a merged ParseResult, after the fresh and the warm merge alike.
import type { PaperRecord, ParseResult } from '../types.js';
import { GENERIC_NAMES } from './text.js';

/** A label that names a work (`POLARIS`, `GoT-R1`, `CPGD`), not a shortened title or a common word. */
const WORK_NAME = /^[A-Za-z][A-Za-z0-9]*(?:[-+.][A-Za-z0-9]+)*\+*$/;

function workName(paper: PaperRecord): string | undefined {
  const label = paper.label.trim();
  if (label.length < 3 || !WORK_NAME.test(label) || !/[A-Z]/.test(label)) return undefined;
  if (/^arxiv$/i.test(label) || GENERIC_NAMES.has(label.toLowerCase())) return undefined;
  return label.toLowerCase();
}

/** A plain capitalised word (`Guide`, `Polaris`) is too weak to join two places on its own. */
function isStrongName(paper: PaperRecord): boolean {
  return !/^[A-Z][a-z]+$/.test(paper.label.trim());
}

function union<T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String): T[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) {
    if (seen.has(key(x))) continue;
    seen.add(key(x));
    out.push(x);
  }
  return out;
}

/** `b` folded into `a` (the record that keeps its id, title and label). */
function join(a: PaperRecord, b: PaperRecord): PaperRecord {
  const date = a.date && b.date ? (a.date < b.date ? a.date : b.date) : (a.date ?? b.date);
  const published = a.published ?? b.published;
  return {
    ...a,
    altTitles: union(a.altTitles, [b.title, ...b.altTitles]).filter((t) => t !== a.title),
    ...(date ? { date } : {}),
    ...(published ? { published } : {}),
    authors: a.authors.length > 0 ? a.authors : b.authors,
    topics: union(a.topics, b.topics),
    summary: [a.summary, b.summary].filter((s) => s.trim() !== '').join('\n\n'),
    links: union(a.links, b.links, (l) => l.url),
    sources: union(a.sources, b.sources, (s) => `${s.file}:${s.line}`),
    tags: union(a.tags, b.tags),
    citedOnly: a.citedOnly && b.citedOnly,
    text: [...a.text, ...b.text],
  };
}

/** Which of two records keeps its id: an arXiv paper, else the earlier note, else the smaller id. */
function keeps(a: PaperRecord, b: PaperRecord): boolean {
  if (!!a.arxiv !== !!b.arxiv) return !!a.arxiv;
  const da = a.date ?? '9999';
  const db = b.date ?? '9999';
  return da !== db ? da < db : a.id < b.id;
}

/**
 * Joins article records (no arXiv id) to the record of the same work: the one arXiv paper, or the first article,
 * with the same name. A name two arXiv papers share is ambiguous and joins nothing. Records not joined are
 * returned as the same objects, in the same (id) order.
 */
export function joinSameWork(result: ParseResult): ParseResult {
  const byName = new Map<string, PaperRecord[]>();
  for (const paper of result.papers) {
    const name = workName(paper);
    if (name === undefined) continue;
    const list = byName.get(name);
    if (list) list.push(paper);
    else byName.set(name, [paper]);
  }
  const replaced = new Map<PaperRecord, PaperRecord | null>();
  for (const list of byName.values()) {
    if (list.length < 2 || !list.some(isStrongName)) continue;
    const arxivPapers = list.filter((p) => p.arxiv);
    if (arxivPapers.length > 1) continue;
    const articles = list.filter((p) => !p.arxiv);
    let base = arxivPapers[0] ?? articles.reduce((a, b) => (keeps(a, b) ? a : b));
    const original = base;
    for (const article of [...articles].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (article === original) continue;
      base = join(base, article);
      replaced.set(article, null);
    }
    replaced.set(original, base);
  }
  if (replaced.size === 0) return result;
  const papers: PaperRecord[] = [];
  for (const paper of result.papers) {
    const to = replaced.get(paper);
    if (to === undefined) papers.push(paper);
    else if (to !== null) papers.push(to);
  }
  const joined = result.papers.length - papers.length;
  return {
    papers,
    diagnostics: result.diagnostics,
    stats: {
      ...result.stats,
      papers: papers.length,
      mergedDuplicates: result.stats.mergedDuplicates + joined,
    },
  };
}
