/**
 * nd.zeros / nd.ones / nd.full make small arrays in JavaScript (as tf.zeros does) and large ones
 * with the backend's fill kernel: both paths must give the same values, dtype and shape, and
 * small arrays must stay where WebGL/WebGPU run small ops without a GPU dispatch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../../src/lib/engine/tf';
import { nd, type NDArray } from '../../../../../src/lib/index';
import { requestedBackend, useBackend } from '../../../helpers/backend';

beforeAll(useBackend);

/** 16384 elements: the first size made by the fill kernel (SMALL_FILL in creation.ts). */
const LARGE = [128, 128];
const SMALL = [2, 3];

async function firstAndCount(x: NDArray): Promise<[number, number, number]> {
  const v = await x.data();
  return [v[0]!, v[v.length - 1]!, new Set(v).size];
}

describe('constant arrays, small and large', () => {
  for (const dtype of ['float32', 'int32'] as const) {
    for (const value of [0, 1, 7, -2.5, 2.5, 1e-3]) {
      it(`full(${value}, ${dtype}) gives the same values below and above the size threshold`, async () => {
        const small = nd.full(SMALL, value, { dtype });
        const large = nd.full(LARGE, value, { dtype });
        expect([small.dtype, large.dtype]).toEqual([dtype, dtype]);
        expect([small.shape, large.shape]).toEqual([SMALL, LARGE]);
        const [s0, sLast, sDistinct] = await firstAndCount(small);
        const [l0, lLast, lDistinct] = await firstAndCount(large);
        expect([sDistinct, lDistinct]).toEqual([1, 1]);
        expect(s0).toBe(sLast);
        expect(l0).toBe(lLast);
        expect(s0).toBe(l0);
        // float32 rounds as Math.fround; int32 truncates toward zero, as tf.fill does
        expect(s0).toBe(dtype === 'int32' ? Math.trunc(value) : Math.fround(value));
      });
    }
  }
  it('zeros, ones, zerosLike and onesLike of size 0, 1 and a 0-d shape', async () => {
    expect(nd.zeros([0, 3]).shape).toEqual([0, 3]);
    expect(Array.from(await nd.ones([1]).data())).toEqual([1]);
    expect(nd.zeros([]).shape).toEqual([]);
    const x = nd.array([[1, 2]], { dtype: 'int32' });
    expect(Array.from(await nd.onesLike(x).data())).toEqual([1, 1]);
    expect(nd.zerosLike(x).dtype).toBe('int32');
  });
  it('small constants stay in JavaScript, where WebGL and WebGPU run small ops without the GPU', async () => {
    const backend = requestedBackend();
    if (backend !== 'webgl' && backend !== 'webgpu') return; // WASM and CPU have no such split
    const onCpu = (x: NDArray): boolean => (tf.backend() as unknown as { shouldExecuteOnCPU(ts: tf.Tensor[]): boolean }).shouldExecuteOnCPU([x.tensor]);
    const one = nd.ones([10]);
    let y = nd.zeros([10]);
    for (let i = 0; i < 3; i++) y = y.add(one);
    expect([onCpu(one), onCpu(y)]).toEqual([true, true]);
    expect(Array.from(await y.data())).toEqual(Array(10).fill(3));
    expect(onCpu(nd.zeros(LARGE))).toBe(false); // made by the fill kernel, on the GPU
  });
});
