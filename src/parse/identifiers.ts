// Identifiers of a work beyond arXiv: DOI, citekey, OpenReview forum id, ACL Anthology id, Semantic Scholar id.
// Every regular expression is anchored or bounded (see patterns.ts).
import type { WorkIds } from '../types.js';

/** `10.1162/NECO.1997.9.8.1735`, `https://doi.org/10.…`, `doi:10.…` -> `10.1162/neco.1997.9.8.1735` (DOIs are case-insensitive). */
export function normaliseDoi(text: string): string | undefined {
  let input = text.trim();
  if (input.includes('%')) {
    try {
      input = decodeURIComponent(input);
    } catch {
      // keep it as written
    }
  }
  const m = /(?:^|[\s(<[:/]|doi:\s{0,2})(10\.\d{4,9}\/[^\s"'<>()[\]{}]{1,200})/i.exec(input);
  if (!m) return undefined;
  const doi = m[1]!.replace(/[.,;:*_]+$/, '');
  return doi.toLowerCase();
}

/** DOIs in free text (`doi.org/…` links and `doi: 10.…` mentions). */
export function findDois(text: string): string[] {
  const out: string[] = [];
  if (!/10\.\d{4}/.test(text)) return out;
  for (const m of text.matchAll(
    /(?:doi\.org\/|doi[:：]\s{0,2}|\bDOI\b\W{0,4})(10\.\d{4,9}\/[^\s"'<>()[\]{}]{1,200})/gi,
  )) {
    const doi = normaliseDoi(m[1]!);
    if (doi && !out.includes(doi)) out.push(doi);
  }
  return out;
}

/** Identifiers a URL carries: OpenReview forum, ACL Anthology, Semantic Scholar, DOI. */
export function idsFromUrl(url: string): WorkIds {
  const ids: WorkIds = {};
  const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  if (host.endsWith('openreview.net')) {
    const m = /[?&]id=([A-Za-z0-9_-]{5,20})/.exec(url);
    if (m) ids.openreview = m[1]!;
  } else if (host.endsWith('aclanthology.org') || host.endsWith('aclweb.org')) {
    const m = /\/((?:[A-Z]\d{2}-\d{4})|(?:\d{4}\.[a-z][a-z0-9-]{1,30}\.\d{1,4}))(?:\.pdf)?\/?(?:[?#]|$)/.exec(
      url,
    );
    if (m) ids.acl = m[1]!;
  } else if (host.endsWith('semanticscholar.org')) {
    const m = /\/paper\/(?:[^/?#]{0,300}\/)?([0-9a-f]{40})(?:[/?#]|$)/.exec(url);
    if (m) ids.s2 = m[1]!;
  } else if (host.endsWith('doi.org')) {
    const doi = normaliseDoi(url);
    if (doi) ids.doi = doi;
  }
  return ids;
}

/** A DOI of the form `10.18653/v1/N19-1423` names an ACL Anthology paper too. */
export function aclFromDoi(doi: string): string | undefined {
  const m = /^10\.18653\/v1\/([a-z]\d{2}-\d{4}|\d{4}\.[a-z][a-z0-9-]{1,30}\.\d{1,4})$/i.exec(doi);
  if (!m) return undefined;
  const id = m[1]!;
  return /^[a-z]\d/i.test(id) ? id.toUpperCase() : id.toLowerCase();
}

/** `10.48550/arXiv.2005.11401` is arXiv's own DOI for that id. */
export function arxivFromDoi(doi: string): string | undefined {
  return /^10\.48550\/arxiv\.(\d{4}\.\d{4,5})$/i.exec(doi)?.[1];
}

/**
 * A citekey as Better BibTeX (`hochreiterLongShortTermMemory1997`), Google Scholar (`vaswani2017attention`) or
 * BibLib (`Smith2023QuantumComputing`) make them: letters with a 4-digit year, no spaces.
 */
export function isCitekey(name: string): boolean {
  if (name.length < 6 || name.length > 80) return false;
  if (!/^@?[A-Za-z][A-Za-z0-9_:-]*$/.test(name)) return false;
  const year = /(?:^|[A-Za-z_:-])(1[89]\d{2}|20\d{2})(?:[a-z]?$|[A-Za-z_:-])/.exec(name);
  return year !== null && /[a-z]/.test(name) && !/^\d/.test(name.replace(/^@/, ''));
}

/**
 * The title, first author and year a citekey spells: `hochreiterLongShortTermMemory1997` ->
 * `{ author: 'Hochreiter', title: 'Long Short Term Memory', year: '1997' }`; `vaswani2017attention` -> title
 * `attention`. Only a last resort, when no other title is known.
 */
export function humaniseCitekey(key: string): { author?: string; title: string; year?: string } {
  const k = key.replace(/^@/, '');
  const year = /(1[89]\d{2}|20\d{2})/.exec(k)?.[1];
  const words = k
    // A one-letter suffix (`2016a`) goes with the year; the first letter of a word (`2017attention`) does not.
    .replace(/(1[89]\d{2}|20\d{2})(?:[a-z](?![a-z]))?/, ' ')
    .replace(/[_:-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const author = words.length > 1 ? words.shift()! : undefined;
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return {
    ...(author ? { author: cap(author) } : {}),
    title: words.join(' ') || k,
    ...(year ? { year } : {}),
  };
}

/** Merge `b` into `a` where `a` has no value. */
export function mergeIds(a: WorkIds, b: WorkIds | undefined): WorkIds {
  if (!b) return a;
  const out: WorkIds = { ...a };
  for (const key of ['doi', 'citekey', 'openreview', 'acl', 's2'] as const)
    if (!out[key] && b[key]) out[key] = b[key];
  return out;
}

/** The identity keys of a work (`doi:…`, `citekey:…`, …), lower-cased, for merging. */
export function identityKeys(ids: WorkIds | undefined, notes: readonly string[] | undefined): string[] {
  const keys: string[] = [];
  if (ids) {
    if (ids.doi) keys.push(`doi:${ids.doi}`);
    if (ids.citekey) keys.push(`citekey:${ids.citekey.toLowerCase()}`);
    if (ids.openreview) keys.push(`openreview:${ids.openreview}`);
    if (ids.acl) keys.push(`acl:${ids.acl.toLowerCase()}`);
    if (ids.s2) keys.push(`s2:${ids.s2}`);
  }
  if (notes) for (const n of notes) keys.push(`note:${n}`);
  return keys;
}
