// Text folding shared by the matcher, the name registry and the cue finder.
import type { ConceptId } from '../types.js';

/**
 * NFKC (full-width `ＧＲＰＯ` -> `GRPO`), with every run of whitespace collapsed to one space.
 * Positions in the result are what the matcher and the cue finder work on.
 */
export function nfkcText(text: string): string {
  // The common case in one scan: only NFKC-stable characters and full-width ASCII (which folds to printable
  // ASCII, never to a space), no whitespace but single spaces; then only the full-width characters change.
  if (!STABLE_OR_FULL_WIDTH.test(text)) return text.replace(FULL_WIDTH_ALL, toHalfWidth);
  // \`normalize\` is costly on many short strings; text made only of ASCII, CJK ideographs, CJK punctuation
  // and full-width ASCII (the bulk of bilingual notes) is NFKC-folded by hand, identically.
  const folded = NEEDS_FULL_NFKC.test(text)
    ? text.normalize('NFKC')
    : text.replace(FULL_WIDTH_ALL, toHalfWidth);
  return MULTI_SPACE.test(folded) ? folded.replace(WHITESPACE_RUNS, ' ') : folded;
}

/** Characters outside the set whose NFKC form is known: ASCII, 、。〈〉《》「」…, CJK ideographs, full-width ASCII. */
const NEEDS_FULL_NFKC =
  /[^\x00-\x7f\u3000-\u3029\u3030-\u3035\u4e00-\u9fff\uff01-\uff5e\u2013\u2014\u2018\u2019\u201c\u201d\u00b7]/;
const FULL_WIDTH_ALL = /[\u3000\uff01-\uff5e]/g;
const STABLE_OR_FULL_WIDTH =
  /[^\x20-\x7e\u3001-\u3029\u3030-\u3035\u4e00-\u9fff\uff01-\uff5e\u2013\u2014\u2018\u2019\u201c\u201d\u00b7]| {2}/;
const MULTI_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u3000]/;
const WHITESPACE_RUNS = /\s+/g;

function toHalfWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
}

/**
 * Lower-case `text` without changing its length, so positions stay aligned with the cased text.
 * (A few characters, e.g. `İ`, lower-case to two code units; those are kept as they are.)
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** The separators a name may be written with interchangeably: `LLM-as-a-Judge`, `LLM as a judge`. */
export function isSeparatorCode(code: number): boolean {
  return (
    code === 0x20 || // space
    code === 0x2d || // -
    code === 0x5f || // _
    code === 0x2010 || // ‐
    code === 0x2011 || // ‑
    code === 0x2013 || // –
    code === 0xb7 // ·
  );
}

/** Latin letters and digits (after NFKC): the characters a Latin name must not be glued to. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x370 && code <= 0x3ff) || // Greek
    (code >= 0x400 && code <= 0x4ff) // Cyrillic
  );
}

/** A name folded for lookup: NFKC, lower case, separators and spaces as one space, trimmed. */
export function nameKey(name: string): string {
  // Long texts (titles, whole spans searched for a name) are folded each time: remembering them would hash
  // and keep every one of them for little gain.
  if (name.length > MAX_REMEMBERED_LENGTH) return foldKey(name);
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = foldKey(name);
    // The same names are folded again and again (registry, claims, lookups): remember a bounded number.
    if (nameKeys.size >= MAX_REMEMBERED_KEYS) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

function foldKey(name: string): string {
  return lowerSameLength(nfkcText(name)).replace(SEPARATORS, ' ').trim();
}

const nameKeys = new Map<string, string>();
const MAX_REMEMBERED_KEYS = 200_000;
const MAX_REMEMBERED_LENGTH = 48;

/** Runs of the separators `isSeparatorCode` accepts (and whitespace). */
/** The characters between the parts of a name (`isSeparatorCode`'s, and whitespace), as a regex class body. */
export const SEPARATOR_CLASS = '\\s\\-_\\u2010\\u2011\\u2013\\u00b7';
const SEPARATORS = new RegExp(`[${SEPARATOR_CLASS}]+`, 'g');

/** `concept:<normalised name>`: lower case, separators as `-` (`concept:llm-as-a-judge`). */
export function conceptIdOf(name: string): ConceptId {
  const slug = nameKey(name)
    .replace(/[\s,，、/\\:：;；'"`()（）[\]{}<>《》]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `concept:${slug}` as ConceptId;
}

/** Keys that must never be used as plain-object property names. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True when a name cannot be used as a concept or organisation name. */
export function isReservedName(name: string): boolean {
  const key = nameKey(name);
  // Every reserved word leaves `proto` or `constructor` in the key with its spaces taken out: the rest of
  // the (many) names need no second folding.
  const compact = key.includes(' ') ? key.replace(/\s+/g, '') : key;
  if (!compact.includes('proto') && !compact.includes('constructor')) return false;
  const bare = name.normalize('NFKC').trim().toLowerCase();
  return RESERVED_KEYS.has(bare) || RESERVED_KEYS.has(key) || RESERVED_KEYS.has(key.replace(/\s+/g, ''));
}
