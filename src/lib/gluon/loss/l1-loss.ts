/** L1Loss: the absolute error, L = |label - pred|, averaged per example. */
import { layerOptions } from '../block';
import type { NDArray } from '../../nd/ndarray';
import { Loss, type LossOptions } from './loss';

/** Gluon's L1Loss: |pred - label|, averaged over all but the batch axis. */
export class L1Loss extends Loss {
  constructor(options: LossOptions = {}) {
    super(layerOptions('L1Loss', options, ['weight', 'batchAxis']), null);
  }

  override forward(pred: NDArray, label: NDArray, sampleWeight?: NDArray | null): NDArray {
    [pred, label] = this.inputs(pred, label);
    const y = this.reshapeLike(label, pred);
    const loss = y.sub(pred).abs(); // (batch, ...)
    return this.batchMean(this.applyWeighting(loss, this.weight, sampleWeight)); // (batch,)
  }
}
