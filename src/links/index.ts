// Paper records -> concepts and typed edges with evidence. Pure: no I/O.
import type { LinkResult, PaperRecord } from '../types.js';
import { CONCEPT_REF, compareStrings, prepareLexicon } from './core.js';
import { LinkIndex, warmLinks } from './incremental.js';
import { withNoteLinks } from './wikilinks.js';

export { LEXICON_FILE_NAME } from './lexicon.js';
export { HANDFUL, MAX_CONCEPT_SOURCES, MAX_EVIDENCE } from './core.js';

export interface LinkOptions {
  /** Text of the user's own lexicon file from the content folder (format documented in README), if any. */
  userLexicon?: { file: string; text: string } | null;
  /**
   * Keep between builds (from `createLinkCache()`): the link index is then patched with what changed (the
   * papers whose record changed, and the papers whose text names a name that changed) instead of rebuilt.
   * Same output as without it; unchanged edge and concept records keep their identity.
   */
  cache?: LinkCache | null;
}

/** State kept between builds. Opaque: create with `createLinkCache()`, pass as `options.cache`. */
export class LinkCache {
  /** The persistent link index (papers' findings, edges by source, same-group pairs, sorted output). */
  index = new LinkIndex();
  /** Papers read (not kept from an earlier build) by the last build. */
  get lastRead(): number {
    return this.index.lastRead;
  }
  /** How the last build came by its name table: kept, patched for a few names no other paper claims, or resolved. */
  get lastNames(): 'kept' | 'patched' | 'resolved' {
    return this.index.lastNames;
  }
  /** The last build's name matcher: reused while the set of names is the same. */
  get matcher(): unknown {
    return this.index.matcher;
  }
}

export function createLinkCache(): LinkCache {
  return new LinkCache();
}

/** Papers in id order: the output does not depend on the input order. */
function sortedPapers(input: readonly PaperRecord[]): PaperRecord[] {
  let sorted = true;
  for (let i = 1; i < input.length && sorted; i++)
    sorted = (input[i - 1] as PaperRecord).id < (input[i] as PaperRecord).id;
  return sorted ? [...input] : [...input].sort((a, b) => compareStrings(a.id, b.id));
}

/**
 * A record with every field present, in one order. Records come from the parser in several shapes (absent
 * optional fields are left out), and each function reading them was optimised again for every new shape it
 * met; one shape reads faster and compiles once. Values are shared, not copied.
 */
function uniformShape(p: PaperRecord): PaperRecord {
  return {
    id: p.id,
    label: p.label,
    title: p.title,
    altTitles: p.altTitles,
    arxiv: p.arxiv,
    date: p.date,
    published: p.published,
    authors: p.authors,
    topic: p.topic,
    topicPath: p.topicPath,
    topics: p.topics,
    summary: p.summary,
    links: p.links,
    sources: p.sources,
    tags: p.tags,
    citedOnly: p.citedOnly,
    text: p.text,
  };
}

/** Find concepts and typed edges (builds-on, critiques, compares, same-group, mentions) in paper records. */
export function findLinks(input: readonly PaperRecord[], options?: LinkOptions | null): LinkResult {
  // The notes' own links (`[[Other Note]]`, keyword pages) join what the text says.
  return withNoteLinks(input, findTextLinks(input, options));
}

function findTextLinks(input: readonly PaperRecord[], options?: LinkOptions | null): LinkResult {
  const papers = sortedPapers(input);
  if (papers.length >= CONCEPT_REF) throw new Error('papermap/links: too many papers');
  const prepared = prepareLexicon(options?.userLexicon);
  // One route: a one-shot build is the warm index filled from empty (and then dropped).
  const index = options?.cache?.index ?? new LinkIndex(false);
  // A dropped index may read copies in one object shape (a kept one tells edits by the records' identity).
  if (!options?.cache)
    for (let p = 0; p < papers.length; p++) papers[p] = uniformShape(papers[p] as PaperRecord);
  return withBusiest(warmLinks(papers, prepared, options?.userLexicon ?? null, index), papers, index);
}

/** The result with its ten busiest nodes named (`busy-node` infos), warm and fresh alike. */
function withBusiest(result: LinkResult, papers: readonly PaperRecord[], index: LinkIndex): LinkResult {
  const busy = index.busy.notes(papers, result.concepts);
  return busy.length === 0 ? result : { ...result, diagnostics: [...result.diagnostics, ...busy] };
}
