/** `gluon.loss`: Gluon's losses. Each returns one loss per example, shape (batch,). */
import { Loss } from './loss';
import { L2Loss } from './l2-loss';
import { L1Loss } from './l1-loss';
import { SoftmaxCrossEntropyLoss, SoftmaxCELoss } from './softmax-cross-entropy-loss';
import { SigmoidBinaryCrossEntropyLoss, SigmoidBCELoss } from './sigmoid-bce-loss';
import { HuberLoss } from './huber-loss';
import { KLDivLoss } from './kl-div-loss';
import { CosineEmbeddingLoss } from './cosine-embedding-loss';

export const loss = {
  Loss,
  L2Loss,
  L1Loss,
  SoftmaxCrossEntropyLoss,
  SoftmaxCELoss,
  SigmoidBinaryCrossEntropyLoss,
  SigmoidBCELoss,
  HuberLoss,
  KLDivLoss,
  CosineEmbeddingLoss,
};

export { Loss, L2Loss, L1Loss, SoftmaxCrossEntropyLoss, SoftmaxCELoss, SigmoidBinaryCrossEntropyLoss, SigmoidBCELoss, HuberLoss, KLDivLoss, CosineEmbeddingLoss };
export type { LossOptions } from './loss';
export type { SoftmaxCrossEntropyLossOptions } from './softmax-cross-entropy-loss';
export type { SigmoidBCELossOptions } from './sigmoid-bce-loss';
export type { HuberLossOptions } from './huber-loss';
export type { KLDivLossOptions } from './kl-div-loss';
export type { CosineEmbeddingLossOptions } from './cosine-embedding-loss';
