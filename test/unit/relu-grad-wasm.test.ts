/**
 * ReLU's gradient on arrays large enough for the WASM heap loop (fast-paths/relu-grad-wasm.ts):
 * dL/dx = dL/dy where relu(x) > 0, 0 where x <= 0 (exact zeros included), NaN where the head is
 * infinite or NaN on the zero side as the product dy * 0 gives; the same on every backend, and
 * no leaked tensors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { autograd, nd } from '../../src/lib/index';
import { reluGradWasm } from '../../src/lib/nd/fast-paths/relu-grad-wasm';
import { expectClose, expectNoLeak, values } from './helpers/check-op';
import { requestedBackend, useBackend } from './helpers/backend';

beforeAll(useBackend);

describe('relu gradient (large arrays)', () => {
  it('passes the head where the output is positive, zero elsewhere', async () => {
    nd.random.seed(3);
    const x = nd.random.randint(-2, 3, [8, 3, 16, 16]).astype('float32').mul(0.5); // exact zeros among them
    const head = nd.random.normal(0, 1, x.shape);
    x.attachGrad();
    autograd.record(() => x.relu()).backward(head);
    const xs = await values(x);
    const hs = await values(head);
    expectClose(await values(x.grad), xs.map((v, i) => (v > 0 ? hs[i]! : 0)), 0, 'dL/dx');
  });

  it('keeps NaN where an infinite head meets a zero slope, and a finite one elsewhere', async () => {
    const n = 5000;
    const x = nd.array(Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1)));
    const head = nd.array(Array.from({ length: n }, (_, i) => (i < 4 ? Infinity : 1)));
    x.attachGrad();
    autograd.record(() => x.relu()).backward(head);
    const g = await values(x.grad);
    expect(g.slice(0, 4)).toEqual([NaN, Infinity, NaN, Infinity]);
    expect(g.slice(4, 8)).toEqual([0, 1, 0, 1]);
  });

  it('runs as the heap loop on WASM only, and leaks nothing', async () => {
    const y = tf.ones([64, 64]);
    const dy = tf.ones([64, 64]);
    const fast = reluGradWasm(dy, y);
    expect(fast !== null).toBe(requestedBackend() === 'wasm');
    tf.dispose([y, dy, fast ?? []]);
    const x = nd.random.normal(0, 1, [4, 8, 16, 16]);
    x.attachGrad();
    await expectNoLeak(async () => {
      autograd.record(() => x.relu().sum()).backward();
      await x.grad.data();
    });
  });
});
