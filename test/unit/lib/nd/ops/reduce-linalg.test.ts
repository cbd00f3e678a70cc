import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { autograd, nd, NDArray, ArgumentError, ShapeError } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, values } from '../../../helpers/check-op';

beforeAll(useBackend);

const X = () => nd.array([[[0.5, -1.2, 2.0, 0.1], [1.5, 0.3, -0.7, 0.9], [0.2, 1.1, -0.4, -1.6]], [[0.8, -0.2, 1.4, 0.6], [-1.1, 0.7, 0.25, 1.3], [0.45, -0.9, 1.2, 0.35]]]); // (2, 3, 4)

describe('reductions over axes, with keepDims', () => {
  const axesCases: (number | number[] | undefined)[] = [undefined, 0, 1, 2, -1, [0, 2], [1, 2]];
  const families: [string, (x: NDArray, o: { axis?: number | number[]; keepDims?: boolean }) => NDArray, (x: tf.Tensor, axes: number | number[] | undefined, k: boolean) => tf.Tensor][] = [
    ['sum', (x, o) => x.sum(o), (x, a, k) => tf.sum(x, a, k)],
    ['mean', (x, o) => x.mean(o), (x, a, k) => tf.mean(x, a, k)],
    ['max', (x, o) => x.max(o), (x, a, k) => tf.max(x, a, k)],
    ['min', (x, o) => x.min(o), (x, a, k) => tf.min(x, a, k)],
    // tfjs's WebGPU Prod ignores keepDims, so the reference takes its kept shape from tf.sum's.
    ['prod', (x, o) => x.prod(o), (x, a, k) => tf.reshape(tf.prod(x, a, false), tf.sum(x, a, k).shape)],
  ];
  for (const [name, f, ref] of families) {
    for (const axis of axesCases) {
      for (const keepDims of [false, true]) {
        it(`${name} axis=${JSON.stringify(axis)} keepDims=${keepDims}`, () =>
          checkOp((x) => f(x, { axis, keepDims }), [X()], {
            tfRef: (x) => ref(x, axis, keepDims),
            // tfjs has no gradient for prod; finite differences check ours
            refGrads: name !== 'prod',
          }));
      }
    }
  }
  it('a full reduction has shape (1,), as MXNet', () => {
    expect(X().sum().shape).toEqual([1]);
    expect(X().mean({ axis: [0, 1, 2] }).shape).toEqual([1]);
  });
  it('prod has the exact gradient at zeros', async () => {
    const x = nd.array([[2, 0, 3], [0, 0, 5]]);
    await checkOp((a) => a.prod({ axis: 1 }), [x], { expected: [0, 0] });
    const { autograd } = await import('../../../../../src/lib/index');
    const v = nd.array([2, 0, 3]);
    v.attachGrad();
    autograd.record(() => v.prod()).backward();
    expect(await values(v.grad)).toEqual([0, 6, 0]);
  });
  it('max sends the gradient to every tie', async () => {
    const { autograd } = await import('../../../../../src/lib/index');
    const v = nd.array([1, 3, 3]);
    v.attachGrad();
    autograd.record(() => v.max()).backward();
    expect(await values(v.grad)).toEqual([0, 1, 1]);
  });
  it('norm (L2 and L1)', async () => {
    await checkOp((x) => x.norm(), [X()], { tfRef: (x) => tf.norm(x) });
    await checkOp((x) => x.norm({ axis: 1 }), [X()], { tfRef: (x) => tf.norm(x, 'euclidean', 1) });
    await checkOp((x) => x.norm({ ord: 1 }), [X()], { tfRef: (x) => tf.sum(tf.abs(x)) });
  });
  it('argmax / argmin return float32 indices as MXNet', async () => {
    const x = nd.array([[1, 5, 2], [7, 0, 3]]);
    expect(await values(x.argmax({ axis: 1 }))).toEqual([1, 0]);
    expect(await values(x.argmin({ axis: 0 }))).toEqual([0, 1, 0]);
    expect(await values(x.argmax())).toEqual([3]);
    expect(x.argmax({ axis: 1 }).dtype).toBe('float32');
    expect(x.argmax({ axis: 1, keepDims: true }).shape).toEqual([2, 1]);
  });
  it('bad axes are clear errors', () => {
    expect(() => X().sum({ axis: 3 })).toThrow(ArgumentError);
    expect(() => X().sum({ axis: 3 })).toThrow(/sum: axis 3 is out of range for an array with 3 dimension/);
    expect(() => X().sum({ axis: [1, -2] })).toThrow(/names the same axis twice/);
  });
  it('property: sum over all axes equals the sum of sums over each axis in turn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 10000 }), async (shape, seed) => {
        nd.random.seed(seed);
        const x = nd.random.uniform(-1, 1, shape);
        let y = x;
        for (let a = shape.length - 1; a >= 0; a--) y = y.sum({ axis: a });
        expectClose(await values(y), await values(x.sum()), 1e-4);
        const m = await values(x.mean({ axis: 0, keepDims: true }));
        expect(m.length).toBe(shape.slice(1).reduce((p, d) => p * d, 1));
      }),
      { numRuns: 25 },
    );
  });
});

describe('dot and batchDot', () => {
  const M = () => nd.array([[1, 2, 3], [4, 5, 6]]); // (2, 3)
  const N = () => nd.array([[0.5, -1], [2, 0.25], [-0.5, 1.5]]); // (3, 2)
  it('matrix product', () => checkOp((a, b) => nd.dot(a, b), [M(), N()], { expected: [[3, 4], [9, 6.25]], tfRef: (a, b) => tf.matMul(a, b) }));
  it('transposes', async () => {
    await checkOp((a, b) => nd.dot(a, b, { transposeA: true }), [N(), N()], { tfRef: (a, b) => tf.matMul(a, b, true, false) });
    await checkOp((a, b) => nd.dot(a, b, { transposeB: true }), [M(), M()], { tfRef: (a, b) => tf.matMul(a, b, false, true) });
    await checkOp((a, b) => nd.dot(a, b, { transposeA: true, transposeB: true }), [M(), N()], { tfRef: (a, b) => tf.matMul(a, b, true, true) });
  });
  it("A^T B with few result rows (on WASM computed as (B^T A)^T, so XNNPACK packs the smaller operand)", async () => {
    // (K, M)^T (K, N) with 4 M <= N, and its gradients (whose own products take other paths)
    await checkOp((a, b) => nd.dot(a, b, { transposeA: true }), [nd.random.normal(0, 1, [6, 2]), nd.random.normal(0, 1, [6, 9])], { tfRef: (a, b) => tf.matMul(a, b, true, false) });
    await checkOp((a, b) => nd.dot(a, b, { transposeA: true }), [nd.random.normal(0, 0.1, [300, 7]), nd.random.normal(0, 0.1, [300, 64])], { tfRef: (a, b) => tf.matMul(a, b, true, false), skipFiniteDifferences: true, tol: 1e-3 });
    const [a, b] = [nd.random.normal(0, 1, [40, 3]), nd.random.normal(0, 1, [40, 16])];
    a.attachGrad();
    b.attachGrad();
    await expectNoLeak(async () => {
      const y = autograd.record(() => nd.dot(a, b, { transposeA: true }).square().sum());
      y.backward();
      await a.grad.data();
    });
  });
  it('vector cases: 1-D . 1-D is (1,), matrix . vector, vector . matrix', async () => {
    const v = () => nd.array([1, -2, 0.5]);
    await checkOp((a, b) => nd.dot(a, b), [v(), v()], { expected: [5.25] });
    await checkOp((a, b) => nd.dot(a, b), [M(), v()], { expected: [-1.5, -3] });
    await checkOp((a, b) => nd.dot(a, b), [nd.array([1, -1]), M()], { expected: [-3, -3, -3] });
  });
  it('N-D dot sums over the last axis of a and the first of b', async () => {
    nd.random.seed(3);
    const a = nd.random.normal(0, 1, [2, 3, 4]);
    const b = nd.random.normal(0, 1, [4, 5]);
    await checkOp((p, q) => nd.dot(p, q), [a, b], { tfRef: (p, q) => tf.reshape(tf.matMul(tf.reshape(p, [6, 4]), q), [2, 3, 5]) });
  });
  it('batchDot', async () => {
    nd.random.seed(4);
    const a = nd.random.normal(0, 1, [2, 3, 4]);
    const b = nd.random.normal(0, 1, [2, 4, 2]);
    await checkOp((p, q) => nd.batchDot(p, q), [a, b], { tfRef: (p, q) => tf.matMul(p, q) });
    await checkOp((p, q) => nd.batchDot(p, q, { transposeB: true }), [a, nd.random.normal(0, 1, [2, 5, 4])], { tfRef: (p, q) => tf.matMul(p, q, false, true) });
    await checkOp((p, q) => nd.batchDot(p, q, { transposeA: true }), [nd.random.normal(0, 1, [2, 4, 3]), b], { tfRef: (p, q) => tf.matMul(p, q, true, false) });
  });
  it('transposed products of larger arrays (on WASM the transpose is done before the product, for speed) agree with tfjs', async () => {
    nd.random.seed(5);
    const a = nd.random.normal(0, 1, [37, 19]);
    const b = nd.random.normal(0, 1, [23, 37]);
    await checkOp((p, q) => nd.dot(p, q, { transposeA: true, transposeB: true }), [a, b], { tfRef: (p, q) => tf.matMul(p, q, true, true) });
    const c = nd.random.normal(0, 1, [3, 4, 2]);
    const d = nd.random.normal(0, 1, [3, 5, 4]);
    await checkOp((p, q) => nd.batchDot(p, q, { transposeA: true, transposeB: true }), [c, d], { tfRef: (p, q) => tf.matMul(p, q, true, true) });
  });
  it('mismatched shapes name the op, both shapes and the dimensions', () => {
    expect(() => nd.dot(M(), M())).toThrow(ShapeError);
    expect(() => nd.dot(M(), M())).toThrow(/nd.dot: shapes \(2, 3\) and \(2, 3\) do not align: a's last dimension \(3\) must equal b's first dimension \(2\)/);
  });
  it('addN sums arrays (more than 8, the WebGPU addN trap) with gradients to each', async () => {
    const arrays = Array.from({ length: 10 }, (_, i) => nd.full([2, 2], i));
    expect(await values(nd.addN(...arrays))).toEqual([45, 45, 45, 45]);
    await checkOp((a, b, c) => nd.addN(a, b, c), [M(), M(), M()], { tfRef: (a, b, c) => tf.add(tf.add(a, b), c) });
  });
  it('no leaks', async () => {
    const { autograd } = await import('../../../../../src/lib/index');
    const a = M();
    const b = N();
    a.attachGrad();
    b.attachGrad();
    await expectNoLeak(() => {
      autograd.record(() => nd.dot(a, b).sum()).backward();
    });
  });
});
