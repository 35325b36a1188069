// Notes are untrusted. Markdown is rendered with marked and everything it produces goes through DOMPurify
// with a strict profile: no scripts, no event handlers, no frames/SVG/MathML/forms/styles, and only
// http(s)/mailto URLs. Links open in a new tab without an opener or referrer.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
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

/** Markdown (untrusted) -> a sanitized fragment, ready to append. */
export function renderMarkdown(markdown: string): DocumentFragment {
  const html = marked.parse(splitUrlsFromCjk(markdown)) as string;
  return purify.sanitize(html, CONFIG);
}
