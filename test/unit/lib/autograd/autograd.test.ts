import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, nd, NDArray, AutogradError } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';
import { expectClose, values } from '../../helpers/check-op';

beforeAll(useBackend);

describe('attachGrad, record, backward', () => {
  it('y = 2 x^T x has gradient 4x', async () => {
    const x = nd.arange(4).reshape([4, 1]);
    x.attachGrad();
    const y = autograd.record(() => nd.dot(x.T, x).mul(2));
    y.backward();
    expect(await values(x.grad)).toEqual([0, 4, 8, 12]);
  });

  it('a value used twice receives the sum of both paths', async () => {
    const x = nd.array([1, 2, 3]);
    x.attachGrad();
    autograd.record(() => x.mul(x).add(x.exp()).sum()).backward();
    expectClose(await values(x.grad), [1, 2, 3].map((v) => 2 * v + Math.exp(v)), 1e-5);
  });

  it('a non-scalar head is summed; a head gradient weights it', async () => {
    const x = nd.array([1, 2, 3]);
    x.attachGrad();
    autograd.record(() => x.mul(3)).backward();
    expect(await values(x.grad)).toEqual([3, 3, 3]);
    autograd.record(() => x.mul(3)).backward(nd.array([1, 0.5, -1]));
    expect(await values(x.grad)).toEqual([3, 1.5, -3]);
  });

  it('the chain rule through several ops matches the derivative by hand', async () => {
    // y = sigmoid(w x + b)^2 ;  dy/dw = 2 s (1 - s) s x
    const x = nd.array([0.5, -1.5]);
    const w = nd.array([0.8, 0.3]);
    const b = nd.array([0.1]);
    w.attachGrad();
    b.attachGrad();
    autograd.record(() => w.mul(x).sum().add(b).sigmoid().square()).backward();
    const z = 0.8 * 0.5 + 0.3 * -1.5 + 0.1;
    const s = 1 / (1 + Math.exp(-z));
    const dz = 2 * s * s * (1 - s);
    expectClose(await values(w.grad), [dz * 0.5, dz * -1.5], 1e-5);
    expectClose(await values(b.grad), [dz], 1e-5);
  });

  it('gradients through JavaScript control flow (async record with reads inside)', async () => {
    // The classic example: the number of doublings depends on the data, yet
    // f(a) = k * a for some k fixed by the run, so df/da = f(a) / a.
    async function f(a: NDArray): Promise<NDArray> {
      let b = a.mul(2);
      while ((await b.norm().asScalar()) < 1000) b = b.mul(2);
      return (await b.sum().asScalar()) > 0 ? b : b.mul(100);
    }
    nd.random.seed(7);
    const a = nd.random.normal(0, 1, [1]);
    a.attachGrad();
    const c = await autograd.record(() => f(a));
    c.backward();
    expectClose(await values(a.grad), await values(c.div(a)), 1e-5);
    expect(autograd.isRecording()).toBe(false); // the async record ended with its promise
  });

  it("gradReq 'add' accumulates across backward calls; 'write' overwrites", async () => {
    const x = nd.array([1, 2]);
    x.attachGrad({ gradReq: 'add' });
    for (let i = 0; i < 3; i++) autograd.record(() => x.square().sum()).backward();
    expect(await values(x.grad)).toEqual([6, 12]);
    x.attachGrad();
    for (let i = 0; i < 3; i++) autograd.record(() => x.square().sum()).backward();
    expect(await values(x.grad)).toEqual([2, 4]);
  });

  it('retainGraph allows a second backward; without it the error says what to do', async () => {
    const x = nd.array([1, 2]);
    x.attachGrad({ gradReq: 'add' });
    const y = autograd.record(() => x.exp().sum());
    y.backward(null, { retainGraph: true });
    y.backward();
    expectClose(await values(x.grad), [2 * Math.E, 2 * Math.exp(2)], 1e-5);
    expect(() => y.backward()).toThrow(AutogradError);
    expect(() => y.backward()).toThrow(/already freed.*retainGraph: true/);
  });

  it('pause stops recording; detach and integer arrays stop gradients', async () => {
    const x = nd.array([1, 2]);
    x.attachGrad();
    const y = autograd.record(() => {
      const frozen = autograd.pause(() => x.mul(10));
      return x.mul(frozen).add(x.detach().mul(5)).sum();
    });
    y.backward();
    expect(await values(x.grad)).toEqual([10, 20]);
    const labels = nd.array([1, 0], { dtype: 'int32' });
    labels.attachGrad();
    expect(() => autograd.record(() => labels.mul(2).sum()).backward()).toThrow(AutogradError);
  });

  it('isRecording / isTraining follow record, pause, trainMode and predictMode', () => {
    expect([autograd.isRecording(), autograd.isTraining()]).toEqual([false, false]);
    autograd.record(() => {
      expect([autograd.isRecording(), autograd.isTraining()]).toEqual([true, true]);
      autograd.pause(() => expect([autograd.isRecording(), autograd.isTraining()]).toEqual([false, false]));
      autograd.predictMode(() => expect([autograd.isRecording(), autograd.isTraining()]).toEqual([true, false]));
    });
    autograd.record(() => expect(autograd.isTraining()).toBe(false), { trainMode: false });
    autograd.trainMode(() => expect([autograd.isRecording(), autograd.isTraining()]).toEqual([false, true]));
    expect(() => autograd.record(() => { throw new Error('boom'); })).toThrow('boom');
    expect(autograd.isRecording()).toBe(false); // restored after an exception
  });

  it('attachGrad on a computed array makes it a new leaf', async () => {
    const x = nd.array([1, 2]);
    x.attachGrad();
    const y = autograd.record(() => x.mul(2));
    y.attachGrad();
    autograd.record(() => y.square().sum()).backward();
    expect(await values(y.grad)).toEqual([4, 8]);
    expect(await values(x.grad)).toEqual([0, 0]);
  });

  it('in-place updates keep identity and the attached gradient buffer', async () => {
    const w = nd.array([1, 2]);
    w.attachGrad();
    const grad = w.grad;
    autograd.record(() => w.square().sum()).backward();
    const same = w.subInPlace(w.grad.mul(0.1));
    expect(same).toBe(w);
    expectClose(await values(w), [0.8, 1.6], 1e-6);
    expect(w.grad).toBe(grad);
    nd.elemwiseAdd(w, nd.array([1, 1]), { out: w });
    expectClose(await values(w), [1.8, 2.6], 1e-6);
  });

  it('errors say what to do', () => {
    const x = nd.array([1, 2]);
    expect(() => x.grad).toThrow(/no gradient buffer. Call x.attachGrad\(\)/);
    expect(() => x.mul(2).backward()).toThrow(/not computed inside autograd.record\(\).*attachGrad/);
    x.attachGrad();
    expect(() => x.mul(2).backward()).toThrow(/not computed inside autograd.record\(\)/);
    expect(() => x.backward()).toThrow(/leaf/);
    expect(() => autograd.record(() => x.mul(2)).backward(nd.ones([3]))).toThrow(/head gradient has shape \(3,\), but the output has shape \(2,\)/);
  });
});
