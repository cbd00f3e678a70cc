/**
 * The names every cell sees, and the persistent scope cells share. The library's namespaces
 * sit on the scope's prototype, so a cell may shadow them (const nd = ...) without breaking
 * the library for later cells: deleting the cell's own property restores them.
 */
import * as lib from '../../lib/index';
import { print, display } from '../../lib/host';

export interface KernelConsole {
  log: (...values: unknown[]) => void;
  info: (...values: unknown[]) => void;
  warn: (...values: unknown[]) => void;
  error: (...values: unknown[]) => void;
}

function makeConsole(): KernelConsole {
  const toStderr = (...values: unknown[]): void => {
    display({ kind: 'text', stream: 'stderr', text: values.map((v) => (typeof v === 'string' ? v : String(v))).join(' ') + '\n' });
  };
  return { log: print, info: print, warn: toStderr, error: toStderr };
}

/**
 * Wraps a callback a cell hands to a timer so that what it throws is reported to the cell that
 * scheduled it (the kernel's attribution), not lost on the worker's global error event.
 */
export type AttributeCallback = (callback: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;

/** setTimeout, setInterval and queueMicrotask whose callbacks report their errors to the cell. */
function cellTimers(attribute: AttributeCallback): Record<string, unknown> {
  const wrap = (callback: unknown, name: string): ((...args: unknown[]) => unknown) => {
    if (typeof callback !== 'function') throw new TypeError(`${name}: the callback must be a function, got ${typeof callback}.`);
    return attribute(callback as (...args: unknown[]) => unknown);
  };
  return {
    setTimeout: (callback: unknown, ms?: number, ...args: unknown[]) => globalThis.setTimeout(wrap(callback, 'setTimeout'), ms, ...args),
    setInterval: (callback: unknown, ms?: number, ...args: unknown[]) => globalThis.setInterval(wrap(callback, 'setInterval'), ms, ...args),
    clearTimeout: (id: Parameters<typeof clearTimeout>[0]) => globalThis.clearTimeout(id),
    clearInterval: (id: Parameters<typeof clearInterval>[0]) => globalThis.clearInterval(id),
    queueMicrotask: (callback: unknown) => globalThis.queueMicrotask(wrap(callback, 'queueMicrotask') as () => void),
  };
}

export function createScope(attribute?: AttributeCallback): Record<string, unknown> {
  const globals: Record<string, unknown> = {
    ...(attribute ? cellTimers(attribute) : {}),
    nd: lib.nd,
    autograd: lib.autograd,
    gluon: lib.gluon,
    lrScheduler: lib.lrScheduler,
    init: lib.init,
    mx: lib.mx,
    d2l: lib.d2l,
    NDArray: lib.NDArray,
    print,
    plot: lib.d2l.plot,
    console: makeConsole(),
  };
  return Object.create(Object.freeze(globals)) as Record<string, unknown>;
}
