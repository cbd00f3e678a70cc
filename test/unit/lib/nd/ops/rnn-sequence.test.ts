/**
 * The fused Elman RNN primitive (src/lib/nd/ops/rnn-sequence.ts): values and every gradient
 * against the same recurrence unrolled with tf ops (tf.grads), and finite differences on a small
 * case; both activations, both directions, one step, and no leaked tensors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../../src/lib/engine/tf';
import { autograd, nd, type NDArray } from '../../../../../src/lib/index';
import { rnnSequence, type RnnSequenceAttrs } from '../../../../../src/lib/nd/ops/rnn-sequence';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectNoLeak } from '../../../helpers/check-op';

beforeAll(useBackend);

/** The recurrence step by step with tf ops: tfjs differentiates it on its own. */
function unrolled({ activation, reverse }: RnnSequenceAttrs) {
  return (x: tf.Tensor, h0: tf.Tensor, wx: tf.Tensor, wh: tf.Tensor, b: tf.Tensor): tf.Tensor => {
    const steps = x.shape[0]!;
    // slices, not tf.unstack: tfjs's gradient of an unstack into one piece fails
    const xs = Array.from({ length: steps }, (_, t) => tf.reshape(tf.slice(x, [t, 0, 0], [1, -1, -1]), x.shape.slice(1)));
    const hs: tf.Tensor[] = new Array(steps);
    let h = h0;
    for (let k = 0; k < steps; k++) {
      const t = reverse ? steps - 1 - k : k;
      const z = tf.add(tf.add(tf.matMul(xs[t]!, wx), tf.matMul(h, wh)), b);
      h = activation === 'tanh' ? tf.tanh(z) : tf.relu(z);
      hs[t] = h;
    }
    return tf.stack(hs, 0);
  };
}

function inputs(steps: number, batch: number, features: number, hidden: number, scale: number): NDArray[] {
  return [
    nd.random.normal(0, 1, [steps, batch, features]), // x (T, N, C)
    nd.random.normal(0, 0.5, [batch, hidden]), // h0 (N, H)
    nd.random.normal(0, scale, [features, hidden]), // Wx (C, H)
    nd.random.normal(0, scale, [hidden, hidden]), // Wh (H, H)
    nd.random.normal(0, 0.3, [hidden]), // b (H,)
  ];
}

const CASES: RnnSequenceAttrs[] = [
  { activation: 'tanh', reverse: false },
  { activation: 'tanh', reverse: true },
  { activation: 'relu', reverse: false },
  { activation: 'relu', reverse: true },
];

describe('rnnSequence: the fused Elman RNN', () => {
  for (const attrs of CASES) {
    const name = `${attrs.activation}${attrs.reverse ? ', reversed' : ''}`;
    it(`${name}: small, against tf.grads and finite differences`, async () => {
      await checkOp((...v) => rnnSequence(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, attrs), inputs(4, 2, 3, 5, 0.6), {
        tfRef: unrolled(attrs),
        fdTol: 3e-2,
        skipFiniteDifferences: attrs.activation === 'relu', // kinks at 0
      });
    });
    it(`${name}: large enough for WASM's own slicing (T 6, N 16, H 96), against tf.grads`, async () => {
      await checkOp((...v) => rnnSequence(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, attrs), inputs(6, 16, 28, 96, 0.15), {
        tfRef: unrolled(attrs),
        tol: 2e-4,
        skipFiniteDifferences: true,
      });
    });
  }

  it('one step', async () => {
    const attrs: RnnSequenceAttrs = { activation: 'tanh', reverse: false };
    await checkOp((...v) => rnnSequence(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, attrs), inputs(1, 3, 2, 4, 0.6), { tfRef: unrolled(attrs), fdTol: 3e-2 });
  });

  it('gradients only where asked: a state without one still trains the weights', async () => {
    const [x, h0, wx, wh, b] = inputs(3, 2, 3, 4, 0.6);
    for (const p of [wx!, wh!, b!]) p.attachGrad();
    const y = autograd.record(() => rnnSequence(x!, h0!, wx!, wh!, b!, { activation: 'tanh', reverse: false }).sum());
    y.backward();
    for (const p of [wx!, wh!, b!]) expect(Math.abs((await p.grad.abs().sum().asScalar()))).toBeGreaterThan(0);
  });

  it('leaks no tensors over record + backward', async () => {
    const [x, h0, wx, wh, b] = inputs(6, 16, 28, 96, 0.15);
    for (const p of [x!, h0!, wx!, wh!, b!]) p.attachGrad();
    await expectNoLeak(async () => {
      const y = autograd.record(() => rnnSequence(x!, h0!, wx!, wh!, b!, { activation: 'tanh', reverse: true }).square().mean());
      y.backward();
      await wx!.grad.data();
    });
  });
});
