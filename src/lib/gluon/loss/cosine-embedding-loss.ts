/**
 * CosineEmbeddingLoss (Gluon's): pulls pairs labelled 1 together and pushes pairs labelled -1
 * apart, by their cosine similarity along the last axis:
 *   cos = <a, b> / max(|a| |b|, 1e-12);   L = 1 - cos if label = 1, max(0, cos - margin) if label = -1
 */
import { layerOptions } from '../block';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import type { NDArray } from '../../nd/ndarray';
import { expectArray } from '../../nd/ops/operand';
import { shapesEqual } from '../../nd/shape-utils';
import { Loss, type LossOptions } from './loss';
import { pyFloat } from '../../nd/py-repr';

export interface CosineEmbeddingLossOptions extends LossOptions {
  /** How dissimilar (in cosine) a -1 pair must be before it costs nothing (default 0). */
  margin?: number;
}

/** Gluon's CosineEmbeddingLoss(margin=0): forward(input1, input2, label) gives one value per pair. */
export class CosineEmbeddingLoss extends Loss {
  readonly margin: number;

  constructor(options: CosineEmbeddingLossOptions = {}) {
    super(layerOptions('CosineEmbeddingLoss', options, ['weight', 'batchAxis', 'margin']), null);
    const m = options.margin ?? 0;
    if (typeof m !== 'number' || !Number.isFinite(m)) throw new ArgumentError(`CosineEmbeddingLoss: margin must be a finite number, got ${String(m)}.`);
    this.margin = m;
  }

  override forward(input1: NDArray, input2: NDArray, label: NDArray, sampleWeight?: NDArray | null): NDArray {
    const name = 'CosineEmbeddingLoss.forward';
    expectArray(name, 'input1', input1);
    expectArray(name, 'input2', input2);
    expectArray(name, 'label', label);
    if (!shapesEqual(input1.shape, input2.shape)) {
      throw new ShapeError(`${name}: input1 ${fmtShape(input1.shape)} and input2 ${fmtShape(input2.shape)} must have the same shape.`);
    }
    const axis = input1.ndim - 1;
    const dot = input1.mul(input2).sum({ axis }).reshape([-1, 1]); // (batch, 1)
    const norms = input1.norm({ axis }).mul(input2.norm({ axis })).reshape([-1, 1]); // (batch, 1)
    const cos = dot.div(norms.maximum(1e-12)); // (batch, 1)
    const y = label.astype('float32').reshape([-1, 1]); // (batch, 1) of 1 / -1
    if (y.shape[0] !== cos.shape[0]) throw new ShapeError(`${name}: label ${fmtShape(label.shape)} needs one entry (1 or -1) per pair; there are ${cos.shape[0]} pairs.`);
    const pos = cos.mul(-1).add(1).mul(y.equal(1)); // 1 - cos where label = 1
    const neg = cos.sub(this.margin).mul(y.equal(-1)).maximum(0); // max(0, cos - margin) where label = -1
    return this.batchMean(this.applyWeighting(pos.add(neg), this.weight, sampleWeight)); // (batch,)
  }

  /** Gluon's repr. */
  override toString(): string {
    return `CosineEmbeddingLoss(batch_axis=${this.batchAxis}, w=${pyFloat(this.weight)})`;
  }
}
