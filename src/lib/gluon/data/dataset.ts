/**
 * Dataset: examples you can count (`length`) and fetch by index (`get(i)`), as Gluon's
 * Dataset (`len(ds)`, `ds[i]`). An example is a value (an NDArray, a number, ...) or a tuple
 * of them, written as a JavaScript array: `[image, label]`.
 *
 *   class Squares extends gluon.data.Dataset {
 *     get length() { return 100; }
 *     get(i) { return [i, i * i]; }
 *   }
 *
 * `transform(fn)` / `transformFirst(fn)` give a new dataset whose examples pass through fn.
 */
import { ArgumentError } from '../../nd/errors';
import { ndScope } from '../../nd/lifetime';
import { defaultBatchifyFn } from './batchify';
import { applyTransform, checkTransform, firstOnly, isBatchable, type Transform } from './transform';

export interface TransformOptions {
  /** Transform when an example is read (default), or all examples now (false). */
  lazy?: boolean;
  /**
   * The transform also accepts a whole batch (examples stacked on a new first axis) and then
   * returns what transforming each example and stacking would: the DataLoader applies it once
   * per batch. Default: the transform's own `batchable` flag (true for the vision transforms).
   */
  batched?: boolean;
}

/** Gluon's Dataset: examples by index (get(i), length), with transform() and transformFirst(). */
export abstract class Dataset<T = unknown> implements Iterable<T> {
  /** The number of examples. */
  abstract get length(): number;

  /** The i-th example (negative i counts from the end). */
  abstract get(i: number): T;

  /**
   * @internal The batch of the examples at `indices`, exactly as the default batchify would
   * make it from `get` — or null when this dataset has no faster way than example by example.
   */
  batchOf(_indices: readonly number[]): unknown {
    return null;
  }

  /** Gluon's Dataset.transform: a dataset whose examples are fn(...example). */
  transform<U = unknown>(fn: Transform, options: TransformOptions = {}): Dataset<U> {
    const t = checkTransform('Dataset.transform', fn);
    const lazy = new LazyTransformDataset<U>(this, t, options.batched ?? isBatchable(fn));
    return options.lazy === false ? new SimpleDataset<U>([...lazy]) : lazy;
  }

  /** Gluon's Dataset.transform_first: transforms the first field of each example (the data), keeps the label. */
  transformFirst<U = unknown>(fn: Transform, options: TransformOptions = {}): Dataset<U> {
    const t = checkTransform('Dataset.transformFirst', fn);
    const lazy = new LazyTransformDataset<U>(this, firstOnly(t), options.batched ?? isBatchable(fn));
    return options.lazy === false ? new SimpleDataset<U>([...lazy]) : lazy;
  }

  /** Every example in order (Python iterates a dataset through its indices too). */
  *[Symbol.iterator](): Iterator<T> {
    const n = this.length;
    for (let i = 0; i < n; i++) yield this.get(i);
  }
}

/** Checks an index against a length; negative ones count from the end (Python's rule). */
export function checkIndex(op: string, i: unknown, n: number): number {
  if (typeof i !== 'number' || !Number.isInteger(i)) {
    throw new ArgumentError(`${op}: the index must be an integer, got ${typeof i === 'number' ? i : typeof i}.`);
  }
  const j = i < 0 ? i + n : i;
  if (j < 0 || j >= n) throw new ArgumentError(`${op}: index ${i} is out of range for a dataset of ${n} examples (valid: ${-n} to ${n - 1}).`);
  return j;
}

/** Gluon's SimpleDataset: a dataset over a plain list of examples. */
export class SimpleDataset<T = unknown> extends Dataset<T> {
  private readonly items: readonly T[];

  constructor(items: ArrayLike<T> | Iterable<T>) {
    super();
    if (items === null || typeof items !== 'object') throw new ArgumentError(`SimpleDataset: expected a list of examples, got ${items === null ? 'null' : typeof items}.`);
    this.items = Array.from(items as ArrayLike<T>);
  }

  get length(): number {
    return this.items.length;
  }

  get(i: number): T {
    return this.items[checkIndex('SimpleDataset.get', i, this.items.length)]!;
  }
}

/** Gluon's _LazyTransformDataset: transforms each example when it is read. */
export class LazyTransformDataset<T = unknown> extends Dataset<T> {
  constructor(
    private readonly base: Dataset<unknown>,
    private readonly fn: Transform,
    /** fn also works on whole batches (see TransformOptions.batched). */
    readonly batched: boolean,
  ) {
    super();
  }

  get length(): number {
    return this.base.length;
  }

  get(i: number): T {
    return applyTransform(this.fn, this.base.get(i)) as T;
  }

  override batchOf(indices: readonly number[]): unknown {
    if (!this.batched) return null;
    // The base's fast batch if it has one, else its examples stacked; then fn once. The
    // scope frees the untransformed batch and fn's temporaries at once.
    return ndScope(() => {
      const raw = this.base.batchOf(indices) ?? defaultBatchifyFn(indices.map((i) => this.base.get(i)));
      return applyTransform(this.fn, raw);
    });
  }
}
