import { readFileSync } from 'node:fs';
import { findLinks } from './src/links/index.js';
import { parseNotes } from './src/parse/index.js';
const parsed = parseNotes([{ path: 'reinforcement-learning.md', text: readFileSync('/work/wt-10/content/reinforcement-learning.md', 'utf8') }]);
const r = findLinks(parsed.papers);
const label = new Map<string, string>(parsed.papers.map((p) => [p.id, p.label]));
for (const c of r.concepts) label.set(c.id, c.label);
const filt = process.argv[2];
for (const e of r.edges) {
  if (e.type === 'mentions') continue;
  const line = `${e.type} | ${label.get(e.source)} -> ${label.get(e.target)} via=${e.via} @${e.sources.map((s) => s.line).join(',')}`;
  if (filt && !line.includes(filt)) continue;
  console.log(line);
  for (const ev of e.evidence.slice(0, 2)) console.log('    ' + ev.slice(0, 200));
}
