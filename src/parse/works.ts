// Other people's reading lists: a bold name leading an item (`1) **LeanDojo** - an open-source …`,
// `**InstructGPT**: Training language models …`) and works that are not papers (blog posts, books, repositories,
// tweets, news, videos), told by a badge (`![][Blog]`), a marker (`(book)`), the section or the link's host.
import type { WorkKind } from '../types.js';
import { linksAsText } from './text.js';

export interface BoldLead {
  /** The work's title: the bold name before a dash, or the text after `**Name**:`. */
  title: string;
  /** The bold name when it is a short name for the title after a colon. */
  label?: string;
  /** What follows a dash: a summary, not part of the title. */
  rest?: string;
}

const BADGES = String.raw`(?:!\[[^\]\n]{0,20}\](?:\[[^\]\n]{0,20}\]|\([^()\s]{0,300}\))\s{0,2})*`;
const LEAD = new RegExp(
  String.raw`^\s{0,3}(?:[-*+]\s{1,4}|\d{1,3}[.)]\s{1,4})?(?:\d{1,3}[.)]\s{1,4})?${BADGES}\*\*([^*\n]{2,80}?)\*\*\s{0,2}(?:([-–—])\s{1,4}|([:：])\s{0,4})(.*)$`,
);

/**
 * `1) **LeanDojo** - an open-source Lean playground` -> title `LeanDojo`, the rest a summary;
 * `2. **CAI**: Constitutional AI: Harmlessness from AI Feedback. https://…` -> title after the colon, label `CAI`.
 * `raw` is the item's markdown (a table cell, or a list line).
 */
export function boldLead(raw: string): BoldLead | undefined {
  const m = LEAD.exec(raw);
  if (!m) return undefined;
  const name = m[1]!.trim();
  const rest = m[4]!.trim();
  if (m[2]) return { title: name, ...(rest ? { rest } : {}) };
  // a link's text is the title's, unless it only says where it goes (`[arXiv](…)`, `[pdf](…)`)
  const after = linksAsText(rest)
    // an address ends at a bracket, and brackets it leaves empty go: `Title (arxiv.org/abs/…)` is `Title`
    .replace(/(?:https?:\/\/|arxiv\.org\/)[^\s()（）]*/gi, ' ')
    .replace(/[(（]\s*[)）]/g, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。]$/, '')
    .trim();
  if (after.length < 8 || name.length > 40 || !/\p{L}/u.test(after)) return undefined;
  return { title: after, label: name };
}

/** A table row's cells as markdown. */
export function rawCells(raw: string): string[] {
  const t = raw.trim().replace(/^\|/, '').replace(/\|$/, '');
  return t.split(/(?<!\\)\|/);
}

const KIND_WORDS: ReadonlyArray<readonly [RegExp, WorkKind | 'paper']> = [
  [/^(?:papers?|论文|preprints?|articles? \(paper\))$/i, 'paper'],
  [/^(?:blogs?|blog posts?|posts?|articles?|博客|文章)$/i, 'blog'],
  [/^(?:books?|textbooks?|书|书籍|电子书)$/i, 'book'],
  [/^(?:videos?|video series|talks?|lectures?|courses?|youtube|视频|课程|讲座)$/i, 'video'],
  [
    /^(?:code|repos?|repository|repositories|github|tools?|librar(?:y|ies)|frameworks?|代码|工具|项目)$/i,
    'repo',
  ],
  [/^(?:tweets?|threads?|twitter|x)$/i, 'tweet'],
  [/^(?:news|press|announcements?|新闻|资讯)$/i, 'news'],
];

function kindOfWord(word: string): WorkKind | 'paper' | undefined {
  const w = word
    .trim()
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '')
    .trim();
  for (const [re, kind] of KIND_WORDS) if (re.test(w)) return kind;
  return undefined;
}

function kindOfHost(url: string): WorkKind | undefined {
  const m = /^[a-z]+:\/\/([^/?#]+)(\/[^?#]*)?/i.exec(url);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase();
  const path = m[2] ?? '';
  if (/(^|\.)(github\.com|gitlab\.com|bitbucket\.org)$/.test(host) && /^\/[^/]+\/[^/]+/.test(path))
    return 'repo';
  if (/(^|\.)(twitter\.com|x\.com|threads\.net|bsky\.app|mastodon\.social)$/.test(host)) return 'tweet';
  if (/(^|\.)(youtube\.com|youtu\.be|vimeo\.com|bilibili\.com)$/.test(host)) return 'video';
  if (
    /(^|\.)(medium\.com|substack\.com|lilianweng\.github\.io|distill\.pub|jalammar\.github\.io|huggingface\.co)$/.test(
      host,
    ) &&
    !/\/papers\//.test(path)
  )
    return host.endsWith('huggingface.co') ? (/^\/blog\//.test(path) ? 'blog' : undefined) : 'blog';
  if (/\.github\.io$/.test(host) && /\/(?:posts?|blog)\//.test(path)) return 'blog';
  if (
    /(^|\.)(techcrunch\.com|theverge\.com|reuters\.com|nytimes\.com|wired\.com|venturebeat\.com)$/.test(host)
  )
    return 'news';
  if (/(^|\.)(oreilly\.com|manning\.com|amazon\.com)$/.test(host)) return 'book';
  if (/(^|\.)springer\.com$/.test(host) && /^\/book\//.test(path)) return 'book';
  return undefined;
}

/**
 * What a reading-list item without a paper id is: a badge (`![][Blog]`) wins, then a marker in its text
 * (`(book)`, `(video series)`, `(news)`), then the section it sits in (`## Blogs`), then the link's host.
 * Undefined when nothing says (it then stays a paper, as a WeChat article about a paper does).
 */
export function workKindOf(
  raw: string,
  url: string | undefined,
  section: string | undefined,
): WorkKind | undefined {
  // `![][Blog]` names its image; a collapsed `![Blog][]` and an inline `![Blog](…)` name it by their text.
  const badge = /!\[([^\]\n]{0,20})\]\[([^\]\n]{0,20})\]|!\[([^\]\n]{1,20})\]\(/.exec(raw);
  if (badge) {
    const kind = kindOfWord(badge[2] || (badge[3] ?? badge[1] ?? ''));
    if (kind) return kind === 'paper' ? undefined : kind;
  }
  for (const m of raw.matchAll(/[(（]\s{0,2}(?:an? )?([A-Za-z\u3400-\u9fff ]{1,20}?)\s{0,2}[)）]/g)) {
    const kind = kindOfWord(m[1]!);
    if (kind) return kind === 'paper' ? undefined : kind;
  }
  if (section) {
    const kind = kindOfWord(section);
    if (kind) return kind === 'paper' ? undefined : kind;
  }
  return url ? kindOfHost(url) : undefined;
}

const ITEM_KINDS: ReadonlyMap<string, WorkKind> = new Map<string, WorkKind>([
  ...['webpage', 'blogpost', 'post-weblog', 'post', 'forumpost'].map((k) => [k, 'blog'] as const),
  ...['book'].map((k) => [k, 'book'] as const),
  ...['videorecording', 'motion_picture', 'broadcast', 'podcast', 'presentation', 'speech'].map(
    (k) => [k, 'video'] as const,
  ),
  ...['computerprogram', 'software'].map((k) => [k, 'repo'] as const),
  ...['newspaperarticle', 'article-newspaper', 'magazinearticle', 'article-magazine'].map(
    (k) => [k, 'news'] as const,
  ),
]);

/** A Zotero / CSL / BibTeX item type that is not a paper (`webpage`, `book`, `videoRecording` …). */
export function workKindOfItemType(itemType: string | undefined): WorkKind | undefined {
  return itemType ? ITEM_KINDS.get(itemType.toLowerCase()) : undefined;
}
