/**
 * Character-level language models with Gluon, introduced in "Recurrent Neural Networks with
 * Gluon" (chapters/06-recurrent-networks/02-rnn-gluon.md) and reused by the GRU, LSTM, deep and
 * bidirectional sections: a model that wraps any gluon.rnn layer with a Dense output layer,
 * prediction, and the training loop of the scratch section (gradient clipping, perplexity,
 * samples) with a gluon.Trainer.
 */
import { autograd } from '../autograd/index';
import type { Context } from '../engine/context';
import { ArgumentError } from '../nd/errors';
import type { NDArray } from '../nd/ndarray';
import { array } from '../nd/ops/creation';
import { Block, type BlockOptions } from '../gluon/block';
import { Dense } from '../gluon/nn/dense';
import type { RecurrentLayer } from '../gluon/rnn/rnn-layer';
import type { BeginStateOptions } from '../gluon/rnn/rnn-layer';
import { SoftmaxCrossEntropyLoss } from '../gluon/loss/softmax-cross-entropy-loss';
import { Trainer } from '../gluon/trainer';
import { Animator } from './animator';
import { makePacer } from './pacing';
import { print } from '../display';
import { gradClipping } from './rnn';
import { dataIterConsecutive, dataIterRandom, type CharToIdx } from './text';

/**
 * A recurrent layer with a Dense output layer on every step. forward(X, state) takes token
 * indices X (batch, steps), returns the scores of every step, (steps * batch, vocabSize) in
 * time-major order, and the new state.
 */
export class RNNModel extends Block {
  /** The recurrent layer (gluon.rnn.RNN, GRU or LSTM). */
  readonly rnn: RecurrentLayer;
  /** The output layer, applied to the hidden state of every step. */
  readonly dense: Dense;
  /** Number of distinct tokens: the one-hot width of the inputs and the width of the scores. */
  readonly vocabSize: number;

  constructor(rnnLayer: RecurrentLayer, vocabSize: number, options: BlockOptions = {}) {
    super(options);
    if (!Number.isInteger(vocabSize) || vocabSize < 1) throw new ArgumentError(`RNNModel: vocabSize must be a positive integer, got ${String(vocabSize)}.`);
    this.rnn = rnnLayer;
    this.vocabSize = vocabSize;
    this.dense = this.nameScope(() => new Dense(vocabSize));
  }

  // @ts-expect-error -- a language model returns [scores, state], as the book's RNNModel, not Block's one array
  override forward(inputs: NDArray, state: NDArray[]): [NDArray, NDArray[]] {
    const X = inputs.T.oneHot(this.vocabSize); // (steps, batch, vocabSize), the layer's 'TNC'
    const [Y, newState] = this.rnn.forward(X, state); // (steps, batch, directions * hidden)
    const out = this.dense.forward(Y.reshape([-1, Y.shape[2]!])); // (steps * batch, vocabSize)
    return [out, newState];
  }

  /** The recurrent layer's zero state for a batch. */
  beginState(options: number | BeginStateOptions): NDArray[] {
    return this.rnn.beginState(options);
  }
}

function indexOfChar(charToIdx: CharToIdx, c: string): number {
  const i = charToIdx[c];
  if (i === undefined) {
    throw new ArgumentError(`predictRnnGluon: the character ${JSON.stringify(c)} is not in the vocabulary (${JSON.stringify(Object.keys(charToIdx).join(''))}); write the prefix with those only, e.g. in lowercase.`);
  }
  return i;
}

/** As d2l.predictRnn, for an RNNModel: warm up on the prefix, then feed back the argmax. */
export async function predictRnnGluon(prefix: string, numChars: number, model: RNNModel, vocabSize: number, ctx: Context | undefined, idxToChar: string[], charToIdx: CharToIdx): Promise<string> {
  if (typeof prefix !== 'string' || prefix.length === 0) throw new ArgumentError(`predictRnnGluon: prefix must be a non-empty string such as 'the time traveller', got ${JSON.stringify(prefix)}.`);
  if (!Number.isInteger(numChars) || numChars < 0) throw new ArgumentError(`predictRnnGluon: numChars must be a non-negative integer, got ${String(numChars)}.`);
  if (vocabSize !== model.vocabSize) throw new ArgumentError(`predictRnnGluon: vocabSize ${vocabSize} differs from the model's ${model.vocabSize}.`);
  const prefixIdx = Array.from(prefix, (c) => indexOfChar(charToIdx, c));
  let state = model.beginState({ batchSize: 1, ctx });
  const output = [prefixIdx[0]!];
  for (let t = 0; t < numChars + prefix.length - 1; t++) {
    const X = array([[output[output.length - 1]!]], { ctx }); // (1, 1): one sequence, one step
    const [Y, newState] = model.forward(X, state);
    state = newState;
    if (t < prefix.length - 1) output.push(prefixIdx[t + 1]!);
    else output.push(await Y.argmax({ axis: 1 }).asScalar());
  }
  return output.map((i) => idxToChar[i]).join('');
}

export interface TrainAndPredictRnnGluonOptions {
  model: RNNModel;
  vocabSize: number;
  ctx?: Context;
  corpusIndices: number[];
  idxToChar: string[];
  charToIdx: CharToIdx;
  numEpochs: number;
  numSteps: number;
  lr: number;
  clippingTheta: number;
  batchSize: number;
  predPeriod: number;
  predLen: number;
  prefixes: string[];
  /** Random sampling (default: fresh state per minibatch) or consecutive (state carried over, detached). */
  isRandomIter?: boolean;
  /** The Trainer's optimizer (default 'adam'). */
  optimizer?: 'sgd' | 'adam';
  /** The chart's legend entry (default 'train'). */
  label?: string;
}

export interface TrainAndPredictRnnGluonResult {
  /** Perplexity of each epoch, over the minibatches of that epoch. */
  perplexities: number[];
  /** Seconds each epoch took (its updates only, not the samples). */
  epochSeconds: number[];
}

/**
 * trainAndPredictRnn for an RNNModel: the mean cross-entropy of every predicted character,
 * gradient clipping of all parameters together, one Trainer step per minibatch.
 */
export async function trainAndPredictRnnGluon(o: TrainAndPredictRnnGluonOptions): Promise<TrainAndPredictRnnGluonResult> {
  const { model, vocabSize, ctx, corpusIndices, idxToChar, charToIdx, numEpochs, numSteps, lr, clippingTheta, batchSize, predPeriod, predLen, prefixes } = o;
  const isRandomIter = o.isRandomIter ?? true;
  const optimizer = o.optimizer ?? 'adam';
  if (optimizer !== 'sgd' && optimizer !== 'adam') throw new ArgumentError(`trainAndPredictRnnGluon: optimizer must be 'sgd' or 'adam', got ${JSON.stringify(optimizer)}.`);
  const params = [...model.collectParams().values()];
  const trainer = new Trainer(params, optimizer, { learningRate: lr });
  const loss = new SoftmaxCrossEntropyLoss();
  const animator = new Animator({ xLabel: 'epoch', yLabel: 'perplexity', legend: [o.label ?? 'train'], xLim: [1, numEpochs], yScale: 'log' });
  const pace = makePacer();
  const perplexities: number[] = [];
  const epochSeconds: number[] = [];
  const dataIterFn = isRandomIter ? dataIterRandom : dataIterConsecutive;
  let state: NDArray[] = [];
  for (let epoch = 0; epoch < numEpochs; epoch++) {
    if (!isRandomIter) state = model.beginState({ batchSize, ctx });
    let lSum = 0;
    let n = 0;
    const start = performance.now();
    for (const [X, Y] of dataIterFn(corpusIndices, batchSize, numSteps, ctx)) {
      if (isRandomIter) state = model.beginState({ batchSize, ctx });
      else state = state.map((s) => s.detach());
      const l = autograd.record(() => {
        const [out, newState] = model.forward(X, state); // (numSteps * batchSize, vocabSize)
        state = newState;
        return loss.forward(out, Y.T.reshape([-1])).mean(); // labels in the same time-major order
      });
      l.backward();
      await gradClipping(params.map((p) => p.data()), clippingTheta, ctx);
      trainer.step(1); // the loss is already a mean
      lSum += (await l.asScalar()) * Y.size;
      n += Y.size;
      await pace();
    }
    epochSeconds.push((performance.now() - start) / 1000);
    const perplexity = Math.exp(lSum / n);
    perplexities.push(perplexity);
    animator.add(epoch + 1, perplexity);
    if ((epoch + 1) % predPeriod === 0) {
      print(`epoch ${epoch + 1}, perplexity ${perplexity.toFixed(2)}, time ${epochSeconds[epoch]!.toFixed(2)} sec`);
      for (const prefix of prefixes) print(` - ${await predictRnnGluon(prefix, predLen, model, vocabSize, ctx, idxToChar, charToIdx)}`);
    }
  }
  return { perplexities, epochSeconds };
}
