/**
 * The fused LSTM and GRU primitives (src/lib/nd/ops/lstm-sequence.ts, gru-sequence.ts): values
 * and every gradient against the cells unrolled with tf ops (tf.grads), and finite differences
 * on a small case; both directions, one step, gradients only where asked, and no leaked tensors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../../src/lib/engine/tf';
import { autograd, nd, type NDArray } from '../../../../../src/lib/index';
import { lstmSequence } from '../../../../../src/lib/nd/ops/lstm-sequence';
import { gruSequence } from '../../../../../src/lib/nd/ops/gru-sequence';
import { useBackend } from '../../../helpers/backend';
import { checkOp, expectNoLeak } from '../../../helpers/check-op';

beforeAll(useBackend);

/** Step t of x (T, N, C) as (N, C), by a slice (tfjs's gradient of a one-piece unstack fails). */
function stepOf(x: tf.Tensor, t: number): tf.Tensor {
  return tf.reshape(tf.slice(x, [t, 0, 0], [1, -1, -1]), x.shape.slice(1));
}

/** x W^T + b for the gate block k of a stacked weight (G*H, K) and bias (G*H,). */
function gate(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, k: number, hidden: number): tf.Tensor {
  return tf.add(tf.matMul(x, tf.slice(w, [k * hidden, 0], [hidden, -1]), false, true), tf.slice(b, [k * hidden], [hidden]));
}

/** The LSTM cell step by step with tf ops, gates [i, f, g, o]; tfjs differentiates it on its own. */
function lstmUnrolled(reverse: boolean) {
  return (x: tf.Tensor, h0: tf.Tensor, c0: tf.Tensor, wIH: tf.Tensor, wHH: tf.Tensor, bIH: tf.Tensor, bHH: tf.Tensor): tf.Tensor => {
    const steps = x.shape[0]!;
    const hidden = wHH.shape[1]!;
    const hs: tf.Tensor[] = new Array(steps);
    const cs: tf.Tensor[] = new Array(steps);
    let h = h0;
    let c = c0;
    for (let k = 0; k < steps; k++) {
      const t = reverse ? steps - 1 - k : k;
      const xt = stepOf(x, t);
      const pre = (j: number) => tf.add(gate(xt, wIH, bIH, j, hidden), gate(h, wHH, bHH, j, hidden));
      const [i, f, g, o] = [tf.sigmoid(pre(0)), tf.sigmoid(pre(1)), tf.tanh(pre(2)), tf.sigmoid(pre(3))];
      c = tf.add(tf.mul(f, c), tf.mul(i, g));
      h = tf.mul(o, tf.tanh(c));
      hs[t] = h;
      cs[t] = c;
    }
    return tf.stack([tf.stack(hs, 0), tf.stack(cs, 0)], 0);
  };
}

/** The GRU cell (cuDNN's variant, MXNet's) step by step with tf ops, gates [r, z, n]. */
function gruUnrolled(reverse: boolean) {
  return (x: tf.Tensor, h0: tf.Tensor, wIH: tf.Tensor, wHH: tf.Tensor, bIH: tf.Tensor, bHH: tf.Tensor): tf.Tensor => {
    const steps = x.shape[0]!;
    const hidden = wHH.shape[1]!;
    const hs: tf.Tensor[] = new Array(steps);
    let h = h0;
    for (let k = 0; k < steps; k++) {
      const t = reverse ? steps - 1 - k : k;
      const xt = stepOf(x, t);
      const r = tf.sigmoid(tf.add(gate(xt, wIH, bIH, 0, hidden), gate(h, wHH, bHH, 0, hidden)));
      const z = tf.sigmoid(tf.add(gate(xt, wIH, bIH, 1, hidden), gate(h, wHH, bHH, 1, hidden)));
      const n = tf.tanh(tf.add(gate(xt, wIH, bIH, 2, hidden), tf.mul(r, gate(h, wHH, bHH, 2, hidden))));
      h = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
      hs[t] = h;
    }
    return tf.stack(hs, 0);
  };
}

/** x, states, W_ih, W_hh, b_ih, b_hh for `gates` stacked blocks. */
function inputs(gates: number, states: number, steps: number, batch: number, features: number, hidden: number, scale: number): NDArray[] {
  return [
    nd.random.normal(0, 1, [steps, batch, features]), // x (T, N, C)
    ...Array.from({ length: states }, () => nd.random.normal(0, 0.5, [batch, hidden])), // h0 (and c0), (N, H)
    nd.random.normal(0, scale, [gates * hidden, features]), // W_ih (G*H, C)
    nd.random.normal(0, scale, [gates * hidden, hidden]), // W_hh (G*H, H)
    nd.random.normal(0, 0.3, [gates * hidden]), // b_ih
    nd.random.normal(0, 0.3, [gates * hidden]), // b_hh
  ];
}

const lstm = (reverse: boolean) => (...v: NDArray[]) => lstmSequence(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!, v[6]!, { reverse });
const gru = (reverse: boolean) => (...v: NDArray[]) => gruSequence(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!, { reverse });

describe('lstmSequence: the fused LSTM', () => {
  for (const reverse of [false, true]) {
    const name = reverse ? 'reversed' : 'forwards';
    it(`${name}: small, against tf.grads and finite differences`, async () => {
      await checkOp(lstm(reverse), inputs(4, 2, 4, 2, 3, 5, 0.6), { tfRef: lstmUnrolled(reverse), fdTol: 3e-2 });
    });
    it(`${name}: large enough for WASM's own slicing (T 6, N 16, H 96), against tf.grads`, async () => {
      await checkOp(lstm(reverse), inputs(4, 2, 6, 16, 28, 96, 0.15), { tfRef: lstmUnrolled(reverse), tol: 2e-4, skipFiniteDifferences: true });
    });
  }
  it('one step', async () => {
    await checkOp(lstm(false), inputs(4, 2, 1, 3, 2, 4, 0.6), { tfRef: lstmUnrolled(false), fdTol: 3e-2 });
  });
});

describe('gruSequence: the fused GRU', () => {
  for (const reverse of [false, true]) {
    const name = reverse ? 'reversed' : 'forwards';
    it(`${name}: small, against tf.grads and finite differences`, async () => {
      await checkOp(gru(reverse), inputs(3, 1, 4, 2, 3, 5, 0.6), { tfRef: gruUnrolled(reverse), fdTol: 3e-2 });
    });
    it(`${name}: large enough for WASM's own slicing (T 6, N 16, H 96), against tf.grads`, async () => {
      await checkOp(gru(reverse), inputs(3, 1, 6, 16, 28, 96, 0.15), { tfRef: gruUnrolled(reverse), tol: 2e-4, skipFiniteDifferences: true });
    });
  }
  it('one step', async () => {
    await checkOp(gru(false), inputs(3, 1, 1, 3, 2, 4, 0.6), { tfRef: gruUnrolled(false), fdTol: 3e-2 });
  });
});

describe('fused gated sequences: gradients only where asked, memory', () => {
  it('states without gradients still train the weights', async () => {
    const [x, h0, c0, ...lw] = inputs(4, 2, 3, 2, 3, 4, 0.6);
    const [gx, gh0, ...gw] = inputs(3, 1, 3, 2, 3, 4, 0.6);
    for (const p of [...lw, ...gw]) p.attachGrad();
    autograd.record(() => lstmSequence(x!, h0!, c0!, lw[0]!, lw[1]!, lw[2]!, lw[3]!, { reverse: false }).sum()).backward();
    autograd.record(() => gruSequence(gx!, gh0!, gw[0]!, gw[1]!, gw[2]!, gw[3]!, { reverse: true }).sum()).backward();
    for (const p of [...lw, ...gw]) expect(await p.grad.abs().sum().asScalar()).toBeGreaterThan(0);
  });

  it('leak no tensors over record + backward', async () => {
    const l = inputs(4, 2, 6, 16, 28, 96, 0.15);
    const g = inputs(3, 1, 6, 16, 28, 96, 0.15);
    for (const p of [...l, ...g]) p.attachGrad();
    await expectNoLeak(async () => {
      autograd.record(() => lstm(true)(...l).square().mean()).backward();
      autograd.record(() => gru(false)(...g).square().mean()).backward();
      await l[4]!.grad.data();
      await g[3]!.grad.data();
    });
  });
});
