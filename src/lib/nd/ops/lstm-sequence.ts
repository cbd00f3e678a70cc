/**
 * An LSTM layer's whole sequence as one primitive (MXNet's fused RNN operator in 'lstm' mode),
 * used by gluon.rnn.LSTM. As for the Elman RNN (rnn-sequence.ts), unrolling on the tape would
 * make T thin weight-gradient products per weight and a tape node per step and gate; here the
 * weight gradients are one product each over all T * batch rows, and only the recurrence is
 * sequential.
 *
 * Weights in MXNet's layout, gates stacked [i, f, g, o]: W_ih (4H, C), W_hh (4H, H), b_ih, b_hh (4H).
 * With a_t = x_t W_ih^T + h_{t-1} W_hh^T + b_ih + b_hh split into blocks [a_i, a_f, a_g, a_o]:
 *   i = sigmoid(a_i), f = sigmoid(a_f), g = tanh(a_g), o = sigmoid(a_o)
 *   c_t = f * c_{t-1} + i * g,   h_t = o * tanh(c_t)
 * The output stacks every h_t and every c_t, (2, T, N, H): a layer reads its outputs from the
 * first and its final cell state from the second, and the gradient may arrive through both.
 *
 * Backward, from the last visited step to the first, with dh, dc the gradients reaching h_t, c_t
 * from the loss and from the later steps:
 *   dc  += dh * o * (1 - tanh(c_t)^2)
 *   da_i = dc * g * i (1 - i),  da_f = dc * c_{t-1} * f (1 - f),  da_g = dc * i * (1 - g^2),
 *   da_o = dh * tanh(c_t) * o (1 - o)
 *   to step t-1:  dh = da W_hh,  dc = dc * f
 * then dW_ih = dA^T X, dW_hh = dA^T H_prev, db_ih = db_hh = sum of dA's rows, dx = dA W_ih, one
 * product each over all steps (dA: every da_t stacked, (T*N, 4H)). The forward hands the gates
 * i, f, g, o of every step to the backward (primitive extras): recomputing them took four
 * (T*N, H) x (H, H) products, as many flops as the forward's recurrence.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { matMul } from './linalg';
import { fastUnstack } from '../fast-paths/slice-wasm';
import { fastTranspose } from '../fast-paths/transpose-webgpu-matrix';
import { rowSums, gateBiases, gateBlocksT, previousStates, visitOrder } from './recurrent-kernels';
import { tanh } from '../fast-paths/tanh-wasm-sigmoid';

export interface LstmSequenceAttrs {
  /** Run the recurrence from the last step to the first (a bidirectional layer's 'r' direction). */
  reverse: boolean;
}

/** x_t W_k^T + b_k for every step and gate k: gates x (T*N, H). */
function inputProducts(X: Tensor, wIH: Tensor, bias: Tensor, gates: number): Tensor[] {
  const bs = gateBiases(bias, gates);
  return gateBlocksT(wIH, gates).map((w, k) => tf.add(matMul(X, w, false, false), bs[k]!)); // (T*N, H)
}

const LstmSequence = definePrimitive<LstmSequenceAttrs>({
  name: 'lstmSequence',
  saves: 'both',
  forward: ([x, h0, c0, wIH, wHH, bIH, bHH], { reverse }) => {
    const [steps, batch, inputs] = x!.shape as [number, number, number];
    const hidden = wHH!.shape[1]!;
    const X = tf.reshape(x!, [steps * batch, inputs]); // (T*N, C)
    // One plain product per gate block (N, H) x (H, H): slicing a (N, 4H) product into gates
    // would cut across rows, which WASM does slowly (fast-paths/slice-wasm.ts).
    const xw = inputProducts(X, wIH!, tf.add(bIH!, bHH!), 4).map((p) => fastUnstack(tf.reshape(p, [steps, batch, hidden]), 0)); // 4 x T x (N, H)
    const wh = gateBlocksT(wHH!, 4); // 4 x (H, H)
    const hs: Tensor[] = new Array(steps);
    const cs: Tensor[] = new Array(steps);
    const gates = [0, 1, 2, 3].map(() => new Array<Tensor>(steps)); // i, f, g, o of every step
    let h = h0!; // (N, H)
    let c = c0!; // (N, H)
    for (const t of visitOrder(steps, reverse)) {
      const pre = (k: number): Tensor => tf.add(xw[k]![t]!, matMul(h, wh[k]!, false, false)); // (N, H)
      const i = tf.sigmoid(pre(0));
      const f = tf.sigmoid(pre(1));
      const g = tanh(pre(2));
      const o = tf.sigmoid(pre(3));
      c = tf.add(tf.mul(f, c), tf.mul(i, g)); // (N, H)
      h = tf.mul(o, tanh(c)); // (N, H)
      hs[t] = h;
      cs[t] = c;
      [i, f, g, o].forEach((gate, k) => (gates[k]![t] = gate));
    }
    // The gates for the backward, (T, N, H) each: i, f, g, o.
    return { output: tf.stack([tf.stack(hs, 0), tf.stack(cs, 0)], 0), extras: gates.map((gs) => tf.stack(gs, 0)) }; // (2, T, N, H)
  },
  backward: (dy, { inputs: [x, h0, c0, wIH, wHH], output, needsGrad, extras }, { reverse }) => {
    const [steps, batch, inputs] = x!.shape as [number, number, number];
    const hidden = wHH!.shape[1]!;
    const [ys, cs] = fastUnstack(output, 0) as [Tensor, Tensor]; // (T, N, H) each
    const hPrev = previousStates(ys, h0!, reverse); // (T, N, H)
    const cPrev = previousStates(cs, c0!, reverse); // (T, N, H)
    const X = tf.reshape(x!, [steps * batch, inputs]); // (T*N, C)
    const HP = tf.reshape(hPrev, [steps * batch, hidden]); // (T*N, H)
    const [i, f, g, o] = extras as [Tensor, Tensor, Tensor, Tensor]; // (T, N, H) each
    const tc = tanh(cs); // tanh(c_t), (T, N, H)
    const dSig = (s: Tensor): Tensor => tf.mul(s, tf.sub(1, s)); // sigmoid' from its value
    const q = fastUnstack(tf.mul(o, tf.sub(1, tf.square(tc))), 0); // dh -> dc, T x (N, H)
    // What multiplies [dc, dc, dc, dh] into [da_i, da_f, da_g, da_o]: (T, N, 4H)
    const slopes = fastUnstack(tf.concat([tf.mul(g, dSig(i)), tf.mul(cPrev, dSig(f)), tf.mul(i, tf.sub(1, tf.square(g))), tf.mul(tc, dSig(o))], 2), 0);
    const fs = fastUnstack(f, 0);
    const [dyH, dyC] = fastUnstack(dy, 0).map((d) => fastUnstack(d, 0)) as [Tensor[], Tensor[]]; // T x (N, H) each
    const das: Tensor[] = new Array(steps);
    let dh: Tensor | null = null; // dL/dh_{t-1} through the later steps, (N, H)
    let dc: Tensor | null = null; // dL/dc_{t-1} through the later steps, (N, H)
    const backwards = visitOrder(steps, reverse).reverse();
    backwards.forEach((t, k) => {
      const dhT: Tensor = dh === null ? dyH[t]! : tf.add(dyH[t]!, dh);
      const dcOut = tf.add(dyC[t]!, tf.mul(dhT, q[t]!));
      const dcT: Tensor = dc === null ? dcOut : tf.add(dcOut, dc);
      const da = tf.mul(tf.concat([dcT, dcT, dcT, dhT], 1), slopes[t]!); // (N, 4H)
      das[t] = da;
      const more = k < steps - 1;
      dh = more || needsGrad[1] ? matMul(da, wHH!, false, false) : null; // (N, H)
      dc = more || needsGrad[2] ? tf.mul(dcT, fs[t]!) : null; // (N, H)
    });
    const dA = tf.reshape(tf.stack(das, 0), [steps * batch, 4 * hidden]); // (T*N, 4H)
    const dAT = fastTranspose(dA, [1, 0]); // (4H, T*N), read by every weight and bias gradient
    const db = needsGrad[5] || needsGrad[6] ? rowSums(dAT) : null; // (4H,)
    return [
      needsGrad[0] ? tf.reshape(matMul(dA, wIH!, false, false), [steps, batch, inputs]) : null, // (T, N, C)
      needsGrad[1] ? dh : null, // (N, H)
      needsGrad[2] ? dc : null, // (N, H)
      needsGrad[3] ? matMul(dAT, X, false, false) : null, // (4H, C)
      needsGrad[4] ? matMul(dAT, HP, false, false) : null, // (4H, H)
      needsGrad[5] ? db : null,
      needsGrad[6] ? tf.clone(db!) : null,
    ];
  },
});

/**
 * An LSTM over every step of x (T, N, C) from states h0, c0 (N, H), with MXNet's stacked
 * weights W_ih (4H, C), W_hh (4H, H), b_ih, b_hh (4H,): every h_t and c_t, (2, T, N, H).
 */
export function lstmSequence(x: NDArray, h0: NDArray, c0: NDArray, wIH: NDArray, wHH: NDArray, bIH: NDArray, bHH: NDArray, attrs: LstmSequenceAttrs): NDArray {
  return apply(LstmSequence, [x, h0, c0, wIH, wHH, bIH, bHH], attrs);
}
