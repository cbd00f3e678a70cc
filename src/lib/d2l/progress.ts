/**
 * Progress of a long loop, like Python's tqdm: how far, how long so far, and an estimate of the
 * time left (items left / items per second so far), shown as soon as the first items are done.
 * `d2l.progress(iterable)` wraps a loop a reader writes; the training helpers (trainCh3,
 * trainCh5) report epoch and minibatch progress on their live chart the same way.
 *
 * In a cell the line is rewritten in place: each update starts with a carriage return, which
 * the page (like a terminal or Jupyter) treats as "replace the current line". Updates are
 * throttled (4 per second by default) so that a fast loop does not flood the page.
 */
import { display } from '../display';
import { ArgumentError } from '../nd/errors';

export interface ProgressState {
  done: number;
  /** null when the loop's length is unknown. */
  total: number | null;
  elapsedSeconds: number;
  desc?: string;
}

/** 9.6 s, 2 min 05 s, 1 h 02 min. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.round(s - m * 60)).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m - h * 60).padStart(2, '0')} min`;
}

const BAR_WIDTH = 20;

/** `desc 30/100 [██████░░░░░░░░░░░░░░] 30% · 4.1 s · ~9.6 s left` (no bar, percentage or estimate without a total). */
export function formatProgress({ done, total, elapsedSeconds, desc }: ProgressState): string {
  const head = desc ? `${desc} ` : '';
  if (total === null || total <= 0) return `${head}${done} · ${formatSeconds(elapsedSeconds)}${done > 0 && elapsedSeconds > 0 ? ` · ${(done / elapsedSeconds).toPrecision(3)}/s` : ''}`;
  const fraction = Math.min(1, done / total);
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const left = done > 0 && done < total ? ` · ~${formatSeconds(((total - done) * elapsedSeconds) / done)} left` : '';
  return `${head}${done}/${total} [${bar}] ${Math.floor(fraction * 100)}% · ${formatSeconds(elapsedSeconds)}${left}`;
}

export interface ProgressOptions {
  /** How many items the loop has (an array's or a DataLoader's length is used when not given). */
  total?: number | null;
  /** Text before the counts, e.g. 'epoch 1'. */
  desc?: string;
  /** At most one update per this many ms (the last one is always shown). */
  minIntervalMs?: number;
  /** Where the line goes; by default it is written (and rewritten) in the cell's output. */
  onLine?: (line: string, final: boolean) => void;
  /** Clock in ms (tests). */
  now?: () => number;
}

const writeLine = (line: string, final: boolean): void => display({ kind: 'text', stream: 'stdout', text: `\r${line}${final ? '\n' : ''}` });

/** A progress line like tqdm's, updated by hand: `update(n)` as items finish, `close()` at the end. */
export class Progress {
  /** Items done so far. */
  done = 0;
  desc: string | undefined;
  readonly total: number | null;
  private readonly start: number;
  private lastShown = -Infinity;
  private closed = false;
  private readonly now: () => number;
  private readonly minIntervalMs: number;
  private readonly onLine: (line: string, final: boolean) => void;

  constructor(options: ProgressOptions = {}) {
    const { total = null } = options;
    if (total !== null && !(Number.isInteger(total) && total >= 0)) throw new ArgumentError(`d2l.progress: total must be a whole number of items (or null when unknown), got ${String(total)}.`);
    this.total = total;
    this.desc = options.desc;
    this.now = options.now ?? (() => performance.now());
    this.minIntervalMs = options.minIntervalMs ?? 250;
    this.onLine = options.onLine ?? writeLine;
    this.start = this.now();
  }

  /** Seconds since the progress line was created. */
  get elapsedSeconds(): number {
    return (this.now() - this.start) / 1000;
  }

  /** The line as it would be shown now. */
  line(): string {
    return formatProgress({ done: this.done, total: this.total, elapsedSeconds: this.elapsedSeconds, desc: this.desc });
  }

  /** `n` more items are done; shows the line unless one was shown less than minIntervalMs ago. */
  update(n = 1): void {
    if (this.closed) return;
    this.done += n;
    const t = this.now();
    if (t - this.lastShown < this.minIntervalMs) return;
    this.lastShown = t;
    this.onLine(this.line(), false);
  }

  /** Shows the final line (once). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onLine(this.line(), true);
  }
}

function lengthOf(items: unknown): number | null {
  const n = (items as { length?: unknown } | null)?.length;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * Wraps a loop: `for (const batch of d2l.progress(trainIter, { desc: 'epoch 1' })) { ... }` shows
 * how far the loop is, and the time left, while it runs. The line is finished when the loop
 * ends, also by `break` or an error.
 */
export function* progress<T>(items: Iterable<T>, options: ProgressOptions = {}): Generator<T, void, undefined> {
  if (items === null || items === undefined || typeof (items as Iterable<T>)[Symbol.iterator] !== 'function') {
    throw new ArgumentError(`d2l.progress: expected something to loop over (an array, a DataLoader, a range), got ${items === null ? 'null' : typeof items}.`);
  }
  const bar = new Progress({ ...options, total: options.total === undefined ? lengthOf(items) : options.total });
  try {
    for (const item of items) {
      yield item;
      bar.update();
    }
  } finally {
    bar.close();
  }
}
