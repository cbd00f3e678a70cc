/**
 * Argument checks shared by the layers (window sizes, a number or a (height, width) pair, are
 * read by nd's `pair`, as the ops read them; reprs print them with nd/py-repr.ts).
 */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { describe, expectArray } from '../../nd/ops/operand';

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
