// Paper and concept names on a 2D canvas over the map. Sigma 4 draws its labels from a glyph atlas of which
// it uploads only the first page (about 570 glyphs at its 64px glyph size): on a map of Chinese titles, with
// thousands of distinct characters, the later ones came out as other characters. The browser's own text
// drawing has no such limit. Which labels show is chosen by the map view (`fitLabels`); this only draws.
import type { Theme } from '../renderer.js';
import { FONT, overlayContext } from './overlay.js';

/** The size of a paper's name, as sigma drew them. */
export const NODE_LABEL_SIZE = 14;

/** About how wide a name is at that size: wide (CJK, fullwidth) characters 14px, others 7.5px. */
export function labelWidth(label: string): number {
  let w = 0;
  for (let k = 0; k < label.length; k++) w += label.charCodeAt(k) >= 0x2e80 ? 14 : 7.5;
  return w;
}

/** A name to draw: node `i`; `strong` for the hovered or selected node, on a box of its own. */
export interface NodeLabel {
  i: number;
  strong: boolean;
}

export interface NodeLabels {
  canvas: HTMLCanvasElement;
  draw(labels: readonly NodeLabel[]): void;
}

/** The part of a sigma renderer the names are placed with. */
export interface LabelledRenderer {
  getDimensions(): { width: number; height: number };
  getNodeDisplayData(key: string): { x: number; y: number; size: number; visibility?: string } | undefined;
  framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
  scaleSize(size: number): number;
}

/** What the names are drawn for: a sigma whose node keys are map indexes, their names, the colours. */
export interface NodeLabelSource {
  renderer(): LabelledRenderer | null;
  label(i: number): string;
  theme(): Theme;
}

export function createNodeLabels(source: NodeLabelSource, id?: string): NodeLabels {
  const canvas = document.createElement('canvas');
  canvas.className = 'node-labels';
  if (id) canvas.id = id;
  return {
    canvas,
    draw(labels) {
      const renderer = source.renderer();
      if (!renderer) return;
      const { width, height } = renderer.getDimensions();
      const ctx = overlayContext(canvas, width, height);
      const theme = source.theme();
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      for (const { i, strong } of labels) {
        const text = source.label(i);
        const d = renderer.getNodeDisplayData(String(i));
        if (!text || !d || d.visibility === 'hidden') continue;
        const p = renderer.framedGraphToViewport({ x: d.x, y: d.y });
        const x = p.x + renderer.scaleSize(d.size) + 3;
        if (x > width || p.y < -NODE_LABEL_SIZE || p.y > height + NODE_LABEL_SIZE) continue;
        ctx.font = `${strong ? 600 : 400} ${NODE_LABEL_SIZE}px ${FONT}`;
        if (strong) {
          const w = ctx.measureText(text).width;
          ctx.fillStyle = theme.background;
          ctx.strokeStyle = theme.dark ? '#4a4f57' : '#c9cbd0';
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.roundRect(x - 4, p.y - NODE_LABEL_SIZE / 2 - 4, w + 8, NODE_LABEL_SIZE + 8, 4);
          ctx.fill();
          ctx.stroke();
        } else {
          // A halo of the background keeps a name readable over the links under it.
          ctx.lineWidth = 3;
          ctx.strokeStyle = theme.background;
          ctx.strokeText(text, x, p.y);
        }
        ctx.fillStyle = theme.label;
        ctx.fillText(text, x, p.y);
      }
    },
  };
}
