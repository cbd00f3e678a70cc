/**
 * Learning-rate schedulers (MXNet's mx.lr_scheduler) against MXNet's formulas transcribed in
 * plain JavaScript, their use by optimizers and the Trainer (an explicit learningRate becomes the
 * base rate, as in MXNet), and AdaDelta against its update by hand; no leaks over many steps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, lrScheduler, nd, ArgumentError } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { expectClose, expectNoLeak, values } from '../../../helpers/check-op';

beforeAll(useBackend);

const { FactorScheduler, MultiFactorScheduler, PolyScheduler, CosineScheduler } = lrScheduler;

/** MXNet's formulas, written from lr_scheduler.py as closed forms (stateless), to compare. */
const warm = (t: number, w: number, begin: number, base: number, mode = 'linear') => (mode === 'constant' ? begin : begin + ((base - begin) * t) / w);
const factorRef = (t: number, o: { step: number; factor: number; base: number; stop?: number; w?: number; begin?: number }) => {
  if (t < (o.w ?? 0)) return warm(t, o.w!, o.begin ?? 0, o.base);
  const k = Math.max(0, Math.ceil(t / o.step) - 1); // reductions once t > count + step
  let lr = o.base;
  for (let i = 0; i < k; i++) lr = Math.max(lr * o.factor, o.stop ?? 1e-8);
  return lr;
};
const multiRef = (t: number, steps: number[], factor: number, base: number) => base * factor ** steps.filter((s) => t > s).length;
const polyRef = (t: number, T: number, base: number, pwr: number, final: number, w = 0, begin = 0) =>
  t < w ? warm(t, w, begin, base) : final + (base - final) * (1 - (Math.min(t, T) - w) / (T - w)) ** pwr;
const cosRef = (t: number, T: number, base: number, final: number, w = 0, begin = 0) =>
  t < w ? warm(t, w, begin, base) : final + ((base - final) * (1 + Math.cos((Math.PI * (Math.min(t, T) - w)) / (T - w)))) / 2;

describe('lrScheduler: the rate after t updates follows MXNet', () => {
  it('FactorScheduler multiplies by factor every step updates, never below stopFactorLr, after a warm-up', () => {
    const s = new FactorScheduler({ step: 10, factor: 0.5, baseLr: 1, stopFactorLr: 0.03 });
    for (let t = 0; t <= 80; t++) expect(s.call(t)).toBeCloseTo(factorRef(t, { step: 10, factor: 0.5, base: 1, stop: 0.03 }), 12);
    expect(s.call(80)).toBe(0.03);
    const w = new FactorScheduler({ step: 5, factor: 0.9, baseLr: 0.4, warmupSteps: 4, warmupBeginLr: 0.1 });
    expect([0, 1, 2, 3].map((t) => w.call(t))).toEqual([0.1, 0.175, 0.25, 0.32500000000000007].map((v) => expect.closeTo(v, 12)));
    expect(w.call(4)).toBe(0.4);
  });

  it('MultiFactorScheduler reduces after each listed step', () => {
    const s = new MultiFactorScheduler({ step: [15, 30], factor: 0.5, baseLr: 0.5 });
    for (let t = 0; t <= 50; t++) expect(s.call(t)).toBeCloseTo(multiRef(t, [15, 30], 0.5, 0.5), 12);
  });

  it('PolyScheduler and CosineScheduler decay to finalLr at maxUpdate, then stay', () => {
    const p = new PolyScheduler({ maxUpdate: 20, baseLr: 0.3, pwr: 2, finalLr: 0.01, warmupSteps: 5, warmupBeginLr: 0.05 });
    const c = new CosineScheduler({ maxUpdate: 20, baseLr: 0.3, finalLr: 0.01, warmupSteps: 5 });
    for (let t = 0; t <= 30; t++) {
      expect(p.call(t)).toBeCloseTo(polyRef(t, 20, 0.3, 2, 0.01, 5, 0.05), 12);
      expect(c.call(t)).toBeCloseTo(cosRef(t, 20, 0.3, 0.01, 5, 0), 12);
    }
    expect(c.call(20)).toBeCloseTo(0.01, 12);
    expect(c.call(12.5)).toBeCloseTo((0.3 + 0.01) / 2, 12); // half way down the cosine
  });

  it('refuses options MXNet refuses, with what to do', () => {
    expect(() => new FactorScheduler({ step: 0 })).toThrow(ArgumentError);
    expect(() => new FactorScheduler({ step: 2, factor: 1.5 })).toThrow(/at most 1/);
    expect(() => new MultiFactorScheduler({ step: [5, 5] })).toThrow(/must increase/);
    expect(() => new CosineScheduler({ maxUpdate: 5, warmupSteps: 5 })).toThrow(/must exceed warmupSteps/);
    expect(() => new FactorScheduler({ step: 2, baseLr: 0.1, warmupBeginLr: 0.5 })).toThrow(/at least warmupBeginLr/);
    expect(() => new FactorScheduler({ step: 2, stop_factor_lr: 1 } as never)).toThrow(/Did you mean stopFactorLr/);
  });
});

describe('optimizers follow their scheduler', () => {
  it('a Trainer with lrScheduler uses the schedule at each step; an explicit learningRate becomes its baseLr', async () => {
    const w = new gluon.Parameter('w', { shape: [1] });
    w.initialize();
    w.setData(nd.array([0]));
    const sched = new CosineScheduler({ maxUpdate: 10, baseLr: 0.5, finalLr: 0 });
    const trainer = new gluon.Trainer([w], 'sgd', { lrScheduler: sched });
    const seen: number[] = [];
    let expected = 0;
    for (let t = 1; t <= 12; t++) {
      // L = -w: the gradient is -1, so each step adds exactly the learning rate used.
      autograd.record(() => w.data().mul(-1).sum()).backward();
      trainer.step(1);
      seen.push(trainer.learningRate);
      expected += cosRef(t, 10, 0.5, 0);
    }
    expectClose(await values(w.data()), [expected], 1e-6, 'w after 12 scheduled steps');
    expect(seen[11]).toBeCloseTo(0, 12);
    expect(() => trainer.setLearningRate(0.1)).toThrow(/lrScheduler sets the learning rate/);
    const f = new FactorScheduler({ step: 5, factor: 0.5, baseLr: 1 });
    new gluon.optimizer.SGD({ learningRate: 0.2, lrScheduler: f });
    expect(f.baseLr).toBe(0.2);
  });

  it('AdaDelta follows its update by hand: no learning rate, steps scaled by the RMS of past steps', async () => {
    const p = new gluon.Parameter('p', { shape: [3] });
    p.initialize();
    const w0 = [0.5, -1.2, 2.0];
    p.setData(nd.array(w0));
    const trainer = new gluon.Trainer([p], 'adadelta', { rho: 0.8, epsilon: 1e-4, wd: 0.01 });
    const t = [1, 0.5, -1];
    const w = [...w0];
    const s = [0, 0, 0];
    const d = [0, 0, 0];
    for (let step = 1; step <= 4; step++) {
      autograd.record(() => p.data().sub(nd.array(t)).square().sum().div(2)).backward();
      trainer.step(2);
      for (let i = 0; i < 3; i++) {
        const g = (w[i]! - t[i]!) / 2;
        s[i] = 0.8 * s[i]! + 0.2 * g * g;
        const dx = (Math.sqrt(d[i]! + 1e-4) / Math.sqrt(s[i]! + 1e-4)) * g;
        d[i] = 0.8 * d[i]! + 0.2 * dx * dx;
        w[i] = w[i]! - (dx + 0.01 * w[i]!);
      }
      expectClose(await values(p.data()), w, 2e-6, `adadelta after step ${step}`);
    }
  });

  it('100 scheduled steps of AdaDelta and of Adam with a cosine warm-up leak no tensors', async () => {
    const net = new gluon.nn.Sequential().add(new gluon.nn.Dense(8, { activation: 'relu' }), new gluon.nn.Dense(3));
    net.initialize();
    const X = nd.random.normal(0, 1, [16, 4]);
    const y = nd.array(Array.from({ length: 16 }, (_, i) => i % 3));
    const L = new gluon.loss.SoftmaxCrossEntropyLoss();
    for (const [name, opts] of [
      ['adadelta', {}],
      ['adam', { learningRate: 0.01, lrScheduler: new CosineScheduler({ maxUpdate: 200, warmupSteps: 20 }) }],
    ] as const) {
      const trainer = new gluon.Trainer(net.collectParams(), name, opts);
      await expectNoLeak(async () => {
        for (let i = 0; i < 50; i++) {
          autograd.record(() => L.forward(net.forward(X), y)).backward();
          trainer.step(16);
        }
      }, 1);
    }
  });
});
