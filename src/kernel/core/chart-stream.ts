/**
 * Live charts without slowing training: a chart updated in a tight loop is sent at most once
 * per `intervalMs` (the latest state wins); pending states are flushed when the cell yields
 * and when it ends, so the final picture is always sent.
 */
import type { ChartOutput } from '../protocol';

export class ChartStream {
  private readonly pending = new Map<string, ChartOutput>();
  private readonly lastSent = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (chart: ChartOutput) => void,
    private readonly intervalMs = 150,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(chart: ChartOutput): void {
    const t = this.now();
    const last = this.lastSent.get(chart.chartId);
    if (last === undefined || t - last >= this.intervalMs) {
      this.pending.delete(chart.chartId);
      this.emit(chart, t);
      return;
    }
    this.pending.set(chart.chartId, chart);
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flushDue();
      }, this.intervalMs - (t - last));
    }
  }

  /** Sends the pending charts whose interval has passed. */
  flushDue(): void {
    const t = this.now();
    for (const [id, chart] of [...this.pending]) {
      if (t - (this.lastSent.get(id) ?? -Infinity) >= this.intervalMs) {
        this.pending.delete(id);
        this.emit(chart, t);
      }
    }
  }

  /** Sends every pending chart now (end of the cell). */
  flushAll(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const t = this.now();
    for (const chart of this.pending.values()) this.emit(chart, t);
    this.pending.clear();
  }

  private emit(chart: ChartOutput, t: number): void {
    this.lastSent.set(chart.chartId, t);
    this.send(chart);
  }
}
