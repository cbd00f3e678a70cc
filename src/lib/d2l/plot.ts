/**
 * plot: line and scatter plots of data, the book's d2l.plot. Accepts numbers, plain arrays or
 * NDArrays (read asynchronously, hence `await d2l.plot(...)`). Several series per panel;
 * `d2l.plots([...])` puts panels side by side (data and fits, train vs test).
 * Introduced in "Working with data" and used throughout.
 */
import { display } from '../display';
import type { ChartPanel, ChartSeries } from '../output-kinds';
import { NDArray } from '../nd/ndarray';
import { ArgumentError } from '../nd/errors';
import { styleOf, type PlotOptions } from './chart-style';

type Values = NDArray | readonly number[];

export interface PanelSpec extends PlotOptions {
  x: Values | Values[];
  y?: Values | Values[];
}

let nextId = 0;

async function toNumbers(v: Values, what: string): Promise<number[]> {
  if (v instanceof NDArray) return Array.from(await v.data());
  if (Array.isArray(v)) return v.map(Number);
  throw new ArgumentError(`plot: ${what} must be an NDArray or an array of numbers, got ${typeof v}.`);
}

function isList(v: Values | Values[]): v is Values[] {
  return Array.isArray(v) && v.length > 0 && (v[0] instanceof NDArray || Array.isArray(v[0]));
}

async function buildPanel(spec: PanelSpec): Promise<ChartPanel> {
  // d2l's rule: plot(X) alone plots X against its index; one X is shared by every Y.
  let xs = isList(spec.x) ? spec.x : [spec.x];
  let ys = spec.y === undefined ? undefined : isList(spec.y) ? spec.y : [spec.y];
  if (ys === undefined) {
    ys = xs;
    xs = [];
  }
  const series: ChartSeries[] = [];
  for (let i = 0; i < ys.length; i++) {
    const y = await toNumbers(ys[i]!, `Y[${i}]`);
    const xv = xs.length === 0 ? y.map((_, k) => k) : await toNumbers(xs[xs.length === 1 ? 0 : i]!, `X[${i}]`);
    if (xv.length !== y.length) {
      throw new ArgumentError(`plot: series ${i} has ${xv.length} x values but ${y.length} y values; they must match.`);
    }
    series.push({ name: spec.legend?.[i] ?? `series ${i + 1}`, x: xv, y, ...styleOf(spec.fmts?.[i]) });
  }
  return {
    title: spec.title,
    xLabel: spec.xLabel,
    yLabel: spec.yLabel,
    xScale: spec.xScale ?? 'linear',
    yScale: spec.yScale ?? 'linear',
    xLim: spec.xLim,
    yLim: spec.yLim,
    series,
  };
}

/** One panel: plot(x, [y1, y2], { legend: ['a', 'b'] }), or plot(y) against the index. */
export async function plot(x: Values | Values[], y?: Values | Values[], options: PlotOptions = {}): Promise<void> {
  const panel = await buildPanel({ ...options, x, y });
  display({ kind: 'chart', chartId: `plot-${++nextId}`, panels: [panel], notes: [] });
}

/** Several panels side by side. */
export async function plots(panels: PanelSpec[]): Promise<void> {
  const built = await Promise.all(panels.map(buildPanel));
  display({ kind: 'chart', chartId: `plot-${++nextId}`, panels: built, notes: [] });
}
