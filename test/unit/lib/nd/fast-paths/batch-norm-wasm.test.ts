/**
 * gluon.nn.BatchNorm in training mode on inputs large enough to matter (on WASM: the heap loops
 * of fast-paths/batch-norm-wasm.ts, statistics included), against the same formula written with
 * array operations and differentiated by autograd: outputs, the gradients of x, gamma and beta,
 * and the moving statistics. No leaked tensors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { autograd, gluon, nd, type NDArray } from '../../../../../src/lib/index';
import { batchMomentsWasm } from '../../../../../src/lib/nd/fast-paths/batch-norm-wasm';
import { expectClose, expectNoLeak, values } from '../../../helpers/check-op';
import { requestedBackend, useBackend } from '../../../helpers/backend';

beforeAll(useBackend);

describe('BatchNorm (training) on conv-sized inputs', () => {
  for (const shape of [[16, 8, 9, 9], [64, 12]] as const) {
    it(`matches the autograd formula on ${shape.join(' x ')}`, async () => {
      nd.random.seed(11);
      const axes = shape.length === 4 ? [0, 2, 3] : [0];
      const bshape = shape.map((d, a) => (a === 1 ? d : 1));
      const x0 = nd.random.normal(1.5, 2, [...shape]);
      const head = nd.random.normal(0, 1, [...shape]);
      const layer = new gluon.nn.BatchNorm();
      layer.initialize();
      layer.forward(x0); // shapes the parameters
      const gamma0 = nd.random.normal(1, 0.3, [shape[1]]);
      const beta0 = nd.random.normal(0, 0.3, [shape[1]]);
      layer.gamma.setData(gamma0);
      layer.beta.setData(beta0);
      layer.runningMean.setData(nd.zeros([shape[1]]));
      layer.runningVar.setData(nd.ones([shape[1]]));
      const x = x0.copy();
      x.attachGrad();
      const y = autograd.record(() => layer.forward(x));
      y.backward(head);

      const [xr, g, b] = [x0.copy(), gamma0.copy(), beta0.copy()];
      for (const p of [xr, g, b]) p.attachGrad();
      const yr = autograd.record(() => {
        const mu = xr.mean({ axis: axes, keepDims: true });
        const v = xr.sub(mu).square().mean({ axis: axes, keepDims: true });
        return xr.sub(mu).div(v.add(1e-5).sqrt()).mul(g.reshape(bshape)).add(b.reshape(bshape));
      });
      yr.backward(head);
      expectClose(await values(y), await values(yr), 1e-4, 'y');
      expectClose(await values(x.grad), await values(xr.grad), 2e-4, 'dL/dx');
      expectClose(await values(layer.gamma.grad()), await values(g.grad), 2e-3, 'dL/dgamma');
      expectClose(await values(layer.beta.grad()), await values(b.grad), 2e-3, 'dL/dbeta');
      const mean = await values(x0.mean({ axis: axes }));
      expectClose(await values(layer.runningMean.data()), mean.map((m) => 0.1 * m), 1e-4, 'running mean');
    });
  }

  it('the statistics run in the heap on WASM only, and nothing leaks', async () => {
    const t = tf.ones([4, 3, 5, 5]);
    const fast = batchMomentsWasm(t, 1);
    expect(fast !== null).toBe(requestedBackend() === 'wasm');
    if (fast) {
      expectClose(await fast[0].data(), [1, 1, 1], 0, 'mean');
      expectClose(await fast[1].data(), [0, 0, 0], 0, 'variance');
    }
    tf.dispose([t, ...(fast ?? [])]);
    const layer = new gluon.nn.BatchNorm();
    layer.initialize();
    const x: NDArray = nd.random.normal(0, 1, [8, 4, 6, 6]);
    x.attachGrad();
    await expectNoLeak(async () => {
      autograd.record(() => layer.forward(x).sum()).backward();
      await x.grad.data();
    });
  });
});
