/**
 * test_gluon_trainer.py in the MXNet port: a Trainer over one parameter takes three steps with
 * known gradients; the weights after each step follow MXNet's update rules (optimizer.py and the
 * *_update operators), computed by generate.py: rescale by 1/batchSize, clip, weight decay, then
 * sgd (momentum), nag, adam (bias correction in the rate), adagrad, rmsprop (eps inside sqrt).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, init, nd } from '../../../src/lib/index';
import { useBackend } from '../helpers/backend';
import { expectMatches, toNd, type ArrayJson, type OtherCase } from './cases';
import trainerCases from './cases/trainer.json';

beforeAll(useBackend);

describe('MXNet port: test_gluon_trainer.py optimizer steps', () => {
  for (const c of trainerCases as unknown as OtherCase[]) {
    it(`${c.id}: ${c.optimizer as string} ${JSON.stringify(c.options)}, batchSize ${c.batchSize}`, async () => {
      const w0 = toNd(c.w0 as ArrayJson);
      const p = new gluon.Parameter('w', { shape: w0.shape });
      p.initialize({ init: new init.Zero() });
      p.setData(w0);
      const trainer = new gluon.Trainer([p], c.optimizer as 'sgd', c.options as object);
      const grads = (c.grads as ArrayJson[]).map(toNd);
      const after = c.after as ArrayJson[];
      for (let t = 0; t < grads.length; t++) {
        // L = sum(w * g) has dL/dw = g: backward writes exactly the case's gradient.
        autograd.record(() => p.data().mul(grads[t]!).sum()).backward();
        trainer.step(c.batchSize as number);
        await expectMatches(p.data(), after[t]!, 1e-4, `weight after step ${t + 1}`);
      }
    });
  }
});

describe('MXNet port: test_gluon_trainer.py::test_trainer', () => {
  it('learning rate: trainer.learningRate and setLearningRate change the step', async () => {
    const p = new gluon.Parameter('w', { shape: [2] });
    p.initialize({ init: new init.One() });
    const trainer = new gluon.Trainer([p], 'sgd', { learningRate: 1 });
    expect(trainer.learningRate).toBe(1);
    autograd.record(() => p.data().sum()).backward();
    trainer.step(1);
    expect(Array.from(await p.data().data())).toEqual([0, 0]);
    trainer.setLearningRate(0.5);
    expect(trainer.learningRate).toBe(0.5);
    autograd.record(() => p.data().sum()).backward();
    trainer.step(1);
    expect(Array.from(await p.data().data())).toEqual([-0.5, -0.5]);
  });

  it('test_trainer_lr_sched: the optimizer asks lrScheduler for the rate of each update', async () => {
    const p = new gluon.Parameter('w', { shape: [1] });
    p.initialize({ init: new init.Zero() });
    // lr(t) = 1 / t for the t-th update: steps of 1, 1/2, 1/3 with gradient 1
    const trainer = new gluon.Trainer([p], 'sgd', { learningRate: 1, lrScheduler: (t: number) => 1 / t });
    for (let t = 0; t < 3; t++) {
      autograd.record(() => p.data().sum()).backward();
      trainer.step(1);
    }
    expect(await p.data().asScalar()).toBeCloseTo(-(1 + 1 / 2 + 1 / 3), 5);
  });

  it('test_trainer_share_parameters: a parameter shared by two layers is updated once with the summed gradient', async () => {
    const a = new gluon.nn.Dense(1, { inUnits: 1, useBias: false });
    const b = new gluon.nn.Dense(1, { inUnits: 1, useBias: false, params: a.collectParams() });
    const net = new gluon.nn.Sequential();
    net.add(a, b);
    net.initialize(new init.One());
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 1 });
    const x = nd.array([[2]]);
    autograd.record(() => net.forward(x).sum()).backward(); // y = w^2 x, dy/dw = 2 w x = 4
    trainer.step(1);
    expect(await a.weight.data().asScalar()).toBeCloseTo(-3, 5);
  });
});
