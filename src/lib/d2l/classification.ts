/**
 * Training and judging a classifier, introduced in "Softmax regression from scratch"
 * (chapters/02-linear-networks/03-softmax-regression-scratch.md) and reused by every later
 * classification chapter (MLPs, dropout, ...): accuracy, evaluateAccuracy, trainCh3, predictCh3.
 *
 * A "net" is either a function X -> scores (a model written from scratch) or a Gluon Block
 * (called through its forward); a "loss" is either a function (yHat, y) -> per-example losses
 * or a Gluon Loss.
 */
import { autograd } from '../autograd/index';
import { Block } from '../gluon/block';
import type { Trainer } from '../gluon/trainer';
import { NDArray } from '../nd/ndarray';
import { ArgumentError } from '../nd/errors';
import { ndScope } from '../nd/lifetime';
import { zeros } from '../nd/ops/creation';
import { Animator } from './animator';
import { trainingProgress } from './training-progress';
import { windowMeans } from './window-means';
import { getFashionMnistLabels } from './fashion-mnist';
import { sgd } from './linear-regression';
import { makePacer } from './pacing';
import { showImages } from './show';
import { print } from '../display';

export type Net = ((X: NDArray) => NDArray) | Block;
export type LossFn = ((yHat: NDArray, y: NDArray) => NDArray) | Block;
type Batches = Iterable<NDArray[]> & { length?: number };

/** Training stopped because the loss stopped being a finite number. */
export class TrainingDivergedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainingDivergedError';
  }
}

function callNet(net: Net, X: NDArray, who: string): NDArray {
  if (net instanceof Block) return net.forward(X);
  if (typeof net === 'function') return net(X);
  throw new ArgumentError(`${who}: net must be a function X => scores or a Gluon Block such as a Sequential, got ${net === null ? 'null' : typeof net}.`);
}

function callLoss(loss: LossFn, yHat: NDArray, y: NDArray, who: string): NDArray {
  if (loss instanceof Block) return loss.forward(yHat, y);
  if (typeof loss === 'function') return loss(yHat, y);
  throw new ArgumentError(`${who}: loss must be a function (yHat, y) => losses or a Gluon loss such as new gluon.loss.SoftmaxCrossEntropyLoss(), got ${loss === null ? 'null' : typeof loss}.`);
}

/** How many rows of yHat (batch, classes) put their largest score on the true class y (batch,). */
function correctCount(yHat: NDArray, y: NDArray): NDArray {
  return yHat.argmax({ axis: 1 }).equal(y.astype('float32')).sum(); // (1,)
}

/** The fraction of rows of yHat (batch, classes) whose largest score is at the label in y (batch,). */
export async function accuracy(yHat: NDArray, y: NDArray): Promise<number> {
  if (!(yHat instanceof NDArray) || !(y instanceof NDArray)) {
    throw new ArgumentError('accuracy(yHat, y): both must be NDArrays, yHat of shape (batch, classes) and y of shape (batch,).');
  }
  return yHat.argmax({ axis: 1 }).equal(y.astype('float32')).mean().asScalar();
}

/**
 * The accuracy of `net` over every batch of `dataIter`. Predictions are made outside
 * autograd.record, i.e. in prediction mode (dropout off, batch norm with moving statistics).
 * The count of correct predictions stays on the device and is read once at the end.
 */
export async function evaluateAccuracy(dataIter: Batches, net: Net): Promise<number> {
  const pace = makePacer();
  const correct = zeros([1]);
  let n = 0;
  for (const [X, y] of dataIter) {
    // The scope frees the batch's activations at once instead of waiting for the collector.
    ndScope(() => correct.addInPlace(correctCount(callNet(net, X!, 'evaluateAccuracy'), y!)));
    n += y!.shape[0]!;
    await pace();
  }
  if (n === 0) throw new ArgumentError('evaluateAccuracy: the data iterator gave no batches.');
  return (await correct.asScalar()) / n;
}

function positiveInteger(who: string, name: string, v: unknown, example: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new ArgumentError(`${who}: ${name} must be a positive integer such as ${example}, got ${String(v)}.`);
  return v;
}

/**
 * Trains a classifier for `numEpochs` passes over `trainIter`, with minibatch SGD on `params`
 * with learning rate `lr` (a model from scratch), or with `trainer` (Gluon). After each
 * epoch it prints the mean training loss, the training accuracy and the test accuracy, and a
 * live chart shows them while training runs. It stops with a TrainingDivergedError, naming
 * the epoch and the step, as soon as a batch's loss is NaN or infinite.
 */
export async function trainCh3(
  net: Net,
  trainIter: Batches,
  testIter: Batches,
  loss: LossFn,
  numEpochs: number,
  batchSize: number,
  params?: NDArray[] | null,
  lr?: number | null,
  trainer?: Trainer | null,
): Promise<void> {
  const who = 'trainCh3';
  positiveInteger(who, 'numEpochs', numEpochs, '5');
  positiveInteger(who, 'batchSize', batchSize, '256');
  const useTrainer = trainer !== undefined && trainer !== null;
  if (!useTrainer) {
    if (!Array.isArray(params) || params.length === 0 || !params.every((p) => p instanceof NDArray)) {
      throw new ArgumentError(`${who}: without a trainer, pass the parameters to update as a list of NDArrays (params, e.g. [W, b]) and a learning rate lr.`);
    }
    if (typeof lr !== 'number' || !(lr > 0)) throw new ArgumentError(`${who}: lr must be a positive number such as 0.1 when training with params and no trainer, got ${String(lr)}.`);
  }
  const rate = (): number => (useTrainer ? trainer.learningRate : lr!);
  const numBatches = typeof trainIter.length === 'number' && trainIter.length > 0 ? trainIter.length : null;
  // About five chart points per epoch for the training curves, one per epoch for the test accuracy.
  // Each training point is the mean over the minibatches since the previous point, not over the
  // epoch so far: an epoch-so-far mean restarts at every epoch and draws a cliff there.
  const plotEvery = numBatches === null ? 50 : Math.max(1, Math.floor(numBatches / 5));
  const animator = new Animator({ xLabel: 'epoch', xLim: [0, numEpochs], legend: ['train loss', 'train acc', 'test acc'] });
  const progress = trainingProgress(animator, numEpochs, numBatches);
  const pace = makePacer();
  try {
    for (let epoch = 0; epoch < numEpochs; epoch++) {
      let lossSum = 0;
      let n = 0;
      let step = 0;
      const correct = zeros([1]);
      const recent = windowMeans();
      for (const [X, y] of trainIter) {
        step++;
        let yHat: NDArray | null = null;
        const l = autograd.record(() => {
          yHat = callNet(net, X!, who); // (batch, classes)
          return callLoss(loss, yHat, y!, who).sum(); // the batch's total loss
        });
        l.backward();
        if (useTrainer) trainer.step(batchSize);
        else sgd(params!, lr!, batchSize);
        const lossValue = await l.asScalar();
        if (!Number.isFinite(lossValue)) {
          throw new TrainingDivergedError(
            `${who}: the training loss became ${Number.isNaN(lossValue) ? 'NaN' : 'infinite'} at epoch ${epoch + 1}, step ${step}${numBatches === null ? '' : ` of ${numBatches}`}` +
              ` (the batch's summed loss is ${lossValue}); training stopped. The learning rate (${rate()}) is probably too large,` +
              ` or the initialization gives scores too large for the loss: try a learning rate ten times smaller, or smaller initial weights.`,
          );
        }
        lossSum += lossValue;
        n += y!.shape[0]!;
        ndScope(() => correct.addInPlace(correctCount(yHat!, y!)));
        if (step % plotEvery === 0 && numBatches !== null && step < numBatches) {
          animator.add(epoch + step / numBatches, [...recent.since(lossSum, await correct.asScalar(), n), null]);
        }
        progress.step(epoch, step);
        await pace();
      }
      if (n === 0) throw new ArgumentError(`${who}: the training iterator gave no batches.`);
      const correctSum = await correct.asScalar();
      const trainLoss = lossSum / n;
      const trainAcc = correctSum / n;
      const testAcc = await evaluateAccuracy(testIter, net);
      animator.add(epoch + 1, [...recent.since(lossSum, correctSum, n), testAcc]);
      print(`epoch ${epoch + 1}, loss ${trainLoss.toFixed(4)}, train acc ${trainAcc.toFixed(3)}, test acc ${testAcc.toFixed(3)}`);
    }
  } finally {
    // The chart that stays shows the results, not a stale estimate.
    progress.close();
  }
}

/**
 * Shows the first `n` images of `testIter`'s first batch with their true label (first line)
 * and the one `net` predicts (second line).
 */
export async function predictCh3(net: Net, testIter: Batches, n = 6): Promise<void> {
  positiveInteger('predictCh3', 'n', n, '6');
  for (const [X, y] of testIter) {
    const count = Math.min(n, X!.shape[0]!);
    const trueLabels = getFashionMnistLabels(Array.from(await y!.data()).slice(0, count));
    const predicted = await callNet(net, X!, 'predictCh3').argmax({ axis: 1 }).data(); // (batch,)
    const predLabels = getFashionMnistLabels(Array.from(predicted).slice(0, count));
    const titles = trueLabels.map((t, i) => `${t}\n${predLabels[i]}`);
    await showImages(X!.get(`0:${count}`), 1, count, { titles });
    return;
  }
  throw new ArgumentError('predictCh3: the data iterator gave no batches.');
}
