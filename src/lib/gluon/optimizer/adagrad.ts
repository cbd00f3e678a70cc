/**
 * AdaGrad (MXNet's AdaGrad.update; note eps sits inside the square root):
 *   g = clip(rescaleGrad * grad, clipGradient)
 *   h = h + g^2
 *   w = w - lr (g / sqrt(h + eps) + wd w)
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { Optimizer, stateArray, type OptimizerOptions, type OptimizerState } from './optimizer';

export interface AdaGradOptions extends OptimizerOptions {
  /** Added to the history under the square root (MXNet's `eps`, default 1e-7). */
  eps?: number;
  /** The same as eps (the name other optimizers use). */
  epsilon?: number;
}

/** MXNet's AdaGrad: steps divided by the root of the summed squared gradients. */
export class AdaGrad extends Optimizer {
  readonly eps: number;

  constructor(options: AdaGradOptions = {}) {
    super(options, ['eps', 'epsilon']);
    this.eps = options.eps ?? options.epsilon ?? 1e-7;
  }

  override createState(_index: number, weight: NDArray): OptimizerState {
    return nd.zerosLike(weight).keep(); // history of squared gradients
  }

  override update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    const history = stateArray('AdaGrad', state);
    let g = grad.mul(this.rescaleGrad);
    // MXNet's Python AdaGrad clips whenever clip_gradient is not None.
    if (this.clipGradient !== null) g = g.clip(-this.clipGradient, this.clipGradient);
    history.assignResult(history.add(g.square()));
    let div = g.div(history.add(this.eps).sqrt());
    if (wd !== 0) div = div.add(weight.mul(wd));
    weight.assignResult(weight.sub(div.mul(lr)));
  }
}

Optimizer.register(AdaGrad);
