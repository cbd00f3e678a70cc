/**
 * The gradient of a + b reaches a and b as the same tensor; each leaf must still own its
 * gradient, so an in-place write to one (gradient clipping does that) leaves the other intact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { autograd, gluon, nd } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

describe('leaf gradients', () => {
  it('two leaves that get the same gradient tensor own separate gradients', async () => {
    const a = nd.array([1, 2, 3]);
    const b = nd.array([4, 5, 6]);
    a.attachGrad();
    b.attachGrad();
    autograd.record(() => a.add(b).mul(nd.array([1, 2, 3])).sum()).backward();
    a.grad.set(a.grad.mul(10)); // frees a's old gradient tensor
    expect(await b.grad.toArray()).toEqual([1, 2, 3]);
    expect(await a.grad.toArray()).toEqual([10, 20, 30]);
    // what the RNN chapter does: clip the gradients of biases that were added together
    const norm = await gluon.utils.clipGlobalNorm([a.grad, b.grad], 1);
    expect(norm).toBeCloseTo(Math.sqrt(14 * 101), 3);
    expect(Array.from(await b.grad.data()).every(Number.isFinite)).toBe(true);
  });
});
