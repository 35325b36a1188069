// Incremental case: the dev server's state (one long-lived createBuilder({}), as src/cli/dev.ts makes it)
// warm over the corpus; edit one note; time until the new graph is ready (update + build), and until the
// page's files are ready too (map.json and search.json, as the dev server makes them per rebuild).
import type { NoteFile, SerializedGraph } from '../src/types.js';

export interface IncrementalResult {
  unavailable?: string;
  coldMs?: number;
  /** update + build, per edit. */
  editsMs?: number[];
  /** update + build + the dev server's view files, per edit. */
  editsWithViewMs?: number[];
  parsedFiles?: number[];
  layoutModes?: string[];
  edits?: string[];
  api?: string;
}

interface BuilderLike {
  update(input: readonly NoteFile[] | { changed?: readonly NoteFile[] }): number;
  build(): {
    graph: SerializedGraph;
    parsedFiles?: number;
    layoutMode?: string;
    timings?: Record<string, number>;
  };
}

/** Deterministic edits of three kinds, cycling: reword an entry, add a new paper, retitle a paper. */
export function editNote(text: string, k: number): { text: string; what: string } {
  const kind = k % 3;
  if (kind === 0) {
    const i = text.indexOf('**摘要** ：');
    if (i >= 0)
      return { text: `${text.slice(0, i + 8)}（修订 ${k}）${text.slice(i + 8)}`, what: 'reword an abstract' };
    return { text: `${text}\n补充说明 ${k}：基于 GRPO 的改进。\n`, what: 'append a sentence' };
  }
  if (kind === 1) {
    const id = `2512.${String(90000 + k).padStart(5, '0')}`;
    const entry = `\n\n2025-12-0${(k % 9) + 1} 10:00:00 Monday ｜\n\n EditBench${k}: A Paper Added While Editing\n **标题** ： 编辑时新增的论文 ${k}\n **链接** ：https://arxiv.org/abs/${id}\n\n **作者** ： Wei Zhang,  Lei Wang\n **摘要** ：EditBench${k} 基于 GRPO，在七个数据集上优于 PPO。\n`;
    return { text: text + entry, what: `add a paper (${id})` };
  }
  const m = /^( ?)([A-Z][A-Za-z0-9+-]*): /m.exec(text);
  if (m) return { text: text.replace(m[0], `${m[1]}${m[2]}: Revised ${k} `), what: 'retitle a paper' };
  return { text: `${text}\n`, what: 'touch (no title found)' };
}

export async function runIncremental(
  createBuilder: unknown,
  files: readonly NoteFile[],
  edits: number,
  toViewFiles: ((g: SerializedGraph) => Map<string, string>) | null,
): Promise<IncrementalResult> {
  const builder = (createBuilder as (o: object) => BuilderLike)({});
  if (typeof builder?.update !== 'function' || typeof builder.build !== 'function') {
    return { unavailable: 'createBuilder() does not return { update, build }' };
  }
  let t = performance.now();
  builder.update(files);
  const first = builder.build();
  if (toViewFiles) toViewFiles(first.graph);
  const coldMs = performance.now() - t;
  const current = new Map(files.map((f) => [f.path, f.text]));
  const paths = [...current.keys()];
  const result: Required<Omit<IncrementalResult, 'unavailable'>> = {
    coldMs,
    editsMs: [],
    editsWithViewMs: [],
    parsedFiles: [],
    layoutModes: [],
    edits: [],
    api: 'createBuilder({}); update({ changed: [note] }); build()',
  };
  // One warm-up edit (not counted), then the measured ones, each on a different note.
  for (let k = 0; k <= edits; k++) {
    const path = paths[Math.floor(((k * 7919) % paths.length) + 0)] as string;
    const edited = editNote(current.get(path) as string, k);
    current.set(path, edited.text);
    (globalThis as { gc?: () => void }).gc?.();
    t = performance.now();
    builder.update({ changed: [{ path, text: edited.text }] });
    const r = builder.build();
    const graphMs = performance.now() - t;
    if (toViewFiles) toViewFiles(r.graph);
    const viewMs = performance.now() - t;
    if (k === 0) continue;
    result.editsMs.push(graphMs);
    result.editsWithViewMs.push(viewMs);
    result.parsedFiles.push(r.parsedFiles ?? -1);
    result.layoutModes.push(r.layoutMode ?? '?');
    result.edits.push(
      `${path}: ${edited.what} (${graphMs.toFixed(0)} ms${
        r.timings
          ? `; ${Object.entries(r.timings)
              .map(([s, v]) => `${s} ${v.toFixed(0)}`)
              .join(', ')}`
          : ''
      })`,
    );
  }
  return result;
}
