/**
 * SigmoidBinaryCrossEntropyLoss: the cross-entropy of labels z in [0, 1] against
 * p = sigmoid(x). From logits it uses the stable form
 *   L = max(x, 0) - x z + log(1 + exp(-|x|))
 * (equal to -z log p - (1-z) log(1-p), without exp overflowing or log(0)).
 */
import { layerOptions } from '../block';
import type { NDArray } from '../../nd/ndarray';
import { expectArray } from '../../nd/ops/operand';
import { Loss, type LossOptions } from './loss';

export interface SigmoidBCELossOptions extends LossOptions {
  /** pred already holds probabilities (a sigmoid's output); default false: pred holds logits. */
  fromSigmoid?: boolean;
}

/** log(1 + exp(-|x|)): at most log 2, never overflows. */
function softplusOfMinusAbs(x: NDArray): NDArray {
  return x.abs().neg().exp().add(1).log();
}

/** Gluon's SigmoidBinaryCrossEntropyLoss: binary cross-entropy of sigmoid(pred) against 0/1 labels, computed stably. */
export class SigmoidBinaryCrossEntropyLoss extends Loss {
  readonly fromSigmoid: boolean;

  constructor(options: SigmoidBCELossOptions = {}) {
    super(layerOptions('SigmoidBinaryCrossEntropyLoss', options, ['weight', 'batchAxis', 'fromSigmoid']), null);
    this.fromSigmoid = options.fromSigmoid ?? false;
  }

  /** posWeight (broadcast like the label, e.g. (1, classes)) weighs the positive term. */
  override forward(pred: NDArray, label: NDArray, sampleWeight?: NDArray | null, posWeight?: NDArray | null): NDArray {
    [pred, label] = this.inputs(pred, label);
    const z = this.reshapeLike(label, pred);
    const pw = posWeight === undefined || posWeight === null ? null : expectArray('SigmoidBinaryCrossEntropyLoss.forward', 'posWeight', posWeight);
    let loss: NDArray;
    if (!this.fromSigmoid) {
      if (pw === null) {
        loss = pred.relu().sub(pred.mul(z)).add(softplusOfMinusAbs(pred));
      } else {
        // x - x z + (1 + (pw - 1) z) (log(1 + exp(-|x|)) + max(-x, 0))
        const logWeight = pw.sub(1).mul(z).add(1);
        loss = pred.sub(pred.mul(z)).add(logWeight.mul(softplusOfMinusAbs(pred).add(pred.neg().relu())));
      }
    } else {
      const eps = 1e-12; // Gluon's guard against log(0)
      let pos = pred.add(eps).log().mul(z);
      if (pw !== null) pos = pos.mul(pw);
      loss = pos.add(pred.neg().add(1 + eps).log().mul(z.neg().add(1))).neg();
    }
    return this.batchMean(this.applyWeighting(loss, this.weight, sampleWeight)); // (batch,)
  }
}

/** Gluon's alias. */
export const SigmoidBCELoss = SigmoidBinaryCrossEntropyLoss;
