// Titles, labels, authors and keys: small pure helpers over plain text.
import { ALSO_KNOWN_AS, hasCjk, INTRODUCED_NAME_ENDS, isLatin } from './patterns.js';

/** Link texts that say nothing about the paper (`[PDF]`, `[#6]`, `[跳转]`, a bare URL). */
export function isTrivialLinkText(label: string, url?: string): boolean {
  const t = label.trim();
  if (t.length < 2) return true;
  if (url && (t === url || /^(?:https?:\/\/|www\.)/i.test(t))) return true;
  if (/^#?\d+$/.test(t)) return true;
  if (/^(?:arxiv[:：]?\s*)?\d{4}\.\d{4,5}(?:v\d+)?$/i.test(t)) return true;
  return /^(?:pdf|html|abs|other|arxiv|paper|papers?\.cool|link|code|github|here|this|this https url|click here|project|website|blog|home|demo|kimi.*|copy|rel|related|跳转|链接|原文|论文|全文|地址|查看|阅读原文|阅读全文|acl anthology|aclweb|pmlr|openreview|semantic scholar|doi|proceedings|acm dl|ieee xplore|springer|nature|science|此链接|此 https 网址|pdf 版|其他格式|复制|相关|详情)$/i.test(
    t,
  );
}

/** Markdown links as their text, or a space when the text only says where the link goes (`[arXiv](…)`, `[pdf](…)`). */
export function linksAsText(raw: string): string {
  return raw.replace(/!?\[([^[\]]{0,300})\]\(([^()\s]{0,2000})\)/g, (_, text: string, url: string) =>
    isTrivialLinkText(text, url) ? ' ' : text,
  );
}

/**
 * Link text that names a page of a site, not a work: a vault's or a project's own links (`Home Page`, `Discord`,
 * `Getting Started Guide`, `Developer Docs`).
 */
export function isNavigationText(label: string): boolean {
  return /^(?:home(?: ?page)?|discord|slack|telegram|wechat group|github|gitlab|twitter|docs|documentation|developer docs|api docs|getting started(?: guide)?|quick ?start|wiki|forum|community|faq|contact(?: us)?|about(?: us)?|website|changelog|license|donate|sponsor)$/i.test(
    label.trim(),
  );
}

/** Strip digest noise from a title: `#6`, `[PDF(14)]`, `[Copy]`, emphasis marks, surrounding punctuation. */
export function cleanTitle(text: string, maxLength = 120): string {
  let t = text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\[[^[\]]{0,40}\]/g, ' ');
  t = t.replace(/(^|\s)#\d{1,4}(?=\s|$|[^\w])/g, ' ');
  t = t.replace(/[*_`]{1,3}/g, ' ');
  t = t.replace(/\s+/g, ' ').trim();
  t = trimChars(t, ' \t|｜:：-–—,，.。·•>', ' \t|｜:：-–—,，·•');
  if (t.length > maxLength) {
    // A WeChat headline that goes on into the article: keep its first sentence or clause.
    const cut = /^(.{8,}?[。！？!?])/u.exec(t) ?? /^(.{8,}?)[：:]/u.exec(t);
    if (cut && cut[1]!.length <= maxLength) t = cut[1]!;
  }
  return t.trim();
}

/** The post's title in a Xiaohongshu share text, else the text as it is. */
export function shareTitle(text: string): string {
  return /【(.+?)\s+-\s+[^|【】]{1,40}?\s*\|\s*小红书\s*-\s*你的生活兴趣社区】/u.exec(text)?.[1] ?? text;
}

/**
 * Decoration around a title that is no part of it: a reading list's ordinal (`1. Attention Is All You Need`),
 * marker emoji and stars (`🔹 …`, `… ⭐⭐⭐`), quotes around the whole title and a year in brackets after them
 * (`"Deep Residual Learning for Image Recognition" (2015)`), a kramdown or Pandoc attribute list
 * (`{:target="_blank"}`, `{.paper}`), and a Xiaohongshu share text (`【Title - Author | 小红书 - 你的生活兴趣社区】 😆 code 😆`).
 */
export function tidyTitle(title: string): string {
  let t = shareTitle(title).replace(
    /\{:[^{}]{0,120}\}|\{\s*(?:[.#][\w-]+\s*)+\}|\{\s*[\w-]+\s*=[^{}]{0,120}\}/g,
    ' ',
  );
  for (let before = ''; before !== t;) {
    before = t;
    t = t
      .trim()
      .replace(/^[\p{Extended_Pictographic}\uFE0F\u200D]+\s*/u, '')
      .replace(/\s*[\p{Extended_Pictographic}\uFE0F\u200D]+$/u, '')
      .replace(/^\d{1,3}(?:[.)]\s+|、\s*)(?=\S)/u, '')
      // a year after the closing quote is the reading list's, not the title's (`重访Tirole（1985）` keeps its own)
      .replace(/(["”」』])\s*[(（](?:19|20)\d{2}[)）]$/u, '$1');
    const quoted = /^(["“「『])([^"“”「」『』]+)(["”」』])$/u.exec(t);
    if (quoted) t = quoted[2]!;
  }
  return t.trim();
}

/**
 * arXiv listing marks around a title line: `(cross-list from cs.LG)`, `(replaced)` and their machine
 * translations, which vary (`（从 cs.LG 交叉列出）`, `（来自 cs.SE 的交叉列表）`, `（从 cs.CV 跨列）`, `（已替换）`): a short
 * bracket that names an arXiv category and says cross.
 */
const LISTING_NOISE =
  /[(（](?=[^()（）]{0,40}(?:cross-list|交叉|跨))[^()（）]{0,30}?\b[a-z][a-z-]{1,10}\.[a-z-]{2,8}\b[^()（）]{0,24}[)）]|[(（]\s*(?:replaced|已?替换)\s*[)）]/gi;

export function withoutListingNoise(text: string): string {
  return /cross-list|交叉|跨列|replaced|替换/i.test(text) ? text.replace(LISTING_NOISE, ' ') : text;
}

/**
 * A pasted arXiv listing's title line with its translation after it (`PEACH: A … Corpus for Healthcare
 * PEACH：一个…语料库`, `Sample-efficient LLM Optimization with Reset Replay 基于重置…`): the English title and the
 * translation, or the whole text when it does not read as one.
 */
export function splitTranslatedTitle(text: string): [string, string?] {
  const t = text.replace(/\s+/g, ' ').trim();
  let cjk = -1;
  for (let i = 0; i < t.length; i++)
    if (/[\u3400-\u9fff]/.test(t[i]!)) {
      cjk = i;
      break;
    }
  // Only an English title followed by its translation: at least three words of Latin script first.
  if (cjk <= 0 || t.slice(0, cjk).trim().split(' ').length < 3) return [t];
  // The translation often repeats the title's lead name (`ScamAgents：AI 代理…`): cut before the repeat.
  const lead = /^([A-Za-z][\w.+-]{1,30})\s*[:：]/.exec(t)?.[1];
  let cut = lead ? t.indexOf(` ${lead}`, lead.length) : -1;
  if (cut < 0 || cut > cjk) {
    // Else at the word the first Han character belongs to (`… Contaminated “镜像”…`).
    cut = t.lastIndexOf(' ', cjk);
    if (cut < 0) return [t];
  }
  const english = t.slice(0, cut).trim();
  const translation = t.slice(cut).trim();
  return translation ? [english, translation] : [english];
}

/**
 * Text that is never a paper's title: a link word (`阅读全文`, `Read more`), a bare arXiv id, or a listing's count
 * (`2025-08-06 | | Total: 76` heads a papers.cool day).
 */
export function isNotATitle(text: string): boolean {
  return (
    /^(?:阅读全文|阅读原文|原文链接|read more|full text)$/i.test(text) ||
    /^(?:arxiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?$/i.test(text) ||
    /^(?:total|count|共计?|总计|合计|总数)\s*[:：]?\s*\d+\s*(?:篇|条|papers?|items?|entries)?$/i.test(text)
  );
}

const ASCII = /^[\x00-\x7f]*$/;

/** A title's merge key: NFKC, lower-case, letters and digits only, single spaces (none next to Chinese). */
export function normaliseTitle(title: string): string {
  // ASCII needs neither NFKC nor the Chinese spacing rule, and its letters and digits are [a-z0-9] once
  // lower-cased: the same key, several times faster (most titles of English papers).
  if (ASCII.test(title))
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return (
    title
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      // Spacing around Chinese text varies between copies of the same title (`80% 激活值` / `80%激活值`).
      .replace(/\s+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s+/g, '')
      .trim()
  );
}

/** A stable, short hash (FNV-1a, 32 bit) as 8 hex digits. */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Looks like a title line: short, not a sentence of prose. */
export function looksLikeTitle(text: string, bold: boolean): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 300) return false;
  if (/^(?:https?:\/\/|www\.)\S+$/.test(t)) return false;
  if (hasCjk(t)) {
    if (t.length > (bold ? 120 : 80)) return false;
    if (/[。；]./.test(t)) return false;
  } else if (/[.!?]\s+\S/.test(t.replace(/\b(?:vs|et al|e\.g|i\.e|Fig|No)\./g, '')) && !bold) return false;
  return true;
}

const NAME_SEPARATORS = /[,，、;；&]|\band\b/;

/**
 * Trim characters from both ends without a regular expression: `/[…]+$/` rescans from every start position and is
 * quadratic on a long run of those characters followed by something else.
 */
export function trimChars(text: string, leading: string, trailing: string = leading): string {
  let start = 0;
  let end = text.length;
  while (start < end && (leading.includes(text[start]!) || /\s/.test(text[start]!))) start++;
  while (end > start && (trailing.includes(text[end - 1]!) || /\s/.test(text[end - 1]!))) end--;
  return text.slice(start, end);
}

/** Split an author list written as `A, B`, `甲、乙`, `甲，乙`. */
export function splitAuthors(text: string): string[] {
  let cleaned = text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  // `Vaswani et al. (2017)`, `Brown et al., OpenAI (2020)`: the year and "et al." name nobody
  cleaned = cleaned.replace(/\s*[(（](?:19|20)\d{2}[a-z]?[)）]$/, '').replace(/ et al\.?$/i, '');
  if (!cleaned) return [];
  return cleaned
    .split(NAME_SEPARATORS)
    .map((s) => trimChars(s.replace(/ et al\.?$/i, ''), '.:：'))
    .filter((s) => s.length > 0 && s.length <= 60 && !/^(?:19|20)\d{2}[a-z]?$/.test(s));
}

/** A line that is only a list of names: `陈斌，高新泽，胡传瑞`, `Md Imbesat Hassan Rizvi, Xiaodan Zhu`. */
export function looksLikeAuthors(text: string): boolean {
  const t = text.trim();
  if (t.length > 1200 || /[。！？!?:：]/.test(t)) return false;
  const parts = splitAuthors(t);
  if (parts.length < 2) return false;
  return parts.every((p) => {
    if (/\d{2}/.test(p)) return false;
    if (hasCjk(p)) return p.replace(/[·•\s]/g, '').length <= 10;
    const words = p.split(/\s+/);
    return (
      words.length <= 5 &&
      words.every(
        (w) => /^[\p{Lu}][\p{L}'.-]*$/u.test(w) || /^(?:van|von|de|der|da|di|del|la|le|bin|al)$/i.test(w),
      )
    );
  });
}

export const GENERIC_NAMES = new Set(
  [
    'RL',
    'RLHF',
    'RLVR',
    'LLM',
    'LLMs',
    'MLLM',
    'MLLMs',
    'VLM',
    'AI',
    'AGI',
    'NLP',
    'ICLR',
    'ICML',
    'NeurIPS',
    'ACL',
    'EMNLP',
    'CVPR',
    'GPT',
    'GPT-4',
    'GPT-4o',
    'SFT',
    'DPO',
    'PPO',
    'GRPO',
    'RAG',
    'CoT',
    'MoE',
    'Seed',
    'Qwen',
    'Qwen3',
    'DeepSeek',
    'OpenAI',
    'Google',
    'Meta',
    'Lab',
    'NVIDIA',
    'MCTS',
    'PRM',
    'PRMs',
    'LLaMA',
    'Llama',
  ].map((s) => s.toLowerCase()),
);

/** Units of measure, which mixed case makes look like names (`100 GeV`, `10TeV`, `5 kWh`). */
const UNIT = /^(?:[kMGTPE]?eV|[kMGT]?Wh|mAh|[kMGT]?Hz|dBm?)$/;

function isNameLike(token: string): boolean {
  if (GENERIC_NAMES.has(token.toLowerCase()) || UNIT.test(token)) return false;
  if (!/[A-Z]/.test(token)) return false;
  if (/^[A-Z][A-Z0-9]{3,}$/.test(token)) return true; // POLARIS, GSPO
  if (/[a-z][A-Z]/.test(token)) return true; // ProRL, RewardAnything
  if (/[-+]/.test(token) && /[A-Za-z]/.test(token)) return true; // Jan-nano, GoT-R1
  return false;
}

const NAME = String.raw`[A-Z][A-Za-z0-9]*(?:[-+][A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9]*(?:[-+][A-Za-z0-9]+)*){0,2}`;
const INTRODUCES = new RegExp(
  String.raw`(?:提出|引入|推出|介绍|发布名为|名为|叫做|称为|称之为|[Ww]e (?:propose|introduce|present)|[Ii]ntroducing)(?:了|的)?[^A-Za-z。，！？,.;；\n]{0,8}?(${NAME})`,
  'g',
);

/**
 * A head that names what kind of text a paper is, not what it is about (`Position: …`, `Survey: …`, `综述：…`, and
 * `职位：`, the machine translation of `Position:` in translated listings): no label, the rest of the title is.
 */
const GENRE_HEAD =
  /^\s*(?:(?:a\s+)?(?:position(?:\s+paper)?|survey|(?:systematic\s+|literature\s+)?review|tutorial|technical\s+report|tech\s+report|perspectives?|opinion|commentary|editorial|viewpoint|overview|primer|short\s+paper|extended\s+abstract|erratum|corrigendum|comment|reply|keynote|white\s+paper|case\s+study)|立场(?:论文|文件)?|职位|综述|调查|调研|教程|技术报告|观点|评论|述评|评述|展望|视角|勘误)\s*[:：]\s*(?=\S)/i;

/** A word for a kind of work right before a name (`强化学习配方POLARIS`, `新范式GSPO`, `训练方法——ProRL`). */
const KIND_BEFORE_NAME =
  /(?:配方|范式|方法|算法|框架|模型|系统|基准|数据集|工具|智能体|架构|策略|机制|引擎|平台|新作|开源|推出|发布|打造)(?:了)?[\s「『“"—–-]*$/;
/** A release right after a name (`POLARIS开源`, `Step 3登场`, `X 来了`). */
const RELEASED = /^\s*(?:开源|发布|登场|来了|问世|上线|亮相|面世|横空出世|正式(?:发布|开源|上线))/;
/** What follows a name that opens a title (`Jan-nano 技术报告`, `PyExamine —— 一个…`, `TGB-Seq基准测试：…`). */
const OPENER_AFTER_NAME = /^\s*(?:技术报告|technical report|--|—|–|(?:基准测试|基准|数据集|框架)\s*[:：])/i;

/** A title without a genre head (`Position: X` is `X`). */
export function withoutGenreHead(title: string): string {
  const m = GENRE_HEAD.exec(title);
  return m ? title.slice(m[0].length) : title;
}

/** A short display name for a paper: `CoVo`, `PAG`, `GRPO-CARE`; `named` is false for a shortened title. */
export function makeLabel(
  headed: readonly { text: string; paperish: boolean }[],
  body: string,
): { label: string; named: boolean } {
  const titles = headed.map((t) => ({ text: withoutGenreHead(t.text), paperish: t.paperish }));
  // 1. `Name: subtitle` with a short Latin name.
  for (const { text } of titles) {
    const m = /^([^:：]{1,40}?)\s*[:：]\s*\S/.exec(text);
    if (m) {
      const name = m[1]!.trim();
      const words = name.split(/\s+/);
      if (
        !hasCjk(name) &&
        words.length <= 2 &&
        name.length <= 24 &&
        /[A-Za-z]/.test(name) &&
        !GENERIC_NAMES.has(name.toLowerCase())
      ) {
        return { label: name, named: true };
      }
    }
  }
  // 2. "we propose X" / "提出了 X" in the entry's own text or title.
  for (const [source, inBody] of [
    [titles.map((t) => t.text).join(' \n '), false],
    [body, true],
  ] as const) {
    for (const m of source.matchAll(INTRODUCES)) {
      // In running text the name must end the phrase (`提出了CoVo，`), not start a longer one (`引入基于SARSA的…`).
      if (inBody && !INTRODUCED_NAME_ENDS.test(source.slice(m.index + m[0].length))) continue;
      if (ALSO_KNOWN_AS.test(source.slice(Math.max(0, m.index - 8), m.index + 6))) continue;
      // `提出了一种基于类似 Transformer 的结构`: a name after 基于 / 类似 / based on is what the work builds on.
      if (/基于|类似|采用|使用|利用|结合|based|like|using/i.test(m[0].slice(0, m[0].length - m[1]!.length)))
        continue;
      const name = m[1]!.trim();
      const first = name.split(' ')[0]!;
      // `We introduce GRPO` names the paper's own method even when the name is common elsewhere.
      const explicit = /^[Ww]e (?:introduce|propose|present)/.test(m[0]);
      if (!explicit && (GENERIC_NAMES.has(name.toLowerCase()) || GENERIC_NAMES.has(first.toLowerCase())))
        continue;
      if (isNameLike(first) || /^[A-Z][a-z]+[A-Z0-9]?/.test(first) || /^[A-Z][A-Z0-9]+$/.test(first))
        return { label: name, named: true };
    }
  }
  // 3. A name of Chinese and Latin before a title's colon (`水生CLIP：…`): the whole is the name, not `CLIP`.
  for (const { text } of titles) {
    const m = /^([^:：]{2,12})[:：]/.exec(text);
    const head = m?.[1]?.trim() ?? '';
    // Not a lab and a verb in front of the name (`港大开源GoTX：`).
    if (
      /^[\p{Script=Han}]{1,3}[A-Za-z][A-Za-z0-9-]*$/u.test(head) &&
      !/(?:开源|发布|推出|提出|新作|的|用|版)[A-Za-z]/.test(head)
    )
      return { label: head, named: true };
  }
  // 4. A name-like Latin token that a Chinese title introduces as its subject: after a word for a kind of work
  // (`…配方POLARIS…`, `新范式GSPO`), before a release (`POLARIS开源`), after a colon that ends the title on it
  // (`…头像合成：EmoTalkingGaussian`), opening the title before a dash or a report (`Jan-nano 技术报告`), or
  // bracketed after the title's own name before its colon (`罗德奥（RODEO）：…`). A name the headline only
  // mentions is what it is about, not its name (`暗能量领域中AdS存在…`, `使用预训练的ViT表示…`,
  // `OpenAI宣布ChatGPT周活用户…`). Not in the translation of an English title the entry also has (`对ChatGPT在…`
  // for `Evaluating ChatGPT on …`): the original names the work if anything does.
  const hasLatinTitle = titles.some((t) => isLatin(t.text));
  for (const { text } of titles) {
    if (isLatin(text) || hasLatinTitle) continue;
    // A quoted term (`「Next-Token」范式改变！`) is what the headline talks about, not the work's name.
    const unquoted = text.replace(/[「“"『《][^」”"』》]{1,40}[」”"』》]/g, ' ');
    for (const m of unquoted.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-+][A-Za-z0-9]+)*/g)) {
      const token = m[0];
      // `华为版CUDA`, `从DeepSeek V3到Kimi K2`, `DeepSeek的GRPO`, `比肩GPT-4o`: a model the headline mentions. The
      // windows hold the longest cue (`vs. `, `为基础`).
      const before = unquoted.slice(Math.max(0, m.index - 4), m.index);
      const after = unquoted.slice(m.index + token.length, m.index + token.length + 3);
      if (
        /(?:版|从|到|比|超越|超过|对标|媲美|比肩|击败|战胜|基于|用|在|vs\.?\s*)$/.test(before) ||
        /^\s*(?:的|版|系列|基础|为基础|之上)/.test(after)
      )
        continue;
      if (!isNameLike(token)) continue;
      const head = unquoted.slice(0, m.index);
      const tail = unquoted.slice(m.index + token.length);
      if (
        KIND_BEFORE_NAME.test(head) ||
        RELEASED.test(tail) ||
        (/[:：]\s*$/.test(head) && tail.trim() === '') ||
        (head.trim() === '' && OPENER_AFTER_NAME.test(tail)) ||
        (/^[^:：]{1,16}[（(]\s*$/.test(head) && /^\s*[）)]\s*(?:[:：]|--|—)/.test(tail))
      )
        return { label: token, named: true };
    }
  }
  // 5. A short Chinese name before the colon of a paper title (`生成式验证器：…`), when no English title is known.
  for (const { text, paperish } of titles) {
    if (!paperish || titles.some((t) => isLatin(t.text))) continue;
    // Not a translator's remark in brackets (`（注意：…`).
    const m = /^([^:：（(【[]{2,10})[:：]/.exec(text);
    if (m && hasCjk(m[1]!)) return { label: m[1]!.trim(), named: false };
  }
  const title = titles[0]?.text ?? '';
  return { label: shorten(title), named: false };
}

/** A shortened title: the part before a colon when short, else the first words / characters. */
export function shorten(title: string): string {
  const t = withoutGenreHead(title).trim();
  if (isLatin(t)) {
    const head = /^([^:：]{4,40})[:：]/.exec(t);
    if (head) return head[1]!.trim();
    const words = t.split(/\s+/);
    if (t.length <= 40) return t;
    let out = '';
    for (const w of words) {
      if ((out + ' ' + w).trim().length > 32) break;
      out = (out + ' ' + w).trim();
    }
    return `${out || t.slice(0, 32)}…`;
  }
  const chars = [...t];
  if (chars.length <= 16) return t;
  // Not inside a Latin word (`OpenAI宣布ChatGP…`): take the rest of a short word, else stop before it.
  const inWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9+-]/.test(c);
  let cut = 14;
  if (inWord(chars[cut - 1]) && inWord(chars[cut])) {
    let start = cut;
    while (start > 0 && inWord(chars[start - 1])) start--;
    let end = cut;
    while (end < chars.length && inWord(chars[end])) end++;
    if (end - cut <= 6) cut = end;
    else if (start >= 6) cut = start;
  }
  if (cut >= chars.length) return t;
  return `${chars.slice(0, cut).join('').trim()}…`;
}
