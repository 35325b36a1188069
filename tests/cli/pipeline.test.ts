import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBuilder, STAGES, type PipelineStages } from '../../src/pipeline.js';
import type { Diagnostic, NoteFile, PaperRecord, ParseResult } from '../../src/types.js';
import { paper } from '../graph/make-records.js';

/**
 * Stand-in stages: a "note" is one paper id per line, `topic/id`; the real parser and linker are tested in
 * their own folders. They count calls so the tests can see what the builder re-does.
 */
function fakeStages() {
  const calls = { parse: [] as string[], merge: 0, link: 0 };
  const stages: PipelineStages<{ path: string; papers: PaperRecord[] }> = {
    parseFile(file: NoteFile) {
      calls.parse.push(file.path);
      if (file.text.includes('CRASH')) throw new Error('boom');
      const papers = file.text
        .split('\n')
        .filter(Boolean)
        .map((line, i) => {
          const [topic, id] = line.split('/');
          return paper(`title:${id}`, ['Notes', topic ?? ''], {
            sources: [{ file: file.path, line: i + 1 }],
          });
        });
      return { path: file.path, papers };
    },
    mergeFileParses(parses): ParseResult {
      calls.merge++;
      const papers = parses.flatMap((p) => p.papers);
      return {
        papers,
        diagnostics: [],
        stats: { files: parses.length, entries: papers.length, papers: papers.length, mergedDuplicates: 0 },
      };
    },
    findLinks() {
      calls.link++;
      return { concepts: [], edges: [], diagnostics: [] };
    },
  };
  return { calls, stages: stages as PipelineStages };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const notes: NoteFile[] = [
  { path: 'a.md', text: 'x/a1\nx/a2\ny/a3\n' },
  { path: 'b.md', text: 'y/b1\ny/b2\n' },
  { path: 'c.md', text: 'z/c1\n' },
];

describe('createBuilder', () => {
  it('parses each file once and re-parses only what changed', () => {
    const { calls, stages } = fakeStages();
    const builder = createBuilder({ stages });
    expect(builder.update(notes)).toBe(3);
    const first = builder.build();
    expect(calls.parse).toEqual(['a.md', 'b.md', 'c.md']);
    expect(first.graph.nodes).toHaveLength(6);
    expect(Object.keys(first.timings).sort()).toEqual([...STAGES].sort());

    expect(builder.update(notes)).toBe(0);
    expect(builder.build()).toBe(first);
    expect(calls.parse).toHaveLength(3);

    builder.update({ changed: [{ path: 'b.md', text: 'y/b1\ny/b2\ny/b3\n' }] });
    const second = builder.build();
    expect(calls.parse).toEqual(['a.md', 'b.md', 'c.md', 'b.md']);
    expect(second.parsedFiles).toBe(1);
    expect(second.graph.nodes).toHaveLength(7);
    expect(second.layoutMode).toBe('warm');

    builder.update({ removed: ['a.md'] });
    expect(builder.build().graph.nodes.map((n) => n.key)).toEqual([
      'title:b1',
      'title:b2',
      'title:b3',
      'title:c1',
    ]);
    expect(calls.parse).toHaveLength(4);
    expect(builder.paths()).toEqual(['b.md', 'c.md']);
  });

  it('drops files not in a new snapshot', () => {
    const { stages } = fakeStages();
    const builder = createBuilder({ stages });
    builder.update(notes);
    builder.build();
    builder.update(notes.slice(1));
    expect(builder.paths()).toEqual(['b.md', 'c.md']);
    expect(builder.build().graph.nodes).toHaveLength(3);
  });

  it('keeps a read problem in the graph until the file is readable again', () => {
    const { stages } = fakeStages();
    const builder = createBuilder({ stages });
    builder.update(notes);
    builder.build();
    const binary: Diagnostic = {
      rule: 'file-binary',
      severity: 'warning',
      file: 'c.md',
      line: 1,
      column: 1,
      message: 'binary',
    };
    builder.update({ failed: [binary] });
    const broken = builder.build();
    expect(broken.graph.attributes.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual([
      'c.md file-binary',
    ]);
    expect(broken.graph.nodes.some((n) => n.key === 'title:c1')).toBe(false);

    builder.update({ changed: [{ path: 'c.md', text: 'z/c1\n' }] });
    const fixed = builder.build();
    expect(fixed.graph.attributes.diagnostics).toEqual([]);
    expect(fixed.graph.nodes.some((n) => n.key === 'title:c1')).toBe(true);
  });

  it('reports a parser crash on one file and builds the others', () => {
    const { stages } = fakeStages();
    const builder = createBuilder({ stages });
    builder.update([...notes, { path: 'd.md', text: 'CRASH' }]);
    const result = builder.build();
    expect(result.graph.nodes).toHaveLength(6);
    expect(result.graph.attributes.diagnostics.map((d) => `${d.file} ${d.rule} ${d.severity}`)).toEqual([
      'd.md parser-crashed error',
    ]);
  });

  it('relinks when only the lexicon changes', () => {
    const { calls, stages } = fakeStages();
    const builder = createBuilder({ stages });
    builder.update(notes);
    builder.build();
    builder.update({ lexicon: { file: 'papermap.lexicon.toml', text: '' } });
    builder.build();
    expect(calls.link).toBe(2);
    expect(calls.parse).toHaveLength(3);
  });

  it('gives the same bytes from fresh builders whatever the file order', () => {
    const build = (files: NoteFile[]) => {
      const builder = createBuilder({ stages: fakeStages().stages });
      builder.update(files);
      return JSON.stringify(builder.build().graph);
    };
    expect(build([...notes].reverse())).toBe(build(notes));
  });
});

describe('createBuilder with the real parser and link finder', () => {
  const seed = readFileSync(join(ROOT, 'content/reinforcement-learning.md'), 'utf8');
  // The seed cut in two at its `## 奖励模型` heading, plus a copy under another name: three files.
  const cut = seed.indexOf('\n## 奖励模型');
  const files: NoteFile[] = [
    { path: 'a/first half.md', text: seed.slice(0, cut) },
    { path: 'b/第二部分.md', text: `# 强化学习\n${seed.slice(cut)}` },
    { path: 'seed.md', text: seed },
  ];

  it('gives the same bytes twice, and for the files in any order', () => {
    const build = (list: NoteFile[]) => {
      const builder = createBuilder();
      builder.update(list);
      return JSON.stringify(builder.build().graph);
    };
    const first = build(files);
    expect(build(files)).toBe(first);
    expect(build([files[2]!, files[0]!, files[1]!])).toBe(first);
    expect(build([...files].reverse())).toBe(first);
  });

  it('rebuilds after an edit with the unchanged papers where they were', () => {
    const builder = createBuilder();
    builder.update(files);
    const before = builder.build();
    const added =
      '\n\n1. 2025-07-20 10:00:00 Sunday ｜ A paper added while editing https://arxiv.org/abs/2507.99999\n';
    builder.update({ changed: [{ path: 'seed.md', text: seed + added }] });
    const after = builder.build();
    expect(after.parsedFiles).toBe(1);
    expect(after.layoutMode).toBe('warm');
    expect(after.graph.nodes.some((n) => n.key === 'arxiv:2507.99999')).toBe(true);
    const old = new Map(before.graph.nodes.map((n) => [n.key, n.attributes]));
    for (const n of after.graph.nodes) {
      const was = old.get(n.key);
      if (was) expect(Math.hypot(was.x - n.attributes.x, was.y - n.attributes.y)).toBeLessThan(30);
    }
  });
});
