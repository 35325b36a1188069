// A long-lived builder (the dev server's) on folders of paper notes, a library and note links: after each edit
// it gives what a fresh build of the same notes gives.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { mergeFileParses } from '../../src/parse/index.js';
import { createBuilder, type BuildResult } from '../../src/pipeline.js';
import type { NoteFile } from '../../src/types.js';
import { FIXTURES, readNotes } from '../parse/helpers.js';

function fresh(files: NoteFile[]): BuildResult {
  const builder = createBuilder({
    layout: false,
    stages: {
      mergeFileParses: (parses) => mergeFileParses(parses as never),
      findLinks: (papers, options) => findLinks(papers, { userLexicon: options?.userLexicon ?? null }),
    },
  });
  builder.update(files);
  return builder.build();
}

function expectSame(warm: BuildResult, cold: BuildResult): void {
  expect(JSON.stringify(warm.parsed)).toBe(JSON.stringify(cold.parsed));
  expect(JSON.stringify(warm.links.edges)).toBe(JSON.stringify(cold.links.edges));
  expect(JSON.stringify(warm.links.concepts)).toBe(JSON.stringify(cold.links.concepts));
}

describe('warm builds of note-per-paper folders', () => {
  const notes = new Map<string, string>();
  const files = () => [...notes].map(([path, text]) => ({ path, text }));
  // One long-lived builder through every edit, made inside the tests (not in the describe body) so that
  // mutation testing sees which test runs which code. Run alone (a filtered run), a test first replays the
  // edits before it, so it checks the same state as in the full run.
  let warm = createBuilder({ layout: false });
  let done = -1;
  function warmAt(k: number): void {
    if (done < 0 || done > k) {
      notes.clear();
      for (const style of ['style-obsidian-vault', 'style-citekey-bib'])
        for (const f of readNotes(join(FIXTURES, style, 'notes'))) notes.set(`${style}/${f.path}`, f.text);
      warm = createBuilder({ layout: false });
      warm.update(files());
      warm.build();
      done = 0;
    }
    for (; done < k; done++) {
      const before = new Map(notes);
      edits[done]![1]();
      const changed = files().filter((f) => before.get(f.path) !== f.text);
      warm.update({ changed, removed: [...before.keys()].filter((p) => !notes.has(p)) });
      warm.build();
    }
  }

  const titles = (r: BuildResult) => r.parsed.papers.map((p) => p.title);
  const edits: [string, () => void, (r: BuildResult) => void][] = [
    [
      'a library title changes',
      () => {
        const path = 'style-citekey-bib/My Library.bib';
        notes.set(path, notes.get(path)!.replace('Denoising {{Diffusion', 'Denoising {{Diffusion-Based'));
      },
      (r) => expect(titles(r)).toContain('Denoising Diffusion-Based Probabilistic Models'),
    ],
    [
      'a reading note is added',
      () =>
        notes.set(
          'style-obsidian-vault/reading/ViT questions.md',
          '---\nnote: "[[ViT]]"\n---\nPatch size?\n',
        ),
      (r) =>
        expect(r.parsed.papers.find((p) => p.arxiv === '2010.11929')!.sources.map((s) => s.file)).toContain(
          'style-obsidian-vault/reading/ViT questions.md',
        ),
    ],
    [
      'a paper note other notes link to is deleted',
      () => notes.delete('style-obsidian-vault/papers/GloVe.md'),
      (r) =>
        expect(
          r.parsed.diagnostics.some((d) => d.rule === 'note-link-unresolved' && d.message.includes('GloVe')),
        ).toBe(true),
    ],
  ];
  for (const [k, [what, apply, check]] of edits.entries()) {
    it(what, () => {
      warmAt(k);
      done = k + 1;
      const before = new Map(notes);
      apply();
      const changed = files().filter((f) => before.get(f.path) !== f.text);
      const removed = [...before.keys()].filter((p) => !notes.has(p));
      warm.update({ changed, removed });
      const result = warm.build();
      expectSame(result, fresh(files()));
      check(result);
      expect(result.parsed.papers.length).toBeGreaterThan(20);
    });
  }
});
