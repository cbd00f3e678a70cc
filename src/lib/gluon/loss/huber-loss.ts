/**
 * HuberLoss (Gluon's): quadratic near zero, linear beyond rho, so outliers pull less than in L2:
 *   d = |label - pred|;   L = d^2 / (2 rho) if d <= rho, else d - rho / 2   (averaged per example)
 */
import { layerOptions } from '../block';
import { ArgumentError } from '../../nd/errors';
import { where } from '../../nd/ops/elementwise';
import type { NDArray } from '../../nd/ndarray';
import { Loss, type LossOptions } from './loss';
import { pyFloat } from '../../nd/py-repr';

export interface HuberLossOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear (default 1). */
  rho?: number;
}

/** Gluon's HuberLoss(rho=1): smooth L1, one value per example. */
export class HuberLoss extends Loss {
  readonly rho: number;

  constructor(options: HuberLossOptions = {}) {
    super(layerOptions('HuberLoss', options, ['weight', 'batchAxis', 'rho']), null);
    const rho = options.rho ?? 1;
    if (typeof rho !== 'number' || !(rho > 0)) throw new ArgumentError(`HuberLoss: rho must be a positive number, got ${String(rho)}.`);
    this.rho = rho;
  }

  override forward(pred: NDArray, label: NDArray, sampleWeight?: NDArray | null): NDArray {
    [pred, label] = this.inputs(pred, label);
    const d = this.reshapeLike(label, pred).sub(pred).abs(); // (batch, ...)
    const loss = where(d.greater(this.rho), d.sub(0.5 * this.rho), d.square().mul(0.5 / this.rho));
    return this.batchMean(this.applyWeighting(loss, this.weight, sampleWeight)); // (batch,)
  }

  /** Gluon's repr. */
  override toString(): string {
    return `HuberLoss(batch_axis=${this.batchAxis}, w=${pyFloat(this.weight)}, rho=${pyFloat(this.rho)})`;
  }
}
