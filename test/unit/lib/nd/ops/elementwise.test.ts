import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { nd, NDArray, ShapeError, ArgumentError } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectClose, expectNoLeak, expectOpError, values } from '../../../helpers/check-op';

beforeAll(useBackend);

const A = () => nd.array([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]]);
const B = () => nd.array([[1.1, 0.4, -2.5], [0.9, 2.2, 1.3]]);
const row = () => nd.array([0.6, -1.4, 1.9]); // broadcasts over rows
const col = () => nd.array([[1.7], [-0.8]]); // broadcasts over columns
const positive = () => nd.array([[0.5, 1.2, 2.0], [1.5, 0.3, 0.7]]);

describe('binary elementwise ops: forward and backward, with broadcasting', () => {
  const cases: [string, (a: NDArray, b: NDArray) => NDArray, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor][] = [
    ['add', (a, b) => a.add(b), tf.add],
    ['sub', (a, b) => a.sub(b), tf.sub],
    ['mul', (a, b) => a.mul(b), tf.mul],
    ['div', (a, b) => a.div(b), tf.div],
    ['maximum', (a, b) => a.maximum(b), tf.maximum],
    ['minimum', (a, b) => a.minimum(b), tf.minimum],
  ];
  for (const [name, f, ref] of cases) {
    it(`${name}: same shapes`, () => checkOp(f, [A(), B()], { tfRef: ref }));
    // tfjs's own Maximum/Minimum gradients ignore broadcasting: compare those with finite differences only.
    const refGrads = name !== 'maximum' && name !== 'minimum';
    it(`${name}: (2,3) with (3,)`, () => checkOp(f, [A(), row()], { tfRef: ref, refGrads }));
    it(`${name}: (2,1) with (3,) -> (2,3)`, () => checkOp(f, [col(), row()], { tfRef: ref, refGrads }));
  }
  it('pow: both arguments', () => checkOp((a, b) => a.pow(b), [positive(), B()], { tfRef: tf.pow }));
  it('pow: broadcast exponent', () => checkOp((a, b) => a.pow(b), [positive(), nd.array([2])], { tfRef: tf.pow }));
  it('scalars broadcast and take the array dtype', async () => {
    expect(await values(A().add(1))).toEqual(Array.from(await A().data()).map((v) => Math.fround(v + 1)));
    const i = nd.array([1, 2, 3], { dtype: 'int32' });
    expect(i.mul(2).dtype).toBe('int32');
    expect(await values(i.mul(2))).toEqual([2, 4, 6]);
  });
  it('a shape mismatch names the op, both shapes and the failing dimension', () => {
    expectOpError(() => A().add(nd.ones([4])), ShapeError, /add: shapes \(2, 3\) and \(4,\) cannot be broadcast.*3 in one and 4 in the other/, /Reshape one operand/);
  });
  it('a wrong argument type says what was expected', () => {
    expectOpError(() => A().add('1' as unknown as number), ArgumentError);
    expectOpError(() => A().add([1, 2, 3] as unknown as number), ArgumentError, /plain array/);
  });
});

describe('comparisons return 0/1 arrays', () => {
  it('forward values and no gradient', async () => {
    const a = nd.array([1, 2, 3]);
    const b = nd.array([3, 2, 1]);
    expect(await values(a.equal(b))).toEqual([0, 1, 0]);
    expect(await values(a.notEqual(b))).toEqual([1, 0, 1]);
    expect(await values(a.greater(b))).toEqual([0, 0, 1]);
    expect(await values(a.greaterEqual(b))).toEqual([0, 1, 1]);
    expect(await values(a.less(b))).toEqual([1, 0, 0]);
    expect(await values(a.lessEqual(2))).toEqual([1, 1, 0]);
    expect(a.equal(b).dtype).toBe('float32');
  });
});

describe('unary elementwise ops', () => {
  const X = () => nd.array([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]]);
  const cases: [string, (x: NDArray) => NDArray, (x: tf.Tensor) => tf.Tensor, () => NDArray][] = [
    ['neg', (x) => x.neg(), tf.neg, X],
    ['abs', (x) => x.abs(), tf.abs, X],
    ['exp', (x) => x.exp(), tf.exp, X],
    ['log', (x) => x.log(), tf.log, positive],
    ['sqrt', (x) => x.sqrt(), tf.sqrt, positive],
    ['square', (x) => x.square(), tf.square, X],
    ['relu', (x) => x.relu(), tf.relu, X],
    ['sigmoid', (x) => x.sigmoid(), tf.sigmoid, X],
    ['tanh', (x) => x.tanh(), tf.tanh, X],
    ['clip', (x) => x.clip(-1, 1), (x) => tf.clipByValue(x, -1, 1), X],
  ];
  for (const [name, f, ref, input] of cases) {
    it(name, () => checkOp(f, [input()], { tfRef: ref }));
  }
  it('sign has values and a zero gradient', async () => {
    await checkOp((x) => x.sign(), [X()], { expected: [[1, -1, 1], [1, 1, -1]], wrt: [] });
  });
  it('where picks and routes gradients by the condition', () =>
    checkOp((a, b) => nd.where(nd.array([[1, 0, 1], [0, 1, 0]]), a, b), [A(), B()], {
      expected: [[0.5, 0.4, 2.0], [0.9, 0.3, 1.3]],
      tfRef: (a, b) => tf.where(tf.cast(tf.tensor([[1, 0, 1], [0, 1, 0]]), 'bool'), a, b),
    }));
  it('clip rejects min > max', () => {
    expect(() => X().clip(1, -1)).toThrow(/clip: min and max must be numbers with min <= max/);
  });
});

describe('property-based: elementwise algebra holds for random shapes and values', () => {
  const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });
  it('a + b - b == a and a * b == b * a, with broadcasting of a trailing slice', async () => {
    await fc.assert(
      fc.asyncProperty(shapeArb, fc.integer({ min: 0, max: 1000 }), async (shape, seed) => {
        nd.random.seed(seed);
        const a = nd.random.normal(0, 1, shape);
        const b = nd.random.normal(0, 1, shape.slice(1 + (seed % shape.length)));
        expectClose(await values(a.add(b).sub(b)), await values(a), 1e-5);
        expectClose(await values(a.mul(b)), await values(b.mul(a)), 1e-6);
        expect(a.add(b).shape).toEqual(shape);
      }),
      { numRuns: 25 },
    );
  });
  it('the gradient of sum(x * x) is 2x for any shape', async () => {
    await fc.assert(
      fc.asyncProperty(shapeArb, fc.integer({ min: 0, max: 1000 }), async (shape, seed) => {
        nd.random.seed(seed);
        const x = nd.random.normal(0, 1, shape);
        x.attachGrad();
        const { autograd } = await import('../../../../../src/lib/index');
        autograd.record(() => x.mul(x).sum()).backward();
        expectClose(await values(x.grad), (await values(x)).map((v) => 2 * v), 1e-5);
      }),
      { numRuns: 25 },
    );
  });
});

describe('elementwise ops do not leak tensors', () => {
  it('forward and backward', async () => {
    const { autograd } = await import('../../../../../src/lib/index');
    const a = A();
    const b = row();
    a.attachGrad();
    await expectNoLeak(async () => {
      const y = autograd.record(() => a.mul(b).add(2).exp().div(b.add(3)).sum());
      y.backward();
      await y.asScalar();
      y.dispose();
    });
  });
});
