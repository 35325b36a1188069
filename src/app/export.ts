// Export the current view as PNG (the WebGL canvas and the topic-name canvas composited over the
// background) and the visible graph as GEXF or graphology JSON.
import type Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import { fixGexfNamespaces } from '../view/gexf.js';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Draw sigma's layers and our overlay onto one canvas. Rendering is synchronous, so the WebGL buffer
 *  is read in the same task it was drawn in (no preserveDrawingBuffer, no cost on normal frames). */
/** The parts of a sigma instance an export needs. */
export interface Snapshotable {
  refresh(): unknown;
  getDimensions(): { width: number; height: number };
  getContainer(): HTMLElement;
}

export function snapshot(
  renderer: Snapshotable,
  overlays: HTMLCanvasElement[],
  background: string,
): HTMLCanvasElement {
  renderer.refresh();
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  const layers = [...renderer.getContainer().querySelectorAll('canvas'), ...overlays];
  for (const c of layers) if (c.width > 0 && c.height > 0) ctx.drawImage(c, 0, 0, out.width, out.height);
  return out;
}

export function exportPng(
  renderer: Snapshotable,
  overlays: HTMLCanvasElement[],
  background: string,
): Promise<Blob> {
  const canvas = snapshot(renderer, overlays, background);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('papermap: PNG export failed'))), 'image/png'),
  );
}

export function gexfOf(graph: Graph): string {
  return fixGexfNamespaces(writeGexf(graph));
}
