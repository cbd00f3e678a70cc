/**
 * x.set(number): the number is filled out to the region instead of broadcast (TensorFlow.js's
 * Tile kernel, element by element on WASM, made init.Zero() on large layers take minutes).
 * Same values, dtype, identity and gradients as before; no Tile kernel runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, init, nd } from '../../../../../src/lib/index';
import { tf } from '../../../../../src/lib/engine/tf';
import { useBackend } from '../../../helpers/backend';

beforeAll(useBackend);

async function kernelsOf(f: () => void): Promise<string[]> {
  const info = await tf.profile(() => f());
  return info.kernels.map((k) => k.name);
}

describe('set with a number', () => {
  it('writes the whole array, keeping identity and dtype, without a Tile kernel', async () => {
    const x = nd.arange(12).reshape([3, 4]);
    const same = x;
    const kernels = await kernelsOf(() => x.set(2.5));
    expect(same).toBe(x);
    expect(await x.toArray()).toEqual([[2.5, 2.5, 2.5, 2.5], [2.5, 2.5, 2.5, 2.5], [2.5, 2.5, 2.5, 2.5]]);
    expect(kernels).not.toContain('Tile');
    const k = nd.zeros([2, 3], { dtype: 'int32' });
    k.set(7.9);
    expect(k.dtype).toBe('int32');
    expect(await k.toArray()).toEqual([[7, 7, 7], [7, 7, 7]]);
  });

  it('writes a region, a strided region and an index array as before', async () => {
    const x = nd.zeros([3, 4]);
    x.set(1, '1:3', '::2');
    expect(await x.toArray()).toEqual([[0, 0, 0, 0], [1, 0, 1, 0], [1, 0, 1, 0]]);
    x.set(-0, 1, 0);
    expect(Object.is((await x.toArray() as number[][])[1]![0], -0)).toBe(true);
    const y = nd.zeros([5]);
    y.set(3, nd.array([0, 4]));
    expect(await y.toArray()).toEqual([3, 0, 0, 0, 3]);
  });

  it('cuts the gradient to the overwritten region inside record', async () => {
    const x = nd.array([1, 2, 3, 4]);
    x.attachGrad();
    const l = autograd.record(() => {
      const h = x.mul(2);
      h.set(0, '0:2'); // the first two entries no longer depend on x
      return h.sum();
    });
    l.backward();
    expect(await x.grad.toArray()).toEqual([0, 0, 2, 2]);
  });

  it('init.Zero() and init.One() fill parameters without a Tile kernel', async () => {
    const dense = new gluon.nn.Dense(64, { inUnits: 300 });
    const kernels = await kernelsOf(() => dense.initialize(new init.Zero()));
    expect(kernels).not.toContain('Tile');
    expect(await dense.weight.data().abs().sum().asScalar()).toBe(0);
    dense.initialize(new init.One(), { forceReinit: true });
    expect(await dense.weight.data().sum().asScalar()).toBe(64 * 300);
  });
});
