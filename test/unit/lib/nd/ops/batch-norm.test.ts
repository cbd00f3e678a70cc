/**
 * The fused training-mode batch normalization (src/lib/nd/ops/batch-norm.ts) against the same
 * formula built from elementwise primitives, whose gradient autograd derives: outputs and the
 * gradients of x, gamma and beta must agree, for dense (N, C), convolutional (N, C, H, W) and
 * last-axis layouts, and through gluon.nn.BatchNorm with scale/center switched off.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, nd, type NDArray } from '../../../../../src/lib/index';
import { batchNormTrain } from '../../../../../src/lib/nd/ops/batch-norm';
import { expectClose, values } from '../../../helpers/check-op';
import { useBackend } from '../../../helpers/backend';

beforeAll(useBackend);

/** y = gamma (x - mean) / sqrt(var + eps) + beta with the batch's statistics, all on the tape. */
function composite(x: NDArray, gamma: NDArray, beta: NDArray, axes: number[], eps: number): NDArray {
  const mean = x.mean({ axis: axes, keepDims: true });
  const variance = x.sub(mean).square().mean({ axis: axes, keepDims: true });
  return x.sub(mean).div(variance.add(eps).sqrt()).mul(gamma).add(beta);
}

function fused(x: NDArray, gamma: NDArray, beta: NDArray, axes: number[], eps: number): NDArray {
  const [mean, variance] = autograd.pause((): [NDArray, NDArray] => {
    const mu = x.mean({ axis: axes, keepDims: true });
    return [mu, x.sub(mu).square().mean({ axis: axes, keepDims: true })];
  });
  return batchNormTrain(x, gamma, beta, mean, variance, { axes, eps });
}

async function gradsOf(f: typeof composite, x0: NDArray, g0: NDArray, b0: NDArray, head: NDArray, axes: number[]): Promise<number[][]> {
  const [x, gamma, beta] = [x0.copy(), g0.copy(), b0.copy()];
  for (const p of [x, gamma, beta]) p.attachGrad();
  const y = autograd.record(() => f(x, gamma, beta, axes, 1e-5));
  y.backward(head);
  return [await values(y), await values(x.grad), await values(gamma.grad), await values(beta.grad)];
}

describe('batchNormTrain (fused training-mode batch normalization)', () => {
  for (const [shape, axes] of [
    [[6, 4], [0]],
    [[3, 5, 4, 4], [0, 2, 3]],
    [[2, 3, 5], [0, 1]],
  ] as [number[], number[]][]) {
    it(`matches the composite formula and its autograd gradients, shape ${shape.join('x')}, axes ${axes.join(',')}`, async () => {
      const bshape = shape.map((d, i) => (axes.includes(i) ? 1 : d));
      const x = nd.random.normal(2, 3, shape);
      const gamma = nd.random.uniform(0.5, 1.5, bshape);
      const beta = nd.random.uniform(-1, 1, bshape);
      const head = nd.random.normal(0, 1, shape);
      const [yc, dxc, dgc, dbc] = await gradsOf(composite, x, gamma, beta, head, axes);
      const [yf, dxf, dgf, dbf] = await gradsOf(fused, x, gamma, beta, head, axes);
      expectClose(yf!, yc!, 1e-4, 'y');
      expectClose(dxf!, dxc!, 1e-3, 'dL/dx');
      expectClose(dgf!, dgc!, 1e-3, 'dL/dgamma');
      expectClose(dbf!, dbc!, 1e-4, 'dL/dbeta');
      // The gradient with respect to x of a normalized output sums to zero per channel
      // (shifting a channel's inputs does not change its outputs).
      const dx = nd.array(dxf!).reshape(shape);
      const perChannel = await values(dx.sum({ axis: axes }));
      perChannel.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-3));
    });
  }

  it('gluon BatchNorm without scale and center still passes gradients to x only', async () => {
    const bn = new gluon.nn.BatchNorm({ scale: false, center: false, inChannels: 3 });
    bn.initialize();
    const x = nd.random.normal(0, 2, [4, 3, 2, 2]);
    const head = nd.random.normal(0, 1, [4, 3, 2, 2]);
    x.attachGrad();
    autograd.record(() => bn.forward(x)).backward(head);
    const xc = x.copy();
    xc.attachGrad();
    autograd.record(() => composite(xc, nd.ones([1, 3, 1, 1]), nd.zeros([1, 3, 1, 1]), [0, 2, 3], 1e-5)).backward(head);
    expectClose(await values(x.grad), await values(xc.grad), 1e-3, 'dL/dx');
  });
});
