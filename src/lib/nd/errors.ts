/**
 * Errors the library throws. Each says what was expected, what came, and how to fix it.
 */
import { LibraryError } from '../errors';
import { pyTuple } from './py-repr';

/** Errors of arrays, their ops and autograd (the library's other parts have their own LibraryErrors). */
export class NDArrayError extends LibraryError {}

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

/**
 * A Python habit that JavaScript cannot honour: `a + b`, `a * 2`, `a < b` (JavaScript has no
 * operator overloading: it would turn the arrays into strings or NaN) or `a[1]` (no indexing
 * operator). A TypeError, as JavaScript's own coercion errors are; says what to write instead.
 */
export class NDArrayCoercionError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A shape as MXNet's messages print it, Python's tuple: (2, 3), (5,), (). */
export const fmtShape: (shape: readonly number[]) => string = pyTuple;
