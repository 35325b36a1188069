// Seeded corpus generator: note files in the seed's real formats, with their ground truth.
//
//   tsx bench/corpus.ts --papers 10000 [--files N] [--seed 1] --out bench/corpus/10k
//   tsx bench/corpus.ts --adversarial --out bench/corpus/adversarial
//
// Same options => same bytes. Every random choice comes from one seeded PRNG; nothing reads the clock.
import { mulberry32 } from '../src/graph/random.js';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NoteFile } from '../src/types.js';
import {
  BASE_LABS,
  CONCEPTS,
  EN_FILLER,
  FILE_AREAS,
  GIVEN,
  GROUPS,
  SHORT_HEADS,
  SHORT_SUFFIXES,
  SHORT_TAILS,
  SUBJECTS,
  SURNAMES,
  TITLE_MEANS,
  TITLE_OBJECTS,
  TITLE_VERBS,
  TOPICS_L2,
  TOPICS_L3,
  TOPICS_L4,
  TRANSLIT,
  UNIVERSITIES,
  WECHAT_HEADLINES,
  WEEKDAYS,
  WESTERN_FIRST,
  WESTERN_LAST,
  ZH_FILLER,
  type LabSpec,
} from './corpus-data.js';

export interface CorpusOptions {
  /** Number of distinct papers (each with a unique arXiv id). */
  papers: number;
  /** Number of note files; default one per 40 papers. */
  files?: number | null;
  seed?: number | null;
}

/** Every way an entry is written, as in the seed (see content/reinforcement-learning.md). */
export type EntryFormat =
  | 'title-block' // ts ｜ / English title / **标题** / **链接** / **作者** / **摘要**
  | 'title-inline' // ts ｜ English title, then indented **标题** / **链接** / **摘要**
  | 'nested-fields' // 20250604｜Title, then a nested list 1. 标题： 2. 链接：[url](url)
  | 'plain-fields' // numbered English title, 标题： and 链接： paragraphs, no timestamp
  | 'papers-cool' // **[zh](papers.cool/arxiv/id)** **[PDF(4)]** … **Authors** : search links, 科目, 发布
  | 'papers-cool-hash' // **#6 zh [PDF** … **[#6](abs)****[En](papers.cool)** …, 作者：、学科分类、发布时间 年月日
  | 'papers-cool-heading' // #### [zh](papers.cool/arxiv/id) heading, [#7](abs)[En](papers.cool), 发布时间
  | 'arxiv-listing' // **[arXiv:id ](abs)** [ **[pdf](…)** , … ] + bold zh title + zh authors + 学科分类
  | 'arxiv-bare' // arXiv:id [pdf 版，html 版，其他格式]
  | 'bare-link' // https://arxiv.org/abs/id zh title, author-search links (query=Last,+F), > abstract
  | 'link-then-title' // https://arxiv.org/abs/id, blank, `Short：zh title`, authors 、, > abstract
  | 'wechat-arxiv' // ts ｜ WeChat headline + mp.weixin url, paragraphs, 论文地址：arxiv
  | 'nested-list' // 1. [headline](mp.weixin) with nested items and 论文地址：arxiv/pdf
  | 'multi' // one WeChat entry naming two papers (GoT / GoT-R1)
  | 'digest' // - 中文标题 (作者) [跳转](http://arxiv.org/abs/idv2)
  | 'repeat'; // the same paper again, elsewhere (merge case)

export type RelationType = 'builds-on' | 'critiques' | 'compares' | 'mentions';

export interface TruthRelation {
  type: RelationType;
  /** Concept name (`GRPO`) or a paper's arXiv id. */
  target: string;
  targetKind: 'concept' | 'paper';
}

export interface TruthOccurrence {
  file: string;
  /** 1-based line where the entry starts. */
  line: number;
  format: EntryFormat;
}

export interface TruthPaper {
  arxiv: string;
  shortName: string;
  title: string;
  zhTitle: string;
  /** Latin names. */
  authors: string[];
  labs: string[];
  /** Note timestamp date of the first occurrence (undefined when the entry has none). */
  date?: string;
  published: string;
  topicPath: string[];
  occurrences: TruthOccurrence[];
  relations: TruthRelation[];
}

/** A WeChat item with no arXiv link: an entry that is not a paper with an id. */
export interface TruthArticle {
  file: string;
  line: number;
  headline: string;
  date: string;
  /** False for the seed's bold-headline form with no timestamp (`**标题**[url](url)`). */
  stamped: boolean;
}

export interface CorpusTruth {
  papers: TruthPaper[];
  articles: TruthArticle[];
}

export interface Corpus {
  files: NoteFile[];
  truth: CorpusTruth;
}

// ------------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for test data; seeded, so runs repeat exactly. */
export const createRng = mulberry32;

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = createRng(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.next() * xs.length)];
    if (x === undefined) throw new Error('papermap/bench: pick from an empty list');
    return x;
  }
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [x, w] of table) {
      r -= w;
      if (r < 0) return x;
    }
    const last = table[table.length - 1];
    if (!last) throw new Error('papermap/bench: weighted pick from an empty table');
    return last[0];
  }
  /** A token of URL-safe characters, like a WeChat article id. */
  token(n: number): string {
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    let s = '';
    for (let i = 0; i < n; i++) s += abc[Math.floor(this.next() * 64)];
    return s;
  }
}

// ------------------------------------------------------------------------------------------------
// People and labs

interface Person {
  latin: string;
  zh: string;
  /** arXiv search form: `Khalifa,+M`. */
  query: string;
}

interface Lab {
  spec: LabSpec;
  members: Person[];
}

function makePerson(rng: Random, western: boolean): Person {
  if (western) {
    const first = rng.pick(WESTERN_FIRST);
    const last = rng.pick(WESTERN_LAST);
    const translit = (n: number): string => {
      let s = '';
      for (let i = 0; i < n; i++) s += rng.pick(TRANSLIT);
      return s;
    };
    return {
      latin: `${first} ${last}`,
      zh: `${translit(rng.int(2, 4))}·${translit(rng.int(2, 4))}`,
      query: `${last},+${first.charAt(0)}`,
    };
  }
  const [sLatin, sZh] = rng.pick(SURNAMES);
  const n = rng.chance(0.7) ? 2 : 1;
  let gLatin = '';
  let gZh = '';
  for (let i = 0; i < n; i++) {
    const [l, z] = rng.pick(GIVEN);
    gLatin += l;
    gZh += z;
  }
  const given = gLatin.charAt(0).toUpperCase() + gLatin.slice(1);
  return { latin: `${given} ${sLatin}`, zh: `${sZh}${gZh}`, query: `${sLatin},+${given.charAt(0)}` };
}

function makeLabs(rng: Random, count: number): Lab[] {
  const specs: LabSpec[] = [...BASE_LABS];
  for (const u of UNIVERSITIES)
    for (const g of GROUPS) specs.push({ en: `${u.en} ${g.en}`, zh: `${u.zh}${g.zh}` });
  const labs: Lab[] = [];
  for (let i = 0; i < count; i++) {
    let spec = specs[i];
    const westernShare = i < BASE_LABS.length ? 0.15 : 0.35;
    const members: Person[] = [];
    const size = rng.int(6, 28);
    for (let k = 0; k < size; k++) members.push(makePerson(rng, rng.chance(westernShare)));
    if (!spec) {
      // Beyond the named labs: a PI's group at a university, the way most labs are known.
      const u = rng.pick(UNIVERSITIES);
      const pi = members[0] as Person;
      const surname = pi.latin.split(' ').pop() ?? pi.latin;
      spec = { en: `${surname} Lab, ${u.en} #${i}`, zh: `${u.zh}${pi.zh}课题组${i}` };
    }
    labs.push({ spec, members });
  }
  return labs;
}

// ------------------------------------------------------------------------------------------------
// Papers

interface Paper extends TruthPaper {
  index: number;
  personsOf: Person[];
  /** Time of the note's timestamp, `HH:MM:SS`. */
  time: string;
  publishedTime: string;
  titleHasShortName: boolean;
  subjects: (readonly [string, string])[];
}

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const SPAN_DAYS = 640;

function ymd(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function hms(rng: Random): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(rng.int(0, 23))}:${p(rng.int(0, 59))}:${p(rng.int(0, 59))}`;
}

function makeShortNames(rng: Random, n: number): string[] {
  const used = new Set<string>(CONCEPTS.map(([c]) => c.toLowerCase()));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let name = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      const two = rng.chance(0.5);
      name =
        rng.pick(SHORT_HEADS) +
        (two ? rng.pick(SHORT_HEADS).toLowerCase() : '') +
        rng.pick(SHORT_TAILS) +
        rng.pick(SHORT_SUFFIXES);
      if (!used.has(name.toLowerCase())) break;
    }
    if (used.has(name.toLowerCase())) name = `${name}-${i}`;
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

function makePapers(rng: Random, n: number, labs: Lab[]): Paper[] {
  const shortNames = makeShortNames(rng, n);
  // Ids: yymm from the publication month, then a per-month counter that skips ahead like arXiv's does.
  const monthCounter = new Map<string, number>();
  const papers: Paper[] = [];
  for (let i = 0; i < n; i++) {
    const noteT = START + Math.floor(((i + rng.float()) / n) * SPAN_DAYS) * DAY;
    const classic = rng.chance(0.02);
    const pubT = classic
      ? Date.UTC(2013 + rng.int(0, 1), rng.int(0, 11), rng.int(1, 28))
      : noteT - rng.int(0, 20) * DAY;
    const pub = ymd(pubT);
    const yymm = pub.slice(2, 4) + pub.slice(5, 7);
    const next = (monthCounter.get(yymm) ?? rng.int(1, 400)) + rng.int(1, 3);
    monthCounter.set(yymm, next);
    const arxiv = `${yymm}.${String(next).padStart(classic ? 4 : 5, '0')}`;

    const lab1 = rng.pick(labs);
    const paperLabs = [lab1];
    if (rng.chance(0.3)) {
      const lab2 = rng.pick(labs);
      if (lab2 !== lab1) paperLabs.push(lab2);
    }
    const persons: Person[] = [];
    const nAuthors = rng.weighted<number>([
      [1, 0.05],
      [2, 0.1],
      [3, 0.15],
      [4, 0.15],
      [5, 0.15],
      [6, 0.15],
      [8, 0.15],
      [10, 0.1],
    ]);
    for (let k = 0; k < nAuthors * 3 && persons.length < nAuthors; k++) {
      const p = rng.pick(rng.pick(paperLabs).members);
      if (!persons.includes(p)) persons.push(p);
    }
    const short = shortNames[i] as string;
    const [verbEn, verbZh] = rng.pick(TITLE_VERBS);
    const [objEn, objZh] = rng.pick(TITLE_OBJECTS);
    const [meansEn, meansZh] = rng.pick(TITLE_MEANS);
    const titleHasShortName = rng.chance(0.75);
    const core = `${verbEn} ${objEn} via ${meansEn}`;
    const zhCore = `通过${meansZh}${verbZh}${objZh}`;
    const subjects = [rng.pick(SUBJECTS)];
    if (rng.chance(0.6)) {
      const s2 = rng.pick(SUBJECTS);
      if (s2 !== subjects[0]) subjects.push(s2);
    }
    papers.push({
      index: i,
      arxiv,
      shortName: short,
      title: titleHasShortName ? `${short}: ${core}` : core,
      zhTitle: titleHasShortName ? `${short}：${zhCore}` : zhCore,
      authors: persons.map((p) => p.latin),
      personsOf: persons,
      labs: paperLabs.map((l) => l.spec.en),
      date: ymd(noteT),
      published: pub,
      time: hms(rng),
      publishedTime: hms(rng),
      topicPath: [],
      occurrences: [],
      relations: [],
      titleHasShortName,
      subjects,
    });
  }
  return papers;
}

// ------------------------------------------------------------------------------------------------
// Text

const CUES: Record<RelationType, { zh: readonly string[]; en: readonly string[] }> = {
  'builds-on': {
    zh: [
      '基于{X}，我们提出了{S}，并进一步引入动态优势调制机制。',
      '{S}在{X}的基础上引入了两层奖励：答案正确性奖励与自适应一致性奖励。',
      '受{X}启发，{S}以高不确定性的token为锚点引导后续的多样化展开。',
      '{S}是{X}的一个变体，将重要性采样从token级别提升到序列级别。',
      '{S}融合了{X}与拒绝采样，并加入Clip-Higher机制。',
    ],
    en: [
      '{S} builds on {X} and adds a consistency-aware reward.',
      'Based on {X}, we derive {S}, a new class of online training algorithms.',
      '{S} extends {X} to the multimodal setting.',
      'Inspired by {X}, {S} anchors exploration at high-entropy tokens.',
    ],
  },
  critiques: {
    zh: [
      '我们发现{X}存在根本缺陷：其token级重要性采样是不适定的。',
      '{X}的局限在于奖励信号只关注最终答案，鼓励了捷径。',
      '标准{X}会导致训练崩溃，尤其是在长序列上。',
    ],
    en: [
      'We show that {X} is ill-posed for long sequences.',
      '{X} fails to keep reasoning and answers consistent.',
    ],
  },
  compares: {
    zh: ['{S}在七个数据集上优于{X}。', '与{X}对比，{S}的训练效率提高了3.4倍。', '{S}超越了{X}等强基线。'],
    en: [
      '{S} outperforms {X} by 4.5% on average pass@1.',
      'Compared with {X}, {S} cuts response length by a third.',
    ],
  },
  mentions: {
    zh: ['训练与评估均使用{X}。', '我们还讨论了{X}在该场景下的表现。'],
    en: ['We also evaluate with {X}.', 'Training uses {X} throughout.'],
  },
};

interface Generator {
  rng: Random;
  papers: Paper[];
  labs: Lab[];
}

function relationSentences(g: Generator, p: Paper, english: boolean): string[] {
  const { rng } = g;
  const out: string[] = [];
  const n = rng.int(1, 3);
  for (let k = 0; k < n; k++) {
    const type = rng.weighted<RelationType>([
      ['builds-on', 0.4],
      ['compares', 0.3],
      ['critiques', 0.1],
      ['mentions', 0.2],
    ]);
    // A third of the relations point at an earlier generated paper, by its short name.
    let target: string;
    let targetKind: 'concept' | 'paper';
    let name: string;
    if (p.index > 0 && rng.chance(0.35)) {
      const q = g.papers[rng.int(0, p.index - 1)] as Paper;
      target = q.arxiv;
      targetKind = 'paper';
      name = q.shortName;
    } else {
      name = rng.pick(CONCEPTS)[0];
      target = name;
      targetKind = 'concept';
    }
    if (p.relations.some((r) => r.target === target)) continue;
    p.relations.push({ type, target, targetKind });
    const tpl = rng.pick(english ? CUES[type].en : CUES[type].zh);
    out.push(tpl.replaceAll('{X}', english ? name : ` ${name} `).replaceAll('{S}', p.shortName));
  }
  return out;
}

function abstractText(g: Generator, p: Paper, size: 'long' | 'short'): string {
  const { rng } = g;
  const english = rng.chance(0.2);
  const pool = english ? EN_FILLER : ZH_FILLER;
  const parts: string[] = [rng.pick(pool)];
  parts.push(
    english
      ? `We propose ${p.shortName}, a framework for ${p.title.toLowerCase().replace(/^.*?: /, '')}.`
      : `在本文中，我们提出了${p.shortName}，这是一种${p.zhTitle.replace(/^.*?：/, '')}的新框架。`,
  );
  parts.push(...relationSentences(g, p, english));
  const extra = size === 'long' ? rng.int(4, pool.length - 2) : rng.int(0, 1);
  const start = rng.int(0, pool.length - 1);
  for (let k = 1; k <= extra; k++) parts.push(pool[(start + k) % pool.length] as string);
  if (rng.chance(0.15))
    parts.splice(
      2,
      0,
      english ? '**The key insight is simple.**' : ' **关键见解是：正确的反应往往表现出一致的轨迹模式** ，',
    );
  return parts.join(english ? ' ' : '');
}

function timestamp(g: Generator, p: Paper): string {
  const { rng } = g;
  const date = p.date as string;
  const wd = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as string;
  const form = rng.weighted<number>([
    [0, 0.45],
    [1, 0.15],
    [2, 0.15],
    [3, 0.12],
    [4, 0.13],
  ]);
  const emoji = rng.weighted<string>([
    ['', 0.85],
    ['🌈 ', 0.07],
    ['🌈 🌈 ', 0.04],
    ['🙋❓ ', 0.04],
  ]);
  switch (form) {
    case 0:
      return `${emoji}${date} ${p.time} ${wd} ｜`;
    case 1:
      return `${emoji}${date} ${p.time} ${wd}｜`;
    case 2:
      return `${emoji}${date} ${p.time} ${wd} |`;
    case 3:
      return `${emoji}${date.replaceAll('-', '')}｜`;
    default:
      return `${emoji}${date} ${p.time} ${wd} ｜`;
  }
}

function publishedLine(p: Paper, cn: boolean): string {
  const [y, m, d] = p.published.split('-');
  if (cn) return `发布时间：${y} 年 ${Number(m)} 月 ${Number(d)} 日 ${p.publishedTime}（UTC）`;
  return ` **发布** ： ${p.published} ${p.publishedTime.replaceAll(':', '：')} UTC`;
}

const abs = (id: string): string => `https://arxiv.org/abs/${id}`;
const cool = (id: string): string => `https://papers.cool/arxiv/${id}`;
const wechat = (rng: Random): string => `https://mp.weixin.qq.com/s/${rng.token(22)}`;
const searchLink = (p: Person): string =>
  `[${p.latin}](https://arxiv.org/search/?searchtype=author&query=${p.latin.replaceAll(' ', '%20')})`;
const searchLinkZh = (p: Person): string =>
  `[ ${p.zh} ](https://arxiv.org/search/cs?searchtype=author&query=${p.query})`;

function headline(g: Generator, p: Paper | null, name: string): string {
  const lab = p ? (g.labs.find((l) => l.spec.en === p.labs[0]) as Lab) : g.rng.pick(g.labs);
  return g.rng.pick(WECHAT_HEADLINES).replaceAll('{S}', name).replaceAll('{LAB}', lab.spec.zh);
}

// ------------------------------------------------------------------------------------------------
// Entry writers: each returns the entry's lines. `num` is the list marker (`8. `) or '' for a paragraph.

type Writer = (g: Generator, p: Paper, num: string) => string[];

const abstractSize = (g: Generator): 'long' | 'short' | 'none' =>
  g.rng.weighted<'long' | 'short' | 'none'>([
    ['long', 0.45],
    ['short', 0.35],
    ['none', 0.2],
  ]);

const writers: Record<Exclude<EntryFormat, 'repeat' | 'multi'>, Writer> = {
  'title-block'(g, p, num) {
    const sp = g.rng.chance(0.8) ? ' ' : '';
    const size = abstractSize(g);
    const lines = [
      `${num}${timestamp(g, p)}`,
      '',
      `${sp}${p.title}`,
      `${sp}**标题** ： ${p.zhTitle}`,
      `${sp}**链接** ：${abs(p.arxiv)}`,
      '',
    ];
    lines.push(`${sp}**作者** ： ${p.authors.join(',  ')}`);
    if (g.rng.chance(0.2)) lines.push(`${sp}**备注** ：Preprint`);
    if (size !== 'none') lines.push(`${sp}**摘要** ：${abstractText(g, p, size)}`);
    return lines;
  },
  'title-inline'(g, p, num) {
    const ind = num ? '   ' : '';
    const lines = [
      `${num}${timestamp(g, p)} ${p.title}`,
      `${ind}**标题** ： ${p.zhTitle}`,
      `${ind}**链接** ：${abs(p.arxiv)}`,
    ];
    const size = abstractSize(g);
    if (size !== 'none') lines.push(`${ind}**摘要** ：${abstractText(g, p, size)}`);
    return lines;
  },
  'nested-fields'(g, p, num) {
    const date = (p.date as string).replaceAll('-', '');
    const n = num || '1. ';
    return [
      `${n}${date}｜${p.title}`,
      `   1. 标题： ${p.zhTitle}`,
      `   2. 链接：[${abs(p.arxiv)}](${abs(p.arxiv)})`,
    ];
  },
  'plain-fields'(g, p, num) {
    delete p.date; // no timestamp in this form
    return [`${num || '6. '}${p.title}`, '', `标题： ${p.zhTitle}`, '', `链接：${abs(p.arxiv)}`];
  },
  'papers-cool'(g, p, num) {
    const { rng } = g;
    const lines = [`${num}${timestamp(g, p)}`, ''];
    const pdf = rng.int(0, 16);
    const kimi = rng.int(0, 12);
    lines.push(
      `**[${p.zhTitle}](${cool(p.arxiv)})** **[PDF(${pdf || ''})]** **[Copy]** **[Kimi(${kimi || ''})]** **[REL]**`,
      '',
    );
    if (rng.chance(0.2)) {
      lines.push(
        `[#${rng.int(1, 30)}](${abs(p.arxiv)}) **[${p.title}](${cool(p.arxiv)})** **[PDF(${pdf})]** **[Copy]** **[Kimi(${kimi})]** **[REL]**`,
        '',
      );
      lines.push(`作者：${p.personsOf.map((x) => x.zh).join('、')}`, '');
    } else {
      const label = p.personsOf.length === 1 ? 'Author' : 'Authors';
      lines.push(` **${label}** : ${p.personsOf.map(searchLink).join(', ')}`, '');
    }
    const size = abstractSize(g);
    if (size !== 'none') lines.push(abstractText(g, p, size), '');
    const [first, ...rest] = p.subjects;
    const s = first as readonly [string, string];
    if (rest.length === 0 && rng.chance(0.5)) {
      lines.push(` **主题** : **[${s[0]}](https://papers.cool/arxiv/${s[1]})**`, '');
    } else {
      const tail = rest.map(([zh, code]) => `, [${zh}](https://papers.cool/arxiv/${code})`).join('');
      lines.push(` **科目** :  **[${s[0]}](https://papers.cool/arxiv/${s[1]})** ${tail}`, '');
    }
    lines.push(publishedLine(p, false));
    return lines;
  },
  'papers-cool-hash'(g, p, num) {
    const { rng } = g;
    const k = rng.int(1, 30);
    const pdf = rng.int(1, 20);
    const kimi = rng.int(1, 12);
    const lines = [`${num}${timestamp(g, p)}`, ''];
    lines.push(
      `**#${k} ${p.zhTitle} [PDF** **(${pdf})** **] [复制] [Kimi** **(${kimi})**  **] [相关] ** **[#${k}](${abs(p.arxiv)})****[${p.title}](${cool(p.arxiv)})**** [PDF(${pdf})] [Copy] [Kimi(${kimi})] [REL]**`,
      '',
      `作者：${p.personsOf.map((x) => x.zh).join('，')}`,
      '',
    );
    const size = abstractSize(g);
    if (size !== 'none') lines.push(abstractText(g, p, size), '');
    lines.push(`学科分类：${p.subjects.map(([zh]) => zh).join(' , ')}`, '', publishedLine(p, true));
    return lines;
  },
  'papers-cool-heading'(g, p) {
    // The heading level is filled in by the file writer (one below the section's).
    const lines = [
      `{H} [${p.zhTitle}](${cool(p.arxiv)})`,
      '',
      `[#${g.rng.int(1, 30)}](${abs(p.arxiv)})[${p.title} ](${cool(p.arxiv)})`,
      '',
    ];
    const size = abstractSize(g);
    if (size !== 'none') lines.push(abstractText(g, p, size), '');
    lines.push(`发布时间：${p.published} ${p.publishedTime} UTC`);
    delete p.date;
    return lines;
  },
  'arxiv-listing'(g, p, num) {
    const id = p.arxiv;
    return [
      `${num}${timestamp(g, p)}`,
      '',
      `  **[arXiv:${id} ](${abs(id)})** [ **[pdf](https://arxiv.org/pdf/${id})** ,  **[html](https://arxiv.org/html/${id}v1)** ,  **[other](https://arxiv.org/format/${id})** ]`,
      '',
      `**${p.zhTitle}**`,
      '',
      p.personsOf.map((x) => x.zh).join('，'),
      '',
      `学科分类：${p.subjects.map(([zh, code]) => `${zh}（${code}）`).join('；')}`,
    ];
  },
  'arxiv-bare'(g, p, num) {
    return [
      `${num}${timestamp(g, p)}`,
      '',
      `arXiv:${p.arxiv} [pdf 版，html 版，其他格式]`,
      '',
      `**${p.zhTitle}**`,
      '',
      p.personsOf.map((x) => x.zh).join('、'),
      '',
      `学科分类：${p.subjects.map(([zh, code]) => `${zh}（${code}）`).join('；')}`,
    ];
  },
  'bare-link'(g, p, num) {
    const { rng } = g;
    const lines: string[] = [];
    if (rng.chance(0.5)) {
      delete p.date;
      lines.push(`${abs(p.arxiv)} ${p.zhTitle}`, '', p.personsOf.map(searchLinkZh).join('、'));
    } else {
      lines.push(`${num}${timestamp(g, p)} ${abs(p.arxiv)}`, '', p.zhTitle, '', p.authors.join(', '));
    }
    const size = abstractSize(g);
    if (size !== 'none') lines.push('', `> ${abstractText(g, p, size)}`);
    return lines;
  },
  'link-then-title'(g, p) {
    delete p.date;
    const zh = p.titleHasShortName ? p.zhTitle : `${p.shortName}：${p.zhTitle}`;
    const lines = [abs(p.arxiv), '', zh, ''];
    lines.push(
      g.rng.chance(0.5) ? p.personsOf.map((x) => x.zh).join('、') : p.personsOf.map(searchLinkZh).join(', '),
    );
    const size = abstractSize(g);
    if (size !== 'none') lines.push('', `> ${abstractText(g, p, size)}`);
    return lines;
  },
  'wechat-arxiv'(g, p, num) {
    const { rng } = g;
    const h = headline(g, p, p.shortName);
    const lines: string[] = [];
    if (rng.chance(0.6)) lines.push(`${num}${timestamp(g, p)} ${h} ${wechat(rng)}`);
    else lines.push(`${num}${timestamp(g, p)} ${h}`, '', wechat(rng));
    lines.push('', abstractText(g, p, 'short'), '');
    const label = rng.pick(['论文地址', '论文链接', '技术报告']);
    if (rng.chance(0.3)) lines.push(`论文标题：${p.title}`, '');
    lines.push(`${label}：${rng.chance(0.3) ? `https://arxiv.org/pdf/${p.arxiv}` : abs(p.arxiv)}`);
    if (rng.chance(0.4)) lines.push('', `GitHub 仓库：https://github.com/${rng.token(8)}/${p.shortName}`);
    return lines;
  },
  'nested-list'(g, p) {
    const { rng } = g;
    delete p.date;
    const [s1, ...more] = relationSentences(g, p, false);
    const lines = [`1. [${headline(g, p, p.shortName)}](${wechat(rng)})`, `   1. ${rng.pick(ZH_FILLER)}`];
    lines.push(`   2. ${s1 ?? rng.pick(ZH_FILLER)}`, '');
    lines.push(`      1. ${more[0] ?? rng.pick(ZH_FILLER)}`, `      2. ${rng.pick(ZH_FILLER)}`);
    lines.push(`   3. 论文地址：https://arxiv.org/pdf/${p.arxiv}`);
    return lines;
  },
  digest(g, p) {
    delete p.date;
    const who = p.authors.slice(0, 3).join(', ') + (p.authors.length > 3 ? ' et al.' : '');
    return [`- ${p.zhTitle} (${who}) [跳转](http://arxiv.org/abs/${p.arxiv}v2)`];
  },
};

/** A WeChat item with no arXiv link (StreamBP, RewardAnything, GSPO in the seed). */
function writeArticle(
  g: Generator,
  date: string,
  time: string,
  num: string,
  mentioned: Paper | null,
): { lines: string[]; headline: string; stamped: boolean } {
  const { rng } = g;
  const name = mentioned ? mentioned.shortName : rng.pick(SHORT_HEADS) + rng.pick(SHORT_TAILS) + 'X';
  const h = headline(g, mentioned, name);
  const wd = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as string;
  if (rng.chance(0.2)) {
    const url = wechat(rng);
    return { lines: [`**${h}**[${url}](${url})`], headline: h, stamped: false };
  }
  const emoji = rng.pick(['', '', '🌈 ', '🌈 🌈 ']);
  const lines = [`${num}${emoji}${date} ${time} ${wd} ｜ ${h} ${wechat(rng)}`];
  if (rng.chance(0.5)) {
    const concept = rng.pick(CONCEPTS)[0];
    lines.push('', `来自${rng.pick(g.labs).spec.zh}的团队提出 **${name}** 算法，基于 ${concept} 进行改进。`);
  }
  return { lines, headline: h, stamped: true };
}

const MEETING_NOTES = [
  '> **会议主题** ：奖励模型验证器研讨',
  '>',
  '> #### 一、验证器类型',
  '>',
  '> 1. **结果验证器（Outcome Verifiers）**',
  '>    1. 验证完整解决方案的最终答案，通过花费更多计算资源采样并验证解决方案。',
  '>    2. 例如：验证最终答案的正确性。',
  '> 2. **过程验证器（Process Verifiers）**',
  '>    1. 在推理步骤级别区分正确与错误，可通过回溯或树搜索（如MCTS、波束搜索）实现计算扩展。',
  '>',
  '> #### 二、问答环节',
  '>',
  '> * 提问：是否考虑用RL训练验证器？',
  '> * 回答：RL是自然下一步，关键在于定义有效奖励信号。',
];

// ------------------------------------------------------------------------------------------------
// Files

const FORMAT_WEIGHTS: readonly (readonly [EntryFormat, number])[] = [
  ['title-block', 0.2],
  ['title-inline', 0.08],
  ['nested-fields', 0.06],
  ['plain-fields', 0.02],
  ['papers-cool', 0.2],
  ['papers-cool-hash', 0.05],
  ['papers-cool-heading', 0.02],
  ['arxiv-listing', 0.04],
  ['arxiv-bare', 0.02],
  ['bare-link', 0.06],
  ['link-then-title', 0.04],
  ['wechat-arxiv', 0.09],
  ['nested-list', 0.03],
  ['multi', 0.02],
  ['digest', 0.03],
  ['repeat', 0.02],
];

/** Formats whose entry does not start with a timestamp line. */
const UNSTAMPED = new Set<EntryFormat>([
  'plain-fields',
  'papers-cool-heading',
  'bare-link',
  'link-then-title',
  'nested-list',
  'digest',
]);

function frontMatter(g: Generator, title: string, date: string, tags: string[]): string[] {
  const kind = g.rng.weighted<'toml' | 'yaml' | 'none'>([
    ['toml', 0.6],
    ['yaml', 0.3],
    ['none', 0.1],
  ]);
  if (kind === 'toml') {
    return [
      '+++',
      `title = '${title}'`,
      `date = ${date}T00:00:00+08:00`,
      'draft = false',
      'toc = true',
      `tags = [${tags.map((t) => `'${t}'`).join(', ')}]`,
      '+++',
      '',
    ];
  }
  if (kind === 'yaml') {
    return ['---', `title: "${title}"`, `date: ${date}`, 'tags:', ...tags.map((t) => `  - ${t}`), '---', ''];
  }
  return [];
}

function filePath(g: Generator, f: number): string {
  const area = FILE_AREAS[f % FILE_AREAS.length] as string;
  const n = String(f + 1).padStart(5, '0');
  return g.rng.chance(0.1) ? `${area}/阅读笔记 ${n}.md` : `${area}/notes-${n}.md`;
}

/** Generate the corpus: `papers` distinct papers over `files` note files, with the ground truth. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const nPapers = Math.max(1, Math.floor(options.papers));
  const nFiles = Math.max(1, Math.min(nPapers, Math.floor(options.files ?? Math.ceil(nPapers / 40))));
  const rng = new Random(options.seed ?? 1);
  const labs = makeLabs(rng, Math.max(12, Math.min(5000, Math.round(nPapers / 25))));
  const papers = makePapers(rng, nPapers, labs);
  const g: Generator = { rng, papers, labs };
  const articles: TruthArticle[] = [];
  const files: NoteFile[] = [];

  let next = 0; // next paper to place
  for (let f = 0; f < nFiles; f++) {
    const path = filePath(g, f);
    const end = Math.round(((f + 1) * nPapers) / nFiles);
    const first = papers[next];
    const fileTitle = rng.pick(TOPICS_L2);
    const lines: string[] = frontMatter(g, fileTitle, first?.date ?? '2025-01-01', [
      rng.pick(['RL', 'LLM', 'reasoning']),
      rng.pick(['notes', '论文', 'weekly']),
    ]);
    lines.push(`# ${fileTitle}`, '');
    let path2: string[] = [fileTitle];
    let level = 1;
    let num = 0;
    let inList = false;
    const count = end - next;
    // Sections: every few entries a new heading at level 2..4.
    let untilHeading = rng.int(0, 3);
    for (let k = 0; k < count; k++) {
      const p = papers[next++] as Paper;
      if (untilHeading-- <= 0) {
        const lv =
          level === 1
            ? 2
            : rng.weighted<number>([
                [2, 0.45],
                [3, 0.4],
                [4, 0.15],
              ]);
        const name = lv === 2 ? rng.pick(TOPICS_L2) : lv === 3 ? rng.pick(TOPICS_L3) : rng.pick(TOPICS_L4);
        path2 = [...path2.slice(0, Math.min(lv - 1, path2.length)), name];
        level = path2.length;
        lines.push(`${'#'.repeat(level)} ${name}`, '');
        untilHeading = rng.int(2, 9);
        num = rng.chance(0.3) ? rng.int(2, 9) : 0;
        inList = false;
      }
      let format = rng.weighted(FORMAT_WEIGHTS);
      // A heading entry would become the topic of what follows: only as the last entry of a section.
      if (format === 'papers-cool-heading' && untilHeading > 0) format = 'papers-cool';
      if (format === 'repeat' && p.index < 50) format = 'title-block';
      if (format === 'multi' && k === count - 1) format = 'wechat-arxiv';

      // Numbered items restart and skip, as in the seed (`10.` followed by `6.`).
      const numbered = rng.chance(0.6);
      if (numbered) {
        num = rng.chance(0.08) ? rng.int(1, 12) : num + 1;
      }
      const marker = numbered ? `${num}. ` : '';
      if (inList && !numbered) lines.push('');
      inList = numbered;

      // A WeChat item without an arXiv link now and then, before the paper.
      if (rng.chance(0.06)) {
        const mention = p.index > 0 && rng.chance(0.5) ? (papers[rng.int(0, p.index - 1)] as Paper) : null;
        const line = lines.length + 1;
        const art = writeArticle(g, p.date as string, p.time, marker, mention);
        articles.push({
          file: path,
          line,
          headline: art.headline,
          date: p.date as string,
          stamped: art.stamped,
        });
        lines.push(...art.lines, '');
        // What follows an article must open with its own timestamp, or it reads as the article's paper
        // (the seed's ProRL entry is exactly a WeChat line followed by its arXiv link).
        if (UNSTAMPED.has(format)) format = 'title-block';
      }

      const line = lines.length + 1;
      p.topicPath = [...path2];
      if (format === 'repeat') {
        // The same paper seen again in a later place: an earlier paper under this timestamp.
        const q = papers[rng.int(0, p.index - 1)] as Paper;
        const ts = timestamp(g, p);
        lines.push(`${marker}${ts}`, '', q.title, ` **链接** ：${abs(q.arxiv)}`, '');
        q.occurrences.push({ file: path, line, format: 'repeat' });
        // `p` itself still needs an entry.
        format = 'title-block';
      }
      const at = lines.length + 1;
      if (format === 'multi') {
        // Two papers in one entry; the second builds on the first (GoT / GoT-R1).
        const q = papers[next++] as Paper;
        k++;
        q.topicPath = [...path2];
        delete q.date;
        q.relations.push({ type: 'builds-on', target: p.arxiv, targetKind: 'paper' });
        lines.push(
          `${marker}${timestamp(g, p)}${headline(g, p, q.shortName)} ${wechat(rng)}`,
          '',
          `该新框架${q.shortName}基于 ${p.shortName} 引入强化学习，显著增强了语义-空间推理能力。`,
          '',
          `* ${p.shortName} arxiv:https://arxiv.org/pdf/${p.arxiv}`,
          `* ${p.shortName} github:https://github.com/${rng.token(6)}/${p.shortName}`,
          `* ${q.shortName} arxiv: https://arxiv.org/pdf/${q.arxiv}`,
          `* ${q.shortName} github:https://github.com/${rng.token(6)}/${q.shortName}`,
        );
        p.occurrences.push({ file: path, line: at, format });
        q.occurrences.push({ file: path, line: at, format });
        inList = false;
      } else {
        let entry = writers[format](
          g,
          p,
          format === 'nested-fields' || format === 'plain-fields' ? marker || `${num || 1}. ` : marker,
        );
        if (format === 'papers-cool-heading') {
          const hl = Math.min(6, level + 1);
          entry = entry.map((l) => l.replace('{H}', '#'.repeat(hl)));
          untilHeading = 0;
        }
        if (format === 'nested-list' || format === 'digest' || format === 'link-then-title') {
          if (inList) lines.push('');
          inList = format === 'nested-list' || format === 'digest';
        }
        lines.push(...entry);
        p.occurrences.push({ file: path, line: at, format });
      }
      if (rng.chance(0.04)) lines.push('', ...MEETING_NOTES);
      if (rng.chance(0.03))
        lines.push(
          '',
          `![](https://zhipu-ai.feishu.cn/space/api/box/stream/download/asynccode/?code=${rng.token(120)})`,
        );
      if (format !== 'digest' || !rng.chance(0.7)) lines.push('');
    }
    files.push({ path, text: lines.join('\n') + '\n' });
  }
  const truth: CorpusTruth = {
    papers: papers.map((p) => {
      const t: TruthPaper = {
        arxiv: p.arxiv,
        shortName: p.shortName,
        title: p.title,
        zhTitle: p.zhTitle,
        authors: p.authors,
        labs: p.labs,
        published: p.published,
        topicPath: p.topicPath,
        occurrences: p.occurrences,
        relations: p.relations,
      };
      if (p.date !== undefined) t.date = p.date;
      return t;
    }),
    articles,
  };
  return { files, truth };
}

// ------------------------------------------------------------------------------------------------
// Adversarial files (issue 5) and the big-file case

/** The inputs that are slow for remark-parse itself: a 0.8 MB single line and a list nested 1,000 deep. */
export function generateAdversarialFiles(
  options?: { lineBytes?: number; depth?: number } | null,
): NoteFile[] {
  const unit = '[a](b) **x** ';
  const lineBytes = options?.lineBytes ?? 800_000;
  const depth = options?.depth ?? 1000;
  const deep: string[] = [];
  for (let i = 0; i < depth; i++) deep.push(`${'  '.repeat(i)}- item ${i}`);
  return [
    { path: 'adversarial/long-line.md', text: unit.repeat(Math.ceil(lineBytes / unit.length)) + '\n' },
    { path: 'adversarial/deep-list.md', text: deep.join('\n') + '\n' },
  ];
}

/**
 * The big-file case: `count` separate notes of about `bytesEach` bytes, and the same text as one note.
 * The big note keeps one front matter (the first file's) and drops the others'.
 */
export function generateBigFileCase(options: { count: number; bytesEach: number; seed?: number | null }): {
  small: NoteFile[];
  big: NoteFile;
} {
  // Find the paper count that gives about bytesEach per file on a probe corpus.
  const probe = generateCorpus({ papers: 200, files: 1, seed: options.seed ?? 7 });
  const perPaper = Buffer.byteLength((probe.files[0] as NoteFile).text) / 200;
  const papersEach = Math.max(1, Math.round(options.bytesEach / perPaper));
  const { files } = generateCorpus({
    papers: papersEach * options.count,
    files: options.count,
    seed: options.seed ?? 7,
  });
  const bodies = files.map((f, i) =>
    i === 0 ? f.text : f.text.replace(/^(\+\+\+|---)\n[\s\S]*?\n\1\n/, ''),
  );
  return { small: files, big: { path: 'big/all-notes.md', text: bodies.join('\n') } };
}

// ------------------------------------------------------------------------------------------------
// CLI

function writeFiles(out: string, files: readonly NoteFile[]): number {
  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const f of files) {
    const target = join(out, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return bytes;
}

function main(argv: string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = arg('out');
  if (!out) {
    console.error(
      'usage: tsx bench/corpus.ts --papers N [--files M] [--seed S] --out DIR | --adversarial --out DIR',
    );
    process.exit(2);
  }
  if (argv.includes('--adversarial')) {
    const bytes = writeFiles(out, generateAdversarialFiles());
    console.log(`wrote 2 adversarial files (${bytes} bytes) to ${out}`);
    return;
  }
  const papers = Number(arg('papers') ?? 1000);
  const files = arg('files') ? Number(arg('files')) : null;
  const seed = Number(arg('seed') ?? 1);
  const corpus = generateCorpus({ papers, files, seed });
  const bytes = writeFiles(out, corpus.files);
  writeFileSync(
    join(out, '..', `${out.split('/').pop() ?? 'corpus'}.truth.json`),
    JSON.stringify(corpus.truth),
  );
  console.log(
    `wrote ${corpus.files.length} files, ${papers} papers, ${corpus.truth.articles.length} link-less articles, ${bytes} bytes to ${out}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
