import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, init, nd, DeferredInitializationError, ShapeError, type NDArray } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../../../helpers/check-op';
import { checkParamGrads } from '../../../helpers/param-grads';
import { convForward, type Shape4 } from '../../../helpers/nn-reference';
import { collectParamsWithPrefix } from '../../../../../src/lib/gluon/parameter-files';

beforeAll(useBackend);

const { Sequential, Dense, Conv2D, MaxPool2D, AvgPool2D, GlobalAvgPool2D, GlobalMaxPool2D, Flatten, Dropout, BatchNorm, Embedding, Lambda } = gluon.nn;

/** A fresh parent so that layer names do not depend on what other tests made. */
function scoped<T>(prefix: string, make: () => T): T {
  return new Sequential({ prefix }).nameScope(make);
}

/** MXNet's pooling, by loops: 'valid' (floor) or 'full' (ceil) sizes, avg divisor as pool.h. */
function poolRef(
  x: number[],
  [n, c, h, w]: Shape4,
  o: { k: [number, number]; s: [number, number]; p: [number, number]; type: 'max' | 'avg'; ceil?: boolean; includePad?: boolean },
): { y: number[]; shape: Shape4 } {
  const size = (len: number, a: 0 | 1): number => {
    const q = (len + 2 * o.p[a] - o.k[a]) / o.s[a];
    return (o.ceil ? Math.ceil(q) : Math.floor(q)) + 1;
  };
  const oh = size(h, 0);
  const ow = size(w, 1);
  const y: number[] = [];
  for (let b = 0; b < n; b++)
    for (let q = 0; q < c; q++)
      for (let i = 0; i < oh; i++)
        for (let j = 0; j < ow; j++) {
          const hs = i * o.s[0] - o.p[0];
          const ws = j * o.s[1] - o.p[1];
          const he = Math.min(hs + o.k[0], h + o.p[0]);
          const we = Math.min(ws + o.k[1], w + o.p[1]);
          let acc = o.type === 'max' ? -Infinity : 0;
          for (let r = Math.max(hs, 0); r < Math.min(he, h); r++)
            for (let s = Math.max(ws, 0); s < Math.min(we, w); s++) {
              const v = x[((b * c + q) * h + r) * w + s]!;
              acc = o.type === 'max' ? Math.max(acc, v) : acc + v;
            }
          const count = o.includePad === false ? (Math.min(he, h) - Math.max(hs, 0)) * (Math.min(we, w) - Math.max(ws, 0)) : (he - hs) * (we - ws);
          y.push(o.type === 'max' ? acc : acc / count);
        }
  return { y, shape: [n, c, oh, ow] };
}

describe('Conv2D', () => {
  it('output shapes: kernel, padding, strides, dilation, groups', () => {
    const x = nd.random.normal(0, 1, [2, 4, 12, 10]);
    const shape = (c: InstanceType<typeof Conv2D>): number[] => {
      c.initialize();
      return c.forward(x).shape;
    };
    expect(shape(new Conv2D(6, { kernelSize: 5 }))).toEqual([2, 6, 8, 6]);
    expect(shape(new Conv2D(6, 3, { padding: 1 }))).toEqual([2, 6, 12, 10]);
    expect(shape(new Conv2D(8, { kernelSize: [3, 5], padding: [0, 1], strides: [3, 4] }))).toEqual([2, 8, 4, 2]);
    expect(shape(new Conv2D(3, { kernelSize: 3, dilation: 2 }))).toEqual([2, 3, 8, 6]);
    const grouped = new Conv2D(6, { kernelSize: 1, groups: 2 });
    expect(shape(grouped)).toEqual([2, 6, 12, 10]);
    expect(grouped.weight.shape).toEqual([6, 2, 1, 1]);
  });

  it('values: the convolution of the input with the weight, plus the bias, then the activation', async () => {
    const conv = new Conv2D(3, { kernelSize: [2, 3], padding: [1, 0], strides: [1, 2], activation: 'relu', inChannels: 2 });
    conv.initialize(new init.Normal(1));
    conv.bias!.setData(nd.array([0.5, -0.5, 0.1]));
    const x = nd.random.normal(0, 1, [2, 2, 4, 5]);
    const ref = convForward(await values(x), [2, 2, 4, 5], await values(conv.weight.data()), [3, 2, 2, 3], [0.5, -0.5, 0.1], {
      stride: [1, 2],
      pad: [1, 0],
      dilate: [1, 1],
      groups: 1,
    });
    const y = conv.forward(x);
    expect(y.shape).toEqual([2, 3, 5, 2]);
    expectClose(await values(y), ref.map((v) => Math.max(v, 0)), 1e-5);
  });

  it('deferred init: the input channels come from the first batch; inChannels makes the shape known at once', () => {
    const conv = new Conv2D(6, { kernelSize: 5 });
    conv.initialize();
    expect(conv.weight.shape).toEqual([6, 0, 5, 5]);
    expect(() => conv.weight.data()).toThrow(DeferredInitializationError);
    expect(() => conv.weight.data()).toThrow(/Run one forward pass first.*inChannels for Conv2D/);
    conv.forward(nd.ones([1, 3, 8, 8]));
    expect(conv.weight.data().shape).toEqual([6, 3, 5, 5]);
    expect(conv.bias!.data().shape).toEqual([6]);
    expect(() => conv.forward(nd.ones([1, 2, 8, 8]))).toThrow(/expects inputs with 3 channels/);
    expect(() => conv.forward(nd.ones([8, 8]))).toThrow(ShapeError);
    const known = new Conv2D(4, { kernelSize: 3, inChannels: 2 });
    known.initialize();
    expect(known.weight.data().shape).toEqual([4, 2, 3, 3]);
    expect(() => new Conv2D(4, {})).toThrow(/kernelSize is required/);
  });

  it('prints as Gluon and names its parameters conv<k>_weight, conv<k>_bias', () => {
    const [a, b, c] = scoped('net_', () => [
      new Conv2D(6, { kernelSize: 5 }),
      new Conv2D(16, { kernelSize: 3, strides: 2, padding: 1, activation: 'sigmoid', inChannels: 6 }),
      new Conv2D(4, { kernelSize: 1, dilation: 2, groups: 2, useBias: false }),
    ]);
    expect(a.toString()).toBe('Conv2D(None -> 6, kernel_size=(5, 5), stride=(1, 1))');
    expect(b.toString()).toBe('Conv2D(6 -> 16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), Activation(sigmoid))');
    expect(c.toString()).toBe('Conv2D(None -> 4, kernel_size=(1, 1), stride=(1, 1), dilation=(2, 2), groups=2, bias=False)');
    expect([a.prefix, b.prefix, c.prefix]).toEqual(['net_conv0_', 'net_conv1_', 'net_conv2_']);
    expect(a.collectParams().keys()).toEqual(['net_conv0_weight', 'net_conv0_bias']);
    expect(c.collectParams().keys()).toEqual(['net_conv2_weight']);
    a.initialize();
    a.forward(nd.ones([1, 1, 6, 6]));
    expect(a.toString()).toBe('Conv2D(1 -> 6, kernel_size=(5, 5), stride=(1, 1))');
  });

  it('gradients: input, weight and bias against finite differences', async () => {
    const conv = new Conv2D(2, { kernelSize: 2, padding: 1, strides: [2, 1], activation: 'tanh' });
    conv.initialize(new init.Normal(0.5));
    const x = nd.random.normal(0, 1, [2, 3, 4, 3]);
    conv.forward(x);
    conv.bias!.setData(nd.array([0.2, -0.3]));
    await checkOp((v) => conv.forward(v), [x]);
    await checkParamGrads(() => conv.forward(x), [conv.weight, conv.bias!], { maxEntries: 24 });
    const grouped = new Conv2D(4, { kernelSize: 3, groups: 2, inChannels: 4 });
    grouped.initialize(new init.Normal(0.5));
    const xg = nd.random.normal(0, 1, [1, 4, 4, 4]);
    await checkOp((v) => grouped.forward(v), [xg]);
    await checkParamGrads(() => grouped.forward(xg), [grouped.weight, grouped.bias!], { maxEntries: 24 });
  });
});

describe('pooling layers', () => {
  it("Gluon's defaults: window 2, strides = window; the d2l examples", async () => {
    const X = nd.arange(16).reshape([1, 1, 4, 4]);
    expect(await values(new MaxPool2D().forward(X))).toEqual([5, 7, 13, 15]);
    expect(await values(new MaxPool2D(3).forward(X))).toEqual([10]);
    expect(await values(new MaxPool2D(3, { padding: 1, strides: 2 }).forward(X))).toEqual([5, 7, 13, 15]);
    expect(await values(new MaxPool2D({ poolSize: [2, 3], padding: [1, 2], strides: [2, 3] }).forward(X))).toEqual([0, 3, 8, 11, 12, 15]);
    expect(await values(new AvgPool2D().forward(X))).toEqual([2.5, 4.5, 10.5, 12.5]);
    const pool = new MaxPool2D({ poolSize: 3 });
    expect([pool.strides, pool.padding]).toEqual([[3, 3], [0, 0]]);
  });

  it('values against loops with MXNet semantics: padding, ceilMode, countIncludePad', async () => {
    const xs: Shape4 = [2, 3, 7, 6];
    const x = nd.random.normal(0, 1, xs);
    const xv = await values(x);
    const cases: [InstanceType<typeof MaxPool2D>, Parameters<typeof poolRef>[2]][] = [
      [new MaxPool2D({ poolSize: 3, strides: 2, padding: 1 }), { k: [3, 3], s: [2, 2], p: [1, 1], type: 'max' }],
      [new AvgPool2D({ poolSize: 3, strides: 2, padding: 1 }), { k: [3, 3], s: [2, 2], p: [1, 1], type: 'avg' }],
      [new AvgPool2D({ poolSize: 3, strides: 2, padding: 1, countIncludePad: false }), { k: [3, 3], s: [2, 2], p: [1, 1], type: 'avg', includePad: false }],
      [new MaxPool2D({ poolSize: 2, ceilMode: true }), { k: [2, 2], s: [2, 2], p: [0, 0], type: 'max', ceil: true }],
      [new AvgPool2D({ poolSize: [3, 2], strides: [2, 4], ceilMode: true }), { k: [3, 2], s: [2, 4], p: [0, 0], type: 'avg', ceil: true }],
      [new AvgPool2D({ poolSize: 3, strides: 2, padding: 1, ceilMode: true, countIncludePad: false }), { k: [3, 3], s: [2, 2], p: [1, 1], type: 'avg', ceil: true, includePad: false }],
    ];
    for (const [layer, spec] of cases) {
      const ref = poolRef(xv, xs, spec);
      const y = layer.forward(x);
      expect(y.shape, layer.toString()).toEqual(ref.shape);
      expectClose(await values(y), ref.y, 1e-5, layer.toString());
    }
    expect(new MaxPool2D({ poolSize: 2, ceilMode: true }).forward(x).shape).toEqual([2, 3, 4, 3]);
    expect(new MaxPool2D({ poolSize: 2 }).forward(x).shape).toEqual([2, 3, 3, 3]);
  });

  it('global pooling: one value per channel', async () => {
    const x = nd.random.normal(0, 1, [2, 3, 4, 5]);
    const xv = await values(x);
    const mean = [];
    const max = [];
    for (let k = 0; k < 6; k++) {
      const ch = xv.slice(k * 20, k * 20 + 20);
      mean.push(ch.reduce((s, v) => s + v, 0) / 20);
      max.push(Math.max(...ch));
    }
    const ya = new GlobalAvgPool2D().forward(x);
    expect(ya.shape).toEqual([2, 3, 1, 1]);
    expectClose(await values(ya), mean, 1e-5);
    expectClose(await values(new GlobalMaxPool2D().forward(x)), max, 1e-6);
  });

  it('prints as Gluon, named pool<k>', () => {
    const [m, a, g, gm] = scoped('p_', () => [new MaxPool2D(), new AvgPool2D({ poolSize: 3, strides: 1, padding: 1, ceilMode: true }), new GlobalAvgPool2D(), new GlobalMaxPool2D()]);
    expect(m.toString()).toBe('MaxPool2D(size=(2, 2), stride=(2, 2), padding=(0, 0), ceil_mode=False, global_pool=False, pool_type=max, layout=NCHW)');
    expect(a.toString()).toBe('AvgPool2D(size=(3, 3), stride=(1, 1), padding=(1, 1), ceil_mode=True, global_pool=False, pool_type=avg, layout=NCHW)');
    expect(g.toString()).toBe('GlobalAvgPool2D(size=(1, 1), stride=(1, 1), padding=(0, 0), ceil_mode=True, global_pool=True, pool_type=avg, layout=NCHW)');
    expect(gm.toString()).toBe('GlobalMaxPool2D(size=(1, 1), stride=(1, 1), padding=(0, 0), ceil_mode=True, global_pool=True, pool_type=max, layout=NCHW)');
    expect([m.prefix, a.prefix, g.prefix, gm.prefix]).toEqual(['p_pool0_', 'p_pool1_', 'p_pool2_', 'p_pool3_']);
    expect(m.collectParams().size).toBe(0);
  });

  it('bad options and inputs are reported', () => {
    expect(() => new MaxPool2D({ poolSize: 2, padding: 2 })).toThrow(/padding \(2, 2\) must be smaller than poolSize \(2, 2\)/);
    expect(() => new MaxPool2D({ poolSize: 0 })).toThrow(/poolSize must be an integer >= 1/);
    expect(() => new MaxPool2D().forward(nd.ones([4, 4]))).toThrow(/expected a 4-D input/);
    expect(() => new MaxPool2D(5).forward(nd.ones([1, 1, 4, 4]))).toThrow(/window \(5, 5\) is larger than the padded input/);
  });

  it('gradients against finite differences (max, avg, ceil mode, global)', async () => {
    // distinct values 0.1 apart: no near-ties for max to flip under the finite-difference step
    const x = nd.array(nd.random.permutation(50).map((v) => v / 10 - 2.5)).reshape([1, 2, 5, 5]);
    await checkOp((v) => new MaxPool2D({ poolSize: 3, strides: 2, padding: 1 }).forward(v), [x]);
    await checkOp((v) => new AvgPool2D({ poolSize: 3, strides: 2, padding: 1, countIncludePad: false }).forward(v), [x]);
    await checkOp((v) => new MaxPool2D({ poolSize: 2, ceilMode: true }).forward(v), [x]);
    await checkOp((v) => new AvgPool2D({ poolSize: 2, ceilMode: true }).forward(v), [x]);
    await checkOp((v) => new GlobalAvgPool2D().forward(v), [x]);
    await checkOp((v) => new GlobalMaxPool2D().forward(v), [x]);
  });
});

describe('Flatten', () => {
  it('keeps the batch axis and flattens the rest; prints as Flatten', async () => {
    const f = new Flatten();
    const x = nd.random.normal(0, 1, [2, 3, 4, 5]);
    expect(f.forward(x).shape).toEqual([2, 60]);
    expect(await values(f.forward(x))).toEqual(await values(x));
    expect(f.toString()).toBe('Flatten');
    expect(scoped('f_', () => new Flatten()).prefix).toBe('f_flatten0_');
    await checkOp((v) => f.forward(v), [nd.random.normal(0, 1, [2, 3, 2, 2])]);
  });
});

describe('Dropout', () => {
  it('is the identity when predicting (outside record, or record with trainMode false)', async () => {
    const drop = new Dropout(0.5);
    const x = nd.random.normal(0, 1, [4, 5]);
    expect(await values(drop.forward(x))).toEqual(await values(x));
    expect(await values(autograd.record(() => drop.forward(x), { trainMode: false }))).toEqual(await values(x));
  });

  it('in training zeroes about p of the units and scales the rest by 1/(1-p)', async () => {
    const p = 0.3;
    const drop = new Dropout(p);
    const x = nd.ones([100, 100]);
    const y = await values(autograd.record(() => drop.forward(x)));
    const zeros = y.filter((v) => v === 0).length / y.length;
    expect(Math.abs(zeros - p)).toBeLessThan(0.03); // 10,000 Bernoulli draws: std 0.0046
    expect(y.filter((v) => v !== 0).every((v) => Math.abs(v - 1 / (1 - p)) < 1e-6)).toBe(true);
    // trainMode alone (no recording) also drops
    const z = await values(autograd.trainMode(() => drop.forward(x)));
    expect(z.some((v) => v === 0)).toBe(true);
    expect(await values(autograd.record(() => new Dropout(1).forward(x)))).toEqual(new Array(10000).fill(0));
    expect(await values(autograd.record(() => new Dropout(0).forward(x)))).toEqual(new Array(10000).fill(1));
  });

  it('is reproducible with nd.random.seed', async () => {
    const drop = new Dropout(0.5);
    const x = nd.random.normal(0, 1, [8, 8]);
    nd.random.seed(1234);
    const a = await values(autograd.record(() => drop.forward(x)));
    nd.random.seed(1234);
    const b = await values(autograd.record(() => drop.forward(x)));
    nd.random.seed(99);
    const c = await values(autograd.record(() => drop.forward(x)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gradient: the same mask, scaled, flows back', async () => {
    const drop = new Dropout(0.4);
    const x = nd.random.uniform(1, 2, [6, 7]);
    x.attachGrad();
    const y = autograd.record(() => drop.forward(x));
    y.backward();
    const yv = await values(y);
    const xv = await values(x);
    // y = x * m / (1-p)  =>  dy/dx = m / (1-p) = y / x
    expectClose(await values(x.grad), yv.map((v, i) => v / xv[i]!), 1e-5);
  });

  it('axes share one mask value along them; prints as Gluon', async () => {
    const drop = new Dropout(0.5, { axes: [0] });
    const y = await values(autograd.record(() => drop.forward(nd.ones([5, 40]))));
    for (let r = 1; r < 5; r++) expect(y.slice(r * 40, r * 40 + 40)).toEqual(y.slice(0, 40));
    expect(new Dropout(0.5).toString()).toBe('Dropout(p = 0.5, axes=())');
    expect(drop.toString()).toBe('Dropout(p = 0.5, axes=(0,))');
    expect(new Dropout(0.2, { axes: [0, 2] }).toString()).toBe('Dropout(p = 0.2, axes=(0, 2))');
    expect(() => new Dropout(1.5)).toThrow(/rate must be a number in \[0, 1\]/);
  });
});

describe('BatchNorm', () => {
  /** Per-channel (x - mean)/sqrt(var + eps) * gamma + beta over every axis but 1, by loops. */
  function bnRef(x: number[], shape: number[], gamma: number[], beta: number[], stats?: { mean: number[]; variance: number[] }, eps = 1e-5) {
    const c = shape[1]!;
    const inner = shape.slice(2).reduce((p, d) => p * d, 1);
    const chan = (i: number): number => Math.floor(i / inner) % c;
    const count = x.length / c;
    const mean = stats?.mean ?? Array.from({ length: c }, (_, k) => x.filter((_, i) => chan(i) === k).reduce((s, v) => s + v, 0) / count);
    const variance = stats?.variance ?? Array.from({ length: c }, (_, k) => x.filter((_, i) => chan(i) === k).reduce((s, v) => s + (v - mean[k]!) ** 2, 0) / count);
    const y = x.map((v, i) => ((v - mean[chan(i)]!) / Math.sqrt(variance[chan(i)]! + eps)) * gamma[chan(i)]! + beta[chan(i)]!);
    return { y, mean, variance };
  }

  it('deferred init, parameter names like Gluon, running statistics never train', () => {
    const bn = scoped('m_', () => new BatchNorm());
    expect(bn.collectParams().keys()).toEqual(['m_batchnorm0_gamma', 'm_batchnorm0_beta', 'm_batchnorm0_running_mean', 'm_batchnorm0_running_var']);
    bn.initialize(new init.Normal(1));
    expect(bn.gamma.shape).toEqual([0]);
    expect(() => bn.runningMean.data()).toThrow(DeferredInitializationError);
    bn.forward(nd.ones([2, 3]));
    for (const p of [bn.gamma, bn.beta, bn.runningMean, bn.runningVar]) expect(p.data().shape).toEqual([3]);
    expect([bn.runningMean.gradReq, bn.runningVar.gradReq, bn.gamma.gradReq]).toEqual(['null', 'null', 'write']);
    expect(() => bn.runningMean.grad()).toThrow(/gradReq 'null'/);
    expect(() => bn.forward(nd.ones([2, 4]))).toThrow(/built for 3 channels/);
    // saved files use Gluon's structural names
    expect([...collectParamsWithPrefix(bn).keys()]).toEqual(['gamma', 'beta', 'running_mean', 'running_var']);
  });

  it('initial values: gamma and running_var ones, beta and running_mean zeros (whatever the global init)', async () => {
    const bn = new BatchNorm({ inChannels: 2 });
    bn.initialize(new init.Normal(1));
    expect(await values(bn.gamma.data())).toEqual([1, 1]);
    expect(await values(bn.beta.data())).toEqual([0, 0]);
    expect(await values(bn.runningMean.data())).toEqual([0, 0]);
    expect(await values(bn.runningVar.data())).toEqual([1, 1]);
  });

  it('prints as Gluon', () => {
    const bn = new BatchNorm();
    expect(bn.toString()).toBe('BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=False, use_global_stats=False, in_channels=None)');
    bn.initialize();
    bn.forward(nd.ones([2, 6, 2, 2]));
    expect(bn.toString()).toBe('BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=False, use_global_stats=False, in_channels=6)');
    expect(new BatchNorm({ axis: -1, momentum: 0.99, epsilon: 1e-3, scale: false, useGlobalStats: true, inChannels: 4 }).toString()).toBe(
      'BatchNorm(axis=-1, eps=0.001, momentum=0.99, fix_gamma=True, use_global_stats=True, in_channels=4)',
    );
  });

  for (const shape of [
    [6, 3],
    [3, 2, 3, 4],
  ]) {
    it(`training uses batch statistics and updates the moving ones; predicting uses the moving ones (${shape.join('x')})`, async () => {
      const c = shape[1]!;
      const bn = new BatchNorm();
      bn.initialize();
      const gamma = Array.from({ length: c }, (_, k) => 1 + 0.5 * k);
      const beta = Array.from({ length: c }, (_, k) => k - 0.5);
      bn.forward(nd.zeros(shape)); // predict mode: finishes deferred init, moving stats unchanged
      bn.gamma.setData(nd.array(gamma));
      bn.beta.setData(nd.array(beta));
      let movingMean = new Array(c).fill(0);
      let movingVar = new Array(c).fill(1);
      for (let step = 0; step < 3; step++) {
        const x = nd.random.normal(step, 1 + step, shape);
        const xv = await values(x);
        const y = autograd.record(() => bn.forward(x));
        const ref = bnRef(xv, shape, gamma, beta);
        expectClose(await values(y), ref.y, 1e-4, `train step ${step}`);
        movingMean = movingMean.map((m, k) => 0.9 * m + 0.1 * ref.mean[k]!);
        movingVar = movingVar.map((v, k) => 0.9 * v + 0.1 * ref.variance[k]!);
        expectClose(await values(bn.runningMean.data()), movingMean, 1e-5, 'running_mean');
        expectClose(await values(bn.runningVar.data()), movingVar, 1e-5, 'running_var');
      }
      const x = nd.random.normal(0, 2, shape);
      const pred = bnRef(await values(x), shape, gamma, beta, { mean: movingMean, variance: movingVar });
      expectClose(await values(bn.forward(x)), pred.y, 1e-4, 'predict');
      // predicting leaves the moving statistics alone
      expectClose(await values(bn.runningMean.data()), movingMean, 1e-6);
    });
  }

  it('useGlobalStats: moving statistics also in training, and no update; scale false fixes gamma at 1; axis -1', async () => {
    const bn = new BatchNorm({ useGlobalStats: true, inChannels: 2 });
    bn.initialize();
    bn.runningMean.setData(nd.array([1, 2]));
    bn.runningVar.setData(nd.array([4, 9]));
    const x = nd.array([[3, 5], [1, 2]]);
    const y = autograd.record(() => bn.forward(x));
    expectClose(await values(y), [2 / Math.sqrt(4 + 1e-5), 3 / Math.sqrt(9 + 1e-5), 0, 0], 1e-5);
    expect(await values(bn.runningMean.data())).toEqual([1, 2]);
    const fixed = new BatchNorm({ scale: false, inChannels: 2 });
    fixed.initialize();
    fixed.gamma.setData(nd.array([5, 5])); // ignored
    const xs = nd.random.normal(0, 1, [4, 2]);
    const ref = bnRef(await values(xs), [4, 2], [1, 1], [0, 0]);
    expectClose(await values(autograd.record(() => fixed.forward(xs))), ref.y, 1e-4);
    expect(fixed.gamma.gradReq).toBe('null');
    const last = new BatchNorm({ axis: -1 });
    last.initialize();
    const x3 = nd.random.normal(0, 1, [2, 3, 4]);
    autograd.record(() => last.forward(x3));
    expect(last.gamma.shape).toEqual([4]);
  });

  it('gradients against finite differences, training and predicting, (N, C) and (N, C, H, W)', async () => {
    for (const shape of [
      [5, 3],
      [2, 2, 3, 3],
    ]) {
      const bn = new BatchNorm();
      bn.initialize();
      const x = nd.random.normal(0, 1, shape);
      bn.forward(x);
      bn.gamma.setData(nd.random.uniform(0.5, 1.5, [shape[1]!]));
      bn.beta.setData(nd.random.uniform(-1, 1, [shape[1]!]));
      bn.runningMean.setData(nd.random.uniform(-1, 1, [shape[1]!]));
      bn.runningVar.setData(nd.random.uniform(0.5, 2, [shape[1]!]));
      await checkOp((v) => autograd.trainMode(() => bn.forward(v)), [x], { eps: 1e-2, fdTol: 3e-2 });
      await checkOp((v) => autograd.predictMode(() => bn.forward(v)), [x]);
      await checkParamGrads(() => bn.forward(x), [bn.gamma, bn.beta], { train: true });
      await checkParamGrads(() => bn.forward(x), [bn.gamma, bn.beta], { train: false });
    }
  });
});

describe('Embedding', () => {
  it('looks up rows; shape indices.shape + (outputDim,); prints as Gluon', async () => {
    const emb = scoped('e_', () => new Embedding(10, 4));
    expect(emb.collectParams().keys()).toEqual(['e_embedding0_weight']);
    expect(emb.toString()).toBe('Embedding(10 -> 4, float32)');
    expect(new Embedding(28, 256).toString()).toBe('Embedding(28 -> 256, float32)');
    emb.initialize();
    const w = await values(emb.weight.data());
    const idx = nd.array([[1, 3, 1], [9, 0, 2]]);
    const y = emb.forward(idx);
    expect(y.shape).toEqual([2, 3, 4]);
    expect(await values(y)).toEqual([1, 3, 1, 9, 0, 2].flatMap((i) => w.slice(i * 4, i * 4 + 4)));
  });

  it('the gradient reaches the weight rows used (repeats add up), against finite differences', async () => {
    const emb = new Embedding(5, 3);
    emb.initialize();
    const idx = nd.array([[1, 3, 1], [4, 1, 0]]);
    const h = nd.random.uniform(0.5, 1.5, [2, 3, 3]);
    autograd.record(() => emb.forward(idx)).backward(h);
    const hv = await values(h);
    const expected = new Array(15).fill(0);
    [1, 3, 1, 4, 1, 0].forEach((row, k) => {
      for (let j = 0; j < 3; j++) expected[row * 3 + j] += hv[k * 3 + j]!;
    });
    expectClose(await values(emb.weight.grad()), expected, 1e-5);
    await checkParamGrads(() => emb.forward(idx).tanh(), [emb.weight], { maxEntries: 15 });
  });
});

describe('Lambda', () => {
  it('wraps an nd function by name or any function; prints its name', async () => {
    const t = new Lambda('tanh');
    const x = nd.random.normal(0, 1, [2, 3]);
    expectClose(await values(t.forward(x)), (await values(x)).map(Math.tanh), 1e-6);
    expect(t.toString()).toBe('Lambda(tanh)');
    expect(new Lambda((v: NDArray) => v.relu()).toString()).toBe('Lambda(<lambda>)');
    function double(v: NDArray): NDArray {
      return v.mul(2);
    }
    expect(new Lambda(double).toString()).toBe('Lambda(double)');
    expect(() => new Lambda('noSuchOp')).toThrow(/no function nd.noSuchOp/);
    const net = new Sequential().add(new Lambda(double), new Dense(2, { inUnits: 3 }));
    net.initialize();
    expect(net.forward(x).shape).toEqual([2, 2]);
    await checkOp((v) => new Lambda(double).forward(v), [x]);
  });
});

describe('a LeNet-style network', () => {
  function lenet(): InstanceType<typeof Sequential> {
    const net = new Sequential({ prefix: 'lenet_' });
    net.nameScope(() =>
      net.add(
        new Conv2D(6, { kernelSize: 5, padding: 2, activation: 'sigmoid' }),
        new BatchNorm(),
        new MaxPool2D({ poolSize: 2, strides: 2 }),
        new Conv2D(16, { kernelSize: 5, activation: 'sigmoid' }),
        new AvgPool2D(),
        new Flatten(),
        new Dense(32, { activation: 'relu' }),
        new Dropout(0.5),
        new Dense(10),
      ),
    );
    return net;
  }

  it('prints, names its parameters and infers every shape on the first batch', () => {
    const net = lenet();
    expect(net.toString()).toBe(
      [
        'Sequential(',
        '  (0): Conv2D(None -> 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2), Activation(sigmoid))',
        '  (1): BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=False, use_global_stats=False, in_channels=None)',
        '  (2): MaxPool2D(size=(2, 2), stride=(2, 2), padding=(0, 0), ceil_mode=False, global_pool=False, pool_type=max, layout=NCHW)',
        '  (3): Conv2D(None -> 16, kernel_size=(5, 5), stride=(1, 1), Activation(sigmoid))',
        '  (4): AvgPool2D(size=(2, 2), stride=(2, 2), padding=(0, 0), ceil_mode=False, global_pool=False, pool_type=avg, layout=NCHW)',
        '  (5): Flatten',
        '  (6): Dense(None -> 32, Activation(relu))',
        '  (7): Dropout(p = 0.5, axes=())',
        '  (8): Dense(None -> 10, linear)',
        ')',
      ].join('\n'),
    );
    expect(net.collectParams().keys()).toEqual([
      'lenet_conv0_weight',
      'lenet_conv0_bias',
      'lenet_batchnorm0_gamma',
      'lenet_batchnorm0_beta',
      'lenet_batchnorm0_running_mean',
      'lenet_batchnorm0_running_var',
      'lenet_conv1_weight',
      'lenet_conv1_bias',
      'lenet_dense0_weight',
      'lenet_dense0_bias',
      'lenet_dense1_weight',
      'lenet_dense1_bias',
    ]);
    net.initialize(new init.Xavier());
    const shapes: number[][] = [];
    let X = nd.random.uniform(0, 1, [2, 1, 28, 28]);
    for (let i = 0; i < net.length; i++) {
      X = net.get(i).forward(X);
      shapes.push(X.shape);
    }
    expect(shapes).toEqual([[2, 6, 28, 28], [2, 6, 28, 28], [2, 6, 14, 14], [2, 16, 10, 10], [2, 16, 5, 5], [2, 400], [2, 32], [2, 32], [2, 10]]);
    expect(net.collectParams().getByName('lenet_dense0_weight').shape).toEqual([32, 400]);
  });

  it('no tensor leaks over forward/backward of conv + bn + pool + dense', async () => {
    const net = lenet();
    net.initialize(new init.Xavier());
    const X = nd.random.uniform(0, 1, [4, 1, 28, 28]);
    const y = nd.array([0, 1, 2, 3]);
    const loss = new gluon.loss.SoftmaxCrossEntropyLoss();
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
    await expectNoLeak(async () => {
      const l = autograd.record(() => loss.forward(net.forward(X), y));
      l.backward();
      trainer.step(4);
      await l.data();
    }, 3);
  });
});
