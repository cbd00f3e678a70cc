/**
 * One backward pass derives the transpose of a saved weight once, however many products saved
 * it (an unrolled RNN's steps): same gradients as tfjs, one Transpose of the weight on WASM
 * instead of one per step, and nothing left allocated after the pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../../src/lib/engine/tf';
import { autograd, nd, type NDArray } from '../../../../../src/lib/index';
import { useBackend } from '../../../helpers/backend';

beforeAll(useBackend);

describe('backward memo', () => {
  it('shares the transposed weight across the steps of a recurrence, with the right gradients', async () => {
    const W = nd.random.normal(0, 0.1, [64, 64]);
    const h0 = nd.random.normal(0, 1, [16, 64]);
    W.attachGrad();
    h0.attachGrad();
    const steps = 6;
    const run = (): NDArray => {
      let h = h0;
      for (let t = 0; t < steps; t++) h = nd.dot(h, W).tanh();
      return h.sum();
    };
    const l = autograd.record(run);
    const before = tf.memory().numTensors;
    const info = await tf.profile(() => {
      l.backward();
      return [];
    });
    // The pass freed its memo (and the tape): at most the two gradients are new.
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 2);
    const transposes = info.kernels.filter((k) => k.name === 'Transpose' && k.inputShapes[0]?.join(',') === '64,64').length;
    // WASM transposes a transposed operand before its product: once per pass with the memo.
    if (tf.getBackend() === 'wasm') expect(transposes).toBe(1);
    // Reference, by hand: h_t = tanh(h_{t-1} W); with g = dl/dh_t, dpre = g (1 - h_t^2),
    // dW += h_{t-1}^T dpre, dl/dh_{t-1} = dpre W^T.
    const hs: tf.Tensor[] = [h0.tensor];
    for (let t = 0; t < steps; t++) hs.push(tf.tanh(tf.matMul(hs[t]!, W.tensor)));
    let g: tf.Tensor = tf.onesLike(hs[steps]!);
    let dW: tf.Tensor = tf.zerosLike(W.tensor);
    for (let t = steps; t >= 1; t--) {
      const dpre = tf.mul(g, tf.sub(1, tf.square(hs[t]!)));
      dW = tf.add(dW, tf.matMul(hs[t - 1]!, dpre, true, false));
      g = tf.matMul(dpre, W.tensor, false, true);
    }
    const dh0 = g;
    for (const [ours, ref] of [[W.grad.tensor, dW], [h0.grad.tensor, dh0]] as const) {
      const a = await ours.data();
      const b = await ref.data();
      b.forEach((v, i) => expect(Math.abs(a[i]! - v)).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(v))));
    }
  });
});
