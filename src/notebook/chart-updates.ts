/**
 * Live charts (an Animator during training) change many times a second; a notebook or a terminal
 * wants a few pictures, not hundreds. Each chart's latest state is shown at once when its last
 * showing is `intervalMs` old, else kept and shown by a timer when it is due (so the final state
 * is always shown, even when the loop ends between two showings). `quietMs` instead waits until
 * a chart has stopped changing for that long (a terminal prints one summary per training run).
 * `endOfTask` shows the latest state when the current task ends, for Deno's Jupyter kernel: it
 * runs the event loop only while a cell runs, so a timer due after a cell's last change fired
 * with a later cell, or never after the last one, and the notebook kept a stale chart. The end of
 * the task comes before the end of the cell. A training loop awaits between its steps, so it shows
 * the chart at each change of it: a few dozen pictures for the book's training runs.
 */
import type { ChartOutput } from '../lib/output-kinds';

export interface ChartUpdatesOptions {
  /** At most one showing of a chart per this many ms (the latest state wins). */
  intervalMs?: number;
  /** Show a chart only once it has not changed for this many ms (overrides intervalMs). */
  quietMs?: number;
  /** Show a chart's latest state when the current task ends (overrides intervalMs and quietMs). */
  endOfTask?: boolean;
  /** Runs a function when the current task ends (queueMicrotask; tests run it by hand). */
  later?: (fn: () => void) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export class ChartUpdates {
  private readonly lastShown = new Map<string, number>();
  private readonly pending = new Map<string, ChartOutput>();
  private readonly timers = new Map<string, unknown>();
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (t: unknown) => void;

  constructor(
    private readonly show: (chart: ChartOutput, first: boolean) => void,
    private readonly options: ChartUpdatesOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  push(chart: ChartOutput): void {
    const id = chart.chartId;
    const waiting = this.pending.has(id);
    this.pending.set(id, chart);
    if (this.options.endOfTask) {
      if (!waiting) (this.options.later ?? queueMicrotask)(() => this.flush(id));
      return;
    }
    const old = this.timers.get(id);
    if (this.options.quietMs !== undefined) {
      if (old !== undefined) this.clearTimer(old);
      this.timers.set(id, this.setTimer(() => this.flush(id), this.options.quietMs));
      return;
    }
    const interval = this.options.intervalMs ?? 500;
    const last = this.lastShown.get(id);
    const t = this.now();
    if (last === undefined || t - last >= interval) {
      if (old !== undefined) this.clearTimer(old);
      this.flush(id);
    } else if (old === undefined) {
      this.timers.set(id, this.setTimer(() => this.flush(id), interval - (t - last)));
    }
  }

  /** Shows every chart still waiting (e.g. when the process is about to exit). */
  flushAll(): void {
    for (const id of [...this.pending.keys()]) {
      const t = this.timers.get(id);
      if (t !== undefined) this.clearTimer(t);
      this.flush(id);
    }
  }

  private flush(id: string): void {
    this.timers.delete(id);
    const chart = this.pending.get(id);
    if (chart === undefined) return;
    this.pending.delete(id);
    const first = !this.lastShown.has(id);
    this.lastShown.set(id, this.now());
    this.show(chart, first);
  }
}
