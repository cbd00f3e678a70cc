/**
 * softmax and logSoftmax along one axis, as primitives with hand-written backward passes:
 * one fused expression each way is faster and more stable than a chain of primitives.
 * Both subtract the row maximum first, so logits like 1000 or -1000 give finite results.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { normAxis } from '../shape-utils';
import { type SoftmaxOptions, expectFloat } from './nn-options';
import { checkOptions } from '../options';
import { expectArray } from './operand';

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

function attrs(op: string, x: NDArray, options: SoftmaxOptions | undefined): AxisAttrs {
  expectArray(op, 'x', x);
  expectFloat(op, 'x', x);
  const o = checkOptions(op, options, ['axis'], '{ axis: 1 }');
  return { axis: normAxis(op, o.axis ?? -1, x.ndim) };
}

/** exp(x) / sum(exp(x)) along `axis` (default -1): entries along the axis are positive and sum to 1. */
export function softmax(x: NDArray, options?: SoftmaxOptions): NDArray {
  return apply(Softmax, [x], attrs('nd.softmax', x, options));
}

/** log(softmax(x)) along `axis` (default -1), computed without forming softmax (no log of 0). */
export function logSoftmax(x: NDArray, options?: SoftmaxOptions): NDArray {
  return apply(LogSoftmax, [x], attrs('nd.logSoftmax', x, options));
}
