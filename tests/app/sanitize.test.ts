// @vitest-environment jsdom
// The summary sanitizer over the hostile note (tests/e2e/fixtures/hostile.md: script, handlers, frames, SVG,
// MathML, forms, styles, javascript:/data: links), in a DOM without a browser: nothing that could run, restyle
// the page or leave it reaches the fragment, and the readable text and the one safe link stay.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderMarkdown, safeUrl } from '../../src/app/panel/sanitize.js';
import { parseNotes } from '../../src/parse/index.js';

const hostile = readFileSync(path.join(import.meta.dirname, '..', 'e2e', 'fixtures', 'hostile.md'), 'utf8');
// Parsed before each test, not at import, so that mutation testing sees which test runs which code.
let summary = '';
beforeEach(() => {
  const paper = parseNotes([{ path: 'hostile.md', text: hostile }]).papers.find(
    (p) => p.id === 'arxiv:2506.99999',
  );
  summary = paper?.summary ?? '';
});

const DANGEROUS =
  'script, style, iframe, frame, object, embed, svg, math, form, input, button, textarea, select, link, meta, base, video, audio, source, dialog';

function render(markdown: string): HTMLElement {
  const holder = document.createElement('div');
  holder.append(renderMarkdown(markdown));
  return holder;
}

describe('renderMarkdown over the hostile note', () => {
  it('gets the raw hostile HTML from the parser (so the checks below mean something)', () => {
    for (const raw of [
      '<script>',
      'onerror=',
      '<iframe',
      '<svg',
      '<style>',
      'style="',
      '<form',
      'javascript:',
      'data:',
    ])
      expect(summary).toContain(raw);
  });

  let out: HTMLElement;
  let all: Element[] = [];
  beforeEach(() => {
    out = render(summary);
    all = [...out.querySelectorAll('*')];
  });

  it('keeps no element that runs, embeds, restyles or submits', () => {
    expect([...out.querySelectorAll(DANGEROUS)].map((e) => e.tagName)).toEqual([]);
  });

  it('keeps no event handler, style, class, id or data attribute', () => {
    const bad = all.flatMap((e) =>
      [...e.attributes]
        .filter(
          (a) =>
            /^on/i.test(a.name) ||
            ['style', 'class', 'id', 'srcset', 'action'].includes(a.name) ||
            a.name.startsWith('data-'),
        )
        .map((a) => `${e.tagName}@${a.name}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps only http(s)/mailto links, opened in a new tab without opener or referrer', () => {
    const links = [...out.querySelectorAll('a')];
    const hrefs = links.map((a) => a.getAttribute('href'));
    for (const href of hrefs) if (href !== null) expect(href).toMatch(/^(https?:|mailto:)/i);
    expect(hrefs).toContain('https://example.org/ok');
    expect(hrefs.some((h) => h !== null && /javascript:|data:/i.test(h))).toBe(false);
    // `[click me](javascript:…)` stays as a link without an href
    expect(links.find((a) => a.textContent === 'click me')?.hasAttribute('href')).toBe(false);
    for (const a of links)
      expect(`${a.getAttribute('rel')}|${a.getAttribute('target')}`).toBe('noopener noreferrer|_blank');
  });

  it('keeps no image with an unsafe source', () => {
    expect([...out.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([]);
  });

  it('keeps the readable text of what it stripped', () => {
    const text = out.textContent ?? '';
    for (const words of ['开头', '图片', '框架', '矢量', '链接', 'click me', '样式', 'cover', 'fine link'])
      expect(text).toContain(words);
    expect(text).not.toContain('window.__pwned');
    expect(text).not.toContain('display:none');
  });
});

describe('renderMarkdown, one hostile construct at a time', () => {
  const table: [string, string][] = [
    ['<style>body{display:none}</style>text', 'style'],
    ['text <style>body{display:none}</style>', 'style'],
    ['a <iframe src="https://example.org"></iframe>', 'iframe'],
    ['a <svg><circle r="1"/></svg>', 'svg'],
    ['a <form><input name="x"></form>', 'form'],
    ['a <math><mi>x</mi></math>', 'math'],
    ['a <object data="x.swf"></object>', 'object'],
    ['a <link rel="stylesheet" href="https://evil.example/x.css">', 'link'],
    ['a <meta http-equiv="refresh" content="0;url=https://evil.example">', 'meta'],
    ['a <base href="https://evil.example/">', 'base'],
    ['a <video src="https://example.org/v.mp4"></video>', 'video'],
    ['a <dialog open>x</dialog>', 'dialog'],
  ];
  it.each(table)('%s drops <%s>', (markdown, tag) => {
    expect(render(markdown).querySelector(tag)).toBeNull();
  });

  it('loads no remote image by default: a link to it takes its place', () => {
    const out = render('![chart](https://example.org/c.png)');
    expect(out.querySelector('img')).toBeNull();
    const link = out.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/c.png');
    expect(link?.textContent).toContain('not loaded from example.org');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps a safe https image, without a referrer, when the page allows remote images', () => {
    const meta = document.createElement('meta');
    meta.setAttribute('http-equiv', 'Content-Security-Policy');
    meta.setAttribute('content', "default-src 'self'; img-src 'self' https:");
    document.head.append(meta);
    try {
      const img = render('![chart](https://example.org/c.png)').querySelector('img');
      expect(img?.getAttribute('src')).toBe('https://example.org/c.png');
      expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
    } finally {
      meta.remove();
    }
  });

  it('safeUrl keeps only http(s) and mailto', () => {
    expect(safeUrl(' https://a.example ')).toBe('https://a.example');
    expect(safeUrl('MAILTO:x@y.z')).toBe('MAILTO:x@y.z');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('//evil.example')).toBeNull();
  });
});
