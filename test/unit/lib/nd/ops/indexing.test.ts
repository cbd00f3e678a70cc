import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { autograd, nd, ArgumentError, ShapeError } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../../../helpers/check-op';

beforeAll(useBackend);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const A10 = () => nd.arange(10); // [0, 1, ..., 9]
const M45 = () => nd.arange(20).reshape([4, 5]); // (4, 5), M[i, j] = 5i + j
const X234 = () => nd.arange(24).reshape([2, 3, 4]); // X[i, j, k] = 12i + 4j + k
const R = () => nd.array([[0.5, -1.2, 2.0, 0.1, 0.7], [1.5, 0.3, -0.7, 0.9, -0.4], [0.2, 1.1, -0.4, -1.6, 1.3], [0.8, -0.2, 1.4, 0.6, -0.9]]); // (4, 5)

// ---- a plain JavaScript reference for NumPy basic indexing ------------------------------

type Comp = number | string;

/** Python's range(n)[a:b:c], written as a loop over Python's documented bounds. */
function pySlice(text: string, n: number): number[] {
  const parts = text.split(':').map((s) => (s.trim() === '' ? undefined : Number(s)));
  const [a, b, c] = parts;
  const step = c ?? 1;
  const adj = (v: number) => (v < 0 ? v + n : v);
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const start = a === undefined ? (step > 0 ? 0 : n - 1) : step > 0 ? clamp(adj(a), 0, n) : clamp(adj(a), -1, n - 1);
  const stop = b === undefined ? (step > 0 ? n : -1) : step > 0 ? clamp(adj(b), 0, n) : clamp(adj(b), -1, n - 1);
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}

/** x[comps] on a flat row-major array: the selected positions per axis, walked in order. */
function refSelect(shape: number[], comps: Comp[]): { shape: number[]; offsets: number[] } {
  const strides = shape.map((_, a) => shape.slice(a + 1).reduce((p, d) => p * d, 1));
  const picks = shape.map((n, a) => {
    const c = comps[a];
    if (c === undefined) return { keep: true, list: range(n) };
    if (typeof c === 'number') return { keep: false, list: [c < 0 ? c + n : c] };
    return { keep: true, list: pySlice(c, n) };
  });
  const offsets: number[] = [];
  const walk = (a: number, off: number): void => {
    if (a === shape.length) return void offsets.push(off);
    for (const i of picks[a]!.list) walk(a + 1, off + i * strides[a]!);
  };
  walk(0, 0);
  const out = picks.filter((p) => p.keep).map((p) => p.list.length);
  return { shape: out.length === 0 ? [1] : out, offsets };
}

/** Random index components for a shape: integers in range, or slices with any bounds and steps. */
function compsArb(shape: number[]): fc.Arbitrary<Comp[]> {
  const bound = (n: number) => fc.option(fc.integer({ min: -n - 2, max: n + 2 }), { nil: undefined });
  const one = (n: number): fc.Arbitrary<Comp> =>
    fc.oneof(
      fc.integer({ min: -n, max: n - 1 }),
      fc.tuple(bound(n), bound(n), fc.option(fc.constantFrom(-3, -2, -1, 1, 2, 3), { nil: undefined })).map(
        ([a, b, c]) => `${a ?? ''}:${b ?? ''}${c === undefined ? '' : `:${c}`}`,
      ),
    );
  return fc.integer({ min: 0, max: shape.length }).chain((k) => fc.tuple(...shape.slice(0, k).map(one)));
}

const shapeArb = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 });

// ---- get -------------------------------------------------------------------------------

describe('get: integers and slices', () => {
  it('integers remove their axis; negative ones count from the end', async () => {
    const x = X234();
    expect(x.get(1).shape).toEqual([3, 4]);
    expect(await values(x.get(1))).toEqual(range(12).map((i) => 12 + i));
    expect(await values(x.get(-1, 2))).toEqual([20, 21, 22, 23]);
    expect(await values(x.get(0, -1, -2))).toEqual([10]);
  });
  it('indexing every axis with an integer gives shape (1,) (MXNet has no 0-d arrays)', async () => {
    const y = X234().get(1, 2, 3);
    expect(y.shape).toEqual([1]);
    expect(await y.asScalar()).toBe(23);
  });
  it('slice strings, with negatives, steps and omitted parts (NumPy semantics, by hand)', async () => {
    const cases: [string, number[]][] = [
      [':', range(10)],
      ['3:', [3, 4, 5, 6, 7, 8, 9]],
      [':3', [0, 1, 2]],
      ['2:5', [2, 3, 4]],
      ['-3:', [7, 8, 9]],
      [':-7', [0, 1, 2]],
      ['1:8:3', [1, 4, 7]],
      ['::-1', [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
      ['8:1:-3', [8, 5, 2]],
      [':-7:-2', [9, 7, 5]],
      ['-2::-4', [8, 4, 0]],
      ['1:100:4', [1, 5, 9]],
      ['-100:3', [0, 1, 2]],
      [' 2 : 6 : 2 ', [2, 4]],
    ];
    for (const [s, want] of cases) {
      const y = A10().get(s);
      expect(await values(y), `x[${s}]`).toEqual(want);
      expect(y.shape).toEqual([want.length]);
    }
  });
  it('empty slices give empty arrays', async () => {
    expect(A10().get('5:2').shape).toEqual([0]);
    expect(M45().get('2:2', ':').shape).toEqual([0, 5]);
  });
  it('steps on two axes at once', async () => {
    expect(await values(M45().get('::2', '::-2'))).toEqual([4, 2, 0, 14, 12, 10]);
    expect(await values(M45().get('1::2', '-1:0:-3'))).toEqual([9, 6, 19, 16]);
  });
  it("missing trailing components mean ':', and '...' fills the middle", async () => {
    const x = X234();
    expect(await values(x.get(0))).toEqual(await values(x.get(0, ':', ':')));
    const y = x.get('...', 1);
    expect(y.shape).toEqual([2, 3]);
    expect(await values(y)).toEqual([1, 5, 9, 13, 17, 21]);
    expect(await values(x.get(1, '...'))).toEqual(range(12).map((i) => 12 + i));
  });
  it('returns a copy: writing into x later does not change it', async () => {
    const x = M45();
    const y = x.get('1:3');
    x.set(-1);
    expect(await values(y)).toEqual(range(10).map((i) => 5 + i));
  });
});

describe('get: index arrays', () => {
  it('a list on one axis gathers along it (repeats allowed, negatives from the end)', async () => {
    expect(await values(M45().get([3, 0, 3]))).toEqual([15, 16, 17, 18, 19, 0, 1, 2, 3, 4, 15, 16, 17, 18, 19]);
    const y = M45().get(':', [-1, 1]);
    expect(y.shape).toEqual([4, 2]);
    expect(await values(y)).toEqual([4, 1, 9, 6, 14, 11, 19, 16]);
  });
  it('an NDArray index (float, as MXNet passes them) and a 2-D one', async () => {
    expect(await values(M45().get(nd.array([1, 3])))).toEqual([5, 6, 7, 8, 9, 15, 16, 17, 18, 19]);
    const y = M45().get(nd.array([[0, 1], [1, 2]]), 0);
    expect(y.shape).toEqual([2, 2]);
    expect(await values(y)).toEqual([0, 5, 5, 10]);
    expect(M45().get(':', nd.array([[0, 1, 2]], { dtype: 'int32' })).shape).toEqual([4, 1, 3]);
  });
  it('an NDArray index: negatives count from the end; out-of-range values are clipped', async () => {
    expect(await values(A10().get(nd.array([-1, -10, 12])))).toEqual([9, 0, 9]);
  });
  it("NumPy's rule: an index array separated from an integer by a slice puts its dims first", async () => {
    const x = X234();
    const apart = x.get(0, ':', [1, 2]); // advanced indices 0 and [1, 2] are separated
    expect(apart.shape).toEqual([2, 3]);
    expect(await values(apart)).toEqual([1, 5, 9, 2, 6, 10]);
    const together = x.get(':', 0, [1, 2]); // adjacent: in place
    expect(together.shape).toEqual([2, 2]);
    expect(await values(together)).toEqual([1, 2, 13, 14]);
  });
});

describe('get: errors', () => {
  it('an out-of-range integer names the axis and its size', () => {
    expect(() => X234().get(2)).toThrow(ArgumentError);
    expect(() => X234().get(2)).toThrow(/index 2 is out of range for axis 0 with size 2 .*valid indices are -2 to 1/);
    expect(() => X234().get(0, -4)).toThrow(/index -4 is out of range for axis 1 with size 3/);
    expect(() => M45().get([0, 7])).toThrow(/index 7 is out of range for axis 0 with size 4/);
    expect(() => X234().get(0.5)).toThrow(/index 0.5 for axis 0 is not an integer/);
  });
  it('a bad slice string says how slices look', () => {
    expect(() => A10().get('1:2:3:4')).toThrow(/'1:2:3:4' \(for axis 0\) is not a valid slice.*'start:stop:step'/);
    expect(() => A10().get('a:b')).toThrow(/not a valid slice/);
    expect(() => A10().get('3')).toThrow(/For a single element pass a number/);
    expect(() => A10().get('::0')).toThrow(/step 0/);
  });
  it('too many components, two index arrays, or a wrong kind of component', () => {
    expect(() => M45().get(0, 0, 0)).toThrow(/3 index components .* for an array of shape \(4, 5\) with 2 dimension/);
    expect(() => M45().get([0], [1])).toThrow(/only one index array is supported, got 2 \(on axes 0, 1\)/);
    expect(() => M45().get({} as unknown as number)).toThrow(/index component 0 is object/);
  });
});

describe('get: gradients', () => {
  it('integers and step-1 slices (against tf.slice and tf.grads)', () =>
    checkOp((x) => x.get(1, '1:3'), [R()], { tfRef: (x) => tf.reshape(tf.slice(x, [1, 1], [1, 2]), [2]) }));
  it('a slice of rows', () => checkOp((x) => x.get('-3:-1'), [R()], { tfRef: (x) => tf.slice(x, [1, 0], [2, 5]) }));
  it('steps and negative steps (finite differences: tfjs has no strided-slice gradient to compare with)', async () => {
    await checkOp((x) => x.get('::2', '::-2'), [R()], { expected: [0.7, 2.0, 0.5, 1.3, -0.4, 0.2] });
    await checkOp((x) => x.get('3:0:-2', '1::3'), [R()], { expected: [-0.2, -0.9, 0.3, -0.4] });
    await checkOp((x) => x.get(-1, '::-1'), [R()], { tfRef: (x) => tf.reshape(tf.reverse(tf.slice(x, [3, 0], [1, 5]), [1]), [5]) });
  });
  it('a whole-array get is a copy with an identity gradient', () => checkOp((x) => x.get(), [R()], { tfRef: (x) => tf.clone(x) }));
  it('an index list with repeats: the repeated row gets the sum', async () => {
    await checkOp((x) => x.get([1, 1, 3]), [R()], { tfRef: (x) => tf.gather(x, [1, 1, 3]), refGrads: false });
    const x = R();
    x.attachGrad();
    autograd.record(() => x.get([1, 1, 3], '::2')).backward();
    expect(await values(x.grad)).toEqual([0, 0, 0, 0, 0, 2, 0, 2, 0, 2, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1]);
  });
  it('an NDArray index moved to the front by the NumPy rule', () =>
    checkOp((x) => x.get(0, ':', nd.array([[2, 0], [1, 1]])), [X234().astype('float32').div(10)], {
      tfRef: (x) => tf.transpose(tf.gather(tf.reshape(tf.slice(x, [0, 0, 0], [1, 3, 4]), [3, 4]), tf.tensor2d([[2, 0], [1, 1]], [2, 2], 'int32'), 1), [1, 2, 0]),
      refGrads: false, // tfjs's gather gradient needs UnsortedSegmentSum, which WASM lacks
    }));
});

describe('arrays of rank 5 (indexing works one axis at a time: GPU kernels stop at rank 4)', () => {
  const X5 = () => nd.arange(48).reshape([2, 1, 3, 4, 2]).mul(0.1);
  it('get with steps, negative steps and an integer', () =>
    checkOp((x) => x.get('::-1', ':', '::2', '1::2', -1), [X5()], {
      // The reference drops the size-1 axis first: tfjs's own GPU kernels stop at rank 4 too.
      tfRef: (x) => tf.reshape(tf.reverse(tf.stridedSlice(tf.reshape(x, [2, 3, 4, 2]), [0, 0, 1, 1], [2, 3, 4, 2], [1, 2, 2, 1]), [0]), [2, 1, 2, 2]),
      refGrads: false, // tfjs has no strided-slice gradient; finite differences check ours
    }));
  it('get with an index list', () =>
    checkOp((x) => x.get(1, 0, [2, 0], '::-3'), [X5()], {
      tfRef: (x) => {
        const row = tf.reshape(tf.slice(tf.reshape(x, [2, 3, 4, 2]), [1, 0, 0, 0], [1, 3, 4, 2]), [3, 4, 2]); // rank 4 for tfjs's GPU kernels
        return tf.gather(tf.gather(row, [2, 0], 0), [3, 0], 1); // '::-3' on a size-4 axis is [3, 0]
      },
      refGrads: false,
    }));
  it('set a region', async () => {
    const x = nd.zeros([2, 1, 3, 4, 2]);
    x.set(1, 1, ':', '::-2', 0);
    const want = new Array<number>(48).fill(0);
    for (const j of [0, 2]) for (const l of [0, 1]) want[24 + j * 8 + l] = 1;
    expect(await values(x)).toEqual(want);
  });
});

describe('property-based: get agrees with a plain JavaScript reference', () => {
  it('values, shape and gradient for random shapes and random integer/slice indices', async () => {
    const arb = shapeArb.chain((shape) => fc.tuple(fc.constant(shape), compsArb(shape)));
    await fc.assert(
      fc.asyncProperty(arb, async ([shape, comps]) => {
        const size = shape.reduce((a, d) => a * d, 1);
        const flat = range(size).map((i) => i * 0.5 - 3);
        const x = nd.array(flat).reshape(shape);
        const ref = refSelect(shape, comps);
        x.attachGrad();
        const y = autograd.record(() => x.get(...comps));
        expect(y.shape).toEqual(ref.shape);
        expect(await values(y)).toEqual(ref.offsets.map((o) => flat[o]!));
        if (ref.offsets.length === 0) return;
        y.backward(); // dL/dx = 1 at each selected element (each is selected at most once)
        const g = new Array<number>(size).fill(0);
        for (const o of ref.offsets) g[o] = 1;
        expect(await values(x.grad)).toEqual(g);
      }),
      { numRuns: 150 },
    );
  });
  it('set writes exactly the region the reference selects', async () => {
    const arb = shapeArb.chain((shape) => fc.tuple(fc.constant(shape), compsArb(shape)));
    await fc.assert(
      fc.asyncProperty(arb, async ([shape, comps]) => {
        const size = shape.reduce((a, d) => a * d, 1);
        const x = nd.zeros(shape);
        const ref = refSelect(shape, comps);
        const v = ref.offsets.length === 0 ? nd.zeros(ref.shape) : nd.arange(ref.offsets.length).add(1).reshape(ref.shape);
        x.set(v, ...comps);
        const want = new Array<number>(size).fill(0);
        ref.offsets.forEach((o, i) => (want[o] = i + 1));
        expect(await values(x)).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });
});

// ---- set -------------------------------------------------------------------------------

describe('set: in-place writes keep identity', () => {
  it('x.set(v) with no index writes everywhere: numbers, arrays (broadcast) and nested lists', async () => {
    const x = nd.zeros([2, 3]);
    const tensorBefore = x.tensor;
    expect(x.set(5)).toBe(x);
    expect(await values(x)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(x.tensor).not.toBe(tensorBefore);
    x.set(nd.array([1, 2, 3]));
    expect(await values(x)).toEqual([1, 2, 3, 1, 2, 3]);
    x.set([[7], [8]]);
    expect(await values(x)).toEqual([7, 7, 7, 8, 8, 8]);
    x.set(nd.ones([1, 1, 3])); // extra leading 1s are fine (NumPy)
    expect(await values(x)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(x.shape).toEqual([2, 3]);
  });
  it('the same object holds the new value: other references see it', async () => {
    const x = nd.zeros([3]);
    const alias = x;
    const params = [x];
    x.set(nd.array([1, 2, 3]));
    expect(alias === x && params[0] === x).toBe(true);
    expect(await values(params[0]!)).toEqual([1, 2, 3]);
  });
  it('a region write leaves every other value unchanged', async () => {
    const x = M45();
    x.set(-1, '1:3', '::2');
    expect(await values(x)).toEqual([0, 1, 2, 3, 4, -1, 6, -1, 8, -1, -1, 11, -1, 13, -1, 15, 16, 17, 18, 19]);
  });
  it('integers, negative steps and broadcast values in a region', async () => {
    const x = M45();
    x.set(nd.array([10, 20, 30, 40, 50]), -1);
    expect(await values(x.get(3))).toEqual([10, 20, 30, 40, 50]);
    const a = A10();
    a.set(nd.array([100, 200, 300]), '::-4'); // positions 9, 5, 1
    expect(await values(a)).toEqual([0, 300, 2, 3, 4, 200, 6, 7, 8, 100]);
    const y = nd.zeros([3, 4]);
    y.set(nd.array([[1], [2]]), '1:', '1:3'); // (2, 1) broadcast to the (2, 2) region
    expect(await values(y)).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 2, 2, 0]);
    y.set(9, 0, 0);
    expect(await values(y.get(0))).toEqual([9, 0, 0, 0]);
  });
  it('index arrays in set', async () => {
    const x = nd.zeros([4, 2]);
    x.set(nd.array([[1, 2], [3, 4]]), [3, 0]);
    expect(await values(x)).toEqual([3, 4, 0, 0, 0, 0, 1, 2]);
    x.set(7, nd.array([1]), 1);
    expect(await values(x)).toEqual([3, 4, 0, 7, 0, 0, 1, 2]);
  });
  it('writes into int32 arrays cast the value', async () => {
    const x = nd.zeros([3], { dtype: 'int32' });
    x.set(nd.array([1.9, -2.5, 3]), ':');
    expect(x.dtype).toBe('int32');
    expect(await values(x)).toEqual([1, -2, 3]);
  });
  it('a value that does not broadcast to the region is a clear ShapeError', () => {
    const x = nd.zeros([2, 3]);
    expect(() => x.set(nd.ones([2]), 0)).toThrow(ShapeError);
    expect(() => x.set(nd.ones([2]), 0)).toThrow(/set: a value of shape \(2,\) cannot be broadcast to the region x\[0\] of shape \(3,\) \(x has shape \(2, 3\)\)/);
    expect(() => x.set(nd.ones([3, 3]))).toThrow(/region x\[:\] of shape \(2, 3\)/);
    expect(() => x.set(nd.ones([2]), 1, 1)).toThrow(/region x\[1, 1\] of shape \(\)/);
    expect(() => x.set('1' as unknown as number)).toThrow(/set: the value must be a number, an NDArray or nested lists/);
  });
  it('outside record the written array has no history but keeps its gradient buffer', async () => {
    const w = nd.array([1, 2, 3]);
    w.attachGrad();
    const loss = autograd.record(() => w.mul(w).sum());
    loss.backward();
    const grad = w.grad;
    w.set(w.sub(w.grad.mul(0.1)));
    expect(w.tapeNode).toBeNull();
    expect(w.grad).toBe(grad);
    expectClose(await values(w), [0.8, 1.6, 2.4], 1e-6);
    expectClose(await values(w.grad), [2, 4, 6], 1e-6);
    // the next step differentiates from the new value
    autograd.record(() => w.mul(w).sum()).backward();
    expectClose(await values(w.grad), [1.6, 3.2, 4.8], 1e-6);
  });
});

describe('set inside autograd.record is differentiated', () => {
  it('a region write: dL/dx outside the region, dL/dv from the region (v broadcast)', () =>
    checkOp(
      (x, v) => {
        const y = x.mul(1);
        y.set(v.mul(2), '1:', '::2'); // region (3, 3), v (3,) broadcast over rows
        return y.mul(y);
      },
      [R(), nd.array([0.3, -0.6, 1.2])],
      {
        tfRef: (x, v) => {
          const vb = tf.broadcastTo(tf.mul(v, 2), [3, 3]);
          const mask = tf.tensor2d([[0, 0, 0, 0, 0], [1, 0, 1, 0, 1], [1, 0, 1, 0, 1], [1, 0, 1, 0, 1]]);
          const col = (j: number) => tf.reshape(tf.slice(vb, [0, j], [3, 1]), [3]);
          const placed = tf.concat([tf.zeros([1, 5]), tf.stack([col(0), tf.zeros([3]), col(1), tf.zeros([3]), col(2)], 1)], 0); // region rows 1:, columns 0, 2, 4
          const y = tf.add(tf.mul(x, tf.sub(1, mask)), placed);
          return tf.mul(y, y);
        },
      },
    ));
  it('a full write and a write with an index array', async () => {
    await checkOp((x, v) => { const y = x.mul(3); y.set(v.exp()); return y.mul(x); }, [R(), nd.array([0.1, 0.2, 0.3, 0.4, 0.5])], {
      tfRef: (x, v) => tf.mul(tf.broadcastTo(tf.exp(v), [4, 5]), x),
    });
    await checkOp((x, v) => { const y = x.mul(1); y.set(v, [2, 0]); return y.square(); }, [R(), nd.array([[0.1, 0.2, 0.3, 0.4, 0.5]])], {
      tfRef: (x, v) => tf.square(tf.concat([v, tf.slice(x, [1, 0], [1, 5]), v, tf.slice(x, [3, 0], [1, 5])], 0)),
    });
  });
  it('writing into a leaf inside record: x.grad is the gradient with respect to its old value', async () => {
    const x = nd.array([1, 2, 3]);
    const v = nd.array([5]);
    x.attachGrad();
    v.attachGrad();
    const loss = autograd.record(() => {
      x.set(v.mul(2), 1); // x is now [1, 10, 3]
      return x.mul(x).sum();
    });
    loss.backward();
    expect(await values(x)).toEqual([1, 10, 3]);
    expect(await values(x.grad)).toEqual([2, 0, 6]); // 2 x_new outside the region, 0 inside
    expect(await values(v.grad)).toEqual([40]); // d(sum y^2)/dv = 2 * 10 * 2
  });
});

// ---- take, pick, oneHot ------------------------------------------------------------------

describe('take', () => {
  it('rows along axis 0 (repeats sum in the gradient)', () =>
    checkOp((x) => x.take(nd.array([3, 0, 3])), [R()], { tfRef: (x) => tf.gather(x, [3, 0, 3]), refGrads: false }));
  it('along axis 1 with a 2-D index: shape x.shape[:axis] + indices.shape + x.shape[axis+1:]', async () => {
    const idx = nd.array([[4, 0], [1, 1]]);
    await checkOp((x) => x.take(idx, { axis: 1 }), [R()], { tfRef: (x) => tf.gather(x, tf.tensor2d([[4, 0], [1, 1]], [2, 2], 'int32'), 1), refGrads: false });
    expect(R().take(idx, { axis: -1 }).shape).toEqual([4, 2, 2]);
  });
  it("mode 'clip' (default) clamps, 'wrap' wraps; float and list indices work", async () => {
    expect(await values(A10().take(nd.array([-1, 12, 2.0])))).toEqual([0, 9, 2]);
    expect(await values(A10().take([-1, 12, 3], { mode: 'wrap' }))).toEqual([9, 2, 3]);
    expect(await values(M45().take(nd.array([1], { dtype: 'int32' }), { axis: 1 }))).toEqual([1, 6, 11, 16]);
  });
  it('errors', () => {
    expect(() => A10().take([1], { mode: 'raise' as 'clip' })).toThrow(/mode must be one of "clip", "wrap"/);
    expect(() => A10().take([1], { axis: 1 })).toThrow(/take: axis 1 is out of range/);
    expect(() => A10().take('1' as unknown as number[])).toThrow(/indices must be an NDArray or a list of integers/);
  });
});

describe('pick', () => {
  it("each row's entry at its label (cross-entropy's yHat.pick(y))", async () => {
    const yHat = () => nd.array([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5], [0.7, 0.2, 0.1]]);
    await checkOp((p) => p.pick(nd.array([2, 0, 1])), [yHat()], { expected: [0.6, 0.3, 0.2] });
    await checkOp((p) => p.pick(nd.array([2, 0, 1])).log().neg(), [yHat()], {
      tfRef: (p) => tf.neg(tf.log(tf.sum(tf.mul(p, tf.oneHot(tf.tensor1d([2, 0, 1], 'int32'), 3)), 1))),
    });
  });
  it('along axis 0, with keepDims, and with an index of the kept shape', async () => {
    await checkOp((x) => x.pick([3, 0, 1, 2, 3], { axis: 0 }), [R()], { expected: [0.8, -1.2, -0.7, -1.6, -0.9] });
    const k = R().pick(nd.array([[1], [0], [4], [2]]), { keepDims: true });
    expect(k.shape).toEqual([4, 1]);
    expect(await values(k)).toEqual([-1.2, 1.5, 1.3, 1.4].map(Math.fround));
  });
  it('a 3-D array along the middle axis', () =>
    checkOp((x) => x.pick(nd.array([[0, 2, 1, 1], [2, 2, 0, 1]]), { axis: 1 }), [X234().astype('float32').div(7)], {
      // mask[p][j][q] = 1 where j = index[p][q], built in JavaScript (tfjs's WebGPU transpose of a
      // cast one-hot miscompiles: a WGSL type error, measured).
      tfRef: (x) => {
        const index = [[0, 2, 1, 1], [2, 2, 0, 1]];
        const mask = index.map((row) => [0, 1, 2].map((j) => row.map((i) => (i === j ? 1 : 0))));
        return tf.sum(tf.mul(x, tf.tensor3d(mask)), 1);
      },
    }));
  it('out-of-range indices are clipped; other entries never leak into the result (no 0 * inf)', async () => {
    expect(await values(nd.array([[1, 2], [3, 4]]).pick([5, -1]))).toEqual([2, 3]);
    const withInf = nd.array([[Number.NEGATIVE_INFINITY, 0.5], [2.0, Number.NEGATIVE_INFINITY]]);
    expect(await values(withInf.pick([1, 0]))).toEqual([0.5, 2.0]);
  });
  it('a wrong index shape names both shapes', () => {
    expect(() => R().pick(nd.array([0, 1]))).toThrow(/pick: index has shape \(2,\) but x has shape \(4, 5\).*\(4,\).*\(4, 1\)/);
  });
});

describe('oneHot', () => {
  it('float32 rows of onValue/offValue with shape indices.shape + [depth]', async () => {
    const y = nd.array([1, 0, 2]).oneHot(3);
    expect(y.dtype).toBe('float32');
    expect(y.shape).toEqual([3, 3]);
    expect(await values(y)).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 1]);
    const z = nd.oneHot(nd.array([[0, 3], [5, 1]], { dtype: 'int32' }), 4, { onValue: 2, offValue: -1 });
    expect(z.shape).toEqual([2, 2, 4]);
    // index 5 is outside [0, 4): a row of offValue
    expect(await values(z)).toEqual([2, -1, -1, -1, -1, -1, -1, 2, -1, -1, -1, -1, -1, 2, -1, -1]);
  });
  it('a bad depth', () => {
    expect(() => nd.array([1]).oneHot(0)).toThrow(/depth must be a positive integer/);
  });
});

// ---- memory ------------------------------------------------------------------------------

describe('indexing ops do not leak tensors', () => {
  it('get (slices, steps, index arrays) forward and backward', async () => {
    const x = R();
    x.attachGrad();
    await expectNoLeak(async () => {
      const y = autograd.record(() => x.get('::-2', '1:4').sum().add(x.get([1, 1], '::2').sum()).add(x.get(nd.array([0, 2])).sum()));
      y.backward();
      await y.asScalar();
    });
  });
  it('set forward and backward, inside and outside record', async () => {
    const x = R();
    const v = nd.array([1, 2]);
    v.attachGrad();
    await expectNoLeak(async () => {
      x.set(0.5, '1:3', 0);
      x.set(nd.array([1, 2, 3, 4, 5]), [3]);
      const y = autograd.record(() => {
        const z = x.mul(1);
        z.set(v, '::2', 1);
        z.set(v.sum(), [0], 4);
        return z.square().sum();
      });
      y.backward();
      await y.asScalar();
    });
  });
  it('take and pick forward and backward', async () => {
    const x = R();
    x.attachGrad();
    await expectNoLeak(async () => {
      const y = autograd.record(() => x.take(nd.array([3, 0, 3])).sum().add(x.pick([0, 1, 2, 3]).sum()).add(x.pick([1, 2, 0, 0, 3], { axis: 0 }).sum()));
      y.backward();
      await y.asScalar();
      await values(nd.array([1, 2]).oneHot(3));
    });
  });
});
