/**
 * AdaDelta (Zeiler, 2012; MXNet's AdaDelta.update). No learning rate: the step's scale is the
 * running root mean square of the past steps themselves.
 *   g = clip(rescaleGrad * grad, clipGradient)
 *   s = rho s + (1 - rho) g^2                              (accumulated squared gradients)
 *   g' = sqrt(delta + epsilon) / sqrt(s + epsilon) * g     (the rescaled gradient, the step)
 *   delta = rho delta + (1 - rho) g'^2                      (accumulated squared steps)
 *   w = w - (g' + wd w)
 * MXNet's AdaDelta ignores learningRate (and so does this one; a scheduler has no effect either).
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { Optimizer, stateArray, type OptimizerOptions, type OptimizerState } from './optimizer';

export interface AdaDeltaOptions extends OptimizerOptions {
  /** Decay of both running means (default 0.9). */
  rho?: number;
  /** Added under both square roots (default 1e-5). */
  epsilon?: number;
}

/** MXNet's AdaDelta: per-coordinate steps scaled by the ratio of the running RMS of steps and of gradients. */
export class AdaDelta extends Optimizer {
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: AdaDeltaOptions = {}) {
    super(options, ['rho', 'epsilon']);
    this.rho = options.rho ?? 0.9;
    this.epsilon = options.epsilon ?? 1e-5;
  }

  override createState(_index: number, weight: NDArray): OptimizerState {
    return [nd.zerosLike(weight).keep(), nd.zerosLike(weight).keep()]; // s (squared gradients), delta (squared steps)
  }

  override update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const wd = this.getWd(index);
    this.updateCount(index);
    let g = grad.mul(this.rescaleGrad);
    if (this.clipGradient !== null) g = g.clip(-this.clipGradient, this.clipGradient);
    const s = stateArray('AdaDelta', state, 0);
    const delta = stateArray('AdaDelta', state, 1);
    const rho = this.rho;
    s.assignResult(s.mul(rho).add(g.square().mul(1 - rho)));
    const step = delta.add(this.epsilon).sqrt().div(s.add(this.epsilon).sqrt()).mul(g);
    delta.assignResult(delta.mul(rho).add(step.square().mul(1 - rho)));
    weight.assignResult(weight.sub(wd !== 0 ? step.add(weight.mul(wd)) : step));
  }
}

Optimizer.register(AdaDelta);
