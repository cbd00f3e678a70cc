/**
 * Training character-level recurrent networks, introduced in "Recurrent neural networks from
 * scratch" (chapters/06-recurrent-networks/01-rnn-scratch.md): prediction by feeding each
 * output back as the next input, gradient clipping, and the training loop that reports
 * perplexity and samples text as the model learns.
 *
 * A model is three functions and its parameters, as in that section:
 *   initRnnState(batchSize, numHiddens, ctx) -> state (a list of arrays, e.g. [H])
 *   rnn(inputs, state, params) -> [outputs, state]   inputs/outputs: one array per time step
 *   getParams() -> params (arrays with attached gradients)
 */
import { autograd } from '../autograd/index';
import type { Context } from '../engine/context';
import { ArgumentError } from '../nd/errors';
import { NDArray } from '../nd/ndarray';
import { array } from '../nd/ops/creation';
import { concat, reshape, transpose } from '../nd/ops/shape';
import { SoftmaxCrossEntropyLoss } from '../gluon/loss/softmax-cross-entropy-loss';
import { Animator } from './animator';
import { makePacer } from './pacing';
import { sgd } from './linear-regression';
import { adam, initAdamStates } from './adam';
import { print } from '../display';
import { dataIterConsecutive, dataIterRandom, toOnehot, type CharToIdx } from './text';

export type RnnState = NDArray[];
export type RnnFn = (inputs: NDArray[], state: RnnState, params: NDArray[]) => [NDArray[], RnnState];
export type InitRnnState = (batchSize: number, numHiddens: number, ctx?: Context) => RnnState;

function indexOfChar(charToIdx: CharToIdx, c: string, where: string): number {
  const i = charToIdx[c];
  if (i === undefined) {
    throw new ArgumentError(`${where}: the character ${JSON.stringify(c)} is not in the vocabulary (${Object.keys(charToIdx).length} characters: ${JSON.stringify(Object.keys(charToIdx).join(''))}); write the prefix with those only, e.g. in lowercase.`);
  }
  return i;
}

/**
 * Continues `prefix` by numChars characters. The prefix is fed one character at a time to warm
 * up the hidden state; after it, each step's most likely character (argmax of the outputs)
 * becomes the next input.
 */
export async function predictRnn(
  prefix: string,
  numChars: number,
  rnn: RnnFn,
  params: NDArray[],
  initRnnState: InitRnnState,
  numHiddens: number,
  vocabSize: number,
  ctx: Context | undefined,
  idxToChar: string[],
  charToIdx: CharToIdx,
): Promise<string> {
  if (typeof prefix !== 'string' || prefix.length === 0) throw new ArgumentError(`predictRnn: prefix must be a non-empty string such as 'the time traveller', got ${JSON.stringify(prefix)}.`);
  if (!Number.isInteger(numChars) || numChars < 0) throw new ArgumentError(`predictRnn: numChars must be a non-negative integer, got ${String(numChars)}.`);
  const prefixIdx = Array.from(prefix, (c) => indexOfChar(charToIdx, c, 'predictRnn'));
  let state = initRnnState(1, numHiddens, ctx);
  const output = [prefixIdx[0]!];
  for (let t = 0; t < numChars + prefix.length - 1; t++) {
    const X = toOnehot(array([[output[output.length - 1]!]], { ctx }), vocabSize); // [(1, vocabSize)]
    const [Y, newState] = rnn(X, state, params);
    state = newState;
    if (t < prefix.length - 1) output.push(prefixIdx[t + 1]!);
    else output.push(await Y[0]!.argmax({ axis: 1 }).asScalar());
  }
  return output.map((i) => idxToChar[i]).join('');
}

/**
 * Gradient clipping: when the gradients of all parameters, seen as one vector g, are longer
 * than theta, they are scaled back to length theta:  g <- min(1, theta / ||g||) g.
 * Resolves to ||g|| before clipping.
 */
export async function gradClipping(params: NDArray[], theta: number, ctx?: Context): Promise<number> {
  if (!(theta > 0)) throw new ArgumentError(`gradClipping: theta must be a positive number (the largest gradient norm allowed), got ${String(theta)}.`);
  let sumSq = array([0], { ctx });
  for (const param of params) sumSq = sumSq.add(param.grad.square().sum());
  const norm = await sumSq.sqrt().asScalar();
  if (norm > theta) {
    for (const param of params) param.grad.set(param.grad.mul(theta / norm));
  }
  return norm;
}

export interface TrainAndPredictRnnOptions {
  rnn: RnnFn;
  getParams: () => NDArray[];
  initRnnState: InitRnnState;
  numHiddens: number;
  vocabSize: number;
  ctx?: Context;
  corpusIndices: number[];
  idxToChar: string[];
  charToIdx: CharToIdx;
  /** Random sampling (fresh state per minibatch) or consecutive (state carried over, detached). */
  isRandomIter: boolean;
  numEpochs: number;
  numSteps: number;
  lr: number;
  clippingTheta: number;
  batchSize: number;
  /** Every predPeriod epochs: print the perplexity and continue each prefix by predLen characters. */
  predPeriod: number;
  predLen: number;
  prefixes: string[];
  /** 'sgd' (default): d2l.sgd on the mean loss; 'adam': the section's from-scratch Adam, with learning rate lr. */
  optimizer?: 'sgd' | 'adam';
}

export interface TrainAndPredictRnnResult {
  params: NDArray[];
  /** Perplexity of each epoch, over the minibatches of that epoch. */
  perplexities: number[];
}

/**
 * Trains the model on the mean cross-entropy of every predicted character, with gradient
 * clipping before each SGD or Adam update, and shows the perplexity per epoch in a live chart:
 *   perplexity = exp(mean over all predicted characters of -log p(true next character)).
 */
export async function trainAndPredictRnn(o: TrainAndPredictRnnOptions): Promise<TrainAndPredictRnnResult> {
  const { rnn, getParams, initRnnState, numHiddens, vocabSize, ctx, corpusIndices, idxToChar, charToIdx } = o;
  const { isRandomIter, numEpochs, numSteps, lr, clippingTheta, batchSize, predPeriod, predLen, prefixes } = o;
  const optimizer = o.optimizer ?? 'sgd';
  if (optimizer !== 'sgd' && optimizer !== 'adam') throw new ArgumentError(`trainAndPredictRnn: optimizer must be 'sgd' or 'adam', got ${JSON.stringify(optimizer)}.`);
  const dataIterFn = isRandomIter ? dataIterRandom : dataIterConsecutive;
  const params = getParams();
  const adamStates = initAdamStates(params);
  const hyperparams = { lr, t: 0 };
  const loss = new SoftmaxCrossEntropyLoss();
  const animator = new Animator({ xLabel: 'epoch', yLabel: 'perplexity', legend: ['train'], xLim: [1, numEpochs], yScale: 'log' });
  const pace = makePacer();
  const perplexities: number[] = [];
  let state: RnnState = [];
  for (let epoch = 0; epoch < numEpochs; epoch++) {
    if (!isRandomIter) state = initRnnState(batchSize, numHiddens, ctx); // consecutive: one state per epoch
    let lSum = 0;
    let n = 0;
    const start = performance.now();
    for (const [X, Y] of dataIterFn(corpusIndices, batchSize, numSteps, ctx)) {
      if (isRandomIter) state = initRnnState(batchSize, numHiddens, ctx); // unrelated to the last minibatch
      else state = state.map((s) => s.detach()); // keep the values, cut the graph to earlier minibatches
      const l = autograd.record(() => {
        const inputs = toOnehot(X, vocabSize); // numSteps x (batchSize, vocabSize)
        const [outputs, newState] = rnn(inputs, state, params);
        state = newState;
        const yHat = concat(outputs, { dim: 0 }); // (numSteps * batchSize, vocabSize), time-major
        const y = reshape(transpose(Y), [-1]); // (numSteps * batchSize,), the same order
        return loss.forward(yHat, y).mean();
      });
      l.backward();
      await gradClipping(params, clippingTheta, ctx);
      if (optimizer === 'adam') adam(params, adamStates, hyperparams);
      else sgd(params, lr, 1); // the loss is already a mean over the minibatch: no 1/batchSize
      lSum += (await l.asScalar()) * Y.size;
      n += Y.size;
      await pace();
    }
    const perplexity = Math.exp(lSum / n);
    perplexities.push(perplexity);
    animator.add(epoch + 1, perplexity);
    if ((epoch + 1) % predPeriod === 0) {
      print(`epoch ${epoch + 1}, perplexity ${perplexity.toFixed(2)}, time ${((performance.now() - start) / 1000).toFixed(2)} sec`);
      for (const prefix of prefixes) print(` - ${await predictRnn(prefix, predLen, rnn, params, initRnnState, numHiddens, vocabSize, ctx, idxToChar, charToIdx)}`);
    }
  }
  return { params, perplexities };
}
