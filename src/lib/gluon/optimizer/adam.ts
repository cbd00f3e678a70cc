/**
 * Adam (MXNet's Adam + adam_update). At the t-th update of a parameter:
 *   g = clip(rescaleGrad * grad + wd w, clipGradient)
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t)       (bias correction folded into the rate)
 *   w = w - lr_t m / (sqrt(v) + epsilon)
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { Optimizer, stateArray, type OptimizerOptions, type OptimizerState } from './optimizer';

export interface AdamOptions extends OptimizerOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Accepted for MXNet compatibility (sparse gradients only). */
  lazyUpdate?: boolean;
}

/** MXNet's Adam: per-weight steps from running averages of the gradient and its square. */
export class Adam extends Optimizer {
  /** Decay of the running mean of the gradient (default 0.9). */
  readonly beta1: number;
  /** Decay of the running mean of the squared gradient (default 0.999). */
  readonly beta2: number;
  /** Added to the denominator for stability (default 1e-8). */
  readonly epsilon: number;

  constructor(options: AdamOptions = {}) {
    super({ ...options, learningRate: options.learningRate ?? 0.001 }, ['beta1', 'beta2', 'epsilon', 'lazyUpdate']);
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  override createState(_index: number, weight: NDArray): OptimizerState {
    return [nd.zerosLike(weight).keep(), nd.zerosLike(weight).keep()]; // mean, variance
  }

  override update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    this.updateCount(index);
    const t = this.count(index);
    const lr = (this.getLr(index) * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    const wd = this.getWd(index);
    const mean = stateArray('Adam', state, 0);
    const variance = stateArray('Adam', state, 1);
    let g = grad.mul(this.rescaleGrad);
    if (wd !== 0) g = g.add(weight.mul(wd));
    const clip = this.clipping;
    if (clip !== null) g = g.clip(-clip, clip);
    mean.assignResult(mean.mul(this.beta1).add(g.mul(1 - this.beta1)));
    variance.assignResult(variance.mul(this.beta2).add(g.square().mul(1 - this.beta2)));
    weight.assignResult(weight.sub(mean.mul(lr).div(variance.sqrt().add(this.epsilon))));
  }
}

Optimizer.register(Adam);
