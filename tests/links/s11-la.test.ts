// Session 11 (helper la): survivors of the lead's links draw (seed 2032) and of draws of corrections.ts alone.
// The rules: a URL in a sentence stands for a gap, not for nothing; a cue word followed by `语言`/`学习` is still a
// cue (only `对比` turns contrastive); ordinary words joined up are no name; a reserved name with a space around
// it is still reserved; and the corrections file's split, merge and edge lines as a researcher writes them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyCorrections,
  applySplits,
  correctionLine,
  CORRECTIONS_FILE_NAME,
  parseCorrections,
} from '../../src/links/corrections.js';
import { findLinks } from '../../src/links/index.js';
import { parseUserLexicon } from '../../src/links/lexicon.js';
import { looksLikeName } from '../../src/links/names.js';
import { mergeFileParses, parseFile, parseNotes } from '../../src/parse/index.js';
import { edgesFrom, paper } from './helpers.js';

const file = CORRECTIONS_FILE_NAME;
const P = 'title:foo';
const run = (sentence: string) =>
  edgesFrom(findLinks([paper(P, { label: 'FooRL', title: 'FooRL: a method', text: [sentence] })]), P, true);

describe('sentences with a URL or a cue word before a noun', () => {
  it.each([
    // The URL leaves a space: a parenthesis that held only the URL is still an aside, so the list goes on.
    [
      'We build on PPO (https://arxiv.org/abs/1707.06347) and GRPO.',
      ['builds-on concept:grpo', 'builds-on concept:ppo'],
    ],
    [
      '我们基于 PPO（https://github.com/openai/baselines）和 GRPO 训练。',
      ['builds-on concept:grpo', 'builds-on concept:ppo'],
    ],
    // `使用语言模型`: only `对比` followed by `学习`, `语言`… is "contrastive"; `使用` stays a cue.
    ['我们使用语言模型 Qwen2.5-7B 生成训练数据。', ['uses concept:qwen2.5']],
  ])('%s', (sentence, edges) => {
    expect(run(sentence)).toEqual(edges);
  });
});

describe('ordinary words joined up are no name', () => {
  const generic = new Set(['rl', 'llm', 'zero', 'shot']);
  it.each([
    ['LLM-RL', false],
    ['Zero-Shot', false],
    ['Zero Shot', false],
    ['LLM-GRPO', true],
    ['Zero-RL-X1', true],
  ])('%s -> %s', (name, expected) => {
    expect(looksLikeName(name, generic)).toBe(expected);
  });
});

describe('a reserved name with a space or capitals in the user lexicon', () => {
  it.each([
    ['[[concept]]\nname = "__proto__ "\n', 1],
    ['[[concept]]\nname = " __proto__"\n', 1],
    ['[[concept]]\nname = "Foo"\naliases = ["__PROTO__"]\n', 3],
  ])('%j is reported and skipped', (text, line) => {
    const { lexicon, diagnostics } = parseUserLexicon('papermap.lexicon.toml', text);
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['lexicon-reserved-name', line]]);
    expect(lexicon.concepts.flatMap((c) => [c.name, ...c.aliases])).not.toContain('__proto__');
  });
});

describe('correctionLine refuses an empty field', () => {
  it.each([
    [
      { verb: 'reject', type: 'builds-on', source: '', target: 'concept:grpo' },
      'source and target must be node ids or labels on one line, without arrows',
    ],
    [
      { verb: 'add', type: 'uses', source: 'arxiv:2506.16141', target: '' },
      'source and target must be node ids or labels on one line, without arrows',
    ],
    // a name pasted with the space after it: the line would name another node
    [
      { verb: 'reject', type: 'uses', source: 'arxiv:2506.16141', target: 'concept:grpo ' },
      'source and target must be node ids or labels on one line, without arrows',
    ],
    [
      { verb: 'split', node: 'arxiv:2506.23235', part: '' },
      'node and part must be node ids, labels or places on one line, without arrows',
    ],
    [
      { verb: 'merge', into: '', from: 'arxiv:2506.23235' },
      'into and from must be node ids, labels or places on one line, without arrows',
    ],
  ])('%j', (input, error) => {
    expect(correctionLine(input)).toEqual({ error });
  });
});

// Two paper notes about one work (the same arXiv id): the paper's own note and a reading-group note.
const bertNote = `---
title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
url: https://arxiv.org/abs/1810.04805
type: paper
---

# BERT

Masked language modelling plus next sentence prediction.
`;
const talkNote = `---
title: "Reading group on masked language models"
url: https://arxiv.org/abs/1810.04805
type: paper
---

# Reading group on masked language models

Slides from the reading group; the encoder is the one of [[Transformer]].
`;
const transformerNote = `---
title: "Attention Is All You Need"
url: https://arxiv.org/abs/1706.03762
type: paper
---

# Transformer

Self-attention only.
`;

function bertFolder() {
  const parses = [
    parseFile({ path: 'papers/BERT.md', text: bertNote }),
    parseFile({ path: 'papers/Transformer.md', text: transformerNote }),
    parseFile({ path: 'reading/bert-talk.md', text: talkNote }),
  ];
  return { parses, parsed: mergeFileParses(parses) };
}

describe('split: the part a researcher names, and the note links that go with it', () => {
  it('the folder has the merged paper these tests split', () => {
    const { parsed } = bertFolder();
    const bert = parsed.papers.find((p) => p.id === 'arxiv:1810.04805')!;
    expect(bert.sources.map((s) => s.file)).toEqual(['papers/BERT.md', 'reading/bert-talk.md']);
    expect(bert.noteLinks?.map((l) => [l.target, l.source.file])).toEqual([
      ['arxiv:1706.03762', 'reading/bert-talk.md'],
    ]);
  });

  it.each(['reading/bert-talk.md', 'Reading group on masked language models'])(
    'the part named %s leaves with the link its note wrote',
    (part) => {
      const { parsed, parses } = bertFolder();
      const out = applySplits(parsed, parses, { file, text: `split arxiv:1810.04805 | ${part}\n` });
      expect(out.diagnostics).toEqual(parsed.diagnostics);
      const kept = out.papers.find((p) => p.id === 'arxiv:1810.04805')!;
      const away = out.papers.find((p) => p.sources.some((s) => s.file === 'reading/bert-talk.md'))!;
      expect(kept.sources.map((s) => s.file)).toEqual(['papers/BERT.md']);
      expect(away).not.toBe(kept);
      expect(away.noteLinks?.map((l) => l.target)).toEqual(['arxiv:1706.03762']);
      expect(kept.noteLinks).toBeUndefined();
    },
  );

  it('the part named by its label (`BERT`) leaves; the reading group keeps the id', () => {
    const { parsed, parses } = bertFolder();
    const out = applySplits(parsed, parses, { file, text: 'split arxiv:1810.04805 | BERT\n' });
    expect(out.diagnostics).toEqual(parsed.diagnostics);
    const kept = out.papers.find((p) => p.id === 'arxiv:1810.04805')!;
    expect(kept.sources.map((s) => s.file)).toEqual(['reading/bert-talk.md']);
    expect(kept.noteLinks?.map((l) => l.target)).toEqual(['arxiv:1706.03762']);
    const away = out.papers.find((p) => p.sources.some((s) => s.file === 'papers/BERT.md'))!;
    expect(away.label).toBe('BERT');
    expect(away.noteLinks).toBeUndefined();
  });
});

// The same work twice: the paper's note (with its arXiv id) and a reading-group note under the same title.
const groupNote = `---
title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
type: paper
---

# BERT (reading group)

Slides from the reading group.
`;

describe('split: a part named by its arXiv id', () => {
  it.each(['arXiv:1810.04805', 'arxiv:1810.04805', '1810.04805'])(
    '%s names the note that carries the id, not the one that only shares its title',
    (part) => {
      const parses = [
        parseFile({ path: 'papers/BERT.md', text: bertNote }),
        parseFile({ path: 'reading/bert-group.md', text: groupNote }),
      ];
      const parsed = mergeFileParses(parses);
      expect(parsed.papers.map((p) => [p.id, p.sources.length])).toEqual([['arxiv:1810.04805', 2]]);
      const out = applySplits(parsed, parses, { file, text: `split BERT | ${part}\n` });
      expect(out.diagnostics).toEqual(parsed.diagnostics);
      expect(out.papers.map((p) => [p.sources.map((s) => s.file), p.arxiv])).toEqual(
        expect.arrayContaining([
          [['papers/BERT.md'], '1810.04805'],
          [['reading/bert-group.md'], undefined],
        ]),
      );
      expect(out.papers).toHaveLength(2);
      // The places the line does not name keep the paper's id.
      expect(out.papers.find((p) => p.id === 'arxiv:1810.04805')!.sources[0]!.file).toBe(
        'reading/bert-group.md',
      );
    },
  );
});

describe('split: an old-style arXiv id', () => {
  // Perelman's first Ricci-flow paper, noted twice under one title: the id has letters (`math/…`).
  const ricci = (url: string) => `---
title: "The entropy formula for the Ricci flow and its geometric applications"
${url}type: paper
---

# Ricci flow

Monotone entropy along the flow.
`;
  it.each(['math/0211159', 'arXiv:math/0211159'])('%s names the note that carries it', (part) => {
    const parses = [
      parseFile({
        path: 'papers/perelman-2002.md',
        text: ricci('url: https://arxiv.org/abs/math/0211159\n'),
      }),
      parseFile({ path: 'seminar/ricci.md', text: ricci('') }),
    ];
    const parsed = mergeFileParses(parses);
    expect(parsed.papers.map((p) => [p.id, p.sources.length])).toEqual([['arxiv:math/0211159', 2]]);
    const out = applySplits(parsed, parses, { file, text: `split arxiv:math/0211159 | ${part}\n` });
    expect(out.diagnostics).toEqual(parsed.diagnostics);
    expect(out.papers.map((p) => [p.sources.map((s) => s.file), p.arxiv])).toEqual(
      expect.arrayContaining([
        [['papers/perelman-2002.md'], 'math/0211159'],
        [['seminar/ricci.md'], undefined],
      ]),
    );
  });
});

describe('a bad line of the corrections file is located at its first character', () => {
  it('indented lines (a block under a comment) give the column of the verb', () => {
    const text = [
      '# edges the link finder got wrong',
      '  rejct builds-on GRPO-CARE -> GRPO',
      '\treject builds-on GRPO-CARE => GRPO   ',
      'confirm uses arxiv:2506.16141 -- concept:grpo',
    ].join('\n');
    const { diagnostics, corrections } = parseCorrections(text, file);
    expect(corrections).toEqual([]);
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
  });
});

describe('a same-group edge is corrected with `--`, in either order', () => {
  it.each(['GRACE -- ThinkPRM', 'ThinkPRM -- GRACE', 'arxiv:2305.14934 -- arxiv:2504.16828'])(
    'reject same-group %s removes the edge the seed makes',
    (pair) => {
      const seed = {
        path: 'reinforcement-learning.md',
        text: readFileSync(
          fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url)),
          'utf8',
        ),
      };
      const parsed = parseNotes([seed]);
      const links = findLinks(parsed.papers);
      const key = 'same-group:arxiv:2305.14934--arxiv:2504.16828';
      expect(links.edges.some((e) => e.key === key)).toBe(true);
      const out = applyCorrections(links, parsed.papers, { file, text: `reject same-group ${pair}\n` });
      expect(out.diagnostics).toEqual(links.diagnostics);
      expect(out.edges.some((e) => e.key === key)).toBe(false);
      expect(out.edges).toHaveLength(links.edges.length - 1);
    },
  );
});

describe('a corrections file with its columns aligned', () => {
  it('reads the same as one with single spaces', () => {
    const text = [
      '# checked against the papers, 2025-07',
      'reject   builds-on   GRPO-CARE         ->  GRPO',
      'confirm  uses        arxiv:2506.16141  ->  concept:grpo',
      'add      same-group  GRACE             --  ThinkPRM',
    ].join('\n');
    const { corrections, diagnostics } = parseCorrections(text, file);
    expect(diagnostics).toEqual([]);
    expect(corrections).toEqual([
      { verb: 'reject', type: 'builds-on', source: 'GRPO-CARE', target: 'GRPO', line: 2 },
      { verb: 'confirm', type: 'uses', source: 'arxiv:2506.16141', target: 'concept:grpo', line: 3 },
      { verb: 'add', type: 'same-group', source: 'GRACE', target: 'ThinkPRM', line: 4 },
    ]);
  });
});
