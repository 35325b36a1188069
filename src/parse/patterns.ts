// Recognisers for the small textual formats inside notes: timestamps, dates, arXiv ids, URLs, field labels.
// Every regular expression here is linear: anchored or built from bounded quantifiers and negated classes that
// exclude their own delimiters, so no input can make them backtrack catastrophically.

/** `YYYY-MM-DD` when the parts make a real calendar date, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Timestamp {
  /** `YYYY-MM-DD`, or undefined when the stamp is not a real date (then `invalid` holds the text). */
  date?: string;
  invalid?: string;
  /** Text after the timestamp and its separator. */
  rest: string;
  /** Offset of `rest` in the input string. */
  restOffset: number;
  /** True when the stamp carried a time of day or a `｜` separator (a note timestamp, not just a date). */
  strong: boolean;
}

const WEEKDAY = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|周[一二三四五六日天]|星期[一二三四五六日天]`;
// `2025-07-18 20:24:54 Friday ｜ rest`, `2025-06-01 - Title`, `2025/6/1｜`, `2025-06-01`
const STAMP_DASHED = new RegExp(
  String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T\u3000]{1,4}(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\s{0,4}(?:UTC|GMT|[+-]\d{2}:?\d{2}))?)?(?:\s{0,4}(?:${WEEKDAY}))?`,
);
// `20250604｜rest`
const STAMP_COMPACT = /^(\d{4})(\d{2})(\d{2})(?=\s{0,4}[｜|])/;
const SEPARATOR = /^\s{0,8}(?:[｜|]|[-–—]{1,2}(?=\s)|[:：])\s{0,8}/;

/** Characters allowed before a timestamp: emoji, symbols, spaces, list residue (`6. `). */
function skipDecoration(text: string): number {
  let i = 0;
  let budget = 24;
  // A lazily continued list marker (`6. 2025-…` inside a paragraph).
  const marker = /^\s{0,3}\d{1,3}[.)]\s{1,4}/.exec(text);
  if (marker) i = marker[0].length;
  while (i < text.length && budget > 0) {
    const code = text.codePointAt(i)!;
    // ASCII: letters and digits are the only \p{L}/\p{N} (most lines start with one: no regex needed).
    if (code < 128) {
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) break;
      i++;
      budget--;
      continue;
    }
    const ch = String.fromCodePoint(code);
    if (/[\p{L}\p{N}]/u.test(ch)) break;
    i += ch.length;
    budget--;
  }
  return i;
}

/** A note timestamp at the start of a line (after emoji and decoration), or undefined. */
export function matchTimestamp(text: string): Timestamp | undefined {
  const start = skipDecoration(text);
  if (start >= text.length) return undefined;
  const c = text.charCodeAt(start);
  if (c < 48 || c > 57) return undefined;
  const tail = text.slice(start);
  let m = STAMP_DASHED.exec(tail);
  let hasTime = false;
  let compact = false;
  if (m) hasTime = m[4] !== undefined;
  else {
    m = STAMP_COMPACT.exec(tail);
    compact = m !== null;
  }
  if (!m) return undefined;
  let offset = m[0].length;
  const after = tail.slice(offset);
  // A digit or letter glued to the date means it is something else (a version, an id).
  if (!hasTime && /^[\p{L}\p{N}.]/u.test(after)) return undefined;
  const sep = SEPARATOR.exec(after);
  let strong = hasTime || compact;
  if (sep) {
    offset += sep[0].length;
    if (/[｜|]/.test(sep[0])) strong = true;
  } else if (!hasTime && after.trim() !== '') {
    // `2025-06-01 was a good day`: a date inside prose, not a stamp.
    return undefined;
  } else {
    const ws = /^\s*/.exec(after)![0].length;
    offset += ws;
  }
  const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return {
    ...(date ? { date } : { invalid: m[0].trim() }),
    rest: tail.slice(offset),
    restOffset: start + offset,
    strong,
  };
}

/** First date in a free-form value: `2025-07-02 04：40：29 UTC`, `2025 年 6 月 25 日 14:58:13（UTC）`. */
export function parseLooseDate(text: string): { date?: string; invalid?: string } | undefined {
  const m = /(\d{4})\s{0,2}[-/.年]\s{0,2}(\d{1,2})\s{0,2}[-/.月]\s{0,2}(\d{1,2})/.exec(text);
  if (!m) {
    const compact = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(text);
    if (!compact) return undefined;
    const date = isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return date ? { date } : { invalid: compact[0] };
  }
  const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return date ? { date } : { invalid: m[0] };
}

// ---------------------------------------------------------------------------------------------
// arXiv identifiers
// ---------------------------------------------------------------------------------------------

const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z][a-z-]{0,15}(?:\.[A-Za-z]{2})?\/\d{7}`;
/** arXiv references in text or URLs: abs/pdf/html/format pages, papers.cool, Hugging Face papers, `arXiv:ID`. */
const ARXIV_REF = new RegExp(
  String.raw`(?:arxiv\.org\/(?:(?:abs|pdf|html|format)\/{1,2}|ftp\/arxiv\/papers\/\d{4}\/)|papers\.cool\/arxiv\/|alphaxiv\.org\/abs\/|huggingface\.co\/papers\/|\barxiv[ \t]{0,3}[:：][ \t]{0,3})(${NEW_ID}|${OLD_ID})(v\d{1,3})?`,
  'gi',
);

export interface ArxivRef {
  /** Bare id without version. */
  id: string;
  /** Offset of the match in the scanned text. */
  index: number;
  length: number;
  /** Set when the id is malformed (bad month, wrong digit count). */
  invalid?: string;
}

/** Validate an arXiv id's shape beyond the regex: month 01-12, 4 digits before 2015, 5 from 2015. */
export function checkArxivId(id: string): string | undefined {
  const m = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
  if (!m) return /^[a-z][a-z-]*(?:\.[A-Za-z]{2})?\/\d{7}$/.test(id) ? undefined : `not an arXiv identifier`;
  const yy = Number(m[1]);
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return `month ${m[2]} is out of range`;
  if (yy < 7) return `year 20${m[1]} predates new-style arXiv ids`;
  const digits = m[3]!.length;
  if (yy < 15 && digits !== 4) return `ids before 2015 have 4 digits after the dot`;
  if (yy >= 15 && digits !== 5) return `ids since 2015 have 5 digits after the dot`;
  return undefined;
}

export function findArxivRefs(text: string): ArxivRef[] {
  const out: ArxivRef[] = [];
  if (!/arxiv|papers\.cool|huggingface/i.test(text)) return out;
  ARXIV_REF.lastIndex = 0;
  for (let m = ARXIV_REF.exec(text); m; m = ARXIV_REF.exec(text)) {
    const raw = m[1]!;
    const id = /^\d/.test(raw)
      ? raw
      : raw
          .toLowerCase()
          .replace(/^([a-z-]+)\.([a-z]{2})\//, (_s, a: string, b: string) => `${a}.${b.toUpperCase()}/`);
    const invalid = checkArxivId(id);
    out.push({ id, index: m.index, length: m[0].length, ...(invalid ? { invalid } : {}) });
  }
  return out;
}

/** The arXiv id a URL points to, if any. */
export function arxivFromUrl(url: string): ArxivRef | undefined {
  if (!/arxiv|papers\.cool|huggingface/i.test(url)) return undefined;
  return findArxivRefs(url)[0];
}

// ---------------------------------------------------------------------------------------------
// URLs in plain text
// ---------------------------------------------------------------------------------------------

const URL_IN_TEXT =
  /(?:https?:\/\/|(?<![\w./-])(?:arxiv\.org|www\.)[\w-]{0,63}(?=[./]))[^\s<>"`()[\]{}|\u3000-\u303f\uff00-\uffef]+/gi;

/** Cut what Markdown/GFM glued to a URL: CJK text, full-width punctuation, trailing dots and emphasis. */
export function cleanUrl(url: string): string {
  let end = 0;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c <= 32 || c > 126) break;
    end++;
  }
  let out = url.slice(0, end);
  while (out.length > 0 && `.,;:!?*_~'"`.includes(out[out.length - 1]!)) out = out.slice(0, -1);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(out)) out = `https://${out}`;
  return out;
}

export interface UrlHit {
  /** The address, cleaned (`cleanUrl`). */
  url: string;
  /** Where its match starts in the text. */
  index: number;
}

export function findUrls(text: string): UrlHit[] {
  const out: UrlHit[] = [];
  if (!/https?:|arxiv\.org|www\./i.test(text)) return out;
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(text); m; m = URL_IN_TEXT.exec(text)) {
    const url = cleanUrl(m[0]);
    if (url.length > 10) out.push({ url, index: m.index });
  }
  return out;
}

export type LinkKind = 'arxiv' | 'paper' | 'article' | 'code' | 'data' | 'author-search' | 'other';

const kindCache = new Map<string, LinkKind>();

/** What a URL points at (memoised: the same links recur across entries and files). */
export function linkKind(url: string): LinkKind {
  let kind = kindCache.get(url);
  if (kind === undefined) {
    if (kindCache.size > 50_000) kindCache.clear();
    kind = computeLinkKind(url);
    kindCache.set(url, kind);
  }
  return kind;
}

function computeLinkKind(url: string): LinkKind {
  const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  if (/arxiv\.org$/.test(host) && /\/(?:search|a)\//.test(url)) return 'author-search';
  if (arxivFromUrl(url)) return 'arxiv';
  if (
    /(^|\.)(openreview\.net|aclanthology\.org|semanticscholar\.org|doi\.org|dl\.acm\.org|ieeexplore\.ieee\.org|proceedings\.(?:neurips|mlr)\.\w+|papers\.nips\.cc)$/.test(
      host,
    )
  )
    return 'paper';
  if (
    /(^|\.)(mp\.weixin\.qq\.com|zhuanlan\.zhihu\.com|zhihu\.com|medium\.com|substack\.com|jiqizhixin\.com|qbitai\.com|xiaohongshu\.com|toutiao\.com|36kr\.com)$/.test(
      host,
    )
  )
    return 'article';
  if (/(^|\.)(github\.com|gitlab\.com|github\.io)$/.test(host))
    return host.endsWith('github.io') ? 'other' : 'code';
  if (/(^|\.)(huggingface\.co|hf\.co|kaggle\.com|modelscope\.cn)$/.test(host)) return 'data';
  return 'other';
}

/** A readable default label for a link without one. */
export function hostLabel(url: string): string {
  const kind = linkKind(url);
  if (kind === 'arxiv') {
    if (/papers\.cool/i.test(url)) return 'papers.cool';
    if (/\/pdf\//i.test(url)) return 'arXiv PDF';
    if (/\/html\//i.test(url)) return 'arXiv HTML';
    return 'arXiv';
  }
  const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? url;
  if (host.endsWith('mp.weixin.qq.com')) return 'WeChat';
  if (host.endsWith('github.com')) return 'GitHub';
  if (host.endsWith('huggingface.co')) return 'Hugging Face';
  if (host.endsWith('zhihu.com')) return 'Zhihu';
  return host.replace(/^www\./, '');
}

/** The Latin author name carried by an arXiv author-search link (`query=Khalifa,+M` -> `Khalifa, M`). */
export function authorFromSearchUrl(url: string): string | undefined {
  if (linkKind(url) !== 'author-search') return undefined;
  const m = /[?&]query=([^&#]*)/.exec(url);
  if (!m) return undefined;
  let value = m[1]!.replace(/\+/g, ' ');
  try {
    value = decodeURIComponent(value);
  } catch {
    // keep the raw value
  }
  value = value
    .replace(/\s{2,}/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim();
  return value || undefined;
}

// ---------------------------------------------------------------------------------------------
// Field labels: `**标题** ：`, `链接：`, `Authors:`, `发布时间：` …
// ---------------------------------------------------------------------------------------------

export type FieldKind =
  | 'title'
  | 'link'
  | 'code'
  | 'authors'
  | 'abstract'
  | 'note'
  | 'subjects'
  | 'published'
  | 'tags'
  | 'venue'
  | 'org';

const FIELD_LABELS: ReadonlyArray<readonly [RegExp, FieldKind]> = [
  [/^(?:论文标题|论文名称|论文题目|标题|题目|英文标题|原标题|title|paper title)$/i, 'title'],
  [/^(?:论文地址|论文链接|链接|原文链接|原文|论文|arxiv|arxiv 链接|link|links|paper|pdf|url)$/i, 'link'],
  [
    /^(?:代码链接|代码地址|代码|开源地址|项目地址|项目主页|项目链接|主页|博客地址|博客|github 仓库|github|code|project|project page|homepage|blog|website|数据集|模型|demo)$/i,
    'code',
  ],
  [/^(?:作者|作者们|authors?|by)$/i, 'authors'],
  [/^(?:摘要|abstract|tl;?dr)$/i, 'abstract'],
  [/^(?:备注|comments?|评论|注)$/i, 'note'],
  [/^(?:科目|主题|学科分类|学科|分类|subjects?|categories)$/i, 'subjects'],
  [/^(?:发布时间|发布|发表时间|发表|提交时间|published|submitted|publication date)$/i, 'published'],
  [/^(?:tags?|标签|关键词|keywords)$/i, 'tags'],
  [/^(?:会议|期刊|发表于|收录于|venue|conference|journal)$/i, 'venue'],
  [/^(?:机构|单位|作者单位|affiliations?|institutions?|organi[sz]ations?)$/i, 'org'],
];

export interface Field {
  kind: FieldKind;
  label: string;
  /** The value text (after the colon). */
  value: string;
  /** Offset of the value in the line text. */
  valueOffset: number;
}

/** A `label: value` line with a known label (bold or not, full- or half-width colon). */
export function matchField(text: string): Field | undefined {
  // The colon can be no later than 6 + 6 + 19 letters (at most 2 code units each) + 4 = 54 code units in.
  let colon = false;
  for (let i = 0; i < text.length && i < 60; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 0xff1a) {
      colon = true;
      break;
    }
  }
  if (!colon) return undefined;
  const m = /^[\s*_]{0,6}(?:\d{1,2}[.)]\s{0,3})?([\p{L}][\p{L} ;]{0,18}?)[\s*_]{0,4}[:：][\s*_]{0,4}/u.exec(
    text,
  );
  if (!m) return undefined;
  const label = m[1]!.trim().replace(/\s+/g, ' ');
  for (const [re, kind] of FIELD_LABELS) {
    if (re.test(label))
      return { kind, label, value: text.slice(m[0].length).trim(), valueOffset: m[0].length };
  }
  return undefined;
}

/** `*技术报告：*`, `模型权重:`: a short label ending in a colon with nothing after it, naming the links below. */
export function matchGroupLabel(text: string): string | undefined {
  const t = text.trim();
  if (t.length > 24) return undefined;
  const m = /^([^:：]{1,20})[:：]$/.exec(t);
  return m ? m[1]!.trim() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Scripts
// ---------------------------------------------------------------------------------------------

function isCjkCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

export function cjkCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isCjkCode(text.charCodeAt(i))) n++;
  return n;
}

export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCjkCode(text.charCodeAt(i))) return true;
  return false;
}

/** Mostly Latin script: an English title. */
export function isLatin(text: string): boolean {
  let letters = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) letters++;
    else if (isCjkCode(c)) {
      letters++;
      cjk++;
    } else if (c > 0x24f && c < 0x3400 && /\p{L}/u.test(text[i]!)) letters++;
  }
  if (letters === 0) return false;
  return cjk <= letters * 0.1;
}

/**
 * What may follow a name that an entry says it introduces: the end of the phrase, English going on, or a word for
 * a work (`CoVo 框架`). More Chinese means the name only qualifies what was introduced (`引入了 CLIP 分数机制`,
 * `介绍了 LAM 的基本概念`).
 */
export const INTRODUCED_NAME_ENDS =
  /^(?:\s*(?:[，,。.;；:：)）(（、—–-]|$)|\s*(?:算法|框架|方法|模型|系列|系统|架构|范式|配方|基准|数据集|智能体|技术|工具|平台)|\s+[A-Za-z(（"“])/;

/** `also known as`, `也称为`, `又称`: what follows is another name of what the sentence is about. */
export const ALSO_KNOWN_AS = /(?:also|aka|又|也|亦|通常|常)\s*(?:known as|called|named|称为|称|叫做|被称为)/i;
