// The Aho–Corasick automaton against a naive search, and the mention finder's matching rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Automaton, MAX_OVERLAY } from '../../src/links/automaton.js';
import { findLinks } from '../../src/links/index.js';
import { lowerSameLength, nameKey, nfkcText } from '../../src/links/normalise.js';
import { NameRegistry } from '../../src/links/registry.js';
import { paper } from './helpers.js';

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${i}:${i + p.length}:${p}`);
  });
  return [...new Set(out)].sort();
}

describe('Automaton', () => {
  it('finds exactly what a naive search finds (random patterns over a small alphabet)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '强', '化'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '强', '化'), maxLength: 60 }),
        (patterns, text) => {
          const automaton = new Automaton();
          for (const p of patterns) automaton.add(p);
          const found: string[] = [];
          automaton.scan(text, (s, e, id) => found.push(`${s}:${e}:${automaton.keyOf(id)}`));
          expect([...new Set(found)].sort()).toEqual(naive(patterns, text));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('an extended automaton finds what one built with all its patterns finds, and keeps the old ids', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '强', '化'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 10 }),
        fc.uniqueArray(word, { minLength: 1, maxLength: 6 }),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '强', '化'), maxLength: 60 }),
        (first, more, text) => {
          const base = new Automaton();
          for (const p of first) base.add(p);
          base.compile();
          const before: string[] = [];
          base.scan(text, (s, e, id) => before.push(`${s}:${e}:${base.keyOf(id)}`));
          const extended = base.extended(more);
          const whole = new Automaton();
          for (const p of [...first, ...more]) whole.add(p);
          const found = (a: Automaton) => {
            const out: string[] = [];
            a.scan(text, (s, e, id) => out.push(`${s}:${e}:${a.keyOf(id)}`));
            return out.sort();
          };
          expect(found(extended)).toEqual(found(whole));
          for (const p of first) expect(extended.idOf(p)).toBe(base.idOf(p));
          // The automaton it was extended from is left as it was.
          const after: string[] = [];
          base.scan(text, (s, e, id) => after.push(`${s}:${e}:${base.keyOf(id)}`));
          expect(after).toEqual(before);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('extended again and again (past MAX_OVERLAY), reports what one automaton with every pattern reports, in its order', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '强', '化'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 8 }),
        fc.array(fc.uniqueArray(word, { maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '强', '化'), maxLength: 60 }),
        (first, rounds, text) => {
          let a = new Automaton();
          for (const p of first) a.add(p);
          a.compile();
          const all = [...first];
          for (const more of rounds) {
            const before = a;
            const sizeBefore = a.size;
            a = a.extended(more);
            for (const p of more) if (!all.includes(p)) all.push(p);
            expect(a.size).toBe(all.length);
            expect(before.size).toBe(sizeBefore);
          }
          const whole = new Automaton();
          for (const p of all) whole.add(p);
          const found = (x: Automaton) => {
            const out: string[] = [];
            x.scan(text, (s, e, id) => out.push(`${s}:${e}:${x.keyOf(id)}:${id}`));
            return out;
          };
          // The same matches with the same ids, in the same order (no sorting: callers rely on it).
          expect(found(a)).toEqual(found(whole));
          for (const p of all) expect(a.idOf(p)).toBe(whole.idOf(p));
        },
      ),
      { seed: 11, numRuns: 300 },
    );
    // Past MAX_OVERLAY new patterns the automaton is built anew, with the same ids.
    let a = new Automaton();
    a.add('base');
    a.compile();
    const keys = Array.from({ length: MAX_OVERLAY + 5 }, (_, i) => `k${i.toString(36)}`);
    for (let i = 0; i < keys.length; i += 50) a = a.extended(keys.slice(i, i + 50));
    const found: string[] = [];
    a.scan('xx k1 base k70 kz', (s, e, id) => found.push(`${s}:${e}:${a.keyOf(id)}`));
    expect(found).toEqual(['3:5:k1', '6:10:base', '11:13:k7', '11:14:k70', '15:17:kz']);
    expect(a.idOf('k70')).toBe(1 + keys.indexOf('k70'));
  });

  it('gives one id per distinct key and switches wide nodes to a map', () => {
    const automaton = new Automaton();
    const ids = Array.from({ length: 40 }, (_, i) => automaton.add(`x${String.fromCharCode(0x4e00 + i)}`));
    expect(automaton.add('x一')).toBe(ids[0]);
    const found: number[] = [];
    automaton.scan('axx丁y', (_s, _e, id) => found.push(id));
    expect(found).toEqual([ids[1]]);
  });
});

describe('NameRegistry.find', () => {
  // Built inside each test, not in the describe body: work outside a test makes Stryker count every mutant of
  // the registry and the automaton it reaches as static (bench/mutation.md, session 11).
  const names = (text: string) => {
    const registry = new NameRegistry(new Set());
    registry.setNode('GRPO', { t: 'concept', i: 0 }, 25, false);
    registry.setNode('GRPO-CARE', { t: 'paper', i: 0 }, 50, false);
    registry.setNode('LLM-as-a-Judge', { t: 'concept', i: 1 }, 25, false);
    registry.setNode('GRACE', { t: 'paper', i: 1 }, 50, true);
    registry.setNode('流匹配', { t: 'concept', i: 2 }, 25, false);
    registry.setOrg('港大', 0, false);
    registry.setOrg('香港大学', 0, false);
    registry.compile();
    const norm = nfkcText(text);
    const lower = lowerSameLength(norm);
    return registry.find(norm, lower).map((m) => norm.slice(m.start, m.end));
  };
  const table: [string, string[]][] = [
    ['我们采用GRPO方法', ['GRPO']],
    ['ＧＲＰＯ 与 grpo', ['GRPO', 'grpo']],
    ['GRPOX and XGRPO and GRPO2 are other words', []],
    ['GRPO-CARE beats GRPO', ['GRPO-CARE', 'GRPO']],
    ['GRPO CARE, written with a space', ['GRPO CARE']],
    ['the LLM as-a-judge baseline', ['LLM as-a-judge']],
    ['GRACE helps; grace and Grace do not name it', ['GRACE']],
    ['通过「流匹配」（flow matching）预测', ['流匹配']],
    ['香港大学和港大是一所学校', ['香港大学', '港大']],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('normalisation', () => {
  it.each([
    ['ＧＲＰＯ', 'grpo'],
    ['LLM-as-a-Judge', 'llm as a judge'],
    ['  First   Return ', 'first return'],
    ['REINFORCE++', 'reinforce++'],
  ])('nameKey(%s) = %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('matches width- and case-variants to the same concept node', () => {
    const result = findLinks([
      paper('arxiv:1', { text: ['我们基于ＧＲＰＯ训练。'] }),
      paper('arxiv:2', { text: ['We build on grpo.'] }),
    ]);
    expect(result.edges.map((e) => e.key)).toEqual([
      'builds-on:arxiv:1->concept:grpo',
      'builds-on:arxiv:2->concept:grpo',
    ]);
    expect(result.concepts.map((c) => [c.id, c.label, c.conceptKind])).toEqual([
      ['concept:grpo', 'GRPO', 'algorithm'],
    ]);
  });
});

describe('nfkcText', () => {
  it('equals NFKC with whitespace runs collapsed, on mixed bilingual text', () => {
    const unit = fc.constantFrom(
      'A',
      'z',
      ' ',
      '  ',
      '\t',
      '\n',
      '，',
      '（',
      '）',
      'Ｇ',
      '１',
      '　',
      '强',
      '化',
      '。',
      '「',
      '」',
      '“',
      '”',
      '—',
      '·',
      'é',
      'ﬁ',
      '①',
      '…',
      'ｶ',
      '㎏',
      '½',
      'İ',
      '\u302a',
      '\u302b',
      '\u3036',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(nfkcText(text)).toBe(text.normalize('NFKC').replace(/\s+/g, ' '));
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it('equals it too on text its one-scan path takes: stable characters, full-width ASCII, single spaces', () => {
    const unit = fc.constantFrom(
      'a',
      'Q',
      '~',
      ' ',
      '，',
      '！',
      '～',
      'Ｚ',
      '\u3001',
      '\u3029',
      '\u3030',
      '\u3035',
      '强',
      '\u9fff',
      '\u2013',
      '\u201c',
      '\u00b7',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(nfkcText(text)).toBe(text.normalize('NFKC').replace(/\s+/g, ' '));
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe('an empty pattern', () => {
  it('is refused when added and when extending: it would match between every two characters', () => {
    const base = new Automaton();
    base.add('grpo');
    base.compile();
    expect(() => new Automaton().add('')).toThrow('empty pattern');
    expect(() => base.extended(['ppo', ''])).toThrow('empty pattern');
    expect(base.extended(['ppo']).idOf('ppo')).toBeDefined();
  });
});

describe('NameRegistry.compile with an earlier matcher', () => {
  it('reuses the matcher of a registry that held every name of this one, and finds only its own names', () => {
    const before = new NameRegistry(new Set());
    before.setNode('GRPO', { t: 'concept', i: 0 }, 25, false);
    before.setNode('PPO', { t: 'concept', i: 1 }, 25, false);
    before.setNode('DPO', { t: 'concept', i: 2 }, 25, false);
    before.setNode('RLHF', { t: 'concept', i: 3 }, 25, false);
    const previous = before.compile();
    // The next build's registry: PPO is gone from the notes.
    const after = new NameRegistry(new Set());
    after.setNode('GRPO', { t: 'concept', i: 0 }, 25, false);
    after.setNode('DPO', { t: 'concept', i: 2 }, 25, false);
    after.setNode('RLHF', { t: 'concept', i: 3 }, 25, false);
    const compiled = after.compile(previous);
    expect(compiled.automaton).toBe(previous.automaton);
    expect(compiled.live).toBe(3);
    const sentence = 'GRPO 优于 PPO 和 DPO，无需 RLHF。';
    expect(after.find(sentence, sentence.toLowerCase()).map((m) => m.entry.key)).toEqual([
      'grpo',
      'dpo',
      'rlhf',
    ]);
  });
});
