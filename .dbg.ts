import { readFileSync, readdirSync } from 'node:fs';
import { parseNotes } from './src/parse/index.js';
import { paperClaims, prepareLexicon } from './src/links/core.js';
const dir = '../shared/corpora/daily-reports';
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ path: f, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const parsed = parseNotes(files);
const lex = prepareLexicon(null).lexicon;
for (const id of process.argv.slice(2)) {
  const i = parsed.papers.findIndex((p) => p.id === id);
  const p = parsed.papers[i]!;
  console.log(id, p.label, '|', p.title.slice(0, 80));
  console.log(JSON.stringify(paperClaims(p, i, lex).claims));
}
