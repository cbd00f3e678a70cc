/**
 * SoftmaxCrossEntropyLoss: L = -log softmax(pred)[label] for class indices (sparse labels),
 * or L = -sum_j label_j log softmax(pred)_j for distributions (dense labels). log-softmax is
 * computed directly (shifted by the row maximum), so logits of +-1000 give finite losses.
 */
import { layerOptions } from '../block';
import { shapesEqual } from '../../nd/shape-utils';
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { normAxis } from '../../nd/shape-utils';
import { nd } from '../../nd/index';
import { Loss, type LossOptions } from './loss';

export interface SoftmaxCrossEntropyLossOptions extends LossOptions {
  /** The class axis (default -1). */
  axis?: number;
  /** Labels are class indices (default true; int32 or float32 holding integers); false: distributions shaped like pred. */
  sparseLabel?: boolean;
  /** pred already holds log-probabilities (e.g. from nd.logSoftmax); default false. */
  fromLogits?: boolean;
}

/** Gluon's SoftmaxCrossEntropyLoss: -log softmax(pred)[label], computed stably from the logits. */
export class SoftmaxCrossEntropyLoss extends Loss {
  readonly axis: number;
  readonly sparseLabel: boolean;
  readonly fromLogits: boolean;

  constructor(options: SoftmaxCrossEntropyLossOptions = {}) {
    super(layerOptions('SoftmaxCrossEntropyLoss', options, ['weight', 'batchAxis', 'axis', 'sparseLabel', 'fromLogits']), null);
    this.axis = options.axis ?? -1;
    if (!Number.isInteger(this.axis)) throw new ArgumentError(`SoftmaxCrossEntropyLoss: axis must be an integer, got ${String(options.axis)}.`);
    this.sparseLabel = options.sparseLabel ?? true;
    this.fromLogits = options.fromLogits ?? false;
  }

  override forward(pred: NDArray, label: NDArray, sampleWeight?: NDArray | null): NDArray {
    [pred, label] = this.inputs(pred, label);
    const axis = normAxis('SoftmaxCrossEntropyLoss', this.axis, pred.ndim);
    const logp = this.fromLogits ? pred : nd.logSoftmax(pred, { axis }); // (batch, classes)
    let loss: NDArray;
    if (this.sparseLabel) {
      this.checkSparseLabel(label, pred, axis);
      loss = logp.pick(label, { axis, keepDims: true }).neg(); // (batch, 1)
    } else {
      const y = this.reshapeLike(label, pred);
      loss = logp.mul(y).sum({ axis, keepDims: true }).neg(); // (batch, 1)
    }
    return this.batchMean(this.applyWeighting(loss, this.weight, sampleWeight)); // (batch,)
  }

  private checkSparseLabel(label: NDArray, pred: NDArray, axis: number): void {
    const rest = pred.shape.filter((_, a) => a !== axis);
    const kept = pred.shape.map((d, a) => (a === axis ? 1 : d));
    const is = (s: number[]): boolean => shapesEqual(s, label.shape);
    if (is(rest) || is(kept)) return;
    const hint = label.ndim === pred.ndim && label.size === pred.size ? ' For one-hot or probability labels, pass { sparseLabel: false }.' : '';
    throw new ShapeError(
      `SoftmaxCrossEntropyLoss: with sparse labels (class indices) the label must have shape ${fmtShape(rest)} (pred's shape ${fmtShape(pred.shape)} without the class axis ${axis}), got ${fmtShape(label.shape)}.${hint}`,
    );
  }
}

/** Gluon's alias. */
export const SoftmaxCELoss = SoftmaxCrossEntropyLoss;
