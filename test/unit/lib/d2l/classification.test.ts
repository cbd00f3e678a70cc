/**
 * d2l's classification helpers (accuracy, evaluateAccuracy, trainCh3, predictCh3) on small
 * synthetic problems whose answers are known: exact accuracies, a separable three-class
 * problem that training must solve (from scratch and with Gluon), and a diverging run that
 * must stop with a message naming the epoch and the step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { d2l, gluon, init, nd, type NDArray, ArgumentError } from '../../../../src/lib/index';
import { captureDisplay } from '../../helpers/display';
import { TrainingDivergedError } from '../../../../src/lib/d2l/classification';
import type { DataLoader } from '../../../../src/lib/gluon/data/dataloader';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);


/** Three well-separated clusters in 2-D around (4, 0), (-4, 0), (0, 4): a linear model can classify all of them. */
function blobs(n: number): [NDArray, NDArray] {
  const centers = [[4, 0], [-4, 0], [0, 4]];
  const labels = Array.from({ length: n }, (_, i) => i % 3);
  const noise = nd.random.normal(0, 0.5, [n, 2]);
  const X = nd.array(labels.map((c) => centers[c]!)).add(noise); // (n, 2)
  return [X, nd.array(labels, { dtype: 'int32' })];
}

function loaders(batchSize: number): [DataLoader, DataLoader] {
  const [Xtr, ytr] = blobs(300);
  const [Xte, yte] = blobs(90);
  return [
    new gluon.data.DataLoader(new gluon.data.ArrayDataset(Xtr, ytr), { batchSize, shuffle: true }),
    new gluon.data.DataLoader(new gluon.data.ArrayDataset(Xte, yte), { batchSize }),
  ];
}

const crossEntropy = (yHat: NDArray, y: NDArray): NDArray => nd.logSoftmax(yHat).pick(y).neg(); // (batch,)

describe('d2l classification helpers', () => {
  it('accuracy is the fraction of rows whose largest score is at the label', async () => {
    const yHat = nd.array([[0.1, 0.8, 0.1], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6]]);
    expect(await d2l.accuracy(yHat, nd.array([1, 2, 2], { dtype: 'int32' }))).toBeCloseTo(2 / 3, 6);
    expect(await d2l.accuracy(yHat, nd.array([1, 0, 2]))).toBe(1);
  });

  it('evaluateAccuracy counts over every batch, the shorter last one included, for functions and Blocks', async () => {
    // Scores that pick class (x > 0 ? 1 : 0) for a single feature x.
    const X = nd.array([[-1], [2], [3], [-4], [5], [-6], [7]]); // (7, 1)
    const y = nd.array([0, 1, 0, 0, 1, 1, 1], { dtype: 'int32' }); // 5 of 7 agree with the rule
    const iter = new gluon.data.DataLoader(new gluon.data.ArrayDataset(X, y), { batchSize: 3 });
    const net = (x: NDArray): NDArray => nd.concat(x.neg(), x, { dim: 1 }); // (batch, 2)
    expect(await d2l.evaluateAccuracy(iter, net)).toBeCloseTo(5 / 7, 6);
    const block = new gluon.nn.Dense(2, { inUnits: 1 });
    block.initialize();
    block.weight.setData(nd.array([[-1], [1]]));
    block.bias!.setData(nd.zeros([2]));
    expect(await d2l.evaluateAccuracy(iter, block)).toBeCloseTo(5 / 7, 6);
  });

  it('trainCh3 from scratch (params + lr) learns a separable problem, printing each epoch and charting it', async () => {
    nd.random.seed(7);
    const [trainIter, testIter] = loaders(30);
    const W = nd.random.normal(0, 0.01, [2, 3]);
    const b = nd.zeros([3]);
    W.attachGrad();
    b.attachGrad();
    const net = (X: NDArray): NDArray => nd.dot(X, W).add(b); // (batch, 3)
    const outputs = captureDisplay();
    await d2l.trainCh3(net, trainIter, testIter, crossEntropy, 3, 30, [W, b], 0.1);
    const lines = outputs.filter((o) => o.kind === 'text').map((o) => (o.kind === 'text' ? o.text : ''));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^epoch 3, loss \d\.\d{4}, train acc \d\.\d{3}, test acc \d\.\d{3}\n$/);
    const charts = outputs.filter((o) => o.kind === 'chart');
    const last = charts[charts.length - 1]!;
    expect(last.kind === 'chart' && last.panels[0]!.series.map((s) => s.name)).toEqual(['train loss', 'train acc', 'test acc']);
    expect(last.kind === 'chart' && last.panels[0]!.series[2]!.x).toEqual([1, 2, 3]); // test accuracy once per epoch
    expect(await d2l.evaluateAccuracy(testIter, net)).toBeGreaterThan(0.95);
  });

  it('trainCh3 with a Gluon net, loss and trainer', async () => {
    nd.random.seed(8);
    const [trainIter, testIter] = loaders(30);
    const net = new gluon.nn.Sequential();
    net.add(new gluon.nn.Dense(3));
    net.initialize(new init.Normal(0.01));
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
    captureDisplay();
    await d2l.trainCh3(net, trainIter, testIter, new gluon.loss.SoftmaxCrossEntropyLoss(), 3, 30, null, null, trainer);
    expect(await d2l.evaluateAccuracy(testIter, net)).toBeGreaterThan(0.95);
  });

  it('trainCh3 stops when the loss becomes infinite, naming the epoch, the step and what to try', async () => {
    nd.random.seed(9);
    const [trainIter, testIter] = loaders(30);
    // Huge initial weights and a naive softmax (exp without subtracting the row's maximum):
    // exp overflows to inf in float32, inf / inf is NaN. The loss is 1 - p(y), not -log p(y):
    // WebGPU's log (SwiftShader, measured) returns about 88 in magnitude for 0 and for NaN, so a
    // cross-entropy would stay finite there while the probabilities are NaN.
    const W = nd.random.normal(0, 1000, [2, 3]);
    const b = nd.zeros([3]);
    W.attachGrad();
    b.attachGrad();
    const net = (X: NDArray): NDArray => nd.dot(X, W).add(b);
    const naive = (yHat: NDArray, y: NDArray): NDArray => {
      const e = yHat.exp(); // (batch, 3)
      return e.div(e.sum({ axis: 1, keepDims: true })).pick(y).neg().add(1); // (batch,)
    };
    captureDisplay();
    const run = d2l.trainCh3(net, trainIter, testIter, naive, 2, 30, [W, b], 0.1);
    await expect(run).rejects.toThrow(TrainingDivergedError);
    await expect(d2l.trainCh3(net, trainIter, testIter, naive, 2, 30, [W, b], 0.1)).rejects.toThrow(
      /loss became (infinite|NaN) at epoch 1, step 1 of 10 .*learning rate \(0\.1\).*initial weights/,
    );
  });

  it('trainCh3 says what it needs when neither params and lr nor a trainer are given', async () => {
    const [trainIter, testIter] = loaders(30);
    const net = (X: NDArray): NDArray => X;
    await expect(d2l.trainCh3(net, trainIter, testIter, crossEntropy, 1, 30)).rejects.toThrow(ArgumentError);
    await expect(d2l.trainCh3(net, trainIter, testIter, crossEntropy, 0, 30, [nd.zeros([1])], 0.1)).rejects.toThrow(/numEpochs must be a positive integer/);
  });

  it('predictCh3 shows the first n images titled with the true and the predicted label', async () => {
    const X = nd.random.uniform(0, 1, [8, 1, 28, 28]);
    const y = nd.array([9, 2, 1, 1, 6, 1, 4, 6], { dtype: 'int32' });
    const iter = new gluon.data.DataLoader(new gluon.data.ArrayDataset(X, y), { batchSize: 8 });
    const alwaysSneaker = (x: NDArray): NDArray => nd.oneHot(nd.full([x.shape[0]!], 7), 10); // (batch, 10)
    const outputs = captureDisplay();
    await d2l.predictCh3(alwaysSneaker, iter, 4);
    const images = outputs.find((o) => o.kind === 'images');
    expect(images?.kind === 'images' && images.images.map((i) => i.title)).toEqual(['ankle boot\nsneaker', 'pullover\nsneaker', 'trouser\nsneaker', 'trouser\nsneaker']);
  });
});
