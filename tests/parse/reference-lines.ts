// The mdast-based line reader the parser used before it read micromark's events directly (src/parse/lines.ts),
// kept as the reference the events reader is held to: the same chunk must give the same lines.
import type { Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import {
  boldLine,
  LineText,
  plainSegment,
  type Ctx,
  type Line,
  type LineLink,
} from '../../src/parse/lines.js';
import { findUrls, linkKind } from '../../src/parse/patterns.js';

/**
 * Collects the plain text of phrasing content, split by source line. The per-line text and link scanning is
 * the parser's own (`LineText`); what this reference checks is the tree walk that feeds it.
 */
class PhrasingCollector extends LineText {
  constructor(private readonly offset: number) {
    super();
  }

  add(nodes: readonly PhrasingContent[], fallbackLine: number, strong: boolean, inLink: boolean): void {
    for (const node of nodes) {
      const line = node.position ? node.position.start.line + this.offset : fallbackLine;
      switch (node.type) {
        case 'text': {
          const value = node.value;
          if (!value.includes('\n')) this.text(plainSegment(value), line, strong, inLink);
          else {
            const parts = value.split('\n');
            for (let k = 0; k < parts.length; k++)
              this.text(plainSegment(parts[k]!), line + k, strong, inLink);
          }
          break;
        }
        case 'inlineCode': {
          const a = this.acc(line);
          a.text += node.value;
          if (strong) a.bold += node.value.length;
          break;
        }
        case 'break':
          break;
        case 'strong':
          this.add(node.children, line, true, inLink);
          break;
        case 'emphasis':
        case 'delete':
          this.add(node.children, line, strong, inLink);
          break;
        case 'link': {
          const a = this.acc(line);
          const at = a.text.length;
          const before = a.text.length;
          this.add(node.children, line, strong, true);
          const label = a.text.slice(before).trim();
          a.links.push({ label, url: node.url, at, bare: false, kind: linkKind(node.url) });
          break;
        }
        case 'linkReference': {
          this.add(node.children, line, strong, inLink);
          break;
        }
        default:
          // images, inline html, footnote references: no text
          break;
      }
    }
  }
}

function isTable(node: RootContent): node is Table {
  return node.type === 'table';
}

/**
 * Flatten the top-level blocks of a parsed chunk into located lines. `offset` is added to every mdast line
 * number; lines at or before `skipThrough` (synthetic prefix lines) are dropped.
 */
export function referenceLines(root: Root, offset: number, skipThrough: number, out: Line[]): void {
  const visit = (node: Nodes, ctx: Ctx): void => {
    const pos = node.position;
    if (!pos) return;
    const startLine = pos.start.line + offset;
    if (pos.end.line + offset <= skipThrough) return;
    switch (node.type) {
      case 'heading':
      case 'paragraph': {
        const collector = new PhrasingCollector(offset);
        collector.add(node.children, startLine, false, false);
        const endLine = pos.end.line + offset;
        for (let l = startLine; l <= endLine; l++) {
          const a = collector.byLine.get(l) ?? { text: '', links: [], bold: 0 };
          const text = a.text;
          out.push({
            line: l,
            column: l === startLine ? pos.start.column : 1,
            // A setext heading's later lines are read as text (a stamp there still starts an entry).
            kind: node.type === 'heading' && l === startLine ? 'heading' : 'para',
            text,
            links: a.links,
            depth: node.type === 'heading' ? node.depth : 0,
            first: l === startLine,
            item: l === startLine && ctx.itemFirst,
            listDepth: ctx.listDepth,
            ordered: ctx.ordered,
            quoteDepth: ctx.quoteDepth,
            // No bold characters: not bold (a non-blank line has a non-space character); skips the scan.
            bold: a.bold > 0 && boldLine(text, a.bold),
          });
        }
        return;
      }
      case 'list': {
        for (const item of node.children) {
          const inner: Ctx = {
            listDepth: ctx.listDepth + 1,
            ordered: node.ordered === true,
            quoteDepth: ctx.quoteDepth,
            itemFirst: true,
          };
          if (item.children.length === 0 && item.position) {
            out.push({
              line: item.position.start.line + offset,
              column: item.position.start.column,
              kind: 'para',
              text: '',
              links: [],
              depth: 0,
              first: true,
              item: true,
              listDepth: inner.listDepth,
              ordered: inner.ordered,
              quoteDepth: ctx.quoteDepth,
              bold: false,
            });
          }
          item.children.forEach((child, k) => visit(child, { ...inner, itemFirst: k === 0 }));
        }
        return;
      }
      case 'blockquote':
        for (const child of node.children)
          visit(child, { ...ctx, quoteDepth: ctx.quoteDepth + 1, itemFirst: false });
        return;
      case 'footnoteDefinition':
        for (const child of node.children) visit(child, { ...ctx, itemFirst: false });
        return;
      case 'html': {
        const parts = node.value.split('\n');
        parts.forEach((part, k) => {
          const text = part.replace(/<\/?[A-Za-z][^<>]*>|<!--|-->/g, ' ').replace(/\s{2,}/g, ' ');
          const links: LineLink[] = findUrls(text).map((hit) => ({
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
            text,
            links,
            depth: 0,
            first: k === 0,
            item: k === 0 && ctx.itemFirst,
            listDepth: ctx.listDepth,
            ordered: ctx.ordered,
            quoteDepth: ctx.quoteDepth,
            bold: false,
          });
        });
        return;
      }
      case 'code':
        out.push({
          line: startLine,
          column: pos.start.column,
          kind: 'code',
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
        return;
      case 'thematicBreak':
        out.push({
          line: startLine,
          column: pos.start.column,
          kind: 'break',
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
        return;
      case 'table': {
        if (!isTable(node)) return;
        let columns: string[] = [];
        node.children.forEach((row, r) => {
          if (!row.position) return;
          const line = row.position.start.line + offset;
          const cells: string[] = [];
          const links: LineLink[] = [];
          let text = '';
          for (const cell of row.children) {
            const collector = new PhrasingCollector(offset);
            collector.add(cell.children, line, false, false);
            const parts = [...collector.byLine.values()];
            const cellText = parts
              .map((p) => p.text)
              .join(' ')
              .trim();
            const base = text.length + (text ? 3 : 0);
            for (const p of parts) for (const link of p.links) links.push({ ...link, at: base + link.at });
            text = text ? `${text} | ${cellText}` : cellText;
            cells.push(cellText);
          }
          if (r === 0) columns = cells;
          if (line <= skipThrough) return;
          out.push({
            line,
            column: row.position.start.column,
            kind: 'row',
            text,
            links,
            depth: 0,
            first: true,
            item: false,
            listDepth: ctx.listDepth,
            ordered: false,
            quoteDepth: ctx.quoteDepth,
            bold: false,
            cells,
            header: r === 0,
            columns,
          });
        });
        return;
      }
      default:
        return;
    }
  };
  for (const child of root.children)
    visit(child, { listDepth: 0, ordered: false, quoteDepth: 0, itemFirst: false });
}
