/** L2Loss: half the squared error, L = 1/2 (label - pred)^2, averaged per example. */
import { layerOptions } from '../block';
import type { NDArray } from '../../nd/ndarray';
import { Loss, type LossOptions } from './loss';

/** Gluon's L2Loss: (1/2) (pred - label)^2, averaged over all but the batch axis. */
export class L2Loss extends Loss {
  /** weight defaults to 1 (Gluon's); the loss uses weight / 2. */
  constructor(options: LossOptions = {}) {
    super(layerOptions('L2Loss', options, ['weight', 'batchAxis']), 1);
  }

  override forward(pred: NDArray, label: NDArray, sampleWeight?: NDArray | null): NDArray {
    [pred, label] = this.inputs(pred, label);
    const y = this.reshapeLike(label, pred);
    const loss = y.sub(pred).square(); // (batch, ...)
    return this.batchMean(this.applyWeighting(loss, this.weight === null ? null : this.weight / 2, sampleWeight)); // (batch,)
  }
}
