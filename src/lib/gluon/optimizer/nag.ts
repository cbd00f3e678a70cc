/**
 * NAG, Nesterov accelerated gradient (MXNet's nag_mom_update):
 *   g = clip(rescaleGrad * grad, clipGradient) + wd w
 *   m = momentum m - lr g
 *   w = w + momentum m - lr g        (looks ahead along the new momentum)
 * Without momentum it is plain SGD.
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { Optimizer, stateArray, type OptimizerOptions, type OptimizerState } from './optimizer';
import { sgdStep } from './sgd';

export interface NAGOptions extends OptimizerOptions {
  momentum?: number;
}

/** MXNet's NAG: SGD with Nesterov momentum. */
export class NAG extends Optimizer {
  /** The momentum factor. */
  readonly momentum: number;

  constructor(options: NAGOptions = {}) {
    super(options, ['momentum']);
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
    const mom = stateArray('NAG', state);
    let g = grad.mul(this.rescaleGrad);
    if (clip !== null) g = g.clip(-clip, clip);
    const step = g.add(weight.mul(wd)).mul(lr); // lr (g + wd w)
    mom.assignResult(mom.mul(this.momentum).sub(step));
    weight.assignResult(weight.add(mom.mul(this.momentum)).sub(step));
  }
}

Optimizer.register(NAG);
