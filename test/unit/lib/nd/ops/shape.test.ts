import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { autograd, nd, NDArray, ArgumentError, AutogradError, ShapeError } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../../../helpers/check-op';

beforeAll(useBackend);

const X = () => nd.array([[[0.5, -1.2, 2.0, 0.1], [1.5, 0.3, -0.7, 0.9], [0.2, 1.1, -0.4, -1.6]], [[0.8, -0.2, 1.4, 0.6], [-1.1, 0.7, 0.25, 1.3], [0.45, -0.9, 1.2, 0.35]]]); // (2, 3, 4)
const M = () => nd.array([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]]); // (2, 3)
const N = () => nd.array([[1.1, 0.4, -2.5], [0.9, 2.2, 1.3]]); // (2, 3)
const C = () => nd.array([[0.7], [-0.3]]); // (2, 1)

describe('reshape, expandDims, squeeze, flatten', () => {
  it('reshape to an explicit shape', () => checkOp((x) => x.reshape([4, 6]), [X()], { tfRef: (x) => tf.reshape(x, [4, 6]) }));
  it('reshape with -1 (infer) and 0 (copy the input dim), as MXNet', async () => {
    await checkOp((x) => x.reshape([0, -1]), [X()], { tfRef: (x) => tf.reshape(x, [2, 12]) });
    expect(X().reshape(-1).shape).toEqual([24]);
    expect(X().reshape(0, 0, 2, 2).shape).toEqual([2, 3, 2, 2]);
  });
  it('reshape errors say what does not fit', () => {
    expect(() => X().reshape([5, -1])).toThrow(ShapeError);
    expect(() => X().reshape([5, -1])).toThrow(/size 24.*not divisible by 5/);
    expect(() => X().reshape([5, 5])).toThrow(/the sizes must match/);
    expect(() => X().reshape([-1, -1])).toThrow(/at most one -1/);
  });
  it('expandDims, including negative axes', async () => {
    await checkOp((x) => x.expandDims(1), [M()], { tfRef: (x) => tf.expandDims(x, 1) });
    expect(M().expandDims(-1).shape).toEqual([2, 3, 1]);
    expect(M().expandDims(0).shape).toEqual([1, 2, 3]);
    expect(M().expandDims(-3).shape).toEqual([1, 2, 3]);
    expect(() => M().expandDims(3)).toThrow(/axis 3 is out of range/);
  });
  it('squeeze all size-1 axes, or named ones', async () => {
    const x = () => nd.array([[[1.5], [-2.0], [0.5]]]); // (1, 3, 1)
    await checkOp((a) => a.squeeze(), [x()], { tfRef: (a) => tf.squeeze(a) });
    await checkOp((a) => a.squeeze(-1), [x()], { tfRef: (a) => tf.squeeze(a, [2]) });
    expect(x().squeeze([0]).shape).toEqual([3, 1]);
    expect(nd.ones([1, 1]).squeeze().shape).toEqual([1]); // no 0-d arrays
    expect(() => x().squeeze(1)).toThrow(/squeeze: axis 1 of the array of shape \(1, 3, 1\) has size 3/);
  });
  it('flatten keeps the first axis: (2, 3, 4) -> (2, 12); (n,) -> (n, 1)', async () => {
    await checkOp((x) => x.flatten(), [X()], { tfRef: (x) => tf.reshape(x, [2, 12]) });
    const v = nd.array([1, 2, 3]);
    expect(v.flatten().shape).toEqual([3, 1]);
    expect(await values(v.flatten())).toEqual([1, 2, 3]);
  });
});

describe('transpose', () => {
  it('default reverses the axes', () => checkOp((x) => x.transpose(), [X()], { tfRef: (x) => tf.transpose(x) }));
  it('.T of a matrix', () => checkOp((x) => x.T, [M()], { expected: [[0.5, 1.5], [-1.2, 0.3], [2.0, -0.7]], tfRef: (x) => tf.transpose(x) }));
  it('an explicit permutation (gradient is the inverse permutation)', () =>
    checkOp((x) => x.transpose([1, 2, 0]), [X()], { tfRef: (x) => tf.transpose(x, [1, 2, 0]) }));
  it('negative axes count from the end', async () => {
    expect(X().transpose([0, -1, 1]).shape).toEqual([2, 4, 3]);
  });
  it('a bad permutation says what is expected', () => {
    expect(() => X().transpose([0, 1])).toThrow(/axes \[0,1\] has 2 entries but the array of shape \(2, 3, 4\) has 3 axes/);
    expect(() => X().transpose([0, 1, 1])).toThrow(/names the same axis twice/);
    expect(() => X().transpose([0, 1, 3])).toThrow(ArgumentError);
  });
});

describe('broadcastTo and tile', () => {
  it('broadcastTo a row and a column', async () => {
    await checkOp((x) => x.broadcastTo([2, 3]), [nd.array([0.6, -1.4, 1.9])], { tfRef: (x) => tf.broadcastTo(x, [2, 3]) });
    await checkOp((x) => x.broadcastTo([3, 2, 4]), [C()], { tfRef: (x) => tf.broadcastTo(x, [3, 2, 4]) });
  });
  it('a 0 in the target keeps the input dimension (MXNet)', async () => {
    const y = C().broadcastTo([0, 3]);
    expect(y.shape).toEqual([2, 3]);
    expect(await values(y)).toEqual([0.7, 0.7, 0.7, -0.3, -0.3, -0.3].map(Math.fround));
  });
  it('broadcastTo rejects impossible targets naming both shapes', () => {
    expect(() => M().broadcastTo([4, 3])).toThrow(ShapeError);
    expect(() => M().broadcastTo([4, 3])).toThrow(/shape \(2, 3\) to \(4, 3\): dimension 0 is 2 in the array and 4/);
    expect(() => M().broadcastTo([3])).toThrow(/fewer dimensions/);
  });
  it('tile with reps of the same length', () => checkOp((x) => x.tile([2, 3]), [M()], { tfRef: (x) => tf.tile(x, [2, 3]) }));
  it('tile with shorter reps (padded with leading 1s)', () => checkOp((x) => x.tile([2]), [M()], { tfRef: (x) => tf.tile(x, [1, 2]) }));
  it('tile with longer reps (x gets leading axes)', () =>
    checkOp((x) => x.tile([2, 1, 2]), [M()], { tfRef: (x) => tf.tile(tf.reshape(x, [1, 2, 3]), [2, 1, 2]) }));
  it('tile of a 4-D array (the gradient sums one axis at a time)', () =>
    checkOp((x) => x.tile([2, 1, 3, 2]), [nd.arange(24).reshape([2, 3, 2, 2]).mul(0.1)], { tfRef: (x) => tf.tile(x, [2, 1, 3, 2]) }));
  it('tile values by hand', async () => {
    await checkOp((x) => x.tile([2]), [nd.array([1, 2])], { expected: [1, 2, 1, 2], wrt: [] });
    expect(() => M().tile([0, 1])).toThrow(/reps must be positive integers/);
  });
});

describe('astype', () => {
  it('float -> int32 truncates toward zero and has dtype int32', async () => {
    const y = nd.array([1.7, -2.2, 2.9]).astype('int32');
    expect(y.dtype).toBe('int32');
    expect(await values(y)).toEqual([1, -2, 2]);
    expect(nd.array([1, 2], { dtype: 'int32' }).astype('float32').dtype).toBe('float32');
  });
  it('float -> float passes the gradient through', () => checkOp((x) => x.astype('float32').mul(x), [M()], { tfRef: (x) => tf.mul(x, x) }));
  it('an int32 output carries no gradient', async () => {
    const x = M();
    x.attachGrad();
    const y = autograd.record(() => x.mul(2).add(x.astype('int32').astype('float32')).sum());
    y.backward();
    expect(await values(x.grad)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(() => autograd.record(() => x.astype('int32').astype('float32').sum()).backward()).toThrow(AutogradError);
  });
  it('rejects other dtypes', () => {
    expect(() => M().astype('float64' as 'float32')).toThrow(/astype: dtype must be 'float32' or 'int32', got "float64"/);
  });
});

describe('concat, stack, split', () => {
  it('concat joins along dim 1 by default (MXNet)', () =>
    checkOp((a, b) => nd.concat(a, b), [M(), N()], { tfRef: (a, b) => tf.concat([a, b], 1) }));
  it('concat along dim 0 and a negative dim, three arrays of different sizes', async () => {
    await checkOp((a, b, c) => nd.concat(a, b, c, { dim: 0 }), [M(), N(), nd.array([[3, 2, 1]])], {
      tfRef: (a, b, c) => tf.concat([a, b, c], 0),
    });
    await checkOp((a, b) => nd.concat(a, b, { dim: -1 }), [M(), C()], { tfRef: (a, b) => tf.concat([a, b], 1) });
  });
  it('concat of one array is a copy', async () => {
    const m = M();
    const y = nd.concat(m);
    expect(y === m).toBe(false); // not .not.toBe: its failure message iterates the arrays (a sync read on WebGPU)
    expect(await values(y)).toEqual(await values(m));
  });
  it('concat errors name the argument and both shapes', () => {
    expect(() => nd.concat(M(), N(), nd.ones([3, 3]), { dim: 1 })).toThrow(ShapeError);
    expect(() => nd.concat(M(), N(), nd.ones([3, 3]), { dim: 1 })).toThrow(/argument 2 has shape \(3, 3\) but argument 0 has shape \(2, 3\)/);
    expect(() => nd.concat(nd.ones([3]), nd.ones([2]))).toThrow(/dim 1 is out of range.*pass \{ dim: 0 \}/);
    expect(() => nd.concat([1, 2] as unknown as NDArray, M())).toThrow(/argument 0 must be an NDArray, got a plain array/);
    expect(() => nd.concat(M(), [1, 2] as unknown as NDArray)).toThrow(/options must be an object like \{ dim: 0 \}, got a plain array/);
    expect(() => nd.concat(M(), M().astype('int32'))).toThrow(/argument 1 has dtype int32/);
  });
  it('stack on a new axis (0, 1, -1)', async () => {
    await checkOp((a, b) => nd.stack(a, b), [M(), N()], { tfRef: (a, b) => tf.stack([a, b], 0) });
    await checkOp((a, b) => nd.stack(a, b, { axis: 1 }), [M(), N()], { tfRef: (a, b) => tf.stack([a, b], 1) });
    await checkOp((a, b) => nd.stack(a, b, { axis: -1 }), [M(), N()], { tfRef: (a, b) => tf.stack([a, b], 2) });
  });
  it('stack needs equal shapes', () => {
    expect(() => nd.stack(M(), C())).toThrow(/stack: argument 1 has shape \(2, 1\) but argument 0 has shape \(2, 3\)/);
  });
  it('split along axis 1 by default; each part is its own tape node', async () => {
    for (let k = 0; k < 2; k++) {
      await checkOp((x) => nd.split(x, 2)[k]!, [X().reshape([2, 4, 3])], { tfRef: (x) => tf.split(x, 2, 1)[k]! });
    }
    // two parts used together: the gradients of both reach x
    await checkOp(
      (x) => {
        const [a, b, c] = nd.split(x, 3, { axis: 0 });
        return a!.mul(b!).add(c!);
      },
      [nd.array([[0.5, -1.2], [1.5, 0.3], [0.2, 1.1]])],
      { tfRef: (x) => { const [a, b, c] = tf.split(x, 3, 0); return tf.add(tf.mul(a!, b!), c!); } },
    );
  });
  it('split with squeezeAxis drops the axis', async () => {
    const parts = nd.split(M(), 3, { axis: 1, squeezeAxis: true });
    expect(parts.map((p) => p.shape)).toEqual([[2], [2], [2]]);
    expect(await values(parts[2]!)).toEqual([2.0, -0.7].map(Math.fround));
    await checkOp((x) => nd.split(x, 3, { squeezeAxis: true })[1]!, [M()], { expected: [-1.2, 0.3] });
  });
  it('split errors', () => {
    expect(() => nd.split(M(), 2)).toThrow(/axis 1 of the array of shape \(2, 3\) has size 3, which does not divide into 2 equal parts/);
    expect(() => nd.split(M(), 1, { squeezeAxis: true })).toThrow(/squeezeAxis needs parts of size 1/);
  });
});

describe('property-based: shape round trips', () => {
  const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });
  it('reshape to a random factorization and back restores the array', async () => {
    await fc.assert(
      fc.asyncProperty(shapeArb, fc.integer({ min: 0, max: 10000 }), async (shape, seed) => {
        nd.random.seed(seed);
        const x = nd.random.normal(0, 1, shape);
        const other = [...shape].reverse().concat([1]); // same size, different layout
        const y = x.reshape(other).reshape(-1).reshape(shape);
        expect(y.shape).toEqual(shape);
        expect(await values(y)).toEqual(await values(x));
      }),
      { numRuns: 30 },
    );
  });
  it('transpose by a random permutation agrees with a JS reference, and its inverse restores x', async () => {
    const arb = shapeArb.chain((shape) => fc.tuple(fc.constant(shape), fc.shuffledSubarray([...shape.keys()], { minLength: shape.length, maxLength: shape.length })));
    await fc.assert(
      fc.asyncProperty(arb, async ([shape, perm]) => {
        const size = shape.reduce((a, d) => a * d, 1);
        const flat = Array.from({ length: size }, (_, i) => i);
        const x = nd.array(flat).reshape(shape);
        const y = x.transpose(perm);
        // reference: y[j_0, ..., j_k] = x[i] where i_{perm[a]} = j_a
        const outShape = perm.map((p) => shape[p]!);
        const strides = shape.map((_, a) => shape.slice(a + 1).reduce((p, d) => p * d, 1));
        const ref: number[] = [];
        const walk = (a: number, offset: number): void => {
          if (a === outShape.length) return void ref.push(flat[offset]!);
          for (let j = 0; j < outShape[a]!; j++) walk(a + 1, offset + j * strides[perm[a]!]!);
        };
        walk(0, 0);
        expect(y.shape).toEqual(outShape);
        expect(await values(y)).toEqual(ref);
        const inverse = perm.map((_, i) => perm.indexOf(i));
        expect(await values(y.transpose(inverse))).toEqual(flat);
      }),
      { numRuns: 30 },
    );
  });
});

describe('shape ops do not leak tensors', () => {
  it('forward and backward through every shape op', async () => {
    const x = M();
    x.attachGrad();
    await expectNoLeak(async () => {
      const y = autograd.record(() => {
        const parts = nd.split(x.reshape([3, 2]).T.expandDims(0).squeeze().flatten(), 3, { axis: 1 });
        const joined = nd.concat(parts[0]!, parts[2]!, { dim: 0 });
        return nd.stack(joined, joined.broadcastTo([4, 1])).tile([1, 2]).astype('float32').sum();
      });
      y.backward();
      await y.asScalar();
      y.dispose();
    });
    expectClose(await values(x.grad), [4, 4, 0, 0, 4, 4], 1e-6); // columns 0 and 2 of x.reshape([3, 2]).T, used 2 x 2 times
  });
});
