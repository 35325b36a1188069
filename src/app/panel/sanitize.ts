// Notes are untrusted. Markdown is rendered with marked and everything it produces goes through DOMPurify
// with a strict profile: no scripts, no event handlers, no frames/SVG/MathML/forms/styles, and only
// http(s)/mailto URLs. Links open in a new tab without an opener or referrer. LaTeX is typeset by KaTeX
// into MathML and that output is sanitized on its own, MathML elements only, before it is put in.
import DOMPurify from 'dompurify';
import katex from 'katex';
import { Marked } from 'marked';
import { extractMath, MATH_TOKEN } from './math.js';
import type { MathSegment } from './math.js';
import { splitUrlsFromCjk } from './text.js';

const SAFE_URL = /^(?:https?:|mailto:)/i;

/** An href we are willing to put in the page, or null. */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  return SAFE_URL.test(u) ? u : null;
}

const marked = new Marked({ gfm: true, breaks: true, async: false });
const purify = DOMPurify(window);

/**
 * Whether images from other sites may load: only when the page's Content-Security-Policy allows `https:`
 * images (`--remote-images`). Otherwise an image in a note (a possible tracking beacon) becomes a link.
 */
function remoteImagesAllowed(): boolean {
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  const img = (csp ?? '').split(';').find((d) => d.trim().startsWith('img-src')) ?? '';
  return /\shttps:/.test(img);
}

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href');
    if (href === null || safeUrl(href) === null) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.nodeName === 'IMG') {
    const src = node.getAttribute('src');
    if (src === null || !/^https:/i.test(src.trim())) node.remove();
    else if (!remoteImagesAllowed()) {
      const link = node.ownerDocument.createElement('a');
      link.href = src.trim();
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const alt = node.getAttribute('alt');
      let host = src.trim();
      try {
        host = new URL(host).host;
      } catch {
        // keep the text as written
      }
      link.textContent = `[image${alt ? `: ${alt}` : ''} — not loaded from ${host}]`;
      node.replaceWith(link);
    } else node.setAttribute('referrerpolicy', 'no-referrer');
  }
});

const CONFIG = {
  ALLOWED_URI_REGEXP: SAFE_URL,
  FORBID_TAGS: [
    'style',
    'iframe',
    'frame',
    'object',
    'embed',
    'svg',
    'math',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'link',
    'meta',
    'base',
    'video',
    'audio',
    'source',
    'dialog',
  ],
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'formaction', 'xlink:href', 'action'],
  ALLOW_DATA_ATTR: false,
  ADD_ATTR: ['target'],
  RETURN_DOM_FRAGMENT: true as const,
};

/** KaTeX's MathML, sanitized on its own: MathML elements only, no links, no styles, no URLs. */
const MATH_CONFIG = {
  USE_PROFILES: { mathMl: true },
  FORBID_TAGS: ['maction', 'style', 'script', 'annotation', 'annotation-xml'],
  FORBID_ATTR: ['style', 'href', 'xlink:href', 'src', 'class', 'id'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true as const,
};

function typeset(seg: MathSegment): Node {
  // trust: false keeps \href, \url, \includegraphics and \htmlX out; errors show as red source text.
  const html = katex.renderToString(seg.tex, {
    displayMode: seg.display,
    output: 'mathml',
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxSize: 20,
    maxExpand: 200,
  });
  // The TeX source rides along in <annotation>: not shown, but copied and read out as text. Drop it whole
  // (forbidding the tag would keep its text).
  const fragment = purify.sanitize(html.replace(/<annotation[^>]*>[^<]*<\/annotation>/g, ''), MATH_CONFIG);
  const wrap = document.createElement(seg.display ? 'div' : 'span');
  wrap.className = 'math';
  wrap.append(fragment);
  return wrap;
}

/** Put typeset math where its placeholders landed in the rendered text. */
function insertMath(root: DocumentFragment, math: readonly MathSegment[]): void {
  if (math.length === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t as Text);
  for (const t of texts) {
    const value = t.data;
    if (!value.includes('\uE000')) continue;
    const parts: (Node | string)[] = [];
    let last = 0;
    for (const m of value.matchAll(MATH_TOKEN)) {
      parts.push(value.slice(last, m.index));
      const seg = math[Number(m[1])];
      parts.push(seg ? typeset(seg) : '');
      last = m.index + m[0].length;
    }
    parts.push(value.slice(last));
    t.replaceWith(...parts);
  }
}

/** Markdown (untrusted) -> a sanitized fragment, ready to append; LaTeX typeset as MathML. */
export function renderMarkdown(markdown: string): DocumentFragment {
  const { text, math } = extractMath(splitUrlsFromCjk(markdown));
  const html = marked.parse(text) as string;
  const fragment = purify.sanitize(html, CONFIG);
  insertMath(fragment, math);
  return fragment;
}
