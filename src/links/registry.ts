// Every name the matcher knows -> what it stands for (a paper, a concept, an organisation), compiled into
// one automaton, and the mention finder over a sentence.
import { Automaton } from './automaton.js';
import { isReservedName, isSeparatorCode, isWordCode, nameKey, nfkcText } from './normalise.js';

/** A paper (index into the sorted papers) or a concept (index into the concept table). */
export type Target = { t: 'paper'; i: number } | { t: 'concept'; i: number };

export interface NameEntry {
  key: string;
  node: Target | undefined;
  nodePriority: number;
  org: number | undefined;
  /** Forms the name must be written in (separators as spaces) when case matters; undefined: any case. */
  exact: Set<string> | undefined;
  orgExact: Set<string> | undefined;
  /** A lexicon name kept to its case that any case writes where it stands alone in Han text (`要用 lean 这种工具`). */
  anyCaseInHan: boolean;
}

/**
 * A name entry with every field present, always in the same order: the matcher reads entries in its
 * hottest loop, and objects of one shape (no `delete`, no late additions) keep those reads fast.
 */
export function nameEntry(key: string, nodePriority = -1): NameEntry {
  return {
    key,
    node: undefined,
    nodePriority,
    org: undefined,
    exact: undefined,
    orgExact: undefined,
    anyCaseInHan: false,
  };
}

export interface Mention {
  start: number;
  end: number;
  entry: NameEntry;
}

function separatorsAsSpace(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isSeparatorCode(code) ? ' ' : text[i];
  }
  return out;
}

function exactForms(name: string): Set<string> {
  const form = separatorsAsSpace(nfkcText(name).trim());
  return new Set([form, form.toUpperCase()]);
}

const HAN_CHAR = /\p{Script=Han}/u;

/** Whether `lower[start, end)` stands alone between Han characters (spaces aside): a term, not an English word. */
function betweenHan(lower: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && lower[before] === ' ') before--;
  let after = end;
  while (after < lower.length && lower[after] === ' ') after++;
  return (
    before >= 0 &&
    after < lower.length &&
    HAN_CHAR.test(lower[before] as string) &&
    HAN_CHAR.test(lower[after] as string)
  );
}

/** A compiled matcher and the pattern id of each name in it, reusable by a registry with the same names. */
export interface CompiledNames {
  readonly automaton: Automaton;
  readonly ids: ReadonlyMap<string, number>;
  /**
   * How many of `ids` are live names of the registry it last served (the rest are carried along, dead, until
   * they are too many). Updated when a registry takes the matcher over as it is.
   */
  live: number;
}

/** New names that extend an earlier matcher rather than build a new one. */
const MAX_EXTENSION = 64;

export class NameRegistry {
  readonly entries = new Map<string, NameEntry>();
  private automaton: Automaton | undefined;
  private byPattern: (NameEntry | undefined)[] = [];

  constructor(private readonly ignore: ReadonlySet<string>) {}

  private entry(name: string): NameEntry | undefined {
    const key = nameKey(name);
    if (key === '' || this.ignore.has(key) || isReservedName(name)) return undefined;
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = nameEntry(key)));
    return entry;
  }

  /** Points `name` at a node unless a stronger claim holds it. Returns whether it took the name. */
  setNode(name: string, target: Target, priority: number, exact: boolean, anyCaseInHan = false): boolean {
    const entry = this.entry(name);
    if (!entry || priority <= entry.nodePriority) return false;
    entry.node = target;
    entry.nodePriority = priority;
    entry.exact = exact ? exactForms(name) : undefined;
    entry.anyCaseInHan = exact && anyCaseInHan;
    return true;
  }

  setOrg(name: string, org: number, exact: boolean): void {
    const entry = this.entry(name);
    if (!entry || entry.org !== undefined) return;
    entry.org = org;
    if (exact) entry.orgExact = exactForms(name);
  }

  /** Re-points every name of one target at another (a lexicon concept taken over by a paper). */
  retarget(from: Target, to: Target, priority: number): void {
    for (const entry of this.entries.values()) {
      if (entry.node && entry.node.t === from.t && entry.node.i === from.i) {
        entry.node = to;
        entry.nodePriority = priority;
      }
    }
  }

  lookup(name: string): NameEntry | undefined {
    return this.entries.get(nameKey(name));
  }

  /**
   * Builds the matcher. The matcher of an earlier registry (`previous`) is reused when it holds every name of
   * this one: what a scan finds depends only on the set of names, not on their order or targets, and patterns
   * that are no name here any more are skipped by `find`. A few new names extend a copy of it instead of
   * building one from scratch. Dropped names are carried along until they are a quarter of the patterns.
   */
  compile(previous?: CompiledNames | null): CompiledNames {
    this.byPattern = [];
    if (previous) {
      const fresh: NameEntry[] = [];
      let live = 0;
      for (const entry of this.entries.values()) {
        if (!entry.node && entry.org === undefined) continue;
        const id = previous.ids.get(entry.key);
        if (id === undefined) {
          fresh.push(entry);
          if (fresh.length > MAX_EXTENSION) break;
          continue;
        }
        this.byPattern[id] = entry;
        live++;
      }
      const extended = this.extend(previous, live, fresh);
      if (extended) return extended;
      this.byPattern = [];
    }
    const automaton = new Automaton();
    const ids = new Map<string, number>();
    for (const entry of this.entries.values()) {
      if (!entry.node && entry.org === undefined) continue;
      const id = automaton.add(entry.key);
      ids.set(entry.key, id);
      this.byPattern[id] = entry;
    }
    this.automaton = automaton.compile();
    return { automaton: this.automaton, ids, live: ids.size };
  }

  /**
   * `previous` (with `live` of its names in this registry, already in `byPattern`) as this registry's matcher,
   * extended by the `fresh` names it lacks; undefined when too many are new or dead to keep it.
   */
  private extend(previous: CompiledNames, live: number, fresh: NameEntry[]): CompiledNames | undefined {
    const dead = previous.ids.size - live;
    if (fresh.length > MAX_EXTENSION || (dead + fresh.length) * 4 > previous.ids.size) return undefined;
    if (fresh.length === 0) {
      this.automaton = previous.automaton;
      previous.live = live;
      return previous;
    }
    const automaton = previous.automaton.extended(fresh.map((e) => e.key));
    const ids = new Map(previous.ids);
    for (const entry of fresh) {
      const id = automaton.idOf(entry.key) as number;
      ids.set(entry.key, id);
      this.byPattern[id] = entry;
    }
    this.automaton = automaton;
    return { automaton, ids, live: live + fresh.length };
  }

  /**
   * After only the names `keys` were set, cleared or removed since this registry compiled `previous`: a matcher
   * that finds what `compile(previous)`'s finds, worked out from those keys instead of every name. (Entries
   * changed in place need nothing: `find` reads the entry objects, and skips one that no longer names anything.)
   */
  recompile(previous: CompiledNames, keys: Iterable<string>): CompiledNames {
    if (this.automaton !== previous.automaton) return this.compile(previous);
    let live = previous.live;
    const fresh: NameEntry[] = [];
    for (const key of keys) {
      const entry = this.entries.get(key);
      const now = entry !== undefined && (entry.node !== undefined || entry.org !== undefined);
      const id = previous.ids.get(key);
      if (id === undefined) {
        if (now) fresh.push(entry);
        continue;
      }
      const was = this.byPattern[id] !== undefined;
      this.byPattern[id] = now ? entry : undefined;
      live += (now ? 1 : 0) - (was ? 1 : 0);
    }
    return this.extend(previous, live, fresh) ?? this.compile(null);
  }

  /**
   * The names in a sentence: every match that respects Latin word boundaries and case rules, then the
   * leftmost-longest non-overlapping ones. `norm` is the NFKC text, `lower` its same-length lower case.
   */
  find(norm: string, lower: string): Mention[] {
    if (!this.automaton) this.compile();
    const found: Mention[] = [];
    (this.automaton as Automaton).scan(lower, (start, end, id) => {
      const entry = this.byPattern[id];
      if (!entry) return;
      if (isWordCode(lower.charCodeAt(start)) && start > 0 && isWordCode(lower.charCodeAt(start - 1))) return;
      if (isWordCode(lower.charCodeAt(end - 1)) && end < lower.length && isWordCode(lower.charCodeAt(end)))
        return;
      const ok =
        entry.node !== undefined &&
        (!entry.exact ||
          entry.exact.has(separatorsAsSpace(norm.slice(start, end))) ||
          (entry.anyCaseInHan && betweenHan(lower, start, end)));
      const orgOk =
        entry.org !== undefined &&
        (!entry.orgExact || entry.orgExact.has(separatorsAsSpace(norm.slice(start, end))));
      if (!ok && !orgOk) return;
      if (!ok || !orgOk) {
        // Only one role passed its case rule: keep just that one.
        const narrowed = nameEntry(entry.key, entry.nodePriority);
        if (ok && entry.node) narrowed.node = entry.node;
        if (orgOk && entry.org !== undefined) narrowed.org = entry.org;
        found.push({ start, end, entry: narrowed });
        return;
      }
      found.push({ start, end, entry });
    });
    if (found.length <= 1) return found;
    // Matches arrive by end position; most sentences hold no nested names and are already in order.
    let ordered = true;
    for (let k = 1; k < found.length && ordered; k++) {
      const a = found[k - 1] as Mention;
      const b = found[k] as Mention;
      ordered = a.end <= b.start;
    }
    if (ordered) return found;
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: Mention[] = [];
    let reach = -1;
    for (const m of found) {
      if (m.start >= reach) {
        chosen.push(m);
        reach = m.end;
      }
    }
    return chosen;
  }
}
