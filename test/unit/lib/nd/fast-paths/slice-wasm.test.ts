/**
 * Slices of large arrays on WASM are made by src/lib/nd/fast-paths/slice-wasm.ts (a copy within the
 * heap, or gathers) instead of tfjs's Slice, which copies the whole input per slice. Values must
 * equal tfjs's own slice, unstack and split on every backend, for float32 and int32, with
 * negative sizes, one run of elements and several cut axes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../../src/lib/engine/tf';
import { autograd, nd, type NDArray } from '../../../../../src/lib/index';
import { fastSlice, fastSplit, fastUnstack } from '../../../../../src/lib/nd/fast-paths/slice-wasm';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectNoLeak } from '../../../helpers/check-op';

beforeAll(useBackend);

async function same(a: tf.Tensor, b: tf.Tensor): Promise<void> {
  expect(a.shape).toEqual(b.shape);
  expect(a.dtype).toBe(b.dtype);
  expect(Array.from(await a.data())).toEqual(Array.from(await b.data()));
}

describe('slices of large arrays', () => {
  it('slice, unstack and split give tfjs values (float32 and int32, 2 and 3 axes)', async () => {
    const x = tf.randomNormal([7, 40, 30]); // 8,400 elements: above the gather threshold
    const xi = tf.cast(tf.mul(x, 100), 'int32');
    for (const t of [x, xi]) {
      await same(fastSlice(t, [2, 5, 0], [3, 20, 30]), tf.slice(t, [2, 5, 0], [3, 20, 30]));
      await same(fastSlice(t, [1, 0, 7], [-1, 40, 11]), tf.slice(t, [1, 0, 7], [-1, 40, 11]));
      await same(fastSlice(t, [0, 0, 0], [7, 40, 30]), t);
      await same(fastSlice(t, [4, 3, 0], [1, 10, 30]), tf.slice(t, [4, 3, 0], [1, 10, 30])); // one run of elements
      await same(fastSlice(t, [6, 39, 29], [1, 1, 1]), tf.slice(t, [6, 39, 29], [1, 1, 1]));
      for (const axis of [0, 1, 2]) {
        const ours = fastUnstack(t, axis);
        const ref = tf.unstack(t, axis);
        expect(ours.length).toBe(ref.length);
        for (let k = 0; k < ref.length; k++) await same(ours[k]!, ref[k]!);
      }
      const parts = fastSplit(t, [10, 25, 5], 1);
      const refParts = tf.split(t, [10, 25, 5], 1);
      for (let k = 0; k < 3; k++) await same(parts[k]!, refParts[k]!);
    }
  });

  it('split, stack and concat of large arrays: values and gradients', async () => {
    const x = nd.random.normal(0, 1, [35, 32, 28]);
    const w = nd.random.normal(0, 1, [32, 28]);
    x.attachGrad();
    w.attachGrad();
    const l = autograd.record(() => {
      const steps = nd.split(x, 35, { axis: 0, squeezeAxis: true }); // 35 x (32, 28)
      const ys = steps.map((s, t) => s.mul(w).mul(t + 1));
      const halves = nd.split(nd.stack(...ys, { axis: 0 }), 2, { axis: 2 }); // 2 x (35, 32, 14)
      return nd.concat(...halves, { dim: 2 }).square().sum();
    });
    l.backward();
    // l = sum_t sum (x_t w (t+1))^2:  dl/dx_t = 2 x_t w^2 (t+1)^2,  dl/dw = sum_t 2 x_t^2 w (t+1)^2
    const scale = nd.arange(1, 36).square().reshape([35, 1, 1]);
    const wantX = x.mul(w.square()).mul(scale).mul(2);
    const wantW = x.square().mul(scale).sum({ axis: 0 }).mul(w).mul(2);
    const close = async (a: NDArray, b: NDArray): Promise<void> => {
      const [av, bv] = [await a.toArray(), await b.toArray()].map((v) => (v as number[][]).flat(2) as number[]);
      av!.forEach((v, i) => expect(Math.abs(v - bv![i]!)).toBeLessThanOrEqual(1e-3 * (1 + Math.abs(bv![i]!))));
    };
    await close(x.grad, wantX);
    await close(w.grad, wantW);
  });

  it('split, concat, unstack and stack of large arrays: gradients equal tf.grads, and nothing leaks', async () => {
    // (35, 32, 28): 31,360 elements, above the gather threshold, so these go through the fast path.
    // Finite differences over 31k elements are too slow here; tf.grads of the same tf ops is the reference.
    const x = nd.random.normal(0, 1, [35, 32, 28]);
    const halves = (a: NDArray): NDArray => {
      const [p, q] = nd.split(a, 2, { axis: 2 }); // 2 x (35, 32, 14)
      return nd.concat(q!, p!.mul(2), { dim: 2 });
    };
    await checkOp(halves, [x], {
      skipFiniteDifferences: true,
      tfRef: (t) => {
        const [p, q] = tf.split(t, 2, 2);
        return tf.concat([q!, tf.mul(p!, 2)], 2);
      },
    });
    const steps = (a: NDArray): NDArray => nd.stack(...nd.split(a, 35, { axis: 0, squeezeAxis: true }).map((s, t) => s.mul(t + 1)).reverse(), { axis: 0 });
    await checkOp(steps, [x], {
      skipFiniteDifferences: true,
      tfRef: (t) => tf.stack(tf.unstack(t, 0).map((s, k) => tf.mul(s, k + 1)).reverse(), 0),
    });
    await expectNoLeak(async () => {
      const xs = x.copy();
      xs.attachGrad();
      const l = autograd.record(() => steps(halves(xs)).square().sum());
      l.backward();
      await l.asScalar();
    });
  });
});
