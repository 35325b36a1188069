// Located text spans -> sentences, each with the line it starts on, for evidence.
import type { TextSpan } from '../types.js';

export interface Sentence {
  file: string;
  line: number;
  /** The sentence as written, trimmed. */
  text: string;
}

/** Abbreviations after which a full stop does not end an English sentence. */
const ABBREVIATIONS = new Set([
  'vs',
  'e.g',
  'i.e',
  'etc',
  'al',
  'fig',
  'cf',
  'dr',
  'mr',
  'ms',
  'no',
  'eq',
  'sec',
  'approx',
]);

/** Longest evidence kept; longer sentences are cut on the nearest separator. */
export const MAX_SENTENCE = 600;

function isSentenceEnd(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // 。！？；!?; and newline
  if (code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b) return true;
  if (code === 0x21 || code === 0x3f || code === 0x3b || code === 0x0a) return true;
  if (code !== 0x2e) return false;
  if (i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next !== 0x20 && next !== 0x09) return false;
  }
  // The word before the full stop: decimals, initials and abbreviations do not end a sentence.
  let j = i - 1;
  while (j >= 0 && /[A-Za-z.]/.test(text[j] as string)) j--;
  const word = text.slice(j + 1, i).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (/^[a-z]$/i.test(word)) return false; // `J. Smith`, `Khalifa, M.`
  return true;
}

/** Where a sentence may end: the characters `isSentenceEnd` looks at (found natively, not char by char). */
const END_CANDIDATE = /[\u3002\uff01\uff1f\uff1b!?;\n.]/g;

/** Splits one span into trimmed, non-empty sentences; `line` counts the newlines before each. */
export function splitSentences(span: TextSpan): Sentence[] {
  const out: Sentence[] = [];
  const text = span.text;
  let start = 0;
  let line = span.line;
  let startLine = line;
  END_CANDIDATE.lastIndex = 0;
  while (END_CANDIDATE.test(text)) {
    const i = END_CANDIDATE.lastIndex - 1;
    const newline = text.charCodeAt(i) === 10;
    if (isSentenceEnd(text, i)) {
      pushSentence(out, span, start, i + 1, startLine);
      start = i + 1;
      startLine = newline ? line + 1 : line;
    }
    if (newline) line++;
  }
  pushSentence(out, span, start, text.length, startLine);
  return out;
}

/** The sentence `span.text[start, end)`, trimmed, if not blank; `startLine` is the line `start` is on. */
function pushSentence(out: Sentence[], span: TextSpan, start: number, end: number, startLine: number): void {
  const text = span.text;
  const raw = text.slice(start, end);
  const trimmed = raw.trim();
  if (trimmed.length === 0) return;
  // The line of the first non-blank character.
  const lead = raw.length - raw.trimStart().length;
  let l = startLine;
  for (let k = start; k < start + lead; k++) if (text.charCodeAt(k) === 10) l++;
  pushLong(out, span.file, l, trimmed);
}

/** Very long "sentences" (tables, run-on lines) are cut so that evidence stays readable. */
function pushLong(out: Sentence[], file: string, line: number, text: string): void {
  if (text.length <= MAX_SENTENCE) {
    out.push({ file, line, text });
    return;
  }
  let rest = text;
  while (rest.length > MAX_SENTENCE) {
    let cut = Math.max(rest.lastIndexOf('，', MAX_SENTENCE), rest.lastIndexOf(', ', MAX_SENTENCE));
    if (cut < MAX_SENTENCE / 2) cut = MAX_SENTENCE;
    out.push({ file, line, text: rest.slice(0, cut + 1).trim() });
    rest = rest.slice(cut + 1);
  }
  if (rest.trim()) out.push({ file, line, text: rest.trim() });
}
