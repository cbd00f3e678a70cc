import { beforeAll, describe, expect, it } from 'vitest';
import { mx, nd, ArgumentError, ShapeError, SyncReadError } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { expectClose, values } from '../../../helpers/check-op';

beforeAll(useBackend);

describe('creating arrays', () => {
  it('nd.array from nested lists, typed arrays, numbers and NDArrays', async () => {
    const a = nd.array([[1, 2, 3], [4, 5, 6]]);
    expect([a.shape, a.size, a.ndim, a.dtype]).toEqual([[2, 3], 6, 2, 'float32']);
    expect(await values(a)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nd.array(new Int32Array([1, 2])).dtype).toBe('int32');
    expect(nd.array(new Float32Array([1, 2])).dtype).toBe('float32');
    expect(nd.array([1, 2], { dtype: 'int32' }).dtype).toBe('int32');
    expect(nd.array(5).shape).toEqual([1]); // MXNet has no 0-d arrays
    const copy = nd.array(a);
    expect(copy === a).toBe(false); // not .not.toBe: its failure message iterates the arrays (a sync read on WebGPU)
    expect(await values(copy)).toEqual(await values(a));
  });
  it('ragged lists and bad dtypes are clear errors', () => {
    expect(() => nd.array([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => nd.array([[1, 2], [3]])).toThrow(/ragged: element \[1\] has 1 entries where 2 were expected/);
    expect(() => nd.array([1, 'a' as unknown as number])).toThrow(/element \[1\] is string, expected a number/);
    expect(() => nd.zeros([2], { dtype: 'float64' as 'float32' })).toThrow(ArgumentError);
    expect(() => nd.zeros([2, -1])).toThrow(/shape must be a non-negative integer or a list of them/);
  });
  it('zeros, ones, full, arange, zerosLike, onesLike', async () => {
    expect(await values(nd.zeros([2, 2]))).toEqual([0, 0, 0, 0]);
    expect(await values(nd.ones(3))).toEqual([1, 1, 1]);
    expect(await values(nd.full([2], 7))).toEqual([7, 7]);
    expect(await values(nd.arange(5))).toEqual([0, 1, 2, 3, 4]);
    expect(await values(nd.arange(2, 8, 2))).toEqual([2, 4, 6]);
    expect(await values(nd.arange(1, 0, -0.25))).toEqual([1, 0.75, 0.5, 0.25]);
    expect(nd.arange(3).dtype).toBe('float32');
    const x = nd.array([[1, 2]], { dtype: 'int32' });
    expect([nd.zerosLike(x).shape, nd.onesLike(x).dtype]).toEqual([[1, 2], 'int32']);
  });
  it('context: arrays live on the running backend; mx reports it', () => {
    const ctx = mx.currentContext();
    const x = nd.ones([1], { ctx });
    expect(x.context.equals(ctx)).toBe(true);
    expect(x.asInContext(ctx)).toBe(x);
    expect(String(x.context)).toBe(`${mx.backendInfo().name}(0)`);
    const other = ctx.deviceType === 'gpu' ? mx.cpu() : mx.gpu();
    expect(() => x.asInContext(other)).toThrow(/one backend runs at a time/);
    expect(mx.numGpus()).toBe(ctx.deviceType === 'gpu' ? 1 : 0);
  });
});

describe('random arrays', () => {
  it('seeded draws are reproducible', async () => {
    nd.random.seed(42);
    const a = await values(nd.random.normal(0, 1, [3, 4]));
    const u = await values(nd.random.uniform(-1, 1, [5]));
    const p = nd.random.permutation(10);
    nd.random.seed(42);
    expect(await values(nd.random.normal(0, 1, [3, 4]))).toEqual(a);
    expect(await values(nd.random.uniform(-1, 1, [5]))).toEqual(u);
    expect(nd.random.permutation(10)).toEqual(p);
    expect([...p].sort((x, y) => x - y)).toEqual([...Array(10).keys()]);
  });
  it('moments of normal and uniform samples', async () => {
    nd.random.seed(1);
    const n = nd.random.normal(2, 0.5, [20000]);
    expectClose(await values(n.mean()), [2], 0.02);
    expectClose(await values(n.sub(2).square().mean().sqrt()), [0.5], 0.02);
    const u = await values(nd.random.uniform(-1, 3, [20000]));
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...u)).toBeLessThan(3);
    const ri = await values(nd.random.randint(0, 3, [1000]));
    expect(new Set(ri)).toEqual(new Set([0, 1, 2]));
  });
});

describe('reads: async first, sync only where exact', () => {
  it('toArray and asScalar', async () => {
    expect(await nd.array([[1, 2], [3, 4]]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(await nd.array([[5]]).asScalar()).toBe(5);
    await expect(nd.array([1, 2]).asScalar()).rejects.toThrow(/asScalar: the array has shape \(2,\) \(2 elements\); asScalar needs exactly one/);
  });
  it('a synchronous read equals the asynchronous one, or refuses clearly (WebGPU)', async () => {
    // A matrix product, as measured wrong with dataSync on WebGPU (SwiftShader).
    nd.random.seed(0);
    const a = nd.random.normal(0, 1, [64, 64]);
    const c = nd.dot(a, a);
    const asyncValues = await values(c);
    if (mx.backendInfo().name === 'webgpu') {
      expect(() => c.dataSync()).toThrow(SyncReadError);
      expect(() => c.sum().asScalarSync()).toThrow(/await x.asScalar\(\)/);
      expect(() => c.toArraySync()).toThrow(SyncReadError);
      expect(c.toString()).toMatch(/<NDArray 64x64 @webgpu\(0\)> \(values not read: use print\(x\) or await x.format\(\)\)/);
    } else {
      expect(Array.from(c.dataSync())).toEqual(asyncValues);
      expect(c.sum().asScalarSync()).toBe(await c.sum().asScalar());
      expect(c.toArraySync()).toEqual(await c.toArray());
      expect(c.toString()).toBe(await c.format());
    }
  });
});
