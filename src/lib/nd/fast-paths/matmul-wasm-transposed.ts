/**
 * tf.matMul with a transposed operand on WASM: the operand is transposed first.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | wasm | transposeA or transposeB, except a by b^T with a of at most 8 rows | (784, 256)^T (256, 256): ~280 -> ~29 ms | test/unit/lib/nd/ops/reduce-linalg.test.ts ("transposes"), test/unit/lib/nd/ops/linalg-few-rows.test.ts |
 *
 * tfjs's WASM kernel reads a transposed operand with a strided inner loop, 10-20x slower than a
 * plain product (measured in Node: (784, 256)^T (256, 256) took ~280 ms with the flag, ~29 ms
 * transposing first; a transpose costs a few ms). Gluon's Dense (x W^T) and every backward pass
 * (A^T dC, dC B^T) use transposed products, so this decides a training step's speed there.
 * Except a product of a few rows by a transposed b (Dense on one example): its cost is then
 * in b's transpose and in the plain kernel's preparation of a new b, both ~ the size of b,
 * and the flag is faster (measured, 1 row x (4096, 9216)^T: 0.9 s with the flag, 10.9 s
 * transposing first; crossover between 8 and 16 rows).
 */
import { tf, type Tensor } from '../../engine/tf';
import { swapLast } from './transpose-webgpu-matrix';

/** a's rows at or below which a by b^T keeps the flag (the crossover above). */
export const FEW_ROWS = 8;

/** Whether a (not transposed) has so few rows that a by b^T is faster with the flag. */
export function hasFewRows(a: Tensor, transposeA: boolean): boolean {
  return !transposeA && a.shape[a.rank - 2]! <= FEW_ROWS;
}

/** The product with transposed operands made plain first, or null where this path does not apply. */
export function matMulWasmTransposed(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor | null {
  if (tf.getBackend() !== 'wasm' || !(transposeA || transposeB) || (transposeB && hasFewRows(a, transposeA))) return null;
  return tf.matMul(transposeA ? swapLast(a) : a, transposeB ? swapLast(b) : b);
}
