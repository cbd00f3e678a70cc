/**
 * A^T B on WASM computed as (B^T A)^T when A has few columns: XNNPACK then packs A, not B.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | wasm | A^T B of 2-D arrays whose result has at most a quarter as many rows as columns | (28, 1120) (1120, 256) with a new b: ~4.3 -> ~1.8 ms | test/unit/lib/nd/ops/reduce-linalg.test.ts ("A^T B with few result rows") |
 *
 * tfjs's WASM matMul hands b to XNNPACK as a fully-connected layer's weights, which XNNPACK first
 * repacks (with a transposing read), and caches that per b tensor. A b met for the first time (a
 * gradient, an activation) costs ~15 ns per element to pack, far more than the product itself
 * when a has few rows (measured in Node, tfjs 4.22: (28, 1120) (1120, 256) with a new b 4.3 ms,
 * the same as (b^T a)^T 1.8 ms including both transposes; (32, 256) (256, 256) 0.28 ms with a
 * cached b, 1.7 ms with a new one). So a weight gradient A^T G whose result has at most a quarter
 * as many rows as columns (the char-RNN's input and output layers: 28 by 256) packs A instead.
 */
import { tf, type Tensor } from '../../engine/tf';
import { fastTranspose } from './transpose-webgpu-matrix';

/** A^T B as (B^T A)^T, or null where this path does not apply. */
export function matMulWasmWeightGradient(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor | null {
  if (tf.getBackend() !== 'wasm' || !transposeA || transposeB || a.rank !== 2 || b.rank !== 2 || 4 * a.shape[1]! > b.shape[1]!) return null;
  // A^T B with few rows (a weight gradient X^T G of a layer with few inputs): the operand XNNPACK
  // packs is A (K, M), not the larger B (K, N).
  return fastTranspose(tf.matMul(fastTranspose(b, [1, 0]), a), [1, 0]); // (M, N)
}
