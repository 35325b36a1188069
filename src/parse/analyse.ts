// One raw entry -> one (or, for an article naming several papers, several) file entries: title, ids, authors,
// dates, links, summary and located text.
import type { Diagnostic, Link, TextSpan } from '../types.js';
import { linkArxivRef, type Line } from './lines.js';
import {
  authorFromSearchUrl,
  findArxivRefs,
  hostLabel,
  isLatin,
  matchField,
  matchGroupLabel,
  parseLooseDate,
} from './patterns.js';
import { fieldLink, lineArxivIds, lineField, type RawEntry } from './segment.js';
import {
  cleanTitle,
  isNotATitle,
  isTrivialLinkText,
  linksAsText,
  looksLikeAuthors,
  looksLikeTitle,
  makeLabel,
  splitAuthors,
  shareTitle,
  splitTranslatedTitle,
  tidyTitle,
  trimChars,
  withoutListingNoise,
} from './text.js';
import type { Cite, FileEntry } from './types.js';
import { boldLead, rawCells, workKindOf } from './works.js';

/** A list item's marker, with the indent before it. */
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]/;
import { idsFromUrl, mergeIds } from './identifiers.js';
import type { WorkIds } from '../types.js';

interface TitleCand {
  text: string;
  /** From a paper-ish place (title line, 标题 field, paper link text) rather than a news headline. */
  paperish: boolean;
}

type RefKind = 'primary' | 'bare' | 'named' | 'prose';

interface Ref {
  id: string;
  line: number;
  kind: RefKind;
  name?: string;
  /** The link text, when it names the paper. */
  title?: string;
}

export interface FileContext {
  file: string;
  raw: readonly string[];
  defaultDate?: string;
  tags: readonly string[];
  diagnostics: Diagnostic[];
}

/** Plain text with every link's text and bare URL removed. */
function withoutLinks(line: Line): string {
  const text = line.text;
  if (line.links.length === 0 && !/arxiv/i.test(text)) return text;
  const drop = new Uint8Array(text.length);
  const mark = (at: number, len: number) => {
    for (let i = Math.max(0, at); i < Math.min(text.length, at + len); i++) drop[i] = 1;
  };
  for (const l of line.links) {
    if (l.at < 0) continue;
    mark(l.at, l.bare ? Math.max(l.label.length, urlLengthAt(text, l.at)) : l.label.length);
  }
  // `arXiv:2506.16024` written as text
  for (const ref of findArxivRefs(text)) mark(ref.index, ref.length);
  // A link alone in brackets goes with them: `Title (arxiv.org/abs/…)` leaves `Title`, not `Title (`.
  for (let i = 0; i < text.length; i++) {
    if (!drop[i] || (i > 0 && drop[i - 1])) continue;
    let end = i;
    while (end < text.length && drop[end]) end++;
    let open = i - 1;
    while (open >= 0 && text[open] === ' ') open--;
    let close = end;
    while (close < text.length && text[close] === ' ') close++;
    if (/[(（]/.test(text[open] ?? '') && /[)）]/.test(text[close] ?? '')) mark(open, close - open + 1);
  }
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && !drop[j]) j++;
    out += text.slice(i, j);
    if (j < text.length) {
      out += ' ';
      while (j < text.length && drop[j]) j++;
    }
    i = j;
  }
  return out;
}

/** A table cell's title without the links that only say where they go: `**Title** [arXiv](…)` is `Title`. */
function cellTitle(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // `| [arXiv](…) |`: a cell of links that only say where they go gives no title (the id does)
  return linksAsText(raw).replace(/https?:\/\/\S+/g, ' ');
}

/** The plain text of a line before and after one of its links (other links' text and addresses removed). */
function aroundLink(line: Line, l: Line['links'][number]): { before: string; after: string } {
  const end = l.at + l.label.length;
  const before = withoutLinks({
    ...line,
    text: line.text.slice(0, l.at),
    links: line.links.filter((k) => k.at >= 0 && k.at + k.label.length <= l.at),
  }).trim();
  const after = withoutLinks({
    ...line,
    text: line.text.slice(end),
    links: line.links.filter((k) => k.at >= end).map((k) => ({ ...k, at: k.at - end })),
  }).trim();
  return { before, after };
}

/** Words that leave a sentence open before a link: `We build on [Reflexion: …](…).`, `基于 [ReAct](…)`. */
const OPEN_BEFORE =
  /(?:^|[\s(（])(?:on|of|in|at|by|for|from|with|to|see|and|or|the|a|an|via|than|like|as|into|over|about|upon|uses?|using|extends?|follows?|cf\.?)$|(?:基于|参见|参考|详见|见|来自|采用|使用|沿用|借鉴|和|与|及|对|在|把|将|用|从|比如|例如|读了|看了)$/i;

/**
 * A titled link standing in a sentence (`We build on [Reflexion: …](…).`, `See [ReAct: …](…) for details.`): the
 * text around it is the sentence, not another title of the work. Not `标题：[Title](…)` or `[Title](…)（作者）`.
 */
function linkInSentence(line: Line): boolean {
  return line.links.some((l) => {
    if (l.at < 0 || l.bare || isTrivialLinkText(l.label, l.url)) return false;
    const { before, after } = aroundLink(line, l);
    if (OPEN_BEFORE.test(before)) return true;
    return /\p{L}/u.test(before) && !/[:：\-–—|｜]$/.test(before) && /^\p{L}/u.test(after);
  });
}

function urlLengthAt(text: string, at: number): number {
  let i = at;
  // A `)` the address did not open closes the bracket around it (`(https://…)`).
  let depth = 0;
  for (; i < text.length && text.charCodeAt(i) > 32 && text.charCodeAt(i) <= 126; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth-- === 0) break;
  }
  return i - at;
}

/** A venue written in a byline after a paper link (`- Schulman et al., NeurIPS 2017`), with its track. */
const BYLINE_VENUE =
  /^(?:NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|EACL|COLING|CVPR|ICCV|ECCV|WACV|AAAI|IJCAI|KDD|SIGIR|WSDM|CIKM|TACL|JMLR|TMLR|TPAMI|CoRL|ICRA|IROS|UAI|AISTATS|COLT|CoRR|OpenReview|Nature|Science|PNAS)(?: (?:Oral|Spotlight|Poster|Workshop|Findings|Main|Outstanding Paper|Best Paper))*$/;

function addLink(links: Link[], label: string, rawUrl: string): void {
  // An address written without its scheme (`arxiv.org/abs/…`, `www.…`, `[code](github.com/org/repo)`) is a web
  // address: kept as one the page can open (the panel links only http(s) and mailto addresses).
  const url =
    /^(?:arxiv\.org|www\.)/i.test(rawUrl) || /^[\w.-]+\.[a-z]{2,}\//i.test(rawUrl)
      ? `https://${rawUrl}`
      : rawUrl;
  if (!/^(?:https?:|mailto:)/i.test(url)) return;
  const existing = links.find((l) => l.url === url);
  if (existing) {
    if (isTrivialLinkText(existing.label, url) && !isTrivialLinkText(label, url)) existing.label = label;
    return;
  }
  links.push({ label: label && !isTrivialLinkText(label, url) ? label : hostLabel(url), url });
}

/**
 * A digest's single translated author: `(埃德纳尔多·L·B·小爵士)`, `(林正明（音译）)`, `(金钟国（Jongwook Kim）)`. Not a
 * title's own aside (`（扩展版）`, `（综述）`).
 */
function isOnePersonName(text: string): boolean {
  const m = /^([\u3400-\u9fff·•．.A-Z ]{2,20})(?:[（(]([^()（）]{1,40})[)）])?$/u.exec(text.trim());
  if (!m) return false;
  const core = m[1]!.replace(/[·•．. ]/g, '');
  if (core.length < 2 || /[版篇章译稿综述集卷部册期]$/.test(core)) return false;
  return m[2] === undefined || m[2] === '音译' || /^[A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+){0,3}$/.test(m[2]);
}

function authorsFrom(line: Line, valueText: string): string[] {
  const fromLinks: string[] = [];
  for (const l of line.links) {
    const name = l.kind === 'author-search' ? authorFromSearchUrl(l.url) : undefined;
    if (name !== undefined) fromLinks.push(name);
  }
  if (fromLinks.length > 0) return fromLinks;
  return splitAuthors(valueText);
}

/** Parse one raw entry. Returns the entries it yields (several when an article names several papers). */
export function analyse(entry: RawEntry, ctx: FileContext): FileEntry[] {
  const { file } = ctx;
  const titles: TitleCand[] = [];
  let authors: string[] = [];
  const links: Link[] = [];
  const refs: Ref[] = [];
  const consumed = new Set<number>();
  const labelStrip = new Map<number, string>();
  const text: TextSpan[] = [];
  let published: string | undefined;
  let group: string | undefined;
  let titleLineTaken = false;
  let zone: 'header' | 'body' = 'header';
  const head = entry.lines[0]!;
  let date = entry.stamp?.date ?? entry.sectionDate;
  /** The start line's text when the title is only its first sentence: the rest is summary. */
  let headRest: string | undefined;
  /** `**Name**: Title` / `**Name** - summary` at the start of a list item or table cell. */
  let lead: ReturnType<typeof boldLead>;
  /** A bold name before a paper's link in the start line (`- **CAI**: [Constitutional AI: …](…)`). */
  let linkName: string | undefined;
  let venue: string | undefined;
  /** The title a `标题：` / `论文名称：` field gives: it beats a heading's text. */
  let fieldTitle: string | undefined;

  if (entry.stamp?.invalid) {
    ctx.diagnostics.push({
      rule: 'date-invalid',
      severity: 'warning',
      file,
      line: head.line,
      column: head.column,
      message: `timestamp "${entry.stamp.invalid}" is not a real date; the entry is kept without it`,
    });
  }

  const addTitle = (raw: string, paperish: boolean): void => {
    const t = tidyTitle(cleanTitle(withoutListingNoise(shareTitle(raw)), paperish ? 200 : 60));
    if (isNotATitle(t)) return;
    if (t.length >= 2 && /[\p{L}\p{N}]/u.test(t) && !titles.some((c) => c.text === t))
      titles.push({ text: t, paperish });
  };
  const pushText = (line: number, value: string): void => {
    const t = value.replace(/\s+/g, ' ').trim();
    if (!t || !/[\p{L}\p{N}]/u.test(t)) return;
    // A list item keeps its indent: the link stage reads a nested item as about the name its parent item gives.
    const item = LIST_ITEM.exec(ctx.raw[line - 1] ?? '');
    text.push(
      item
        ? { file, line, text: t, indent: (item[1] as string).replace(/\t/g, '    ').length }
        : { file, line, text: t },
    );
  };
  const refsOf = (line: Line, kind: RefKind, extra: Partial<Ref> = {}): void => {
    const seen = new Set<string>();
    for (const l of line.links) {
      const ref = linkArxivRef(l);
      if (!ref) continue;
      if (ref.invalid) continue;
      if (!seen.has(ref.id)) {
        seen.add(ref.id);
        refs.push({
          id: ref.id,
          line: line.line,
          kind,
          ...extra,
          ...(!isTrivialLinkText(l.label, l.url) ? { title: l.label } : {}),
        });
      }
    }
    for (const ref of findArxivRefs(line.text)) {
      if (!ref.invalid && !seen.has(ref.id)) {
        seen.add(ref.id);
        refs.push({ id: ref.id, line: line.line, kind, ...extra });
      }
    }
  };
  const reportInvalidIds = (line: Line): void => {
    // Only arXiv and author-search URLs can hold an id (see linkArxivRef).
    if (
      !/arxiv|papers\.cool|huggingface/i.test(line.text) &&
      !line.links.some((l) => l.kind === 'arxiv' || l.kind === 'author-search')
    )
      return;
    const sources = [line.text, ...line.links.map((l) => l.url)];
    const seen = new Set<string>();
    for (const s of sources) {
      for (const ref of findArxivRefs(s)) {
        if (ref.invalid && !seen.has(ref.id)) {
          seen.add(ref.id);
          ctx.diagnostics.push({
            rule: 'arxiv-id-invalid',
            severity: 'warning',
            file,
            line: line.line,
            column: line.column,
            message: `"${ref.id}" is not a valid arXiv id (${ref.invalid}); ignored`,
          });
        }
      }
    }
  };
  const linksOf = (line: Line, fallbackLabel?: string): void => {
    for (const l of line.links) {
      const kind = l.kind;
      if (kind === 'author-search') continue;
      // A paper link's text is the title (kept as such); the link itself is labelled by where it goes.
      const cleaned = kind === 'arxiv' || kind === 'paper' ? cleanTitle(l.label, 200) : undefined;
      const paperText = cleaned !== undefined && titles.some((c) => c.text === cleaned);
      const label = !paperText && !isTrivialLinkText(l.label, l.url) ? l.label : (fallbackLabel ?? '');
      addLink(links, label, l.url);
    }
  };

  // ---- the start line ----------------------------------------------------------------------------------
  reportInvalidIds(head);
  consumed.add(head.line);
  if (entry.kind === 'row') {
    const cells = head.cells ?? [];
    const columns = head.columns ?? [];
    const col = (re: RegExp) => columns.findIndex((c) => re.test(c.trim()));
    const titleCol = col(/^(?:paper|papers|title|name|论文|标题|题目|名称|文章)$/i);
    const authorCol = col(/^(?:authors?|作者)$/i);
    const dateCol = col(/^(?:date|read|added|日期|时间|阅读日期)$/i);
    refsOf(head, 'primary');
    const rawCell = rawCells(ctx.raw[head.line - 1] ?? '')[titleCol >= 0 ? titleCol : 0];
    lead = rawCell !== undefined && !entry.stamp ? boldLead(rawCell) : undefined;
    if (lead) {
      addTitle(lead.title, true);
      if (lead.rest) headRest = cleanTitle(lead.rest, 100_000);
    }
    for (const l of head.links) {
      if (l.kind === 'arxiv' && !isTrivialLinkText(l.label, l.url)) addTitle(l.label, true);
    }
    if (lead) {
      // the cell is the lead: its title is taken
    } else if (titleCol >= 0 && cells[titleCol]) addTitle(cellTitle(rawCell) ?? cells[titleCol]!, true);
    else if (cells[0] && !entry.stamp) addTitle(cellTitle(rawCell) ?? cells[0], true);
    if (entry.stamp && cells[0]) {
      const rest = cleanTitle(entry.stamp.rest);
      if (rest) addTitle(rest, true);
      else if (cells[1]) addTitle(cells[1], true);
    }
    if (authorCol >= 0 && cells[authorCol]) authors = splitAuthors(cells[authorCol]!);
    if (!date && dateCol >= 0 && cells[dateCol]) {
      const d = parseLooseDate(cells[dateCol]!);
      if (d?.date) date = d.date;
    }
    pushText(head.line, titles[0]?.text ?? head.text);
    zone = 'body';
  } else {
    const stampRest = entry.stamp
      ? head.text.slice(Math.max(0, head.text.length - entry.stamp.rest.length))
      : head.text;
    const restOffset = head.text.length - stampRest.length;
    const restLine: Line = {
      ...head,
      text: stampRest,
      links: head.links.filter((l) => l.at >= restOffset).map((l) => ({ ...l, at: l.at - restOffset })),
    };
    refsOf(restLine, 'primary');
    let paperTitle = false;
    let titleLink: Line['links'][number] | undefined;
    // `[Reflexion: …](arxiv A) — builds on [ReAct: …](arxiv B)`: the first titled arXiv link is the entry's paper; a
    // titled link to another arXiv id is a paper it cites (its title would join that paper's entries to this one).
    let titledId: string | undefined;
    for (const l of restLine.links) {
      const kind = l.kind;
      if (
        (kind === 'arxiv' || kind === 'paper') &&
        !isTrivialLinkText(l.label, l.url) &&
        !/^arxiv/i.test(l.label)
      ) {
        const id = kind === 'arxiv' ? linkArxivRef(l)?.id : undefined;
        if (id !== undefined && titledId !== undefined && id !== titledId) continue;
        titledId ??= id;
        titleLink ??= l;
        addTitle(l.label, true);
        paperTitle = true;
      }
    }
    let residue = withoutLinks(restLine);
    lead = !paperTitle && !entry.stamp && head.item ? boldLead(ctx.raw[head.line - 1] ?? '') : undefined;
    // `[Title](…) - what it does.`, `**CAI**: [Title](…). What it does.`, `[Title](…) (Schick et al., 2023). …`: the
    // start line's text after the work's link, once set apart from it, is a byline and then the work's description
    // (its summary), never another title. Text run on without a separator (`[Title](…) 中文标题`) is left as it was.
    // The link is the first titled paper link, or the one link an article item opens with (`- [Blog post](…) - …`).
    const opening = restLine.links.filter((l) => l.kind !== 'author-search');
    const itemLink =
      !titleLink &&
      !lead &&
      entry.kind === 'article' &&
      head.item &&
      opening.length === 1 &&
      opening[0]!.at >= 0 &&
      opening[0]!.at <= 3 &&
      !opening[0]!.bare &&
      !isTrivialLinkText(opening[0]!.label, opening[0]!.url)
        ? opening[0]
        : undefined;
    const splitLink = titleLink ?? itemLink;
    let tail: string | undefined;
    let tailRaw = '';
    let residueBefore: string | undefined;
    if (splitLink && splitLink.at >= 0) {
      const around = aroundLink(restLine, splitLink);
      if (/^[-–—:：|｜.。;；,，(（]/.test(around.after)) {
        residue = around.before;
        residueBefore = around.before;
        tail = around.after;
        tailRaw = restLine.text.slice(splitLink.at + splitLink.label.length).replace(/https?:\/\/\S+/g, ' ');
      }
    }
    /** A bold name before the paper's link (`- **CAI**: [Constitutional AI: …](…)`): the work's short name. */
    const boldName = titleLink ? cleanTitle(residue) : '';
    linkName =
      boldName.length > 0 &&
      boldName.length <= 24 &&
      [`**${boldName}**`, `__${boldName}__`].some((b) => (ctx.raw[head.line - 1] ?? '').includes(b))
        ? boldName
        : undefined;
    let description: string | undefined;
    if (lead) {
      addTitle(lead.title, true);
      if (lead.rest)
        headRest = cleanTitle(lead.rest.replace(/\[([^[\]]{0,300})\]\([^()\s]{0,2000}\)/g, '$1'), 100_000);
      titleLineTaken = true;
      pushText(head.line, stampRest.replace(/https?:\/\/\S+/g, ' '));
      residue = '';
    }
    // `[Title](arxiv) - Schulman et al., 2017`: after a titled paper link, a dash introduces authors/venue.
    // `[Title](arxiv) (Rafailov et al., 2023)`, `[Title](arxiv)（Rafailov 等）`: so does a bracket standing alone.
    const byline =
      paperTitle || itemLink
        ? tail === undefined
          ? /^\s*(?:[-–—:|｜]\s*(.+)|[(（]([^()（）]+)[)）][\s.。]*)$/.exec(residue)
          : /^\s*(?:[-–—:：|｜]\s*(.+)|[(（]([^()（）]+)[)）])/.exec(tail)
        : null;
    if (tail !== undefined) {
      // what follows the byline (all of it when there is none) describes the work
      const bracket = byline?.[2] !== undefined ? /^\s*[(（][^()（）]+[)）]/.exec(tailRaw) : null;
      const rest = bracket ? tailRaw.slice(bracket[0].length) : byline ? '' : tailRaw;
      const said = cleanTitle(rest.replace(/^[\s\-–—:：|｜.。;；,，]+/, ''), 100_000);
      if (/\p{L}/u.test(said)) description = said;
      if (byline?.[1] !== undefined)
        description = cleanTitle(tailRaw.replace(/^[\s\-–—:：|｜]+/, ''), 100_000);
      // a bracket that names nobody stays with the title, as before
      if (byline?.[2] !== undefined) residue = `${residue} ${byline[0]}`;
    }
    if (byline) {
      const inBrackets = byline[1] === undefined;
      const said = byline[1] ?? byline[2]!;
      const names = said
        .replace(/\(?\b(?:19|20)\d{2}\b\)?/g, ' ')
        .replace(/\bet al\.?|等人?\s*$/gi, ' ')
        .trim();
      const parts = splitAuthors(trimChars(names, ',，'));
      // `- Schulman et al., NeurIPS 2017`, `| ICML 2023`: a venue is no author (two papers at one venue are no group).
      const venues = parts.filter((p) => BYLINE_VENUE.test(p) || /^\p{Lu}{2,}$/u.test(p));
      const people = parts.filter((p) => !venues.includes(p));
      // In brackets, Han words are a name only in a list or with 等 (`（张三 等）`), not `（线性时间序列建模）`.
      const hanNames = !inBrackets || people.length > 1 || /等/.test(said);
      const named =
        people.length > 0 &&
        people.every(
          (p) =>
            /^[\p{Lu}][\p{L}'.-]*(?: [\p{Lu}][\p{L}'.-]*){0,3}$/u.test(p) ||
            (hanNames && /^[\u3400-\u9fff·]{2,10}$/.test(p)),
        );
      // A bracket that is neither names nor a venue (`(线性时间序列建模)`, `(a survey)`) is left to the title.
      if (!inBrackets || named || (venues.length > 0 && people.length === 0)) {
        if (venues.length > 0) venue ??= venues.join(', ');
        if (named) authors = people;
        // `**CAI**: [Title](…) - Bai et al.`: the name before the link stays
        residue = tail === undefined ? '' : (residueBefore ?? '');
        // `[Title](…) - Schulman et al., 2017` is a byline, not a description
        if (!inBrackets && (named || venues.length > 0)) description = undefined;
      }
    }
    {
      // `- 标题：中文标题 (作者) [跳转](…)`: the label is no part of the title; `- 论文：[Title](…)` leaves a bare label.
      const field = matchField(residue.trim());
      if (field && field.value.trim() === '') residue = '';
      else if (entry.kind === 'digest' && field?.kind === 'title') residue = field.value;
    }
    // `中文标题 (Reza Ghorbani` with the item's link lines below (the translator's remarks run on): the open
    // parenthesis holds the author, then remarks; neither is part of the title.
    const unclosed =
      entry.kind === 'digest' && restLine.links.length === 0
        ? /\s*[(（]([^()（）]{2,2000})$/.exec(residue.trim())
        : null;
    if (unclosed && unclosed.index >= 4) {
      const name = /^[\p{Lu}][\p{L}'.-]*(?: [\p{Lu}][\p{L}'.-]*){0,3}(?=\s|$)/u.exec(
        unclosed[1]!.trim(),
      )?.[0];
      if (name && name.length >= 4) authors = [name];
      residue = residue.trim().slice(0, unclosed.index);
    }
    // `中文标题 (作者)`: a digest item's trailing author list.
    const paren = /[(（]((?:[^()（）]|[（(][^()（）]{1,40}[)）]){2,300})[)）]\s*$/.exec(residue.trim());
    if (
      paren &&
      entry.kind === 'digest' &&
      // after a titled paper link the byline rule above has read the bracket (`[Title](…) (混合专家)` names nobody)
      !paperTitle &&
      (looksLikeAuthors(paren[1]!) ||
        // `(Jean-Baptiste Mouret)`: a part of a hyphenated name starts upper case
        /^[\p{Lu}][\p{Ll}'.]+(?:-\p{L}[\p{Ll}'.]+)*(?: [\p{Lu}][\p{Ll}'.]+(?:-\p{L}[\p{Ll}'.]+)*){1,3}$/u.test(
          paren[1]!.trim(),
        ) ||
        isOnePersonName(paren[1]!))
    ) {
      authors = splitAuthors(paren[1]!.replace(/[（(]音译[)）]/g, ''));
      residue = residue.trim().slice(0, residue.trim().length - paren[0].length);
    }
    // `[nanoGPT](github) by [Andrej Karpathy](arxiv.org/a/…)`: a link to an author's page names a person, no work;
    // a search for a paper's id (`[searching arXiv](arxiv.org/search/?query=arXiv:2305.18290)`) names nobody.
    const workLinks = restLine.links.filter((l) => l.kind !== 'author-search');
    if (authors.length === 0)
      authors = restLine.links
        .filter(
          (l) =>
            l.kind === 'author-search' && !l.bare && !isTrivialLinkText(l.label, l.url) && !linkArxivRef(l),
        )
        .map((l) => l.label.trim());
    const only = workLinks.length === 1 ? workLinks[0]! : undefined;
    if (lead) {
      // the bold name or the text after it is the title; the rest is summary
    } else if (
      entry.kind === 'article' &&
      only &&
      !only.bare &&
      !isTrivialLinkText(only.label, only.url) &&
      (cleanTitle(residue) === '' || (head.item && only.at >= 0 && only.at <= 3))
    ) {
      // A link that is the whole item: its text is the work's whole title (`Yann LeCun: A Path Towards …`).
      const t = cleanTitle(only.label, 200);
      if (t.length >= 2 && /[\p{L}\p{N}]/u.test(t) && !titles.some((c) => c.text === t))
        titles.push({ text: t, paperish: false });
    } else if (cleanTitle(residue) && !linkInSentence(restLine)) {
      const cleaned = cleanTitle(residue);
      addTitle(
        cleaned,
        paperTitle ||
          entry.kind === 'heading' ||
          isLatin(cleaned) ||
          entry.kind === 'digest' ||
          entry.kind === 'paper-link',
      );
    } else if (entry.kind === 'article') {
      for (const l of workLinks) if (!isTrivialLinkText(l.label, l.url)) addTitle(l.label, false);
    }
    if (titles.length > 0 && !lead) {
      titleLineTaken = true;
      pushText(head.line, stampRest.replace(/https?:\/\/\S+/g, ' '));
      const full = cleanTitle(residue, 100_000);
      if (full.length > titles[0]!.text.length + 10) headRest = full;
    }
    if (description) headRest = description;
  }

  linksOf(head);

  // ---- the rest of the entry -----------------------------------------------------------------------------
  for (let i = 1; i < entry.lines.length; i++) {
    const line = entry.lines[i]!;
    if (line.kind === 'code') {
      zone = 'body';
      continue;
    }
    reportInvalidIds(line);
    const t = line.text.trim();
    if (!t) continue;
    // A table's header row is no field or text of the entry, but the summary keeps it (and so stays a table).
    if (line.kind === 'row' && line.header) continue;
    const field = lineField(line);
    if (field) {
      const valueLine: Line = { ...line, text: field.value };
      switch (field.kind) {
        case 'title':
          addTitle(field.value, true);
          fieldTitle ??= cleanTitle(field.value, 200) || undefined;
          consumed.add(line.line);
          pushText(line.line, field.value);
          break;
        case 'venue':
          // `发表于：2025-08-07 07:47:07 UTC` says when, not where.
          if (!/^\s*(?:19|20)\d{2}[-/.年]\d/.test(field.value))
            venue ??= cleanTitle(field.value, 200) || undefined;
          consumed.add(line.line);
          break;
        case 'org':
          consumed.add(line.line);
          break;
        case 'link':
        case 'code':
          // `## DPO` (or `- DPO`) then `- Paper: [Direct Preference Optimization: …](arxiv)`: the link's text is the title.
          if (
            field.kind === 'link' &&
            (entry.kind === 'heading' || (head.item && head.links.length === 0)) &&
            !fieldTitle
          ) {
            const l = fieldLink(line, field);
            if (l && (l.kind === 'arxiv' || l.kind === 'paper') && !isTrivialLinkText(l.label, l.url)) {
              addTitle(l.label, true);
              fieldTitle = cleanTitle(l.label, 200) || undefined;
            }
          }
          linksOf(line, field.label);
          refsOf(line, field.kind === 'link' ? 'primary' : 'prose');
          consumed.add(line.line);
          break;
        case 'authors': {
          const found = authorsFrom(line, field.value);
          if (found.length > 0 && authors.length === 0) authors = found;
          consumed.add(line.line);
          break;
        }
        case 'abstract':
          labelStrip.set(line.line, field.label);
          linksOf(line);
          refsOf(valueLine, 'prose');
          pushText(line.line, field.value);
          zone = 'body';
          break;
        case 'published': {
          const d = parseLooseDate(field.value);
          if (d?.date) published ??= d.date;
          else if (d?.invalid) {
            ctx.diagnostics.push({
              rule: 'date-invalid',
              severity: 'warning',
              file,
              line: line.line,
              column: line.column,
              message: `publication date "${d.invalid}" is not a real date; ignored`,
            });
          }
          consumed.add(line.line);
          break;
        }
        case 'subjects':
        case 'tags':
          consumed.add(line.line);
          break;
        default:
          linksOf(line);
          refsOf(line, 'prose');
          pushText(line.line, t);
          zone = 'body';
      }
      continue;
    }
    const groupLabel = matchGroupLabel(t);
    if (groupLabel && line.links.length === 0) {
      group = groupLabel;
      consumed.add(line.line);
      continue;
    }
    const plain = withoutLinks(line);
    // Whether anything but links, spaces and punctuation is left on the line.
    const residue = /[^\s*_~>•·|｜:：,，、\-–—]/.test(plain);
    const hasArxiv = lineArxivIds(line).length > 0;
    const authorSearch = line.links.some((l) => l.kind === 'author-search');

    if (zone === 'header' && line.quoteDepth === 0) {
      // An id line: `arXiv:2506.16024 [pdf 版，html 版，其他格式]`, `[#6](…abs/2506.21495) **[Title](papers.cool/…)**`.
      // Not a line that only links another paper (`- 笔记：和 [ReAct](…) 相比，…` under `## Reflexion` with its own
      // arXiv link above): that paper's name is no title of this entry.
      const known = refs.find((r) => r.kind === 'primary')?.id;
      const otherPaper = known !== undefined && !lineArxivIds(line).includes(known);
      if (hasArxiv && !authorSearch && t.length < 600 && !otherPaper) {
        const residueNoNoise = cleanTitle(plain);
        const paperLabels = line.links.filter(
          (l) =>
            (l.kind === 'arxiv' || l.kind === 'paper') &&
            !isTrivialLinkText(l.label, l.url) &&
            !/^arxiv/i.test(l.label),
        );
        if (
          paperLabels.length > 0 ||
          residueNoNoise.length <= 3 ||
          (residueNoNoise.length < 160 && !/[。.]$/.test(residueNoNoise))
        ) {
          for (const l of paperLabels) addTitle(l.label, true);
          if (residueNoNoise.length > 3) addTitle(residueNoNoise, true);
          refsOf(line, 'primary');
          linksOf(line);
          consumed.add(line.line);
          if (paperLabels.length > 0 || residueNoNoise.length > 3) {
            titleLineTaken = true;
            pushText(line.line, [residueNoNoise, ...paperLabels.map((l) => l.label)].join(' '));
          }
          continue;
        }
      }
      if (authorSearch || (titles.length > 0 && authors.length === 0 && looksLikeAuthors(t))) {
        const found = authorsFrom(line, t);
        if (found.length > 0) {
          if (authors.length === 0) authors = found;
          // A pasted arXiv listing: the title (and its translation) runs into the author links on one line.
          const first = line.links.find((l) => l.kind === 'author-search');
          const lead = first && !titleLineTaken ? line.text.slice(0, first.at).trim() : '';
          if (lead && titles.every((c) => !c.paperish)) {
            const [title, translation] = splitTranslatedTitle(withoutListingNoise(lead));
            if (looksLikeTitle(title, line.bold)) {
              addTitle(title, true);
              if (translation) addTitle(translation, true);
              titleLineTaken = true;
              pushText(line.line, lead);
            }
          }
          consumed.add(line.line);
          continue;
        }
      }
      if (
        (!titleLineTaken || (line.bold && titles.every((c) => !c.paperish))) &&
        !hasArxiv &&
        looksLikeTitle(t, line.bold) &&
        residue
      ) {
        addTitle(t, true);
        titleLineTaken = true;
        consumed.add(line.line);
        pushText(line.line, t);
        linksOf(line);
        continue;
      }
      zone = 'body';
    }

    // Body: notes, abstracts, quotes, link lists.
    linksOf(line, group);
    if (!residue && line.links.length > 0 && line.quoteDepth === 0) consumed.add(line.line);
    if (hasArxiv) {
      if (!residue) refsOf(line, 'bare');
      else {
        const name = cleanTitle(
          plain.replace(/\b(?:arxiv|paper|pdf|code|github)\b/gi, ' ').replace(/论文|链接|地址/g, ' '),
        );
        const short =
          name.length > 0 && name.length <= 60 && !/[。！？；]/.test(name) && name.split(/\s+/).length <= 8;
        refsOf(line, short ? 'named' : 'prose', short ? { name } : {});
      }
    }
    if (residue) pushText(line.line, t);
  }

  // ---- which arXiv id is the entry's own ------------------------------------------------------------------
  const nameOf = new Map<string, string>();
  for (const r of refs) if (r.kind === 'named' && r.name && !nameOf.has(r.id)) nameOf.set(r.id, r.name);
  const namedIds = [...nameOf.keys()];
  const distinctNames = new Set(namedIds.map((id) => nameOf.get(id)!.toLowerCase()));
  const split = namedIds.length >= 2 && distinctNames.size === namedIds.length;
  const primaryIds = [...new Set(refs.filter((r) => r.kind === 'primary').map((r) => r.id))];
  const allIds = [...new Set(refs.map((r) => r.id))];
  let arxiv: string | undefined;
  const splitOff: string[] = [];
  if (split) {
    const titleText = titles.map((c) => c.text.toLowerCase()).join(' \n ');
    let best: string | undefined;
    for (const id of namedIds) {
      const name = nameOf.get(id)!.toLowerCase();
      if (titleText.includes(name) && (!best || name.length > nameOf.get(best)!.length)) best = id;
    }
    if (primaryIds.length === 1) arxiv = primaryIds[0];
    else if (best) arxiv = best;
    for (const id of namedIds) if (id !== arxiv) splitOff.push(id);
  } else if (primaryIds.length >= 1) arxiv = primaryIds[0];
  else if (
    allIds.length === 1 &&
    refs.every((r) => r.kind !== 'named' && !r.title && (r.kind !== 'prose' || refs.length === 1))
  ) {
    // The entry's only arXiv link, unnamed: its own paper (`… 经验总结 https://arxiv.org/abs/2506.15522`). A link
    // with its own name (`[PPO](…)`) points at another paper.
    arxiv = allIds[0];
  }

  const cites: Cite[] = [];
  for (const r of refs) {
    if (r.id === arxiv || splitOff.includes(r.id) || cites.some((c) => c.arxiv === r.id)) continue;
    cites.push({
      arxiv: r.id,
      line: r.line,
      topicPath: entry.topicPath,
      ...(r.title ? { title: r.title } : {}),
    });
  }

  // ---- summary: the entry's own markdown minus the lines read as fields --------------------------------------
  let summary = summaryOf(entry, ctx.raw, consumed, labelStrip);
  if (headRest) summary = summary ? `${headRest}\n\n${summary}` : headRest;

  // ---- title, label ---------------------------------------------------------------------------------------
  let ordered = [
    ...titles.filter((c) => isLatin(c.text)),
    ...titles.filter((c) => !isLatin(c.text) && c.paperish),
    ...titles.filter((c) => !isLatin(c.text) && !c.paperish),
  ];
  // `## LLaVA` then `- 论文名称：Visual Instruction Tuning`: the field is the title, the heading its short name; so
  // for a list item `- LLaVA` whose nested items give the fields.
  let headingName: string | undefined;
  if (fieldTitle && ordered[0]?.text !== fieldTitle) {
    const own = ordered.find((c) => c.text === fieldTitle);
    if (own && (isLatin(own.text) || !isLatin(ordered[0]!.text))) {
      headingName = ordered[0]!.text.length <= 24 ? ordered[0]!.text : undefined;
      ordered = [own, ...ordered.filter((c) => c !== own)];
    }
  }
  let title = ordered[0]?.text;
  if (!title && arxiv) title = `arXiv:${arxiv}`;
  const results: FileEntry[] = [];
  // The label is named early in an entry; a long meeting transcript below need not be searched.
  let body = '';
  for (const span of text) {
    if (body.length > 4000) break;
    body += `${span.text}\n`;
  }
  if (!title) {
    ctx.diagnostics.push({
      rule: 'entry-without-title',
      severity: 'warning',
      file,
      line: head.line,
      column: head.column,
      message: `entry has neither a title nor an arXiv id; skipped${head.text.trim() ? ` ("${head.text.trim().slice(0, 60)}")` : ''}`,
    });
  } else {
    const { label, named } =
      split && arxiv && nameOf.has(arxiv)
        ? { label: nameOf.get(arxiv)!, named: true }
        : lead?.label && lead.label.length <= 24
          ? { label: lead.label, named: true }
          : linkName
            ? { label: linkName, named: true }
            : headingName
              ? { label: headingName, named: true }
              : makeLabel(ordered, body);
    // Identifiers of paper hosts that are not arXiv (OpenReview, ACL Anthology, DOI links) in the entry's head.
    let ids: WorkIds = {};
    for (const l of head.links) if (l.kind === 'paper') ids = mergeIds(ids, idsFromUrl(l.url));
    const firstLink = head.links.find((l) => l.kind !== 'author-search' && !l.url.startsWith('#'));
    const workKind =
      arxiv || Object.keys(ids).length > 0 || firstLink?.kind === 'paper'
        ? undefined
        : workKindOf(
            ctx.raw[head.line - 1] ?? '',
            firstLink?.url,
            entry.topicPath[entry.topicPath.length - 1],
          );
    results.push({
      line: head.line,
      ...(arxiv ? { arxiv } : {}),
      title,
      label: label || title,
      altTitles: ordered.slice(1).map((c) => c.text),
      named,
      ...(date ? { date } : ctx.defaultDate ? { date: ctx.defaultDate } : {}),
      ...(published ? { published } : {}),
      authors,
      topicPath: entry.topicPath,
      summary,
      links,
      text,
      cites,
      ...(Object.keys(ids).length > 0 ? { ids } : {}),
      ...(venue ? { venue } : {}),
      ...(workKind ? { workKind } : {}),
    });
  }
  // ---- papers split off an article that names several (`GoT arxiv: …`, `GoT-R1 arxiv: …`) --------------------
  const parentLinks = results[0]?.links;
  for (const id of splitOff) {
    const name = nameOf.get(id)!;
    const own = refs.filter((r) => r.id === id);
    const lineNo = own[0]!.line;
    const ownLines = entry.lines.filter((l) => {
      if (l.line === lineNo) return true;
      const residue = cleanTitle(withoutLinks(l).replace(/\b(?:arxiv|paper|pdf|code|github)\b/gi, ' '));
      return residue.toLowerCase() === name.toLowerCase();
    });
    const ownLinks: Link[] = [];
    for (const l of ownLines)
      for (const link of l.links)
        addLink(ownLinks, isTrivialLinkText(link.label, link.url) ? '' : link.label, link.url);
    if (parentLinks) {
      for (const own of ownLinks) {
        const at = parentLinks.findIndex((p) => p.url === own.url);
        if (at >= 0) parentLinks.splice(at, 1);
      }
    }
    let splitAuthorsList: string[] = [];
    let splitTitle = name;
    const paren = /^(.*?)[(（]([^()（）]{2,300})[)）]\s*$/.exec(name);
    if (paren && looksLikeAuthors(paren[2]!)) {
      splitTitle = cleanTitle(paren[1]!);
      splitAuthorsList = splitAuthors(paren[2]!);
    }
    results.push({
      line: lineNo,
      arxiv: id,
      title: splitTitle,
      altTitles: [],
      label:
        splitTitle.length <= 24 ? splitTitle : makeLabel([{ text: splitTitle, paperish: true }], '').label,
      named: splitTitle.length <= 24,
      ...(date ? { date } : ctx.defaultDate ? { date: ctx.defaultDate } : {}),
      authors: splitAuthorsList,
      topicPath: entry.topicPath,
      summary: ownLines.map((l) => ctx.raw[l.line - 1]!.trim()).join('\n'),
      links: ownLinks,
      text: ownLines.map((l) => ({ file, line: l.line, text: l.text.trim() })).filter((s) => s.text),
      cites: [],
    });
  }
  return results;
}

/** The opening fence of a fenced code block, after any list marker or quote (`- ```python`, `> ~~~`). */
const FENCE_OPEN = /^[\s>]*(?:(?:[-*+]|\d{1,3}[.)])\s+)?(`{3,}|~{3,})/;

/** A link reference definition (`[Blog]: https://img.shields.io/…`): it shows nothing, so it is no summary. */
const LINK_DEFINITION =
  /^[\s>]*\[(?!\^)[^\]\n]{1,999}\]:\s*(?:<[^>\n]*>|\S+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*$/;

function summaryOf(
  entry: RawEntry,
  raw: readonly string[],
  consumed: ReadonlySet<number>,
  labelStrip: ReadonlyMap<number, string>,
): string {
  const out: string[] = [];
  // A summary is prose: a fenced code block (`pip install …`, a config) is left out, fences and all.
  const fences = new Set(entry.lines.filter((l) => l.kind === 'code').map((l) => l.line));
  for (let n = entry.start; n <= entry.end && n <= raw.length; n++) {
    const fence = fences.has(n) ? FENCE_OPEN.exec(raw[n - 1]!) : null;
    if (fence) {
      const close = new RegExp(String.raw`^[\s>]*${fence[1]![0]}{${fence[1]!.length},}\s*$`);
      while (n < entry.end && n < raw.length && !close.test(raw[n]!)) n++;
      n++;
      continue;
    }
    if (consumed.has(n) || LINK_DEFINITION.test(raw[n - 1]!)) continue;
    let line = raw[n - 1]!;
    if (labelStrip.has(n)) {
      const m = /^(\s*)(?:[-*+]\s+|\d{1,3}[.)]\s+)?[^:：]{0,40}[:：]\s*/.exec(line);
      if (m) line = m[1] + line.slice(m[0].length);
      line = line.replace(/^(\s*)\*{1,2}\s*/, '$1');
    }
    out.push(line.trimEnd());
  }
  while (out.length > 0 && out[0]!.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  let indent = Infinity;
  for (const l of out) {
    if (l.trim() === '') continue;
    const m = /^ */.exec(l)![0].length;
    if (m < indent) indent = m;
  }
  const dedented = out.map((l) =>
    indent !== Infinity && indent > 0 ? l.slice(Math.min(indent, /^ */.exec(l)![0].length)) : l,
  );
  const collapsed: string[] = [];
  for (const l of dedented) {
    if (l.trim() === '' && collapsed.length > 0 && collapsed[collapsed.length - 1]!.trim() === '') continue;
    collapsed.push(l);
  }
  return collapsed.join('\n');
}
