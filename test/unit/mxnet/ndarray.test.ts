/**
 * test_ndarray.py behaviour in the MXNet port (values are in cases/*.json and ops.test.ts):
 * save/load round trips, copies, in-place writes that keep identity, out=, iteration.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nd, NDArray } from '../../../src/lib/index';
import { useBackend } from '../helpers/backend';

beforeAll(useBackend);

const vals = async (x: NDArray): Promise<number[]> => Array.from(await x.data());

describe('MXNet port: test_ndarray.py behaviour', () => {
  it('test_ndarray_saveload: a dict and a list of arrays survive serialize/deserialize with shapes, dtypes and values', async () => {
    const a = nd.random.uniform(-1, 1, [2, 3]);
    const b = nd.arange(0, 6, 1, { dtype: 'int32' }).reshape([3, 2]);
    const dict = nd.deserialize(await nd.serialize({ a, b })) as Record<string, NDArray>;
    expect(Object.keys(dict).sort()).toEqual(['a', 'b']);
    expect(dict.a!.shape).toEqual([2, 3]);
    expect(dict.b!.dtype).toBe('int32');
    expect(await vals(dict.a!)).toEqual(await vals(a));
    expect(await vals(dict.b!)).toEqual(await vals(b));
    const list = nd.deserialize(await nd.serialize([a, b])) as NDArray[];
    expect(list.length).toBe(2);
    expect(await vals(list[1]!)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('test_ndarray_copy: a copy is independent of the original', async () => {
    const x = nd.array([[1, 2], [3, 4]]);
    const y = x.copy();
    y.set(0);
    expect(await vals(x)).toEqual([1, 2, 3, 4]);
    expect(await vals(y)).toEqual([0, 0, 0, 0]);
    const z = nd.zeros([2, 2]);
    x.copyTo(z);
    expect(await vals(z)).toEqual([1, 2, 3, 4]);
  });

  it('test_ndarray_setitem: writes keep the array object and change only the region', async () => {
    const x = nd.zeros([3, 4]);
    const same = x.set(1, 1);
    expect(same === x, 'set() returns the array itself').toBe(true);
    x.set(nd.array([5, 6]), 2, '1:3');
    expect(await x.toArray()).toEqual([[0, 0, 0, 0], [1, 1, 1, 1], [0, 5, 6, 0]]);
  });

  it('test_output: elemwiseAdd with out writes into the given array', async () => {
    const a = nd.ones([2, 2]);
    const b = nd.full([2, 2], 2);
    const out = nd.zeros([2, 2]);
    const r = nd.elemwiseAdd(a, b, { out });
    expect(r === out, 'elemwiseAdd returns out').toBe(true);
    expect(await vals(out)).toEqual([3, 3, 3, 3]);
  });

  it('test_iter: iterating an array yields its rows along the first axis', async () => {
    const x = nd.arange(0, 6).reshape([3, 2]);
    const rows = Array.from(x as unknown as Iterable<NDArray>);
    expect(rows.length).toBe(3);
    expect(await vals(rows[2]!)).toEqual([4, 5]);
  });

  it('test_ndarray_scalar / test_init_from_scalar: a number becomes a (1,) array and asScalar reads it back', async () => {
    const x = nd.array(3.5);
    expect(x.shape).toEqual([1]);
    expect(await x.asScalar()).toBe(3.5);
    expect(await nd.array([[1, 2], [3, 4]]).sum().asScalar()).toBe(10);
  });
});
