import { beforeAll, describe, expect, it } from 'vitest';
import { d2l, nd, type NDArray } from '../../../../src/lib/index';
import type { DisplayOutput } from '../../../../src/lib/display';
import { captureDisplay } from '../../helpers/display';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

const idxToChar = ' abc'.split('');
const NUM_EPOCHS = 8;
const charToIdx = Object.fromEntries(idxToChar.map((c, i) => [c, i]));

/** A model without hidden state whose output at each step is the one-hot input times P. */
const linearRnn = (inputs: NDArray[], state: NDArray[], params: NDArray[]): [NDArray[], NDArray[]] => [inputs.map((X) => nd.dot(X, params[0]!)), state];
const noState = (batchSize: number, numHiddens: number): NDArray[] => [nd.zeros([batchSize, numHiddens])];

/** The model of "Recurrent neural networks from scratch": H = tanh(X Wxh + H Whh + bh), O = H Whq + bq. */
function tanhRnn(inputs: NDArray[], state: NDArray[], params: NDArray[]): [NDArray[], NDArray[]] {
  const [Wxh, Whh, bh, Whq, bq] = params as [NDArray, NDArray, NDArray, NDArray, NDArray];
  let H = state[0]!;
  const outputs: NDArray[] = [];
  for (const X of inputs) {
    H = nd.tanh(nd.dot(X, Wxh).add(nd.dot(H, Whh)).add(bh)); // (batch, hidden)
    outputs.push(nd.dot(H, Whq).add(bq)); // (batch, vocab)
  }
  return [outputs, [H]];
}

describe('d2l.predictRnn', () => {
  it('feeds the prefix, then each predicted character back in', async () => {
    // P sends ' ' -> 'a' -> 'b' -> 'c' -> ' ': every prediction is the next character in that cycle.
    const P = nd.array([
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
      [1, 0, 0, 0],
    ]);
    const out = await d2l.predictRnn('ca', 6, linearRnn, [P], noState, 1, 4, undefined, idxToChar, charToIdx);
    expect(out).toBe('cabc abc');
  });

  it('names the characters a prefix may use', async () => {
    await expect(d2l.predictRnn('aZ', 3, linearRnn, [nd.zeros([4, 4])], noState, 1, 4, undefined, idxToChar, charToIdx)).rejects.toThrow(
      /the character "Z" is not in the vocabulary \(4 characters: " abc"\)/,
    );
  });
});

describe('d2l.gradClipping', () => {
  it('rescales all gradients together to norm theta, and leaves small ones alone', async () => {
    const a = nd.zeros([2]);
    const b = nd.zeros([1]);
    a.attachGrad();
    b.attachGrad();
    a.grad.set(nd.array([3, 0]));
    b.grad.set(nd.array([4])); // joint norm 5
    expect(await d2l.gradClipping([a, b], 1)).toBeCloseTo(5, 5);
    expect(Array.from(await a.grad.data())).toEqual([expect.closeTo(0.6, 6), 0]);
    expect(await b.grad.asScalar()).toBeCloseTo(0.8, 6);
    expect(await d2l.gradClipping([a, b], 2)).toBeCloseTo(1, 5);
    expect(await b.grad.asScalar()).toBeCloseTo(0.8, 6); // norm 1 <= 2: unchanged
  });
});

describe('d2l.trainAndPredictRnn', () => {
  it('learns a text that needs memory: perplexity falls from about the vocabulary size to near 1', async () => {
    nd.random.seed(0);
    // After 'a' comes 'a' or 'b' depending on the character before: the hidden state must carry it.
    const corpusIndices = Array.from('aab '.repeat(40), (c) => charToIdx[c]!);
    const numHiddens = 16;
    const getParams = (): NDArray[] => {
      const params = [nd.random.normal(0, 0.1, [4, numHiddens]), nd.random.normal(0, 0.1, [numHiddens, numHiddens]), nd.zeros([numHiddens]), nd.random.normal(0, 0.1, [numHiddens, 4]), nd.zeros([4])];
      params.forEach((p) => p.attachGrad());
      return params;
    };
    const seen = captureDisplay();
    for (const isRandomIter of [true, false]) {
      const { params, perplexities } = await d2l.trainAndPredictRnn({
        rnn: tanhRnn,
        getParams,
        initRnnState: noState,
        numHiddens,
        vocabSize: 4,
        corpusIndices,
        idxToChar,
        charToIdx,
        isRandomIter,
        numEpochs: NUM_EPOCHS,
        numSteps: 8,
        lr: 3,
        clippingTheta: 1,
        batchSize: 4,
        predPeriod: NUM_EPOCHS,
        predLen: 8,
        prefixes: ['aab'],
      });
      expect(params.length).toBe(5);
      expect(perplexities.length).toBe(NUM_EPOCHS);
      // 4 (uniform) before training; the first epoch's average is measured while learning
      expect(perplexities[0]!).toBeGreaterThan(1.8);
      expect(perplexities[NUM_EPOCHS - 1]!).toBeLessThan(1.1);
      expect(await d2l.predictRnn('aab', 9, tanhRnn, params, noState, numHiddens, 4, undefined, idxToChar, charToIdx)).toBe('aab aab aab ');
    }
    const texts = seen.filter((o) => o.kind === 'text').map((o) => (o as { text: string }).text);
    expect(texts.some((t) => new RegExp(`^epoch ${NUM_EPOCHS}, perplexity \\d+\\.\\d\\d, time`).test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith(' - aab'))).toBe(true);
    const chart = seen.filter((o) => o.kind === 'chart').pop() as Extract<DisplayOutput, { kind: 'chart' }>;
    expect(chart.panels[0]!.series[0]!.y.length).toBe(NUM_EPOCHS);
  });
});
