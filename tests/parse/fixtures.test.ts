// Fixture folders: tests/fixtures/<case>/notes/**.md + expected.json (cut from the seed, plus notes in other styles).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeFileParses, parseFile, parseNotes } from '../../src/parse/index.js';
import { FIXTURES, project, readNotes } from './helpers.js';

const cases = readdirSync(FIXTURES).filter(
  (c) => existsSync(join(FIXTURES, c, 'expected.json')) && existsSync(join(FIXTURES, c, 'notes')),
);

describe('fixtures', () => {
  it('has the fixture cases', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'digest',
        'obsidian',
        'seed-merge',
        'seed-papers-cool',
        'seed-prm',
        'seed-title-blocks',
        'seed-wechat',
      ]),
    );
  });

  for (const name of cases) {
    it(`${name}: notes -> expected papers`, () => {
      const notes = readNotes(join(FIXTURES, name, 'notes'));
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
      expect(project(parseNotes(notes))).toEqual(expected);
    });

    it(`${name}: per-file parses are plain JSON and merge to the same result in any file order`, () => {
      const notes = readNotes(join(FIXTURES, name, 'notes'));
      const parses = notes.map((f) => parseFile(f));
      const roundTripped = JSON.parse(JSON.stringify(parses));
      expect(roundTripped).toEqual(parses);
      const forward = JSON.stringify(mergeFileParses(roundTripped));
      const backward = JSON.stringify(mergeFileParses([...roundTripped].reverse()));
      expect(backward).toBe(forward);
      expect(forward).toBe(JSON.stringify(parseNotes(notes)));
    });
  }
});
