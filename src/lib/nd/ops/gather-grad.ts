/**
 * The gradient of a gather: a scatter-add. y = gather(x, idx, axis) reads x[..., idx[j], ...];
 * each x row receives the sum of dy over every j that read it (repeated indices add up).
 *
 * Built on ScatterNd, which sums duplicate indices and which every backend registers
 * (cpu, wasm, webgl, webgpu). TensorFlow.js's own gather gradient uses UnsortedSegmentSum,
 * which the WASM backend lacks.
 */
import { tf, type Tensor } from '../../engine/tf';

/**
 * dy has shape pre + idx.shape + post (a gather's output); returns dx of shape pre + [n] + post.
 * `idx` holds int32 values in [0, n).
 */
export function scatterAddAlongAxis(dy: Tensor, idx: Tensor, axis: number, n: number): Tensor {
  const pre = dy.shape.slice(0, axis);
  const post = dy.shape.slice(axis + idx.rank);
  const P = pre.reduce((a, d) => a * d, 1);
  const Q = post.reduce((a, d) => a * d, 1);
  const m = idx.size;
  const outShape = [...pre, n, ...post];
  if (m === 0 || P * Q === 0) return tf.zeros(outShape, dy.dtype);
  if (dy.dtype === 'int32') {
    // WebGPU's ScatterNd returns float bits for int32 updates: scatter as float32 (exact below 2^24)
    return tf.cast(scatterAddAlongAxis(tf.cast(dy, 'float32'), idx, axis, n), 'int32');
  }
  const rows = tf.reshape(idx, [m, 1]); // (m, 1): one coordinate per update
  if (P === 1) {
    const updates = tf.reshape(dy, [m, Q]); // (m, Q)
    return tf.reshape(tf.scatterND(rows, updates, [n, Q]), outShape);
  }
  const updates = tf.transpose(tf.reshape(dy, [P, m, Q]), [1, 0, 2]); // (m, P, Q)
  const summed = tf.scatterND(rows, updates, [n, P, Q]); // (n, P, Q)
  return tf.reshape(tf.transpose(summed, [1, 0, 2]), outShape); // (P, n, Q)
}
