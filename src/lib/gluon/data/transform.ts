/**
 * What a dataset transform is, how it is called, and when it may run on a whole batch.
 *
 * A transform is a function or a Block (Gluon's transforms are Blocks: `ToTensor()`), called
 * like Gluon calls it: with the example's fields spread when the example is a tuple
 * (`(data, label) => [...]`), with the example itself otherwise. A JavaScript array is a tuple.
 *
 * Batch-capable transforms. Transforming 60,000 images one by one costs 60,000 small tensor
 * ops per epoch; a DataLoader can instead apply the transform once per batch, to the
 * examples stacked on a new first axis — when the transform says that this gives the same
 * result as transforming each example and stacking. The vision transforms say so (they take
 * (H, W, C) images and (N, H, W, C) batches, as Gluon's do) by a `batchable: true` property;
 * for your own function, pass `{ batched: true }` to `transform` / `transformFirst`.
 */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError } from '../../nd/errors';

/** Any function: the library calls it with the example's fields. */
export type TransformFunction = (...args: never[]) => unknown;

/** A function or an object with `forward` (a Block). */
export type Transform = TransformFunction | { forward(...args: NDArray[]): unknown };

/** The flag vision transforms carry: "I also accept a batch and return the stacked result". */
export interface Batchable {
  readonly batchable: boolean;
}

export function isBatchable(t: unknown): boolean {
  return t !== null && (typeof t === 'object' || typeof t === 'function') && (t as Partial<Batchable>).batchable === true;
}

export function checkTransform(op: string, t: unknown): Transform {
  if (typeof t === 'function') return t as TransformFunction;
  if (t !== null && typeof t === 'object' && typeof (t as { forward?: unknown }).forward === 'function') return t as Transform;
  throw new ArgumentError(`${op}: the transform must be a function or a Block such as transforms.ToTensor(), got ${t === null ? 'null' : typeof t}.`);
}

/** Calls `t` on one example or batch: the fields spread when it is a tuple (a JavaScript array). */
export function applyTransform(t: Transform, item: unknown): unknown {
  const args = Array.isArray(item) ? (item as unknown[]) : [item];
  if (typeof t === 'function') return (t as (...a: unknown[]) => unknown)(...args);
  return (t.forward as (...a: unknown[]) => unknown).apply(t, args);
}

/** Gluon's _TransformFirstClosure: transforms the first field, keeps the others. */
export function firstOnly(t: Transform): (x: unknown, ...rest: unknown[]) => unknown {
  return (x, ...rest) => {
    const y = applyTransform(t, [x]);
    return rest.length > 0 ? [y, ...rest] : y;
  };
}
