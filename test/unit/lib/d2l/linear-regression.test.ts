/**
 * d2l's linear-regression helpers (syntheticData, dataIter, linreg, squaredLoss, sgd): each
 * checked against its formula computed in plain JavaScript, and a short training run that
 * recovers known parameters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, d2l, nd, ArgumentError, ShapeError } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

const flat = async (x: { data(): Promise<ArrayLike<number>> }): Promise<number[]> => Array.from(await x.data());

describe('d2l linear regression helpers', () => {
  it('syntheticData gives (n, d) features and (n, 1) labels that follow X w + b up to the noise', async () => {
    nd.random.seed(1);
    const [X, y] = d2l.syntheticData(nd.array([2, -3.4]), 4.2, 200, 0.01);
    expect(X.shape).toEqual([200, 2]);
    expect(y.shape).toEqual([200, 1]);
    const xs = await flat(X);
    const ys = await flat(y);
    const residuals = ys.map((v, i) => v - (2 * xs[2 * i]! - 3.4 * xs[2 * i + 1]! + 4.2));
    const std = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
    expect(std).toBeGreaterThan(0.005);
    expect(std).toBeLessThan(0.015);
    expect(() => d2l.syntheticData(nd.array([[2, 1]]), 1, 10)).toThrow(ArgumentError);
  });

  it('dataIter visits every example once per pass, in batches, in a new order each pass', async () => {
    const features = nd.arange(0, 23).reshape(23, 1); // row i holds i
    const labels = nd.arange(0, 23).mul(10); // label i holds 10 i
    const orders: number[][] = [];
    for (let pass = 0; pass < 2; pass++) {
      const seen: number[] = [];
      const sizes: number[] = [];
      for (const [X, y] of d2l.dataIter(5, features, labels)) {
        const xv = await flat(X);
        const yv = await flat(y);
        expect(yv).toEqual(xv.map((v) => 10 * v)); // features and labels stay paired
        sizes.push(X.shape[0]!);
        seen.push(...xv);
      }
      expect(sizes).toEqual([5, 5, 5, 5, 3]);
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
      orders.push(seen);
    }
    expect(orders[0]).not.toEqual(orders[1]);
    expect(() => d2l.dataIter(0, features, labels).next()).toThrow(ArgumentError);
    expect(() => d2l.dataIter(4, features, nd.zeros([22])).next()).toThrow(ShapeError);
  });

  it('linreg and squaredLoss compute X w + b and (yHat - y)^2 / 2', async () => {
    const X = nd.array([[1, 2], [3, 4]]);
    const w = nd.array([[0.5], [-1]]);
    const b = nd.array([3]);
    const yHat = d2l.linreg(X, w, b);
    expect(yHat.shape).toEqual([2, 1]);
    expect(await flat(yHat)).toEqual([1.5, 0.5]);
    const l = d2l.squaredLoss(yHat, nd.array([2.5, -0.5])); // labels as a vector are reshaped
    expect(l.shape).toEqual([2, 1]);
    expect(await flat(l)).toEqual([0.5, 0.5]);
  });

  it('sgd steps in place by lr * grad / batchSize and keeps the arrays', async () => {
    const w = nd.array([1, 2]);
    w.attachGrad();
    const l = autograd.record(() => w.square().sum()); // dl/dw = 2 w
    l.backward();
    const before = w;
    d2l.sgd([w], 0.5, 2);
    expect(w).toBe(before);
    const v = await flat(w);
    expect(v[0]).toBeCloseTo(1 - 0.5 * 2 / 2, 6);
    expect(v[1]).toBeCloseTo(2 - 0.5 * 4 / 2, 6);
  });

  it('together they recover the parameters of y = 2 x1 - 3.4 x2 + 4.2', async () => {
    nd.random.seed(7);
    const [features, labels] = d2l.syntheticData(nd.array([2, -3.4]), 4.2, 1000);
    const w = nd.random.normal(0, 0.01, [2, 1]);
    const b = nd.zeros([1]);
    w.attachGrad();
    b.attachGrad();
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const [X, y] of d2l.dataIter(10, features, labels)) {
        const l = autograd.record(() => d2l.squaredLoss(d2l.linreg(X, w, b), y));
        l.backward();
        d2l.sgd([w, b], 0.03, 10);
      }
    }
    const wv = await flat(w);
    expect(Math.abs(wv[0]! - 2)).toBeLessThan(0.01);
    expect(Math.abs(wv[1]! + 3.4)).toBeLessThan(0.01);
    expect(Math.abs((await b.asScalar()) - 4.2)).toBeLessThan(0.01);
  });
});
