/**
 * gluon.loss: per-example outputs (batch,) as Gluon, values against hand computations and
 * TensorFlow.js's own losses, stability with logits of +-1000, and gradients against
 * tf.grads and central finite differences.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { autograd, gluon, nd, ArgumentError, ShapeError, type NDArray } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../../../helpers/check-op';

beforeAll(useBackend);

const { L2Loss, L1Loss, SoftmaxCrossEntropyLoss, SoftmaxCELoss, SigmoidBinaryCrossEntropyLoss, SigmoidBCELoss } = gluon.loss;
const NONE = tf.Reduction.NONE;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('losses are Blocks printed as Gluon', () => {
  it('repr, prefixes, defaults', () => {
    expect(new L2Loss().toString()).toBe('L2Loss(batch_axis=0, w=1.0)');
    expect(new L1Loss().toString()).toBe('L1Loss(batch_axis=0, w=None)');
    expect(new SoftmaxCrossEntropyLoss().toString()).toBe('SoftmaxCrossEntropyLoss(batch_axis=0, w=None)');
    expect(new SigmoidBinaryCrossEntropyLoss().toString()).toBe('SigmoidBinaryCrossEntropyLoss(batch_axis=0, w=None)');
    expect(new L2Loss({ weight: 0.5, batchAxis: 1 }).toString()).toBe('L2Loss(batch_axis=1, w=0.5)');
    expect(new L1Loss({ weight: 1e-5 }).toString()).toBe('L1Loss(batch_axis=0, w=1e-05)');
    expect(new L1Loss({ weight: 2.5e20 }).toString()).toBe('L1Loss(batch_axis=0, w=2.5e+20)');
    const l = new L2Loss();
    expect(l).toBeInstanceOf(gluon.Block);
    expect(l.prefix).toMatch(/^l2loss\d+_$/);
    expect(l.collectParams().size).toBe(0);
    expect(SoftmaxCELoss).toBe(SoftmaxCrossEntropyLoss);
    expect(SigmoidBCELoss).toBe(SigmoidBinaryCrossEntropyLoss);
    const seq = new gluon.nn.Sequential().add(new L1Loss());
    expect(seq.toString()).toBe('Sequential(\n  (0): L1Loss(batch_axis=0, w=None)\n)');
  });
});

describe('L2Loss and L1Loss', () => {
  it('L2: 1/2 (label - pred)^2, label (batch,) reshaped like pred (batch, 1)', async () => {
    const pred = nd.array([[1], [2], [3], [4]]);
    const label = nd.array([1.5, 2, 2, 6]);
    const l = new L2Loss().forward(pred, label);
    expect(l.shape).toEqual([4]); // not (4, 4): the label is not broadcast against pred
    // 0.5 * [0.25, 0, 1, 4]
    expectClose(await values(l), [0.125, 0, 0.5, 2]);
  });

  it('L2: averaged over every axis but the batch axis; weight and sampleWeight', async () => {
    const pred = nd.array([[1, 2, 3], [0, 0, 0]]);
    const label = nd.array([[0, 2, 5], [1, -1, 2]]);
    // squared errors [1, 0, 4] and [1, 1, 4]: means 5/3 and 2, halved
    expectClose(await values(new L2Loss().forward(pred, label)), [5 / 6, 1]);
    // weight 3 -> factor 3/2; sampleWeight (2, 1) weighs each example
    const sw = nd.array([[2], [0.5]]);
    expectClose(await values(new L2Loss({ weight: 3 }).forward(pred, label, sw)), [(3 / 2) * 2 * (5 / 3), (3 / 2) * 0.5 * 2]);
    // batchAxis 1: one loss per column
    expectClose(await values(new L2Loss({ batchAxis: 1 }).forward(pred, label)), [0.5, 0.25, 2]);
  });

  it('L1: |label - pred| averaged per example', async () => {
    const pred = nd.array([[1, 2, 3], [0, 0, 0]]);
    const label = nd.array([[0, 2, 5], [1, -1, 2]]);
    expectClose(await values(new L1Loss().forward(pred, label)), [1, 4 / 3]);
    expectClose(await values(new L1Loss({ weight: 2 }).forward(pred, label)), [2, 8 / 3]);
  });

  it('gradients: L2 vs tf.grads and finite differences; L1 vs finite differences', async () => {
    const pred = nd.array([[0.3, -1.2, 2], [1.1, 0.4, -0.7]]);
    const label = nd.array([[0, -1, 2.5], [1, 1, 1]]);
    const L2 = new L2Loss();
    await checkOp((p) => L2.forward(p, label), [pred], {
      tfRef: (p) => tf.mul(tf.mean(tf.square(tf.sub(label.tensor, p!)), 1), 0.5),
    });
    const L1 = new L1Loss();
    await checkOp((p) => L1.forward(p, label), [pred], {
      tfRef: (p) => tf.mean(tf.abs(tf.sub(label.tensor, p!)), 1),
    });
  });

  it('mismatched sizes are an error naming both shapes', () => {
    expect(() => new L2Loss().forward(nd.ones([4, 2]), nd.ones([4]))).toThrow(ShapeError);
    expect(() => new L2Loss().forward(nd.ones([4, 2]), nd.ones([4]))).toThrow(/label has shape \(4,\).*pred has shape \(4, 2\)/);
    expect(() => new L1Loss().forward(nd.ones([2]), [1, 2] as unknown as NDArray)).toThrow(ArgumentError);
    expect(() => new L2Loss({ weight: Number.NaN })).toThrow(/weight must be a finite number/);
  });
});

describe('SoftmaxCrossEntropyLoss', () => {
  const logits = [
    [1, 2, 0.5, -1],
    [0.2, -0.3, 3, 0],
    [-2, 1.5, 1.4, 0.1],
  ];
  const classes = [1, 2, 0];

  it('hand value: logits (0, ln 3) and label 1 give -ln(3/4)', async () => {
    const l = new SoftmaxCrossEntropyLoss().forward(nd.array([[0, Math.log(3)]]), nd.array([1]));
    expect(l.shape).toEqual([1]);
    expectClose(await values(l), [-Math.log(0.75)]);
  });

  it('sparse labels (int32 and float32) match tf.losses.softmaxCrossEntropy per example', async () => {
    const ref = tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(classes, 4), tf.tensor2d(logits), undefined, 0, NONE));
    const expected = Array.from(await ref.data());
    ref.dispose();
    const L = new SoftmaxCrossEntropyLoss();
    const asInt = L.forward(nd.array(logits), nd.array(classes, { dtype: 'int32' }));
    const asFloat = L.forward(nd.array(logits), nd.array(classes));
    expect(asInt.shape).toEqual([3]);
    expectClose(await values(asInt), expected);
    expectClose(await values(asFloat), expected);
    // labels shaped (batch, 1) work too (pick with the class axis kept)
    expectClose(await values(L.forward(nd.array(logits), nd.array(classes.map((c) => [c])))), expected);
  });

  it('dense labels (distributions) and fromLogits', async () => {
    const dist = [
      [0.1, 0.6, 0.2, 0.1],
      [0, 0, 1, 0],
      [0.25, 0.25, 0.25, 0.25],
    ];
    const ref = tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.tensor2d(dist), tf.tensor2d(logits), undefined, 0, NONE));
    const expected = Array.from(await ref.data());
    ref.dispose();
    expectClose(await values(new SoftmaxCrossEntropyLoss({ sparseLabel: false }).forward(nd.array(logits), nd.array(dist))), expected);
    // fromLogits: pred already holds log-probabilities
    const logp = nd.logSoftmax(nd.array(logits));
    expectClose(await values(new SoftmaxCrossEntropyLoss({ sparseLabel: false, fromLogits: true }).forward(logp, nd.array(dist))), expected);
    // fromLogits with a plain prediction: -pred[label] (no softmax applied)
    expectClose(await values(new SoftmaxCrossEntropyLoss({ fromLogits: true }).forward(nd.array(logits), nd.array(classes))), [-2, -3, 2]);
  });

  it('axis: classes along axis 1 of (batch, classes, time); the loss averages over time', async () => {
    const pred = nd.random.normal(0, 1, [2, 3, 4]);
    const label = nd.array([
      [0, 1, 2, 1],
      [2, 2, 0, 1],
    ]);
    const l = new SoftmaxCrossEntropyLoss({ axis: 1 }).forward(pred, label);
    expect(l.shape).toEqual([2]);
    const p = (await pred.toArray()) as number[][][];
    const lab = (await label.toArray()) as number[][];
    const expected = p.map((ex, b) => {
      let total = 0;
      for (let t = 0; t < 4; t++) {
        const col = ex.map((row) => row[t]!);
        const m = Math.max(...col);
        const lse = m + Math.log(col.reduce((s, v) => s + Math.exp(v - m), 0));
        total += lse - col[lab[b]![t]!]!;
      }
      return total / 4;
    });
    expectClose(await values(l), expected, 1e-5);
  });

  it('logits of 1000 and -1000 give finite losses and gradients', async () => {
    const pred = nd.array([
      [1000, -1000, 0],
      [-1000, 1000, 0],
    ]);
    pred.attachGrad();
    const l = autograd.record(() => new SoftmaxCrossEntropyLoss().forward(pred, nd.array([0, 0])));
    expectClose(await values(l), [0, 2000]);
    l.backward();
    // dL/dx = softmax(x) - onehot(label)
    expectClose(await values(pred.grad), [0, 0, 0, -1, 1, 0]);
    const dense = new SoftmaxCrossEntropyLoss({ sparseLabel: false }).forward(pred, nd.array([[0.5, 0.5, 0], [0, 0, 1]]));
    expectClose(await values(dense), [1000, 1000]);
  });

  it('gradients vs tf.grads and finite differences (sparse and dense)', async () => {
    const label = nd.array(classes);
    const L = new SoftmaxCrossEntropyLoss();
    await checkOp((p) => L.forward(p, label), [nd.array(logits)], {
      tfRef: (p) => tf.losses.softmaxCrossEntropy(tf.oneHot(classes, 4), p!, undefined, 0, NONE),
    });
    const dist = nd.array([
      [0.1, 0.6, 0.2, 0.1],
      [0, 0, 1, 0],
      [0.25, 0.25, 0.25, 0.25],
    ]);
    const D = new SoftmaxCrossEntropyLoss({ sparseLabel: false, weight: 2 });
    await checkOp((p) => D.forward(p, dist), [nd.array(logits)], {
      tfRef: (p) => tf.mul(tf.losses.softmaxCrossEntropy(dist.tensor, p!, undefined, 0, NONE), 2),
    });
  });

  it('a one-hot label with sparse labels on says how to fix it', () => {
    const L = new SoftmaxCrossEntropyLoss();
    expect(() => L.forward(nd.ones([3, 4]), nd.ones([3, 4]))).toThrow(ShapeError);
    expect(() => L.forward(nd.ones([3, 4]), nd.ones([3, 4]))).toThrow(/label must have shape \(3,\).*sparseLabel: false/);
  });
});

describe('SigmoidBinaryCrossEntropyLoss', () => {
  const x = [
    [0.5, -1.5, 2],
    [-0.3, 3, -2.2],
  ];
  const z = [
    [1, 0, 1],
    [0, 1, 0.3],
  ];
  const handBce = (pw = 1): number[] =>
    x.map((row, i) => row.reduce((s, xi, j) => s - (pw * z[i]![j]! * Math.log(sigmoid(xi)) + (1 - z[i]![j]!) * Math.log(1 - sigmoid(xi))), 0) / row.length);

  it('matches -z log p - (1 - z) log(1 - p) and tf.losses.sigmoidCrossEntropy', async () => {
    const l = new SigmoidBinaryCrossEntropyLoss().forward(nd.array(x), nd.array(z));
    expect(l.shape).toEqual([2]);
    expectClose(await values(l), handBce(), 1e-5);
    const ref = tf.tidy(() => tf.mean(tf.losses.sigmoidCrossEntropy(tf.tensor2d(z), tf.tensor2d(x), undefined, 0, NONE), 1));
    expectClose(await values(l), Array.from(await ref.data()), 1e-5);
    ref.dispose();
    // x = 0: log 2 whatever the label
    expectClose(await values(new SigmoidBCELoss().forward(nd.array([[0, 0]]), nd.array([[0, 1]]))), [Math.log(2)]);
  });

  it('fromSigmoid takes probabilities; posWeight weighs the positive term', async () => {
    const probs = nd.array(x).sigmoid();
    expectClose(await values(new SigmoidBinaryCrossEntropyLoss({ fromSigmoid: true }).forward(probs, nd.array(z))), handBce(), 1e-4);
    const pw = nd.array([[3, 3, 3]]);
    expectClose(await values(new SigmoidBinaryCrossEntropyLoss().forward(nd.array(x), nd.array(z), null, pw)), handBce(3), 1e-5);
    expectClose(await values(new SigmoidBinaryCrossEntropyLoss({ fromSigmoid: true }).forward(probs, nd.array(z), null, pw)), handBce(3), 1e-4);
  });

  it('logits of 1000 and -1000 give finite (exact) losses', async () => {
    const l = new SigmoidBinaryCrossEntropyLoss().forward(nd.array([[1000], [-1000], [1000], [-1000]]), nd.array([0, 1, 1, 0]));
    expectClose(await values(l), [1000, 1000, 0, 0]);
  });

  it('gradients vs tf.grads and finite differences (label (batch,) reshaped like pred (batch, 1))', async () => {
    const L = new SigmoidBinaryCrossEntropyLoss();
    const zz = nd.array(z);
    await checkOp((p) => L.forward(p, zz), [nd.array(x)], {
      tfRef: (p) => tf.mean(tf.losses.sigmoidCrossEntropy(zz.tensor, p!, undefined, 0, NONE), 1),
    });
    const lab = nd.array([1, 0, 1]);
    await checkOp((p) => L.forward(p, lab), [nd.array([[0.7], [-0.4], [-2]])], {
      // dL/dx = sigmoid(x) - z
      tfRef: (p) => tf.reshape(tf.losses.sigmoidCrossEntropy(tf.reshape(lab.tensor, [3, 1]), p!, undefined, 0, NONE), [3]),
    });
  });
});

describe('memory', () => {
  it('forward + backward of each loss frees its temporaries', async () => {
    const pred = nd.random.normal(0, 1, [8, 5]);
    pred.attachGrad();
    const sparse = nd.array([0, 1, 2, 3, 4, 0, 1, 2]);
    const target = nd.random.uniform(0, 1, [8, 5]);
    const losses = [new L2Loss(), new L1Loss(), new SigmoidBinaryCrossEntropyLoss()];
    const ce = new SoftmaxCrossEntropyLoss();
    await expectNoLeak(async () => {
      for (const L of losses) {
        const l = autograd.record(() => L.forward(pred, target));
        l.backward();
        await l.data();
      }
      const l = autograd.record(() => ce.forward(pred, sparse));
      l.backward();
      await l.data();
    });
  });
});
