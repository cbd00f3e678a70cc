/**
 * How library code shows things in the page: text, tables, image grids, charts. The library
 * builds data (never markup) and hands it to a display hook; the kernel installs the hook and
 * forwards each output to the page tagged with the running cell. Without a hook (a plain Node
 * script) text goes to the console and other outputs are summarized there. The kinds of output
 * are in output-kinds.ts.
 */

import { NDArray } from './nd/ndarray';
import { assertNever, type DisplayOutput } from './output-kinds';

export type { DisplayOutput } from './output-kinds';

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
    default:
      assertNever(output);
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
