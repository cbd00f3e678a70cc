/**
 * Reductions over `axis` (a number, a list, or all axes). MXNet has no 0-d arrays: reducing
 * every axis gives shape (1,), and so do we. The gradient of a reduction broadcasts dL/dy back
 * over the reduced axes, weighted by each element's share of the result.
 */
import { tf, type Tensor } from '../../engine/tf';
import { ArgumentError } from '../errors';
import type { NDArray, ReduceOptions } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { normAxes, normAxis } from '../shape-utils';
import { expectArray } from './operand';
import * as ew from './elementwise';

interface ReduceAttrs {
  axes: number[];
  keepDims: boolean;
}

/** y's shape with the reduced axes kept as 1 — the shape dL/dy broadcasts from. */
function keptShape(inShape: readonly number[], axes: number[]): number[] {
  return inShape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** MXNet's rule: a reduction to zero dimensions returns shape (1,). */
function atLeast1d(t: Tensor): Tensor {
  return t.rank === 0 ? tf.reshape(t, [1]) : t;
}

/**
 * dL/dy broadcast back to x's shape. Written as a broadcasting product with ones, not
 * tf.broadcastTo: the WASM backend runs broadcastTo as its generic Tile kernel, measured 10-20x
 * slower (e.g. 80 ms against 6 ms for (1, 6, 1, 1) -> (128, 6, 28, 28), the mean's gradient in a
 * batch-normalized LeNet). Multiplying by 1 is exact, so the values are the same.
 */
function spread(dy: Tensor, inShape: readonly number[], axes: number[]): Tensor {
  return tf.mul(tf.ones(inShape as number[], dy.dtype), tf.reshape(dy, keptShape(inShape, axes)));
}

// y = sum_i x_i              dy/dx_i = 1
const Sum = definePrimitive<ReduceAttrs>({
  name: 'sum',
  saves: 'none',
  forward: ([x], { axes, keepDims }) => atLeast1d(tf.sum(x!, axes, keepDims)),
  backward: (dy, { inputShapes }, { axes }) => [spread(dy, inputShapes[0]!, axes)],
});

// y = (1/n) sum_i x_i        dy/dx_i = 1/n
const Mean = definePrimitive<ReduceAttrs>({
  name: 'mean',
  saves: 'none',
  forward: ([x], { axes, keepDims }) => atLeast1d(tf.mean(x!, axes, keepDims)),
  backward: (dy, { inputShapes }, { axes }) => {
    const n = axes.reduce((p, a) => p * inputShapes[0]![a]!, 1);
    return [tf.div(spread(dy, inputShapes[0]!, axes), n)];
  },
});

// y = max_i x_i              dy/dx_i = 1 where x_i attains the max (every tie, as MXNet)
function extremum(name: 'max' | 'min') {
  return definePrimitive<ReduceAttrs>({
    name,
    saves: 'both',
    forward: ([x], { axes, keepDims }) => atLeast1d(name === 'max' ? tf.max(x!, axes, keepDims) : tf.min(x!, axes, keepDims)),
    backward: (dy, { inputs: [x], output, inputShapes }, { axes }) => {
      const hit = tf.cast(tf.equal(x!, spread(output, inputShapes[0]!, axes)), 'float32');
      return [tf.mul(spread(dy, inputShapes[0]!, axes), hit)];
    },
  });
}
const Max = extremum('max');
const Min = extremum('min');

// y = prod_i x_i             dy/dx_i = prod_{j != i} x_j
// computed as (product of the elements before i) * (product after i), so zeros are exact.
const Prod = definePrimitive<ReduceAttrs>({
  name: 'prod',
  // tfjs's WebGPU prod ignores keepDims (the MXNet port's test_reduce caught (3,) for (3, 1)):
  // reduce, then put the kept axes back as 1 ourselves, on every backend.
  forward: ([x], { axes, keepDims }) => {
    const y = tf.prod(x!, axes, false);
    return atLeast1d(keepDims ? tf.reshape(y, keptShape(x!.shape, axes)) : y);
  },
  backward: (dy, { inputs: [x], inputShapes }, { axes }) => {
    const shape = inputShapes[0]!;
    const rest = shape.map((_, i) => i).filter((i) => !axes.includes(i));
    const perm = [...rest, ...axes];
    const inverse = perm.map((_, i) => perm.indexOf(i));
    const restSize = rest.reduce((p, a) => p * shape[a]!, 1);
    const k = axes.reduce((p, a) => p * shape[a]!, 1);
    const flat = tf.reshape(tf.transpose(x!, perm), [restSize, k]); // (rest, reduced)
    const before = tf.cumprod(flat, 1, true); // exclusive: product of elements before i
    // Exclusive product after i: the same cumprod on the reversed rows. Not cumprod(reverse=true):
    // tfjs's WebGPU backend caches one shader for both directions and returned the forward one.
    const after = tf.reverse(tf.cumprod(tf.reverse(flat, 1), 1, true), 1);
    const others = tf.reshape(tf.mul(before, after), perm.map((a) => shape[a]!));
    return [tf.mul(spread(dy, shape, axes), tf.transpose(others, inverse))];
  },
});

function options(op: string, x: NDArray, o: ReduceOptions | undefined): ReduceAttrs {
  expectArray(op, 'x', x);
  if (o !== undefined && (typeof o !== 'object' || o === null)) {
    throw new ArgumentError(`${op}: options must be an object like { axis: 1, keepDims: true }, got ${String(o)}.`);
  }
  return { axes: normAxes(op, o?.axis, x.ndim), keepDims: o?.keepDims ?? false };
}

/** The sum over `axis` (all axes by default), as MXNet's sum; keepDims keeps the reduced axes as 1. */
export const sum = (x: NDArray, o?: ReduceOptions): NDArray => apply(Sum, [x], options('sum', x, o));
/** The mean over `axis` (all axes by default), as MXNet's mean. */
export const mean = (x: NDArray, o?: ReduceOptions): NDArray => apply(Mean, [x], options('mean', x, o));
/** The largest element over `axis` (all axes by default), as MXNet's max. */
export const max = (x: NDArray, o?: ReduceOptions): NDArray => apply(Max, [x], options('max', x, o));
/** The smallest element over `axis` (all axes by default), as MXNet's min. */
export const min = (x: NDArray, o?: ReduceOptions): NDArray => apply(Min, [x], options('min', x, o));
/** The product over `axis` (all axes by default), as MXNet's prod. */
export const prod = (x: NDArray, o?: ReduceOptions): NDArray => apply(Prod, [x], options('prod', x, o));

/** ||x||_2 = sqrt(sum x^2) (ord 2, default) or ||x||_1 = sum |x| — composites of primitives. */
export function norm(x: NDArray, o?: ReduceOptions & { ord?: 1 | 2 }): NDArray {
  expectArray('norm', 'x', x);
  if (x.dtype !== 'float32') x = x.astype('float32'); // the norm of integers is a real number
  if (o?.axis !== undefined) normAxes('norm', o.axis, x.ndim); // errors name norm, not the sum inside
  const ord = o?.ord ?? 2;
  if (ord !== 1 && ord !== 2) throw new ArgumentError(`norm: ord must be 1 or 2, got ${String(ord)}.`);
  const attrs = { axis: o?.axis, keepDims: o?.keepDims };
  return ord === 1 ? sum(ew.abs(x), attrs) : ew.sqrt(sum(ew.square(x), attrs));
}

/** Index of the largest element along `axis` (all axes flattened when omitted), as float32 like MXNet. */
function argExtremum(op: 'argmax' | 'argmin', x: NDArray, o: { axis?: number; keepDims?: boolean } | undefined): NDArray {
  expectArray(op, 'x', x);
  const Arg = op === 'argmax' ? ArgMax : ArgMin;
  if (o?.axis === undefined) return apply(Arg, [x], { axis: 0, keepDims: false, flatten: true });
  return apply(Arg, [x], { axis: normAxis(op, o.axis, x.ndim), keepDims: o.keepDims ?? false, flatten: false });
}

interface ArgAttrs {
  axis: number;
  keepDims: boolean;
  flatten: boolean;
}
function argPrimitive(name: 'argmax' | 'argmin') {
  // Indices are piecewise constant in x: no gradient.
  return definePrimitive<ArgAttrs>({
    name,
    forward: ([x], { axis, keepDims, flatten }) => {
      const src = flatten ? tf.reshape(x!, [-1]) : x!;
      let idx = name === 'argmax' ? tf.argMax(src, axis) : tf.argMin(src, axis);
      if (keepDims && !flatten) idx = tf.expandDims(idx, axis);
      return atLeast1d(tf.cast(idx, 'float32'));
    },
  });
}
const ArgMax = argPrimitive('argmax');
const ArgMin = argPrimitive('argmin');

/** The index of the largest element along `axis` (all elements flattened by default), as MXNet's argmax. */
export const argmax = (x: NDArray, o?: { axis?: number; keepDims?: boolean }): NDArray => argExtremum('argmax', x, o);
/** The index of the smallest element along `axis` (all elements flattened by default), as MXNet's argmin. */
export const argmin = (x: NDArray, o?: { axis?: number; keepDims?: boolean }): NDArray => argExtremum('argmin', x, o);
