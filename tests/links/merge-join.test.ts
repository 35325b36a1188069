// `merge A <- B` in the corrections file makes one record of two notes of the same work: field by field, what the
// joined record keeps. Two real-shaped entries of one paper (an arXiv reading note and a blog-post note about it).
import { describe, expect, it } from 'vitest';
import { applyMerges, CORRECTIONS_FILE_NAME } from '../../src/links/corrections.js';
import type { PaperId, PaperRecord, ParseResult } from '../../src/types.js';
import { paper } from './helpers.js';

const file = CORRECTIONS_FILE_NAME;

const arxivNote = (over: Partial<PaperRecord> = {}): PaperRecord => ({
  ...paper('arxiv:2506.16141', {
    label: 'GRPO-CARE',
    title: 'GRPO-CARE: Consistency-Aware Reinforcement Learning for Multimodal Reasoning',
    arxiv: '2506.16141',
    date: '2025-06-19',
    authors: ['Yi Chen', 'Yuying Ge'],
    topics: ['强化学习'],
    tags: ['rl'],
    text: ['GRPO-CARE 在 GRPO 的基础上引入了一致性奖励。'],
    links: [
      { label: 'arXiv', url: 'https://arxiv.org/abs/2506.16141' },
      { label: 'code', url: 'https://github.com/TencentARC/GRPO-CARE' },
    ],
    sources: [{ file: 'rl.md', line: 40 }],
  }),
  ...over,
});

const blogNote = (over: Partial<PaperRecord> = {}): PaperRecord => ({
  ...paper('title:grpo-care-blog', {
    label: 'GRPO-CARE',
    title: 'GRPO-CARE：多模态推理的一致性感知强化学习',
    authors: [],
    topics: ['多模态'],
    tags: ['rl', 'blog'],
    text: ['这篇文章提出 GRPO-CARE，在 SEED-Bench-R1 上评测。'],
    links: [
      { label: 'arXiv', url: 'https://arxiv.org/abs/2506.16141' },
      { label: '知乎', url: 'https://zhuanlan.zhihu.com/p/1919' },
    ],
    sources: [{ file: 'blog.md', line: 3 }],
  }),
  ...over,
});

const parseResult = (papers: PaperRecord[]): ParseResult => ({
  papers,
  diagnostics: [],
  stats: { files: 2, entries: papers.length, papers: papers.length, mergedDuplicates: 0 },
});

const join = (a: PaperRecord, b: PaperRecord): PaperRecord => {
  const out = applyMerges(parseResult([a, b]), { file, text: `merge ${a.id} <- ${b.id}\n` });
  expect(out.papers.map((p) => p.id)).toEqual([a.id]);
  expect(out.stats.mergedDuplicates).toBe(1);
  return out.papers[0] as PaperRecord;
};

describe('merge: the joined record', () => {
  it("keeps the first note's identity and gathers both notes' places, texts, titles, topics, tags and links", () => {
    const a = arxivNote();
    const b = blogNote();
    const j = join(a, b);
    expect(j.id).toBe(a.id);
    expect(j.label).toBe('GRPO-CARE');
    expect(j.title).toBe(a.title);
    expect(j.altTitles).toEqual([b.title]);
    expect(j.authors).toEqual(a.authors);
    expect(j.topics).toEqual(['强化学习', '多模态']);
    expect(j.tags).toEqual(['rl', 'blog']);
    expect(j.text.map((t) => t.text)).toEqual([...a.text, ...b.text].map((t) => t.text));
    expect(j.summary).toBe(`${a.summary}\n\n${b.summary}`);
    // The arXiv link both notes give is kept once.
    expect(j.links.map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/2506.16141',
      'https://github.com/TencentARC/GRPO-CARE',
      'https://zhuanlan.zhihu.com/p/1919',
    ]);
    // Places by file, then line.
    expect(j.sources).toEqual([
      { file: 'blog.md', line: 3 },
      { file: 'rl.md', line: 40 },
    ]);
    expect(j.corrections).toEqual([{ file, line: 1 }]);
  });

  it('places are ordered by file, then by line, whatever order the notes come in', () => {
    const a = arxivNote({
      sources: [
        { file: 'papers/rl.md', line: 50 },
        { file: 'papers/zz-later.md', line: 2 },
      ],
    });
    const b = blogNote({
      sources: [
        { file: 'papers/rl.md', line: 7 },
        { file: 'blog/2025.md', line: 90 },
      ],
    });
    const expected = [
      { file: 'blog/2025.md', line: 90 },
      { file: 'papers/rl.md', line: 7 },
      { file: 'papers/rl.md', line: 50 },
      { file: 'papers/zz-later.md', line: 2 },
    ];
    expect(join(a, b).sources).toEqual(expected);
    expect(join(b, a).sources).toEqual(expected);
  });

  it('a title both notes give is not an alternative title of the joined record', () => {
    const a = arxivNote({ altTitles: ['一致性感知强化学习'] });
    const j = join(a, blogNote({ title: a.title, altTitles: ['GRPO-CARE 博客解读', a.title] }));
    expect(j.title).toBe(a.title);
    expect(j.altTitles).toEqual(['一致性感知强化学习', 'GRPO-CARE 博客解读']);
  });

  it('an empty summary adds no blank paragraph; the authors come from the note that has them', () => {
    const j = join(blogNote({ summary: '  ', authors: [] }), arxivNote());
    expect(j.summary).toBe(arxivNote().summary);
    expect(j.authors).toEqual(['Yi Chen', 'Yuying Ge']);
    const k = join(arxivNote(), blogNote({ summary: '' }));
    expect(k.summary).toBe(arxivNote().summary);
    expect(k.summary.startsWith('\n')).toBe(false);
    expect(k.summary.endsWith('\n')).toBe(false);
  });

  it("optional fields appear only when a note has them; the first note's ids win", () => {
    const j = join(arxivNote(), blogNote());
    for (const field of ['ids', 'noteLinks', 'concepts'] as const) expect(j).not.toHaveProperty(field);
    const withIds = join(
      arxivNote({ ids: { doi: '10.48550/arxiv.2506.16141' } }),
      blogNote({ ids: { doi: '10.1/other', s2: 'abc123' }, concepts: ['GRPO'] }),
    );
    expect(withIds.ids).toEqual({ doi: '10.48550/arxiv.2506.16141', s2: 'abc123' });
    expect(withIds.concepts).toEqual(['GRPO']);
    expect(withIds).not.toHaveProperty('noteLinks');
    const linked = join(
      arxivNote({ concepts: ['GRPO', 'RLVR'] }),
      blogNote({
        concepts: ['RLVR'],
        noteLinks: [
          {
            target: 'arxiv:2402.03300' as PaperId,
            source: { file: 'blog.md', line: 5 },
            text: 'see [[GRPO]]',
          },
        ],
      }),
    );
    expect(linked.concepts).toEqual(['GRPO', 'RLVR']);
    expect(linked.noteLinks?.map((l) => l.target)).toEqual(['arxiv:2402.03300']);
    expect(linked).not.toHaveProperty('ids');
    // Each note's own links and keyword pages are kept, and ids only one note has.
    const both = join(
      arxivNote({
        concepts: ['GRPO'],
        noteLinks: [
          {
            target: 'arxiv:2402.03300' as PaperId,
            source: { file: 'rl.md', line: 41 },
            text: '基于 [[GRPO]]',
          },
        ],
      }),
      blogNote({
        ids: { s2: 'abc123' },
        concepts: ['多模态推理'],
        noteLinks: [
          {
            target: 'arxiv:2501.12948' as PaperId,
            source: { file: 'blog.md', line: 5 },
            text: '对比 [[R1]]',
          },
        ],
      }),
    );
    expect(both.concepts).toEqual(['GRPO', '多模态推理']);
    expect(both.noteLinks?.map((l) => l.target)).toEqual(['arxiv:2402.03300', 'arxiv:2501.12948']);
    expect(both.ids).toEqual({ s2: 'abc123' });
    const onlyFirst = join(
      arxivNote({ concepts: ['GRPO'], noteLinks: both.noteLinks!.slice(0, 1) }),
      blogNote(),
    );
    expect(onlyFirst.concepts).toEqual(['GRPO']);
    expect(onlyFirst.noteLinks?.map((l) => l.target)).toEqual(['arxiv:2402.03300']);
  });

  it('a work is only cited when both notes only cite it; the earlier date wins', () => {
    expect(join(arxivNote({ citedOnly: true }), blogNote()).citedOnly).toBe(false);
    expect(join(arxivNote({ citedOnly: true }), blogNote({ citedOnly: true })).citedOnly).toBe(true);
    expect(join(arxivNote(), blogNote({ date: '2025-06-01' })).date).toBe('2025-06-01');
    const { date: _date, ...undated } = arxivNote();
    expect(join(undated, blogNote())).not.toHaveProperty('date');
  });
});
