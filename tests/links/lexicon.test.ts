// The user lexicon file: format, merging, renames, located diagnostics, and hostile names.
import { describe, expect, it } from 'vitest';
import { findLinks, LEXICON_FILE_NAME } from '../../src/links/index.js';
import { parseUserLexicon, shippedLexicon } from '../../src/links/lexicon.js';
import { nameKey } from '../../src/links/normalise.js';
import { edgesFrom, paper } from './helpers.js';

const FILE = LEXICON_FILE_NAME;

describe('shipped lexicon', () => {
  it('has the names the issue lists, with kinds and unique keys', () => {
    const lex = shippedLexicon();
    const names = new Map(lex.concepts.map((c) => [nameKey(c.name), c]));
    for (const n of [
      'GRPO',
      'PPO',
      'DPO',
      'RLOO',
      'REINFORCE++',
      'GSPO',
      'RLVR',
      'PRM',
      'PRM800K',
      'OpenRLHF',
      'MCTS',
      'AlphaZero',
      'First Return Then Explore',
      'Flow Matching',
      'SARSA',
      'LLM-as-a-Judge',
    ]) {
      expect(names.has(nameKey(n)), n).toBe(true);
    }
    expect(names.get('grpo')?.aliases).toContain('Group Relative Policy Optimization');
    expect(names.get('prm800k')?.kind).toBe('dataset');
    const keys = lex.concepts.flatMap((c) => [c.name, ...c.aliases].map(nameKey));
    expect(new Set(keys).size).toBe(keys.length);
    const orgs = new Map(lex.orgs.map((o) => [o.name, o.aliases]));
    expect(orgs.get('ByteDance')).toEqual(expect.arrayContaining(['字节跳动', '字节']));
    expect(orgs.get('ByteDance Seed')).toEqual(expect.arrayContaining(['字节跳动Seed', 'Seed团队']));
    const groups = new Map(lex.orgs.map((o) => [o.name, o.group]));
    expect([groups.get('ByteDance'), groups.get('PKU'), groups.get('NVIDIA')]).toEqual([false, false, false]);
    expect([groups.get('ByteDance Seed'), groups.get('Qwen Team'), groups.get('DeepMind')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(orgs.get('HKU')).toEqual(expect.arrayContaining(['香港大学', '港大']));
    expect(orgs.get('PKU')).toEqual(expect.arrayContaining(['北京大学', '北大']));
    expect(orgs.get('NVIDIA')).toContain('英伟达');
  });
});

describe('user lexicon', () => {
  const text = [
    '# my names',
    'ignore = ["MCTS"]',
    '[[concept]]',
    'name = "StreamBP"',
    'aliases = ["Stream Backprop"]',
    'kind = "method"',
    '',
    '[[concept]]',
    'name = "GRPO"',
    'aliases = ["群体相对策略优化"]',
    '',
    '[[org]]',
    'name = "Zhipu AI"',
    'aliases = ["智谱AI", "智谱"]',
    '',
    '[rename]',
    '"Flow Matching" = "Flow-Matching (FM)"',
  ].join('\n');

  it('parses concepts, orgs, renames and ignores without diagnostics', () => {
    const { lexicon, diagnostics } = parseUserLexicon(FILE, text);
    expect(diagnostics).toEqual([]);
    expect(lexicon.concepts.map((c) => [c.name, c.aliases, c.kind, c.kindGiven])).toEqual([
      ['StreamBP', ['Stream Backprop'], 'method', true],
      ['GRPO', ['群体相对策略优化'], 'concept', false],
    ]);
    expect(lexicon.orgs).toEqual([
      { name: 'Zhipu AI', aliases: ['智谱AI', '智谱'], exact: false, group: true, groupGiven: false },
    ]);
    expect([...lexicon.renames]).toEqual([['flow matching', 'Flow-Matching (FM)']]);
    expect([...lexicon.ignore]).toEqual(['mcts']);
  });

  it('adds names, keeps shipped kinds for merged names, renames and ignores', () => {
    const result = findLinks(
      [
        paper('arxiv:1', {
          label: 'FooRL',
          text: ['我们基于 Stream Backprop 和群体相对策略优化，并提到流匹配与 MCTS。'],
        }),
        paper('arxiv:2', { label: 'BarRL', text: ['BarRL 优于 StreamBP。'] }),
      ],
      { userLexicon: { file: FILE, text } },
    );
    expect(result.diagnostics).toEqual([]);
    expect(edgesFrom(result, 'arxiv:1', true)).toEqual([
      'builds-on concept:grpo',
      'builds-on concept:streambp',
      'mentions concept:flow-matching-fm',
    ]);
    expect(edgesFrom(result, 'arxiv:2')).toEqual(['compares concept:streambp']);
    const byId = new Map(result.concepts.map((c) => [c.id, c]));
    expect(byId.get('concept:grpo' as never)?.conceptKind).toBe('algorithm');
    expect(byId.get('concept:streambp' as never)?.conceptKind).toBe('method');
    expect(byId.get('concept:flow-matching-fm' as never)?.label).toBe('Flow-Matching (FM)');
    expect(byId.get('concept:flow-matching-fm' as never)?.aliases).toContain('Flow Matching');
  });

  const bad: [string, string, string[], number][] = [
    ['syntax error', '[[concept]]\nname = "A\n', ['lexicon-syntax'], 2],
    ['unknown top key', 'colour = "red"\n', ['lexicon-unknown-key'], 1],
    ['missing name', '[[concept]]\naliases = ["x"]\n', ['lexicon-invalid'], 1],
    ['bad kind', '[[concept]]\nname = "Foo"\nkind = "gadget"\n', ['lexicon-invalid'], 3],
    ['aliases not a list', '[[org]]\nname = "Foo Lab"\naliases = "x"\n', ['lexicon-invalid'], 3],
    ['__proto__ as a name', '[[concept]]\nname = "__proto__"\n', ['lexicon-reserved-name'], 1],
    [
      'constructor as an alias',
      '[[concept]]\nname = "Foo"\naliases = ["constructor"]\n',
      ['lexicon-reserved-name'],
      3,
    ],
    ['rename to nothing', '[rename]\n"GRPO" = ""\n', ['lexicon-invalid'], 2],
    ['rename of prototype', '[rename]\n"prototype" = "X"\n', ['lexicon-reserved-name'], 2],
    ['an empty alias', '[[concept]]\nname = "Foo"\naliases = ["Fu", " "]\n', ['lexicon-invalid'], 3],
    ['ignore not a list of strings', 'ignore = ["MCTS", 3]\n', ['lexicon-invalid'], 1],
    ['ignore not a list', 'ignore = "MCTS"\n', ['lexicon-invalid'], 1],
  ];
  it.each(bad)('%s is a located diagnostic, not a throw', (_label, source, rules, line) => {
    const { diagnostics } = parseUserLexicon(FILE, source);
    expect(diagnostics.map((d) => d.rule)).toEqual(rules);
    expect(diagnostics[0]?.file).toBe(FILE);
    expect(diagnostics[0]?.line).toBe(line);
    // It says what is wrong: the key or entry it is about, or the TOML error.
    expect(diagnostics[0]?.message).toMatch(/"[^"]+"|alias|name|TOML/);
  });

  it('hostile names pollute nothing and the notes still link', () => {
    const hostile =
      '[[concept]]\nname = "__proto__"\n[[concept]]\nname = "constructor"\n[rename]\n"__proto__" = "x"\n';
    const result = findLinks(
      [paper('arxiv:1', { label: 'FooRL', text: ['FooRL 基于 GRPO，__proto__ 与 constructor 只是词。'] })],
      { userLexicon: { file: FILE, text: hostile } },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(edgesFrom(result, 'arxiv:1', true)).toEqual(['builds-on concept:grpo']);
    expect(result.diagnostics.every((d) => d.file === FILE && d.rule === 'lexicon-reserved-name')).toBe(true);
    expect(result.diagnostics.length).toBe(3);
  });
});
