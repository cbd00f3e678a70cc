/**
 * Gluon's default_batchify_fn: turns a list of examples into one batch.
 *  - NDArrays are stacked on a new first axis: n arrays of shape s give (n, ...s);
 *  - tuples (JavaScript arrays) are batched field by field: [[x0, y0], [x1, y1]] -> [X, y];
 *  - numbers become a 1-D array: int32 when every one is an integer (labels, as NumPy's
 *    asarray of ints), float32 otherwise.
 */
import { tf } from '../../engine/tf';
import { NDArray } from '../../nd/ndarray';
import { ArgumentError } from '../../nd/errors';
import { stack } from '../../nd/ops/shape';

/** The dtype a list of plain numbers gets in a batch. */
export function numbersDtype(values: ArrayLike<number>): 'int32' | 'float32' {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) return 'float32';
  }
  return 'int32';
}

/** A 1-D batch of plain numbers (dtype by numbersDtype unless given). */
export function numbersToArray(values: ArrayLike<number>, dtype: 'int32' | 'float32' = numbersDtype(values)): NDArray {
  const typed = dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
  return NDArray.fromTensor(tf.tensor1d(typed, dtype));
}

function describe(v: unknown): string {
  if (v instanceof NDArray) return `an NDArray of shape (${v.shape.join(', ')})`;
  if (Array.isArray(v)) return `a tuple of ${v.length}`;
  return v === null ? 'null' : typeof v;
}

/** Gluon's default_batchify_fn: stacks a list of examples into one batch (arrays stacked, tuples column by column). */
export function defaultBatchifyFn(data: readonly unknown[]): unknown {
  if (!Array.isArray(data) || data.length === 0) {
    throw new ArgumentError('defaultBatchifyFn: expected a non-empty list of examples.');
  }
  const first = data[0];
  if (first instanceof NDArray) {
    data.forEach((d, i) => {
      if (!(d instanceof NDArray)) throw new ArgumentError(`defaultBatchifyFn: example 0 is an NDArray but example ${i} is ${describe(d)}; every example must have the same structure.`);
    });
    return stack(data as NDArray[]);
  }
  if (Array.isArray(first)) {
    const width = first.length;
    data.forEach((d, i) => {
      if (!Array.isArray(d) || d.length !== width) {
        throw new ArgumentError(`defaultBatchifyFn: example 0 is a tuple of ${width} fields but example ${i} is ${describe(d)}; every example must have the same fields.`);
      }
    });
    return Array.from({ length: width }, (_, k) => defaultBatchifyFn(data.map((d) => (d as unknown[])[k])));
  }
  if (typeof first === 'number') {
    data.forEach((d, i) => {
      if (typeof d !== 'number') throw new ArgumentError(`defaultBatchifyFn: example 0 is a number but example ${i} is ${describe(d)}.`);
    });
    return numbersToArray(data as number[]);
  }
  throw new ArgumentError(
    `defaultBatchifyFn: cannot batch ${describe(first)}; examples must be NDArrays, numbers or tuples (arrays) of them. ` +
      'Pass your own { batchify: (examples) => batch } to the DataLoader for other kinds of data.',
  );
}
