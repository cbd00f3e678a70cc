/**
 * Pieces the fused gated recurrences (lstm-sequence.ts, gru-sequence.ts) share: the order the
 * recurrence visits the steps, the states each step started from, gate blocks of MXNet's
 * stacked weights, and column sums (their tanh: fast-paths/tanh-wasm-sigmoid.ts).
 */
import { tf, type Tensor } from '../../engine/tf';
import { fastSlice, fastSplit } from '../fast-paths/slice-wasm';
import { fastTranspose } from '../fast-paths/transpose-webgpu-matrix';
import { matMul } from './linalg';

/** The time steps in the order the recurrence visits them (last to first when reversed). */
export function visitOrder(steps: number, reverse: boolean): number[] {
  return Array.from({ length: steps }, (_, k) => (reverse ? steps - 1 - k : k));
}

/**
 * The state each step started from, in time order: h_0, y_0 .. y_{T-2} forwards;
 * y_1 .. y_{T-1}, h_0 backwards. ys (T, N, H), first (N, H) -> (T, N, H).
 */
export function previousStates(ys: Tensor, first: Tensor, reverse: boolean): Tensor {
  const [steps, batch, hidden] = ys.shape as [number, number, number];
  const f = tf.expandDims(first, 0); // (1, N, H)
  if (steps === 1) return f;
  const earlier = fastSlice(ys, [reverse ? 1 : 0, 0, 0], [steps - 1, batch, hidden]); // (T-1, N, H)
  return tf.concat(reverse ? [earlier, f] : [f, earlier], 0);
}

/**
 * The gate blocks of a weight stacked MXNet's way, (gates * H, K), each transposed to (K, H),
 * so that a product with it is a plain one (x W_k^T = x . block). Rows are contiguous, so the
 * split copies each block once; the transposes are one pass each.
 */
export function gateBlocksT(w: Tensor, gates: number): Tensor[] {
  return fastSplit(w, new Array<number>(gates).fill(w.shape[0]! / gates), 0).map((b) => fastTranspose(b, [1, 0])); // gates x (K, H)
}

/**
 * The sums of the rows of gT (cols, rows), (cols,): a bias gradient over all T*N rows, from the
 * transposed gradient the weight gradients read too (on WASM a product with a transposed operand
 * transposes it first anyway, linalg.ts, so the backward transposes once for all of them). As a
 * product with a column of ones, which XNNPACK packs for nothing. Measured on WASM for (1120, 768)
 * under load: tf.sum over axis 0 of the untransposed gradient 11 ms (it transposes too), a row of
 * ones on the left 22 ms (XNNPACK packs the large right operand), this well under 1 ms.
 */
export function rowSums(gT: Tensor): Tensor {
  const [cols, rows] = gT.shape as [number, number];
  return tf.reshape(matMul(gT, tf.ones([rows, 1]), false, false), [cols]); // (cols,)
}

/** A stacked bias (gates * H,) in its gate blocks, gates x (H,). */
export function gateBiases(b: Tensor, gates: number): Tensor[] {
  return fastSplit(b, new Array<number>(gates).fill(b.shape[0]! / gates), 0);
}
