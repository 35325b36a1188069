// Fields the real vaults (tests/fixtures/style-real-*) taught the one-note-per-paper reader, each on the real
// note it came from.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { FIXTURES, readNotes } from './helpers.js';

const parse = (folder: string) => parseNotes(readNotes(join(FIXTURES, folder, 'notes')));
const byTitle = (folder: string) => new Map(parse(folder).papers.map((p) => [p.title, p]));

describe('real vault fields', () => {
  it('names an edited book by its editors, and a book with an author by its author alone', () => {
    const works = byTitle('style-real-zotero-vault');
    expect(works.get('Dispositif: a cartography')?.authors).toEqual(['Greg Bird', 'Giovanbattista Tusa']);
    expect(works.get('Dispositif: a cartography')?.workKind).toBe('book');
    // `~> **FirstEditor**:: Gordon, Colin` is glued to the line above: no field, and no editor either way.
    expect(works.get('Power/knowledge: selected interviews and other writings, 1972-1977')?.authors).toEqual([
      'Michel Foucault',
    ]);
  });

  it('keeps the spelling a file name cannot hold, and links by the file name still reach the note', () => {
    const result = parse('vault-real-litref');
    expect(result.papers.map((p) => p.title)).toContain(
      'Beyond modules and hubs: the potential of gene coexpression networks for investigating molecular mechanisms of complex brain disorders',
    );
    // `Project_note/Our vault.md` links to the note by its file name (with the dash).
    expect(
      result.diagnostics.filter(
        (d) => d.file === 'Project_note/Our vault.md' && d.rule === 'note-link-unresolved',
      ),
    ).toEqual([]);
  });

  it('reads a pasted BibTeX entry, and reports nothing about the bare link above it', () => {
    const result = parse('style-real-bibtex-block');
    expect(result.diagnostics.filter((d) => d.rule.startsWith('entry-'))).toEqual([]);
    const gpt = result.papers.find(
      (p) => p.title === 'Improving Language Understanding by Generative Pre-Training',
    );
    expect(gpt?.sources.map((s) => s.file)).toEqual([
      'Studien/Zusammenfassungen/Improving_Language_Understanding_by_Generative_Pre-Training.md',
    ]);
  });

  it('resolves Dendron links written label first to author pages, and names no topic by a day folder', () => {
    const dendron = parse('style-real-dendron');
    expect(dendron.diagnostics.some((d) => d.message.includes('[[Jonathan Frankle]]'))).toBe(false);
    expect(dendron.diagnostics.some((d) => d.message.includes('[[David Warland]]'))).toBe(true);
    for (const p of parse('style-real-jekyll-paper-pages').papers) expect(p.topicPath).toEqual(['cs-RO']);
  });
});
