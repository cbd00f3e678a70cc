/** Turning the arguments readers pass (arrays or plain numbers) into NDArrays. */
import { tf } from '../../engine/tf';
import { ArgumentError } from '../errors';
import { NDArray, type Operand } from '../ndarray';

/**
 * A number becomes a 0-d constant of `like`'s dtype (MXNet casts scalars to the array's
 * dtype). Returns the array and whether the caller should free it after use.
 */
export function asOperand(op: string, name: string, y: Operand, like: NDArray): [NDArray, boolean] {
  if (y instanceof NDArray) return [y, false];
  if (typeof y === 'number') return [NDArray.fromTensor(tf.scalar(y, like.dtype)), true];
  throw new ArgumentError(`${op}: ${name} must be an NDArray or a number, got ${describe(y)}.`);
}

export function expectArray(op: string, name: string, x: unknown): NDArray {
  if (x instanceof NDArray) return x;
  throw new ArgumentError(`${op}: ${name} must be an NDArray, got ${describe(x)}. Create one with nd.array(...).`);
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined (no value)';
  if (typeof v === 'function') return 'a function';
  if (Array.isArray(v)) return 'a plain array (wrap it with nd.array(...))';
  if (typeof v === 'object') return `an object (${(v as object).constructor?.name ?? 'Object'})`;
  return `${typeof v} ${String(v)}`;
}
