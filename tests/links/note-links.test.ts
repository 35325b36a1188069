// The notes' own links, edge by edge: `[[X]]` in a sentence is an edge of the type the sentence's cue gives, else
// `links-to`, carrying that sentence and place once; a pair the text already typed gets no `links-to` on top;
// keyword pages are concepts the paper mentions, cited at the paper's place.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { withNoteLinks } from '../../src/links/wikilinks.js';
import type { NoteLink, PaperId, PaperRecord } from '../../src/types.js';
import { paper } from './helpers.js';

const BERT = 'title:bert';
const ELMO = 'title:elmo';
const GLOVE = 'title:glove';
const at = (line: number) => ({ file: 'papers/BERT.md', line });
const link = (target: string, line: number, text: string): NoteLink => ({
  target: target as PaperId,
  source: at(line),
  text,
});

const papers = (bert: Parameters<typeof paper>[1]): PaperRecord[] => [
  paper(BERT, {
    label: 'BERT',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers',
    sources: [at(1)],
    ...bert,
  }),
  paper(ELMO, { label: 'ELMo', title: 'ELMo: Deep Contextualized Word Representations' }),
  paper(GLOVE, { label: 'GloVe', title: 'GloVe: Global Vectors for Word Representation' }),
];

const from = (result: ReturnType<typeof findLinks>, source: string) =>
  result.edges
    .filter((e) => e.source === source)
    .map((e) => ({ key: e.key, evidence: e.evidence, sources: e.sources, confidence: e.confidence }));

describe('note links, edge by edge', () => {
  it('a cue types the link, else links-to; each edge carries its sentences and places, once each', () => {
    const result = findLinks(
      papers({
        noteLinks: [
          link(ELMO, 12, 'Compared with [[ELMo]], BERT is deeply bidirectional.'),
          link(GLOVE, 14, 'See also [[GloVe]].'),
          // the same sentence read twice (an embed and its link): one piece of evidence
          link(GLOVE, 14, 'See also [[GloVe]].'),
          link(GLOVE, 20, 'Word vectors as in [[GloVe]].'),
        ],
      }),
    );
    expect(from(result, BERT)).toEqual([
      {
        key: `compares:${BERT}->${ELMO}`,
        evidence: ['Compared with [[ELMo]], BERT is deeply bidirectional.'],
        sources: [at(12)],
        confidence: 0.95,
      },
      {
        key: `links-to:${BERT}->${GLOVE}`,
        evidence: ['See also [[GloVe]].', 'Word vectors as in [[GloVe]].'],
        sources: [at(14), at(20)],
        confidence: 0.95,
      },
    ]);
    // Every edge in key order.
    const keys = result.edges.map((e) => e.key);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('the same sentence at another place is evidence again', () => {
    const result = findLinks(
      papers({ noteLinks: [link(GLOVE, 14, 'See also [[GloVe]].'), link(GLOVE, 30, 'See also [[GloVe]].')] }),
    );
    expect(from(result, BERT)[0]?.sources).toEqual([at(14), at(30)]);
  });

  it('another sentence on the same line is evidence too', () => {
    const result = findLinks(
      papers({
        noteLinks: [
          link(GLOVE, 14, 'See also [[GloVe]].'),
          link(GLOVE, 14, 'Its word vectors are those of [[GloVe]].'),
        ],
      }),
    );
    expect(from(result, BERT)[0]?.evidence).toEqual([
      'See also [[GloVe]].',
      'Its word vectors are those of [[GloVe]].',
    ]);
    expect(from(result, BERT)[0]?.sources).toEqual([at(14), at(14)]);
  });

  it('a pair the text already typed gets no links-to; a link with a cue adds its sentence', () => {
    const result = findLinks(
      papers({
        text: ['BERT 优于 ELMo。'],
        noteLinks: [
          link(ELMO, 12, 'See [[ELMo]].'),
          link(ELMO, 13, 'Compared with [[ELMo]], BERT is deeply bidirectional.'),
        ],
      }),
    );
    const edges = from(result, BERT).filter((e) => !e.key.startsWith('mentions'));
    expect(edges.map((e) => e.key)).toEqual([`compares:${BERT}->${ELMO}`]);
    expect(edges[0]?.evidence).toEqual([
      'BERT 优于 ELMo。',
      'Compared with [[ELMo]], BERT is deeply bidirectional.',
    ]);
    expect(edges[0]?.confidence).toBe(0.95);
  });

  it('keyword pages are concepts the paper mentions, at its place; reserved names are skipped', () => {
    const result = findLinks(
      papers({ concepts: ['Word Embeddings', 'GRPO', '__proto__', 'Word Embeddings'] }),
    );
    const embeddings = result.concepts.find((c) => c.id === 'concept:word-embeddings');
    expect(embeddings).toMatchObject({ label: 'Word Embeddings', conceptKind: 'concept', sources: [at(1)] });
    expect(from(result, BERT)).toEqual([
      {
        key: `mentions:${BERT}->concept:grpo`,
        evidence: ['[[GRPO]]'],
        sources: [at(1)],
        confidence: 0.95,
      },
      {
        key: `mentions:${BERT}->concept:word-embeddings`,
        evidence: ['[[Word Embeddings]]'],
        sources: [at(1)],
        confidence: 0.95,
      },
    ]);
    expect(result.concepts.some((c) => c.label === '__proto__')).toBe(false);
    const ids = result.concepts.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('a mention or a shared group is no typed edge: the link still gives links-to', () => {
    const result = findLinks(
      papers({
        authors: ['Jacob Devlin', 'Kenton Lee'],
        text: ['BERT 和 ELMo 都是预训练语言模型。'],
        noteLinks: [link(ELMO, 12, 'See [[ELMo]].'), link(GLOVE, 13, 'See [[GloVe]].')],
      }).map((p) => (p.id === GLOVE ? { ...p, authors: ['Jacob Devlin', 'Kenton Lee'] } : p)),
    );
    const keys = from(result, BERT).map((e) => e.key);
    expect(keys).toContain(`mentions:${BERT}->${ELMO}`);
    expect(keys).toContain(`links-to:${BERT}->${ELMO}`);
    expect(result.edges.map((e) => e.key)).toContain(`same-group:${BERT}--${GLOVE}`);
    expect(keys).toContain(`links-to:${BERT}->${GLOVE}`);
  });

  it('returns the links it was given, untouched, when no note links; never changes them', () => {
    const plain = papers({ text: ['BERT 优于 ELMo。'] });
    const links = findLinks(plain);
    expect(withNoteLinks(plain, links)).toBe(links);
    const before = JSON.stringify(links);
    const linked = withNoteLinks(papers({ noteLinks: [link(GLOVE, 14, 'See also [[GloVe]].')] }), links);
    expect(JSON.stringify(links)).toBe(before);
    expect(linked.edges).toHaveLength(links.edges.length + 1);
  });
});
