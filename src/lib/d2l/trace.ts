/**
 * Trajectories of an optimizer on a function of one or two variables, the optimization
 * chapter's pictures: train2d runs an update rule from (-5, -2) as d2l does, Trace2d draws the
 * path over the function's contours while it grows, showTrace draws a 1-D path on the curve.
 * Introduced in "Gradient Descent".
 */
import { display } from '../display';
import type { ChartContour, ChartPanel, ChartSeries } from '../output-kinds';
import { ArgumentError } from '../nd/errors';

export type Fn2 = (x1: number, x2: number) => number;

export interface Trace2dOptions {
  /** The region shown; by default the path's bounding box with a margin. */
  xLim?: [number, number];
  yLim?: [number, number];
  /** Grid points per side of the contour (default 60). */
  grid?: number;
  /** Contour lines (about). */
  levels?: number;
  title?: string;
  /** Name of the path in the legend. */
  name?: string;
  /** Same scale on both axes (round contours look round, but a long region leaves a thin plot). */
  equalAxes?: boolean;
}

let nextId = 0;

function span(values: number[], lim: [number, number] | undefined): [number, number] {
  if (lim) return lim;
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.15;
  return [lo - pad, hi + pad];
}

/** f on a grid over the limits (row i is y[i], column j is x[j]). */
export function contourOf(f: Fn2, xLim: [number, number], yLim: [number, number], grid = 60, levels?: number): ChartContour {
  if (!Number.isInteger(grid) || grid < 2 || grid > 500) throw new ArgumentError(`contour grid must be an integer in [2, 500], got ${grid}.`);
  const axis = ([a, b]: [number, number]) => Array.from({ length: grid }, (_, k) => a + ((b - a) * k) / (grid - 1));
  const x = axis(xLim);
  const y = axis(yLim);
  const z = y.flatMap((yi) => x.map((xj) => {
    const v = Number(f(xj, yi));
    return Number.isNaN(v) ? Infinity : v;
  }));
  return levels === undefined ? { x, y, z } : { x, y, z, levels };
}

/** A path over the contours of f, redrawn as it grows (the kernel sends a few frames per second). */
export class Trace2d {
  private readonly chartId = `trace2d-${++nextId}`;
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];

  constructor(
    private readonly f: Fn2,
    private readonly options: Trace2dOptions = {},
  ) {
    if (typeof f !== 'function') throw new ArgumentError(`Trace2d: the first argument must be a function (x1, x2) => value, got ${typeof f}.`);
  }

  /** Appends the iterate (x1, x2) to the path and redraws. */
  add(x1: number, x2: number): void {
    this.xs.push(Number(x1));
    this.ys.push(Number(x2));
    this.show();
  }

  /** Draws the contours and the path so far. */
  show(): void {
    const o = this.options;
    const xLim = span(this.xs, o.xLim);
    const yLim = span(this.ys, o.yLim);
    const series: ChartSeries[] = [{ name: o.name ?? 'path', x: this.xs.slice(), y: this.ys.slice(), mode: 'lines+markers' }];
    const panel: ChartPanel = { title: o.title, xLabel: 'x1', yLabel: 'x2', xScale: 'linear', yScale: 'linear', xLim, yLim, ...(o.equalAxes ? { equalAxes: true } : {}), contour: contourOf(this.f, xLim, yLim, o.grid ?? 60, o.levels), series };
    const last = this.xs.length - 1;
    const notes = last >= 0 && !(Number.isFinite(this.xs[last]!) && Number.isFinite(this.ys[last]!)) ? ['the iterate diverged (its coordinates are no longer finite numbers)'] : [];
    display({ kind: 'chart', chartId: this.chartId, panels: [panel], notes });
  }
}

/** d2l's trainer of a 2-D rule: (x1, x2, s1, s2) -> the next [x1, x2, s1, s2] (s1, s2: the rule's state). */
export type Trainer2d = (x1: number, x2: number, s1: number, s2: number) => [number, number, number, number];

/** Runs `trainer` for `steps` steps from (-5, -2); returns the path. With `f`, draws it live over f's contours. */
export function train2d(trainer: Trainer2d, steps = 20, f?: Fn2, options: Trace2dOptions & { start?: [number, number] } = {}): [number, number][] {
  let [x1, x2] = options.start ?? [-5, -2];
  let s1 = 0;
  let s2 = 0;
  const results: [number, number][] = [[x1, x2]];
  const trace = f ? new Trace2d(f, options) : null;
  trace?.add(x1, x2);
  for (let i = 0; i < steps; i++) {
    [x1, x2, s1, s2] = trainer(x1, x2, s1, s2);
    results.push([x1, x2]);
    trace?.add(x1, x2);
  }
  return results;
}

/** The path over the contours of f, drawn once. */
export function showTrace2d(f: Fn2, results: readonly (readonly [number, number])[], options: Trace2dOptions = {}): void {
  const trace = new Trace2d(f, options);
  for (const [a, b] of results) trace.add(a, b);
}

/** A 1-D path: the curve of f and the iterates on it (d2l's show_trace). */
export function showTrace(results: readonly number[], f: (x: number) => number, options: { title?: string; xLim?: [number, number] } = {}): void {
  const n = Math.max(...results.filter(Number.isFinite).map(Math.abs), 1);
  const [a, b] = options.xLim ?? [-n * 1.1, n * 1.1];
  const xs = Array.from({ length: 101 }, (_, k) => a + ((b - a) * k) / 100);
  const curve: ChartSeries = { name: 'f(x)', x: xs, y: xs.map(f), mode: 'lines' };
  const path: ChartSeries = { name: 'iterates', x: results.slice(), y: results.map(f), mode: 'lines+markers' };
  display({ kind: 'chart', chartId: `trace-${++nextId}`, panels: [{ title: options.title, xLabel: 'x', yLabel: 'f(x)', xScale: 'linear', yScale: 'linear', series: [curve, path] }], notes: [] });
}
