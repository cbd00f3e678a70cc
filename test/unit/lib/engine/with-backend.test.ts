// mx.withBackend: code runs on another backend for a moment, results agree with the running
// backend, and the kernel is always back on its own backend (with its ladder information).
import { beforeAll, describe, expect, it } from 'vitest';
import { mx, nd, NDArray, ArgumentError } from '../../../../src/lib/index';
import { inBrowser } from '../../../../src/lib/engine/backends';
import { tf } from '../../../../src/lib/engine/tf';
import { requestedBackend, useBackend } from '../../helpers/backend';

beforeAll(useBackend);

const A = [[1, 2, 3], [4, 5, 6]];
const B = [[0.5, -1], [2, 0.25], [-3, 1]];
const product = async () => Array.from(await nd.dot(nd.array(A), nd.array(B)).data());

describe('mx.withBackend', () => {
  // CPU is registered everywhere; when the tests already run on it, switch to WASM instead.
  const other = requestedBackend() === 'cpu' ? 'wasm' : 'cpu';

  it(`runs fn on ${other}, where the same product gives the same values, then switches back`, async () => {
    const before = mx.backendInfo();
    const here = await product();
    const inside = await mx.withBackend(other, async () => ({ name: mx.backendInfo().name, tf: tf.getBackend(), values: await product() }));
    expect(inside.name).toBe(other);
    expect(inside.tf).toBe(other);
    inside.values.forEach((v, i) => expect(v).toBeCloseTo(here[i]!, 5));
    expect(tf.getBackend()).toBe(before.name);
    expect(mx.backendInfo()).toEqual(before);
    expect(await product()).toEqual(here); // the running backend still works
  });

  it('switches back when fn throws, and refuses NDArray results', async () => {
    const before = mx.backendInfo().name;
    await expect(mx.withBackend(other, () => Promise.reject(new RangeError('inside')))).rejects.toThrow(RangeError);
    expect(tf.getBackend()).toBe(before);
    await expect(mx.withBackend(other, () => nd.ones([2]))).rejects.toThrow(/fn returned an NDArray, which lives on .*await x.toArray\(\)/);
    expect(tf.getBackend()).toBe(before);
    expect(await mx.withBackend(before, () => nd.ones([2]).sum().asScalar())).toBe(2); // the running one: nothing to switch
  });

  it('names unknown backends', async () => {
    await expect(mx.withBackend('tpu' as never, () => 1)).rejects.toThrow(ArgumentError);
  });

  it.runIf(!inBrowser())('an unavailable backend is an error that says why; nothing changes', async () => {
    const before = mx.backendInfo();
    const err = await mx.withBackend('webgl', () => 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(mx.BackendUnavailableError);
    expect((err as Error).message).toBe('the webgl backend is not available here: webgl is not available in this environment.');
    expect(mx.backendInfo()).toEqual(before);
    expect(nd.ones([1])).toBeInstanceOf(NDArray);
  });
});
