/**
 * On WebGPU a matrix transpose goes through tfjs's generic transpose program (fastTranspose),
 * and nd.dot with transposeB transposes b first (the matMul shader is 4-wide only without the
 * flag). Values and gradients must be those of the plain definitions, checked here against
 * products computed in JavaScript, on every backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, nd, type NDArray } from '../../../../../src/lib/index';
import { tf } from '../../../../../src/lib/engine/tf';
import { fastTranspose } from '../../../../../src/lib/nd/fast-paths/transpose-webgpu-matrix';
import { useBackend } from '../../../helpers/backend';
import { expectClose } from '../../../helpers/check-op';

beforeAll(useBackend);

type Mat = number[][];
const T = (m: Mat): Mat => m[0]!.map((_, j) => m.map((row) => row[j]!));
const mul = (a: Mat, b: Mat): Mat => a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const rand = (r: number, c: number): Mat => Array.from({ length: r }, () => Array.from({ length: c }, () => Math.round((Math.random() * 2 - 1) * 100) / 100));
const flat = (m: Mat): number[] => m.flat();
const read = async (x: NDArray): Promise<number[]> => Array.from(await x.data());

describe('transposes and transposed products', () => {
  it('fastTranspose equals the definition for 2-D and other ranks', async () => {
    const m = rand(9, 7);
    const t = tf.tensor(m);
    expect(fastTranspose(t).shape).toEqual([7, 9]);
    expectClose(Array.from(await fastTranspose(t).data()), flat(T(m)));
    expectClose(Array.from(await fastTranspose(t, [0, 1]).data()), flat(m));
    const c = tf.reshape(tf.range(0, 24), [2, 3, 4]);
    expectClose(Array.from(await fastTranspose(c, [2, 0, 1]).data()), Array.from(await tf.transpose(c, [2, 0, 1]).data()));
  });

  it('x.T and its gradient', async () => {
    const m = rand(5, 3);
    const h = rand(3, 5);
    const x = nd.array(m);
    x.attachGrad();
    const y = autograd.record(() => x.T.mul(nd.array(h)).sum());
    y.backward();
    expectClose(await read(x.T), flat(T(m)));
    expectClose(await read(x.grad), flat(T(h)));
  });

  for (const rows of [3, 9, 64]) {
    it(`dot(x, W, { transposeB }) with ${rows} rows: values and both gradients`, async () => {
      const xm = rand(rows, 12);
      const wm = rand(10, 12);
      const gm = rand(rows, 10); // the head gradient dL/dy
      const x = nd.array(xm);
      const W = nd.array(wm);
      x.attachGrad();
      W.attachGrad();
      const y = autograd.record(() => nd.dot(x, W, { transposeB: true }));
      y.backward(nd.array(gm));
      expectClose(await read(y), flat(mul(xm, T(wm))), 1e-4, 'y');
      expectClose(await read(x.grad), flat(mul(gm, wm)), 1e-4, 'dL/dx = G W');
      expectClose(await read(W.grad), flat(mul(T(gm), xm)), 1e-4, 'dL/dW = G^T x');
      if (tf.getBackend() === 'webgpu') {
        const info = await tf.profile(() => nd.dot(x, W, { transposeB: true }).tensor);
        expect(info.kernels.some((k) => k.name === 'Transpose')).toBe(rows > 8); // few rows keep the flag
      }
    });
  }
});
