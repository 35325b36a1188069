// Incremental mergeFileParses for long-lived builders: the same ParseResult as `mergeFileParses(parses)`, but
// after a few files change only the papers those files touch are merged again.
//
// How it stays exact without copying the merge rules: entries are grouped into clusters that no merge decision
// crosses (entries sharing an arXiv id, any normalised title or alt title, or the same file and line). The merge
// of a cluster depends only on its own entries in their global order, so a changed file re-merges just the
// clusters its old and new entries belong to, by calling `mergeFileParses` itself on those entries. Cited-only
// records are rebuilt the same way for the arXiv ids whose citations or owners changed. Anything the cluster
// bookkeeping cannot place exactly (an id claimed across clusters, a diagnostic at no entry's line, a file
// diagnostic naming another file) falls back to a whole `mergeFileParses` for that build.
import type { Diagnostic, PaperRecord, ParseResult } from '../types.js';
import { mergeEntries, type MergeOptions } from './merge.js';
import { joinSameWork } from './same-work.js';
import { normaliseTitle } from './text.js';
import type { Cite, FileEntry, FileParse } from './types.js';

interface EntryRef {
  file: string;
  entry: FileEntry;
  keys: string[];
  cluster: Cluster | null;
}

interface Cluster {
  entries: EntryRef[];
  records: PaperRecord[];
  diagnostics: Diagnostic[];
  groups: number;
}

interface FileState {
  parse: FileParse;
  /** Entries in the merge's order (stable by line). */
  entries: EntryRef[];
  /** arXiv id -> its citations in this file, in the merge's order, topic paths filled in. */
  cites: Map<string, Cite[]>;
}

export interface IncrementalMerge {
  /** Same result as `mergeFileParses(parses)`; parses are recognised as unchanged by object identity. */
  merge(parses: readonly FileParse[]): ParseResult;
  /** Files whose clusters were merged again by the last call (all of them after a full merge). */
  readonly lastMerged: number;
  /** How the last call merged: from scratch, only what changed, or by a whole `mergeFileParses` (fallback). */
  readonly lastMode: 'full' | 'incremental' | 'fallback';
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function posKey(file: string, line: number): string {
  return `p\u0000${file}\u0000${line}`;
}

function entryKeys(file: string, entry: FileEntry): string[] {
  const keys = [posKey(file, entry.line)];
  if (entry.arxiv) keys.push(`a\u0000${entry.arxiv}`);
  for (const t of [entry.title, ...entry.altTitles]) {
    const k = normaliseTitle(t);
    const key = k ? `t\u0000${k}` : `r\u0000${t}`;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** A parse whose merge depends on other files beyond arXiv ids and titles. */
function crossFile(parse: FileParse): boolean {
  if (parse.library || parse.hub || parse.citekeys || parse.noteLinks) return true;
  for (const e of parse.entries)
    if (e.ids || e.notes || e.noteLinks || e.joinOnly || e.weakTitle) return true;
  return false;
}

function fileCites(parse: FileParse): Map<string, Cite[]> {
  const out = new Map<string, Cite[]>();
  const add = (c: Cite, topicPath: string[]) => {
    const list = out.get(c.arxiv);
    const cite: Cite = { ...c, topicPath: c.topicPath ?? topicPath };
    if (list) list.push(cite);
    else out.set(c.arxiv, [cite]);
  };
  for (const entry of parse.entries) for (const c of entry.cites) add(c, entry.topicPath);
  for (const c of parse.cites) add(c, []);
  return out;
}

class Fallback extends Error {}

export function createIncrementalMerge(options?: MergeOptions | null): IncrementalMerge {
  let files = new Map<string, FileState>();
  let keyIndex = new Map<string, Set<EntryRef>>();
  let byId = new Map<string, PaperRecord>();
  let cited = new Map<string, PaperRecord>();
  /** arXiv id -> files citing it. */
  let citers = new Map<string, Set<string>>();
  let buckets = new Map<string, Diagnostic[]>();
  let list: PaperRecord[] = [];
  let entryCount = 0;
  let groupCount = 0;
  let valid = false;
  let lastResult: ParseResult | null = null;
  let lastParses = new Map<string, FileParse>();
  const state: { lastMerged: number; lastMode: IncrementalMerge['lastMode'] } = {
    lastMerged: 0,
    lastMode: 'full',
  };

  function reset(): void {
    files = new Map();
    keyIndex = new Map();
    byId = new Map();
    cited = new Map();
    citers = new Map();
    buckets = new Map();
    list = [];
    entryCount = 0;
    groupCount = 0;
  }

  function addFile(parse: FileParse): FileState {
    const sorted = [...parse.entries].sort((a, b) => a.line - b.line);
    const entries = sorted.map((entry) => ({
      file: parse.file,
      entry,
      keys: entryKeys(parse.file, entry),
      cluster: null,
    }));
    for (const d of parse.diagnostics) if (d.file !== parse.file) throw new Fallback();
    for (const ref of entries) {
      for (const key of ref.keys) {
        const set = keyIndex.get(key);
        if (set) set.add(ref);
        else keyIndex.set(key, new Set([ref]));
      }
    }
    const st: FileState = { parse, entries, cites: fileCites(parse) };
    for (const arxiv of st.cites.keys()) {
      const set = citers.get(arxiv);
      if (set) set.add(parse.file);
      else citers.set(arxiv, new Set([parse.file]));
    }
    files.set(parse.file, st);
    entryCount += entries.length;
    return st;
  }

  function removeFile(st: FileState): void {
    for (const ref of st.entries) {
      for (const key of ref.keys) {
        const set = keyIndex.get(key)!;
        set.delete(ref);
        if (set.size === 0) keyIndex.delete(key);
      }
    }
    for (const arxiv of st.cites.keys()) {
      const set = citers.get(arxiv)!;
      set.delete(st.parse.file);
      if (set.size === 0) citers.delete(arxiv);
    }
    files.delete(st.parse.file);
    entryCount -= st.entries.length;
  }

  /** Re-merge the clusters reachable from `seeds`; returns changed record ids and touched diagnostic files. */
  function remerge(
    seeds: EntryRef[],
    dropped: Set<Cluster>,
    removedIds: Set<string>,
    added: Map<string, PaperRecord>,
    dirtyFiles: Set<string>,
    arxivTouched: Set<string>,
    full: boolean,
  ): void {
    // Components over the key index.
    const components: EntryRef[][] = [];
    const seen = new Set<EntryRef>();
    for (const seed of seeds) {
      if (seen.has(seed)) continue;
      const comp: EntryRef[] = [];
      const stack = [seed];
      seen.add(seed);
      while (stack.length > 0) {
        const ref = stack.pop()!;
        comp.push(ref);
        if (ref.cluster) dropped.add(ref.cluster);
        for (const key of ref.keys) {
          for (const other of keyIndex.get(key)!) {
            if (!seen.has(other)) {
              seen.add(other);
              stack.push(other);
            }
          }
        }
      }
      components.push(comp);
    }
    for (const cluster of dropped) {
      for (const r of cluster.records) {
        byId.delete(r.id);
        removedIds.add(r.id);
        if (r.arxiv) arxivTouched.add(r.arxiv);
      }
      for (const d of cluster.diagnostics) dirtyFiles.add(d.file);
      groupCount -= cluster.groups;
    }
    if (components.length === 0) return;

    // One merge over every component at once (they are independent), entries in the global order.
    const perFile = new Map<string, FileEntry[]>();
    const clusters = new Map<EntryRef, Cluster>();
    const atPos = new Map<string, Cluster>();
    let subsetEntries = 0;
    for (const comp of components) {
      const cluster: Cluster = { entries: comp, records: [], diagnostics: [], groups: 0 };
      for (const ref of comp) {
        ref.cluster = cluster;
        clusters.set(ref, cluster);
        atPos.set(posKey(ref.file, ref.entry.line), cluster);
      }
      subsetEntries += comp.length;
    }
    const touchedFiles = [...new Set(components.flatMap((c) => c.map((r) => r.file)))].sort(compareStrings);
    for (const file of touchedFiles) {
      const st = files.get(file)!;
      perFile.set(
        file,
        st.entries.filter((r) => clusters.has(r)).map((r) => r.entry),
      );
    }
    const subset: FileParse[] = touchedFiles.map((file) => ({
      file,
      tags: files.get(file)!.parse.tags,
      entries: perFile.get(file)!,
      cites: [],
      diagnostics: [],
    }));
    const result = mergeEntries(subset);
    let records = 0;
    for (const record of result.papers) {
      if (record.citedOnly) continue;
      const first = record.sources[0];
      const cluster = first ? atPos.get(posKey(first.file, first.line)) : undefined;
      if (!cluster) throw new Fallback();
      const existing = byId.get(record.id);
      // A cited-only record of the same arXiv id gives way (it is rebuilt below); anything else is a clash.
      if (!full && existing && !existing.citedOnly) throw new Fallback();
      cluster.records.push(record);
      cluster.groups++;
      records++;
      byId.set(record.id, record);
      added.set(record.id, record);
      if (record.arxiv) arxivTouched.add(record.arxiv);
    }
    const groups = subsetEntries - result.stats.mergedDuplicates;
    if (groups !== records) {
      // Two groups ended on one id (a hash clash): only a whole merge places that exactly.
      if (!full) throw new Fallback();
      groupCount += groups - records;
    }
    groupCount += records;
    for (const d of result.diagnostics) {
      const cluster = atPos.get(posKey(d.file, d.line));
      if (!cluster) throw new Fallback();
      cluster.diagnostics.push(d);
      dirtyFiles.add(d.file);
    }
  }

  function recite(arxivs: Set<string>, removedIds: Set<string>, added: Map<string, PaperRecord>): void {
    const wanted: string[] = [];
    for (const arxiv of arxivs) {
      const old = cited.get(arxiv);
      if (old) {
        cited.delete(arxiv);
        if (byId.get(old.id) === old) byId.delete(old.id);
        removedIds.add(old.id);
      }
      if (citers.has(arxiv) && !byId.has(`arxiv:${arxiv}`)) wanted.push(arxiv);
    }
    if (wanted.length === 0) return;
    const perFile = new Map<string, Cite[]>();
    for (const arxiv of wanted) for (const file of citers.get(arxiv)!) perFile.set(file, []);
    const names = [...perFile.keys()].sort(compareStrings);
    const wantedSet = new Set(wanted);
    const subset: FileParse[] = names.map((file) => {
      const st = files.get(file)!;
      const cites: Cite[] = [];
      for (const arxiv of wanted) cites.push(...(st.cites.get(arxiv) ?? []));
      return { file, tags: st.parse.tags, entries: [], cites, diagnostics: [] };
    });
    for (const record of mergeEntries(subset).papers) {
      if (!record.arxiv || !wantedSet.has(record.arxiv)) throw new Fallback();
      cited.set(record.arxiv, record);
      byId.set(record.id, record);
      added.set(record.id, record);
    }
  }

  function rebuildBucket(file: string): void {
    const out: Diagnostic[] = [];
    const st = files.get(file);
    if (st) out.push(...st.parse.diagnostics);
    const clusters = new Set<Cluster>();
    for (const ref of st?.entries ?? []) if (ref.cluster) clusters.add(ref.cluster);
    // Merge diagnostics sit at an entry's line, so they belong to a cluster holding an entry of this file.
    for (const cluster of clusters) for (const d of cluster.diagnostics) if (d.file === file) out.push(d);
    out.sort((a, b) => a.line - b.line || a.column - b.column || compareStrings(a.rule, b.rule));
    if (out.length > 0) buckets.set(file, out);
    else buckets.delete(file);
  }

  function patchList(removedIds: Set<string>, added: Map<string, PaperRecord>): void {
    const indexOf = (id: string): number => {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.id < id) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    if (removedIds.size + added.size > list.length / 8) {
      list = [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
      return;
    }
    for (const id of removedIds) {
      if (added.has(id)) continue;
      const at = indexOf(id);
      if (list[at]?.id === id) list.splice(at, 1);
    }
    for (const [id, record] of added) {
      const at = indexOf(id);
      if (list[at]?.id === id) list[at] = record;
      else list.splice(at, 0, record);
    }
  }

  function run(parses: readonly FileParse[]): ParseResult {
    // Libraries, hub pages, note links and identifiers beyond arXiv tie files together in ways the clusters
    // below do not track: such folders are merged whole.
    if (parses.some(crossFile)) throw new Fallback();
    const next = new Map<string, FileParse>();
    for (const p of parses) {
      if (next.has(p.file)) throw new Fallback();
      next.set(p.file, p);
    }
    const full = !valid;
    const changedFiles: string[] = [];
    for (const [file, p] of next) if (full || lastParses.get(file) !== p) changedFiles.push(file);
    for (const file of lastParses.keys()) if (!next.has(file)) changedFiles.push(file);
    if (!full && changedFiles.length === 0 && lastResult) return lastResult;
    if (full) reset();

    const dropped = new Set<Cluster>();
    const dirtyFiles = new Set<string>();
    const arxivTouched = new Set<string>();
    const removedIds = new Set<string>();
    const added = new Map<string, PaperRecord>();
    const seeds: EntryRef[] = [];
    for (const file of changedFiles) {
      dirtyFiles.add(file);
      const old = files.get(file);
      if (old) {
        for (const ref of old.entries) if (ref.cluster) dropped.add(ref.cluster);
        for (const arxiv of old.cites.keys()) arxivTouched.add(arxiv);
        removeFile(old);
      }
      const p = next.get(file);
      if (p) {
        const st = addFile(p);
        seeds.push(...st.entries);
        for (const arxiv of st.cites.keys()) arxivTouched.add(arxiv);
      }
    }
    for (const cluster of dropped)
      for (const ref of cluster.entries) if (files.get(ref.file)?.entries.includes(ref)) seeds.push(ref);
    remerge(seeds, dropped, removedIds, added, dirtyFiles, arxivTouched, full);
    recite(arxivTouched, removedIds, added);
    if (full) list = [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
    else patchList(removedIds, added);
    for (const file of dirtyFiles) rebuildBucket(file);

    const diagnostics: Diagnostic[] = [];
    for (const file of [...buckets.keys()].sort(compareStrings)) diagnostics.push(...buckets.get(file)!);
    const papers = list.slice();
    lastParses = next;
    valid = true;
    state.lastMerged = full ? next.size : changedFiles.length;
    state.lastMode = full ? 'full' : 'incremental';
    lastResult = {
      papers,
      diagnostics,
      stats: {
        files: next.size,
        entries: entryCount,
        papers: papers.length,
        mergedDuplicates: entryCount - groupCount,
      },
    };
    return lastResult;
  }

  return {
    merge(parses) {
      try {
        return joinSameWork(run(parses));
      } catch (error) {
        if (!(error instanceof Fallback)) throw error;
        valid = false;
        lastResult = null;
        lastParses = new Map();
        reset();
        state.lastMerged = parses.length;
        state.lastMode = 'fallback';
        return joinSameWork(mergeEntries(parses, options));
      }
    },
    get lastMerged() {
      return state.lastMerged;
    },
    get lastMode() {
      return state.lastMode;
    },
  };
}
