/**
 * Errors thrown outside a cell's own flow (timers, unawaited promises) are reported to their
 * cell; a flood of them (20,000 rejected promises in one loop) must not become 20,000 error
 * blocks. Per run, the first `perWindow` within a window are reported in full; the rest are
 * counted and reported once, with their count, when the window closes (or the cell ends).
 */
export class UnhandledLimiter {
  private readonly windows = new Map<string, { shown: number; leftOut: number; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    /** Called once per window with how many errors of `runId` were left out. */
    private readonly summarize: (runId: string, leftOut: number) => void,
    private readonly perWindow = 3,
    private readonly windowMs = 1000,
  ) {}

  /** True when this error is to be reported in full; false when it is only counted. */
  admit(runId: string): boolean {
    let w = this.windows.get(runId);
    if (!w) {
      w = { shown: 0, leftOut: 0, timer: setTimeout(() => this.flush(runId), this.windowMs) };
      this.windows.set(runId, w);
    }
    if (w.shown < this.perWindow) {
      w.shown++;
      return true;
    }
    w.leftOut++;
    return false;
  }

  /** Closes the run's window: reports what was left out, if anything. */
  flush(runId: string): void {
    const w = this.windows.get(runId);
    if (!w) return;
    clearTimeout(w.timer);
    this.windows.delete(runId);
    if (w.leftOut > 0) this.summarize(runId, w.leftOut);
  }
}
