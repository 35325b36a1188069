// A pasted arXiv listing in a digest (a list item of links, a blank line, then one line holding the English title,
// its machine translation and the author links), and the translated `(cross-list from cs.X)` marks that must never
// become a title. Cut in the shape of the daily-reports folder's listings, with other papers.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseNotes } from '../../src/parse/index.js';
import { splitTranslatedTitle, withoutListingNoise } from '../../src/parse/text.js';

const AUTHOR = (name: string) =>
  `[${name}](https://arxiv.org/search/cs?searchtype=author&query=${encodeURIComponent(name)})`;
const listing = (n: number, id: string, cross: string, line: string) =>
  [
    `- [${n}] [arXiv:${id} ](https://arxiv.org/abs/${id})${cross} [[pdf](https://arxiv.org/pdf/${id}), [other](https://arxiv.org/format/${id})] [${n}] arXiv:${id}${cross ? ' （来自 cs.CL 的交叉列表）' : ''} [ pdf, other]`,
    '',
    `  ${line}`,
  ].join('\n');

const NOTE = [
  '# 1.2 arXiv',
  '',
  listing(
    1,
    '2508.01001',
    '',
    `LoRA-Lite: Cheap Adapters for Large Language Models LoRA-Lite：面向大语言模型的廉价适配器${AUTHOR('Ada Lovelace')}, ${AUTHOR('Alan Turing')}`,
  ),
  listing(
    2,
    '2508.01002',
    '(cross-list from physics.soc-ph)',
    `"Mirror" Models of Reading are Contaminated “镜像”阅读模型是受污染的${AUTHOR('Grace Hopper')}`,
  ),
  listing(
    3,
    '2508.01003',
    '(cross-list from cs.CL)',
    `Sample-efficient Optimization with Reset Replay 具有重置重放的样本高效优化${AUTHOR('Edsger Dijkstra')}`,
  ),
  '',
].join('\n');

describe('a pasted arXiv listing', () => {
  // Parsed before each test, not in the describe body, so that mutation testing sees which test runs which code.
  let papers: ReturnType<typeof parseNotes>['papers'] = [];
  beforeEach(() => {
    papers = parseNotes([{ path: 'listing.md', text: NOTE }]).papers;
  });
  const byId = (id: string) => papers.find((p) => p.arxiv === id);

  it.each([
    [
      '2508.01001',
      'LoRA-Lite: Cheap Adapters for Large Language Models',
      'LoRA-Lite：面向大语言模型的廉价适配器',
      'LoRA-Lite',
    ],
    ['2508.01002', '"Mirror" Models of Reading are Contaminated', '“镜像”阅读模型是受污染的', undefined],
    [
      '2508.01003',
      'Sample-efficient Optimization with Reset Replay',
      '具有重置重放的样本高效优化',
      undefined,
    ],
  ])(
    '%s takes the English title from the author line and the translation as another title',
    (id, title, alt, label) => {
      const p = byId(id);
      expect(p?.title).toBe(title);
      expect(p?.altTitles).toContain(alt);
      if (label) expect(p?.label).toBe(label);
      expect(p?.label).not.toMatch(/^arXiv:|cross|交叉|跨列/);
    },
  );

  it('keeps the authors of the author line', () => {
    expect(byId('2508.01001')?.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
  });
});

describe('withoutListingNoise', () => {
  it.each([
    '(cross-list from cs.LG)',
    '(cross-list from physics.soc-ph)',
    '（从 cs.LG 交叉列出）',
    '（来自 cs.SE 的交叉列表）',
    '（从 cs.CV 跨列）',
    '（跨列表自 cs.HC）',
    '（从 cs.IR 交叉归类）',
    '(replaced)',
    '（已替换）',
  ])('drops %s', (mark) => {
    expect(withoutListingNoise(`${mark} Title`).trim()).toBe('Title');
  });

  it.each([
    '交叉编码器能否产生有用的句子嵌入',
    'Cross-lingual Transfer (cross-attention variants)',
    '基于优化的交叉口（路口）信号灯',
  ])('keeps a title that only says cross: %s', (title) => {
    expect(withoutListingNoise(title)).toBe(title);
  });
});

describe('splitTranslatedTitle', () => {
  it.each([
    [
      'ScamAgents: How AI Agents Can Simulate Scam Calls ScamAgents：AI 代理如何模拟诈骗电话',
      'ScamAgents: How AI Agents Can Simulate Scam Calls',
      'ScamAgents：AI 代理如何模拟诈骗电话',
    ],
    [
      'Effective Data Synthesis for Chart Understanding 有效的数据合成',
      'Effective Data Synthesis for Chart Understanding',
      '有效的数据合成',
    ],
  ])('%s', (text, english, translation) => {
    expect(splitTranslatedTitle(text)).toEqual([english, translation]);
  });

  it.each(['基于 GRPO 的推理', 'GRPO 训练', 'A Survey'])('leaves %s whole', (text) => {
    expect(splitTranslatedTitle(text)).toEqual([text]);
  });
});
