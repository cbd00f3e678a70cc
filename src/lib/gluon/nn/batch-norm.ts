/**
 * BatchNorm (Ioffe and Szegedy, 2015), as Gluon's. Along `axis` (the channels: 1 for both
 * (batch, features) and (batch, channels, h, w)), each channel is normalized with the mean and
 * variance over all other axes, then scaled and shifted:
 *
 *   y = gamma * (x - mean) / sqrt(var + eps) + beta
 *
 * Training (inside autograd.record): the batch's statistics, and the moving statistics
 * follow them (moving = momentum * moving + (1 - momentum) * batch, the biased batch
 * variance as MXNet). Predicting: the moving statistics. The moving statistics are
 * parameters (running_mean, running_var) that are saved with the model but never trained.
 */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { expectArray } from '../../nd/ops/operand';
import { nd } from '../../nd/index';
import { isTraining, pause } from '../../autograd/state';
import { Block, layerOptions, type BlockOptions } from '../block';
import type { InitSpec, Parameter } from '../parameter';
import { pyBool, pyFloat } from '../../nd/py-repr';
import { batchMoments, batchNormTrain } from '../../nd/ops/batch-norm';

export interface BatchNormOptions extends BlockOptions {
  /** The channel axis, kept apart (default 1). */
  axis?: number;
  /** Weight of the old value in the moving statistics (default 0.9). */
  momentum?: number;
  /** Added to the variance (default 1e-5). */
  epsilon?: number;
  /** Learn the shift beta (default true). */
  center?: boolean;
  /** Learn the scale gamma (default true); false fixes gamma at 1 (MXNet's fix_gamma). */
  scale?: boolean;
  /** Always use the moving statistics, also in training (default false). */
  useGlobalStats?: boolean;
  /** Number of channels; 0 (default) = infer them on the first forward pass. */
  inChannels?: number;
  betaInitializer?: InitSpec;
  gammaInitializer?: InitSpec;
  runningMeanInitializer?: InitSpec;
  runningVarianceInitializer?: InitSpec;
}

/** Gluon's BatchNorm: normalizes each channel by the batch statistics in training and by the running ones in prediction. */
export class BatchNorm extends Block {
  /** The learned scale, one per channel. */
  readonly gamma: Parameter;
  /** The learned shift, one per channel. */
  readonly beta: Parameter;
  /** The moving average of the batch means, used in prediction. */
  readonly runningMean: Parameter;
  /** The moving average of the batch variances, used in prediction. */
  readonly runningVar: Parameter;
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly useGlobalStats: boolean;

  constructor(options: BatchNormOptions = {}) {
    super(layerOptions('BatchNorm', options, ['axis', 'momentum', 'epsilon', 'center', 'scale', 'useGlobalStats', 'inChannels', 'betaInitializer', 'gammaInitializer', 'runningMeanInitializer', 'runningVarianceInitializer']));
    const where = 'BatchNorm';
    this.axis = options.axis ?? 1;
    this.momentum = options.momentum ?? 0.9;
    this.epsilon = options.epsilon ?? 1e-5;
    this.center = options.center ?? true;
    this.scale = options.scale ?? true;
    this.useGlobalStats = options.useGlobalStats ?? false;
    if (!Number.isInteger(this.axis)) throw new ArgumentError(`${where}: axis must be an integer, got ${String(this.axis)}.`);
    if (typeof this.momentum !== 'number' || !(this.momentum >= 0 && this.momentum <= 1)) {
      throw new ArgumentError(`${where}: momentum must be a number in [0, 1], got ${String(this.momentum)}.`);
    }
    if (typeof this.epsilon !== 'number' || !(this.epsilon > 0)) throw new ArgumentError(`${where}: epsilon must be a positive number, got ${String(this.epsilon)}.`);
    const c = options.inChannels ?? 0;
    if (!Number.isInteger(c) || c < 0) throw new ArgumentError(`${where}: inChannels must be a non-negative integer, got ${String(c)}.`);
    this.gamma = this.params.get('gamma', { shape: [c], init: options.gammaInitializer ?? 'ones', gradReq: this.scale ? 'write' : 'null' });
    this.beta = this.params.get('beta', { shape: [c], init: options.betaInitializer ?? 'zeros', gradReq: this.center ? 'write' : 'null' });
    this.runningMean = this.params.get('running_mean', { shape: [c], init: options.runningMeanInitializer ?? 'zeros', gradReq: 'null' });
    this.runningVar = this.params.get('running_var', { shape: [c], init: options.runningVarianceInitializer ?? 'ones', gradReq: 'null' });
    // Saved files name them as Gluon does (running_mean, running_var), not by these fields.
    for (const key of ['runningMean', 'runningVar']) Object.defineProperty(this, key, { enumerable: false });
  }

  override forward(x: NDArray): NDArray {
    const where = `${this.name}: BatchNorm`;
    expectArray(where, 'the input', x);
    if (x.ndim < 2) throw new ShapeError(`${where} expects at least 2-D input (batch, channels, ...), got shape ${fmtShape(x.shape)}.`);
    const axis = this.axis < 0 ? this.axis + x.ndim : this.axis;
    if (axis < 0 || axis >= x.ndim) throw new ShapeError(`${where} normalizes along axis ${this.axis}, which the input ${fmtShape(x.shape)} does not have.`);
    const c = x.shape[axis]!;
    for (const p of [this.gamma, this.beta, this.runningMean, this.runningVar]) {
      p.inferShape([c], () => `${where} was built for ${p.shape![0]} channels, but axis ${axis} of the input ${fmtShape(x.shape)} has ${c}.`);
    }
    const others = [...Array(x.ndim).keys()].filter((a) => a !== axis);
    const bshape = x.shape.map((d, a) => (a === axis ? d : 1)); // (1, c, 1, 1): broadcasts per channel
    const training = isTraining() && !this.useGlobalStats;
    return nd.scope(() => {
      if (training) {
        // The batch statistics are computed off the tape: batchNormTrain's gradient already
        // accounts for their dependence on x (and is far cheaper than differentiating them).
        const [mean, variance] = pause((): [NDArray, NDArray] => {
          const fast = batchMoments(x, axis); // one pass per statistic where the backend allows
          if (fast !== null) return fast;
          const mu = x.mean({ axis: others, keepDims: true }); // (1, c, 1, 1)
          return [mu, x.sub(mu).square().mean({ axis: others, keepDims: true })]; // biased, as MXNet
        });
        pause(() => {
          // moving = momentum * moving + (1 - momentum) * batch
          const m = this.momentum;
          const rm = this.runningMean.data();
          const rv = this.runningVar.data();
          rm.set(rm.mul(m).add(mean.reshape([c]).mul(1 - m)));
          rv.set(rv.mul(m).add(variance.reshape([c]).mul(1 - m)));
        });
        const gamma = this.scale ? this.gamma.data().reshape(bshape) : nd.ones(bshape);
        const beta = this.center ? this.beta.data().reshape(bshape) : nd.zeros(bshape);
        return batchNormTrain(x, gamma, beta, mean, variance, { axes: others, eps: this.epsilon });
      }
      const mean = this.runningMean.data().reshape(bshape);
      const variance = this.runningVar.data().reshape(bshape);
      let y = x.sub(mean).div(variance.add(this.epsilon).sqrt()); // (x - mean) / sqrt(var + eps)
      if (this.scale) y = y.mul(this.gamma.data().reshape(bshape));
      if (this.center) y = y.add(this.beta.data().reshape(bshape));
      return y;
    });
  }

  /** Gluon's repr: `BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=False, use_global_stats=False, in_channels=None)`. */
  override toString(): string {
    const c = this.gamma.shape![0] || 'None';
    return (
      `BatchNorm(axis=${this.axis}, eps=${pyFloat(this.epsilon)}, momentum=${pyFloat(this.momentum)}, fix_gamma=${pyBool(!this.scale)}, ` +
      `use_global_stats=${pyBool(this.useGlobalStats)}, in_channels=${c})`
    );
  }
}
