// The notes' own links: `[[Other Note]]` between paper notes become typed edges (a cue in the sentence) or
// `links-to`; links to keyword pages become concepts the paper mentions. Read on the Obsidian vault fixture.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import type { LinkResult, ParseResult } from '../../src/types.js';
import { FIXTURES, readNotes } from '../parse/helpers.js';

const notes = readNotes(join(FIXTURES, 'style-obsidian-vault', 'notes'));
// Built in each test (beforeEach), not when the file is collected, so that mutation testing (`npm run mutate`)
// knows which tests run which code and reruns only those for each mutant.
let parsed: ParseResult;
let links: LinkResult;
beforeEach(() => {
  parsed = parseNotes(notes);
  links = findLinks(parsed.papers);
});
const idOf = (title: string) => parsed.papers.find((p) => p.title.startsWith(title))!.id;
const edge = (type: string, from: string, to: string) =>
  links.edges.find((e) => e.type === type && e.source === idOf(from) && e.target === to);

describe('note links', () => {
  it.each([
    ['builds-on', 'BERT', 'Attention Is All You Need', 'Builds on the Transformer encoder.'],
    ['compares', 'BERT', 'Deep Contextualized', 'Compared with ELMo, BERT is deeply bidirectional.'],
    ['builds-on', 'Deep Contextualized', 'GloVe', 'Extends GloVe static vectors with context.'],
    ['links-to', 'GloVe', 'Efficient Estimation', 'A response to word2vec.'],
    ['links-to', 'Language Models are Few-Shot', 'Attention Is All You Need', 'Scales the decoder'],
  ])('%s: %s -> %s', (type, from, to, evidence) => {
    const e = edge(type, from, idOf(to));
    expect(e, `${type} ${from} -> ${to}`).toBeDefined();
    expect(e!.evidence.join(' ')).toContain(evidence);
    expect(e!.sources[0]!.file).toMatch(/^papers\//);
  });

  it('links to keyword pages are concepts the paper mentions', () => {
    const concept = links.concepts.find((c) => c.id === 'concept:embeddings');
    expect(concept).toBeDefined();
    expect(edge('mentions', 'GloVe', 'concept:embeddings')).toBeDefined();
    expect(edge('mentions', 'Efficient Estimation', 'concept:embeddings')).toBeDefined();
  });

  it('is deterministic and leaves notes without links alone', () => {
    expect(JSON.stringify(findLinks(parsed.papers))).toBe(JSON.stringify(links));
    const plain = parsed.papers.map(({ noteLinks: _n, concepts: _c, ...rest }) => rest);
    expect(findLinks(plain).edges.some((e) => e.type === 'links-to')).toBe(false);
  });
});
