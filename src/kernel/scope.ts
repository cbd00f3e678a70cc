/**
 * The names every cell sees, and the persistent scope cells share. The library's namespaces
 * sit on the scope's prototype, so a cell may shadow them (const nd = ...) without breaking
 * the library for later cells: deleting the cell's own property restores them.
 */
import * as lib from '../lib/index';
import { print, display } from '../lib/display';

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

export function createScope(): Record<string, unknown> {
  const globals: Record<string, unknown> = {
    nd: lib.nd,
    autograd: lib.autograd,
    gluon: lib.gluon,
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
