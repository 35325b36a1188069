// D3 histogram of papers over time with a brush selecting a date range.
import { axisBottom, bin, brushX, max, scaleLinear, scaleUtc, select, utcDay, utcFormat, utcParse } from 'd3';
import type { BrushBehavior, D3BrushEvent, ScaleTime, Selection } from 'd3';

const strictParse = utcParse('%Y-%m-%d');
/** `YYYY-MM-DD` -> UTC date; d3's general parser costs ~10 µs a call, too much for 100k dates per filter change. */
function parse(s: string): Date | null {
  if (s.length === 10 && s[4] === '-' && s[7] === '-') {
    const t = Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
    if (!Number.isNaN(t)) return new Date(t);
  }
  return strictParse(s);
}
const format = utcFormat('%Y-%m-%d');

export interface Timeline {
  /** Redraw with all dates (grey) and the dates passing the other filters (accent). */
  update(all: readonly string[], on: readonly string[], range: readonly [string, string] | null): void;
  /** Only move the brush (the bars do not depend on the date range). */
  setRange(range: readonly [string, string] | null): void;
}

export function createTimeline(
  svgEl: SVGSVGElement,
  onRange: (range: [string, string] | null) => void,
): Timeline {
  const svg = select(svgEl);
  const margin = { top: 6, right: 8, bottom: 18, left: 8 };
  let x: ScaleTime<number, number> | null = null;
  let brush: BrushBehavior<unknown> | null = null;
  let quiet = false;
  let brushGroup: Selection<SVGGElement, unknown, null, undefined> | null = null;

  return {
    update(all, on, range) {
      const width = svgEl.clientWidth || 276;
      const height = svgEl.clientHeight || 96;
      svg.attr('viewBox', `0 0 ${width} ${height}`);
      svg.selectAll('*').remove();
      const days = all.map((d) => parse(d)).filter((d): d is Date => d !== null);
      if (days.length === 0) {
        svg
          .append('text')
          .attr('x', width / 2)
          .attr('y', height / 2)
          .attr('text-anchor', 'middle')
          .attr('class', 'axis')
          .text('no dates');
        return;
      }
      let min = Infinity;
      let max_ = -Infinity;
      for (const d of days) {
        const t = +d;
        if (t < min) min = t;
        if (t > max_) max_ = t;
      }
      const lo = utcDay.floor(new Date(min));
      const hi = utcDay.offset(utcDay.floor(new Date(max_)), 1);
      x = scaleUtc()
        .domain([lo, hi])
        .range([margin.left, width - margin.right]);
      const thresholds = x.ticks(Math.min(60, Math.max(8, utcDay.count(lo, hi))));
      const binner = bin<Date, Date>()
        .domain(x.domain() as [Date, Date])
        .thresholds(thresholds);
      const binsAll = binner(days);
      const binsOn = binner(on.map((d) => parse(d)).filter((d): d is Date => d !== null));
      const y = scaleLinear()
        .domain([0, max(binsAll, (b) => b.length) ?? 1])
        .range([height - margin.bottom, margin.top]);
      const xs = x;
      const bars = (cls: string, bins: typeof binsAll) =>
        svg
          .append('g')
          .attr('class', cls)
          .selectAll('rect')
          .data(bins)
          .join('rect')
          .attr('x', (b) => xs(b.x0!) + 0.5)
          .attr('width', (b) => Math.max(0, xs(b.x1!) - xs(b.x0!) - 1))
          .attr('y', (b) => y(b.length))
          .attr('height', (b) => y(0) - y(b.length));
      bars('bar-all', binsAll);
      bars('bar-on', binsOn);
      svg
        .append('g')
        .attr('class', 'axis')
        .attr('transform', `translate(0,${height - margin.bottom})`)
        .call(
          axisBottom(x)
            .ticks(Math.max(2, Math.floor(width / 70)))
            .tickSizeOuter(0),
        );
      brush = brushX()
        .extent([
          [margin.left, margin.top],
          [width - margin.right, height - margin.bottom],
        ])
        .on('end', (event: D3BrushEvent<unknown>) => {
          if (quiet || !event.sourceEvent || !x) return;
          const sel = event.selection as [number, number] | null;
          if (!sel) return onRange(null);
          const d0 = utcDay.round(x.invert(sel[0]));
          const d1 = utcDay.round(x.invert(sel[1]));
          const last = utcDay.offset(d1, -1) < d0 ? d0 : utcDay.offset(d1, -1);
          onRange([format(d0), format(last)]);
        });
      brushGroup = svg.append('g').attr('class', 'brush').call(brush);
      this.setRange(range);
    },
    setRange(range) {
      if (!brush || !brushGroup || !x) return;
      // An open bound reaches the edge of the axis.
      const [lo, hi] = x.domain() as [Date, Date];
      const a = range ? (range[0] ? parse(range[0]) : lo) : null;
      const b = range ? (range[1] ? utcDay.offset(parse(range[1]) ?? hi, 1) : hi) : null;
      quiet = true;
      const clamp = (v: number) => Math.max(x!.range()[0]!, Math.min(x!.range()[1]!, v));
      brushGroup.call(brush.move, a && b ? [clamp(x(a)), clamp(x(b))] : null);
      quiet = false;
    },
  };
}
