// Session 10 (seed 2033, b): rules the src/parse draw of seed 2033 found untested, each read on notes as they are
// written: a warm merge of a folder big enough that one edit patches the sorted paper list in place, the
// conflict message of one paper noted with two publication dates, a Chinese author line ending in 等, a fenced
// Python block that only looks like a pasted BibTeX entry, a list of URLs in front matter, and a paper note
// labelled by the short name in its title.
import { describe, expect, it } from 'vitest';
import { createIncrementalMerge } from '../../src/parse/merge-incremental.js';
import { mergeFileParses, parseFile, parseNotes } from '../../src/parse/index.js';
import type { FileParse } from '../../src/parse/index.js';

function digestEntry(date: string, title: string, arxiv: string): string {
  return `${date} 10:00:00 Monday ｜ ${title}\n\n**链接** ：https://arxiv.org/abs/${arxiv}\n**作者** ：Wei Zhang, Lei Wang\n**摘要** ：本文研究强化学习。\n\n`;
}

describe('the warm merge of a folder with many papers', () => {
  it('patches the sorted paper list in place after one edit and still equals the whole merge', () => {
    // 31 papers: two long digests and a short one; an edit to the short one changes far fewer than an eighth of
    // the list, so the list is patched in place rather than sorted again.
    const notes = new Map<string, string>();
    for (const [f, file] of ['a.md', 'b.md'].entries()) {
      let text = `# 主题 ${f}\n\n`;
      for (let i = 0; i < 15; i++) {
        const n = f * 15 + i;
        text += digestEntry(`2025-06-${i + 10}`, `Paper Number ${n} on Reasoning`, `2501.${10000 + n * 37}`);
      }
      notes.set(file, text);
    }
    notes.set('c.md', `# 其他\n\n${digestEntry('2025-05-01', 'Solo Paper on Search', '2501.20555')}`);
    const merger = createIncrementalMerge();
    // an unchanged file keeps its parse object, as the dev server's cache does
    const cache = new Map<string, FileParse>();
    const check = (mode: string) => {
      const parses = [...notes].map(([path, text]) => {
        const key = `${path}\u0000${text}`;
        if (!cache.has(key)) cache.set(key, parseFile({ path, text }));
        return cache.get(key)!;
      });
      const warm = merger.merge(parses);
      expect(JSON.stringify(warm)).toBe(JSON.stringify(mergeFileParses(parses)));
      expect(merger.lastMode).toBe(mode);
      return warm;
    };
    expect(check('full').papers).toHaveLength(31);
    // the short digest's title edited: same arXiv id, the record is replaced where it sits
    notes.set('c.md', notes.get('c.md')!.replace('Solo Paper on Search', 'Solo Paper on Tree Search'));
    const edited = check('incremental');
    expect(edited.papers.find((p) => p.arxiv === '2501.20555')!.title).toBe('Solo Paper on Tree Search');
    // its arXiv id corrected: the record leaves the middle of the list and another comes in at the front
    notes.set('c.md', notes.get('c.md')!.replace('2501.20555', '2412.00001'));
    const moved = check('incremental');
    expect(moved.papers).toHaveLength(31);
    expect(moved.papers.map((p) => p.id)).toEqual([...moved.papers.map((p) => p.id)].sort());
    expect(moved.papers.some((p) => p.arxiv === '2501.20555')).toBe(false);
  });
});

describe('one paper noted twice with different publication dates', () => {
  it('names both dates, slash-separated, and the one kept', () => {
    const entry =
      '2025-06-12 10:00:00 Thursday ｜ Scaling Test-Time Compute https://arxiv.org/abs/2408.03314\n';
    const result = parseNotes([
      { path: 'a.md', text: `${entry}\n发布时间：2025-06-10 10:00:00 UTC\n` },
      { path: 'b.md', text: `# Other\n\n${entry}\n发布时间：2025-06-11 10:00:00 UTC\n` },
    ]);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['merge-conflict']);
    expect(result.diagnostics[0]!.message).toContain(
      'with different publication dates 2025-06-10 / 2025-06-11 (kept 2025-06-10)',
    );
  });
});

describe('a Chinese author line ending in 等', () => {
  it('drops the 等 and keeps the named authors', () => {
    const text = [
      '---',
      'title: 基于过程奖励的数学推理',
      'author: 张伟, 李雷, 王芳 等',
      'year: 2024',
      '---',
      '',
      '读后感：过程奖励模型比结果奖励更稳。',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'papers/过程奖励.md', text }]).papers;
    expect(papers.map((p) => p.authors)).toEqual([['张伟', '李雷', '王芳']]);
  });
});

describe('a fenced block at the top of a paper note', () => {
  it('passes over a Python decorator in a bare fence to the BibTeX entry pasted below it', () => {
    const text = [
      '# Notes',
      '',
      'How the reference code wraps its config:',
      '',
      '```',
      '@dataclass',
      'class Config:',
      '    lr: float = 3e-4',
      '```',
      '',
      'Cite as:',
      '',
      '```',
      '@article{vaswani2017attention,',
      '  title = {Attention Is All You Need},',
      '  author = {Vaswani, Ashish and Shazeer, Noam},',
      '  year = {2017}',
      '}',
      '```',
      '',
    ].join('\n');
    const snippet = [
      '# Dataclass notes',
      '',
      '```',
      '@dataclass',
      'class Config:',
      '    lr: float = 3e-4',
      '```',
      '',
      'Frozen configs are easier to log.',
      '',
    ].join('\n');
    const result = parseNotes([
      { path: 'lit/transformer.md', text },
      { path: 'snippets/dataclass-tips.md', text: snippet },
    ]);
    expect(result.papers.map((p) => [p.title, p.authors])).toEqual([
      ['Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer']],
    ]);
  });
});

describe('the URLs of a paper note given as a list in front matter', () => {
  it('takes every URL of the list, the arXiv one giving the id', () => {
    const text = [
      '---',
      'title: Let Us Verify Step by Step',
      'year: 2023',
      'url:',
      '  - https://arxiv.org/abs/2305.20050',
      '  - https://github.com/openai/prm800k',
      '---',
      '',
      'Process supervision beats outcome supervision on MATH.',
      '',
    ].join('\n');
    const [paper] = parseNotes([{ path: 'papers/let-us-verify.md', text }]).papers;
    expect(paper!.id).toBe('arxiv:2305.20050');
    expect(paper!.links.map((l) => l.url)).toEqual(
      expect.arrayContaining(['https://arxiv.org/abs/2305.20050', 'https://github.com/openai/prm800k']),
    );
  });
});

describe('the label of a paper note named by a slug', () => {
  it('is the short name before the colon of its title', () => {
    const text = [
      '---',
      'title: "DAPO: An Open-Source LLM Reinforcement Learning System at Scale"',
      'year: 2025',
      '---',
      '',
      'Decoupled clipping and dynamic sampling.',
      '',
    ].join('\n');
    const papers = parseNotes([{ path: 'papers/dapo-open-source-rl.md', text }]).papers;
    expect(papers.map((p) => [p.label, p.title])).toEqual([
      ['DAPO', 'DAPO: An Open-Source LLM Reinforcement Learning System at Scale'],
    ]);
  });
});
