/**
 * Reductions over `axis` (a number, a list, or all axes). MXNet has no 0-d arrays: reducing
 * every axis gives shape (1,), and so do we. The gradient of a reduction broadcasts dL/dy back
 * over the reduced axes, weighted by each element's share of the result.
 */
import { tf, type Tensor } from '../../engine/tf';
import { ShapeError, fmtShape } from '../errors';
import { bool, checkOptions, oneOf } from '../options';
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

/** The result's shape (before atLeast1d). */
function reducedShape(inShape: readonly number[], { axes, keepDims }: ReduceAttrs): number[] {
  return keepDims ? keptShape(inShape, axes) : inShape.filter((_, i) => !axes.includes(i));
}

/** Whether the reduction runs over no elements (an empty axis among the reduced ones). */
function overNothing(inShape: readonly number[], axes: number[]): boolean {
  return axes.some((a) => inShape[a] === 0);
}

/**
 * A reduction over no elements, filled with its identity (0 for a sum, 1 for a product, NaN for
 * a mean: 0/0, as NumPy). tfjs's WASM kernels read uninitialized memory there (3.6e-41).
 */
function emptyReduction(x: Tensor, attrs: ReduceAttrs, value: number): Tensor {
  return atLeast1d(tf.fill(reducedShape(x.shape, attrs), value, x.dtype === 'int32' && !Number.isNaN(value) ? 'int32' : 'float32'));
}

// y = sum_i x_i              dy/dx_i = 1
const Sum = definePrimitive<ReduceAttrs>({
  name: 'sum',
  saves: 'none',
  forward: ([x], attrs) => (overNothing(x!.shape, attrs.axes) ? emptyReduction(x!, attrs, 0) : atLeast1d(tf.sum(x!, attrs.axes, attrs.keepDims))),
  backward: (dy, { inputShapes }, { axes }) => [spread(dy, inputShapes[0]!, axes)],
});

// y = (1/n) sum_i x_i        dy/dx_i = 1/n
const Mean = definePrimitive<ReduceAttrs>({
  name: 'mean',
  saves: 'none',
  forward: ([x], attrs) => (overNothing(x!.shape, attrs.axes) ? emptyReduction(x!, attrs, NaN) : atLeast1d(tf.mean(x!, attrs.axes, attrs.keepDims))),
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
  forward: ([x], attrs) => {
    if (overNothing(x!.shape, attrs.axes)) return emptyReduction(x!, attrs, 1);
    const y = tf.prod(x!, attrs.axes, false);
    return atLeast1d(attrs.keepDims ? tf.reshape(y, keptShape(x!.shape, attrs.axes)) : y);
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

function options(op: string, x: NDArray, o: ReduceOptions | undefined, extra: readonly string[] = []): ReduceAttrs {
  expectArray(op, 'x', x);
  const opts = checkOptions(op, o, ['axis', 'keepDims', ...extra], '{ axis: 1, keepDims: true }');
  return { axes: normAxes(op, opts.axis, x.ndim), keepDims: bool(op, 'keepDims', opts.keepDims, false) };
}

/** max and min have no value over no elements (NumPy raises too): say so instead of inventing one. */
function extremumOptions(op: 'max' | 'min', x: NDArray, o: ReduceOptions | undefined): ReduceAttrs {
  const attrs = options(op, x, o);
  if (overNothing(x.shape, attrs.axes)) {
    throw new ShapeError(
      `${op}: the array of shape ${fmtShape(x.shape)} has no elements along the reduced axes, and the ${op}imum of nothing is undefined. ` +
        `Check the array is not empty before reducing it (x.size > 0).`,
    );
  }
  return attrs;
}

/** Sum over `axis` (all axes by default; MXNet's shape (1,) result); 0 over an empty axis. */
export const sum = (x: NDArray, o?: ReduceOptions): NDArray => apply(Sum, [x], options('sum', x, o));
/** Mean over `axis` (all axes by default); NaN over an empty axis (0/0, as NumPy). */
export const mean = (x: NDArray, o?: ReduceOptions): NDArray => apply(Mean, [x], options('mean', x, o));
/** Largest element over `axis` (all axes by default); an error over an empty axis. */
export const max = (x: NDArray, o?: ReduceOptions): NDArray => apply(Max, [x], extremumOptions('max', x, o));
/** Smallest element over `axis` (all axes by default); an error over an empty axis. */
export const min = (x: NDArray, o?: ReduceOptions): NDArray => apply(Min, [x], extremumOptions('min', x, o));
/** Product over `axis` (all axes by default); 1 over an empty axis. */
export const prod = (x: NDArray, o?: ReduceOptions): NDArray => apply(Prod, [x], options('prod', x, o));

/** ||x||_2 = sqrt(sum x^2) (ord 2, default) or ||x||_1 = sum |x| — composites of primitives. */
export function norm(x: NDArray, o?: ReduceOptions & { ord?: 1 | 2 }): NDArray {
  expectArray('norm', 'x', x);
  if (x.dtype !== 'float32') x = x.astype('float32'); // the norm of integers is a real number
  checkOptions('norm', o, ['axis', 'keepDims', 'ord'], '{ axis: 1, ord: 2 }');
  if (o?.axis !== undefined) normAxes('norm', o.axis, x.ndim); // errors name norm, not the sum inside
  const ord = oneOf('norm', 'ord', o?.ord, [1, 2], 2);
  const attrs = { axis: o?.axis, keepDims: o?.keepDims };
  return ord === 1 ? sum(ew.abs(x), attrs) : ew.sqrt(sum(ew.square(x), attrs));
}

/** Index of the largest element along `axis` (all axes flattened when omitted), as float32 like MXNet. */
function argExtremum(op: 'argmax' | 'argmin', x: NDArray, o: { axis?: number; keepDims?: boolean } | undefined): NDArray {
  expectArray(op, 'x', x);
  checkOptions(op, o, ['axis', 'keepDims'], '{ axis: 1 }');
  if (x.size === 0) throw new ShapeError(`${op}: the array of shape ${fmtShape(x.shape)} is empty; there is no index to return.`);
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

/** Index of the largest element along `axis` (of the flattened array by default), as float32 like MXNet. */
export const argmax = (x: NDArray, o?: { axis?: number; keepDims?: boolean }): NDArray => argExtremum('argmax', x, o);
/** Index of the smallest element along `axis` (of the flattened array by default), as float32 like MXNet. */
export const argmin = (x: NDArray, o?: { axis?: number; keepDims?: boolean }): NDArray => argExtremum('argmin', x, o);
