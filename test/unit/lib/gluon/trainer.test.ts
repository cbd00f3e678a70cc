/**
 * gluon.Trainer, the optimizers and gluon.utils. Each optimizer's update is checked against
 * its formula computed by hand in plain JavaScript (float64) for 3 steps, with weight decay,
 * momentum, lrMult/wdMult and the 1/batchSize rescaling; a Gluon MLP is checked against the
 * same model written from scratch with nd + autograd; and 50 steps must not leak tensors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { autograd, gluon, init, mx, nd, ArgumentError, DeferredInitializationError, GluonError, ShapeError, type NDArray } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';
import { expectClose, expectNoLeak, values } from '../../helpers/check-op';

beforeAll(useBackend);

const { Trainer, Parameter, ParameterDict } = gluon;
const { Sequential, Dense } = gluon.nn;

// ---- a tiny problem whose gradient is known in closed form -------------------------------
// L = sum_i c_i (w_i - t_i)^2 / 2 over both parameters: dL/dw_i = c_i (w_i - t_i).
// w has lrMult 0.5; b has wdMult 0 (so it is not decayed).

const W0 = [0.5, -1.2, 2.0];
const B0 = [0.3, -0.8];
const TW = [1.0, 0.5, -1.0];
const TB = [-0.5, 2.0];
const CW = [1.0, 3.0, 0.5];
const CB = [2.0, 1.5];
const BATCH = 2; // step(2) rescales gradients by 1/2

interface Problem {
  params: InstanceType<typeof ParameterDict>;
  w: InstanceType<typeof Parameter>;
  b: InstanceType<typeof Parameter>;
}

function makeProblem(): Problem {
  const params = new ParameterDict('toy_');
  const w = params.get('w', { shape: [3], lrMult: 0.5 });
  const b = params.get('b', { shape: [2], wdMult: 0 });
  params.initialize();
  w.setData(nd.array(W0));
  b.setData(nd.array(B0));
  return { params, w, b };
}

function lossOf(p: Problem): NDArray {
  const tw = nd.array(TW);
  const tb = nd.array(TB);
  return autograd.record(() => {
    const lw = p.w.data().sub(tw).square().mul(nd.array(CW)).sum();
    const lb = p.b.data().sub(tb).square().mul(nd.array(CB)).sum();
    return lw.add(lb).div(2);
  });
}

/** One parameter's reference state in plain JS; `update` mutates w (and its state) by the formula. */
interface RefParam {
  w: number[];
  t: number[];
  c: number[];
  lrMult: number;
  wdMult: number;
  state: Record<string, number[]>;
  count: number;
}

type RefUpdate = (p: RefParam, g: number[], lr: number, wd: number, rescale: number) => void;

const clipTo = (v: number, c: number | null): number => (c === null ? v : Math.max(-c, Math.min(c, v)));
const zerosOf = (n: number): number[] => new Array<number>(n).fill(0);

async function runAgainstReference(optimizer: string, options: Record<string, unknown>, update: RefUpdate): Promise<void> {
  const p = makeProblem();
  const trainer = new Trainer(p.params, optimizer, options);
  const lr = options.learningRate as number;
  const wd = (options.wd as number | undefined) ?? 0;
  const ref: RefParam[] = [
    { w: [...W0], t: TW, c: CW, lrMult: 0.5, wdMult: 1, state: {}, count: 0 },
    { w: [...B0], t: TB, c: CB, lrMult: 1, wdMult: 0, state: {}, count: 0 },
  ];
  for (let step = 1; step <= 3; step++) {
    lossOf(p).backward();
    trainer.step(BATCH);
    for (const r of ref) {
      const g = r.w.map((wi, i) => r.c[i]! * (wi - r.t[i]!));
      r.count++;
      update(r, g, lr * r.lrMult, wd * r.wdMult, 1 / BATCH);
    }
    expectClose(await values(p.w.data()), ref[0]!.w, 2e-6, `${optimizer} w after step ${step}`);
    expectClose(await values(p.b.data()), ref[1]!.w, 2e-6, `${optimizer} b after step ${step}`);
  }
  // and it is a descent: the loss went down
  const before = makeProblem();
  expect(await lossOf(p).asScalar()).toBeLessThan(await lossOf(before).asScalar());
}

describe('each optimizer matches its update formula by hand (3 steps, wd, lrMult, wdMult)', () => {
  it('sgd without momentum: w = (1 - lr wd) w - lr rescale g', async () => {
    await runAgainstReference('sgd', { learningRate: 0.1, wd: 0.05 }, (p, g, lr, wd, rs) => {
      p.w = p.w.map((wi, i) => (1 - lr * wd) * wi - lr * rs * g[i]!);
    });
  });

  it('sgd with momentum: m = mu m - lr wd w - lr g; w += m', async () => {
    await runAgainstReference('sgd', { learningRate: 0.1, momentum: 0.9, wd: 0.05 }, (p, g, lr, wd, rs) => {
      const m = (p.state.m ??= zerosOf(p.w.length));
      p.w.forEach((wi, i) => {
        m[i] = 0.9 * m[i]! - lr * wd * wi - lr * rs * g[i]!;
      });
      p.w = p.w.map((wi, i) => wi + m[i]!);
    });
  });

  it('sgd with clipGradient: the rescaled gradient is clipped before weight decay', async () => {
    await runAgainstReference('sgd', { learningRate: 0.2, momentum: 0.5, wd: 0.1, clipGradient: 0.4 }, (p, g, lr, wd, rs) => {
      const m = (p.state.m ??= zerosOf(p.w.length));
      p.w.forEach((wi, i) => {
        m[i] = 0.5 * m[i]! - lr * wd * wi - lr * clipTo(rs * g[i]!, 0.4);
      });
      p.w = p.w.map((wi, i) => wi + m[i]!);
    });
  });

  it('nag: m = mu m - lr (g + wd w); w = w + mu m - lr (g + wd w)', async () => {
    await runAgainstReference('nag', { learningRate: 0.1, momentum: 0.9, wd: 0.05 }, (p, g, lr, wd, rs) => {
      const m = (p.state.m ??= zerosOf(p.w.length));
      p.w = p.w.map((wi, i) => {
        const step = lr * (rs * g[i]! + wd * wi);
        m[i] = 0.9 * m[i]! - step;
        return wi + 0.9 * m[i]! - step;
      });
    });
  });

  it('adam: bias-corrected rate lr sqrt(1 - b2^t) / (1 - b1^t), eps outside the square root', async () => {
    const [b1, b2, eps] = [0.9, 0.999, 1e-8];
    await runAgainstReference('adam', { learningRate: 0.05, wd: 0.05 }, (p, g, lr, wd, rs) => {
      const m = (p.state.m ??= zerosOf(p.w.length));
      const v = (p.state.v ??= zerosOf(p.w.length));
      const lrT = (lr * Math.sqrt(1 - b2 ** p.count)) / (1 - b1 ** p.count);
      p.w = p.w.map((wi, i) => {
        const gi = rs * g[i]! + wd * wi;
        m[i] = b1 * m[i]! + (1 - b1) * gi;
        v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
        return wi - (lrT * m[i]!) / (Math.sqrt(v[i]!) + eps);
      });
    });
  });

  it('adam with its own betas, epsilon and clipGradient (clipped after weight decay)', async () => {
    const [b1, b2, eps, c] = [0.8, 0.99, 1e-3, 0.3];
    await runAgainstReference('adam', { learningRate: 0.05, wd: 0.05, beta1: b1, beta2: b2, epsilon: eps, clipGradient: c }, (p, g, lr, wd, rs) => {
      const m = (p.state.m ??= zerosOf(p.w.length));
      const v = (p.state.v ??= zerosOf(p.w.length));
      const lrT = (lr * Math.sqrt(1 - b2 ** p.count)) / (1 - b1 ** p.count);
      p.w = p.w.map((wi, i) => {
        const gi = clipTo(rs * g[i]! + wd * wi, c);
        m[i] = b1 * m[i]! + (1 - b1) * gi;
        v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
        return wi - (lrT * m[i]!) / (Math.sqrt(v[i]!) + eps);
      });
    });
  });

  it('adagrad: h += g^2; w -= lr (g / sqrt(h + eps) + wd w), eps inside the square root', async () => {
    const eps = 1e-2; // large enough that its placement shows in the numbers
    await runAgainstReference('adagrad', { learningRate: 0.3, wd: 0.05, eps }, (p, g, lr, wd, rs) => {
      const h = (p.state.h ??= zerosOf(p.w.length));
      p.w = p.w.map((wi, i) => {
        const gi = rs * g[i]!;
        h[i] = h[i]! + gi * gi;
        return wi - lr * (gi / Math.sqrt(h[i]! + eps) + wd * wi);
      });
    });
  });

  it('rmsprop: n = (1 - g1) g^2 + g1 n; w -= lr g / sqrt(n + eps)', async () => {
    const [g1, eps] = [0.8, 1e-2];
    await runAgainstReference('rmsprop', { learningRate: 0.05, wd: 0.05, gamma1: g1, epsilon: eps }, (p, g, lr, wd, rs) => {
      const n = (p.state.n ??= zerosOf(p.w.length));
      p.w = p.w.map((wi, i) => {
        const gi = rs * g[i]! + wd * wi;
        n[i] = (1 - g1) * gi * gi + g1 * n[i]!;
        return wi - (lr * gi) / Math.sqrt(n[i]! + eps);
      });
    });
  });

  it('rmsprop centered (Graves), with clipWeights', async () => {
    const [g1, g2, eps, cw] = [0.9, 0.7, 1e-2, 1.9];
    await runAgainstReference('rmsprop', { learningRate: 0.05, gamma1: g1, gamma2: g2, epsilon: eps, centered: true, clipWeights: cw }, (p, g, lr, wd, rs) => {
      const n = (p.state.n ??= zerosOf(p.w.length));
      const s = (p.state.s ??= zerosOf(p.w.length));
      const d = (p.state.d ??= zerosOf(p.w.length));
      p.w = p.w.map((wi, i) => {
        const gi = rs * g[i]! + wd * wi;
        n[i] = (1 - g1) * gi * gi + g1 * n[i]!;
        s[i] = (1 - g1) * gi + g1 * s[i]!;
        d[i] = g2 * d[i]! - (lr * gi) / Math.sqrt(n[i]! - s[i]! * s[i]! + eps);
        return clipTo(wi + d[i]!, cw);
      });
    });
  });

  it('an Optimizer instance works as the optimizer, and lrMult changed later takes effect', async () => {
    const p = makeProblem();
    const opt = new gluon.optimizer.SGD({ learningRate: 0.1 });
    const trainer = new Trainer([p.w, p.b], opt);
    expect(trainer.optimizer).toBe(opt);
    p.w.lrMult = 2; // read at each update, as Gluon
    lossOf(p).backward();
    const g = await values(p.w.grad());
    trainer.step(1);
    expectClose(await values(p.w.data()), W0.map((w, i) => w - 0.1 * 2 * g[i]!), 1e-6);
    expect(gluon.optimizer.create('Adam')).toBeInstanceOf(gluon.optimizer.Adam);
    expect(() => new Trainer(p.params, opt, { learningRate: 1 })).toThrow(/options must be empty when the optimizer is an Optimizer instance/);
  });
});

describe('Trainer.step, learning rate, parameters', () => {
  it('step(batchSize) rescales gradients by 1 / batchSize (times the optimizer rescaleGrad)', async () => {
    const p = makeProblem();
    const trainer = new Trainer(p.params, 'sgd', { learningRate: 1 });
    lossOf(p).backward();
    const g = await values(p.b.grad());
    trainer.step(4);
    expect(trainer.optimizer.rescaleGrad).toBe(0.25);
    expectClose(await values(p.b.data()), B0.map((b, i) => b - g[i]! / 4), 1e-6);
    // rescaleGrad given to the optimizer is a scale on top of 1 / batchSize
    const q = makeProblem();
    const t2 = new Trainer(q.params, 'sgd', { learningRate: 1, rescaleGrad: 3 });
    lossOf(q).backward();
    t2.step(4);
    expect(t2.optimizer.rescaleGrad).toBe(0.75);
    expectClose(await values(q.b.data()), B0.map((b, i) => b - (3 * g[i]!) / 4), 1e-6);
    expect(() => t2.step(0)).toThrow(/batchSize must be a positive number/);
  });

  it('learningRate getter, setLearningRate and the setter change the next step', async () => {
    const p = makeProblem();
    const trainer = new Trainer(p.params, 'sgd', { learningRate: 0.1 });
    expect(trainer.learningRate).toBe(0.1);
    trainer.setLearningRate(0.05);
    expect(trainer.learningRate).toBe(0.05);
    trainer.learningRate = 0.5;
    expect(trainer.learningRate).toBe(0.5);
    expect(trainer.optimizer.learningRate).toBe(0.5);
    lossOf(p).backward();
    const g = await values(p.b.grad());
    trainer.step(1);
    expectClose(await values(p.b.data()), B0.map((b, i) => b - 0.5 * g[i]!), 1e-6);
    // defaults as MXNet: 0.01 for sgd, 0.001 for adam and rmsprop
    expect(new Trainer(p.params, 'sgd').learningRate).toBe(0.01);
    expect(new Trainer(p.params, 'adam').learningRate).toBe(0.001);
    expect(new Trainer(p.params, 'rmsprop').learningRate).toBe(0.001);
    // with a schedule, the schedule decides
    const scheduled = new Trainer(p.params, 'sgd', { lrScheduler: (n) => 1 / (n + 1) });
    expect(scheduled.learningRate).toBe(1);
    expect(() => scheduled.setLearningRate(0.1)).toThrow(/lrScheduler sets the learning rate/);
  });

  it('updates in place: the arrays keep their identity; updates are not recorded', async () => {
    const p = makeProblem();
    const trainer = new Trainer(p.params, 'adam', { learningRate: 0.1 });
    const w = p.w.data();
    const before = await values(w);
    autograd.record(() => {
      lossOf(p).backward();
      trainer.step(1); // even inside record, the update is not taped
    });
    expect(p.w.data()).toBe(w);
    expect(w.tapeNode).toBeNull();
    expect(await values(w)).not.toEqual(before);
  });

  it('deferred initialization: the trainer is made before shapes are known; states appear at the first step', async () => {
    const net = new Sequential().add(new Dense(3, { activation: 'relu' }), new Dense(2));
    net.initialize(new init.Normal(0.5));
    const trainer = new Trainer(net.collectParams(), 'sgd', { learningRate: 0.1, momentum: 0.9 });
    expect(() => trainer.step(1)).toThrow(DeferredInitializationError);
    const X = nd.random.normal(0, 1, [4, 5]);
    const y = nd.array([0, 1, 1, 0]);
    const L = new gluon.loss.SoftmaxCrossEntropyLoss();
    autograd.record(() => L.forward(net.forward(X), y)).backward();
    const w = (net.get(0) as InstanceType<typeof Dense>).weight;
    expect(w.shape).toEqual([3, 5]);
    const w0 = await values(w.data());
    const g = await values(w.grad());
    trainer.step(4);
    // first momentum step: m = -lr g / 4, w += m
    expectClose(await values(w.data()), w0.map((v, i) => v - (0.1 * g[i]!) / 4), 1e-6);
  });

  it('parameters with gradReq null are left alone', async () => {
    const net = new Sequential().add(new Dense(3, { inUnits: 2 }), new Dense(1, { inUnits: 3 }));
    net.initialize();
    const frozen = (net.get(0) as InstanceType<typeof Dense>).weight;
    frozen.gradReq = 'null';
    const trainer = new Trainer(net.collectParams(), 'sgd', { learningRate: 1 });
    const before = await values(frozen.data());
    const other = (net.get(1) as InstanceType<typeof Dense>).weight;
    const otherBefore = await values(other.data());
    autograd.record(() => net.forward(nd.ones([2, 2])).sum()).backward();
    trainer.step(2);
    expect(await values(frozen.data())).toEqual(before);
    expect(await values(other.data())).not.toEqual(otherBefore);
  });

  it('stale gradients: a step without backward, or a parameter unused this iteration, is an error unless ignoreStaleGrad', async () => {
    const a = new Dense(2, { inUnits: 3 });
    const b = new Dense(2, { inUnits: 3 });
    const params = new ParameterDict();
    params.update(a.collectParams());
    params.update(b.collectParams());
    params.initialize();
    const trainer = new Trainer(params, 'sgd', { learningRate: 0.1 });
    expect(() => trainer.step(1)).toThrow(GluonError);
    expect(() => trainer.step(1)).toThrow(/has not been updated by backward since the last step.*ignoreStaleGrad: true/);
    const X = nd.ones([1, 3]);
    autograd.record(() => a.forward(X).add(b.forward(X)).sum()).backward();
    trainer.step(1);
    // now only `a` is used: b's gradient is stale
    autograd.record(() => a.forward(X).sum()).backward();
    expect(() => trainer.step(1)).toThrow(new RegExp(`Parameter '${b.prefix}(weight|bias)'`));
    const bBefore = await values(b.weight.data());
    const aBefore = await values(a.weight.data());
    trainer.step(1, { ignoreStaleGrad: true });
    expect(await values(b.weight.data())).toEqual(bBefore);
    expect(await values(a.weight.data())).not.toEqual(aBefore);
  });

  it('clear errors for wrong arguments', () => {
    const p = makeProblem();
    expect(() => new Trainer(p.params, 'sgd', { learning_rate: 0.1 } as never)).toThrow(ArgumentError);
    expect(() => new Trainer(p.params, 'sgd', { learning_rate: 0.1 } as never)).toThrow(/unknown option 'learning_rate'. Did you mean learningRate\?/);
    expect(() => new Trainer(p.params, 'sgd', { lr: 0.1 } as never)).toThrow(/Did you mean learningRate\?/);
    expect(() => new Trainer(p.params, 'adam', { momentum: 0.9 })).toThrow(/Adam: unknown option 'momentum'/);
    expect(() => new Trainer(p.params, 'sgdd')).toThrow(/Cannot find optimizer "sgdd"/);
    expect(() => new Trainer({} as never, 'sgd')).toThrow(/ParameterDict, e.g. net.collectParams\(\)/);
    const uninit = new ParameterDict('u_');
    uninit.get('weight', { shape: [2] });
    const t = new Trainer(uninit, 'sgd');
    expect(() => t.step(1)).toThrow(/has not been initialized. Call net.initialize\(\) first/);
  });
});

describe('a Gluon MLP and the same model from scratch agree exactly', () => {
  it('identical losses and parameters after 3 SGD steps', async () => {
    nd.random.seed(7);
    const net = new Sequential().add(new Dense(5, { activation: 'relu' }), new Dense(3));
    net.initialize(new init.Normal(0.5));
    const X = nd.random.normal(0, 1, [4, 6]);
    const y = nd.array([0, 2, 1, 2]);
    net.forward(X); // completes the deferred shapes
    const layers = [net.get(0), net.get(1)] as InstanceType<typeof Dense>[];
    // The scratch model starts from copies of the same parameters.
    const [W1, b1, W2, b2] = layers.flatMap((d) => [d.weight.data().copy(), d.bias!.data().copy()]) as [NDArray, NDArray, NDArray, NDArray];
    const scratch = [W1, b1, W2, b2];
    for (const p of scratch) p.attachGrad();
    const scratchNet = (x: NDArray): NDArray => nd.dot(nd.dot(x, W1, { transposeB: true }).add(b1).relu(), W2, { transposeB: true }).add(b2);
    const crossEntropy = (yHat: NDArray, label: NDArray): NDArray => nd.logSoftmax(yHat).pick(label).neg();

    const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
    // lr and batch size are powers of two, so lr * g / batchSize rounds the same whichever order
    // the two implementations multiply in: the comparison can be exact.
    const lr = 0.5;
    const batchSize = 4;
    const trainer = new Trainer(net.collectParams(), 'sgd', { learningRate: lr });
    for (let step = 0; step < 3; step++) {
      const l = autograd.record(() => lossFn.forward(net.forward(X), y));
      l.backward();
      trainer.step(batchSize);
      const ls = autograd.record(() => crossEntropy(scratchNet(X), y));
      ls.backward();
      for (const p of scratch) p.set(p.sub(p.grad.mul(lr).div(batchSize))); // d2l's sgd
      expect(l.shape).toEqual(ls.shape);
      expect(await values(l)).toEqual(await values(ls));
    }
    const gluonParams = layers.flatMap((d) => [d.weight.data(), d.bias!.data()]);
    for (let i = 0; i < 4; i++) expect(await values(gluonParams[i]!)).toEqual(await values(scratch[i]!));
    // and the parameters did move
    expect(await values(W1)).not.toEqual(await values(nd.zerosLike(W1)));
  });
});

describe('memory', () => {
  it('50 trainer steps (Adam, with states) leak no tensors', async () => {
    const net = new Sequential().add(new Dense(8, { activation: 'relu' }), new Dense(3));
    net.initialize();
    const trainer = new Trainer(net.collectParams(), 'adam', { learningRate: 0.01, wd: 1e-4 });
    const L = new gluon.loss.SoftmaxCrossEntropyLoss();
    const X = nd.random.normal(0, 1, [16, 4]);
    const y = nd.array(Array.from({ length: 16 }, (_, i) => i % 3));
    let first = Number.NaN;
    let last = Number.NaN;
    await expectNoLeak(async () => {
      for (let i = 0; i < 50; i++) {
        const l = autograd.record(() => L.forward(net.forward(X), y));
        l.backward();
        trainer.step(16);
        if (i === 49) last = await l.mean().asScalar();
        if (Number.isNaN(first)) first = await l.mean().asScalar();
      }
    }, 1); // a warm-up block, then one measured block of 50 steps
    expect(last).toBeLessThan(first); // it trains
    expect(trainer.optimizer.numUpdate).toBe(100);
  });
});

describe('gluon.utils', () => {
  it('clipGlobalNorm rescales in place to maxNorm and resolves to the norm before clipping', async () => {
    const a = nd.array([3, 0]);
    const b = nd.array([[0, 4]]);
    const keep = a;
    const norm = await gluon.utils.clipGlobalNorm([a, b], 1);
    expect(norm).toBeCloseTo(5, 5);
    expect(a).toBe(keep);
    expectClose(await values(a), [3 / 5, 0], 1e-6);
    expectClose(await values(b), [0, 4 / 5], 1e-6);
    // below maxNorm: unchanged
    const c = nd.array([0.3, 0.4]);
    expect(await gluon.utils.clipGlobalNorm([c], 10)).toBeCloseTo(0.5, 6);
    expectClose(await values(c), [0.3, 0.4]);
    await expect(gluon.utils.clipGlobalNorm([], 1)).rejects.toThrow(/non-empty list/);
    const before = tf.memory().numTensors;
    await gluon.utils.clipGlobalNorm([a, b, c], 0.5);
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
  });

  it('clipGlobalNorm on the gradients of a net (many arrays)', async () => {
    const net = new Sequential();
    for (let i = 0; i < 5; i++) net.add(new Dense(3, { activation: 'tanh' })); // 10 arrays: more than addN handles on WebGPU
    net.initialize(new init.Normal(1));
    autograd.record(() => net.forward(nd.ones([2, 3])).square().sum().mul(100)).backward();
    const grads = net.collectParams().values().map((p) => p.grad());
    const flat = (await Promise.all(grads.map(values))).flat();
    const expected = Math.sqrt(flat.reduce((s, v) => s + v * v, 0));
    const norm = await gluon.utils.clipGlobalNorm(grads, 0.1);
    expect(norm).toBeCloseTo(expected, 2);
    const after = (await Promise.all(grads.map(values))).flat();
    expect(Math.sqrt(after.reduce((s, v) => s + v * v, 0))).toBeCloseTo(0.1, 5);
  });

  it('splitAndLoad on one device returns [data]; splitData splits along the batch axis', async () => {
    const X = nd.arange(12).reshape([6, 2]);
    const ctx = mx.currentContext();
    const parts = gluon.utils.splitAndLoad(X, [ctx]);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toBe(X);
    const three = gluon.utils.splitData(X, 3);
    expect(three.map((p) => p.shape)).toEqual([[2, 2], [2, 2], [2, 2]]);
    expect(await values(three[1]!)).toEqual([4, 5, 6, 7]);
    const uneven = gluon.utils.splitData(X, 4, { evenSplit: false });
    expect(uneven.map((p) => p.shape[0])).toEqual([1, 1, 1, 3]);
    expect(() => gluon.utils.splitData(X, 4)).toThrow(ShapeError);
    expect(() => gluon.utils.splitData(X, 4)).toThrow(/cannot be evenly split into 4 slices/);
    expect(() => gluon.utils.splitAndLoad(X, [])).toThrow(/non-empty list of contexts/);
  });
});
