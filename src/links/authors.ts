// Author names -> comparable keys: case, spacing, diacritics, `Last, F` vs `First Last`.

export interface AuthorKey {
  /** Folded surname, or the whole name for names in Han characters. */
  last: string;
  /** Folded given name(s); one letter when only the initial is known; '' for Han names. */
  first: string;
}

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'del',
  'della',
  'di',
  'la',
  'le',
  'du',
  'dos',
  'bin',
  'al',
]);
const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[a-z]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, no diacritics, no dots; letters the decomposition leaves alone are mapped by hand. */
export function foldLatin(text: string): string {
  // Printable ASCII has no marks to drop and none of the letters mapped by hand: only the last steps apply.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/[.']/g, '').replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[.'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key of one author's display name, or undefined when nothing name-like is left.
 * `Khalifa, M` -> {last: 'khalifa', first: 'm'}; `Muhammad Khalifa` -> {last: 'khalifa', first: 'muhammad'};
 * `王增志` -> {last: '王增志', first: ''}.
 */
export function authorKey(display: string): AuthorKey | undefined {
  const text = (PRINTABLE_ASCII.test(display) ? display : display.normalize('NFKC'))
    .replace(/\s+/g, ' ')
    .trim();
  // An empty name needs no guard of its own: it has no Han character and folds to no Latin letter.
  if (HAN.test(text) && !/[A-Za-z]/.test(text)) {
    const han = text.replace(/[\s·・.]/g, '');
    return han ? { last: han, first: '' } : undefined;
  }
  const folded = foldLatin(text);
  if (!LATIN_LETTER.test(folded)) return undefined;
  let lastPart: string;
  let firstPart: string;
  const comma = folded.indexOf(',');
  if (comma >= 0) {
    lastPart = folded.slice(0, comma);
    firstPart = folded.slice(comma + 1);
  } else {
    const tokens = folded.split(' ');
    // One token (`Peter`, `Wei`, a Chinese name split into syllables) names nobody in particular.
    if (tokens.length < 2) return undefined;
    let i = tokens.length - 1;
    while (i > 1 && PARTICLES.has(tokens[i - 1] as string)) i--;
    lastPart = tokens.slice(i).join(' ');
    firstPart = tokens.slice(0, i).join(' ');
  }
  const last = lastPart.replace(/[\s-]+/g, '');
  // Given names: first token only (middle names and initials vary between sources), hyphens dropped.
  const firstToken = firstPart.trim().split(/\s+/)[0] ?? '';
  const first = firstToken.replace(/-/g, '');
  if (!last) return undefined;
  return { last, first };
}

/**
 * Resolves author display names from many papers to group keys. A name known only by its initial
 * (`Khalifa, M`) joins the full name with that surname and initial when exactly one such full name exists.
 * Full names are counted in and out, so the index follows papers added, edited and removed.
 */
export class AuthorIndex {
  /** `last|initial` -> the full `last|first` keys seen with it, with how many times each. */
  private readonly fullsByInitial = new Map<string, Map<string, number>>();
  /** Display name -> key: the same names recur across many papers (and builds, when the map is shared). */
  constructor(private readonly keys = new Map<string, AuthorKey | undefined>()) {}

  key(display: string): AuthorKey | undefined {
    const cached = this.keys.get(display);
    if (cached !== undefined || this.keys.has(display)) return cached;
    const key = authorKey(display);
    this.keys.set(display, key);
    return key;
  }

  /**
   * Counts a full given name in (`by` 1) or out (-1). Returns the `last|initial` it counts under, read before
   * the count changes with `fullFor`; undefined for a name without a full given name (nothing is counted).
   */
  observe(display: string, by = 1, before?: (initial: string) => void): string | undefined {
    const key = this.key(display);
    if (!key || key.first.length < 2) return undefined;
    const initial = `${key.last}|${key.first[0] as string}`;
    before?.(initial);
    let fulls = this.fullsByInitial.get(initial);
    if (!fulls) this.fullsByInitial.set(initial, (fulls = new Map()));
    const full = `${key.last}|${key.first}`;
    const n = (fulls.get(full) ?? 0) + by;
    if (n > 0) fulls.set(full, n);
    else fulls.delete(full);
    if (fulls.size === 0) this.fullsByInitial.delete(initial);
    return initial;
  }

  /** The full name (`last|first`) an initial (`last|i`) stands for: the only one seen with it, else ''. */
  fullFor(initial: string): string {
    const fulls = this.fullsByInitial.get(initial);
    return fulls && fulls.size === 1 ? (fulls.keys().next().value as string) : '';
  }

  /** The group key for a display name. */
  resolve(display: string): string | undefined {
    const key = this.key(display);
    if (!key) return undefined;
    if (key.first === '') return key.last;
    const full = `${key.last}|${key.first}`;
    if (key.first.length >= 2) return full;
    return this.fullFor(full) || full;
  }
}

/**
 * Whether a display name tells one person apart: a full name (`Muhammad Khalifa`, `卡罗琳娜·鲁德尼卡`), not an
 * initial (`Khalifa, M`). A Chinese name of two or three characters (`张涛`, `杨丽`, `周东亮`) is written the same
 * for thousands of people, so, like an initial, it needs a second shared author.
 */
export function isFullName(
  display: string | undefined,
  keyOf: (display: string) => AuthorKey | undefined = authorKey,
): boolean {
  if (display === undefined) return false;
  const key = keyOf(display);
  if (key === undefined) return false;
  if (key.first === '') return [...key.last].length >= HAN_DISTINCT_LENGTH;
  return key.first.length >= 2;
}

/** Characters a name in Han script needs to be told apart alone (transliterated names are longer). */
const HAN_DISTINCT_LENGTH = 4;

/**
 * Whether one shared group (`author:…`, `org:…`) is evidence enough for a pair, given each paper's groups
 * (key -> the display name it came from). An author is the same person when both papers write the full name;
 * a match through an initial (`Khalifa, M`: Muhammad Khalifa or Mei Khalifa?) needs more: at least two shared
 * authors, more than a third of the shorter author list (`Wang, Y` and `Liu, X` turn up in any two
 * thirty-author lists) and a tenth of the longer one. (`keyOf`: `authorKey`, or a cache of it.)
 */
export function enoughEvidence(
  group: string,
  a: ReadonlyMap<string, string>,
  b: ReadonlyMap<string, string>,
  keyOf: (display: string) => AuthorKey | undefined = authorKey,
): boolean {
  if (!group.startsWith('author:')) return true;
  if (isFullName(a.get(group), keyOf) && isFullName(b.get(group), keyOf)) return true;
  let shared = 0;
  let authorsA = 0;
  let authorsB = 0;
  for (const key of a.keys()) {
    if (!key.startsWith('author:')) continue;
    authorsA++;
    if (b.has(key)) shared++;
  }
  for (const key of b.keys()) if (key.startsWith('author:')) authorsB++;
  // A hundred-author list holds some `Li, M` and `Zhang, X` by chance: the shared initials must be a fair part of
  // the longer list too.
  return (
    shared >= 2 &&
    shared * 3 > Math.min(authorsA, authorsB) &&
    shared * LONG_LIST_SHARE >= Math.max(authorsA, authorsB)
  );
}

/** Shared initial-only authors must be at least one in this many of the longer author list. */
const LONG_LIST_SHARE = 10;
