/**
 * Errors the library throws. Each says what was expected, what came, and how to fix it.
 */
import type { Shape } from './shape-utils';

export class NDArrayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Shapes that do not fit an op: names the op and every shape involved. */
export class ShapeError extends NDArrayError {}

/** An argument of the wrong kind: names the function and the argument. */
export class ArgumentError extends NDArrayError {}

/** A TensorFlow.js kernel refused its inputs (a dtype it does not take...): names the op. */
export class OpError extends NDArrayError {}

/** A synchronous read that cannot be trusted on this backend. */
export class SyncReadError extends NDArrayError {}

/** Misuse of autograd: backward without record, without attachGrad, on a freed graph... */
export class AutogradError extends NDArrayError {}

export function fmtShape(shape: Shape): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}
