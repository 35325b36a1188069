// The ways researchers keep paper notes: a fixture folder per style (tests/fixtures/style-*/notes) with the
// records a reader expects (records.json): every paper found, titles exact, authors, year, DOI and ids right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { FIXTURES, readNotes } from './helpers.js';
import { scored, scoreStyle, styles, wrongFields, type Records } from './style-records.js';

describe('note styles', () => {
  it('scores every style in full: papers expected = found = with every field right, works of their kind', () => {
    for (const style of scored) {
      const s = scoreStyle(style);
      expect(
        { found: s.found, fieldsRight: s.fieldsRight, worksFound: s.worksFound, extra: s.extra },
        style,
      ).toEqual({ found: s.expected, fieldsRight: s.expected, worksFound: s.works, extra: 0 });
    }
  });

  it('has at least six styles of 10+ notes each', () => {
    expect(styles.length).toBeGreaterThanOrEqual(6);
    for (const style of styles) {
      const notes = readNotes(join(FIXTURES, style, 'notes')).filter((f) => /\.md$/.test(f.path));
      expect(notes.length, style).toBeGreaterThanOrEqual(10);
    }
  });

  for (const style of scored) {
    describe(style, () => {
      // Which tests exist depends on the records only. The notes are parsed inside each test: parsing in the
      // describe body would make the whole parser "static" for Stryker, which then runs every test per mutant.
      const records = JSON.parse(readFileSync(join(FIXTURES, style, 'records.json'), 'utf8')) as Records;
      const read = () => {
        const result = parseNotes(readNotes(join(FIXTURES, style, 'notes')));
        const papers = result.papers.filter((p) => !p.workKind);
        return { result, papers, byTitle: new Map(papers.map((p) => [p.title, p])) };
      };

      it('finds every paper with its exact title, and its fields right', () => {
        const { byTitle } = read();
        const missing = records.papers.filter((e) => !byTitle.has(e.title)).map((e) => e.title);
        const wrong = records.papers
          .filter((e) => byTitle.has(e.title))
          .flatMap((e) => wrongFields(e, byTitle.get(e.title)!).map((w) => `${e.title}: ${w}`));
        expect({ missing, wrong }).toEqual({ missing: [], wrong: [] });
      });

      it('draws no paper it was not asked for (no hub page, TOC anchor or unmentioned library item)', () => {
        const { result, papers } = read();
        const expected = new Set(records.papers.map((e) => e.title));
        const extra = papers.filter((p) => !expected.has(p.title)).map((p) => p.title);
        expect(extra).toEqual([]);
        for (const title of [...(records.absent ?? []), ...(records.notWorks ?? [])])
          expect(result.papers.some((p) => p.title === title)).toBe(false);
      });

      if (records.works) {
        it('keeps blogs, books, repositories, tweets, news and videos as works of their kind', () => {
          const { result } = read();
          const works = result.papers
            .filter((p) => p.workKind)
            .map((p) => ({ title: p.title, kind: p.workKind }));
          expect(works).toEqual(expect.arrayContaining(records.works!));
          expect(works).toHaveLength(records.works!.length);
        });
      }

      if (records.hubs) {
        it('reads author, keyword and date pages as hubs, not works', () => {
          const { result } = read();
          for (const hub of records.hubs!) {
            expect(result.papers.some((p) => p.sources.some((s) => s.file === hub))).toBe(false);
            expect(result.diagnostics.some((d) => d.file === hub && d.rule === 'note-hub')).toBe(true);
          }
        });
      }

      if (records.joins) {
        it('joins reading notes to the literature note they point at', () => {
          const { byTitle } = read();
          for (const [file, title] of Object.entries(records.joins!)) {
            const paper = byTitle.get(title);
            expect(paper?.sources.map((s) => s.file)).toContain(file);
          }
        });
      }

      if (records.noteLinks) {
        it('turns links between paper notes into note links', () => {
          const { papers, byTitle } = read();
          const idOf = new Map(papers.map((p) => [p.title, p.id]));
          for (const [from, to] of records.noteLinks!) {
            const targets = byTitle.get(from)?.noteLinks?.map((l) => l.target) ?? [];
            expect(targets, `${from} -> ${to}`).toContain(idOf.get(to));
          }
        });
      }

      if (records.unresolved) {
        it('reports unresolved links as info', () => {
          const { result } = read();
          for (const target of records.unresolved!) {
            expect(
              result.diagnostics.some(
                (d) => d.severity === 'info' && /unresolved/.test(d.rule) && d.message.includes(target),
              ),
              target,
            ).toBe(true);
          }
        });
      }

      if (records.topics) {
        it('takes topics from the headings that organise papers, shared across notes', () => {
          const { papers } = read();
          const topics = new Set(papers.map((p) => p.topicPath[p.topicPath.length - 1]));
          expect([...topics].sort()).toEqual([...records.topics!].sort());
          for (const p of papers) expect(p.topicPath.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}|\(\d+篇\)/);
        });
      }
    });
  }
});
