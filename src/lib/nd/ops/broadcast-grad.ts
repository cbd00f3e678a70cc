/** Gradient helpers shared by the primitives. */
import { tf, type Tensor } from '../../engine/tf';
import { shapesEqual } from '../shape-utils';

/**
 * Undoes broadcasting in a gradient: when x of shape `shape` was broadcast to dy's shape, each
 * x element was used once per copy, so dL/dx sums dy over the broadcast axes.
 */
export function unbroadcast(dy: Tensor, shape: readonly number[]): Tensor {
  if (shapesEqual(dy.shape, shape)) return dy;
  const lead = dy.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < dy.rank; i++) {
    if (i < lead || (shape[i - lead] === 1 && dy.shape[i] !== 1)) axes.push(i);
  }
  const summed = axes.length > 0 ? tf.sum(dy, axes, true) : dy;
  return tf.reshape(summed, shape as number[]);
}
