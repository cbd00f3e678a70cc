/**
 * A GRU layer's whole sequence as one primitive (MXNet's fused RNN operator in 'gru' mode, the
 * cuDNN variant), used by gluon.rnn.GRU; see rnn-sequence.ts for why a fused primitive.
 *
 * Weights in MXNet's layout, gates stacked [r, z, n]: W_ih (3H, C), W_hh (3H, H), b_ih, b_hh (3H).
 * With a = x_t W_ih^T + b_ih and b = h_{t-1} W_hh^T + b_hh, each in blocks [r, z, n]:
 *   r = sigmoid(a_r + b_r),  z = sigmoid(a_z + b_z),  n = tanh(a_n + r * b_n)
 *   h_t = (1 - z) * n + z * h_{t-1}
 * Backward, from the last visited step to the first, with g the gradient reaching h_t:
 *   dp_n = g (1 - z)(1 - n^2),  dp_z = g (h_{t-1} - n) z (1 - z),  dp_r = dp_n b_n r (1 - r)
 *   da = [dp_r, dp_z, dp_n],  db = [dp_r, dp_z, dp_n * r]
 *   to step t-1:  g = g z + db W_hh
 * then dW_ih = dA^T X, dW_hh = dB^T H_prev, db_ih, db_hh the sums of dA's and dB's rows,
 * dx = dA W_ih: one product each over all steps. The forward hands r, z, n and b_n of every
 * step to the backward (primitive extras): recomputing them took three (T*N, H) x (H, H)
 * products, as many flops as the forward's recurrence.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { matMul } from './linalg';
import { fastUnstack } from '../fast-paths/slice-wasm';
import { fastTranspose } from '../fast-paths/transpose-webgpu-matrix';
import { rowSums, gateBiases, gateBlocksT, previousStates, visitOrder } from './recurrent-kernels';
import { tanh } from '../fast-paths/tanh-wasm-sigmoid';

export interface GruSequenceAttrs {
  /** Run the recurrence from the last step to the first (a bidirectional layer's 'r' direction). */
  reverse: boolean;
}

/**
 * x W_k^T for every step and gate, with the biases that simply add: b_ih + b_hh for r and z,
 * b_ih alone for n (b_hh's n block sits inside r * b_n). 3 x (T*N, H).
 */
function inputProducts(X: Tensor, wIH: Tensor, bIH: Tensor, bHH: Tensor): Tensor[] {
  const bi = gateBiases(bIH, 3);
  const bh = gateBiases(bHH, 3);
  const bias = [tf.add(bi[0]!, bh[0]!), tf.add(bi[1]!, bh[1]!), bi[2]!];
  return gateBlocksT(wIH, 3).map((w, k) => tf.add(matMul(X, w, false, false), bias[k]!)); // (T*N, H)
}

const GruSequence = definePrimitive<GruSequenceAttrs>({
  name: 'gruSequence',
  saves: 'both',
  forward: ([x, h0, wIH, wHH, bIH, bHH], { reverse }) => {
    const [steps, batch, inputs] = x!.shape as [number, number, number];
    const hidden = wHH!.shape[1]!;
    const X = tf.reshape(x!, [steps * batch, inputs]); // (T*N, C)
    const [ar, az, an] = inputProducts(X, wIH!, bIH!, bHH!).map((p) => fastUnstack(tf.reshape(p, [steps, batch, hidden]), 0)) as [Tensor[], Tensor[], Tensor[]]; // T x (N, H) each
    const [whr, whz, whn] = gateBlocksT(wHH!, 3) as [Tensor, Tensor, Tensor]; // (H, H) each
    const bn = gateBiases(bHH!, 3)[2]!; // (H,)
    const [hs, rs, zs, ns, bns] = [0, 1, 2, 3, 4].map(() => new Array<Tensor>(steps)) as [Tensor[], Tensor[], Tensor[], Tensor[], Tensor[]];
    let h = h0!; // (N, H)
    for (const t of visitOrder(steps, reverse)) {
      const r = tf.sigmoid(tf.add(ar[t]!, matMul(h, whr, false, false))); // (N, H)
      const z = tf.sigmoid(tf.add(az[t]!, matMul(h, whz, false, false)));
      const bnT = tf.add(matMul(h, whn, false, false), bn); // b_n
      const n = tanh(tf.add(an[t]!, tf.mul(r, bnT)));
      h = tf.add(n, tf.mul(z, tf.sub(h, n))); // (1 - z) n + z h
      [hs[t], rs[t], zs[t], ns[t], bns[t]] = [h, r, z, n, bnT];
    }
    // The gates for the backward, (T, N, H) each: r, z, n, b_n.
    return { output: tf.stack(hs, 0), extras: [rs, zs, ns, bns].map((g) => tf.stack(g, 0)) }; // (T, N, H)
  },
  backward: (dy, { inputs: [x, h0, wIH, wHH], output: y, needsGrad, extras }, { reverse }) => {
    const [steps, batch, inputs] = x!.shape as [number, number, number];
    const hidden = wHH!.shape[1]!;
    const hPrev = previousStates(y, h0!, reverse); // (T, N, H)
    const X = tf.reshape(x!, [steps * batch, inputs]); // (T*N, C)
    const HP = tf.reshape(hPrev, [steps * batch, hidden]); // (T*N, H)
    const [r, z, n, bN] = extras as [Tensor, Tensor, Tensor, Tensor]; // (T, N, H) each
    const dSig = (s: Tensor): Tensor => tf.mul(s, tf.sub(1, s));
    const pn = fastUnstack(tf.mul(tf.sub(1, z), tf.sub(1, tf.square(n))), 0); // g -> dp_n
    const pz = fastUnstack(tf.mul(tf.sub(hPrev, n), dSig(z)), 0); // g -> dp_z
    const pr = fastUnstack(tf.mul(bN, dSig(r)), 0); // dp_n -> dp_r
    const rs = fastUnstack(r, 0);
    const zs = fastUnstack(z, 0);
    const dys = fastUnstack(dy, 0);
    const [dpr, dpz, dpn, dbs] = [0, 1, 2, 3].map(() => new Array<Tensor>(steps)) as [Tensor[], Tensor[], Tensor[], Tensor[]];
    let dh: Tensor | null = null; // dL/dh_{t-1} through the later steps, (N, H)
    const backwards = visitOrder(steps, reverse).reverse();
    backwards.forEach((t, k) => {
      const g: Tensor = dh === null ? dys[t]! : tf.add(dys[t]!, dh);
      dpn[t] = tf.mul(g, pn[t]!);
      dpz[t] = tf.mul(g, pz[t]!);
      dpr[t] = tf.mul(dpn[t]!, pr[t]!);
      dbs[t] = tf.concat([dpr[t]!, dpz[t]!, tf.mul(dpn[t]!, rs[t]!)], 1); // (N, 3H)
      dh = k < steps - 1 || needsGrad[1] ? tf.add(tf.mul(g, zs[t]!), matMul(dbs[t]!, wHH!, false, false)) : null; // (N, H)
    });
    const dB = tf.reshape(tf.stack(dbs, 0), [steps * batch, 3 * hidden]); // (T*N, 3H)
    const dA = tf.reshape(tf.concat([tf.stack(dpr, 0), tf.stack(dpz, 0), tf.stack(dpn, 0)], 2), [steps * batch, 3 * hidden]); // (T*N, 3H)
    const dAT = needsGrad[2] || needsGrad[4] ? fastTranspose(dA, [1, 0]) : null; // (3H, T*N)
    const dBT = needsGrad[3] || needsGrad[5] ? fastTranspose(dB, [1, 0]) : null;
    return [
      needsGrad[0] ? tf.reshape(matMul(dA, wIH!, false, false), [steps, batch, inputs]) : null, // (T, N, C)
      needsGrad[1] ? dh : null, // (N, H)
      needsGrad[2] ? matMul(dAT!, X, false, false) : null, // (3H, C)
      needsGrad[3] ? matMul(dBT!, HP, false, false) : null, // (3H, H)
      needsGrad[4] ? rowSums(dAT!) : null, // (3H,)
      needsGrad[5] ? rowSums(dBT!) : null, // (3H,)
    ];
  },
});

/**
 * A GRU over every step of x (T, N, C) from h0 (N, H), with MXNet's stacked weights
 * W_ih (3H, C), W_hh (3H, H), b_ih, b_hh (3H,): the states h_1 .. h_T, (T, N, H).
 */
export function gruSequence(x: NDArray, h0: NDArray, wIH: NDArray, wHH: NDArray, bIH: NDArray, bHH: NDArray, attrs: GruSequenceAttrs): NDArray {
  return apply(GruSequence, [x, h0, wIH, wHH, bIH, bHH], attrs);
}
