// The side panel for the open node: filled from the map at once, then from its detail chunk.
import type { App, AppView } from '../app.js';
import { byId } from '../app.js';
import { renderPanel } from '../panel/index.js';
import type { PanelHandlers } from '../panel/index.js';
import { selectNode } from '../state/index.js';
import type { State } from '../state/index.js';

export function createPanelView(app: App, extra: Partial<PanelHandlers> = {}): AppView {
  const panel = byId('panel');
  let token = 0;

  function sync(): void {
    const key = app.state.selected;
    const i = key === null ? undefined : app.index.byKey.get(key);
    if (i === undefined) {
      panel.hidden = true;
      panel.replaceChildren();
      return;
    }
    const mine = ++token;
    const handlers: PanelHandlers = {
      close: () => app.dispatch(selectNode(null)),
      open: (j: number) => {
        app.dispatch(selectNode(app.index.keys[j]!));
        app.centreOn(j);
      },
      ...extra,
    };
    const wasHidden = panel.hidden;
    panel.hidden = false;
    // Keep the open node in sight: the panel covers the right of the map.
    const renderer = app.renderer;
    const d = renderer?.getNodeDisplayData(String(i));
    if (renderer && d) {
      const p = renderer.framedGraphToViewport({ x: d.x, y: d.y });
      const { width, height } = renderer.getDimensions();
      if (p.x > width - panel.offsetWidth - 24 || p.x < 24 || p.y < 24 || p.y > height - 24) app.centreOn(i);
    }
    const { map, index } = app;
    renderPanel(panel, map, index.keys, i, undefined, handlers);
    panel.scrollTop = 0;
    if (wasHidden) panel.focus({ preventScroll: true });
    app.store
      .detail(i)
      .then((detail) => {
        if (mine === token) renderPanel(panel, map, index.keys, i, detail, handlers);
      })
      .catch((e: unknown) => {
        if (mine === token) panel.append(String(e));
      });
  }

  return {
    install: () => sync(),
    update(prev: State | null, next: State) {
      if (prev !== null && prev.selected !== next.selected) sync();
    },
  };
}
