// Aho–Corasick automaton over folded names: one pass over a text finds every name in it, in time linear
// in the text's length plus the number of matches, whatever the number of names.
import { isSeparatorCode } from './normalise.js';

const ROOT = 0;
/** Above this many children a node switches from a sibling list to a Map. */
const MAP_THRESHOLD = 12;
/** Patterns an extended automaton keeps in its small automaton beside the big one before it is built anew. */
export const MAX_OVERLAY = 256;
const SPACE = 0x20;

function slotOf(node: number, code: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(code + 1, 0x85ebca6b);
}

function foldCode(code: number): number {
  return isSeparatorCode(code) ? SPACE : code;
}

export class Automaton {
  // Trie as first-child / next-sibling lists; wide nodes get a Map as well.
  private code: number[] = [0];
  private firstChild: number[] = [-1];
  private nextSibling: number[] = [-1];
  private childCount: number[] = [0];
  private wide: (Map<number, number> | undefined)[] = [undefined];
  private depth: number[] = [0];
  /** Pattern ending exactly at the node, or -1. */
  private output: number[] = [-1];
  private fail: Int32Array = new Int32Array(1);
  /** Nearest proper suffix node that ends a pattern, or -1. */
  private dictLink: Int32Array = new Int32Array(1);
  /** The first node to report at a node: itself if it ends a pattern, else its `dictLink`. */
  private report: Int32Array = new Int32Array(1).fill(-1);
  private patternAt: Int32Array = new Int32Array(1);
  private depthAt: Int32Array = new Int32Array(1);
  // Every non-root transition in one open-addressing table (parent, code) -> child: one probe or two per
  // step instead of a walk over a sibling list.
  private slotParent: Int32Array = new Int32Array(1);
  private slotCode: Int32Array = new Int32Array(1);
  private slotChild: Int32Array = new Int32Array(1);
  private slotMask = 0;
  /** Per node: a bit per child code (`code & 31`), so most misses need no probe; the child when only one. */
  private childBits: Int32Array = new Int32Array(1);
  private onlyChild: Int32Array = new Int32Array(1);
  private onlyCode: Int32Array = new Int32Array(1);
  /** The root's transitions as a dense table: most steps of a scan start again from the root. */
  private rootTable = new Int32Array(0x10000).fill(-1);
  private keys: string[] = [];
  private idOfKey = new Map<string, number>();
  private compiled = false;
  /**
   * An automaton made by `extended` without building it anew: the patterns of `base` (compiled, shared, never
   * changed) and, with ids after them, those of the small `overlay`, scanned beside it. Its own trie is empty.
   */
  private base: Automaton | undefined;
  private overlay: Automaton | undefined;

  /** Number of distinct patterns. */
  get size(): number {
    if (this.base) return this.base.size + (this.overlay as Automaton).size;
    return this.keys.length;
  }

  /** Adds a pattern (already folded with `nameKey`); returns its id. The same key gives the same id. */
  add(key: string): number {
    if (this.compiled) throw new Error('papermap/links: automaton already compiled');
    if (key.length === 0) throw new Error('papermap/links: empty pattern');
    const known = this.idOfKey.get(key);
    if (known !== undefined) return known;
    let node = ROOT;
    for (let i = 0; i < key.length; i++) {
      const c = foldCode(key.charCodeAt(i));
      let child = this.child(node, c);
      if (child < 0) child = this.newChild(node, c);
      node = child;
    }
    const id = this.keys.length;
    this.keys.push(key);
    this.idOfKey.set(key, id);
    this.output[node] = id;
    return id;
  }

  /**
   * A new automaton with every pattern of this one (same ids) and `keys` added after them, compiled; this one is
   * left as it is. The big automaton is shared, not copied or built again: the new patterns go to a small one
   * scanned beside it (a warm edit adds a name or two to tens of thousands), until they are MAX_OVERLAY.
   */
  extended(keys: Iterable<string>): Automaton {
    const base = this.base ?? this;
    const extra = this.overlay ? [...this.overlay.keys] : [];
    const known = new Set(extra);
    for (const key of keys) {
      if (key.length === 0) throw new Error('papermap/links: empty pattern');
      if (known.has(key) || base.idOf(key) !== undefined) continue;
      known.add(key);
      extra.push(key);
    }
    if (extra.length > MAX_OVERLAY || !base.compiled) {
      const whole = new Automaton();
      for (const key of base.keys) whole.add(key);
      for (const key of extra) whole.add(key);
      return whole.compile();
    }
    const overlay = new Automaton();
    for (const key of extra) overlay.add(key);
    const next = new Automaton();
    next.base = base;
    next.overlay = overlay.compile();
    next.compiled = true;
    return next;
  }

  /** The id of a pattern, if it is one. */
  idOf(key: string): number | undefined {
    if (this.base) {
      const id = this.base.idOf(key);
      if (id !== undefined) return id;
      const extra = (this.overlay as Automaton).idOf(key);
      return extra === undefined ? undefined : this.base.size + extra;
    }
    return this.idOfKey.get(key);
  }

  keyOf(id: number): string {
    if (this.base)
      return id < this.base.size
        ? this.base.keyOf(id)
        : (this.overlay as Automaton).keyOf(id - this.base.size);
    const key = this.keys[id];
    if (key === undefined) throw new Error(`papermap/links: no pattern ${id}`);
    return key;
  }

  /** Builds the failure links (breadth first). Call once, after the last `add`. */
  compile(): this {
    if (this.compiled) return this;
    const n = this.code.length;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let c = this.firstChild[ROOT] ?? -1; c >= 0; c = this.nextSibling[c] ?? -1) {
      this.fail[c] = ROOT;
      queue[tail++] = c;
    }
    while (head < tail) {
      const node = queue[head++] as number;
      for (let c = this.firstChild[node] ?? -1; c >= 0; c = this.nextSibling[c] ?? -1) {
        const ch = this.code[c] as number;
        let f = this.fail[node] as number;
        let target = this.child(f, ch);
        while (target < 0 && f !== ROOT) {
          f = this.fail[f] as number;
          target = this.child(f, ch);
        }
        const fc = target >= 0 && target !== c ? target : ROOT;
        this.fail[c] = fc;
        this.dictLink[c] = (this.output[fc] as number) >= 0 ? fc : (this.dictLink[fc] as number);
        queue[tail++] = c;
      }
    }
    this.report = new Int32Array(n);
    this.patternAt = Int32Array.from(this.output);
    this.depthAt = Int32Array.from(this.depth);
    for (let node = 0; node < n; node++)
      this.report[node] = (this.output[node] as number) >= 0 ? node : (this.dictLink[node] as number);
    let size = 16;
    while (size < n * 2) size *= 2;
    this.slotParent = new Int32Array(size).fill(-1);
    this.slotCode = new Int32Array(size);
    this.slotChild = new Int32Array(size);
    this.slotMask = size - 1;
    this.childBits = new Int32Array(n);
    this.onlyChild = new Int32Array(n).fill(-1);
    this.onlyCode = new Int32Array(n);
    for (let node = 1; node < n; node++) {
      const first = this.firstChild[node] as number;
      if (first >= 0 && (this.nextSibling[first] as number) < 0) {
        this.onlyChild[node] = first;
        this.onlyCode[node] = this.code[first] as number;
      }
      for (let c = first; c >= 0; c = this.nextSibling[c] ?? -1) {
        const code = this.code[c] as number;
        this.childBits[node] = (this.childBits[node] as number) | (1 << (code & 31));
        let slot = slotOf(node, code) & this.slotMask;
        while ((this.slotParent[slot] as number) >= 0) slot = (slot + 1) & this.slotMask;
        this.slotParent[slot] = node;
        this.slotCode[slot] = code;
        this.slotChild[slot] = c;
      }
    }
    this.compiled = true;
    return this;
  }

  /**
   * Reports every occurrence of every pattern in `lowerText` (already NFKC and lower-cased; separators are
   * folded here) as `onMatch(start, end, patternId)`, `end` exclusive.
   */
  scan(lowerText: string, onMatch: (start: number, end: number, id: number) => void): void {
    if (this.base) {
      this.scanBoth(this.base, this.overlay as Automaton, lowerText, onMatch);
      return;
    }
    if (!this.compiled) this.compile();
    const { rootTable, fail, report, dictLink, patternAt, depthAt, slotParent, slotCode, slotChild } = this;
    const { childBits, onlyChild, onlyCode } = this;
    const mask = this.slotMask;
    const n = lowerText.length;
    let node = ROOT;
    for (let i = 0; i < n; i++) {
      const c = foldCode(lowerText.charCodeAt(i));
      let next = -1;
      for (;;) {
        if (node === ROOT) {
          next = rootTable[c] as number;
          break;
        }
        if ((((childBits[node] as number) >>> (c & 31)) & 1) !== 0) {
          const only = onlyChild[node] as number;
          if (only >= 0) {
            if (onlyCode[node] === c) next = only;
          } else {
            let slot = slotOf(node, c) & mask;
            for (let parent = slotParent[slot] as number; parent >= 0; parent = slotParent[slot] as number) {
              if (parent === node && slotCode[slot] === c) {
                next = slotChild[slot] as number;
                break;
              }
              slot = (slot + 1) & mask;
            }
          }
          if (next >= 0) break;
        }
        node = fail[node] as number;
      }
      node = next < 0 ? ROOT : next;
      for (let out = report[node] as number; out >= 0; out = dictLink[out] as number) {
        onMatch(i + 1 - (depthAt[out] as number), i + 1, patternAt[out] as number);
      }
    }
  }

  /**
   * Both automata's matches in the order one automaton holding all the patterns reports them: by end, and at
   * one end the longest first (a node's own pattern, then its dictionary links, which are ever shorter).
   */
  private scanBoth(
    base: Automaton,
    overlay: Automaton,
    lowerText: string,
    onMatch: (start: number, end: number, id: number) => void,
  ): void {
    const offset = base.size;
    const extra: number[] = [];
    overlay.scan(lowerText, (start, end, id) => extra.push(start, end, offset + id));
    if (extra.length === 0) {
      base.scan(lowerText, onMatch);
      return;
    }
    let k = 0;
    base.scan(lowerText, (start, end, id) => {
      // Overlay matches that end earlier, or at this end and are longer, come first.
      while (
        k < extra.length &&
        ((extra[k + 1] as number) < end || ((extra[k + 1] as number) === end && (extra[k] as number) < start))
      ) {
        onMatch(extra[k] as number, extra[k + 1] as number, extra[k + 2] as number);
        k += 3;
      }
      onMatch(start, end, id);
    });
    for (; k < extra.length; k += 3)
      onMatch(extra[k] as number, extra[k + 1] as number, extra[k + 2] as number);
  }

  private child(node: number, c: number): number {
    if (node === ROOT) return this.rootTable[c] as number;
    const map = this.wide[node];
    if (map !== undefined) return map.get(c) ?? -1;
    for (let k = this.firstChild[node] as number; k >= 0; k = this.nextSibling[k] as number) {
      if (this.code[k] === c) return k;
    }
    return -1;
  }

  private newChild(node: number, c: number): number {
    const id = this.code.length;
    this.code.push(c);
    this.firstChild.push(-1);
    this.nextSibling.push(this.firstChild[node] as number);
    this.childCount.push(0);
    this.depth.push((this.depth[node] as number) + 1);
    this.output.push(-1);
    this.wide.push(undefined);
    this.firstChild[node] = id;
    if (node === ROOT) this.rootTable[c] = id;
    const count = (this.childCount[node] as number) + 1;
    this.childCount[node] = count;
    const map = this.wide[node];
    if (map !== undefined) map.set(c, id);
    else if (count > MAP_THRESHOLD) {
      const m = new Map<number, number>();
      for (let k = this.firstChild[node] as number; k >= 0; k = this.nextSibling[k] as number) {
        m.set(this.code[k] as number, k);
      }
      this.wide[node] = m;
    }
    return id;
  }
}
