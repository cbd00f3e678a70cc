/**
 * How library code shows things in the page: text, tables, image grids, charts. The library
 * builds data (never markup) and hands it to a display hook; the kernel installs the hook and
 * forwards each output to the page tagged with the running cell. Without a hook (a plain Node
 * script) text goes to the console and other outputs are summarized there.
 */

import { NDArray } from './nd/ndarray';

export interface TextOutput {
  kind: 'text';
  /** 'stdout' for print/console.log, 'stderr' for console.warn/error. */
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface TableOutput {
  kind: 'table';
  columns: string[];
  rows: (string | number | null)[][];
  caption?: string;
}

export interface ImageData {
  width: number;
  height: number;
  /** Grayscale (1) or RGB (3), row-major, 0..255. */
  channels: 1 | 3;
  pixels: Uint8Array;
  title?: string;
}

export interface ImagesOutput {
  kind: 'images';
  images: ImageData[];
  /** Images per row in the grid. */
  columns: number;
  /** Display scale of each image (pixels per data pixel). */
  scale: number;
}

export interface ChartSeries {
  name: string;
  x: number[];
  y: number[];
  mode: 'lines' | 'markers' | 'lines+markers';
  /** Line pattern when not solid (matplotlib's '--', ':' and '-.'). */
  dash?: 'dash' | 'dot' | 'dashdot';
  /** Marker shape when not a circle (matplotlib's 'x', 's', '^', '*'). */
  symbol?: 'x' | 'square' | 'triangle-up' | 'star';
}

/**
 * A function of two variables on a grid, drawn under the panel's series as filled contours (the
 * optimization chapter's trajectories run over it). `z` is row-major: z[i * x.length + j] is the
 * value at (x[j], y[i]).
 */
export interface ChartContour {
  x: number[];
  y: number[];
  z: number[];
  /** Contour lines drawn (about); Plotly picks round levels near this count. */
  levels?: number;
}

export interface ChartPanel {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  xScale: 'linear' | 'log';
  yScale: 'linear' | 'log';
  xLim?: [number, number];
  yLim?: [number, number];
  /** Same scale on both axes (a contour's circles stay round). */
  equalAxes?: boolean;
  contour?: ChartContour;
  series: ChartSeries[];
}

export interface ChartOutput {
  kind: 'chart';
  /** Stable within a cell run: later updates of the same chart replace it. */
  chartId: string;
  panels: ChartPanel[];
  /** Notes such as "the loss became NaN at epoch 3". */
  notes: string[];
}

export type DisplayOutput = TextOutput | TableOutput | ImagesOutput | ChartOutput;

export type DisplayHook = (output: DisplayOutput) => void;

let hook: DisplayHook | null = null;

/** The hook installed now (the kernel's controls runner puts it back after collecting a callback's outputs). */
export function getDisplayHook(): DisplayHook | null {
  return hook;
}

/** The kernel installs its hook; null restores console output. */
export function setDisplayHook(h: DisplayHook | null): void {
  hook = h;
}

export function display(output: DisplayOutput): void {
  if (pending !== null) {
    // An earlier print is still reading arrays: this output waits its turn, to keep the order.
    const target = hook;
    enqueue(target, () => emit(target, output));
    return;
  }
  emit(hook, output);
}

function emit(target: DisplayHook | null, output: DisplayOutput): void {
  if (target !== null) {
    target(output);
    return;
  }
  switch (output.kind) {
    case 'text':
      (output.stream === 'stderr' ? console.error : console.log)(output.text.replace(/\n$/, ''));
      break;
    case 'table':
      console.log(`[table ${output.columns.length} columns x ${output.rows.length} rows]`);
      break;
    case 'images':
      console.log(`[${output.images.length} images]`);
      break;
    case 'chart':
      console.log(`[chart ${output.chartId}: ${output.panels.map((p) => p.series.map((s) => `${s.name} (${s.y.length} points)`).join(', ')).join(' | ')}]`);
      break;
  }
}

/** Formats values as print() shows them: strings as is, NDArrays in MXNet's form (sync), others readably. */
export function formatForPrint(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const own = (value as { toString?: () => string }).toString;
    if (own !== Object.prototype.toString && typeof own === 'function' && !Array.isArray(value)) return own.call(value);
    try {
      return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * print(...values): one line of text output, values separated by spaces (Python's print).
 *
 * NDArrays are shown with their values on every backend. Their values are read
 * asynchronously (a synchronous read is wrong on WebGPU), from a copy taken at the call, so
 * `print(x); x.set(0)` still shows x before the write. Until the read completes, later
 * outputs queue behind it; the kernel waits for the queue (flushDisplay) before a cell ends.
 */
export function print(...values: unknown[]): void {
  if (!values.some((v) => v instanceof NDArray)) {
    display({ kind: 'text', stream: 'stdout', text: values.map(formatForPrint).join(' ') + '\n' });
    return;
  }
  const snapshots = values.map((v) => (v instanceof NDArray ? v.copy().keep() : v));
  const target = hook;
  enqueue(target, async () => {
    try {
      const parts = await Promise.all(snapshots.map((v) => (v instanceof NDArray ? v.format() : formatForPrint(v))));
      emit(target, { kind: 'text', stream: 'stdout', text: parts.join(' ') + '\n' });
    } finally {
      for (const v of snapshots) if (v instanceof NDArray) v.dispose();
    }
  });
}

/** Outputs waiting for an earlier print's reads, chained in call order; null when none wait. */
let pending: Promise<void> | null = null;

function enqueue(target: DisplayHook | null, task: () => void | Promise<void>): void {
  const next: Promise<void> = (pending ?? Promise.resolve())
    .then(task)
    .catch((e: unknown) => {
      // A failed read (e.g. a lost GPU device) must not swallow the outputs queued after it.
      const message = e instanceof Error ? e.message : String(e);
      emit(target, { kind: 'text', stream: 'stderr', text: `print: could not read an array's values: ${message}\n` });
    })
    .then(() => {
      if (pending === next) pending = null;
    });
  pending = next;
}

/** Resolves once every queued output has been shown (the kernel awaits it before a cell ends). */
export async function flushDisplay(): Promise<void> {
  while (pending !== null) await pending;
}
