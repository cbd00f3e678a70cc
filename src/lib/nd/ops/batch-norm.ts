/**
 * Batch normalization in training mode as one primitive (used by gluon.nn.BatchNorm). Built
 * from elementwise primitives, autograd's backward pass makes a dozen or more passes over the
 * input, several of them broadcasting (slow on WASM), which for a small CNN costs as much as its
 * convolutions; the closed-form gradient below needs six plain ones.
 *
 * With mean mu and biased variance v of x over the reduced axes (m values per channel),
 * inv = 1 / sqrt(v + eps), xc = x - mu, a = gamma * inv:
 *   y = xc * a + beta
 *   dL/dbeta  = sum(dy)
 *   dL/dgamma = sum(dy * xc) * inv
 *   dL/dx     = a * (dy - sum(dy) / m - xc * inv^2 * sum(dy * xc) / m)
 * The last line already contains the paths through mu and v (which depend on x), so the caller
 * passes them in as plain values, computed outside the tape: they must be x's own batch
 * statistics, or the gradient is wrong.
 */
import { tf } from '../../engine/tf';
import { apply, definePrimitive } from '../primitive';
import { keptAxis, sumAllBut } from './channel-sum';
import { NDArray } from '../ndarray';
import { batchMomentsWasm, batchNormBackwardWasm, batchNormForwardWasm } from '../fast-paths/batch-norm-wasm';

interface BatchNormAttrs {
  /** the reduced axes: all but the channel axis */
  axes: number[];
  eps: number;
}

const BatchNormTrain = definePrimitive<BatchNormAttrs>({
  name: 'batchNormTrain',
  forward: ([x, gamma, beta, mean, variance], { axes, eps }) => {
    const channel = keptAxis(axes, x!.rank);
    const fast = channel === null ? null : batchNormForwardWasm(x!, gamma!, beta!, mean!, variance!, channel, eps);
    if (fast !== null) return fast;
    const a = tf.mul(gamma!, tf.rsqrt(tf.add(variance!, eps))); // per channel, broadcastable
    return tf.add(tf.mul(tf.sub(x!, mean!), a), beta!);
  },
  backward: (dy, { inputs: [x, gamma, , mean, variance], needsGrad }, { axes, eps }) => {
    const channel = keptAxis(axes, x!.rank);
    const fast = channel === null ? null : batchNormBackwardWasm(dy, x!, gamma!, mean!, variance!, channel, eps);
    if (fast !== null) return [needsGrad[0] ? fast[0] : null, needsGrad[1] ? fast[1] : null, needsGrad[2] ? fast[2] : null, null, null];
    const m = x!.size / mean!.size;
    const inv = tf.rsqrt(tf.add(variance!, eps));
    const a = tf.mul(gamma!, inv);
    const xc = tf.sub(x!, mean!);
    const sum = (t: tf.Tensor): tf.Tensor => (channel === null ? tf.sum(t, axes, true) : sumAllBut(t, channel));
    const sumDy = sum(dy); // (1, c, 1, 1)
    const sumDyXc = sum(tf.mul(dy, xc)); // (1, c, 1, 1)
    let dx = null;
    if (needsGrad[0]) {
      const k = tf.div(tf.mul(tf.mul(a, tf.square(inv)), sumDyXc), m);
      dx = tf.sub(tf.sub(tf.mul(dy, a), tf.mul(xc, k)), tf.div(tf.mul(a, sumDy), m));
    }
    const dgamma = needsGrad[1] ? tf.mul(sumDyXc, inv) : null;
    const dbeta = needsGrad[2] ? sumDy : null;
    return [dx, dgamma, dbeta, null, null];
  },
});

/**
 * y = gamma * (x - mean) / sqrt(variance + eps) + beta with `mean` and `variance` the batch
 * statistics of x over `axes` (keepDims shapes; gamma and beta shaped alike). Differentiable in
 * x, gamma and beta; mean and variance must be given without history (they are x's own).
 */
export function batchNormTrain(x: NDArray, gamma: NDArray, beta: NDArray, mean: NDArray, variance: NDArray, attrs: BatchNormAttrs): NDArray {
  return apply(BatchNormTrain, [x, gamma, beta, mean, variance], attrs);
}

/**
 * The batch statistics batchNormTrain wants (the per-channel mean and biased variance of x over
 * every axis but `axis`, keepDims shapes), made in one go where a fast path exists (WASM), or
 * null: then the caller computes them with array operations. Call it off the tape.
 */
export function batchMoments(x: NDArray, axis: number): [NDArray, NDArray] | null {
  const fast = batchMomentsWasm(x.tensor, axis);
  return fast === null ? null : [NDArray.fromTensor(fast[0]), NDArray.fromTensor(fast[1])];
}
