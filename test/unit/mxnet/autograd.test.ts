/**
 * test_autograd.py in the MXNet port: gradients of unary and binary functions, argnum-style
 * heads, training flags, head gradients, detach, retain_graph, attach_grad and grad_req.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AutogradError, ShapeError, autograd, nd, type NDArray } from '../../../src/lib/index';
import { useBackend } from '../helpers/backend';
import { expectAllClose, expectMatches, toNd, type ArrayJson, type OtherCase } from './cases';
import autogradCases from './cases/autograd.json';

beforeAll(useBackend);

const UNARY: Record<string, (x: NDArray) => NDArray> = {
  exp: (x) => x.exp(),
  half: (x) => x.div(2),
  square: (x) => x.square(),
  expSquare: (x) => x.square().exp(),
};
const BINARY: Record<string, (a: NDArray, b: NDArray) => NDArray> = {
  add: (a, b) => a.add(b),
  mul: (a, b) => a.mul(b),
  mixed: (a, b) => a.add(a.mul(b)),
};

const cases = autogradCases as unknown as OtherCase[];

describe('MXNet port: test_autograd.py values', () => {
  for (const c of cases.filter((k) => k.kind === 'gradOf')) {
    it(`${c.id}: d/dx sum(${c.fn as string}(x))`, async () => {
      const x = toNd(c.x as ArrayJson);
      x.attachGrad();
      autograd.record(() => UNARY[c.fn as string]!(x)).backward();
      await expectMatches(x.grad, c.grad as ArrayJson, 1e-4, 'grad');
    });
  }
  for (const c of cases.filter((k) => k.kind === 'binaryGrad')) {
    it(`${c.id}: d/da and d/db of sum(${c.fn as string}(a, b))`, async () => {
      const a = toNd(c.a as ArrayJson);
      const b = toNd(c.b as ArrayJson);
      a.attachGrad();
      b.attachGrad();
      autograd.record(() => BINARY[c.fn as string]!(a, b)).backward();
      await expectMatches(a.grad, c.ga as ArrayJson, 1e-4, 'grad a');
      await expectMatches(b.grad, c.gb as ArrayJson, 1e-4, 'grad b');
    });
  }
});

describe('MXNet port: test_autograd.py behaviour', () => {
  it('test_training / test_is_train: record trains by default, pause predicts, trainMode/predictMode override', () => {
    expect(autograd.isRecording()).toBe(false);
    expect(autograd.isTraining()).toBe(false);
    autograd.record(() => {
      expect(autograd.isRecording()).toBe(true);
      expect(autograd.isTraining()).toBe(true);
      autograd.pause(() => {
        expect(autograd.isRecording()).toBe(false);
        expect(autograd.isTraining()).toBe(false);
      });
      autograd.predictMode(() => expect(autograd.isTraining()).toBe(false));
    });
    autograd.record(() => expect(autograd.isTraining()).toBe(false), { trainMode: false });
    autograd.trainMode(() => expect(autograd.isTraining()).toBe(true));
  });

  it('test_out_grads: backward with a head gradient weighs each output', async () => {
    const x = nd.array([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]);
    x.attachGrad();
    const y = autograd.record(() => x.mul(3));
    y.backward(nd.array([[1, 0, 1, 0, 1], [0, 2, 0, 2, 0]]));
    expect(await x.grad.toArray()).toEqual([[3, 0, 3, 0, 3], [0, 6, 0, 6, 0]]);
  });

  it('test_out_grads: autograd.backward of several heads adds every head\'s gradient', async () => {
    const x = nd.array([1, 2, 3]);
    x.attachGrad();
    const [h1, h2] = autograd.record(() => [x.mul(2), x.mul(x)] as const);
    autograd.backward([h1, h2]); // d/dx (2x) + d/dx (x^2) = 2 + 2x
    expectAllClose(Array.from(await x.grad.data()), [4, 6, 8], 0, 1e-6, 'grad');
  });

  it('test_detach_updated_grad: a detached branch gets no gradient', async () => {
    const x = nd.ones([2, 2]);
    const y = nd.ones([2, 2]);
    x.attachGrad();
    y.attachGrad();
    autograd.record(() => x.add(y.detach().mul(2)).sum()).backward();
    expect(Array.from(await x.grad.data())).toEqual([1, 1, 1, 1]);
    expect(Array.from(await y.grad.data())).toEqual([0, 0, 0, 0]);
  });

  it('test_retain_graph: a second backward needs retainGraph on the first, and then gives the same gradient', async () => {
    const x = nd.array([1, 2, 3]);
    x.attachGrad();
    const y = autograd.record(() => x.square().sum());
    y.backward(null, { retainGraph: true });
    expect(Array.from(await x.grad.data())).toEqual([2, 4, 6]);
    y.backward();
    expect(Array.from(await x.grad.data())).toEqual([2, 4, 6]);
    expect(() => y.backward()).toThrow();
  });

  it('test_attach_grad: gradReq add accumulates over backward calls, write overwrites', async () => {
    const x = nd.array([1, 2]);
    x.attachGrad({ gradReq: 'add' });
    for (let i = 0; i < 3; i++) autograd.record(() => x.mul(2).sum()).backward();
    expect(Array.from(await x.grad.data())).toEqual([6, 6]);
    x.attachGrad();
    autograd.record(() => x.mul(2).sum()).backward();
    autograd.record(() => x.mul(2).sum()).backward();
    expect(Array.from(await x.grad.data())).toEqual([2, 2]);
  });

  it('test_argnum: gradients through control flow follow the branch taken', async () => {
    const f = (a: NDArray, b: NDArray, flag: boolean): NDArray => (flag ? a.mul(b) : a.add(b));
    const a = nd.array([2, 3]);
    const b = nd.array([5, 7]);
    a.attachGrad();
    b.attachGrad();
    autograd.record(() => f(a, b, true).sum()).backward();
    expect(Array.from(await a.grad.data())).toEqual([5, 7]);
    autograd.record(() => f(a, b, false).sum()).backward();
    expect(Array.from(await a.grad.data())).toEqual([1, 1]);
  });

  it('test_gradient: backward of a head with a wrong-rank head gradient is an error that names the shapes', () => {
    const x = nd.ones([2, 3]);
    x.attachGrad();
    const y = autograd.record(() => x.mul(2));
    let caught: unknown = null;
    try {
      y.backward(nd.ones([6]));
    } catch (e) {
      caught = e;
    }
    // The library's own error (not TensorFlow.js's), naming the output's shape.
    expect(caught instanceof ShapeError || caught instanceof AutogradError, `got ${String(caught)}`).toBe(true);
    expect(String((caught as Error).message)).toMatch(/\(2, 3\)/);
  });
});
