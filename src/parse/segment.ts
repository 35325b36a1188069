// Located lines -> entries. An entry starts at a timestamp, a heading that names a paper, a line that opens with
// a paper link, a list item / table row that holds an arXiv link, or a link-only article item; it runs until the
// next entry start, a topic heading or a thematic break. Everything in between (blank-line separated paragraphs,
// blockquotes, images, nested lists) belongs to it.
import { linkArxivRef, type Line, type LineLink } from './lines.js';
import { isNavigationText, isTrivialLinkText } from './text.js';
import {
  findArxivRefs,
  matchField,
  matchGroupLabel,
  matchTimestamp,
  parseLooseDate,
  type Field,
  type Timestamp,
} from './patterns.js';

export type StartKind =
  'stamp' | 'heading' | 'paper-link' | 'digest' | 'sibling' | 'article' | 'row' | 'fields';

export interface RawEntry {
  kind: StartKind;
  lines: Line[];
  /** 1-based first and last line of the entry's source range. */
  start: number;
  end: number;
  topicPath: string[];
  /** Date of a date-only heading above the entry (daily digests). */
  sectionDate?: string;
  stamp?: Timestamp;
  headingDepth: number;
  /** The start line is a list item at this depth (0 when it is not a list item). */
  itemDepth: number;
  /** arXiv ids seen so far, to tell a continuation from a new paper. */
  ids: Set<string>;
  /** The last line added was a link-list label (`*技术报告：*`) or a bare link: more bare links continue it. */
  inLinkList: boolean;
}

export interface Segmented {
  entries: RawEntry[];
  /** Lines outside every entry that mention a link or an arXiv id, with the heading path there. */
  orphans: { line: Line; topicPath: string[] }[];
}

const idCache = new WeakMap<Line, string[]>();
const fieldCache = new WeakMap<Line, Field | null>();

/** arXiv ids a line refers to (links and text); computed once per line. */
export function lineArxivIds(line: Line): string[] {
  let ids = idCache.get(line);
  if (ids) return ids;
  ids = [];
  for (const link of line.links) {
    const ref = linkArxivRef(link);
    if (ref && !ref.invalid && !ids.includes(ref.id)) ids.push(ref.id);
  }
  for (const ref of findArxivRefs(line.text)) if (!ref.invalid && !ids.includes(ref.id)) ids.push(ref.id);
  idCache.set(line, ids);
  return ids;
}

/** The line's `label: value` field, if any; computed once per line. */
export function lineField(line: Line): Field | undefined {
  let field = fieldCache.get(line);
  if (field === undefined) {
    field = matchField(line.text.trim()) ?? null;
    fieldCache.set(line, field);
  }
  return field ?? undefined;
}

/** The paper id when the line opens with a paper link / URL / `arXiv:` id. */
function leadingPaperId(line: Line): string | undefined {
  const text = line.text.replace(/^\s+/, '');
  const lead = line.text.length - text.length;
  const first = line.links.find((l) => l.at <= lead + 3);
  if (first && first.at <= lead + 3) {
    const ref = linkArxivRef(first);
    if (ref && !ref.invalid) return ref.id;
  }
  const ref = findArxivRefs(text.slice(0, 80))[0];
  if (ref && !ref.invalid && ref.index === 0) return ref.id;
  return undefined;
}

/** The Markdown link a field's value opens with (`Paper: [Title](…)`). */
export function fieldLink(line: Line, field: Field): LineLink | undefined {
  const offset = line.text.length - line.text.trimStart().length + field.valueOffset;
  return line.links.find((l) => !l.bare && l.at >= offset && l.at <= offset + 3);
}

/** The paper of a `Paper: [Title](arxiv)` item: a link field whose value opens with a titled arXiv link. */
function labelledPaperId(line: Line, field: Field): string | undefined {
  if (field.kind !== 'link') return undefined;
  const first = fieldLink(line, field);
  if (!first || isTrivialLinkText(first.label, first.url)) return undefined;
  const ref = linkArxivRef(first);
  return ref && !ref.invalid ? ref.id : undefined;
}

/** A line holding nothing but links (`*https://arxiv.org/abs/2503.07365*`). */
function isBareLinkLine(line: Line): boolean {
  if (line.links.length === 0) return false;
  let text = line.text;
  for (const l of [...line.links].sort((a, b) => b.at - a.at)) {
    if (l.at < 0) continue;
    const len = l.bare ? l.url.replace(/^https:\/\//, '').length + 8 : l.label.length;
    text = text.slice(0, l.at) + text.slice(l.at + len);
  }
  return text.replace(/https?:\/\/\S*/g, '').replace(/[\s*_~>•·|｜:：,，、\-–—[\]]/g, '') === '';
}

/**
 * A list item with its own title before a linked arXiv URL (`- 中文标题 (作者) [跳转](http://arxiv.org/abs/…)`):
 * a digest item even right after an entry of another paper. Bare URLs (`* GoT arxiv:https://…`) are not.
 */
function isTitledLinkItem(line: Line): boolean {
  const link = line.links.find((l) => !l.bare && l.at >= 0 && linkArxivRef(l) !== undefined);
  if (!link || line.links.some((l) => l.bare)) return false;
  const before = line.text.slice(0, link.at).replace(/[\s*_~>•·|｜:：,，、\-–—[\]()（）]/g, '');
  return before.length >= 6 && !/arxiv|链接|地址|论文|paper|link/i.test(before.slice(-8));
}

/**
 * The bold-headline form of a WeChat item with no timestamp, `**标题文字**[https://mp.weixin.qq.com/s/x](same url)`:
 * a headline, then a Markdown link to an article whose text is its own URL, and nothing after it. It starts an
 * entry even right after another entry, as a timestamp would.
 */
function isHeadlineWithUrl(line: Line): boolean {
  if (!line.first || line.quoteDepth > 0 || line.links.length !== 1) return false;
  const link = line.links[0]!;
  if (link.bare || link.at < 0 || link.kind !== 'article') return false;
  const label = link.label.trim();
  if (label !== link.url && label !== `${link.url}/` && `${label}/` !== link.url) return false;
  if (line.text.slice(link.at + link.label.length).trim() !== '') return false;
  return line.text.slice(0, link.at).replace(/[\s*_~>#\-–—|｜:：]/g, '').length >= 8;
}

/** `(108篇)`, `（12）`, `(7 papers)` at the end of a heading: a count, not part of the topic's name. */
const HEADING_COUNT =
  /\s{0,4}[(（]\s{0,2}\d{1,6}\s{0,2}(?:篇|条|个|papers?|items?|entries)?\s{0,2}[)）]\s{0,4}$/i;
/**
 * `1.`, `2.1`, `1.1.3`, `一、` before a heading: the section's number, which changes from note to note. Chinese
 * writes `一、背景` with no space after the `、`.
 */
const HEADING_NUMBER =
  /^(?:(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?|[一二三四五六七八九十]{1,3}\.|[IVX]{1,5}\.)\s{1,4}|[一二三四五六七八九十]{1,3}、\s{0,4})(?=\S)/;
/** A full date anywhere in a heading (`学术日报 2025-02-01`, `2025-08-04科研追新`), or a heading that is only a day (`1.31日`, `30日`). */
const HEADING_DATE =
  /(?:^|[^\d])(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)|^(?:\d{1,2}[.月])?\d{1,2}[日号]$/;

/** Emoji and symbols that decorate a heading (`## 🧩 主题分布`, `### 🆕 新增论文`): not part of the name. */
const HEADING_ICON =
  /^(?:(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3)+\s*)+/u;

/**
 * A heading as a topic name: without its decorating icon, its count and section number. `''` for a heading that names a date (a
 * daily note's own title, a day's section): dates are when, not what, and each day would be a topic of its own.
 */
export function topicName(heading: string): string {
  const t = heading
    .replace(HEADING_ICON, '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(HEADING_COUNT, '')
    .replace(HEADING_NUMBER, '')
    .trim()
    // `RL / Reasoning` is one heading: spaced, its slash would read as the topic path's separator (`RL` > `Reasoning`).
    .replace(/\s*\/\s*/g, '/');
  if (HEADING_DATE.test(t)) return '';
  return t;
}

/**
 * A heading that names the note or a section of it, never one paper (`# Daily`, `## Today's papers`, `# 今日论文`):
 * the `arXiv: …` lines below it are items of their own, not that heading's fields.
 */
const GENERIC_HEADING =
  /^(?:(?:daily|today(?:'s)?|weekly|reading(?: list)?|papers?|preprints?|articles?|notes?|links?|references?|arxiv)(?:\s(?:papers?|reading|notes?|links?|list))?|(?:今日|今天|每日|本周|阅读|论文|文献|笔记|链接|清单|列表){1,3})$/i;

function titleColumn(columns: readonly string[] | undefined): number {
  if (!columns) return -1;
  return columns.findIndex((c) => /^(?:paper|papers|title|name|论文|标题|题目|名称|文章)$/i.test(c.trim()));
}

/**
 * A digest item whose text runs over several lines (`- 标题 (Reza Ghorbani`, a blank line, then `…) [跳转](…)`):
 * the item has no link of its own, and the first link below it, before the next item, heading or break, names a
 * paper the open entry does not have. The item is that paper's entry, not more text of the entry above.
 */
function itemLinksLater(lines: readonly Line[], index: number, have: ReadonlySet<string>): boolean {
  if (lineArxivIds(lines[index]!).length > 0 || lines[index]!.links.length > 0) return false;
  for (let i = index + 1; i < lines.length && i <= index + 12; i++) {
    const l = lines[i]!;
    if (l.item || l.kind === 'heading' || l.kind === 'break' || l.kind === 'row' || l.kind === 'code')
      return false;
    const ids = lineArxivIds(l);
    if (ids.length > 0) return ids.every((id) => !have.has(id));
    if (l.links.length > 0) return false;
  }
  return false;
}

export function segment(lines: readonly Line[], fileTitle: string | undefined, lastLine: number): Segmented {
  const entries: RawEntry[] = [];
  const orphans: { line: Line; topicPath: string[] }[] = [];
  const path: string[] = [];
  let sectionDate: string | undefined;
  let sectionDateDepth = 0;
  let cur: RawEntry | undefined;

  const fileTopic = fileTitle ? topicName(fileTitle) : '';
  const topicPath = (): string[] => {
    const p = path.filter((s) => s);
    return p.length > 0 ? p : fileTopic ? [fileTopic] : [];
  };
  const close = (before: number): void => {
    loose = [];
    if (cur) {
      cur.end = Math.max(cur.start, before - 1);
      entries.push(cur);
      cur = undefined;
    }
  };
  const open = (kind: StartKind, line: Line, extra: Partial<RawEntry> = {}): void => {
    close(line.line);
    lastHeading = undefined;
    cur = {
      kind,
      lines: [line],
      start: line.line,
      end: line.line,
      topicPath: topicPath(),
      ...(sectionDate ? { sectionDate } : {}),
      headingDepth: 0,
      itemDepth: line.item ? line.listDepth : 0,
      ids: new Set(lineArxivIds(line)),
      inLinkList: false,
      ...extra,
    };
  };
  // Lines since the last heading that belong to no entry: a `链接：arXiv` field among them makes the block it
  // follows an entry after all (`6. Title` then `标题：…` / `链接：…` paragraphs, with no timestamp).
  let loose: Line[] = [];
  /** The topic heading just above, while nothing but fields followed it. */
  let lastHeading: Line | undefined;
  const add = (line: Line): void => {
    if (!cur && line.kind !== 'heading') {
      const field = line.quoteDepth === 0 ? lineField(line) : undefined;
      if (field && (field.kind === 'link' || field.kind === 'title') && lineArxivIds(line).length > 0) {
        let at = loose.length - 1;
        while (
          at >= 0 &&
          !((loose[at]!.first || loose[at]!.item) && !lineField(loose[at]!) && loose[at]!.text.trim() !== '')
        )
          at--;
        if (at < 0 && lastHeading && loose.every((l) => lineField(l))) {
          // One heading per paper (Obsidian style): `## Title` then `arXiv: …` / `Authors: …` lines.
          path.length = lastHeading.depth - 1;
          const heading = lastHeading;
          const rest = loose;
          open('heading', heading, { headingDepth: heading.depth });
          for (const l of [...rest, line]) add(l);
          return;
        }
        const head = at >= 0 && loose.length - at <= 6 ? loose[at]! : line;
        const rest = at >= 0 && head !== line ? loose.slice(at + 1) : [];
        open('fields', head);
        for (const l of [...rest, line]) add(l);
        return;
      }
      loose.push(line);
      if (!lineField(line)) lastHeading = undefined;
    }
    if (cur && splitFieldsBlock(line)) return;
    if (cur) {
      cur.lines.push(line);
      for (const id of lineArxivIds(line)) cur.ids.add(id);
      cur.inLinkList =
        isBareLinkLine(line) || (line.links.length === 0 && matchGroupLabel(line.text) !== undefined);
    } else if (line.links.length > 0 || /arxiv/i.test(line.text))
      orphans.push({ line, topicPath: topicPath() });
  };

  /**
   * A `链接：arXiv` / `标题：` field naming a new paper inside an open entry that already has its own paper: the
   * title line just above it (`2. Understanding …`, then only fields and blank lines) starts an entry of its own,
   * as it would with no entry open.
   */
  const splitFieldsBlock = (line: Line): boolean => {
    const entry = cur!;
    if (entry.kind === 'row' || entry.ids.size === 0 || line.quoteDepth > 0) return false;
    const field = lineField(line);
    if (!field || (field.kind !== 'link' && field.kind !== 'title')) return false;
    const ids = lineArxivIds(line);
    if (ids.length === 0 || ids.some((id) => entry.ids.has(id))) return false;
    let at = entry.lines.length - 1;
    while (at > 0 && entry.lines.length - at <= 6) {
      const l = entry.lines[at]!;
      if (l.kind === 'code' || l.quoteDepth > 0) return false;
      if (l.text.trim() !== '' && !lineField(l)) break;
      at--;
    }
    const head = entry.lines[at]!;
    if (
      at <= 0 ||
      entry.lines.length - at > 6 ||
      !(head.first || head.item) ||
      head.links.length > 0 ||
      lineArxivIds(head).length > 0 ||
      head.text.trim().length < (head.item ? 2 : 8)
    )
      return false;
    const rest = entry.lines.splice(at);
    entry.ids = new Set(entry.lines.flatMap((l) => lineArxivIds(l)));
    open('fields', head);
    for (const l of [...rest.slice(1), line]) add(l);
    return true;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // A table ends a row entry.
    if (cur?.kind === 'row' && line.kind !== 'row') close(line.line);

    if (line.kind === 'heading' && line.quoteDepth === 0 && line.listDepth === 0) {
      const stamp = matchTimestamp(line.text);
      const paperLink = line.links.some((l) => l.kind === 'arxiv' || l.kind === 'paper');
      const arxivText = lineArxivIds(line).length > 0;
      if (stamp && stamp.rest.trim() === '' && !(stamp.strong && /\d[:：]\d/.test(line.text))) {
        // A date-only heading (`## 2025-06-01`): a topic, and the default date of the entries below it.
        close(line.line);
        path.length = line.depth - 1;
        path[line.depth - 1] = '';
        if (stamp.date) {
          sectionDate = stamp.date;
          sectionDateDepth = line.depth;
        }
        continue;
      }
      if (stamp || paperLink || arxivText) {
        if (sectionDate && line.depth <= sectionDateDepth) sectionDate = undefined;
        path.length = Math.min(path.length, line.depth - 1);
        open('heading', line, { headingDepth: line.depth, ...(stamp ? { stamp } : {}) });
        continue;
      }
      if (cur?.kind === 'heading' && line.depth > cur.headingDepth) {
        add(line);
        continue;
      }
      close(line.line);
      if (sectionDate && line.depth <= sectionDateDepth) sectionDate = undefined;
      path.length = line.depth - 1;
      const name = topicName(line.text);
      path[line.depth - 1] = name;
      if (name === '') {
        // `# 学术日报 2025-02-01`: the date of the entries below, not a topic.
        const date = parseLooseDate(line.text)?.date;
        if (date) {
          sectionDate = date;
          sectionDateDepth = line.depth;
        }
      }
      lastHeading = GENERIC_HEADING.test(name) ? undefined : line;
      continue;
    }
    if (line.kind === 'break' && line.quoteDepth === 0 && line.listDepth === 0) {
      close(line.line);
      continue;
    }
    if (line.kind === 'code') {
      if (cur) cur.lines.push(line);
      continue;
    }

    const stamp = matchTimestamp(line.kind === 'row' ? (line.cells?.[0] ?? line.text) : line.text);
    if (stamp && (stamp.strong || line.first || line.item)) {
      open(line.kind === 'row' ? 'row' : 'stamp', line, { stamp });
      continue;
    }

    if (line.kind === 'row') {
      if (line.header) {
        add(line);
        continue;
      }
      const ids = lineArxivIds(line);
      const col = titleColumn(line.columns);
      const titled = col >= 0 && (line.cells?.[col] ?? '').trim() !== '';
      if (
        (ids.length > 0 && !(cur && cur.kind !== 'row' && ids.every((id) => cur!.ids.has(id)))) ||
        (titled && (!cur || cur.kind === 'row'))
      ) {
        open('row', line);
        continue;
      }
      add(line);
      continue;
    }

    const starts = line.first || line.item;
    if (starts && line.quoteDepth === 0 && line.text.trim() !== '') {
      const field = lineField(line);
      // Same depth and the same kind of list: a `* name arxiv: …` bullet under a `4. 2024-…` item is not its sibling.
      const sibling =
        cur !== undefined &&
        line.item &&
        cur.itemDepth > 0 &&
        cur.itemDepth === line.listDepth &&
        cur.lines[0]!.ordered === line.ordered;
      // A line that opens with a paper link; or, in a list, with a `论文：` / `Paper:` label before a titled one
      // (`- 论文：[Direct Preference Optimization](arxiv)`, item after item of a reading list).
      const lead = field ? (sibling ? labelledPaperId(line, field) : undefined) : leadingPaperId(line);
      const continuesList = cur !== undefined && cur.inLinkList && isBareLinkLine(line);
      if (
        lead !== undefined &&
        !continuesList &&
        (!cur || (cur.ids.size > 0 && !cur.ids.has(lead)) || sibling)
      ) {
        open(line.item ? 'digest' : 'paper-link', line);
        continue;
      }
      if (
        sibling &&
        !field &&
        line.listDepth === 1 &&
        cur!.kind === 'digest' &&
        cur!.ids.size > 0 &&
        itemLinksLater(lines, index, cur!.ids)
      ) {
        open('digest', line);
        continue;
      }
      if ((!field || field.kind === 'title') && line.item) {
        const ids = lineArxivIds(line);
        // Daily digests and awesome lists: a list item holding an arXiv link.
        if (
          ids.length > 0 &&
          (!cur ||
            (sibling && ids.some((id) => !cur!.ids.has(id))) ||
            (line.listDepth === 1 &&
              (cur.ids.size > 0 || cur.itemDepth === line.listDepth) &&
              ids.every((id) => !cur!.ids.has(id)) &&
              isTitledLinkItem(line)))
        ) {
          open('digest', line);
          continue;
        }
      }
      // Links within the page or to other notes (a table of contents, `[[wikilinks]]` as markdown) are no works.
      const links = line.links.filter((l) => /^[a-z][a-z0-9+.-]*:/i.test(l.url) && !l.url.startsWith('#'));
      const linkOnly =
        links.length === 1 &&
        line.links.length === 1 &&
        !links[0]!.bare &&
        line.text.replace(links[0]!.label, '').replace(/[\s*_>#\-–—|｜]/g, '') === '';
      // `- [Discord](…)`, `- [Home Page](…)`: a site's own pages, not works.
      const navigation = links.length === 1 && line.links.length === 1 && isNavigationText(links[0]!.label);
      const article = links.some((l) => l.kind === 'article' || l.kind === 'paper');
      // A reading list's item that opens with its link (`- [Title](https://…) (Lilian Weng's blog)`).
      const opensWithLink =
        (sibling || !cur) &&
        line.item &&
        links.length > 0 &&
        !links[0]!.bare &&
        links[0]!.at >= 0 &&
        links[0]!.at <= 3;
      if (
        !field &&
        !navigation &&
        (!cur || sibling || isHeadlineWithUrl(line)) &&
        (linkOnly || article || opensWithLink)
      ) {
        open('article', line);
        continue;
      }
      // An ordered list item next to entries of the same list (`6. Using Reinforcement Learning…`).
      if (!field && sibling && line.ordered && cur!.kind !== 'article' && line.text.trim().length >= 8) {
        open('sibling', line);
        continue;
      }
    }
    add(line);
  }
  close(lastLine + 1);
  return { entries, orphans };
}
