/**
 * Sums over every axis but one (the channels): the bias gradient of a convolution and the
 * per-channel sums of batch normalization, sum_{n, i, j} t[n, c, i, j].
 *
 * Written as two reductions over the last axis of views: (outer, c, inner) -> sum the
 * contiguous inner axis -> (outer, c) -> sum the outer axis -> (c). TensorFlow.js reduces only
 * innermost axes, so tf.sum(t, [0, 2, 3]) first transposes the whole tensor to (c, n, h, w);
 * here only the small (outer, c) is transposed (measured on WASM, (256, 6, 28, 28): ~10 ms
 * against ~1 ms for the two reductions, load ~14).
 */
import { tf, type Tensor } from '../../engine/tf';

/** sum over all axes except `axis`, kept as size-1 axes: (n, c, h, w) -> (1, c, 1, 1). */
export function sumAllBut(t: Tensor, axis: number): Tensor {
  const shape = t.shape;
  const c = shape[axis]!;
  const outer = shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  let r = tf.reshape(t, [outer, c, inner]); // (outer, c, inner)
  r = inner > 1 ? tf.sum(r, 2) : tf.reshape(r, [outer, c]); // (outer, c)
  r = outer > 1 ? tf.sum(r, 0) : tf.reshape(r, [c]); // (c,)
  return tf.reshape(r, shape.map((d, a) => (a === axis ? d : 1)));
}

/** The one axis that `axes` leaves out of a rank-`rank` tensor, or null if it leaves out another number. */
export function keptAxis(axes: readonly number[], rank: number): number | null {
  const set = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
  if (set.size !== rank - 1) return null;
  for (let a = 0; a < rank; a++) if (!set.has(a)) return a;
  return null;
}
