/**
 * Text as data for language models, introduced in "Recurrent neural networks from scratch"
 * (chapters/06-recurrent-networks/01-rnn-scratch.md): H. G. Wells's *The Time Machine* as a
 * sequence of character indices, minibatches of subsequences drawn from it (random or
 * consecutive), and one-hot inputs, one array per time step.
 */
import { loadText } from '../assets';
import type { Context } from '../engine/context';
import { ArgumentError, ShapeError, fmtShape } from '../nd/errors';
import { NDArray } from '../nd/ndarray';
import { array } from '../nd/ops/creation';
import { shuffle } from '../nd/ops/random';

/** The raw text of *The Time Machine* (public/data/timemachine.txt), as one string. */
export async function readTimeMachine(): Promise<string> {
  return loadText('timemachine.txt');
}

/** A character's index in the vocabulary: charToIdx['e']. */
export type CharToIdx = Record<string, number>;

export interface LoadTimeMachineOptions {
  /** Keep only the first maxChars characters after cleaning (default 10000); Infinity keeps the whole book. */
  maxChars?: number;
}

/**
 * The book as a language-modelling corpus of characters:
 * `[corpusIndices, charToIdx, idxToChar, vocabSize]`.
 * Cleaning: lowercase, and every run of non-letters (punctuation, digits, line breaks)
 * becomes one space, so the vocabulary is the 26 letters and the space (27 characters).
 */
export async function loadDataTimeMachine(options: LoadTimeMachineOptions = {}): Promise<[number[], CharToIdx, string[], number]> {
  const maxChars = options.maxChars ?? 10000;
  if (!(maxChars === Infinity || (Number.isInteger(maxChars) && maxChars > 1))) {
    throw new ArgumentError(`loadDataTimeMachine: maxChars must be an integer of at least 2 (e.g. 10000), or Infinity for the whole book; got ${String(maxChars)}.`);
  }
  const text = (await readTimeMachine()).toLowerCase().replace(/[^a-z]+/g, ' ').slice(0, maxChars);
  const idxToChar = Array.from(new Set(text)).sort(); // ' ' sorts before the letters
  const charToIdx: CharToIdx = Object.fromEntries(idxToChar.map((c, i) => [c, i]));
  const corpusIndices = Array.from(text, (c) => charToIdx[c]!);
  return [corpusIndices, charToIdx, idxToChar, idxToChar.length];
}

function checkIterArgs(fn: string, corpusIndices: number[], batchSize: number, numSteps: number): void {
  if (!Array.isArray(corpusIndices)) throw new ArgumentError(`${fn}: corpusIndices must be a plain array of character indices (from loadDataTimeMachine), got ${typeof corpusIndices}.`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new ArgumentError(`${fn}: batchSize must be a positive integer such as 32, got ${String(batchSize)}.`);
  if (!Number.isInteger(numSteps) || numSteps < 1) throw new ArgumentError(`${fn}: numSteps must be a positive integer such as 35, got ${String(numSteps)}.`);
}

/**
 * Random sampling: the corpus is cut into non-overlapping subsequences of numSteps characters
 * (the last character is only ever a label); each minibatch takes batchSize of them in a
 * random order. Y is X shifted by one character: the character to predict at each step.
 * Yields [X, Y], both (batchSize, numSteps). Neighbouring minibatches are not adjacent in the
 * text, so a model's hidden state must start afresh for each one.
 */
export function* dataIterRandom(corpusIndices: number[], batchSize: number, numSteps: number, ctx?: Context): Generator<[NDArray, NDArray]> {
  checkIterArgs('dataIterRandom', corpusIndices, batchSize, numSteps);
  const numExamples = Math.floor((corpusIndices.length - 1) / numSteps);
  const epochSize = Math.floor(numExamples / batchSize);
  if (epochSize === 0) {
    throw new ArgumentError(`dataIterRandom: a corpus of ${corpusIndices.length} characters holds ${numExamples} subsequences of ${numSteps}, fewer than one batch of ${batchSize}; use a smaller batchSize or numSteps.`);
  }
  const exampleIndices = shuffle(Array.from({ length: numExamples }, (_, i) => i));
  const seq = (pos: number): number[] => corpusIndices.slice(pos, pos + numSteps);
  for (let i = 0; i < epochSize; i++) {
    const batchIndices = exampleIndices.slice(i * batchSize, (i + 1) * batchSize);
    const X = array(batchIndices.map((j) => seq(j * numSteps)), { ctx }); // (batchSize, numSteps)
    const Y = array(batchIndices.map((j) => seq(j * numSteps + 1)), { ctx }); // (batchSize, numSteps)
    yield [X, Y];
  }
}

/**
 * Consecutive sampling: the corpus is laid out as batchSize rows of equal length, and the
 * minibatches walk along them numSteps at a time, so row i of one minibatch continues row i
 * of the previous one (a model may carry its hidden state across minibatches).
 * Yields [X, Y], both (batchSize, numSteps).
 */
export function* dataIterConsecutive(corpusIndices: number[], batchSize: number, numSteps: number, ctx?: Context): Generator<[NDArray, NDArray]> {
  checkIterArgs('dataIterConsecutive', corpusIndices, batchSize, numSteps);
  const batchLen = Math.floor(corpusIndices.length / batchSize);
  const epochSize = Math.floor((batchLen - 1) / numSteps);
  if (epochSize === 0) {
    throw new ArgumentError(`dataIterConsecutive: a corpus of ${corpusIndices.length} characters in ${batchSize} rows gives rows of ${batchLen}, too short for one step of ${numSteps} plus its label; use a smaller batchSize or numSteps.`);
  }
  const rows = Array.from({ length: batchSize }, (_, r) => corpusIndices.slice(r * batchLen, (r + 1) * batchLen));
  for (let i = 0; i < epochSize; i++) {
    const start = i * numSteps;
    const X = array(rows.map((row) => row.slice(start, start + numSteps)), { ctx }); // (batchSize, numSteps)
    const Y = array(rows.map((row) => row.slice(start + 1, start + numSteps + 1)), { ctx }); // (batchSize, numSteps)
    yield [X, Y];
  }
}

/**
 * One-hot inputs, one array per time step: X (batchSize, numSteps) of indices becomes a list
 * of numSteps arrays of shape (batchSize, size), where row b of step t is the one-hot vector
 * of X[b, t].
 */
export function toOnehot(X: NDArray, size: number): NDArray[] {
  if (!(X instanceof NDArray) || X.ndim !== 2) {
    throw new ShapeError(`toOnehot: X must be a 2-d NDArray (batchSize, numSteps) of indices, got ${X instanceof NDArray ? `shape ${fmtShape(X.shape)}` : typeof X}.`);
  }
  if (!Number.isInteger(size) || size < 1) throw new ArgumentError(`toOnehot: size must be the vocabulary size (a positive integer), got ${String(size)}.`);
  const numSteps = X.shape[1]!;
  return Array.from({ length: numSteps }, (_, t) => X.get(':', t).oneHot(size)); // each (batchSize, size)
}
