// Word pools for the corpus generator. Data only: names, labs, concepts, topics and sentence templates,
// modelled on the seed notes (content/reinforcement-learning.md).

/** Pinyin syllable -> one hanzi, so a generated person has matching Latin and Chinese names. */
// prettier-ignore
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['Wang', '王'], ['Li', '李'], ['Zhang', '张'], ['Liu', '刘'], ['Chen', '陈'], ['Yang', '杨'], ['Zhao', '赵'],
  ['Huang', '黄'], ['Zhou', '周'], ['Wu', '吴'], ['Xu', '徐'], ['Sun', '孙'], ['Hu', '胡'], ['Zhu', '朱'],
  ['Gao', '高'], ['Lin', '林'], ['He', '何'], ['Guo', '郭'], ['Ma', '马'], ['Luo', '罗'], ['Liang', '梁'],
  ['Song', '宋'], ['Zheng', '郑'], ['Xie', '谢'], ['Han', '韩'], ['Tang', '唐'], ['Feng', '冯'], ['Yu', '于'],
  ['Dong', '董'], ['Xiao', '萧'], ['Cheng', '程'], ['Cao', '曹'], ['Yuan', '袁'], ['Deng', '邓'], ['Fu', '傅'],
  ['Shen', '沈'], ['Zeng', '曾'], ['Peng', '彭'], ['Lu', '吕'], ['Su', '苏'], ['Jiang', '蒋'], ['Cai', '蔡'],
  ['Jia', '贾'], ['Ding', '丁'], ['Wei', '魏'], ['Xue', '薛'], ['Ye', '叶'], ['Yan', '阎'], ['Pan', '潘'],
  ['Du', '杜'], ['Dai', '戴'], ['Xia', '夏'], ['Zhong', '钟'], ['Tian', '田'], ['Ren', '任'], ['Fan', '范'],
  ['Fang', '方'], ['Shi', '石'], ['Yao', '姚'], ['Tan', '谭'], ['Qiu', '邱'], ['Qin', '秦'], ['Bao', '鲍'],
];

// prettier-ignore
export const GIVEN: readonly (readonly [string, string])[] = [
  ['wei', '伟'], ['fang', '芳'], ['min', '敏'], ['jing', '静'], ['li', '丽'], ['qiang', '强'], ['lei', '磊'],
  ['jun', '军'], ['yang', '洋'], ['yong', '勇'], ['yan', '艳'], ['jie', '杰'], ['tao', '涛'], ['ming', '明'],
  ['chao', '超'], ['xiu', '秀'], ['xia', '霞'], ['ping', '平'], ['gang', '刚'], ['hui', '慧'], ['yu', '宇'],
  ['hao', '浩'], ['kai', '凯'], ['xin', '鑫'], ['zhi', '志'], ['peng', '鹏'], ['fei', '飞'], ['bin', '斌'],
  ['bo', '博'], ['hong', '宏'], ['rui', '瑞'], ['zeng', '增'], ['long', '龙'], ['chen', '晨'], ['xuan', '轩'],
  ['yi', '怡'], ['qi', '琪'], ['jia', '佳'], ['han', '涵'], ['zi', '子'], ['hang', '航'], ['feng', '峰'],
  ['lin', '琳'], ['shu', '舒'], ['tian', '天'], ['yun', '云'], ['wen', '文'], ['cheng', '成'], ['zhen', '震'],
  ['kun', '坤'], ['dong', '东'], ['lu', '璐'], ['nan', '楠'], ['ning', '宁'], ['xiang', '翔'], ['song', '松'],
  ['jian', '建'], ['qing', '清'], ['shan', '珊'], ['yue', '悦'], ['heng', '恒'], ['sheng', '胜'], ['kang', '康'],
];

// prettier-ignore
export const WESTERN_FIRST: readonly string[] = [
  'Alan', 'Chris', 'Miles', 'Julian', 'Elaine', 'Sean', 'Anisha', 'Aditya', 'Rishabh', 'Honglak', 'Jason',
  'Ilia', 'Jack', 'Angelica', 'Janice', 'Swarnadeep', 'Ping', 'Vaskar', 'Manasi', 'Nikhil', 'Allen', 'Ruijie',
  'Adith', 'Ching-An', 'Wanqiao', 'Iryna', 'Xiaodan', 'Md Imbesat', 'Lajanugen', 'Muhammad', 'Moontae',
  'Arian', 'Hritik', 'Mehran', 'Aviral', 'Lunjun', 'Joe', 'Marvin', 'Andy', 'Emre', 'Leonardo', 'Ranveer',
  'Tusher', 'Srinagesh', 'Sainbayar', 'Jing', 'Nathan', 'Sophia', 'Maria', 'Lukas', 'Hannah', 'Noah',
];

// prettier-ignore
export const WESTERN_LAST: readonly string[] = [
  'Turpin', 'Michael', 'Benton', 'Arditi', 'Agarwal', 'Kumar', 'Nath', 'Lau', 'Gunjal', 'Sharma', 'Hendryx',
  'Weston', 'Kulikov', 'Lanchantin', 'Saha', 'Sukhbaatar', 'Nie', 'Modi', 'Swaminathan', 'Gurevych', 'Rizvi',
  'Khalifa', 'Logeswaran', 'Hosseini', 'Bansal', 'Kazemi', 'Chakraborty', 'Nunes', 'Chandra', 'Kiciman',
  'Dao', 'Vu', 'Schmidt', 'Muller', 'Rossi', 'Dubois', 'Novak', 'Silva', 'Kowalski', 'Jensen', 'Okafor',
];

/** Syllables for Chinese transliterations of Western names (`穆罕默德·哈利法`). */
// prettier-ignore
export const TRANSLIT: readonly string[] = [
  '阿', '尔', '克', '斯', '特', '里', '马', '丁', '哈', '利', '法', '洛', '格', '瓦', '兰', '森', '韦', '纳',
  '安', '德', '罗', '伯', '希', '卡', '蒂', '娜', '莎', '米', '勒', '杰', '穆', '默', '奥', '尼', '布', '普',
];

export interface LabSpec {
  /** English name. */
  en: string;
  /** Chinese names and aliases as the notes write them. */
  zh: string;
}

/** Real labs the seed's headlines name; more are synthesised from universities x groups at scale. */
export const BASE_LABS: readonly LabSpec[] = [
  { en: 'ByteDance Seed', zh: '字节跳动Seed' },
  { en: 'HKU NLP', zh: '香港大学NLP团队' },
  { en: 'PKU Knowledge Computing Lab', zh: '北京大学知识计算实验室' },
  { en: 'Tsinghua NLP Lab', zh: '清华NLP实验室' },
  { en: 'CUHK', zh: '港中文' },
  { en: 'Shanghai AI Lab', zh: '上海AI Lab' },
  { en: 'Nanjing University LAMDA', zh: '南京大学' },
  { en: 'NVIDIA', zh: '英伟达团队' },
  { en: 'Qwen Team', zh: '阿里Qwen团队' },
  { en: 'DeepSeek', zh: 'DeepSeek' },
  { en: 'OpenAI', zh: 'OpenAI' },
  { en: 'Google DeepMind', zh: 'DeepMind' },
  { en: 'Fudan NLP', zh: '复旦大学' },
  { en: 'Westlake University', zh: '西湖大学' },
  { en: 'Tencent WeChat', zh: '腾讯微信模式识别中心' },
  { en: 'Meta FAIR', zh: 'Meta FAIR' },
  { en: 'Microsoft Research', zh: '微软研究院' },
  { en: 'SJTU', zh: '上海交通大学' },
  { en: 'Zhejiang University', zh: '浙江大学' },
  { en: 'MAP', zh: 'MAP社区' },
];

// prettier-ignore
export const UNIVERSITIES: readonly LabSpec[] = [
  { en: 'Stanford', zh: '斯坦福' }, { en: 'MIT', zh: '麻省理工' }, { en: 'CMU', zh: '卡内基梅隆' },
  { en: 'Berkeley', zh: '伯克利' }, { en: 'ETH Zurich', zh: '苏黎世联邦理工' }, { en: 'Oxford', zh: '牛津' },
  { en: 'USTC', zh: '中国科大' }, { en: 'Renmin University', zh: '人大' }, { en: 'Wuhan University', zh: '武汉大学' },
  { en: 'Sun Yat-sen University', zh: '中山大学' }, { en: 'HKUST', zh: '港科大' }, { en: 'NTU', zh: '南洋理工' },
  { en: 'KAIST', zh: 'KAIST' }, { en: 'Tokyo', zh: '东京大学' }, { en: 'Mila', zh: 'Mila' },
  { en: 'Toronto', zh: '多伦多大学' }, { en: 'UCL', zh: '伦敦大学学院' }, { en: 'Harbin IT', zh: '哈工大' },
];

// prettier-ignore
export const GROUPS: readonly LabSpec[] = [
  { en: 'NLP Group', zh: 'NLP组' }, { en: 'RL Lab', zh: '强化学习实验室' }, { en: 'Vision Lab', zh: '视觉实验室' },
  { en: 'Reasoning Group', zh: '推理组' }, { en: 'Robotics Lab', zh: '机器人实验室' }, { en: 'ML Theory', zh: '理论组' },
  { en: 'Agents Lab', zh: '智能体实验室' }, { en: 'Data Lab', zh: '数据实验室' },
];

export type ConceptCategory = 'algorithm' | 'method' | 'dataset' | 'benchmark' | 'framework' | 'model';

/** Concepts papers mention (names as the lexicon of issue 3 lists them). */
// prettier-ignore
export const CONCEPTS: readonly (readonly [string, ConceptCategory])[] = [
  ['GRPO', 'algorithm'], ['PPO', 'algorithm'], ['DPO', 'algorithm'], ['RLOO', 'algorithm'],
  ['REINFORCE++', 'algorithm'], ['GSPO', 'algorithm'], ['RLVR', 'method'], ['PRM', 'method'],
  ['PRM800K', 'dataset'], ['OpenRLHF', 'framework'], ['MCTS', 'algorithm'], ['AlphaZero', 'model'],
  ['flow matching', 'method'], ['SARSA', 'algorithm'], ['LLM-as-a-Judge', 'method'], ['RLHF', 'method'],
  ['ReMax', 'algorithm'], ['GSM8K', 'dataset'], ['MATH-500', 'benchmark'], ['AIME', 'benchmark'],
  ['SimpleQA', 'benchmark'], ['verl', 'framework'], ['Qwen2.5', 'model'], ['Llama', 'model'],
];

/** Topic headings (`##`, `###`, `####`), in the seed's mix of Chinese and English. */
// prettier-ignore
export const TOPICS_L2: readonly string[] = [
  '大模型训练', '奖励模型', 'RLVR 可验证奖励的强化学习', '数学', '推理', '垂直领域', '多模态', '智能体 Agents',
  'Alignment', '理论研究', '代码生成', '数据合成', 'Efficiency 高效推理', '搜索与工具', '安全',
];
// prettier-ignore
export const TOPICS_L3: readonly string[] = [
  '长序列训练', '过程奖励模型PRM', '生成奖励模型', '奖励模型评估', '多模态数学', 'GRPO', '具身', '攻击',
  'Test-time scaling', '探索', '蒸馏', '偏好优化', 'Long CoT', '自我纠正', 'Verifier', '课程学习',
];
// prettier-ignore
export const TOPICS_L4: readonly string[] = [
  '结构化探索', '熵', '奖励黑客', '离线RL', 'Qwen3 相关', '数据过滤', '优势估计', 'KL 惩罚',
];

export const FILE_AREAS: readonly string[] = [
  'rl',
  '推理',
  'agents',
  'multimodal',
  'alignment',
  'reading notes',
];

/** English title pieces (with parallel Chinese), combined as `<verb> <object> via <means>`. */
// prettier-ignore
export const TITLE_VERBS: readonly (readonly [string, string])[] = [
  ['Boosting', '提升'], ['Scaling', '扩展'], ['Rethinking', '重新思考'], ['Unlocking', '解锁'],
  ['Stabilizing', '稳定'], ['Understanding', '理解'], ['Improving', '改进'], ['Learning', '学习'],
  ['Bridging', '桥接'], ['Accelerating', '加速'], ['Revisiting', '重访'], ['Aligning', '对齐'],
];
// prettier-ignore
export const TITLE_OBJECTS: readonly (readonly [string, string])[] = [
  ['Efficient Reasoning of LLMs', 'LLM的高效推理'], ['Multimodal Reasoning', '多模态推理'],
  ['Reward Models', '奖励模型'], ['Long Chain-of-Thought', '长思维链'], ['Policy Optimization', '策略优化'],
  ['Mathematical Reasoning', '数学推理'], ['Code Generation', '代码生成'], ['Tool-Integrated Agents', '工具集成智能体'],
  ['Process Supervision', '过程监督'], ['Preference Learning', '偏好学习'], ['Test-Time Scaling', '测试时扩展'],
  ['Self-Correction', '自我纠正'], ['Exploration in RL', '强化学习中的探索'], ['Embodied Planning', '具身规划'],
];
// prettier-ignore
export const TITLE_MEANS: readonly (readonly [string, string])[] = [
  ['Verifiable Rewards', '可验证奖励'], ['Self-Rewarding Reinforcement Learning', '自我奖励强化学习'],
  ['Entropy Regularization', '熵正则化'], ['Sequence-Level Importance Sampling', '序列级重要性采样'],
  ['Generative Verifiers', '生成式验证器'], ['Dynamic Length Penalties', '动态长度惩罚'],
  ['Curriculum Sampling', '课程采样'], ['Masked Step Advantage', '掩码步骤优势'],
  ['Reference-Guided Evaluation', '参考引导评估'], ['Mid-Training', '中期训练'], ['Group Baselines', '组基线'],
];

/** Pieces for short names such as `CoVo`, `GRPO-CARE`, `OctoThinker`. */
// prettier-ignore
export const SHORT_HEADS: readonly string[] = [
  'Co', 'Vo', 'Pa', 'Ra', 'Lyn', 'Mo', 'Ne', 'Qu', 'Ze', 'Ka', 'Ti', 'Sa', 'Ho', 'Fi', 'Lu', 'Ma', 'Re',
  'Po', 'Gi', 'Da', 'Ve', 'Xa', 'Nu', 'Ori', 'Hel', 'Syn', 'Astra', 'Flux', 'Octo', 'Omni', 'Meta', 'Hyper',
  'Star', 'Tree', 'Step', 'Auto', 'Bin', 'Kio', 'Zeta', 'Lumi',
];
// prettier-ignore
export const SHORT_TAILS: readonly string[] = [
  'RL', 'PO', 'Zero', 'Reason', 'Thinker', 'Verify', 'Critic', 'Search', 'Math', 'Coder', 'Agent', 'Prover',
  'Judge', 'Reward', 'Planner', 'Bench', 'Mix', 'Gate', 'Flow', 'Guard', 'Go', 'Vo', 'Sage', 'Pilot',
];
export const SHORT_SUFFIXES: readonly string[] = ['', '', '', '-R1', '-V2', '++', '-CARE', '-Zero'];

/** Chinese filler sentences (no names), the texture of the seed's abstracts. */
export const ZH_FILLER: readonly string[] = [
  '大型语言模型已经展示了令人印象深刻的推理能力，但由于不必要的冗长或冗余输出，它们通常效率低下。',
  '强化学习（RL）的最新进展突出了其在复杂推理任务中的潜力，但有效的训练往往依赖于外部监督。',
  '在多个推理基准上的实验表明，该方法同时提高了准确性和效率。',
  '我们在0.5B到72B的模型规模上展示了这些发现，涉及超过500，000个推理问题。',
  '这种先验证再修改的工作流程不仅可以缓解模型崩溃，还可以共同增强推理和验证能力。',
  '为了解决这个问题，我们引入了一个更精确的评估指标，它要求推理路径和最终答案都是正确的。',
  '消融研究证实，方法的有效性不仅源于数据规模，还源于高质量的策展。',
  '我们开源了模型、代码及精选的训练数据，以促进后续研究和结果复现。',
  '在训练过程中，模型的熵值迅速下降，推理路径趋于固化，导致利用远超探索。',
  '该框架具备更强的可扩展性与稳定性，为大规模强化学习提供了基础设施支撑。',
  '实验覆盖数学、代码、STEM、谜题与指令遵循等多个领域，展现出良好的泛化能力。',
  '这些结果强调了明确训练LLM进行有效推理的潜力。',
  '然而，由于缺乏通用的、可验证的奖励信号，将类似的技术应用于开放式长形式推理任务仍然具有挑战性。',
  '我们假设这种脆弱性主要源于偏好数据集的局限性，这些数据集通常范围狭窄、综合标记或缺乏严格的质量控制。',
  '在此管道中，人工提供经过验证的注释，而大型语言模型根据人工指导执行自动管理。',
  '进一步的分析揭示了两个关键见解：更高的熵并不总是保证有效学习，更长的响应不一定带来更有效的探索。',
  '我们提供了对训练动力学和超参数选择策略的详细分析，以实现最佳结果。',
  '通过在统一的多轮强化学习范式中交替策略和验证器角色，使LLM能够自我纠正。',
  '该方法只需极少的训练监督，即可在ProcessBench等基准上以明显优势超越判别式验证器。',
  '最后，我们表明，具有可验证和不可验证奖励的多任务处理共同提高了两种任务类型的性能。',
];

export const EN_FILLER: readonly string[] = [
  'Large language models have shown impressive reasoning abilities, yet they remain inefficient on long outputs.',
  'Experiments on seven reasoning benchmarks show consistent gains in accuracy and efficiency.',
  'We release code, data and model weights to support future research.',
  'Our analysis reveals that entropy collapse early in training limits exploration.',
  'The method requires no human annotation and adds no inference cost.',
  'We further study how the approach scales with model size from 0.5B to 72B parameters.',
  'A two-stage schedule first optimizes answers and citations, then refusals, which stabilizes the learning signal.',
  'Surprisingly, semi-online and fully online variants converge to similar performance.',
  'We provide a detailed analysis of training dynamics and hyperparameter selection.',
];

/** WeChat headline openers (no arXiv link), as pasted from 公众号 articles. */
export const WECHAT_HEADLINES: readonly string[] = [
  '真相大白！{S}不是魔法，随机奖励有效只是由于数据泄露！',
  '强化学习的两个「大坑」，终于被{S}给解决了',
  '{LAB}最新强化学习配方{S}开源 4B 模型数学推理接近 235B 表现',
  '强化学习也能预训练？{S}效果可提升20倍，华人新作引爆RL新范式!',
  '{LAB}提出全新训练方法——{S}，成功将RL扩展到2000步',
  '突破通用领域推理的瓶颈！{LAB}强化学习新研究{S}',
  '无损减少80%激活值内存，{S}提升5倍训练序列长度，仅需两行代码',
  '让多模态大模型「想明白再画」！{LAB}等开源{S}：强化学习解锁视觉生成推理新范式',
];

// prettier-ignore
export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// prettier-ignore
export const SUBJECTS: readonly (readonly [string, string])[] = [
  ['计算和语言', 'cs.CL'], ['人工智能', 'cs.AI'], ['机器学习', 'cs.LG'], ['计算机视觉', 'cs.CV'], ['机器人', 'cs.RO'],
];
