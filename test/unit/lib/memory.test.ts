/**
 * Readers never call dispose(). These tests train as a reader would and check that the
 * number of live tensors stays bounded: deterministic frees (in-place updates, freed tape
 * nodes, gradient buffers rewritten in place) plus the garbage collector for dropped arrays.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { autograd, nd } from '../../../src/lib/index';
import { useBackend } from '../helpers/backend';
import { settle } from '../helpers/check-op';

beforeAll(useBackend);

/** A two-layer net trained with plain SGD on fresh random batches; yields like the kernel does. */
async function train(steps: number, onStep: (step: number) => void): Promise<number> {
  nd.random.seed(0);
  const trueW = nd.array([[2], [-3.4]]);
  const w1 = nd.random.normal(0, 0.1, [2, 8]);
  const b1 = nd.zeros([8]);
  const w2 = nd.random.normal(0, 0.1, [8, 1]);
  const b2 = nd.zeros([1]);
  const params = [w1, b1, w2, b2];
  for (const p of params) p.attachGrad();
  let last = 0;
  for (let step = 0; step < steps; step++) {
    const X = nd.random.normal(0, 1, [16, 2]);
    const y = nd.dot(X, trueW).add(4.2);
    const l = autograd.record(() => {
      const h = nd.dot(X, w1).add(b1).relu();
      const yHat = nd.dot(h, w2).add(b2);
      return yHat.sub(y).square().mean();
    });
    l.backward();
    for (const p of params) p.subInPlace(p.grad.mul(0.05));
    if (step % 50 === 49) {
      last = await l.asScalar(); // an async read, as a training loop shows its loss
      await nd.waitAll(); // the kernel does this regularly during long loops
    }
    onStep(step);
  }
  return last;
}

describe('no leaks over long training loops', () => {
  it('1,000 record/backward/update steps: live tensors return to a small constant', async () => {
    await settle();
    const start = tf.memory().numTensors;
    let peak = start;
    const lossAtEnd = await train(1000, () => {
      peak = Math.max(peak, tf.memory().numTensors);
    });
    await settle();
    const end = tf.memory().numTensors;
    // What remains: 4 parameters, their 4 gradient buffers, the true weights (dropped but
    // maybe not yet collected) — a handful, independent of the number of steps.
    expect(end - start).toBeLessThan(20);
    expect(lossAtEnd).toBeLessThan(1); // and it actually trained
    console.log(`memory test: live tensors start ${start}, peak ${peak}, end ${end}; final loss ${lossAtEnd.toFixed(4)}`);
  });

  it('without gc() the collector is nudged and the count stays bounded too', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    (globalThis as { gc?: () => void }).gc = undefined;
    try {
      const start = tf.memory().numTensors;
      let peak = start;
      // 3,000 steps make ~36,000 short-lived tensors; without collection all would be live.
      await train(3000, () => {
        peak = Math.max(peak, tf.memory().numTensors);
      });
      console.log(`memory test without forced gc: start ${start}, peak ${peak} over 3000 steps`);
      // Tape nodes and in-place updates free deterministically; dropped arrays wait for the
      // collector, so the peak depends on V8's heuristics — but it must not grow with steps.
      expect(peak - start).toBeLessThan(6000);
    } finally {
      (globalThis as { gc?: () => void }).gc = gc;
    }
  });
});
