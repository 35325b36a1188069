// Per note style: papers expected / found / with every field right (title exact, authors, year, DOI, ids), and
// works of other kinds, computed from the fixtures' records.json (tests/fixtures/style-*). `npx tsx bench/styles.ts`
import { scored, scoreStyle } from '../tests/parse/style-records.js';

const rows = scored.map(scoreStyle);
const total = rows.reduce(
  (t, r) => ({
    notes: t.notes + r.notes,
    expected: t.expected + r.expected,
    found: t.found + r.found,
    fieldsRight: t.fieldsRight + r.fieldsRight,
    works: t.works + r.works,
    worksFound: t.worksFound + r.worksFound,
    extra: t.extra + r.extra,
  }),
  { notes: 0, expected: 0, found: 0, fieldsRight: 0, works: 0, worksFound: 0, extra: 0 },
);
const lines = [
  '| style | notes | papers expected | found | fields right | other works expected / found | papers not expected |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...[...rows, { style: '**all**', ...total }].map(
    (r) =>
      `| ${r.style} | ${r.notes} | ${r.expected} | ${r.found} | ${r.fieldsRight} | ${r.works} / ${r.worksFound} | ${r.extra} |`,
  ),
];
console.log(lines.join('\n'));
