// Bad and hostile input: never a throw, always a located diagnostic, and the rest of the notes still read.
import { describe, expect, it } from 'vitest';
import { parseFile, parseNotes } from '../../src/parse/index.js';
import {
  findArxivRefs,
  findUrls,
  matchField,
  matchTimestamp,
  parseLooseDate,
} from '../../src/parse/patterns.js';
import {
  cleanTitle,
  looksLikeAuthors,
  looksLikeTitle,
  makeLabel,
  normaliseTitle,
  splitAuthors,
} from '../../src/parse/text.js';

const ENTRY =
  '2025-06-12 12:01:12 Thursday ｜ Consistent Paths Lead to Truth\n\n链接：https://arxiv.org/abs/2506.08745\n';

function rules(text: string): string[] {
  return parseFile({ path: 'n.md', text }).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);
}

describe('front matter and file shape', () => {
  it.each([
    ['unterminated TOML', `+++\ntitle = 'x'\n\n${ENTRY}`, ['1:1 front-matter-unterminated'], 1],
    ['unterminated YAML', `---\ntitle: x\n\n${ENTRY}`, ['1:1 front-matter-unterminated'], 1],
    ['invalid TOML', `+++\ntitle = 'x\ndate = 2025-01-01\n+++\n${ENTRY}`, ['2:11 front-matter-invalid'], 1],
    ['invalid YAML', `---\ntitle: [x\ntags: a\n---\n${ENTRY}`, ['3:1 front-matter-invalid'], 1],
    // Located where the YAML parser stops: the line and column of the bad indent.
    [
      'YAML with a bad indent',
      `---\ntitle: x\n  bad: indent\n---\n${ENTRY}`,
      ['3:6 front-matter-invalid'],
      1,
    ],
    [
      'invalid TOML after a good date',
      `+++\ntitle = "x"\ndate = 2025-06-01T10:00:00\ntags = [rl\n+++\n${ENTRY}`,
      ['4:9 front-matter-invalid'],
      1,
    ],
    [
      'TOML date that is not a date',
      `+++\ndate = "yesterday"\n+++\n${ENTRY}`,
      ['2:1 front-matter-date-invalid'],
      1,
    ],
    [
      'YAML date that is not a date',
      `---\ndate: 2025-13-45\n---\n${ENTRY}`,
      ['2:1 front-matter-date-invalid'],
      1,
    ],
    ['front matter only', `+++\ntitle = 'x'\n+++\n`, ['3:1 file-empty'], 0],
    ['empty file', '', ['1:1 file-empty'], 0],
    ['whitespace only', ' \n\t\n', ['1:1 file-empty'], 0],
  ])('%s', (_name, text, expected, entries) => {
    const parse = parseFile({ path: 'n.md', text });
    expect(parse.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(expected);
    expect(parse.entries).toHaveLength(entries);
    if (entries)
      expect(parse.entries[0]).toMatchObject({
        arxiv: '2506.08745',
        title: 'Consistent Paths Lead to Truth',
        line: expect.any(Number),
      });
  });

  it('reads BOM, CRLF and mixed line endings with the same lines as LF', () => {
    const lf = `+++\ntitle = 'RL'\ntags = ['rl']\n+++\n\n# 强化学习\n\n${ENTRY}\n> quote\n\n6. 2025-06-18 10:43:39 Wednesday ｜ Another paper\n`;
    const base = parseNotes([{ path: 'n.md', text: lf }]);
    const crlf = parseNotes([{ path: 'n.md', text: '\ufeff' + lf.replace(/\n/g, '\r\n') }]);
    expect(crlf).toEqual(base);
    const mixed = lf.split('\n');
    const mixedText = mixed
      .map((l, i) => l + (i % 2 ? '\r\n' : '\n'))
      .join('')
      .slice(0, -1);
    const result = parseNotes([{ path: 'n.md', text: mixedText }]);
    expect(result.papers).toEqual(base.papers);
    expect(result.diagnostics.map((d) => `${d.line} ${d.rule} ${d.severity}`)).toEqual([
      '2 mixed-line-endings info',
    ]);
    expect(base.papers.map((p) => [p.sources[0]!.line, p.tags, p.topic])).toEqual([
      [8, ['rl'], '强化学习'],
      [14, ['rl'], '强化学习'],
    ]);
  });

  it('ignores prototype-pollution keys in front matter', () => {
    const yaml = parseFile({
      path: 'a.md',
      text: `---\n__proto__:\n  polluted: yes\nconstructor: x\ntags: [a]\n---\n${ENTRY}`,
    });
    const toml = parseFile({ path: 'b.md', text: `+++\n[__proto__]\npolluted = true\n+++\n${ENTRY}` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(yaml.tags).toEqual(['a']);
    expect(toml.entries).toHaveLength(1);
  });
});

describe('bad text', () => {
  it.each([
    [
      'malformed arXiv id',
      '2025-06-12 12:01:12 Thursday ｜ A paper https://arxiv.org/abs/2513.12345\n',
      ['1:1 arxiv-id-invalid'],
    ],
    ['impossible timestamp', '2025-13-45 10:00:00 Friday ｜ A paper\n', ['1:1 date-invalid']],
    ['impossible publication date', `${ENTRY}\n发布时间：2025-02-30 10:00:00 UTC\n`, ['5:1 date-invalid']],
    [
      'timestamp without anything after it',
      '# T\n\n2025-06-12 12:01:12 Thursday ｜\n',
      ['3:1 entry-without-title'],
    ],
    [
      'timestamp followed only by emoji',
      '2025-06-12 12:01:12 Thursday ｜ 🌈🌈\n',
      ['1:1 entry-without-title'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('keeps a timestamped entry with an impossible date, undated', () => {
    const parse = parseFile({ path: 'n.md', text: '2025-13-45 10:00:00 Friday ｜ A paper\n' });
    expect(parse.entries).toMatchObject([{ title: 'A paper', line: 1 }]);
    expect(parse.entries[0]!.date).toBeUndefined();
  });

  it('merges conflicting duplicates, keeping both places and saying so', () => {
    const a = `${ENTRY}\n发布时间：2025-06-10 10:00:00 UTC\n`;
    const b = `# Other\n\n${ENTRY}\n发布时间：2025-06-11 10:00:00 UTC\n作者：Ann Lee, Bo Chen\n`;
    const result = parseNotes([
      { path: 'b.md', text: b },
      { path: 'a.md', text: a },
    ]);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({
      published: '2025-06-10',
      sources: [{ file: 'a.md' }, { file: 'b.md' }],
      authors: ['Ann Lee', 'Bo Chen'],
    });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['a.md:1 merge-conflict']);
    // The message names every place and each conflicting field.
    expect(result.diagnostics[0]!.message).toMatch(
      /2 times \(a\.md:1, b\.md:3\) with different publication dates/,
    );
    expect(result.stats).toMatchObject({ entries: 2, papers: 1, mergedDuplicates: 1 });
  });

  it('does not cite an entry as its own mention; mentions of each other are cited, not merged', () => {
    const text = `2025-06-01 10:00:00 | Paper A https://arxiv.org/abs/2501.00001\n\nWe extend arXiv:2501.00001 and compare with https://arxiv.org/abs/2501.00002.\n\n2025-06-02 10:00:00 | Paper B https://arxiv.org/abs/2501.00002\n\nBuilds on https://arxiv.org/abs/2501.00001 and 2501.00002.\n`;
    const result = parseNotes([{ path: 'n.md', text }]);
    expect(result.papers.map((p) => [p.id, p.title, p.citedOnly, p.sources.length])).toEqual([
      ['arxiv:2501.00001', 'Paper A', false, 1],
      ['arxiv:2501.00002', 'Paper B', false, 1],
    ]);
  });

  it('strips zero-width characters and keeps emoji out of the way', () => {
    const parse = parseFile({
      path: 'n.md',
      text: '🌈 🌈 2025-06-01 10:00:00 | Zero\u200bWidth: a study of 🙋 things\n',
    });
    expect(parse.entries[0]).toMatchObject({
      title: 'ZeroWidth: a study of 🙋 things',
      label: 'ZeroWidth',
      date: '2025-06-01',
    });
  });
});

describe('inputs that are slow for the Markdown parser', () => {
  it('cuts a 200 KB line and still finds the papers it names', () => {
    const unit = '[a](b) **x** ';
    const line =
      unit.repeat(Math.ceil(200_000 / unit.length)) +
      ' see [Attention Is All You Need](https://arxiv.org/abs/1706.03762) and arXiv:2506.08745';
    const text = `# Long\n\n2025-06-01 10:00:00 | A pasted monster\n\n${line}\n\n2025-06-02 10:00:00 | After the monster https://arxiv.org/abs/2501.00003\n`;
    const result = parseNotes([{ path: 'long.md', text }]);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '5:1 markup-too-dense',
      '5:5001 line-too-long',
    ]);
    expect(result.papers.map((p) => [p.id, p.title, p.citedOnly, p.sources[0]!.line])).toEqual([
      ['arxiv:1706.03762', 'Attention Is All You Need', true, 5],
      ['arxiv:2501.00003', 'After the monster', false, 7],
      ['arxiv:2506.08745', 'arXiv:2506.08745', true, 5],
      ['title:a pasted monster', 'A pasted monster', false, 3],
    ]);
  });

  it('flattens a list nested 1,000 levels deep and still reads its entries', () => {
    let deep = '';
    for (let i = 0; i < 1000; i++)
      deep += `${' '.repeat(2 * i)}- item ${i}${i === 700 ? ' [PPO](https://arxiv.org/abs/1707.06347)' : ''}\n`;
    const text = `# Deep\n\n2025-06-01 10:00:00 | Deep notes\n\n${deep}\n2025-06-02 10:00:00 | After https://arxiv.org/abs/2501.00004\n`;
    const result = parseNotes([{ path: 'deep.md', text }]);
    expect(result.diagnostics.map((d) => d.rule)).toContain('nesting-too-deep');
    // Every diagnostic of the file, the per-file count of flattened lines included, names its rule.
    expect(result.diagnostics.map((d) => d.rule).filter((r) => !/^[a-z]+(?:-[a-z]+)+$/.test(r))).toEqual([]);
    expect(
      result.diagnostics.filter((d) => /lines had their nesting flattened/.test(d.message)),
    ).toMatchObject([{ rule: 'nesting-too-deep', file: 'deep.md', column: 1 }]);
    expect(result.diagnostics.find((d) => d.rule === 'nesting-too-deep')).toMatchObject({
      file: 'deep.md',
      line: expect.any(Number),
      column: 1,
    });
    expect(result.papers.map((p) => [p.id, p.citedOnly, p.sources[0]!.line])).toEqual([
      ['arxiv:1707.06347', true, 705],
      ['arxiv:2501.00004', false, 1006],
      ['title:deep notes', false, 3],
    ]);
  });

  it('reads a quote nested 1,000 deep and a paragraph dense with markup', () => {
    let quote = '';
    for (let i = 1; i <= 1000; i++) quote += `${'>'.repeat(i)} q${i}\n`;
    const para = ('[a](b) **x** '.repeat(8) + '\n').repeat(2000);
    const result = parseNotes([
      { path: 'q.md', text: `2025-06-01 10:00:00 | Quoted\n\n${quote}` },
      {
        path: 'p.md',
        text: `2025-06-01 10:00:00 | Dense\n\n${para}\n[Paper](https://arxiv.org/abs/2501.00005)\n`,
      },
    ]);
    // The one arXiv link in the dense entry is taken as its own paper.
    expect(result.papers.map((p) => [p.id, p.title])).toEqual([
      ['arxiv:2501.00005', 'Dense'],
      ['title:quoted', 'Quoted'],
    ]);
    expect(result.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(
      expect.arrayContaining(['p.md markup-too-dense', 'q.md nesting-too-deep']),
    );
  });

  it('keeps a link in a block dense with markup on its own line and entry', () => {
    const block = Array.from(
      { length: 300 },
      (_, i) =>
        '[a](b) **x** '.repeat(4) + (i === 0 ? 'see [Sparse experts](https://arxiv.org/abs/1701.06538)' : ''),
    );
    const text = `2025-06-01 10:00:00 | First entry\n\n2025-06-02 10:00:00 | Dense\n${block.join('\n')}\n`;
    const result = parseNotes([{ path: 'p.md', text }]);
    expect(result.papers.map((p) => [p.id, p.title, p.sources.map((s) => s.line)])).toEqual([
      ['arxiv:1701.06538', 'Dense', [3]],
      ['title:first entry', 'First entry', [1]],
    ]);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.line}`)).toEqual(['markup-too-dense 3']);
  });

  it('reads the links past the cut of an over-long line into its entry, but none from a code block', () => {
    const pad = '强化学习的长段落。'.repeat(30);
    const text = `2025-06-01 10:00:00 | Long entry\n\n${pad} [Sparse Experts](https://arxiv.org/abs/1701.06538) code: https://github.com/a/b and arXiv:2101.03961 [Site](https://example.com/x)\n`;
    const result = parseNotes([{ path: 'n.md', text }], { maxLineLength: 200 });
    expect(
      result.papers.map((p) => [p.id, p.title, p.citedOnly, p.links, p.sources.map((s) => s.line)]),
    ).toEqual([
      [
        'arxiv:1701.06538',
        'Long entry',
        false,
        [
          { label: 'arXiv', url: 'https://arxiv.org/abs/1701.06538' },
          { label: 'Site', url: 'https://example.com/x' },
          { label: 'GitHub', url: 'https://github.com/a/b' },
          { label: 'arXiv', url: 'https://arxiv.org/abs/2101.03961' },
        ],
        [1],
      ],
      [
        'arxiv:2101.03961',
        'arXiv:2101.03961',
        true,
        [{ label: 'arXiv', url: 'https://arxiv.org/abs/2101.03961' }],
        [3],
      ],
    ]);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual(['line-too-long 3:201']);
    const code = `2025-06-01 10:00:00 | Long entry\n\n\`\`\`\n${pad} https://github.com/a/b\n\`\`\`\n`;
    const inCode = parseNotes([{ path: 'n.md', text: code }], { maxLineLength: 200 });
    expect(inCode.papers.map((p) => [p.id, p.links])).toEqual([['title:long entry', []]]);
  });

  // `maxNesting: 3` allows three markers and 12 columns of container prefix.
  it.each([
    ['four ordered markers', '1. 1. 1. 1. x y z w v u t s r q', true],
    ['three ordered markers', '1. 1. 1. x y z w v u t s r q p o n', false],
    ['four bullets', '- - - - x y z w v u t s r q', true],
    ['three bullets', '- - - x y z w v u t s r q', false],
    ['three bullets 18 columns wide', '-     -     -     x y z w v u t s r q', true],
    ['three quote markers 15 columns wide', '>    >    >    x y z w v u t s r q', true],
    ['numbers that are no list markers', Array.from({ length: 20 }, (_, i) => i + 1).join(' '), false],
    ['numbered markers with tabs', '1.\t2)\t3.\t4)\tx y z w v u t s r q', true],
  ])('flattens nesting deeper than the bound: %s', (_name, line, flattened) => {
    const text = `2025-06-01 10:00:00 | Deep\n\n${line}\n`;
    const result = parseNotes([{ path: 'q.md', text }], { maxNesting: 3 });
    expect(result.diagnostics.map((d) => `${d.rule} ${d.line}`)).toEqual(
      flattened ? ['nesting-too-deep 3'] : [],
    );
  });

  it('runs its recognisers on long adversarial strings without backtracking', () => {
    const n = 100_000;
    const inputs = [
      '2025-'.repeat(n / 5),
      '2025-06-01 '.repeat(n / 11),
      'arxiv:'.repeat(n / 6),
      'arXiv: 2501.'.repeat(n / 12),
      'https://'.repeat(n / 8),
      'http://a'.repeat(n / 8) + ' ',
      'arxiv.org/abs/'.repeat(n / 14),
      ' '.repeat(n) + 'x',
      '[['.repeat(n / 2),
      '[[a|'.repeat(n / 4),
      '标题'.repeat(n / 2) + '：',
      '*'.repeat(n) + ':',
      'a, '.repeat(n / 3),
      '提出了'.repeat(n / 3) + 'X',
      'We propose '.repeat(n / 11),
      '(' + 'a,'.repeat(n / 2),
      '<'.repeat(n),
    ];
    for (const s of inputs) {
      matchTimestamp(s);
      parseLooseDate(s);
      findArxivRefs(s);
      findUrls(s);
      matchField(s);
      cleanTitle(s);
      normaliseTitle(s);
      looksLikeAuthors(s);
      looksLikeTitle(s, false);
      splitAuthors(s);
      makeLabel([{ text: s, paperish: true }], s);
      parseFile({ path: 'adv.md', text: `${s}\n\n2025-06-01 10:00:00 | ok\n${s}` });
    }
    expect(true).toBe(true);
  });
});

describe('an over-long headline is cut at its first sentence or clause', () => {
  const rest = '从最早的条件计算到今天的万亿参数大模型，我们经历了什么样的技术演进和思想变化以及未来的方向';
  it.each([
    [`一文读懂稀疏专家模型的前世今生：${rest}`, '一文读懂稀疏专家模型的前世今生'],
    [`一文读懂稀疏专家模型的前世今生！${rest}`, '一文读懂稀疏专家模型的前世今生！'],
    [`一文读懂稀疏专家模型的前世今生：${rest}：还有一句`, '一文读懂稀疏专家模型的前世今生'],
    [`Sparse experts: ${rest}`, 'Sparse experts'],
    // A colon within the first eight characters is a head (`综述：`), no clause end: nothing to cut at.
    [`综述：${rest}${rest}`, `综述：${rest}${rest}`],
  ])('%s', (text, title) => {
    expect(cleanTitle(text, 40)).toBe(title);
  });
});
