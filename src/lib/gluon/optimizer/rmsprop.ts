/**
 * RMSProp (MXNet's rmsprop_update; Tieleman & Hinton), with epsilon inside the square root:
 *   g = clip(rescaleGrad * grad + wd w, clipGradient)
 *   n = (1 - gamma1) g^2 + gamma1 n
 *   w = w - lr g / sqrt(n + epsilon)
 * centered: true is Graves's version (rmspropalex_update):
 *   n = (1 - gamma1) g^2 + gamma1 n;   s = (1 - gamma1) g + gamma1 s
 *   delta = gamma2 delta - lr g / sqrt(n - s^2 + epsilon);   w = w + delta
 * clipWeights, when set, clips the new weights to [-clipWeights, clipWeights].
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';
import { Optimizer, stateArray, type OptimizerOptions, type OptimizerState } from './optimizer';

export interface RMSPropOptions extends OptimizerOptions {
  gamma1?: number;
  /** The momentum of the centered version. */
  gamma2?: number;
  epsilon?: number;
  centered?: boolean;
  clipWeights?: number | null;
}

/** MXNet's RMSProp: steps divided by the root of a running mean of squared gradients. */
export class RMSProp extends Optimizer {
  /** Decay of the running mean of squared gradients (default 0.9). */
  readonly gamma1: number;
  readonly gamma2: number;
  /** Added under the square root for stability (default 1e-8). */
  readonly epsilon: number;
  /** Graves's centered variant when true. */
  readonly centered: boolean;
  /** Clips the weights to [-clipWeights, clipWeights] after each update, when set. */
  readonly clipWeights: number | null;

  constructor(options: RMSPropOptions = {}) {
    super({ ...options, learningRate: options.learningRate ?? 0.001 }, ['gamma1', 'gamma2', 'epsilon', 'centered', 'clipWeights']);
    this.gamma1 = options.gamma1 ?? 0.9;
    this.gamma2 = options.gamma2 ?? 0.9;
    this.epsilon = options.epsilon ?? 1e-8;
    this.centered = options.centered ?? false;
    this.clipWeights = options.clipWeights ?? null;
  }

  override createState(_index: number, weight: NDArray): OptimizerState {
    const z = (): NDArray => nd.zerosLike(weight).keep();
    return this.centered ? [z(), z(), z()] : [z()]; // n (, s, delta)
  }

  override update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    this.updateCount(index);
    const lr = this.getLr(index);
    const wd = this.getWd(index);
    let g = grad.mul(this.rescaleGrad);
    if (wd !== 0) g = g.add(weight.mul(wd));
    const clip = this.clipping;
    if (clip !== null) g = g.clip(-clip, clip);
    const g1 = this.gamma1;
    const n = stateArray('RMSProp', state, 0);
    n.assignResult(g.square().mul(1 - g1).add(n.mul(g1)));
    let next: NDArray;
    if (!this.centered) {
      next = weight.sub(g.mul(lr).div(n.add(this.epsilon).sqrt()));
    } else {
      const s = stateArray('RMSProp', state, 1);
      const delta = stateArray('RMSProp', state, 2);
      s.assignResult(g.mul(1 - g1).add(s.mul(g1)));
      delta.assignResult(delta.mul(this.gamma2).sub(g.mul(lr).div(n.sub(s.square()).add(this.epsilon).sqrt())));
      next = weight.add(delta);
    }
    const cw = this.clipWeights;
    weight.assignResult(cw ? next.clip(-cw, cw) : next);
  }
}

Optimizer.register(RMSProp);
