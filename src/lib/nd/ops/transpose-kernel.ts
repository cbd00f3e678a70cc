/**
 * tf.transpose, avoiding WebGPU's slow path for the plain matrix transpose. For a 2-D array with
 * perm [1, 0] tfjs's WebGPU backend runs a tiled shared-memory shader; every other transpose
 * runs a one-element-per-thread shader. On SwiftShader the tiled one is ~15x slower (measured,
 * (256, 784): ~535 ms against ~33 ms for the same transpose seen as (1, 256, 784) -> perm
 * [0, 2, 1]; test/bench/dispatch.mjs). The 3-D form gives the same values on every backend;
 * other backends keep tf.transpose as it is.
 */
import { tf, type Tensor } from '../../engine/tf';

export function transposeKernel(t: Tensor, perm?: readonly number[]): Tensor {
  const p = perm ?? [...Array(t.rank).keys()].reverse();
  if (t.rank === 2 && p[0] === 1 && p[1] === 0 && tf.getBackend() === 'webgpu') {
    const [rows, cols] = t.shape as [number, number];
    return tf.tidy(() => tf.reshape(tf.transpose(tf.reshape(t, [1, rows, cols]), [0, 2, 1]), [cols, rows]));
  }
  return tf.transpose(t, p as number[]);
}
