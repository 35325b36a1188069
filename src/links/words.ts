// Chinese word segmentation, for the few cue words that are words only in some places (`用` is one in `要用 lean`,
// `用了 MCTS`, and no word in `引用了`, `作用`, `用户`). The segmenter is @node-rs/jieba with its shipped
// dictionary and no HMM: the same text gives the same words on every run. Loaded once, on first need (its
// dictionary takes about half a second to load, and most sentences never need it).
import { createRequire } from 'node:module';

interface Segmenter {
  cut(sentence: string, hmm?: boolean | null): string[];
}

let segmenter: Segmenter | undefined;

function load(): Segmenter {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Segmenter } };
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  return Jieba.withDict(dict);
}

/** Where the words of `text` start and end (offsets into `text`, 0 and its length included). */
export function wordBounds(text: string): ReadonlySet<number> {
  segmenter ??= load();
  const bounds = new Set<number>([0]);
  let at = 0;
  for (const word of segmenter.cut(text, false)) bounds.add((at += word.length));
  return bounds;
}
