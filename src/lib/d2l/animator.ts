/**
 * Animator: a chart that grows while a model trains (the book's d2l.Animator). Each add()
 * appends a point per series and re-displays the chart; the kernel coalesces updates so a
 * fast loop sends a few messages per second, and the final state stays with the cell.
 * Used from "Softmax regression from scratch" onwards.
 */
import { display } from '../display';
import type { ChartPanel, ChartSeries } from '../output-kinds';
import { ArgumentError } from '../nd/errors';
import { styleOf, type PlotOptions } from './chart-style';

/** The axes, legend and styles of the chart: those of d2l.plot. */
export type AnimatorOptions = PlotOptions;

let nextId = 0;

/** The book's Animator: a live line chart that add(x, ys) extends point by point, as in the chapters' training loops. */
export class Animator {
  private readonly chartId = `animator-${++nextId}`;
  private readonly series: ChartSeries[] = [];
  private readonly notes: string[] = [];
  private readonly warned = new Set<number>();
  private progressLine: string | null = null;

  constructor(private readonly options: AnimatorOptions = {}) {}

  /** Adds one point per series: `add(epoch, [trainLoss, trainAcc, testAcc])`; null skips a series. */
  add(x: number, ys: number | (number | null)[]): void {
    const values = Array.isArray(ys) ? ys : [ys];
    if (typeof x !== 'number') throw new ArgumentError(`Animator.add: x must be a number, got ${typeof x}. Read NDArrays first: await l.asScalar().`);
    values.forEach((y, i) => {
      if (y !== null && typeof y !== 'number') {
        throw new ArgumentError(`Animator.add: y values must be numbers, got ${typeof y} at position ${i}. Read NDArrays first: await l.asScalar().`);
      }
      while (this.series.length <= i) {
        const k = this.series.length;
        this.series.push({ name: this.options.legend?.[k] ?? `series ${k + 1}`, x: [], y: [], ...styleOf(this.options.fmts?.[k]) });
      }
      if (y === null) return;
      const s = this.series[i]!;
      s.x.push(x);
      s.y.push(y);
      if (!Number.isFinite(y) && !this.warned.has(i)) {
        this.warned.add(i);
        this.notes.push(
          `${s.name} became ${Number.isNaN(y) ? 'NaN' : y > 0 ? 'infinite' : '-infinite'} at ${this.options.xLabel ?? 'x'} = ${x}. ` +
            `Training diverged: try a smaller learning rate, or check the initialization and the loss (e.g. log of 0).`,
        );
      }
    });
    this.show();
  }

  /**
   * A line about the loop's progress shown under the chart until replaced or cleared (null):
   * the training helpers say which epoch and minibatch they are at and the time left.
   */
  progress(line: string | null): void {
    if (line === this.progressLine) return;
    this.progressLine = line;
    this.show();
  }

  private show(): void {
    const o = this.options;
    const panel: ChartPanel = {
      title: o.title,
      xLabel: o.xLabel,
      yLabel: o.yLabel,
      xScale: o.xScale ?? 'linear',
      yScale: o.yScale ?? 'linear',
      xLim: o.xLim,
      yLim: o.yLim,
      series: this.series.map((s) => ({ ...s, x: s.x.slice(), y: s.y.slice() })),
    };
    display({ kind: 'chart', chartId: this.chartId, panels: [panel], notes: this.progressLine === null ? this.notes.slice() : [...this.notes, this.progressLine] });
  }
}
