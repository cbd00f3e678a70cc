/**
 * nd.dot(x, W, { transposeB: true }) with few rows in x (Dense on one example): on WASM the
 * flag is kept instead of transposing W first (transposing a large W and preparing the plain
 * kernel for it cost ~10x more there). Same values and gradients either way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, nd } from '../../../../../src/lib/index';
import { tf } from '../../../../../src/lib/engine/tf';
import { useBackend } from '../../../helpers/backend';

beforeAll(useBackend);

async function kernelsOf(f: () => unknown): Promise<string[]> {
  const info = await tf.profile(() => f() as never);
  return info.kernels.map((k) => k.name);
}

function close(a: number[], b: number[], tol = 1e-4): boolean {
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) <= tol * (1 + Math.abs(b[i]!)));
}

describe('dot with a transposed right operand', () => {
  it('keeps the flag for 8 rows or fewer on WASM, transposes first for more; values agree with tf.matMul', async () => {
    const W = nd.random.normal(0, 1, [64, 300]);
    for (const rows of [1, 8, 9, 128]) {
      const x = nd.random.normal(0, 1, [rows, 300]);
      const kernels = await kernelsOf(() => nd.dot(x, W, { transposeB: true }));
      if (tf.getBackend() === 'wasm') expect(kernels.includes('Transpose')).toBe(rows > 8);
      const ours = Array.from(await nd.dot(x, W, { transposeB: true }).data());
      const ref = Array.from(await tf.matMul(x.tensor, W.tensor, false, true).data());
      expect(close(ours, ref)).toBe(true);
    }
  });

  it('gives the same gradients with one row as the untransposed product', async () => {
    const x = nd.random.normal(0, 1, [1, 30]);
    const W = nd.random.normal(0, 1, [20, 30]);
    const Wt = W.T.copy();
    for (const p of [x, W, Wt]) p.attachGrad();
    autograd.record(() => nd.dot(x, W, { transposeB: true }).square().sum()).backward();
    const gx1 = Array.from(await x.grad.data());
    autograd.record(() => nd.dot(x, Wt).square().sum()).backward();
    const gx2 = Array.from(await x.grad.data());
    expect(close(gx1, gx2)).toBe(true);
    expect(close(Array.from(await W.grad.data()), Array.from(await Wt.grad.T.data()))).toBe(true);
  });
});
