/**
 * KLDivLoss (Gluon's): the Kullback-Leibler divergence of the prediction from the label
 * distribution, L = sum_i label_i (log label_i - log pred_i), averaged over the non-batch axes
 * as Gluon does. With fromLogits (default true, as Gluon) pred already holds log-probabilities;
 * otherwise it holds scores and logSoftmax is applied along `axis`.
 */
import { layerOptions } from '../block';
import { logSoftmax } from '../../nd/ops/softmax';
import type { NDArray } from '../../nd/ndarray';
import { bool } from '../../nd/options';
import { normAxis } from '../../nd/shape-utils';
import { Loss, type LossOptions } from './loss';
import { pyFloat } from '../../nd/py-repr';

export interface KLDivLossOptions extends LossOptions {
  /** pred holds log-probabilities (default true); false: scores, normalized by logSoftmax. */
  fromLogits?: boolean;
  /** The axis of the distribution (default -1), used when fromLogits is false. */
  axis?: number;
}

/** Gluon's KLDivLoss(fromLogits=true, axis=-1): one value per example. */
export class KLDivLoss extends Loss {
  readonly fromLogits: boolean;
  readonly axis: number;

  constructor(options: KLDivLossOptions = {}) {
    super(layerOptions('KLDivLoss', options, ['weight', 'batchAxis', 'fromLogits', 'axis']), null);
    this.fromLogits = bool('KLDivLoss', 'fromLogits', options.fromLogits, true);
    this.axis = options.axis ?? -1;
  }

  override forward(pred: NDArray, label: NDArray, sampleWeight?: NDArray | null): NDArray {
    [pred, label] = this.inputs(pred, label);
    const logp = this.fromLogits ? pred : logSoftmax(pred, { axis: normAxis('KLDivLoss', this.axis, pred.ndim) });
    const y = this.reshapeLike(label, pred);
    // label * (log(label + 1e-12) - log p): the 1e-12 makes 0 log 0 = 0 (Gluon's constant)
    const loss = y.mul(y.add(1e-12).log().sub(logp)); // (batch, ...)
    return this.batchMean(this.applyWeighting(loss, this.weight, sampleWeight)); // (batch,)
  }

  /** Gluon's repr. */
  override toString(): string {
    return `KLDivLoss(batch_axis=${this.batchAxis}, w=${pyFloat(this.weight)})`;
  }
}
