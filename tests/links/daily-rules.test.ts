// Rules learnt from judging a random sample of a whole folder's edges (tests/links/judged/daily-sample.json): each
// row is a sentence shaped like the wrong (or right) edges found there, and the edges it must give.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { edgesFrom, paper } from './helpers.js';

const P = 'title:foo';
const run = (text: string | string[], label = 'FooNet') =>
  edgesFrom(findLinks([paper(P, { label, title: `${label}: a method`, text })]), P);

describe('what a compared object says about itself is not the entry', () => {
  const table: [string, string[]][] = [
    // a builds-on cue right after a compare cue describes the compared methods
    ['FooNet 优于基于 GRPO 和非 GRPO 的竞争方法。', []],
    ['FooNet 相比最先进的基于 PPO 的方法将时间缩短了 10 倍。', []],
    // a `-based` name inside the object of `compared to`
    ['FooNet reduces solving time by 10x compared to state-of-the-art PPO-based approaches.', []],
    ["We compare it against the team's vanilla Group Relative Policy Optimization (GRPO)-based system.", []],
    // inside what an enclosing compare cue holds: compared with, not built on
    ['我们将其与 TurinTech 基于 PPO 的集成系统进行了比较。', ['compares concept:ppo']],
    ['我们将其与 PPO 进行了比较。', ['compares concept:ppo']],
    // 比…高出: what the entry beats, and the base of that baseline is compared, not used
    ['FooNet 比高级 RAG 基线的性能高出 32.2%。', ['compares concept:rag']],
    ['FooNet 比以 GPT-4o 为基础的评判基线提升了 4.76%。', ['compares concept:gpt-4o']],
    // the entry's own lineage in a clause of its own is kept
    ['FooNet 基于 GRPO，优于 PPO。', ['builds-on concept:grpo', 'compares concept:ppo']],
  ];
  it.each(table)('%s', (sentence, expected) => expect(run(sentence)).toEqual(expected));
});

describe('examples, settings, ablations and wishes are not relations', () => {
  const table: [string, string[]][] = [
    ['Deployment faces domain shift between algorithms (e.g., PPO vs. GRPO) and privacy limits.', []],
    ['Deployment faces domain shift, e.g., PPO vs. GRPO, and privacy limits.', []],
    // an example parenthesis holds its cue across the commas inside it
    [
      'Deployment faces domain shift between algorithms (e.g., between the two stages, PPO vs. GRPO) and privacy limits.',
      [],
    ],
    ['PPO vs. GRPO: FooNet is faster than both.', ['compares concept:grpo', 'compares concept:ppo']],
    // an example closed before the cue, or a parenthesis that gives none, leaves the cue alone
    ['Unlike prior work (e.g., search), FooNet outperforms PPO.', ['compares concept:ppo']],
    ['Some methods (e.g. search (beam) and sampling) and FooNet outperforms PPO.', ['compares concept:ppo']],
    ['(In short, FooNet outperforms PPO.)', ['compares concept:ppo']],
    ['FooNet（本文方法）优于 PPO。', ['compares concept:ppo']],
    // 在 X 中 is where the comparison is run
    ['我们比较了在 GRPO 训练中学习型策略与设计型策略的效果。', []],
    // compared with agents that lack the name: an ablation
    ['与未配备 MCTS 的代理相比，配备 MCTS 的代理更好。', []],
    ['FooNet is compared to a model without MCTS.', []],
    // what a framework should integrate is a wish
    ['综述认为该框架应借鉴 RAG 方法。', []],
    ['FooNet 借鉴了 RAG 方法。', ['builds-on concept:rag']],
    // what a name costs is a critique of it
    ['然而，引入额外的流程奖励模型会产生大量的计算开销。', ['critiques concept:prm']],
    ['然而，引入额外的流程奖励模型会带来高昂的计算成本。', ['critiques concept:prm']],
    // every wording a two-part cue allows is read, not only the one its quick test names
    ['FooNet 采用仿照 AlphaZero 的方法训练策略。', ['builds-on concept:alphazero']],
    ['我们与 PPO 做了比较。', ['compares concept:ppo']],
    ['Group Reward Policy Optimization 和 DPO 的比较。', ['compares concept:dpo', 'compares concept:grpo']],
    // a general statement about X-based models is background
    ['基于 Transformer 的模型主要依赖于下一个标记预测。', []],
    // a cue word that is a noun in a list has no object
    ['该框架整合了提示策略、领域微调以及 RAG 方法。', []],
    ['我们微调 Llama 3。', ['builds-on concept:llama']],
    // a cue word that ends the long form of the acronym right after it is part of that name
    ['参数高效微调（LoRA）已成为适配大模型的标准方法。', []],
    ['参数高效微调（LoRA 等）已成为适配大模型的标准方法。', []],
    // `X定位的扩展` extends X grounding; `X 算法的变体` is a variant of X
    ['AutoFoo：实现 MCTS 定位的扩展', []],
    ['FooNet 是 GRPO 算法的变体。', ['builds-on concept:grpo']],
    // 对比 in contrastive / contrast-enhanced words
    ['加权多 PPO 融合的对比式数据合成。', []],
    ['用于动态对比增强 GRPO 合成的注意力机制。', []],
  ];
  it.each(table)('%s', (sentence, expected) => expect(run(sentence)).toEqual(expected));
});

describe('relations the seed states in other words', () => {
  const table: [string, string[]][] = [
    // a Han name written right after a Latin word, with no space between, is still that name
    ['FooNet 沿用DeepSeek-V3混合专家架构。', ['builds-on concept:moe']],
    // `X 用于…`, `X is used to…`: the entry runs X for a step of its own; the name stands right before the cue
    ['在第一阶段，Zero-RL用于生成简洁的、结果导向的推理路径。', ['uses concept:zero-rl']],
    ['In the first stage, PPO is used to train the policy.', ['uses concept:ppo']],
    ['GRPO 被广泛用于大模型的后训练。', []],
    ['该方法可用于 PPO 训练。', []],
    // the tail of an English title before its translation is no subject of the translated `用于`
    ['Large Language Models for Efficient Beam Search 用于高效搜索的大型语言模型', []],
    ['跨多尺度视觉Transformer用于深度伪造检测', ['uses concept:transformer']],
    // `消除了对 X 的依赖`, `eliminates the need for X`: X is shown not to be needed
    ['同时消除了对「路由技巧」（如 Routing Replay）等辅助策略的依赖。', ['critiques concept:routing-replay']],
    ['FooNet eliminates the need for MCTS at inference time.', ['critiques concept:mcts']],
    ['FooNet 降低了对 MCTS 的依赖。', []],
    // a gap in a clause of its own is not the gap with a name before the break
    ['这引发了讨论和对 PPO 的解释，从而弥合理解上的差距。', []],
    // `缩小了与 X 之间的差距`, `closes the gap with X`: measured against X
    ['缩小了与更适配强化学习的模型家族（如 Qwen）之间的性能差距。', ['compares concept:qwen']],
    ['FooNet closes the gap with GPT-4o on math.', ['compares concept:gpt-4o']],
    // a short parenthesis after a listed name leaves the list going
    ['FooNet outperforms PPO (82.66%) and GRPO (82.29%).', ['compares concept:grpo', 'compares concept:ppo']],
    // `用类似 X 的办法`: the method follows X's; `类似 X 的` alone describes, it does not say so
    ['是用类似 AlphaZero 的办法训的（和自己下围棋）。', ['builds-on concept:alphazero']],
    ['这是一种类似 AlphaZero 的方法。', []],
    // a metric can be criticised
    ['$Pass@K$度量本身是一个有缺陷的推理度量。', ['critiques concept:pass@k']],
    // `用` is a cue where the sentence's words (Chinese word segmentation) make it one
    ['所以应该用了 MCTS。', ['uses concept:mcts']],
    ['先用 GPT-4o 进行初步标注，再由众包标注者进行质量控制。', ['uses concept:gpt-4o']],
    ['我们引用了 MCTS 的结果。', []],
    ['该作用 MCTS 无法替代。', []],
    ['用户 PPO 偏好不同。', []],
    // a lexicon name kept to its capitals is a term in any case where it stands alone in Han text
    ['要用 lean 这种形式化证明的工具。', ['uses concept:lean']],
    // a modal before a perfective cue infers what was done; before a plain cue it is a wish
    ['所以应该采用了 MCTS。', ['uses concept:mcts']],
    ['该框架应采用 MCTS。', []],
  ];
  it.each(table)('%s', (sentence, expected) => expect(run(sentence)).toEqual(expected));
});

describe('fine-tuning a model is building on it', () => {
  const table: [string, string[]][] = [
    ['我们通过使用训练数据微调 Llama 3 来开发 FooNet。', ['builds-on concept:llama']],
    ['We fine-tune Qwen2.5-7B on our data.', ['builds-on concept:qwen2.5']],
    ['We fine-tune with LoRA.', ['uses concept:lora']],
  ];
  it.each(table)('%s', (sentence, expected) => expect(run(sentence)).toEqual(expected));
});

describe('metrics are measured, not compared with', () => {
  it('a metric in a comparison is a mention; a critique of it stays', () => {
    const papers = (sentence: string) => [
      paper('title:m', {
        label: 'M',
        title: 'M study',
        text: ['Errors are reported as mean absolute error (MAE).'],
      }),
      paper(P, { label: 'FooNet', title: 'FooNet: a method', text: [sentence] }),
    ];
    const from = (sentence: string) => edgesFrom(findLinks(papers(sentence)), P);
    expect(from('通过 Mann-Whitney U 检验对性能指标（R2、MAE）进行统计比较。')).toEqual([]);
    expect(from('我们对比了 PPO 和 MAE。')).toEqual(['compares concept:ppo']);
    expect(from('我们指出 MAE 本身存在缺陷。')).toEqual(['critiques concept:mae']);
  });
});

describe('a lexicon name kept to its capitals', () => {
  it('is an English word in English text and a term alone in Han text', () => {
    const mentions = (text: string) =>
      edgesFrom(findLinks([paper(P, { label: 'FooNet', title: 'FooNet: a method', text })]), P, true);
    expect(mentions('We lean on PPO for training.')).toEqual(['mentions concept:ppo']);
    expect(mentions('模型学会了 lean 的语法。')).toEqual(['mentions concept:lean']);
    expect(mentions('模型学会了 lean。')).toEqual([]);
  });
});

describe('a dataset named after a method is no variant of it', () => {
  const derived = (text: string) =>
    findLinks([paper(P, { label: 'FooNet', title: 'FooNet: a method', text })])
      .edges.filter((e) => e.type === 'builds-on' && e.source !== P)
      .map((e) => `${e.source} -> ${e.target}`);
  it.each([
    ['validation on datasets (AlpacaEval, Anthropic HH-RLHF, truthy-dpo-v0.1).', []],
    ['我们在数据集（如 Anthropic HH-RLHF）上评估。', []],
    ['We train the policy with HH-RLHF on math.', ['concept:hh-rlhf -> concept:rlhf']],
    ['on benchmarks such as GSM8K-Hard and MATH.', ['concept:gsm8k-hard -> concept:gsm8k']],
  ] as [string, string[]][])('%s', (text, expected) => expect(derived(text)).toEqual(expected));
});

describe('an apposition after a comma describes the name before it', () => {
  const table: [string, string[]][] = [
    ['To address this, we build upon RecJPQ, a Transformer-based framework for large catalogues.', []],
    ['We propose FooNet, a Transformer-based model for retrieval.', ['uses concept:transformer']],
    ['In this paper, a Transformer-based model is proposed.', ['uses concept:transformer']],
    ['我们基于 RecJPQ 进行扩展，RecJPQ 是一个基于 Transformer 的框架。', []],
    ['RecJPQ is based on the Transformer.', []],
    // names with one capital before each inner capital or digit (no two capitals side by side)
    ['We compare with CoVo, a Transformer-based verifier.', []],
    ['We start from Mamba2, a Transformer-based hybrid.', []],
    ['FooNet 是一个基于 Transformer 的框架。', ['uses concept:transformer']],
  ];
  it.each(table)('%s', (sentence, expected) => expect(run(sentence)).toEqual(expected));
});

describe('names the entry goes by', () => {
  it("a compound equal to the entry's label is the entry itself, not a concept it uses", () => {
    const text = [
      'In this paper, we propose a LSTM-RF hybrid model. Trained with ocean data, the LSTM-RF model is accurate.',
    ];
    expect(run(text, 'LSTM-RF')).toEqual([]);
  });

  it('an acronym the notes define in passing, glued to another acronym, is another name', () => {
    const papers = [
      paper('title:pi', {
        label: 'PI study',
        title: 'A PI study',
        text: ['We study process intelligence (PI) in firms.'],
      }),
      paper(P, {
        label: 'FooNet',
        title: 'FooNet: a method',
        text: ['我们在基准测试 PI-LLM 上进行了实验。'],
      }),
    ];
    expect(edgesFrom(findLinks(papers), P)).not.toContain('uses concept:pi');
  });
});

describe('a nested list item is about the one work its parent item names', () => {
  it('AlphaProof fine-tunes Gemini; the entry only mentions it', () => {
    const entry = paper(P, { label: 'FooNet', title: 'FooNet: a method' });
    entry.text = [
      { file: 'notes.md', line: 10, text: '这里提到了 AlphaProof，有必要学习一下', indent: 0 },
      { file: 'notes.md', line: 11, text: 'finetune 了 gemini 来做自动形式化。', indent: 3 },
      { file: 'notes.md', line: 12, text: '我们微调了 Qwen3 来做验证。', indent: 3 },
    ];
    const result = findLinks([entry]);
    expect(edgesFrom(result, 'concept:alphaproof')).toEqual(['builds-on concept:gemini']);
    // a nested item with the entry as subject stays the entry's
    expect(edgesFrom(result, P)).toEqual(['builds-on concept:qwen3']);
    expect(edgesFrom(result, P, true)).toContain('mentions concept:gemini');
  });

  it('a parent item naming two works gives its nested items no subject', () => {
    const entry = paper(P, { label: 'FooNet', title: 'FooNet: a method' });
    entry.text = [
      { file: 'notes.md', line: 10, text: 'AlphaProof 和 AlphaZero', indent: 0 },
      { file: 'notes.md', line: 11, text: 'finetune 了 gemini 来做自动形式化。', indent: 3 },
    ];
    expect(edgesFrom(findLinks([entry]), P)).toEqual(['builds-on concept:gemini']);
  });
});

describe('names a paper claims from its text', () => {
  const claimsOf = (title: string, text: string, label = title) =>
    findLinks([
      paper('arxiv:2508.00001', { label, title, text: [text] }),
      paper(P, { label: 'FooNet', title: 'FooNet: a method', text: ['FooNet 优于 XQT。'] }),
    ]);
  it("an alias the sentence gives to something else (`also known as`) is not the entry's name", () => {
    const result = claimsOf(
      'Analysis of OPTQ',
      'The OPTQ framework, also known as XQT, is widely used.',
      'XQT',
    );
    expect(edgesFrom(result, P)).not.toContain('compares arxiv:2508.00001');
  });
  it("an acronym spelt out far after the propose word is not the entry's name", () => {
    const far = claimsOf(
      'Convergence under stepsize schedules',
      'We introduce a schedule for large models, which may alter the convergence behavior of extra quiet training (XQT).',
    );
    expect(edgesFrom(far, P)).not.toContain('compares arxiv:2508.00001');
    const clause = claimsOf(
      '梯度量化',
      '然而，梯度量化引入了幅度收缩和加性噪声，这可能改变额外安静训练（XQT）的收敛。',
    );
    expect(edgesFrom(clause, P)).not.toContain('compares arxiv:2508.00001');
    const near = claimsOf(
      'Convergence under stepsize schedules',
      'We propose extra quiet training (XQT) for large models.',
    );
    expect(edgesFrom(near, P)).toContain('compares arxiv:2508.00001');
  });
});
