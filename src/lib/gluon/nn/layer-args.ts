/**
 * Argument checks shared by the layers: Gluon layers take a number or a (height, width) pair
 * for window sizes (their reprs print them with nd/py-repr.ts).
 */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { describe, expectArray } from '../../nd/ops/operand';

/** One number for both spatial axes, or [height, width]. */
export type Pair = number | [number, number] | readonly [number, number];

/** Reads a Pair: integers >= min, as n (both axes) or [h, w]; `where` names the layer in errors. */
export function toPair(where: string, name: string, v: Pair | undefined, fallback: number, min: number): [number, number] {
  if (v === undefined || v === null) return [fallback, fallback];
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min;
  if (ok(v)) return [v, v];
  if (Array.isArray(v) && v.length === 2 && ok(v[0]) && ok(v[1])) return [v[0], v[1]];
  throw new ArgumentError(
    `${where}: ${name} must be an integer >= ${min} or a pair [height, width] of them, got ${Array.isArray(v) ? JSON.stringify(v) : describe(v)}.`,
  );
}

/** A non-negative (or positive) integer option. */
export function toCount(where: string, name: string, v: unknown, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ArgumentError(`${where}: ${name} must be an integer >= ${min}, got ${describe(v)}.`);
  }
  return v;
}

/** The input of a layer: an NDArray of the given rank (named in the error with what it should hold). */
export function expectInput(where: string, x: unknown, rank: number, layout: string): NDArray {
  const a = expectArray(where, 'the input', x);
  if (a.ndim !== rank) {
    throw new ShapeError(
      `${where}: expected a ${rank}-D input ${layout}, got shape ${fmtShape(a.shape)}.` +
        (rank === 4 && a.ndim === 2 ? ' Images flattened to (batch, features) must be reshaped back, e.g. X.reshape([-1, 1, 28, 28]).' : '') +
        (rank === 4 && a.ndim === 3 ? ' A batch of one-channel images needs a channel axis: X.reshape([batch, 1, h, w]).' : ''),
    );
  }
  if (a.dtype !== 'float32') {
    throw new ArgumentError(`${where}: the input must be float32, got ${a.dtype}. Convert it with X.astype('float32').`);
  }
  return a;
}
