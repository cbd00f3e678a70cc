/**
 * Timer: a stopwatch that remembers every lap, introduced with the convolutional networks'
 * training loop (chapters/05-convolutional-networks/02-cnn-gluon.md, d2l.trainCh5) to report
 * examples per second. Time what the device did, not what was queued: read a result (await
 * l.asScalar()) before stop(), or a GPU backend may still be working.
 */
import { ArgumentError } from '../nd/errors';

/** The book's Timer: start/stop intervals, their sum and average. */
export class Timer {
  /** Every lap's length in seconds, in order. */
  readonly times: number[] = [];
  private begin: number | null = null;

  constructor() {
    this.start();
  }

  /** Starts (or restarts) the current lap. */
  start(): void {
    this.begin = performance.now();
  }

  /** Ends the current lap, records it and returns its length in seconds. */
  stop(): number {
    if (this.begin === null) throw new ArgumentError('Timer.stop: no lap is running; call timer.start() first.');
    const seconds = (performance.now() - this.begin) / 1000;
    this.times.push(seconds);
    this.begin = null;
    return seconds;
  }

  /** Total seconds of all recorded laps. */
  sum(): number {
    return this.times.reduce((a, b) => a + b, 0);
  }

  /** Mean lap length in seconds (0 before the first lap ends). */
  avg(): number {
    return this.times.length === 0 ? 0 : this.sum() / this.times.length;
  }

  /** Running totals: the time at the end of each lap. */
  cumsum(): number[] {
    let total = 0;
    return this.times.map((t) => (total += t));
  }
}
