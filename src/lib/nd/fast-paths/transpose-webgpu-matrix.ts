/**
 * tf.transpose, avoiding WebGPU's slow path for the plain matrix transpose.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | webgpu | a 2-D array, perm [1, 0] | ~15x on SwiftShader ((256, 784): ~535 -> ~33 ms) | test/unit/lib/nd/fast-paths/transpose-webgpu-matrix.test.ts |
 *
 * For a 2-D array with perm [1, 0] tfjs's WebGPU backend runs a tiled shared-memory shader; every
 * other transpose runs a one-element-per-thread shader. On SwiftShader the tiled one is ~15x slower
 * (measured, (256, 784): ~535 ms against ~33 ms for the same transpose seen as (1, 256, 784) -> perm
 * [0, 2, 1]; test/bench/dispatch.mjs). The 3-D form gives the same values on every backend;
 * other backends keep tf.transpose as it is.
 */
import { tf, type Tensor } from '../../engine/tf';
import { memoized } from './backward-memo';

/** tf.transpose(t, perm), through the generic program for a WebGPU matrix transpose. */
export function fastTranspose(t: Tensor, perm?: readonly number[]): Tensor {
  const p = perm ?? [...Array(t.rank).keys()].reverse();
  if (t.rank === 2 && p[0] === 1 && p[1] === 0 && tf.getBackend() === 'webgpu') {
    const [rows, cols] = t.shape as [number, number];
    return tf.tidy(() => tf.reshape(tf.transpose(tf.reshape(t, [1, rows, cols]), [0, 2, 1]), [cols, rows]));
  }
  return tf.transpose(t, p as number[]);
}

/**
 * Swaps the last two axes (a matrix's transpose, batch by batch for rank 3): the transposed operand
 * of the matMul fast paths. In a backward pass, one transpose per saved weight (an unrolled RNN's
 * T steps share it; see backward-memo.ts).
 */
export function swapLast(t: Tensor): Tensor {
  const perm = [...Array(t.rank).keys()];
  [perm[t.rank - 2], perm[t.rank - 1]] = [perm[t.rank - 1]!, perm[t.rank - 2]!];
  return memoized(t, 'swapLast', () => fastTranspose(t, perm));
}
