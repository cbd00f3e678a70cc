/**
 * Executes an IndexPlan on tensors: reading the selected region (the forward of `get`), and
 * its adjoint, placing a region-shaped tensor into zeros of the array's shape (the backward of
 * `get`, and how `set` builds its new value). Only kernels every backend has (Slice,
 * StridedSlice, Reverse, Reshape, GatherV2, Transpose, PadV2, ScatterNd), applied one axis at
 * a time on rank-3 views (see axis-view.ts) so arrays of any rank work on WebGL and WebGPU.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { IndexPlan } from './index-parse';
import { scatterAddAlongAxis } from './gather-grad';
import { blockFromFront, blockToFront, gatherAxis, padAxis, reverseAxis, sliceAxis, spreadAxis } from './axis-view';

/** x[index] for a tensor x of shape plan.inShape; `idx` is the int32 index array, if any. */
export function readRegion(x: Tensor, plan: IndexPlan, idx: Tensor | null): Tensor {
  const { inShape, begin, stride, count, reversed, array } = plan;
  if (plan.isEmpty) return tf.zeros(plan.outShape, x.dtype);
  let t = x;
  for (let a = 0; a < inShape.length; a++) {
    if (count[a] !== inShape[a] || stride[a] !== 1) t = sliceAxis(t, a, begin[a]!, count[a]!, stride[a]!);
    if (reversed[a]) t = reverseAxis(t, a);
  }
  t = tf.reshape(t, count.filter((_, a) => !plan.intAxes[a])); // integer-indexed axes dropped
  if (array !== null) {
    t = gatherAxis(t, idx!, array.gatherAxis);
    if (plan.toFront) t = blockToFront(t, array.gatherAxis, array.shape.length);
  }
  return tf.reshape(t, plan.outShape);
}

/**
 * The adjoint of readRegion: g (shape plan.outShape) placed where readRegion read it, zeros
 * elsewhere; elements read twice (a repeated index) receive the sum.
 */
export function scatterRegion(g: Tensor, plan: IndexPlan, idx: Tensor | null): Tensor {
  const { inShape, begin, stride, count, reversed, array } = plan;
  if (plan.isEmpty) return tf.zeros(inShape, g.dtype);
  let t = tf.reshape(g, plan.gatheredShape);
  if (array !== null) {
    if (plan.toFront) t = blockFromFront(t, array.gatherAxis, array.shape.length);
    t = scatterAddAlongAxis(t, idx!, array.gatherAxis, inShape[array.axis]!);
  }
  t = tf.reshape(t, count); // integer-indexed axes back, as size 1
  for (let a = 0; a < inShape.length; a++) {
    if (reversed[a]) t = reverseAxis(t, a);
    // undo the step (s-1 zeros after each element), then zeros before begin and after the block
    if (stride[a]! > 1 && count[a]! > 1) t = spreadAxis(t, a, stride[a]!);
    const lo = begin[a]!;
    const hi = inShape[a]! - lo - t.shape[a]!;
    if (lo !== 0 || hi !== 0) t = padAxis(t, a, lo, hi);
  }
  return t;
}
