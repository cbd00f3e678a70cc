/**
 * SGD with momentum and weight decay, MXNet's sgd_update / sgd_mom_update:
 *   g = clip(rescaleGrad * grad, clipGradient)
 *   without momentum:  w = (1 - lr wd) w - lr g
 *   with momentum:     m = momentum m - lr wd w - lr g;   w = w + m
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { Optimizer, stateArray, type OptimizerOptions, type OptimizerState } from './optimizer';

export interface SGDOptions extends OptimizerOptions {
  /** Momentum (default 0: plain SGD, no state). */
  momentum?: number;
  /** Accepted for MXNet compatibility (it concerns sparse gradients, which do not exist here). */
  lazyUpdate?: boolean;
}

/** w (1 - lr wd) - lr clip(rescale g): the plain SGD step, shared with NAG without momentum. */
export function sgdStep(weight: NDArray, grad: NDArray, lr: number, wd: number, rescale: number, clip: number | null): NDArray {
  // Same association as MXNet's kernel: (lr rescale) g without clipping, lr clip(rescale g) with it.
  const step = clip === null ? grad.mul(lr * rescale) : grad.mul(rescale).clip(-clip, clip).mul(lr);
  return (wd === 0 ? weight : weight.mul(1 - lr * wd)).sub(step);
}

/** MXNet's SGD: w -= lr (g + wd w), with momentum when given. */
export class SGD extends Optimizer {
  readonly momentum: number;

  constructor(options: SGDOptions = {}) {
    super(options, ['momentum', 'lazyUpdate']);
    this.momentum = options.momentum ?? 0;
  }

  override createState(_index: number, weight: NDArray): OptimizerState {
    return this.momentum !== 0 ? nd.zerosLike(weight).keep() : null;
  }

  override update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    const clip = this.clipping;
    if (state === null) {
      weight.assignResult(sgdStep(weight, grad, lr, wd, this.rescaleGrad, clip));
      return;
    }
    const mom = stateArray('SGD', state);
    let g = grad.mul(this.rescaleGrad);
    if (clip !== null) g = g.clip(-clip, clip);
    // m = momentum m - lr wd w - lr g
    mom.assignResult(mom.mul(this.momentum).sub(weight.mul(lr * wd)).sub(g.mul(lr)));
    weight.assignResult(weight.add(mom));
  }
}

Optimizer.register(SGD);
