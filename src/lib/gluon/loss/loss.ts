/**
 * Loss: the base of Gluon's losses. A loss is a Block: `loss.forward(yHat, y)` returns one
 * value per example (shape (batch,)): every axis but the batch axis is averaged, so
 * `l.backward()` (which sums) gives the gradient of the batch's total loss, and
 * `trainer.step(batchSize)` turns it into the mean.
 */
import { pyFloat } from '../../nd/py-repr';
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../../nd/errors';
import { expectArray } from '../../nd/ops/operand';
import { normAxis } from '../../nd/shape-utils';
import { shapesEqual } from '../../nd/shape-utils';
import { Block, type BlockOptions } from '../block';

export interface LossOptions extends BlockOptions {
  /** A global scalar factor on the loss (Gluon's `weight`). */
  weight?: number | null;
  /** The axis that holds the examples (default 0). */
  batchAxis?: number;
}

/** Gluon's Loss: the base of the losses; forward(pred, label, sampleWeight?) gives one loss per example. */
export class Loss extends Block {
  readonly weight: number | null;
  readonly batchAxis: number;

  constructor(options: LossOptions = {}, defaultWeight: number | null = null) {
    super(options);
    const w = options.weight === undefined ? defaultWeight : options.weight;
    if (w !== null && (typeof w !== 'number' || !Number.isFinite(w))) {
      throw new ArgumentError(`${this.constructor.name}: weight must be a finite number or null, got ${String(w)}.`);
    }
    const axis = options.batchAxis ?? 0;
    if (!Number.isInteger(axis)) throw new ArgumentError(`${this.constructor.name}: batchAxis must be an integer, got ${String(axis)}.`);
    this.weight = w;
    this.batchAxis = axis;
  }

  /** Checks the two arrays a loss always takes, naming this loss in the error. */
  protected inputs(pred: unknown, label: unknown): [NDArray, NDArray] {
    const name = `${this.constructor.name}.forward`;
    return [expectArray(name, 'pred (the prediction)', pred), expectArray(name, 'label', label)];
  }

  /**
   * Gluon's _reshape_like: the label takes pred's shape, so a label of shape (batch,) meets a
   * prediction of shape (batch, 1) elementwise instead of broadcasting to (batch, batch).
   */
  protected reshapeLike(label: NDArray, pred: NDArray): NDArray {
    if (label.size !== pred.size) {
      throw new ShapeError(
        `${this.constructor.name}: label has shape ${fmtShape(label.shape)} (${label.size} elements) but pred has shape ${fmtShape(pred.shape)} (${pred.size}); ` +
          `they must hold the same number of elements (the label is reshaped to pred's shape).`,
      );
    }
    const same = shapesEqual(label.shape, pred.shape);
    const shaped = same ? label : label.reshape(pred.shape);
    return shaped.dtype === 'float32' ? shaped : shaped.astype('float32');
  }

  /** sampleWeight broadcasts over the loss (e.g. (batch, 1) weighs each example); weight scales it all. */
  protected applyWeighting(loss: NDArray, weight: number | null, sampleWeight?: NDArray | null): NDArray {
    let out = loss;
    if (sampleWeight !== undefined && sampleWeight !== null) {
      expectArray(`${this.constructor.name}.forward`, 'sampleWeight', sampleWeight);
      out = out.mul(sampleWeight);
    }
    if (weight !== null) out = out.mul(weight);
    return out;
  }

  /** The mean over every axis but the batch axis: one loss per example. */
  protected batchMean(loss: NDArray): NDArray {
    const batch = normAxis(this.constructor.name, this.batchAxis, loss.ndim);
    const axes = [...Array(loss.ndim).keys()].filter((a) => a !== batch);
    return axes.length === 0 ? loss : loss.mean({ axis: axes });
  }

  /** Gluon's repr: `L2Loss(batch_axis=0, w=1.0)`. */
  override toString(): string {
    return `${this.constructor.name}(batch_axis=${this.batchAxis}, w=${pyFloat(this.weight)})`;
  }
}
