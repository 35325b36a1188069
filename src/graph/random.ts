// Seeded randomness: every random choice in the graph stage goes through here, so the same notes and seed
// give the same bytes.
import { randomLcg } from 'd3';

/** A seeded uniform generator in [0, 1) (d3's linear congruential generator). */
export function createRng(seed: number): () => number {
  return randomLcg(Math.abs(Math.trunc(seed)) % 0x7fffffff);
}

/** FNV-1a, 32 bits: a stable hash for deriving per-node seeds from keys. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A generator seeded by the key and the build seed, so a node's jitter does not depend on the order in which
 * nodes are visited or on which other nodes exist.
 */
export function rngForKey(key: string, seed: number): () => number {
  return createRng(hashString(`${seed}\u0000${key}`));
}

/** mulberry32: a small, fast seeded generator in [0, 1) for generated test data and synthetic graphs. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
