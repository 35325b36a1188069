/// <reference types="vite/client" />

declare module 'graphology-gexf/browser' {
  import type { AbstractGraph } from 'graphology-types';
  export function write(graph: AbstractGraph, options?: Record<string, unknown>): string;
}
