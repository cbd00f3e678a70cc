/**
 * Convolutional networks' helpers. `corr2d` is introduced in "Convolutional networks from
 * scratch" (chapters/05-convolutional-networks/01-cnn-scratch.md); `trainCh5`, the training
 * loop of every later convolutional chapter (LeNet, batch normalization, AlexNet, VGG), in
 * "Convolutional networks with Gluon" (chapters/05-convolutional-networks/02-cnn-gluon.md).
 */
import { autograd } from '../autograd/index';
import type { Context } from '../engine/context';
import { Block } from '../gluon/block';
import { SoftmaxCrossEntropyLoss } from '../gluon/loss/softmax-cross-entropy-loss';
import { Trainer } from '../gluon/trainer';
import { NDArray } from '../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../nd/errors';
import { ndScope } from '../nd/lifetime';
import { zeros } from '../nd/ops/creation';
import { print } from '../display';
import { Animator } from './animator';
import { trainingProgress } from './training-progress';
import { windowMeans } from './window-means';
import { TrainingDivergedError, evaluateAccuracy } from './classification';
import { makePacer } from './pacing';
import { Timer } from './timer';

type Batches = Iterable<NDArray[]> & { length?: number };

/**
 * Two-dimensional cross-correlation of X (h, w) with a kernel K (kh, kw):
 *   Y[i, j] = sum_{a < kh, b < kw} X[i + a, j + b] K[a, b],   Y of shape (h - kh + 1, w - kw + 1).
 * The sum runs over the kernel's taps instead of over the output's pixels: tap (a, b) adds the
 * window X[a : a + oh, b : b + ow] times K[a, b]. That is kh * kw whole-array operations instead
 * of oh * ow small ones, and it is differentiable in X and in K (autograd records it).
 */
export function corr2d(X: NDArray, K: NDArray): NDArray {
  if (!(X instanceof NDArray) || !(K instanceof NDArray) || X.ndim !== 2 || K.ndim !== 2) {
    const shapeOf = (v: unknown): string => (v instanceof NDArray ? fmtShape(v.shape) : typeof v);
    throw new ShapeError(`corr2d(X, K): both must be 2-D NDArrays (height, width), got X ${shapeOf(X)} and K ${shapeOf(K)}.`);
  }
  const [kh, kw] = K.shape as [number, number];
  const oh = X.shape[0]! - kh + 1;
  const ow = X.shape[1]! - kw + 1;
  if (oh < 1 || ow < 1) {
    throw new ShapeError(`corr2d: the kernel ${fmtShape(K.shape)} is larger than the input ${fmtShape(X.shape)}; pad the input or use a smaller kernel.`);
  }
  let Y: NDArray | null = null;
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const term = X.get(`${a}:${a + oh}`, `${b}:${b + ow}`).mul(K.get(a, b)); // (oh, ow)
      Y = Y === null ? term : Y.add(term);
    }
  }
  return Y!;
}

/** One epoch's figures, as trainCh5 prints them. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  trainAcc: number;
  testAcc: number;
  /** seconds spent in this epoch's training pass (evaluation excluded) */
  seconds: number;
}

export interface TrainCh5Result {
  /** The last epoch's mean training loss, training accuracy and test accuracy. */
  trainLoss: number;
  trainAcc: number;
  testAcc: number;
  /** Training examples processed per second of training (evaluation excluded). */
  examplesPerSec: number;
  /** One record per epoch. */
  history: EpochRecord[];
}

function positiveInteger(name: string, v: unknown, example: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new ArgumentError(`trainCh5: ${name} must be a positive integer such as ${example}, got ${String(v)}.`);
  return v;
}

/**
 * Trains a Gluon classifier on images with softmax cross-entropy: `numEpochs` passes over
 * `trainIter`, `trainer.step(batchSize)` after each batch, a live chart of the training loss,
 * training accuracy and test accuracy, one printed line per epoch, and at the end the speed in
 * examples per second on `ctx`. Batches are placed on `ctx` (X.asInContext(ctx)); in this book
 * one backend runs at a time, so that is where they already are, and it documents the intent.
 * Stops with a TrainingDivergedError when the loss is no longer finite.
 */
export async function trainCh5(
  net: Block,
  trainIter: Batches,
  testIter: Batches,
  batchSize: number,
  trainer: Trainer,
  ctx: Context,
  numEpochs: number,
): Promise<TrainCh5Result> {
  if (!(net instanceof Block)) {
    throw new ArgumentError('trainCh5: net must be a Gluon Block (e.g. a Sequential of Conv2D, MaxPool2D and Dense layers); for a model from scratch use d2l.trainCh3.');
  }
  if (!(trainer instanceof Trainer)) {
    throw new ArgumentError("trainCh5: trainer must be a gluon.Trainer, e.g. new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.9 }).");
  }
  positiveInteger('batchSize', batchSize, '256');
  positiveInteger('numEpochs', numEpochs, '5');
  const loss = new SoftmaxCrossEntropyLoss();
  const numBatches = typeof trainIter.length === 'number' && trainIter.length > 0 ? trainIter.length : null;
  // About five chart points per epoch for the training curves, one per epoch for the test accuracy.
  const plotEvery = numBatches === null ? 50 : Math.max(1, Math.floor(numBatches / 5));
  const animator = new Animator({ xLabel: 'epoch', xLim: [0, numEpochs], legend: ['train loss', 'train acc', 'test acc'] });
  const progress = trainingProgress(animator, numEpochs, numBatches);
  const timer = new Timer();
  const pace = makePacer();
  const history: EpochRecord[] = [];
  let examples = 0;
  print(`training on ${ctx}`);
  try {
    for (let epoch = 0; epoch < numEpochs; epoch++) {
      // The sums stay on the device and are read only at chart points: a read waits for the GPU.
      const lossSum = zeros([1]);
      const correct = zeros([1]);
      let n = 0;
      let step = 0;
      // The chart's training points are means since the previous point (see windowMeans); the printed line is the epoch's.
      const recent = windowMeans();
      const read = async (): Promise<[number, number]> => {
        const [l, c] = [await lossSum.asScalar(), await correct.asScalar()];
        if (!Number.isFinite(l)) {
          throw new TrainingDivergedError(
            `trainCh5: the training loss became ${Number.isNaN(l) ? 'NaN' : 'infinite'} in epoch ${epoch + 1} by step ${step}; training stopped. ` +
              `The learning rate (${trainer.learningRate}) is probably too large: try one ten times smaller.`,
          );
        }
        return [l, c];
      };
      timer.start();
      for (const batch of trainIter) {
        const X = batch[0]!.asInContext(ctx); // (batch, channels, height, width)
        const y = batch[1]!.asInContext(ctx); // (batch,)
        step++;
        let yHat: NDArray | null = null;
        const l = autograd.record(() => {
          yHat = net.forward(X); // (batch, classes)
          return loss.forward(yHat, y).sum(); // the batch's summed loss, (1,)
        });
        l.backward();
        trainer.step(batchSize);
        ndScope(() => {
          lossSum.addInPlace(l);
          correct.addInPlace(yHat!.argmax({ axis: 1 }).equal(y.astype('float32')).sum());
        });
        n += y.shape[0]!;
        if (numBatches !== null && step % plotEvery === 0 && step < numBatches) {
          const [l, c] = await read();
          animator.add(epoch + step / numBatches, [...recent.since(l, c, n), null]);
        }
        progress.step(epoch, step);
        await pace();
      }
      if (n === 0) throw new ArgumentError('trainCh5: the training iterator gave no batches.');
      const [lossTotal, correctTotal] = await read();
      const [trainLoss, trainAcc] = [lossTotal / n, correctTotal / n];
      const seconds = timer.stop();
      examples += n;
      const testAcc = await evaluateAccuracy(testIter, net);
      animator.add(epoch + 1, [...recent.since(lossTotal, correctTotal, n), testAcc]);
      history.push({ epoch: epoch + 1, trainLoss, trainAcc, testAcc, seconds });
      print(`epoch ${epoch + 1}, loss ${trainLoss.toFixed(4)}, train acc ${trainAcc.toFixed(3)}, test acc ${testAcc.toFixed(3)}, ${seconds.toFixed(1)} s`);
    }
  } finally {
    // The chart that stays shows the results, not a stale estimate.
    progress.close();
  }
  const examplesPerSec = examples / timer.sum();
  print(`${examplesPerSec.toFixed(0)} examples/sec on ${ctx}`);
  const last = history[history.length - 1]!;
  return { trainLoss: last.trainLoss, trainAcc: last.trainAcc, testAcc: last.testAcc, examplesPerSec, history };
}
