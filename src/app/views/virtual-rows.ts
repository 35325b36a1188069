// A scrolling list of fixed-height rows that only builds the rows in sight (6,000 papers, 10,000 links).
export interface VirtualRows {
  /** Show `count` rows, drawn by `render(k)`; keeps the scroll position unless `top`. */
  set(count: number, render: (k: number) => HTMLElement, top?: boolean): void;
  /** Redraw the rows in sight (after what they show changed). */
  redraw(): void;
  /** Scroll so that row `k` is in sight. */
  reveal(k: number): void;
}

export function virtualRows(scroller: HTMLElement, rowHeight: number): VirtualRows {
  const spacer = document.createElement('div');
  spacer.className = 'rows-spacer';
  const body = document.createElement('div');
  body.className = 'rows-body';
  spacer.append(body);
  scroller.replaceChildren(spacer);
  let count = 0;
  let render: (k: number) => HTMLElement = () => document.createElement('div');
  let first = -1;
  let last = -1;

  function draw(force: boolean): void {
    const top = scroller.scrollTop;
    const height = scroller.clientHeight || 600;
    const a = Math.max(0, Math.floor(top / rowHeight) - 5);
    const b = Math.min(count, Math.ceil((top + height) / rowHeight) + 5);
    if (!force && a === first && b === last) return;
    first = a;
    last = b;
    body.style.transform = `translateY(${a * rowHeight}px)`;
    const rows: HTMLElement[] = [];
    for (let k = a; k < b; k++) {
      const row = render(k);
      row.style.height = `${rowHeight}px`;
      rows.push(row);
    }
    body.replaceChildren(...rows);
  }

  scroller.addEventListener('scroll', () => draw(false), { passive: true });
  return {
    set(n, r, top = false) {
      count = n;
      render = r;
      spacer.style.height = `${n * rowHeight}px`;
      if (top) scroller.scrollTop = 0;
      draw(true);
    },
    redraw: () => draw(true),
    reveal(k) {
      const top = k * rowHeight;
      const h = scroller.clientHeight;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + rowHeight > scroller.scrollTop + h) scroller.scrollTop = top + rowHeight - h;
      draw(false);
    },
  };
}
