// `PairCue.needs` is the quick test run before a two-part cue's pattern: the sentence must contain one of its
// strings. It repeats words the pattern holds, and drifted once (session 9: three cues named one wording of several
// their patterns allow, so `…会带来高昂的计算成本`, `采用仿照 X 的方法` and `与 X 做了比较` were never read).
// Here each pattern is read as a regular expression and checked: every string it matches must contain one of the
// cue's `needs` (else `needs` drops a wording), and each `needs` string must be the only one some wording holds
// (else it is dead weight). Then one real-shaped sentence per `needs` string must find its cue.
import { describe, expect, it } from 'vitest';
import { findCues, PAIR_CUES } from '../../src/links/cues.js';

/** The regular-expression forms the cue patterns use: literals, classes, groups, alternatives, quantifiers. */
type Node =
  | { kind: 'lit'; text: string }
  | { kind: 'any' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; branches: Node[] }
  | { kind: 'rep'; node: Node; min: number };

function parse(pattern: string): Node {
  let i = 0;
  const alt = (): Node => {
    const branches = [seq()];
    while (pattern[i] === '|') {
      i++;
      branches.push(seq());
    }
    return branches.length === 1 ? (branches[0] as Node) : { kind: 'alt', branches };
  };
  const atom = (): Node => {
    const c = pattern[i] as string;
    if (c === '(') {
      i += pattern.startsWith('(?:', i) ? 3 : 1;
      if (pattern[i] === '?') throw new Error(`unsupported group at ${i} in ${pattern}`);
      const inner = alt();
      if (pattern[i] !== ')') throw new Error(`unclosed group in ${pattern}`);
      i++;
      return inner;
    }
    if (c === '[') {
      i = pattern.indexOf(']', i + 1) + 1;
      if (i === 0) throw new Error(`unclosed class in ${pattern}`);
      return { kind: 'any' };
    }
    if (c === '\\' || c === '.' || c === '^' || c === '$') {
      i += c === '\\' ? 2 : 1;
      return { kind: 'any' };
    }
    i++;
    return { kind: 'lit', text: c };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      const node = atom();
      const q = pattern[i];
      let min = -1;
      if (q === '?' || q === '*') min = 0;
      else if (q === '+') min = 1;
      else if (q === '{') {
        const close = pattern.indexOf('}', i);
        min = Number(pattern.slice(i + 1, close).split(',')[0]);
        i = close;
      }
      if (min < 0) {
        items.push(node);
        continue;
      }
      i++;
      if (pattern[i] === '?') i++; // lazy
      items.push({ kind: 'rep', node, min });
    }
    return { kind: 'seq', items };
  };
  const node = alt();
  if (i !== pattern.length) throw new Error(`unbalanced ) in ${pattern}`);
  return node;
}

/** Does every string `node` matches contain one of `needs`? (Strings across parts are not looked at: strict.) */
function admitted(node: Node, needs: readonly string[]): boolean {
  switch (node.kind) {
    case 'lit':
      return needs.some((n) => node.text.includes(n));
    case 'any':
      return false;
    case 'rep':
      return node.min >= 1 && admitted(node.node, needs);
    case 'alt':
      return node.branches.every((b) => admitted(b, needs));
    case 'seq': {
      // Adjacent literal characters are one word (`基础上`).
      const parts: Node[] = [];
      for (const item of node.items) {
        const last = parts.at(-1);
        if (item.kind === 'lit' && last?.kind === 'lit')
          parts[parts.length - 1] = { kind: 'lit', text: last.text + item.text };
        else parts.push(item);
      }
      return parts.some((p) => admitted(p, needs));
    }
  }
}

/** One sentence per `needs` string of every cue, as notes write them. */
const SENTENCES: readonly (readonly [string, string])[] = [
  ['FooRL 在 GRPO 的基础上引入了动态优势调制。', '在…基础上'],
  ['团队以 OpenRLHF 为基础构建了训练框架。', '以…为基础'],
  ['受 AlphaZero 启发，我们用自我对弈训练策略。', '受…启发'],
  ['该方法建立在 PPO 的裁剪目标之上。', '建立在…之上'],
  ['FooRL 从 Qwen3-4B 进行微调。', '从…微调'],
  ['我们将过程奖励与 GRPO 相结合。', '与…结合'],
  ['我们对组相对策略优化（GRPO）进行了改进。', '对…的改进'],
  ['我们在 GSM8K 上进行了评估。', '在…上实验'],
  ['DeepSeek 的 GRPO 会导致模型崩溃。', '导致…崩溃'],
  ['价值网络会带来巨大的计算开销。', '…带来开销'],
  ['然而，引入额外的流程奖励模型会带来高昂的计算成本。', '…带来开销'],
  ['逐步搜索会带来很高的代价。', '…带来开销'],
  ['FooRL 消除了对路由重放（Routing Replay）的依赖。', '消除对…的依赖'],
  ['FooRL 缩小了与 Qwen 模型家族之间的性能差距。', '与…的差距'],
  ['我们用类似 AlphaZero 的办法训练策略。', '用类似…的办法'],
  ['FooNet 采用仿照 AlphaZero 的方法训练策略。', '用类似…的办法'],
  ['与 GRPO 相比，FooRL 更稳定。', '与…相比'],
  ['我们与 PPO 进行了比较。', '与…进行比较'],
  ['我们与 PPO 做了比较。', '与…进行比较'],
  ['FooRL 比 PPO 更稳定。', '比…更'],
  ['我们对 PPO 和 GRPO 进行了系统的比较。', '对…比较'],
];

describe('the quick test of each two-part cue (PairCue.needs)', () => {
  it.each([
    ['对(x)(?:的|进行了?)改进', ['改进'], true],
    ['(?:产生|带来)(?:开销|成本|代价)', ['开销', '成本'], false],
    ['(?:产生|带来)(?:开销|成本|代价)', ['开销', '成本', '代价'], true],
    ['[与和](x)(?:进行了?|做了?)(?:比较|对比)', ['进行', '做'], true],
    ['[与和](x)(?:进行了?|做了?)(?:比较|对比)', ['进行了', '做'], false],
    ['(?:用|采用)了?(?:类似于?|仿照)(x)的方法', ['类似'], false],
    ['在([^在。]{1,80}?)的?基础上', ['基础上'], true],
    ['(?:计算|额外)?开销', ['计算'], false],
    ['从(x)(?:进行|开始){1,2}微调', ['进行', '开始'], true],
    ['受(x)的?启发', ['的'], false],
  ] as const)('reads %s with needs %j as admitted: %s', (pattern, needs, expected) => {
    expect(admitted(parse(pattern), needs)).toBe(expected);
  });

  it('admits every wording each pattern accepts', () => {
    const dropped = PAIR_CUES.filter((c) => !admitted(parse(c.pattern), c.needs)).map((c) => c.cue);
    expect(dropped).toEqual([]);
  });

  it('holds no string another one makes unneeded', () => {
    const unneeded: string[] = [];
    for (const c of PAIR_CUES)
      for (const n of c.needs)
        if (
          admitted(
            parse(c.pattern),
            c.needs.filter((m) => m !== n),
          )
        )
          unneeded.push(`${c.cue}: ${n}`);
    expect(unneeded).toEqual([]);
  });

  it.each(SENTENCES)('%s finds %s', (sentence, cue) => {
    expect(findCues(sentence.toLowerCase()).map((h) => h.cue)).toContain(cue);
  });

  it('has a sentence above for each needs string, holding no other of its cue', () => {
    const missing: string[] = [];
    for (const c of PAIR_CUES)
      for (const n of c.needs)
        if (!SENTENCES.some(([s, cue]) => cue === c.cue && c.needs.filter((m) => s.includes(m)).join() === n))
          missing.push(`${c.cue}: ${n}`);
    expect(missing).toEqual([]);
  });
});
