// The warm merge (`createIncrementalMerge`, the dev server's) gives exactly what a whole `mergeFileParses` gives,
// after every kind of edit, and says how it merged. Notes are small digests in the seed's own shape, built here
// so that titles, arXiv ids and citations cross files on purpose.
import { describe, expect, it } from 'vitest';
import { createIncrementalMerge } from '../../src/parse/merge-incremental.js';
import { mergeFileParses, parseFile } from '../../src/parse/index.js';
import type { FileParse } from '../../src/parse/index.js';

function entry(date: string, title: string, arxiv: string, summary = '本文研究强化学习。'): string {
  return `${date} 10:00:00 Monday ｜ ${title}\n\n**链接** ：https://arxiv.org/abs/${arxiv}\n**作者** ：Wei Zhang, Lei Wang\n**摘要** ：${summary}\n\n`;
}
const notes = (): Map<string, string> =>
  new Map([
    [
      'a.md',
      `# 推理\n\n${entry('2025-06-01', 'DAPO: Open RL at Scale', '2503.14476')}${entry('2025-06-02', 'GRPO Revisited', '2501.00001')}`,
    ],
    [
      'b.md',
      // the same paper as a.md's first entry, and a title-only entry that a.md's second title matches later
      `# 对齐\n\n${entry('2025-05-01', 'DAPO: Open RL at Scale', '2503.14476', '我们引用了 arXiv:2501.00001 的方法。')}2025-05-02 10:00:00 Monday ｜ Reward Models at Scale\n\n一篇没有链接的文章。\n\n`,
    ],
    ['c.md', `# 其他\n\n${entry('2025-04-01', 'Solo Paper', '2502.00002')}`],
  ]);
const parsesOf = (m: Map<string, string>, cache = new Map<string, FileParse>()): FileParse[] =>
  [...m].map(([path, text]) => {
    const key = `${path}\u0000${text}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = parseFile({ path, text })));
    return p;
  });

describe('incremental merge', () => {
  it('matches the whole merge after each edit, merging only the files that changed', () => {
    const merger = createIncrementalMerge();
    const cache = new Map<string, FileParse>();
    const m = notes();
    const step = (mode: string, merged: number) => {
      const parses = parsesOf(m, cache);
      const warm = merger.merge(parses);
      expect(JSON.stringify(warm)).toBe(JSON.stringify(mergeFileParses(parses)));
      expect([merger.lastMode, merger.lastMerged]).toEqual([mode, merged]);
      return warm;
    };
    const first = step('full', 3);
    expect(first.papers.find((p) => p.id === 'arxiv:2503.14476')!.sources.map((s) => s.file)).toEqual([
      'a.md',
      'b.md',
    ]);
    // nothing changed: the very same result
    const again = merger.merge(parsesOf(m, cache));
    expect(again.papers).toEqual(first.papers);
    // an entry added to one file
    m.set('c.md', m.get('c.md')! + entry('2025-04-02', 'Another Solo', '2502.00003'));
    const second = step('incremental', 1);
    expect(second.papers.find((p) => p.id === 'arxiv:2501.00001')).toEqual(
      first.papers.find((p) => p.id === 'arxiv:2501.00001'),
    );
    // a file's entry renamed to another file's title: the two become one work
    m.set('a.md', m.get('a.md')!.replace('GRPO Revisited', 'Reward Models at Scale'));
    step('incremental', 1);
    // the shared paper removed from one file, then the whole file removed
    m.set('b.md', m.get('b.md')!.replace('2503.14476', '2503.99999'));
    step('incremental', 1);
    m.delete('a.md');
    const gone = step('incremental', 1);
    expect(gone.papers.some((p) => p.sources.some((s) => s.file === 'a.md'))).toBe(false);
    // a new file citing a paper of another
    m.set(
      'd.md',
      `# 新\n\n${entry('2025-07-01', 'Citing Paper', '2507.00007', '基于 arXiv:2502.00002 的工作。')}`,
    );
    step('incremental', 1);
    // two files at once
    m.set('c.md', m.get('c.md')!.replace('Solo Paper', 'Solo Paper v2'));
    m.set('d.md', m.get('d.md')! + entry('2025-07-02', 'Second Citing', '2507.00008'));
    step('incremental', 2);
  });

  it('falls back to the whole merge for notes tied together by more than arXiv ids and titles', () => {
    const merger = createIncrementalMerge();
    const m = notes();
    merger.merge(parsesOf(m));
    m.set(
      'lit/vaswani2017attention.md',
      '---\ncategory: literaturenote\ntitle: Attention Is All You Need\n---\n\nNotes.\n',
    );
    const parses = parsesOf(m);
    const fallback = merger.merge(parses);
    expect(JSON.stringify(fallback)).toBe(JSON.stringify(mergeFileParses(parses)));
    expect([merger.lastMode, merger.lastMerged]).toEqual(['fallback', 4]);
    // once the literature note is gone, the next merge starts from scratch
    m.delete('lit/vaswani2017attention.md');
    const back = parsesOf(m);
    expect(JSON.stringify(merger.merge(back))).toBe(JSON.stringify(mergeFileParses(back)));
    expect([merger.lastMode, merger.lastMerged]).toEqual(['full', 3]);
  });

  it('falls back when two parses are of the same file', () => {
    const merger = createIncrementalMerge();
    const parses = parsesOf(notes());
    const twice = [...parses, parses[0]!];
    expect(JSON.stringify(merger.merge(twice))).toBe(JSON.stringify(mergeFileParses(twice)));
    expect(merger.lastMode).toBe('fallback');
  });
});
