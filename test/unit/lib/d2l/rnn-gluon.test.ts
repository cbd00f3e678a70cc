/**
 * d2l.RNNModel, d2l.predictRnnGluon and d2l.trainAndPredictRnnGluon: the Gluon language model
 * of "Recurrent Neural Networks with Gluon" and the sections after it.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { d2l, gluon, init, nd } from '../../../../src/lib/index';
import { setDisplayHook } from '../../../../src/lib/display';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);
afterEach(() => setDisplayHook(null));

const idxToChar = ' abc'.split('');
const charToIdx = Object.fromEntries(idxToChar.map((c, i) => [c, i]));

describe('d2l.RNNModel and its training', () => {
  it('scores every step of every sequence, in time-major order; the state has the layer shape', async () => {
    const model = new d2l.RNNModel(new gluon.rnn.LSTM(6), 4);
    model.initialize(new init.Normal(0.3));
    const X = nd.array([[0, 1, 2], [3, 2, 1]]); // (batch 2, steps 3)
    const [out, state] = model.forward(X, model.beginState({ batchSize: 2 }));
    expect(out.shape).toEqual([6, 4]);
    expect(state.map((s) => s.shape)).toEqual([[1, 2, 6], [1, 2, 6]]);
    await expect(d2l.predictRnnGluon('xa', 3, model, 4, undefined, idxToChar, charToIdx)).rejects.toThrow(/not in the vocabulary/);
  });

  it('learns a periodic text: perplexity falls to near 1, and the prediction continues the cycle', async () => {
    setDisplayHook(() => {});
    nd.random.seed(1);
    const corpus = Array.from({ length: 600 }, (_, i) => [1, 2, 3, 0][i % 4]!); // "abc abc ..."
    const model = new d2l.RNNModel(new gluon.rnn.GRU(16), 4);
    model.initialize(new init.Xavier());
    const { perplexities, epochSeconds } = await d2l.trainAndPredictRnnGluon({
      model, vocabSize: 4, corpusIndices: corpus, idxToChar, charToIdx, numEpochs: 15, numSteps: 8, lr: 0.05,
      clippingTheta: 1, batchSize: 8, predPeriod: 100, predLen: 4, prefixes: ['a'],
    });
    expect(perplexities[0]!).toBeGreaterThan(1.5);
    expect(perplexities[14]!).toBeLessThan(1.1);
    expect(epochSeconds.length).toBe(15);
    expect(await d2l.predictRnnGluon('ab', 6, model, 4, undefined, idxToChar, charToIdx)).toBe('abc abc ');
  });
});
