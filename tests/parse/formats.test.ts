// Tables of input -> expected for each small format the notes use.
import { describe, expect, it } from 'vitest';
import * as parse from '../../src/parse/index.js';
import { parseNotes } from '../../src/parse/index.js';
import {
  authorFromSearchUrl,
  findArxivRefs,
  isLatin,
  matchField,
  matchTimestamp,
  parseLooseDate,
} from '../../src/parse/patterns.js';
import { makeLabel, splitAuthors } from '../../src/parse/text.js';

describe('public API', () => {
  it('exports exactly the parser entry points', () => {
    expect(Object.keys(parse).sort()).toEqual([
      'DEFAULT_PARSE_OPTIONS',
      'collectChunk',
      'failedFile',
      'finishFile',
      'isFileStart',
      'mergeFileParses',
      'parseFile',
      'parseNotes',
      'parserCrashed',
      'startFile',
      'titleId',
    ]);
  });
});

describe('timestamps', () => {
  it.each([
    ['2025-07-18 20:24:54 Friday ｜ 真相大白！', '2025-07-18', '真相大白！'],
    ['2025-07-02 17:21:08 Wednesday｜', '2025-07-02', ''],
    ['2025-06-12 10:54:10 Thursday | 「Next-Token」范式改变！', '2025-06-12', '「Next-Token」范式改变！'],
    [
      '20250604｜RewardBench 2: Advancing Reward Model Evaluation',
      '2025-06-04',
      'RewardBench 2: Advancing Reward Model Evaluation',
    ],
    ['🌈 🌈 2025-06-27 12:57:34 Friday ｜ 北京大学', '2025-06-27', '北京大学'],
    ['🙋❓ 2025-06-28 18:17:38 Saturday ｜ 突破', '2025-06-28', '突破'],
    ['6. 2025-06-18 10:43:39 Wednesday ｜', '2025-06-18', ''],
    ['2025-06-01 - DAPO: An Open-Source LLM RL System', '2025-06-01', 'DAPO: An Open-Source LLM RL System'],
    [
      '2025-05-02 10:00 | Group Relative Policy Optimization',
      '2025-05-02',
      'Group Relative Policy Optimization',
    ],
    ['2025/6/1｜x', '2025-06-01', 'x'],
  ])('%s', (text, date, rest) => {
    expect(matchTimestamp(text)).toMatchObject({ date, rest });
  });

  it.each([
    '2025-06-01 was a good day',
    // a separator later in the prose does not make the date a stamp
    '2025-06-01 was a good day - we read two papers',
    '2025-06-01 was a good day: we read two papers',
    '2025-06-01 was a good day ｜ we read two papers',
    '2506.16024 is an id',
    'v2025-06-01',
    '发布时间：2025-08-06 17:00:54 UTC',
    'Notes 2025-06-01 10:00:00',
  ])('not a note timestamp: %s', (text) => {
    expect(matchTimestamp(text)).toBeUndefined();
  });

  // The calendar's bounds, each side of each.
  it.each([
    ['1900-01-01', '1900-01-01'],
    ['2200-12-31', '2200-12-31'],
    ['1899-12-31', undefined],
    ['2201-01-01', undefined],
    ['2025-00-10', undefined],
    ['2025-13-10', undefined],
    ['2025-01-00', undefined],
    ['2025-01-32', undefined],
    ['2025-12-31', '2025-12-31'],
    ['2025-01-01', '2025-01-01'],
    ['2025-02-29', undefined],
    ['2024-02-29', '2024-02-29'],
    ['2025-04-31', undefined],
  ])('the stamp %s is dated %s', (day, date) => {
    const stamp = matchTimestamp(`${day} 10:00:00 | x`);
    expect(stamp).toMatchObject({ rest: 'x', strong: true });
    expect(stamp!.date).toBe(date);
    if (!date) expect(stamp!.invalid).toBe(`${day} 10:00:00`);
  });

  // ASCII decoration before a stamp is skipped, up to 24 characters; a letter or digit is no decoration.
  it.each([
    ['/ 2025-06-01 10:00:00 | x', 2],
    [': 2025-06-01 10:00:00 | x', 2],
    ['@ 2025-06-01 10:00:00 | x', 2],
    ['[ 2025-06-01 10:00:00 | x', 2],
    ['` 2025-06-01 10:00:00 | x', 2],
    ['{ 2025-06-01 10:00:00 | x', 2],
    ['★ 2025-06-01 10:00:00 | x', 2],
    [`${'='.repeat(24)}2025-06-01 10:00:00 | x`, 24],
  ])('decoration: %s', (text, at) => {
    expect(matchTimestamp(text)).toMatchObject({ date: '2025-06-01', rest: 'x', restOffset: at + 22 });
  });
  it.each([
    '0 2025-06-01 10:00:00 | x',
    '9 2025-06-01 10:00:00 | x',
    'A 2025-06-01 10:00:00 | x',
    'Z 2025-06-01 10:00:00 | x',
    'a 2025-06-01 10:00:00 | x',
    'z 2025-06-01 10:00:00 | x',
    '中 2025-06-01 10:00:00 | x',
    `${'='.repeat(25)}2025-06-01 10:00:00 | x`,
  ])('no stamp after a letter, a digit or too much decoration: %s', (text) => {
    expect(matchTimestamp(text)).toBeUndefined();
  });

  it('reports impossible stamps as invalid', () => {
    expect(matchTimestamp('2025-13-45 10:00:00 Friday ｜ x')).toMatchObject({
      invalid: '2025-13-45 10:00:00 Friday',
      rest: 'x',
    });
  });

  it.each([
    ['2025-07-02 04：40：29 UTC', '2025-07-02'],
    ['2025 年 6 月 25 日 14:58:13（UTC）', '2025-06-25'],
    ['2025-06-15 05：42：29 UTC', '2025-06-15'],
    ['20250604', '2025-06-04'],
  ])('publication date %s', (text, date) => {
    expect(parseLooseDate(text)).toEqual({ date });
  });
});

describe('arXiv ids', () => {
  it.each([
    ['https://arxiv.org/abs/2506.08745', '2506.08745'],
    ['https://arxiv.org/pdf/2506.23235', '2506.23235'],
    ['https://arxiv.org/html/2506.16712v1', '2506.16712'],
    ['https://arxiv.org/format/2506.16712', '2506.16712'],
    ['https://papers.cool/arxiv/2507.01352', '2507.01352'],
    ['arXiv:2506.16024 [pdf 版，html 版，其他格式]', '2506.16024'],
    ['GoT-R1 arxiv: https://arxiv.org/pdf/2505.17022', '2505.17022'],
    ['see arXiv: 2402.03300 for details', '2402.03300'],
    ['http://arxiv.org/abs/2501.17348v2', '2501.17348'],
    ['arxiv.org/pdf/2401.02072', '2401.02072'],
    ['https://arxiv.org/pdf/2501.11111.pdf', '2501.11111'],
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/abs/math.GT/0309136v2', 'math.GT/0309136'],
    ['https://arxiv.org/abs/0704.0001', '0704.0001'],
    ['https://huggingface.co/papers/2501.12948', '2501.12948'],
  ])('%s', (text, id) => {
    expect(findArxivRefs(text).map((r) => [r.id, r.invalid])).toEqual([[id, undefined]]);
  });

  it.each([
    ['https://arxiv.org/abs/2513.12345', 'month 13 is out of range'],
    ['https://arxiv.org/abs/1412.12345', 'ids before 2015 have 4 digits after the dot'],
    ['https://arxiv.org/abs/2501.1234', 'ids since 2015 have 5 digits after the dot'],
  ])('malformed %s', (text, reason) => {
    expect(findArxivRefs(text)[0]!.invalid).toBe(reason);
  });

  it('ignores ids that are not arXiv references', () => {
    expect(findArxivRefs('version 2506.16024 of the data; https://github.com/a/2506.16024')).toEqual([]);
  });
});

describe('Latin script', () => {
  // One CJK character among nine others is still Latin (at most a tenth): each boundary letter counts as a letter.
  it.each(['A', 'Z', 'a', 'z', 'À', 'ɏ', 'ɐ', 'é'])('nine %s and one 中 are Latin', (ch) => {
    expect(isLatin(`中${ch.repeat(9)}`)).toBe(true);
  });
  // Symbols next to the letter ranges are no letters: eight letters, two symbols and one 中 are not Latin.
  it.each(['@', '[', '`', '{', '¿', '0', ' '])('%s is no letter', (ch) => {
    expect(isLatin(`中${'a'.repeat(8)}${ch.repeat(2)}`)).toBe(false);
  });
  it.each([
    ['Attention Is All You Need', true],
    ['注意力就是你所需要的', false],
    ['', false],
    ['2025', false],
    ['Sparse 专家', false],
    // Letters of other alphabets below the CJK block count as letters; those above it (Hangul, full-width) do not.
    ['Внимание — это всё, что вам нужно', true],
    ['Η προσοχή είναι ό,τι χρειάζεστε', true],
    ['어텐션만 있으면 된다', false],
    [`中${'한'.repeat(12)}`, false],
    ['Ａｔｔｅｎｔｉｏｎ', false],
  ])('%j is Latin: %s', (text, latin) => {
    expect(isLatin(text)).toBe(latin);
  });
});

describe('field labels', () => {
  it.each([
    [' **标题** ： 一致的路径通向真理', 'title', '一致的路径通向真理'],
    ['**链接** ：https://arxiv.org/abs/2506.08745', 'link', 'https://arxiv.org/abs/2506.08745'],
    ['链接：https://arxiv.org/abs/2505.11614', 'link', 'https://arxiv.org/abs/2505.11614'],
    ['作者：王增志，周凡', 'authors', '王增志，周凡'],
    [' **Authors** : Chris Yuhao Liu, Liang Zeng', 'authors', 'Chris Yuhao Liu, Liang Zeng'],
    [' **Author** : Shreyansh Padarha', 'authors', 'Shreyansh Padarha'],
    ['**摘要** ：强化学习', 'abstract', '强化学习'],
    [' **备注** ：Preprint', 'note', 'Preprint'],
    [' **科目** :  计算和语言 , 人工智能', 'subjects', '计算和语言 , 人工智能'],
    [' **主题** : 计算和语言', 'subjects', '计算和语言'],
    ['学科分类：计算与语言（cs.CL）', 'subjects', '计算与语言（cs.CL）'],
    [' **发布** ： 2025-07-02 04：40：29 UTC', 'published', '2025-07-02 04：40：29 UTC'],
    ['发布时间：2025 年 6 月 25 日 14:58:13（UTC）', 'published', '2025 年 6 月 25 日 14:58:13（UTC）'],
    ['论文标题： GENERALIST REWARD MODELS', 'title', 'GENERALIST REWARD MODELS'],
    ['论文地址：https://arxiv.org/abs/2506.08902', 'link', 'https://arxiv.org/abs/2506.08902'],
    ['论文链接：https://arxiv.org/pdf/2506.23235', 'link', 'https://arxiv.org/pdf/2506.23235'],
    [
      '代码链接：https://github.com/ZiyuGuo99/Image-Generation-CoT',
      'code',
      'https://github.com/ZiyuGuo99/Image-Generation-CoT',
    ],
    ['GitHub 仓库：https://github.com/OpenBMB/RLPR', 'code', 'https://github.com/OpenBMB/RLPR'],
    ['1. 标题： 从数学推理到代码', 'title', '从数学推理到代码'],
    ['Title: Attention Is All You Need', 'title', 'Attention Is All You Need'],
    [
      'arXiv: [2503.14476](https://arxiv.org/abs/2503.14476)',
      'link',
      '[2503.14476](https://arxiv.org/abs/2503.14476)',
    ],
  ])('%s', (text, kind, value) => {
    expect(matchField(text)).toMatchObject({ kind, value });
  });

  // Every label of each kind, and near misses on either side of one (a looser match would take them).
  const labels: [string, string[], string[]][] = [
    [
      'title',
      ['论文标题', '论文名称', '论文题目', '标题', '题目', '英文标题', '原标题', 'Title', 'paper title'],
      ['Subtitle', 'Title page'],
    ],
    [
      'link',
      [
        '论文地址',
        '论文链接',
        '链接',
        '原文链接',
        '原文',
        '论文',
        'arXiv',
        'arxiv 链接',
        'Link',
        'links',
        'Paper',
        'PDF',
        'URL',
      ],
      ['Backlinks', 'Link text'],
    ],
    [
      'code',
      [
        '代码链接',
        '代码地址',
        '代码',
        '开源地址',
        '项目地址',
        '项目主页',
        '项目链接',
        '主页',
        '博客地址',
        '博客',
        'github 仓库',
        'GitHub',
        'Code',
        'project',
        'Project page',
        'homepage',
        'Blog',
        'website',
        '数据集',
        '模型',
        'demo',
      ],
      ['Source code', 'Code review'],
    ],
    ['authors', ['作者', '作者们', 'Author', 'Authors', 'by'], ['Co authors', 'Authors note']],
    ['abstract', ['摘要', 'Abstract', 'TL;DR', 'tldr'], ['Extended abstract', 'Abstract figure']],
    ['note', ['备注', 'Comment', 'Comments', '评论', '注'], ['No comments', 'Comments policy']],
    [
      'subjects',
      ['科目', '主题', '学科分类', '学科', '分类', 'Subject', 'Subjects', 'Categories'],
      ['Other subjects', 'Subject area'],
    ],
    [
      'published',
      ['发布时间', '发布', '发表时间', '发表', '提交时间', 'Published', 'Submitted', 'Publication date'],
      ['First published', 'Published version'],
    ],
    ['tags', ['Tag', 'Tags', '标签', '关键词', 'Keywords'], ['Hashtags', 'Tags list']],
    [
      'venue',
      ['会议', '期刊', '发表于', '收录于', 'Venue', 'Conference', 'Journal'],
      ['Main venue', 'Journal club'],
    ],
    [
      'org',
      [
        '机构',
        '单位',
        '作者单位',
        'Affiliation',
        'Affiliations',
        'Institution',
        'Institutions',
        'Organisation',
        'Organizations',
      ],
      ['Partner institutions', 'Affiliation list'],
    ],
  ];
  it.each(labels.flatMap(([kind, names]) => names.map((name) => [name, kind])))(
    '**%s**: is a %s field',
    (name, kind) => {
      expect(matchField(`**${name}** ：some value`)).toMatchObject({
        kind,
        label: name,
        value: 'some value',
      });
    },
  );
  it.each(labels.flatMap(([, , misses]) => misses))('%s: is no field', (name) => {
    expect(matchField(`${name}: some value`)).toBeUndefined();
  });

  it.each([
    '研究“奖励模型欺骗”现象是否存在普遍性',
    '这就是强化学习的Scaling Law：强化学习训练越长',
    'https://arxiv.org/abs/2506.08745',
  ])('not a field: %s', (text) => {
    expect(matchField(text)).toBeUndefined();
  });
});

describe('authors and labels', () => {
  it.each([
    ['https://arxiv.org/search/cs?searchtype=author&query=Khalifa,+M', 'Khalifa, M'],
    ['https://arxiv.org/search/?searchtype=author&query=Chris%20Yuhao%20Liu', 'Chris Yuhao Liu'],
    ['https://arxiv.org/search/?searchtype=author&query=Bing-Kun%20Bao', 'Bing-Kun Bao'],
  ])('author-search link %s', (url, name) => {
    expect(authorFromSearchUrl(url)).toBe(name);
  });

  it.each([
    ['陈斌，高新泽，胡传瑞，于鹏航', ['陈斌', '高新泽', '胡传瑞', '于鹏航']],
    ['郭志涵、吴杰乐、崔文倩', ['郭志涵', '吴杰乐', '崔文倩']],
    ['Kongcheng Zhang,  Qi Yao,  Shunyu Liu', ['Kongcheng Zhang', 'Qi Yao', 'Shunyu Liu']],
    ['杰克·兰钱汀、安吉莉卡·陈', ['杰克·兰钱汀', '安吉莉卡·陈']],
    ['Alice Zhang and Bob Li', ['Alice Zhang', 'Bob Li']],
  ])('author list %s', (text, names) => {
    expect(splitAuthors(text)).toEqual(names);
  });

  it.each([
    ['PAG: Multi-Turn Reinforced LLM Self-Correction with Policy as Generative  Verifier', '', 'PAG', true],
    ['GRPO-CARE: Consistency-Aware Reinforcement Learning for Multimodal Reasoning', '', 'GRPO-CARE', true],
    [
      'Consistent Paths Lead to Truth: Self-Rewarding Reinforcement Learning',
      '受这一观察的启发，我们引入了CoVo，这是一种内在的奖励机制',
      'CoVo',
      true,
    ],
    ['字节跳动Seed最新强化学习配方POLARIS开源 4B 模型数学推理接近 235B 表现', '', 'POLARIS', true],
    [
      '无损减少80%激活值内存，提升5倍训练序列长度，仅需两行代码',
      '来自港中文（深圳）和上海交通大学的团队提出 StreamBP 算法。',
      'StreamBP',
      true,
    ],
    [
      '强化学习也能预训练？效果可提升20倍',
      '研究者引入基于SARSA的时序差分流匹配损失进行改进。',
      '强化学习也能预训练？效果可提…',
      false,
    ],
    ['Provably Learning from Language Feedback', '', 'Provably Learning from Language Feedback', false],
    [
      'Adaptive Guidance Accelerates Reinforcement Learning of Reasoning Models',
      '',
      'Adaptive Guidance Accelerates…',
      false,
    ],
    // a model the entry merely introduces into its method, or whose concept it describes, is not its name
    [
      'Natural Language-Driven Viewpoint Navigation for Volume Exploration',
      '我们的方法对体块进行编码。它进一步引入了 CLIP 分数机制，为体块提供语义信息。',
      'Natural Language-Driven…',
      false,
    ],
    [
      '低空无线网络中支持大型人工智能模型的安全通信',
      '然后，我们介绍了 LAM 的基本概念。',
      '低空无线网络中支持大型人工智…',
      false,
    ],
    // what the work is built on, named in its headline, is not its name either
    ['一脑八臂：基于块矩阵的低秩自适应方法在CLIP基础上的小样本学习', '', '一脑八臂', false],
    // a name of Chinese and Latin before the colon is the whole name
    ['水生CLIP：用于水下场景分析的一种视觉-语言基础模型', '', '水生CLIP', true],
    ['港大开源GoTX：强化学习新范式', '', 'GoTX', true],
    // a head that names the kind of text (`Position:`, `Survey:`, `综述：`) is no name: the rest of the title is
    [
      'Position: Intelligent Coding Systems Should Write Programs with Justifications',
      '',
      'Intelligent Coding Systems…',
      false,
    ],
    ['Position: TacoNet: Scaling Agents', '', 'TacoNet', true],
    ['Survey: Graph Agents', '', 'Graph Agents', false],
    ['A Survey: MegaRL: Scaling RL', '', 'MegaRL', true],
    ['职位：编辑大型语言模型存在严重的安全风险', '', '编辑大型语言模型存在严重的安…', false],
    ['综述：多模态大模型推理', '', '多模态大模型推理', false],
    // a unit of measure is no name
    ['破解最遥远的高能（>100 GeV）伽马射线发射类星体的多波段耀斑之谜', '', '破解最遥远的高能（>100…', false],
    ['复合超新星遗迹CTB 87的GeV伽马射线辐射', '', '复合超新星遗迹CTB 87的…', false],
    // a head that is a name stays
    ['Survey-Bench: Testing Agents', '', 'Survey-Bench', true],
    // a name a Chinese headline only mentions is what it is about, not its name (translated arXiv titles, news)
    ['暗能量领域中AdS存在的典范意义', '', '暗能量领域中AdS存在的典范意义', false],
    ['使用预训练的ViT表示来调节CNN特征，以实现开放词汇物体检测', '', '使用预训练的ViT表示来调节…', false],
    ['确保DeepSeek-R1模型AI安全性的挑战：强化学习策略的不足之处', '', '确保DeepSeek-R1模…', false],
    ['扭曲Eguchi-Kawai模型的梯度流耦合的微扰计算以及数值随机微扰理论', '', '扭曲Eguchi-Kawai…', false],
    // … and a shortened title does not end inside a Latin word
    ['OpenAI宣布ChatGPT周活用户近7亿，2025年已赚120亿', '', 'OpenAI宣布ChatGPT…', false],
    [
      '【元代理：通过自我进化的代理元学习工具 - 搬砖小牛马 | 小红书 - 你的生活兴趣社区】 😆 O6Y2LYjbq9n8lJB 😆',
      '',
      '【元代理：通过自我进化的代理…',
      false,
    ],
    // a name the headline introduces: after a kind of work, before a release, ending the title after its colon,
    // opening it before a dash or a report, or bracketed after the title's own name before its colon
    ['超低标注需求，实现医学图像分割！UCSD提出三阶段框架GenSeg', '', 'GenSeg', true],
    ['情绪条件下的连续动态头像合成：EmoTalkingGaussian', '', 'EmoTalkingGaussian', true],
    ['PyExamine —— 一个全面、不带偏见的Python代码气味检测工具', '', 'PyExamine', true],
    ['LesiOnTime -- 纵向 DCE-MRI 中小乳腺病变分割的联合时间和临床建模', '', 'LesiOnTime', true],
    ['Qwen-Image技术报告（83▲）', '', 'Qwen-Image', true],
    ['TGB-Seq基准测试：挑战具有复杂时序动态的时序图神经网络', '', 'TGB-Seq', true],
    ['罗德奥（RODEO）：通过暴露自适应异常值样本进行鲁棒异常检测', '', 'RODEO', true],
    ['冰河时代中的嵌入式磁盘（eDisk）：研究CED 110 IRS4的喷流和流出物', '', 'eDisk', true],
    ['实测新模型GLMX开源，看图猜地址', '', 'GLMX', true],
    // … each context exactly: spaces and dashes between, where in the title, and nothing looser
    ['全新训练方法—— ProRLX，成功将RL扩展到2000步', '', 'ProRLX', true],
    ['港大MiniCPMX开源，端侧模型性能翻倍', '', 'MiniCPMX', true],
    ['港大 MiniCPMX 开源，端侧模型性能翻倍', '', 'MiniCPMX', true],
    ['对比MegaRLX与基线，团队开源代码', '', '对比MegaRLX与基线，团…', false],
    ['评测MegaRLX与基线，团队开源代码', '', '评测MegaRLX与基线，团…', false],
    ['视觉推理：RRVFX只输入图片学习', '', '视觉推理', false],
    ['情绪条件下的连续动态头像合成： EmoTalkingGaussian', '', 'EmoTalkingGaussian', true],
    ['头像合成：EmoTalkingGaussian ', '', 'EmoTalkingGaussian', true],
    ['视觉推理：只输入图片学习RRVFX', '', '视觉推理', false],
    ['婴儿级常识测试难倒了GPTX', '', '婴儿级常识测试难倒了GPTX', false],
    [' PyExamine —— 一个全面的工具', '', 'PyExamine', true],
    ['评测MegaRLX -- 一个基准', '', '评测MegaRLX -- 一…', false],
    ['Sentinel-5P 超分辨率深度可分离架构', '', 'Sentinel-5P 超分…', false],
    ['Sentinel-5P 超分辨率技术报告', '', 'Sentinel-5P 超分…', false],
    ['TGB-Seq基准测试 ：挑战时序图神经网络', '', 'TGB-Seq', true],
    ['GraphX基准上的实验分析与讨论', '', 'GraphX基准上的实验分析…', false],
    ['针对慢性腰痛（cLBP）评估的3D超声', '', '针对慢性腰痛（cLBP）评估…', false],
    ['基于生物地球化学信息的神经网络模型研究（BINNX）：提高精度', '', '基于生物地球化学信息的神经网…', false],
    ['罗德奥（ RODEO）：通过暴露自适应异常值样本', '', 'RODEO', true],
    ['罗德奥（RODEO ）：通过暴露自适应异常值样本', '', 'RODEO', true],
    ['罗德奥（RODEO） ：通过暴露自适应异常值样本', '', 'RODEO', true],
    ['罗德奥（RODEO 2）：通过暴露自适应异常值样本', '', '罗德奥（RODEO 2）：通…', false],
    // a shortened title stops before a long Latin word, takes the rest of a short one, and ends where the title does
    ['大型语言模型的Supercalifragilistic研究进展与展望', '', '大型语言模型的…', false],
    ['大型语言模型Supercalifragilistic研究进展', '', '大型语言模型…', false],
    ['基于Supercalifragilistic的方法研究问题', '', '基于Supercalifra…', false],
    ['大规模推理中的强化学习技巧MegaRLX的实证研究', '', '大规模推理中的强化学习技巧MegaRLX…', false],
    ['大规模推理中的强化学习技巧MegaRL', '', '大规模推理中的强化学习技巧MegaRL', false],
  ])('label of %s', (title, body, label, named) => {
    expect(makeLabel([{ text: title.replace(/\s+/g, ' '), paperish: true }], body)).toEqual({ label, named });
  });

  it('a model named in the translation of an English title is what the paper studies, not its name', () => {
    // Daily-reports' pasted listings: the English title and its machine translation.
    const pair = (en: string, zh: string) => [
      { text: en, paperish: true },
      { text: zh, paperish: false },
    ];
    for (const [en, zh, label] of [
      [
        'Evaluating ChatGPT in Engineering Statics Analysis',
        '对ChatGPT在工程静力学分析评估',
        'Evaluating ChatGPT in…',
      ],
      [
        'A Comparative Survey of PyTorch vs TensorFlow',
        '关于PyTorch与TensorFlow的比较调查',
        'A Comparative Survey of PyTorch…',
      ],
    ])
      expect(makeLabel(pair(en!, zh!), '')).toEqual({ label, named: false });
    // A headline with no English title keeps the name it carries.
    expect(makeLabel([{ text: '字节跳动最新强化学习配方POLARIS开源', paperish: false }], '').label).toBe(
      'POLARIS',
    );
    // And an English title's own `Name:` still wins.
    expect(makeLabel(pair('DeepUF: Wall Pressure', '对ChatGPT的研究'), '').label).toBe('DeepUF');
    // the translation introduces a name, but the English title it translates does not give it
    expect(
      makeLabel(pair('A Benchmark for Engineering Statics', '工程静力学新基准StaticsX发布'), ''),
    ).toEqual({
      label: 'A Benchmark for Engineering Statics',
      named: false,
    });
  });

  // A Latin name in a Chinese headline names the work unless a cue around it says the headline only mentions
  // it (`华为版CUDA`, `比肩GPT-4o`, `DeepSeek的GRPO`): then the next name is the label.
  it.each([
    ...[
      '华为版',
      '从',
      '到',
      '对比',
      '超越',
      '超过',
      '对标',
      '媲美',
      '比肩',
      '击败',
      '战胜',
      '基于',
      '采用',
      '在',
      'vs ',
      'vs. ',
    ].map((cue) => [`强化学习新配方${cue}MegaRL开源，效果提升三倍的新框架TacoNet`, 'TacoNet']),
    ...['的', '版', '系列', '基础', '为基础', '之上', ' 的'].map((cue) => [
      `强化学习新配方MegaRL${cue}新玩法，效果提升三倍的新框架TacoNet`,
      'TacoNet',
    ]),
    ['强化学习新配方MegaRL，效果提升三倍的新框架TacoNet', 'MegaRL'],
    ['强化学习新配方MegaRL新玩法，效果提升三倍的新框架TacoNet', 'MegaRL'],
    ['强化学习新配方「MegaRL」新玩法，效果提升三倍的新框架TacoNet', 'TacoNet'],
  ])('label of the headline %s', (title, label) => {
    expect(makeLabel([{ text: title, paperish: false }], '')).toEqual({ label, named: true });
  });

  // Names too common to name a work (`RLHF`, `DeepSeek`, `GPT-4o`): the next name the headline introduces is its label.
  it.each(
    'RL RLHF RLVR LLM LLMs MLLM MLLMs VLM AI AGI NLP ICLR ICML NeurIPS ACL EMNLP CVPR GPT GPT-4 GPT-4o SFT DPO PPO GRPO RAG CoT MoE Seed Qwen Qwen3 DeepSeek OpenAI Google Meta Lab NVIDIA MCTS PRM PRMs LLaMA Llama'.split(
      ' ',
    ),
  )('%s in a headline is no name', (name) => {
    const title = `强化学习新配方${name}新玩法，效果提升三倍的新框架TacoNet`;
    expect(makeLabel([{ text: title, paperish: false }], '')).toEqual({ label: 'TacoNet', named: true });
  });

  // A head naming the kind of text is no label: the rest of the title is.
  it.each([
    'Position',
    'Position paper',
    'A position   paper',
    'Survey',
    'a survey',
    'Systematic review',
    'Systematic  review',
    'Literature  review',
    'A  survey',
    'Technical  report',
    'Tech  report',
    'Short  paper',
    'Extended  abstract',
    'White  paper',
    'Case  study',
    'Review',
    'Tutorial',
    'Technical report',
    'Tech report',
    'Perspective',
    'Perspectives',
    'Opinion',
    'Commentary',
    'Editorial',
    'Viewpoint',
    'Overview',
    'Primer',
    'Short paper',
    'Extended abstract',
    'Erratum',
    'Corrigendum',
    'Comment',
    'Reply',
    'Keynote',
    'White paper',
    'Case study',
    '立场',
    '立场论文',
    '立场文件',
    '职位',
    '综述',
    '调查',
    '调研',
    '教程',
    '技术报告',
    '观点',
    '评论',
    '述评',
    '评述',
    '展望',
    '视角',
    '勘误',
  ])('%s: is a genre head', (head) => {
    for (const colon of [': ', ' ： ', ':'])
      expect(makeLabel([{ text: `${head}${colon}TacoNet: Scaling Agents`, paperish: true }], '')).toEqual({
        label: 'TacoNet',
        named: true,
      });
  });
  it.each([
    'Positional: TacoNet: Scaling Agents',
    'Surveys of TacoNet: Scaling Agents',
    'Mini-survey: TacoNet: Scaling Agents',
  ])('no genre head: %s', (title) => {
    expect(makeLabel([{ text: title, paperish: true }], '').label).not.toBe('TacoNet');
  });

  it("a translator's remark in brackets is no label", () => {
    const titles = [
      { text: '非平衡点中具有多个电子状态的自由能生成熵产生分解', paperish: false },
      { text: '（注意：Chloe Salhani 是一个名字，通常不需要翻译。）', paperish: true },
    ];
    expect(makeLabel(titles, '').label).not.toMatch(/^（/);
  });
});

describe('entries in messy lists', () => {
  const one = (text: string) => parseNotes([{ path: 'n.md', text }]);

  it('splits at a timestamp lazily continuing a paragraph (`10.` followed by `6.`)', () => {
    const text = [
      '10. 2025-06-13 18:30:02 Friday ｜',
      '',
      'PAG: Multi-Turn Reinforced LLM Self-Correction',
      ' **链接** ：https://arxiv.org/abs/2506.10406',
      ' **摘要** ：我们提出了作为生成验证器（PAG）的策略。',
      '6. 2025-06-18 10:43:39 Wednesday ｜',
      '',
      'Direct Reasoning Optimization: LLMs Can Reward',
      ' **链接** ：https://arxiv.org/abs/2506.13351',
    ].join('\n');
    expect(one(text).papers.map((p) => [p.arxiv, p.label, p.date, p.sources[0]!.line, p.summary])).toEqual([
      ['2506.10406', 'PAG', '2025-06-13', 1, '我们提出了作为生成验证器（PAG）的策略。'],
      ['2506.13351', 'Direct Reasoning Optimization', '2025-06-18', 6, ''],
    ]);
  });

  it('keeps blank-line separated blocks, quotes and images with the timestamp above', () => {
    const text = [
      '🌈🌈 2025-06-23 13:00:43 Monday ｜ 英伟达团队提出全新训练方法——ProRL',
      '',
      'https://mp.weixin.qq.com/s/WwLzBO-EZLwsZM9weaGufQ',
      '',
      '论文链接：https://arxiv.org/abs/2505.24864',
      '',
      '> **（1）强化学习在扩展模型推理边界方面的效果**',
      '',
      '![](https://example.com/figure.png)',
      '',
      '1. 一条笔记',
      '   1. 嵌套的笔记',
    ].join('\n');
    const [paper] = one(text).papers;
    expect(paper).toMatchObject({
      arxiv: '2505.24864',
      label: 'ProRL',
      date: '2025-06-23',
      sources: [{ line: 1 }],
    });
    expect(paper!.summary).toBe(
      [
        '> **（1）强化学习在扩展模型推理边界方面的效果**',
        '',
        '![](https://example.com/figure.png)',
        '',
        '1. 一条笔记',
        '   1. 嵌套的笔记',
      ].join('\n'),
    );
    expect(paper!.links.map((l) => `${l.label} ${l.url}`)).toEqual([
      'WeChat https://mp.weixin.qq.com/s/WwLzBO-EZLwsZM9weaGufQ',
      '论文链接 https://arxiv.org/abs/2505.24864',
    ]);
    expect(paper!.text.map((s) => s.line)).toEqual([1, 7, 11, 12]);
  });

  it('reads a heading that is a paper link as an entry, not a topic', () => {
    const text = [
      '## RLVR',
      '',
      '#### [IFDECORATOR：用可验证奖励包装指令跟随强化学习](https://papers.cool/arxiv/2508.04632)',
      '',
      '正文。',
      '',
      '发布时间：2025-08-06 17:00:54 UTC',
      '',
      '## 数学',
      '',
      '2025-06-27 14:21:00 Friday ｜ 桥接 LLM 的离线和在线强化学习',
    ].join('\n');
    expect(one(text).papers.map((p) => [p.title, p.topicPath, p.published])).toEqual([
      ['IFDECORATOR：用可验证奖励包装指令跟随强化学习', ['RLVR'], '2025-08-06'],
      ['桥接 LLM 的离线和在线强化学习', ['数学'], undefined],
    ]);
  });
});
