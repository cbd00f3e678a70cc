import { beforeAll, describe, expect, it } from 'vitest';
import { d2l, nd } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('d2l.loadDataTimeMachine', () => {
  it('gives the first 10000 characters, lowercase letters and spaces, as indices', async () => {
    const [corpusIndices, charToIdx, idxToChar, vocabSize] = await d2l.loadDataTimeMachine();
    expect(corpusIndices.length).toBe(10000);
    expect(vocabSize).toBe(27);
    expect(idxToChar.join('')).toBe(' abcdefghijklmnopqrstuvwxyz');
    idxToChar.forEach((c, i) => expect(charToIdx[c]).toBe(i));
    const text = corpusIndices.slice(0, 60).map((i) => idxToChar[i]).join('');
    // "The Time Machine, by H. G. Wells [1898]\n\n\n\n\nI\n\n\nThe Time Traveller (for so ..."
    expect(text).toBe('the time machine by h g wells i the time traveller for so it');
  });

  it('keeps the whole book with maxChars: Infinity, and refuses a bad maxChars', async () => {
    const raw = await d2l.readTimeMachine();
    const [corpusIndices, , , vocabSize] = await d2l.loadDataTimeMachine({ maxChars: Infinity });
    expect(vocabSize).toBe(27);
    expect(corpusIndices.length).toBe(raw.toLowerCase().replace(/[^a-z]+/g, ' ').length);
    expect(corpusIndices.length).toBeGreaterThan(150000);
    await expect(d2l.loadDataTimeMachine({ maxChars: 0 })).rejects.toThrow(/maxChars must be an integer of at least 2/);
  });
});

describe('d2l.dataIterRandom', () => {
  it('yields random, non-overlapping subsequences with labels shifted by one', async () => {
    const corpus = range(30);
    nd.random.seed(1);
    const starts: number[] = [];
    let batches = 0;
    for (const [X, Y] of d2l.dataIterRandom(corpus, 2, 6)) {
      expect(X.shape).toEqual([2, 6]);
      expect(Y.shape).toEqual([2, 6]);
      const x = (await X.toArray()) as number[][];
      const y = (await Y.toArray()) as number[][];
      x.forEach((row, r) => {
        expect(row[0]! % 6).toBe(0); // subsequences start at multiples of numSteps
        expect(row).toEqual(range(6).map((k) => row[0]! + k));
        expect(y[r]).toEqual(row.map((v) => v + 1));
        starts.push(row[0]!);
      });
      batches++;
    }
    // (30 - 1) / 6 = 4 subsequences, 2 minibatches of 2, each subsequence once
    expect(batches).toBe(2);
    expect([...starts].sort((a, b) => a - b)).toEqual([0, 6, 12, 18]);
  });

  it('draws another order with another seed, the same with the same seed', () => {
    const order = async (seed: number): Promise<number[]> => {
      nd.random.seed(seed);
      const out: number[] = [];
      for (const [X] of d2l.dataIterRandom(range(200), 4, 5)) out.push(...((await X.get(':', 0).toArray()) as number[]));
      return out;
    };
    return Promise.all([order(3), order(3), order(4)]).then(([a, b, c]) => {
      expect(a).toEqual(b);
      expect(a).not.toEqual(c);
    });
  });

  it('says what to change when the corpus is too short for one minibatch', () => {
    expect(() => d2l.dataIterRandom(range(10), 4, 5).next()).toThrow(/fewer than one batch of 4; use a smaller batchSize or numSteps/);
  });
});

describe('d2l.dataIterConsecutive', () => {
  it('yields minibatches whose rows continue the rows of the previous one', async () => {
    const corpus = range(30);
    const xs: number[][][] = [];
    for (const [X, Y] of d2l.dataIterConsecutive(corpus, 2, 6)) {
      const x = (await X.toArray()) as number[][];
      expect(await Y.toArray()).toEqual(x.map((row) => row.map((v) => v + 1)));
      xs.push(x);
    }
    // rows 0..14 and 15..29; (15 - 1) / 6 = 2 minibatches
    expect(xs).toEqual([
      [range(6), range(6).map((k) => 15 + k)],
      [range(6).map((k) => 6 + k), range(6).map((k) => 21 + k)],
    ]);
  });
});

describe('d2l.toOnehot', () => {
  it('gives one (batchSize, size) array per time step', async () => {
    const X = nd.array([
      [0, 2, 1],
      [3, 3, 0],
    ]);
    const inputs = d2l.toOnehot(X, 4);
    expect(inputs.length).toBe(3);
    expect(inputs[0]!.shape).toEqual([2, 4]);
    expect(await inputs[1]!.toArray()).toEqual([
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect(() => d2l.toOnehot(nd.array([1, 2]), 4)).toThrow(/X must be a 2-d NDArray \(batchSize, numSteps\)/);
  });
});
