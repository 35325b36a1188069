// Corrections from the page: on the dev server only, one click posts one correction, which the server appends
// as a line to the notes folder's corrections file; the file watcher then rebuilds the map.
import type { EdgeType } from '../types.js';
import { isLive } from './app.js';

export interface EdgeCorrection {
  verb: 'reject' | 'confirm';
  type: EdgeType;
  source: string;
  target: string;
}

/** `merge <into> <- <from>`: two nodes are one work; `into` keeps its id. */
export interface MergeCorrection {
  verb: 'merge';
  into: string;
  from: string;
}

/** `split <node> | <part>`: the places of `node` that `part` (a `file:line`) names are a work of their own. */
export interface SplitCorrection {
  verb: 'split';
  node: string;
  part: string;
}

export type Correction = EdgeCorrection | MergeCorrection | SplitCorrection;

export type SendCorrection = (correction: Correction) => Promise<boolean>;

/** The sender on the dev server (the page carries `meta[name="papermap-live"]`); null on a static site. */
export function liveCorrections(): SendCorrection | null {
  if (!isLive()) return null;
  return async (correction) => {
    try {
      const res = await fetch('./__papermap/correct', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(correction),
      });
      return res.status === 204;
    } catch {
      return false;
    }
  };
}
