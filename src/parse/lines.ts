// Markdown -> a flat list of located lines: plain text (emphasis stripped), links, and the block context each line
// sits in. Entry finding works on this list, which lets it see lines that Markdown folded into one paragraph
// (a `6. 2025-…` line lazily continuing the paragraph above is still its own line here).
//
// The lines are read straight from micromark's events, the same events remark-parse (mdast-util-from-markdown)
// turns into a syntax tree: building the tree first cost about a quarter of the parse. The reading follows
// mdast-util-from-markdown's rules for what is text (escapes, character references, line endings, merged text
// runs, link labels versus resources), and a test holds it to the lines the tree would give.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { parse, postprocess, preprocess } from 'micromark';
import { gfmTable } from 'micromark-extension-gfm-table';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Event, ParseContext, Token } from 'micromark-util-types';
import { findArxivRefs, findUrls, linkKind, type ArxivRef, type LinkKind } from './patterns.js';

export interface LineLink {
  label: string;
  url: string;
  /** Offset of the link's text in the line's plain text. */
  at: number;
  /** True for a URL found in plain text (no Markdown link syntax). */
  bare: boolean;
  /** `linkKind(url)`, computed once when the link is read (entry finding asks it of every link several times). */
  kind: LinkKind;
}

/**
 * `findArxivRefs(link.url)[0]`: only a URL whose kind is `arxiv` or `author-search` can hold an arXiv reference
 * (`linkKind` says `arxiv` for every other URL that does), so the others skip the scan.
 */
export function linkArxivRef(link: LineLink): ArxivRef | undefined {
  return link.kind === 'arxiv' || link.kind === 'author-search' ? findArxivRefs(link.url)[0] : undefined;
}

export type LineKind = 'heading' | 'para' | 'html' | 'row' | 'break' | 'code';

export interface Line {
  /** 1-based line in the file. */
  line: number;
  column: number;
  kind: LineKind;
  text: string;
  links: LineLink[];
  /** Heading depth (1-6) for headings. */
  depth: number;
  /** First line of its block. */
  first: boolean;
  /** First line of a list item's first block. */
  item: boolean;
  listDepth: number;
  ordered: boolean;
  quoteDepth: number;
  /** Every character of the line's text is bold. */
  bold: boolean;
  /** Table rows: the cells' plain text, and whether this is the header row. */
  cells?: string[];
  header?: boolean;
  /** Table rows: the header cells of the table. */
  columns?: string[];
}

/** The block context a line sits in. */
export interface Ctx {
  listDepth: number;
  ordered: boolean;
  quoteDepth: number;
  itemFirst: boolean;
}

const ROOT: Ctx = { listDepth: 0, ordered: false, quoteDepth: 0, itemFirst: false };

export interface Acc {
  text: string;
  links: LineLink[];
  bold: number;
}

/** Obsidian syntax read as text: `[[target|alias]]` -> `alias`, `[[target]]` -> `target`, callout markers dropped. */
export function plainSegment(text: string): string {
  let out = text;
  if (out.includes('[['))
    out = out.replace(
      /\[\[([^[\]|\n]{1,200})(?:\|([^[\]\n]{1,200}))?\]\]/g,
      (_m, target: string, alias?: string) => alias ?? target,
    );
  if (out.startsWith('[!')) out = out.replace(/^\[![A-Za-z-]{1,20}\][+-]?\s*/, '');
  return out;
}

/** The plain text of one block (a paragraph, heading or table cell), split by source line. */
export class LineText {
  readonly byLine = new Map<number, Acc>();

  acc(line: number): Acc {
    let a = this.byLine.get(line);
    if (!a) {
      a = { text: '', links: [], bold: 0 };
      this.byLine.set(line, a);
    }
    return a;
  }

  /** One line's part of a text run. */
  text(part: string, line: number, strong: boolean, inLink: boolean): void {
    const a = this.acc(line);
    const at = a.text.length;
    a.text += part;
    if (strong) a.bold += part.length;
    if (inLink) return;
    for (const hit of findUrls(part)) {
      a.links.push({ label: '', url: hit.url, at: at + hit.index, bare: true, kind: linkKind(hit.url) });
    }
    // `arXiv:2506.16024` written as text: a link too.
    for (const ref of findArxivRefs(part)) {
      if (ref.invalid) continue;
      const raw = part.slice(ref.index, ref.index + ref.length);
      if (/^arxiv\s*[:：]/i.test(raw)) {
        const url = `https://arxiv.org/abs/${ref.id}`;
        a.links.push({ label: raw, url, at: at + ref.index, bare: true, kind: linkKind(url) });
      }
    }
  }
}

/** Every non-space character of the line is bold (`bold` counts the bold characters). */
export function boldLine(text: string, bold: number): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && bold >= trimmed.replace(/\s+/g, '').length;
}

/** What a phrasing frame does with the text inside it. */
const enum Mode {
  /** Not text: an image's alt, a link title, a reference label. */
  Drop,
  /** Text of the line: emphasis, strong, a link's label, a paragraph, heading or cell. */
  Text,
  /** A value: inline code, a link destination, an HTML block. */
  Capture,
}

/**
 * An open phrasing node. `run` is its trailing text node as mdast-util-from-markdown would build it: adjacent
 * text, escapes, character references and line endings merge into one run until another node comes.
 */
interface Frame {
  mode: Mode;
  strong: boolean;
  inLink: boolean;
  /** Line endings inside are text (mdast-util-from-markdown's `canContainEols`). */
  eol: boolean;
  run: string | null;
  runLine: number;
  captured: string;
  /** For a link: where its label starts and whether it is a link (not a reference); for inline code: its line. */
  line: number;
  acc: Acc | null;
  at: number;
  url: string;
}

function frame(mode: Mode, strong: boolean, inLink: boolean, eol: boolean, line = 0): Frame {
  return { mode, strong, inLink, eol, run: null, runLine: 0, captured: '', line, acc: null, at: 0, url: '' };
}

interface Container {
  quote: boolean;
  /** The block context of the container itself (a list) or of its children (a block quote). */
  ctx: Ctx;
  ordered: boolean;
  itemOpen: boolean;
  itemChildren: number;
  itemLine: number;
  itemColumn: number;
}

let plainParser: ParseContext | undefined;
let tableParser: ParseContext | undefined;

/** micromark's events for a document, as remark-parse gets them (CommonMark, GFM tables when asked). */
function markdownEvents(source: string, tables: boolean): Event[] {
  const parser = tables ? (tableParser ??= parse({ extensions: [gfmTable()] })) : (plainParser ??= parse());
  // A parser holds the definitions and lazy lines of the document it reads: start each document afresh.
  parser.defined = [];
  parser.lazy = {};
  return postprocess(parser.document().write(preprocess()(source, undefined, true)));
}

function exitOf(events: readonly Event[], i: number, token: Token): number {
  let j = i + 1;
  while (j < events.length && !(events[j]![0] === 'exit' && events[j]![1] === token)) j++;
  return j;
}

/**
 * Flatten a parsed chunk into located lines. `offset` is added to every line number of `source`; lines at or
 * before `skipThrough` (synthetic prefix lines) are dropped.
 */
export function collectLines(
  source: string,
  tables: boolean,
  offset: number,
  skipThrough: number,
  out: Line[],
): void {
  const events = markdownEvents(source, tables);
  const containers: Container[] = [];
  let frames: Frame[] = [];
  let text = new LineText();
  // The open leaf block.
  let block: Token | null = null;
  let blockCtx = ROOT;
  let depth = 0;
  let atHardBreak = false;
  let slurpLineEnding = false;
  let inTable = false;
  let referenceType = '';
  // The open table.
  let columns: string[] = [];
  let rowIndex = 0;
  let cells: string[] = [];
  let rowLinks: LineLink[] = [];
  let rowText = '';

  const nextCtx = (): Ctx => {
    const top = containers[containers.length - 1];
    if (!top) return ROOT;
    if (top.quote) return top.ctx;
    const first = top.itemChildren === 0;
    top.itemChildren++;
    return {
      listDepth: top.ctx.listDepth + 1,
      ordered: top.ordered,
      quoteDepth: top.ctx.quoteDepth,
      itemFirst: first,
    };
  };
  const skipped = (token: Token): boolean => token.end.line + offset <= skipThrough;
  const emptyItem = (list: Container): void => {
    out.push({
      line: list.itemLine + offset,
      column: list.itemColumn,
      kind: 'para',
      text: '',
      links: [],
      depth: 0,
      first: true,
      item: true,
      listDepth: list.ctx.listDepth + 1,
      ordered: list.ordered,
      quoteDepth: list.ctx.quoteDepth,
      bold: false,
    });
  };
  const single = (token: Token, kind: LineKind, ctx: Ctx): void => {
    out.push({
      line: token.start.line + offset,
      column: token.start.column,
      kind,
      text: '',
      links: [],
      depth: 0,
      first: true,
      item: ctx.itemFirst,
      listDepth: ctx.listDepth,
      ordered: ctx.ordered,
      quoteDepth: ctx.quoteDepth,
      bold: false,
    });
  };
  /** End the frame's text run: it becomes text of its lines, or part of the captured value. */
  const flush = (f: Frame): void => {
    const run = f.run;
    if (run === null) return;
    f.run = null;
    if (f.mode === Mode.Text) {
      const line = f.runLine + offset;
      if (!run.includes('\n')) text.text(plainSegment(run), line, f.strong, f.inLink);
      else {
        const parts = run.split('\n');
        for (let k = 0; k < parts.length; k++)
          text.text(plainSegment(parts[k]!), line + k, f.strong, f.inLink);
      }
    } else if (f.mode === Mode.Capture) f.captured += run;
  };
  const openRun = (token: Token): void => {
    const top = frames[frames.length - 1];
    if (top && top.run === null) {
      top.run = '';
      top.runLine = token.start.line;
    }
  };
  const append = (value: string): void => {
    const top = frames[frames.length - 1];
    if (top && top.run !== null) top.run += value;
  };
  /** A child node opens in the top frame: its text run ends there. */
  const child = (): Frame => {
    const top = frames[frames.length - 1]!;
    flush(top);
    return top;
  };

  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const token = event[1];
    const type = token.type;
    if (event[0] === 'enter') {
      switch (type) {
        case 'data':
        case 'codeTextData':
        case 'htmlFlowData':
        case 'characterEscape':
        case 'characterReference':
        case 'autolinkProtocol':
        case 'autolinkEmail':
          openRun(token);
          break;
        case 'emphasis':
        case 'strong': {
          if (frames.length === 0) break;
          const top = child();
          frames.push(frame(Mode.Text, top.strong || type === 'strong', top.inLink, true));
          break;
        }
        case 'codeText': {
          if (frames.length === 0) break;
          const top = child();
          frames.push(frame(Mode.Capture, top.strong, top.inLink, true, token.start.line));
          break;
        }
        case 'link':
        case 'autolink': {
          if (frames.length === 0) break;
          const top = child();
          const j = type === 'link' ? exitOf(events, i, token) : i;
          // `[text](url)` is a link; `[text][ref]`, `[text][]` and `[text]` are references: their text is plain.
          const resource = type === 'autolink' || events[j - 1]?.[1].type === 'resource';
          const f = frame(Mode.Drop, top.strong, resource || top.inLink, false, token.start.line);
          if (resource) {
            f.acc = text.acc(token.start.line + offset);
            f.at = f.acc.text.length;
          }
          if (type === 'autolink') f.mode = Mode.Text;
          frames.push(f);
          break;
        }
        case 'label': {
          const top = frames[frames.length - 1];
          if (top) frames.push(frame(Mode.Text, top.strong, top.inLink, true));
          break;
        }
        case 'resourceDestinationString':
          if (frames.length > 0) frames.push(frame(Mode.Capture, false, true, true));
          break;
        case 'resourceTitleString':
        case 'referenceString':
          if (frames.length > 0) frames.push(frame(Mode.Drop, false, true, true));
          break;
        case 'image':
        case 'htmlText':
        case 'hardBreakEscape':
        case 'hardBreakTrailing':
          // No text: images, inline HTML and hard breaks are nodes of their own, which end the text run.
          if (frames.length > 0) child();
          i = exitOf(events, i, token);
          if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') atHardBreak = true;
          break;
        case 'paragraph':
        case 'atxHeading':
        case 'setextHeading':
        case 'htmlFlow': {
          const ctx = nextCtx();
          if (skipped(token)) {
            i = exitOf(events, i, token);
            break;
          }
          block = token;
          blockCtx = ctx;
          depth = 0;
          text = new LineText();
          frames = [frame(type === 'htmlFlow' ? Mode.Capture : Mode.Text, false, false, true)];
          break;
        }
        case 'thematicBreak':
        case 'codeFenced':
        case 'codeIndented':
        case 'definition': {
          const ctx = nextCtx();
          if (!skipped(token) && type !== 'definition')
            single(token, type === 'thematicBreak' ? 'break' : 'code', ctx);
          i = exitOf(events, i, token);
          break;
        }
        case 'blockQuote':
        case 'listOrdered':
        case 'listUnordered': {
          const ctx = nextCtx();
          if (skipped(token)) {
            i = exitOf(events, i, token);
            break;
          }
          const quote = type === 'blockQuote';
          containers.push({
            quote,
            ctx: quote ? { ...ctx, quoteDepth: ctx.quoteDepth + 1, itemFirst: false } : ctx,
            ordered: type === 'listOrdered',
            itemOpen: false,
            itemChildren: 0,
            itemLine: 0,
            itemColumn: 0,
          });
          break;
        }
        case 'listItemPrefix': {
          const list = containers[containers.length - 1];
          if (!list || list.quote) break;
          if (list.itemOpen && list.itemChildren === 0) emptyItem(list);
          list.itemOpen = true;
          list.itemChildren = 0;
          list.itemLine = token.start.line;
          list.itemColumn = token.start.column;
          break;
        }
        case 'table': {
          const ctx = nextCtx();
          if (skipped(token)) {
            i = exitOf(events, i, token);
            break;
          }
          blockCtx = ctx;
          inTable = true;
          columns = [];
          rowIndex = 0;
          break;
        }
        case 'tableRow':
          cells = [];
          rowLinks = [];
          rowText = '';
          break;
        case 'tableHeader':
        case 'tableData':
          text = new LineText();
          frames = [frame(Mode.Text, false, false, false)];
          break;
        default:
          break;
      }
      continue;
    }

    // Exit.
    switch (type) {
      case 'data':
      case 'codeTextData':
      case 'htmlFlowData':
      case 'characterEscapeValue':
        append(event[2].sliceSerialize(token));
        break;
      case 'characterReferenceMarkerNumeric':
      case 'characterReferenceMarkerHexadecimal':
        referenceType = type;
        break;
      case 'characterReferenceValue': {
        const value = event[2].sliceSerialize(token);
        if (referenceType) {
          append(
            decodeNumericCharacterReference(
              value,
              referenceType === 'characterReferenceMarkerNumeric' ? 10 : 16,
            ),
          );
          referenceType = '';
        } else append(decodeNamedCharacterReference(value) || '');
        break;
      }
      case 'autolinkProtocol':
      case 'autolinkEmail': {
        const value = event[2].sliceSerialize(token);
        append(value);
        const top = frames[frames.length - 1];
        if (top) top.url = type === 'autolinkEmail' ? `mailto:${value}` : value;
        break;
      }
      case 'lineEnding': {
        if (atHardBreak) {
          atHardBreak = false;
          break;
        }
        const top = frames[frames.length - 1];
        if (!slurpLineEnding && top?.eol) {
          openRun(token);
          append('\n');
        }
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'label':
      case 'resourceTitleString':
      case 'referenceString': {
        if (frames.length < 2) break;
        flush(frames.pop()!);
        break;
      }
      case 'codeText': {
        if (frames.length < 2) break;
        const f = frames.pop()!;
        flush(f);
        let value = f.captured;
        // Inside a table an escaped pipe in code is a pipe (mdast-util-gfm-table).
        if (inTable) value = value.replace(/\\([\\|])/g, (all, c: string) => (c === '|' ? c : all));
        const a = text.acc(f.line + offset);
        a.text += value;
        if (f.strong) a.bold += value.length;
        break;
      }
      case 'resourceDestinationString': {
        if (frames.length < 2) break;
        const f = frames.pop()!;
        flush(f);
        frames[frames.length - 1]!.url = f.captured;
        break;
      }
      case 'link':
      case 'autolink': {
        if (frames.length < 2) break;
        const f = frames.pop()!;
        flush(f);
        if (f.acc) {
          const label = f.acc.text.slice(f.at).trim();
          f.acc.links.push({ label, url: f.url, at: f.at, bare: false, kind: linkKind(f.url) });
        }
        break;
      }
      case 'atxHeadingSequence':
        if (block && depth === 0) depth = event[2].sliceSerialize(token).length;
        break;
      case 'setextHeadingText':
        slurpLineEnding = true;
        break;
      case 'setextHeadingLineSequence':
        depth = event[2].sliceSerialize(token).charCodeAt(0) === 61 /* = */ ? 1 : 2;
        break;
      case 'paragraph':
      case 'atxHeading':
      case 'setextHeading': {
        if (token !== block) break;
        slurpLineEnding = false;
        flush(frames[0]!);
        frames = [];
        block = null;
        const heading = type !== 'paragraph';
        const startLine = token.start.line + offset;
        const endLine = token.end.line + offset;
        for (let l = startLine; l <= endLine; l++) {
          const a = text.byLine.get(l);
          const lineText = a ? a.text : '';
          out.push({
            line: l,
            column: l === startLine ? token.start.column : 1,
            // A setext heading's later lines are read as text (a stamp there still starts an entry).
            kind: heading && l === startLine ? 'heading' : 'para',
            text: lineText,
            links: a ? a.links : [],
            depth: heading ? depth : 0,
            first: l === startLine,
            item: l === startLine && blockCtx.itemFirst,
            listDepth: blockCtx.listDepth,
            ordered: blockCtx.ordered,
            quoteDepth: blockCtx.quoteDepth,
            // No bold characters: not bold (a non-blank line has a non-space character); skips the scan.
            bold: a !== undefined && a.bold > 0 && boldLine(lineText, a.bold),
          });
        }
        break;
      }
      case 'htmlFlow': {
        if (token !== block) break;
        const f = frames[0]!;
        flush(f);
        frames = [];
        block = null;
        const parts = f.captured.split('\n');
        const startLine = token.start.line + offset;
        parts.forEach((part, k) => {
          const lineText = part.replace(/<\/?[A-Za-z][^<>]*>|<!--|-->/g, ' ').replace(/\s{2,}/g, ' ');
          const links: LineLink[] = findUrls(lineText).map((hit) => ({
            label: '',
            url: hit.url,
            at: hit.index,
            bare: true,
            kind: linkKind(hit.url),
          }));
          for (const m of part.matchAll(/href\s*=\s*["']([^"'<>]{1,2000})["']/gi))
            links.push({ label: '', url: m[1]!, at: 0, bare: false, kind: linkKind(m[1]!) });
          out.push({
            line: startLine + k,
            column: 1,
            kind: 'html',
            text: lineText,
            links,
            depth: 0,
            first: k === 0,
            item: k === 0 && blockCtx.itemFirst,
            listDepth: blockCtx.listDepth,
            ordered: blockCtx.ordered,
            quoteDepth: blockCtx.quoteDepth,
            bold: false,
          });
        });
        break;
      }
      case 'blockQuote':
        containers.pop();
        break;
      case 'listOrdered':
      case 'listUnordered': {
        const list = containers.pop();
        if (list && list.itemOpen && list.itemChildren === 0) emptyItem(list);
        break;
      }
      case 'tableHeader':
      case 'tableData': {
        flush(frames[0]!);
        frames = [];
        const parts = [...text.byLine.values()];
        const cellText = parts
          .map((p) => p.text)
          .join(' ')
          .trim();
        const base = rowText.length + (rowText ? 3 : 0);
        for (const p of parts) for (const link of p.links) rowLinks.push({ ...link, at: base + link.at });
        rowText = rowText ? `${rowText} | ${cellText}` : cellText;
        cells.push(cellText);
        break;
      }
      case 'tableRow': {
        const line = token.start.line + offset;
        if (rowIndex === 0) columns = cells;
        if (line > skipThrough) {
          out.push({
            line,
            column: token.start.column,
            kind: 'row',
            text: rowText,
            links: rowLinks,
            depth: 0,
            first: true,
            item: false,
            listDepth: blockCtx.listDepth,
            ordered: false,
            quoteDepth: blockCtx.quoteDepth,
            bold: false,
            cells,
            header: rowIndex === 0,
            columns,
          });
        }
        rowIndex++;
        break;
      }
      case 'table':
        inTable = false;
        break;
      default:
        break;
    }
  }
}
