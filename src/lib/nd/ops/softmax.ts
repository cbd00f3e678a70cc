/**
 * softmax and logSoftmax along one axis, as primitives with hand-written backward passes:
 * one fused expression each way is faster and more stable than a chain of primitives.
 * Both subtract the row maximum first, so logits like 1000 or -1000 give finite results.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { normAxis, shapesEqual } from '../shape-utils';
import { ArgumentError, ShapeError, fmtShape } from '../errors';
import { bool } from '../options';
import { div, less, mul, where } from './elementwise';
import { arange } from './creation';
import { pause } from '../../autograd/state';
import { expandDims } from './shape';
import { type SoftmaxOptions, expectFloat } from './nn-options';
import { checkOptions } from '../options';
import { describe, expectArray } from './operand';

interface AxisAttrs {
  axis: number;
}

function isLast(x: Tensor, axis: number): boolean {
  return axis === x.rank - 1;
}

// y_i = e^(x_i - m) / sum_j e^(x_j - m), m = max_j x_j (softmax is unchanged by the shift)
// dL/dx_i = sum_j dL/dy_j dy_j/dx_i = y_i (dL/dy_i - sum_j dL/dy_j y_j)
const Softmax = definePrimitive<AxisAttrs>({
  name: 'softmax',
  saves: 'output',
  forward: ([x], { axis }) => {
    if (isLast(x!, axis)) return tf.softmax(x!); // one kernel; it subtracts the max on every backend
    const e = tf.exp(tf.sub(x!, tf.max(x!, axis, true)));
    return tf.div(e, tf.sum(e, axis, true));
  },
  backward: (dy, { output: y }, { axis }) => [tf.mul(y, tf.sub(dy, tf.sum(tf.mul(dy, y), axis, true)))],
});

// y_i = x_i - m - log sum_j e^(x_j - m)
// dL/dx_i = dL/dy_i - softmax(x)_i sum_j dL/dy_j,   softmax(x) = e^y
const LogSoftmax = definePrimitive<AxisAttrs>({
  name: 'logSoftmax',
  saves: 'output',
  forward: ([x], { axis }) => {
    const z = tf.sub(x!, tf.max(x!, axis, true));
    return tf.sub(z, tf.log(tf.sum(tf.exp(z), axis, true)));
  },
  backward: (dy, { output: y }, { axis }) => [tf.sub(dy, tf.mul(tf.exp(y), tf.sum(dy, axis, true)))],
});

function attrs(op: string, x: NDArray, o: SoftmaxOptions): AxisAttrs {
  expectArray(op, 'x', x);
  expectFloat(op, 'x', x);
  return { axis: normAxis(op, o.axis ?? -1, x.ndim) };
}

/**
 * MXNet's softmax options beyond the axis: temperature (x / t) and the length mask (entries at
 * or beyond length along the axis are set far below the row before the softmax, so they get
 * exactly 0 and the others sum to 1; a length of 0 gives a row of zeros, as MXNet). A composite
 * of primitives (div, where, mul), so the gradient needs no new backward.
 */
function prepared(op: string, x: NDArray, options: SoftmaxOptions | undefined): { input: NDArray; mask: NDArray | null; a: AxisAttrs } {
  const o = checkOptions(op, options, ['axis', 'length', 'useLength', 'temperature'], '{ axis: 1 }') as SoftmaxOptions;
  const a = attrs(op, x, o);
  let input = x;
  if (o.temperature !== undefined && o.temperature !== null) {
    if (typeof o.temperature !== 'number' || !(o.temperature > 0)) throw new ArgumentError(`${op}: temperature must be a positive number, got ${describe(o.temperature)}.`);
    if (o.temperature !== 1) input = div(input, o.temperature);
  }
  const useLength = bool(op, 'useLength', o.useLength, o.length !== undefined);
  if (!useLength) return { input, mask: null, a };
  if (o.length === undefined) throw new ArgumentError(`${op}: useLength is true but no length was given; pass { length: lengths } (one length per row).`);
  const length = expectArray(op, 'length', o.length);
  const rest = x.shape.filter((_, i) => i !== a.axis);
  if (!shapesEqual(length.shape, rest) && !(rest.length === 0 && length.size === 1)) {
    throw new ShapeError(`${op}: length must have x's shape without axis ${a.axis}, ${fmtShape(rest)} (one length per row), got ${fmtShape(length.shape)}.`);
  }
  const n = x.shape[a.axis]!;
  const positions = arange(0, n).reshape(x.shape.map((d, i) => (i === a.axis ? d : 1))); // 0..n-1 along axis
  const mask = less(positions, expandDims(length.astype('float32'), a.axis)); // (x's shape) 1 where counted
  // Masked entries take (the row's minimum - 1e4), a constant off the tape: exp of it minus the
  // row's maximum underflows to exactly 0, and no infinity enters (the lowest float gave NaN on
  // WebGPU for a row with nothing counted).
  const fill = pause(() => input.min({ axis: a.axis, keepDims: true }).sub(1e4));
  return { input: where(mask, input, fill), mask, a };
}

/**
 * exp(x) / sum(exp(x)) along `axis` (default -1): entries along the axis are positive and sum
 * to 1. MXNet's options: `{ length, useLength }` masks each row after its length (masked
 * softmax: those entries are 0), `temperature` divides x first.
 */
export function softmax(x: NDArray, options?: SoftmaxOptions): NDArray {
  const { input, mask, a } = prepared('nd.softmax', x, options);
  const y = apply(Softmax, [input], a);
  return mask === null ? y : mul(y, mask); // a row of length 0 has no entries: 0, not 1/n
}

/** log(softmax(x)) along `axis` (default -1), computed without forming softmax (no log of 0); masked entries get a large negative value (about -1e4 below the row). */
export function logSoftmax(x: NDArray, options?: SoftmaxOptions): NDArray {
  const { input, a } = prepared('nd.logSoftmax', x, options);
  return apply(LogSoftmax, [input], a);
}
