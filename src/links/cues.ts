// Cue words that type an edge, in Chinese and English, and which mentions of a sentence each cue points at.
//
// A cue has a scope: `after` (基于 X, based on X: the names right after it), `before` (X 的变体, X is flawed:
// the names right before it), `both` (X vs. Y), or `enclosed` (在 X 基础上, 受 X 启发: the names inside).
// A scope never crosses a clause break, except inside an enclosing pair.
import { Automaton } from './automaton.js';
import { isWordCode } from './normalise.js';
import { wordBounds } from './words.js';

export type CueType = 'builds-on' | 'critiques' | 'compares' | 'uses';
export type CueScope = 'after' | 'before' | 'both' | 'enclosed';

export interface LiteralCue {
  text: string;
  type: CueType;
  scope: Exclude<CueScope, 'enclosed'>;
  confidence: number;
  /** Says the entry is derived from the name (fine-tuned from, a variant of): building on a model or dataset. */
  derives?: boolean;
  /** The name must stand right next to the cue (`Zero-RL用于…`, not `GRPO 被广泛用于…` nor `可用于`). */
  adjacent?: boolean;
  /** A cue only where word segmentation finds it as a word (`用` in `要用 lean`, not in `引用了`). */
  segmented?: boolean;
}

export interface PairCue {
  /** Label shown in tests and docs. */
  cue: string;
  /** Group 1 is the enclosed part. Run on the lower-cased sentence. */
  pattern: string;
  type: CueType;
  confidence: number;
  derives?: boolean;
  /** The cheap test that must pass before the pattern runs: the sentence must contain one of these strings. */
  needs: readonly string[];
}

const B = 'builds-on' as const;
const CR = 'critiques' as const;
const CO = 'compares' as const;
const U = 'uses' as const;

function lit(
  type: CueType,
  scope: LiteralCue['scope'],
  confidence: number,
  ...texts: string[]
): LiteralCue[] {
  return texts.map((text) => ({ text, type, scope, confidence }));
}

/** Literal cues that say derivation outright: they may build on a model, a dataset or a benchmark. */
function derives(cues: LiteralCue[]): LiteralCue[] {
  return cues.map((c) => ({ ...c, derives: true }));
}

/** Literal cues whose name must stand right next to them. */
function adjacent(cues: LiteralCue[]): LiteralCue[] {
  return cues.map((c) => ({ ...c, adjacent: true }));
}

/** Literal cues (lower case). The longest literal at a place wins (`相比于` over `相比`). */
export const LITERAL_CUES: readonly LiteralCue[] = [
  // builds-on
  ...lit(B, 'after', 0.9, '基于', '借鉴了', '借鉴', '沿用了', '沿用', '继承了', '源自', '源于', '建立在'),
  ...lit(
    B,
    'after',
    0.9,
    'based on',
    'builds on',
    'build on',
    'built on',
    'building on',
    'builds upon',
    'built upon',
  ),
  ...derives(lit(B, 'after', 0.85, 'extends', 'extending', 'extension of', 'variant of', 'variants of')),
  ...lit(B, 'after', 0.85, 'inspired by', 'on top of'),
  ...derives(lit(B, 'after', 0.85, 'derived from', 'adapted from', 'fine-tuned from', 'finetuned from')),
  ...derives(lit(B, 'after', 0.85, 'initialized from', 'distilled from', 'improves on', 'improves upon')),
  ...lit(B, 'after', 0.85, 'generalizes', 'generalises'),
  ...derives(lit(B, 'after', 0.75, '扩展了', '改进了', '拓展了')),
  // `微调 Llama 3`, `fine-tunes Qwen2.5`: the entry's model is derived from the name (not `fine-tuning with X`).
  ...derives(lit(B, 'after', 0.8, '微调了', '微调', 'fine-tunes', 'fine-tune', 'fine-tuning', 'finetunes')),
  ...derives(lit(B, 'after', 0.8, 'finetune', 'finetuning')),
  ...lit(B, 'after', 0.75, '融合了', '结合了', '推广了'),
  ...lit(B, 'after', 0.7, 'combines', 'incorporates', 'integrates'),
  // uses: run with the name unchanged (a base model, a benchmark, data, an algorithm applied as is)
  ...lit(U, 'after', 0.7, 'leverages', 'leveraging', 'adopts', 'adopting', 'employs', 'employing'),
  ...lit(U, 'after', 0.7, 'trained with', 'trained using', 'trained on', 'optimized with'),
  ...lit(U, 'after', 0.7, 'fine-tuned with', 'finetuned with', 'evaluated on', 'tested on', 'experiments on'),
  ...lit(U, 'after', 0.7, 'fine-tuning with', 'fine-tune with', 'fine-tuned on', 'fine-tuning on'),
  ...lit(U, 'after', 0.6, '采用了', '采用', '使用了', 'uses', 'use of', '借助', '利用了'),
  ...lit(U, 'after', 0.5, '使用', '利用', 'using'),
  ...lit(U, 'after', 0.5, '用了', '用').map((c) => ({ ...c, segmented: true })),
  // `Zero-RL用于生成推理路径`, `X is used to generate`: the entry runs X for a step of its own.
  ...adjacent(lit(U, 'before', 0.6, '用于', '被用于', '用来', '被用来', 'is used to', 'is used for')),
  ...adjacent(lit(U, 'before', 0.6, 'are used to', 'are used for', 'was used to', 'were used to')),
  ...derives(lit(B, 'before', 0.85, '的变体', '变体', '的扩展', '的改进版', '的改进版本', '的延伸')),
  ...lit(B, 'before', 0.8, '-based', '-style', '-inspired'),
  // critiques
  ...lit(
    CR,
    'after',
    0.85,
    '质疑',
    '批评',
    '反驳',
    '否定了',
    '挑战了',
    'challenges',
    'criticizes',
    'criticises',
  ),
  ...lit(
    CR,
    'after',
    0.85,
    'critiques',
    'refutes',
    'debunks',
    'questions',
    'limitations of',
    'flaws of',
    'flaw of',
  ),
  // `eliminates the need for X`: the entry shows X is not needed.
  ...lit(CR, 'after', 0.7, 'eliminates the need for', 'eliminating the need for', 'removes the need for'),
  ...lit(CR, 'after', 0.7, 'obviates the need for', 'obviating the need for', 'eliminates reliance on'),
  ...lit(CR, 'after', 0.8, '局限于', '弊端', 'problems with', 'problem with', 'issues with', 'pitfalls of'),
  ...lit(
    CR,
    'before',
    0.85,
    'is ill-posed',
    'ill-posed',
    'is flawed',
    'are flawed',
    'flawed',
    'fails to',
    'fail to',
  ),
  ...lit(
    CR,
    'before',
    0.85,
    'failed to',
    'suffers from',
    'suffer from',
    'breaks down',
    'collapses',
    'is unstable',
  ),
  ...lit(
    CR,
    'before',
    0.85,
    '不是魔法',
    '并非魔法',
    '的缺陷',
    '存在缺陷',
    '有缺陷',
    '缺陷',
    '的局限性',
    '的局限',
    '局限性',
    '局限',
  ),
  ...lit(CR, 'before', 0.7, '的问题', '存在问题', '的不足', '不稳定', '失效', '并不可靠', '不可靠'),
  ...lit(CR, 'before', 0.45, 'is not', "isn't", 'are not', 'does not work', 'is not magic'),
  // compares
  ...lit(CO, 'after', 0.85, '优于', '超越', '超过', '胜过', '战胜', '击败', '领先于', '好于', '强于'),
  ...lit(CO, 'after', 0.85, '相比于', '相较于', '相对于', '对比', '相比', '相较', '比较了', '比肩', '媲美'),
  ...lit(
    CO,
    'after',
    0.85,
    'outperforms',
    'outperform',
    'outperformed',
    'outperforming',
    'surpasses',
    'surpass',
  ),
  ...lit(CO, 'after', 0.85, 'surpassing', 'beats', 'exceeds', 'better than', 'compared to', 'compared with'),
  ...lit(
    CO,
    'after',
    0.8,
    'in comparison to',
    'in comparison with',
    'relative to',
    'against',
    'rivals',
    'matches',
  ),
  ...lit(CO, 'before', 0.8, '谁更胜一筹', '更胜一筹', '相媲美', '相当', '相匹配', '匹敌', '的比较', '的对比'),
  ...lit(CO, 'after', 0.75, 'closes the gap with', 'closing the gap with', 'closes the gap to'),
  ...lit(CO, 'after', 0.75, 'narrows the gap with', 'narrowing the gap with', 'narrows the gap to'),
  ...lit(CO, 'both', 0.8, 'vs.', 'vs', 'versus', '对阵'),
];

/** Cues that enclose their names. `[^X。]` keeps the opener the nearest one. */
export const PAIR_CUES: readonly PairCue[] = [
  { cue: '在…基础上', pattern: '在([^在。]{1,80}?)的?基础上', type: B, confidence: 0.9, needs: ['基础上'] },
  { cue: '以…为基础', pattern: '以([^以。]{1,40}?)为基础', type: B, confidence: 0.9, needs: ['为基础'] },
  { cue: '受…启发', pattern: '受([^受。]{1,80}?)的?启发', type: B, confidence: 0.85, needs: ['启发'] },
  { cue: '建立在…之上', pattern: '建立在([^。]{1,40}?)之上', type: B, confidence: 0.9, needs: ['之上'] },
  {
    cue: '从…微调',
    pattern: '从([^从。]{1,40}?)(?:进行|开始)?微调',
    type: B,
    confidence: 0.8,
    derives: true,
    needs: ['微调'],
  },
  {
    cue: '与…结合',
    pattern: '[与和]([^与和。]{1,40}?)(?:相)?结合',
    type: U,
    confidence: 0.7,
    needs: ['结合'],
  },
  {
    // `对 PPO 进行了改进`, `对组相对策略优化（GRPO）进行了改进`: `相对` inside a name is no opener.
    cue: '对…的改进',
    pattern: '对((?:相对|[^对。]){1,40}?)(?:的|进行了?)改进',
    type: B,
    confidence: 0.8,
    derives: true,
    needs: ['改进'],
  },
  {
    cue: '在…上实验',
    pattern: '在([^在。]{1,60}?)上(?:进行|开展)?了?(?:的)?(?:实验|评估|评测|测试|训练|微调)',
    type: U,
    confidence: 0.7,
    needs: ['上'],
  },
  {
    cue: '导致…崩溃',
    pattern: '([^，。,;；]{1,30}?)(?:会|将|可能)?导致[^，。]{0,8}?(?:崩溃|失败|不稳定)',
    type: CR,
    confidence: 0.8,
    needs: ['导致'],
  },
  {
    cue: '…带来开销',
    pattern:
      '([^，。,;；]{1,30}?)(?:会|将|可能)?(?:产生|带来|引入|导致)[^，。]{0,8}?(?:计算|额外|巨大|显著)?(?:开销|成本|代价)',
    type: CR,
    confidence: 0.75,
    needs: ['开销', '成本', '代价'],
  },
  {
    // `消除了对「路由技巧」（如 Routing Replay）的依赖`: the entry shows X is not needed.
    cue: '消除对…的依赖',
    pattern: '(?:消除|摆脱|去除|免除|去掉|不再需要)了?对([^对。]{1,60}?)的依赖',
    type: CR,
    confidence: 0.7,
    needs: ['依赖'],
  },
  {
    // `缩小了与…模型家族（如 Qwen）之间的性能差距`: measured against it.
    cue: '与…的差距',
    pattern: '[与和跟]([^与和跟。，,；;：:]{1,60}?)(?:之间)?的?(?:性能|能力|表现)?差距',
    type: CO,
    confidence: 0.75,
    needs: ['差距'],
  },
  {
    // `用类似 AlphaZero 的办法训的`: the entry's method follows X's.
    cue: '用类似…的办法',
    pattern:
      '(?:用|采用|使用|借鉴|沿用|仿照|参照)了?(?:类似于?|仿照)([^类。，,]{1,40}?)的(?:办法|方法|方式|思路|做法|策略|范式)',
    type: B,
    confidence: 0.75,
    needs: ['类似', '仿照'],
  },
  {
    cue: '与…相比',
    pattern: '[与和跟]([^与和跟。]{1,60}?)相比',
    type: CO,
    confidence: 0.85,
    needs: ['相比'],
  },
  {
    cue: '与…进行比较',
    pattern: '[与和跟]([^与和跟。]{1,80}?)(?:的表现|的性能)?(?:进行了?|做了?)(?:比较|对比)',
    type: CO,
    confidence: 0.8,
    needs: ['进行', '做'],
  },
  {
    cue: '比…更',
    pattern: '比([^比。，,]{1,40}?)(?:更|还|要|高出|提升|提高|快|好)',
    type: CO,
    confidence: 0.75,
    needs: ['比'],
  },
  {
    cue: '对…比较',
    pattern: '对([^对。]{1,60}?)进行了?[^。，]{0,12}?(?:比较|对比)',
    type: CO,
    confidence: 0.8,
    needs: ['对'],
  },
];

/** Words just before a cue that turn it off (`不是基于`, `not based on`). */
const NEGATION = /(?:不|未|没有|不是|并非|并不|无需|而非|不再|not|n't|without|never|no longer)\s*$/;
/** A critique of a problem that the entry solves is no critique of the names around it. */
const SOLVES =
  /(?:解决|缓解|克服|应对|针对|弥补|避免|减少|降低|消除|减轻|address|mitigat|solv|overcom|alleviat|avoid|reduc|tackl)/;
/** What follows 对比 when it means "contrastive", not "compare". */
const CONTRASTIVE = /^(?:学习|损失|奖励|式|性|预训练|解码|表示|目标|语言|图像|增强|度)/;
/** Words just before a builds-on or uses cue that make it a wish, not what the entry did (`该框架应整合 X`). */
const MODAL = /(?:应|应该|应当|需要|必须|should|would|could|might|must)\s*$/;
/**
 * A sentence about other work (`现有方法基于 X…`, `Recent X-based methods…`): what it says uses or builds on X is
 * background, not the entry's own lineage.
 */
export const BACKGROUND =
  /^\s*(?:基于[^，,。]{1,30}的(?:模型|方法|系统|框架|技术)(?:主要|通常|往往|一般|大多|普遍|都|已经|已|仍)|(?:然而|但是?|此外|动机)?[，,：:]?\s*(?:现有的?|已有的?|传统的?|目前的?|当前的?|以往的?|近年来|最近的|随着|尽管|虽然)|(?:however,?\s*)?(?:despite|existing|recent|traditional|conventional|current|prior|previous|most)\b)/;
/** Clause breaks: a scope does not cross them. */
export const CLAUSE_BREAK = /[，,;；:：。!?！？]/;

export interface CueHit {
  cue: string;
  type: CueType;
  scope: CueScope;
  confidence: number;
  derives: boolean;
  /** The name must stand right next to the cue. */
  adjacent: boolean;
  /** Cue position in the lower-cased sentence, end exclusive. */
  start: number;
  end: number;
  /** For `enclosed`: the enclosed part. */
  innerStart: number;
  innerEnd: number;
}

interface Compiled {
  automaton: Automaton;
  /** Pattern id -> cue. */
  byId: LiteralCue[];
  pairs: { cue: PairCue; re: RegExp }[];
}

let compiled: Compiled | undefined;

/** One automaton for all literal cues: a sentence is scanned once, whatever the number of cues. */
function compile(): Compiled {
  if (compiled) return compiled;
  const automaton = new Automaton();
  const byId: LiteralCue[] = [];
  for (const cue of LITERAL_CUES) {
    const id = automaton.add(cue.text);
    byId[id] ??= cue;
  }
  compiled = {
    automaton: automaton.compile(),
    byId,
    pairs: PAIR_CUES.map((cue) => ({ cue, re: new RegExp(cue.pattern, 'gd') })),
  };
  return compiled;
}

/** Literal cues in `lower`: Latin cues as whole words, CJK cues anywhere; leftmost-longest, no overlaps. */
function literalHits(lower: string): { start: number; end: number; cue: LiteralCue }[] {
  const { automaton, byId } = compile();
  const found: { start: number; end: number; cue: LiteralCue }[] = [];
  automaton.scan(lower, (start, end, id) => {
    const cue = byId[id];
    if (!cue) return;
    // The automaton folds `-` into a space; `-based` must still be written with its hyphen.
    if (cue.text.charCodeAt(0) === 0x2d && lower.charCodeAt(start) !== 0x2d) return;
    if (isWordCode(lower.charCodeAt(start)) && start > 0 && isWordCode(lower.charCodeAt(start - 1))) return;
    if (isWordCode(lower.charCodeAt(end - 1)) && end < lower.length && isWordCode(lower.charCodeAt(end)))
      return;
    found.push({ start, end, cue });
  });
  if (found.length <= 1) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: typeof found = [];
  let reach = -1;
  for (const hit of found) {
    if (hit.start >= reach) {
      chosen.push(hit);
      reach = hit.end;
    }
  }
  return chosen;
}

/** The clause of `lower` around position `at`: from the last break before it to the next break. */
export function clauseStart(lower: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_BREAK.test(lower[i] as string)) return i + 1;
  return 0;
}

/** Every cue in a lower-cased sentence, negated cues and solved-problem critiques left out. */
export function findCues(lower: string): CueHit[] {
  const { pairs } = compile();
  const hits: CueHit[] = [];
  let bounds: ReadonlySet<number> | undefined;
  for (const { start, end, cue } of literalHits(lower)) {
    // `用` in `要用 lean`, `用了 MCTS`, not in `引用了`, `作用`, `用户`: only where the sentence's words say so.
    if (cue.segmented) {
      bounds ??= wordBounds(lower);
      if (!bounds.has(start) || !bounds.has(end)) continue;
    }
    if (NEGATION.test(lower.slice(Math.max(0, start - 10), start))) continue;
    if (cue.type === 'critiques' && SOLVES.test(lower.slice(clauseStart(lower, start), start))) continue;
    // `对比学习` is contrastive learning, `对比奖励` a contrastive reward: no comparison.
    // `的对比式` (contrastive), `对比增强` (contrast-enhanced), `对比度` (contrast).
    if (cue.text.endsWith('对比') && CONTRASTIVE.test(lower.slice(end, end + 3))) continue;
    // `应该用了 MCTS` (a perfective cue) infers what was done; `应整合 X` is a wish.
    if (
      (cue.type === 'builds-on' || cue.type === 'uses') &&
      !cue.text.endsWith('了') &&
      MODAL.test(lower.slice(Math.max(0, start - 8), start))
    )
      continue;
    hits.push({
      cue: cue.text,
      type: cue.type,
      scope: cue.scope,
      confidence: cue.confidence,
      derives: cue.derives === true,
      adjacent: cue.adjacent === true,
      start,
      end,
      innerStart: end,
      innerEnd: end,
    });
  }
  for (const { cue, re } of pairs) {
    if (!cue.needs.some((n) => lower.includes(n))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
      const inner = m.indices?.[1];
      if (!inner) continue;
      const start = m.index;
      if (NEGATION.test(lower.slice(Math.max(0, start - 10), start))) continue;
      if (cue.type === 'critiques' && SOLVES.test(lower.slice(inner[0], inner[1]))) continue;
      hits.push({
        cue: cue.cue,
        type: cue.type,
        scope: 'enclosed',
        confidence: cue.confidence,
        derives: cue.derives === true,
        adjacent: false,
        start,
        end: start + m[0].length,
        innerStart: inner[0],
        innerEnd: inner[1],
      });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return hits;
}
