/**
 * Live charts (an Animator during training) change many times a second; a notebook or a terminal
 * wants a few pictures, not hundreds. Each chart's latest state is shown at once when its last
 * showing is `intervalMs` old, else kept and shown by a timer when it is due (so the final state
 * is always shown, even when the loop ends between two showings). `quietMs` instead waits until
 * a chart has stopped changing for that long (a terminal prints one summary per training run).
 */
import type { ChartOutput } from '../lib/output-kinds';

export interface ChartUpdatesOptions {
  /** At most one showing of a chart per this many ms (the latest state wins). */
  intervalMs?: number;
  /** Show a chart only once it has not changed for this many ms (overrides intervalMs). */
  quietMs?: number;
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
    this.pending.set(id, chart);
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
