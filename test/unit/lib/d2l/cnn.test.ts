/**
 * d2l's convolutional helpers: corr2d against the definition and against nd.convolution, its
 * gradient (learning an edge kernel), the Timer, and trainCh5 on a small image problem whose
 * answer is known (which half of the image is bright), including its divergence stop.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, d2l, gluon, init, mx, nd, type NDArray } from '../../../../src/lib/index';
import type { DisplayOutput } from '../../../../src/lib/display';
import { captureDisplay } from '../../helpers/display';
import { TrainingDivergedError } from '../../../../src/lib/d2l/classification';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);


/** Images (n, 1, 6, 6) with one half brighter than the other; label 0: left half bright, 1: right half. */
function halves(n: number): [NDArray, NDArray] {
  const labels = Array.from({ length: n }, (_, i) => i % 2);
  const images = labels.map((c) => [Array.from({ length: 6 }, () => Array.from({ length: 6 }, (_, col) => ((col < 3) === (c === 0) ? 1 : 0)))]);
  const X = nd.array(images).add(nd.random.normal(0, 0.2, [n, 1, 6, 6])); // (n, 1, 6, 6)
  return [X, nd.array(labels, { dtype: 'int32' })];
}

describe('d2l.corr2d', () => {
  it('matches the definition Y[i, j] = sum X[i + a, j + b] K[a, b] on a worked example', async () => {
    const X = nd.array([[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
    const K = nd.array([[0, 1], [2, 3]]);
    expect(await d2l.corr2d(X, K).toArray()).toEqual([[19, 25], [37, 43]]);
  });

  it('agrees with nd.convolution for a random input and kernel', async () => {
    const X = nd.random.normal(0, 1, [7, 9]);
    const K = nd.random.normal(0, 1, [3, 2]);
    const ours = Array.from(await d2l.corr2d(X, K).data());
    const conv = Array.from(await nd.convolution(X.reshape([1, 1, 7, 9]), K.reshape([1, 1, 3, 2]), null).data());
    expect(ours.length).toBe(5 * 8);
    ours.forEach((v, i) => expect(v).toBeCloseTo(conv[i]!, 4));
  });

  it('is differentiable in the kernel: gradient descent recovers the edge detector [1, -1]', async () => {
    const X = nd.ones([6, 8]);
    X.set(0, ':', '2:6');
    const Y = d2l.corr2d(X, nd.array([[1, -1]]));
    const K = nd.array([[0.3, 0.2]]);
    K.attachGrad();
    for (let i = 0; i < 30; i++) {
      const l = autograd.record(() => d2l.corr2d(X, K).sub(Y).square().sum());
      l.backward();
      K.set(K.sub(K.grad.mul(0.03)));
    }
    const [k0, k1] = Array.from(await K.data());
    expect(Math.abs(k0! - 1)).toBeLessThan(0.05);
    expect(Math.abs(k1! + 1)).toBeLessThan(0.05);
  });

  it('explains bad shapes', () => {
    expect(() => d2l.corr2d(nd.ones([2, 2]), nd.ones([3, 1]))).toThrow(/larger than the input/);
    expect(() => d2l.corr2d(nd.ones([1, 2, 2]), nd.ones([1, 1]))).toThrow(/must be 2-D/);
  });
});

describe('d2l.Timer', () => {
  it('records laps, their sum, mean and running totals', async () => {
    const timer = new d2l.Timer();
    await new Promise((r) => setTimeout(r, 20));
    const first = timer.stop();
    timer.start();
    const second = timer.stop();
    expect(first).toBeGreaterThanOrEqual(0.015);
    expect(timer.times).toEqual([first, second]);
    expect(timer.sum()).toBeCloseTo(first + second, 9);
    expect(timer.avg()).toBeCloseTo((first + second) / 2, 9);
    expect(timer.cumsum()).toEqual([first, first + second]);
    expect(() => timer.stop()).toThrow(/no lap is running/);
  });
});

describe('d2l.trainCh5', () => {
  function lenetLike() {
    const net = new gluon.nn.Sequential();
    net.add(new gluon.nn.Conv2D(4, 3, { activation: 'relu' }), new gluon.nn.MaxPool2D(2, { strides: 2 }), new gluon.nn.Dense(2));
    net.initialize(new init.Xavier());
    return net;
  }

  it('trains a small CNN to tell which half of the image is bright, charting and printing each epoch', async () => {
    const outputs = captureDisplay();
    const [Xtr, ytr] = halves(128);
    const [Xte, yte] = halves(64);
    const trainIter = new gluon.data.DataLoader(new gluon.data.ArrayDataset(Xtr, ytr), { batchSize: 16, shuffle: true });
    const testIter = new gluon.data.DataLoader(new gluon.data.ArrayDataset(Xte, yte), { batchSize: 16 });
    const net = lenetLike();
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
    const result = await d2l.trainCh5(net, trainIter, testIter, 16, trainer, mx.currentContext(), 3);
    expect(result.history.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(result.testAcc).toBeGreaterThan(0.95);
    expect(result.trainLoss).toBeLessThan(result.history[0]!.trainLoss);
    expect(result.testAcc).toBe(await d2l.evaluateAccuracy(testIter, net));
    expect(result.examplesPerSec).toBeGreaterThan(0);
    const texts = outputs.filter((o) => o.kind === 'text').map((o) => (o as { text: string }).text).join('');
    expect(texts).toMatch(/^training on \w+\(0\)/);
    expect(texts).toMatch(/epoch 3, loss [\d.]+, train acc [\d.]+, test acc [\d.]+/);
    expect(texts).toMatch(/examples\/sec on/);
    const charts = outputs.filter((o) => o.kind === 'chart');
    const last = charts[charts.length - 1] as Extract<DisplayOutput, { kind: 'chart' }>;
    expect(last.panels[0]!.series.map((s) => s.name)).toEqual(['train loss', 'train acc', 'test acc']);
    expect(last.panels[0]!.series[2]!.x).toEqual([1, 2, 3]);
  });

  it('stops with a clear error when the loss diverges', async () => {
    captureDisplay();
    const [X, y] = halves(64);
    // Every image twice, once with each label: no network fits both, so the loss cannot reach 0
    // (a random net on separable 1e30-scaled images sometimes did, with zero gradients: no divergence).
    const flipped = nd.array(Array.from({ length: 64 }, (_, i) => 1 - (i % 2)), { dtype: 'int32' });
    const both = nd.concat(X, X, { dim: 0 }).mul(1e30); // (128, 1, 6, 6)
    const iter = new gluon.data.DataLoader(new gluon.data.ArrayDataset(both, nd.concat(y, flipped, { dim: 0 })), { batchSize: 8, shuffle: true });
    const net = lenetLike();
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 1e10 });
    const run = d2l.trainCh5(net, iter, iter, 8, trainer, mx.currentContext(), 2);
    await expect(run).rejects.toThrow(TrainingDivergedError);
    await expect(d2l.trainCh5(net, iter, iter, 8, trainer, mx.currentContext(), 2)).rejects.toThrow(/loss became (NaN|infinite)/);
  });

  it('refuses a model from scratch or a missing trainer with directions', async () => {
    const net = lenetLike();
    const [X, y] = halves(8);
    const iter = new gluon.data.DataLoader(new gluon.data.ArrayDataset(X, y), { batchSize: 8 });
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
    const scratch = (x: NDArray): NDArray => x;
    await expect(d2l.trainCh5(scratch as never, iter, iter, 8, trainer, mx.currentContext(), 1)).rejects.toThrow(/d2l\.trainCh3/);
    await expect(d2l.trainCh5(net, iter, iter, 8, null as never, mx.currentContext(), 1)).rejects.toThrow(/must be a gluon\.Trainer/);
    await expect(d2l.trainCh5(net, iter, iter, 8, trainer, mx.currentContext(), 0)).rejects.toThrow(/numEpochs must be a positive integer/);
  });
});
