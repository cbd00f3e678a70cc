/**
 * One time step of each recurrent cell, with MXNet's weight layout: i2h weights
 * (gates * hidden, inputs), h2h weights (gates * hidden, hidden), one bias for each, and the
 * gates stacked in MXNet's order (LSTM: input, forget, cell candidate, output; GRU: reset,
 * update, new). Autograd differentiates through these compositions of primitives.
 * The steps take the weights already transposed, (inputs, gates * hidden): a layer transposes
 * them once per sequence instead of once per step (and a plain matrix product is several times
 * faster than a transposed one on the WASM backend).
 */
import { nd } from '../../nd/index';
import type { NDArray } from '../../nd/ndarray';

export type RecurrentMode = 'rnn_relu' | 'rnn_tanh' | 'lstm' | 'gru';

/** Number of gate blocks stacked in the weights. */
export const GATES: Record<RecurrentMode, number> = { rnn_relu: 1, rnn_tanh: 1, lstm: 4, gru: 3 };

export interface CellWeights {
  i2hWeightT: NDArray; // (inputs, gates * hidden): the i2h weight transposed
  h2hWeightT: NDArray; // (hidden, gates * hidden)
  i2hBias: NDArray; // (gates * hidden,)
  h2hBias: NDArray; // (gates * hidden,)
  /** b_ih + b_hh, for the cells that only ever add both (RNN, LSTM); null for the GRU. */
  biasSum: NDArray | null;
}

/**
 * The weights of one cell as the steps take them. An RNN or LSTM step adds both biases to the
 * same sum, so their sum is made once per sequence: one add per step instead of two, and in the
 * backward pass one bias gradient (a sum over the batch) per step instead of two.
 */
export function cellWeights(mode: RecurrentMode, i2hWeight: NDArray, h2hWeight: NDArray, i2hBias: NDArray, h2hBias: NDArray): CellWeights {
  const biasSum = mode === 'gru' ? null : i2hBias.add(h2hBias);
  return { i2hWeightT: i2hWeight.transpose(), h2hWeightT: h2hWeight.transpose(), i2hBias, h2hBias, biasSum };
}

/** x W_ih^T + h W_hh^T + b_ih + b_hh: (batch, gates * hidden) */
function preActivation(x: NDArray, h: NDArray, w: CellWeights): NDArray {
  return nd.dot(x, w.i2hWeightT).add(nd.dot(h, w.h2hWeightT)).add(w.biasSum!);
}

/** x W^T + b, with W^T given: (batch, in) -> (batch, gates * hidden) */
function affine(x: NDArray, wT: NDArray, b: NDArray): NDArray {
  return nd.dot(x, wT).add(b);
}

/** Elman RNN: h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh). */
export function rnnStep(activation: 'relu' | 'tanh', x: NDArray, h: NDArray, w: CellWeights): NDArray {
  const pre = preActivation(x, h, w); // (batch, hidden)
  return activation === 'relu' ? pre.relu() : pre.tanh();
}

/**
 * LSTM: [i, f, g, o] = x W_ih^T + b_ih + h W_hh^T + b_hh, split in four;
 * c' = sigmoid(f) * c + sigmoid(i) * tanh(g);   h' = sigmoid(o) * tanh(c').
 */
export function lstmStep(x: NDArray, h: NDArray, c: NDArray, w: CellWeights): [NDArray, NDArray] {
  const gates = preActivation(x, h, w); // (batch, 4 * hidden)
  const [i, f, g, o] = nd.split(gates, 4, { axis: 1 }) as [NDArray, NDArray, NDArray, NDArray]; // each (batch, hidden)
  const cNext = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
  const hNext = o.sigmoid().mul(cNext.tanh());
  return [hNext, cNext];
}

/**
 * GRU, cuDNN's variant (MXNet's): with a = x W_ih^T + b_ih and b = h W_hh^T + b_hh, each
 * split in [r, z, n] blocks:  r = sigmoid(a_r + b_r),  z = sigmoid(a_z + b_z),
 * n = tanh(a_n + r * b_n),  h' = (1 - z) * n + z * h.
 */
export function gruStep(x: NDArray, h: NDArray, w: CellWeights): NDArray {
  const [ar, az, an] = nd.split(affine(x, w.i2hWeightT, w.i2hBias), 3, { axis: 1 }) as [NDArray, NDArray, NDArray]; // (batch, hidden) each
  const [br, bz, bn] = nd.split(affine(h, w.h2hWeightT, w.h2hBias), 3, { axis: 1 }) as [NDArray, NDArray, NDArray];
  const r = ar.add(br).sigmoid();
  const z = az.add(bz).sigmoid();
  const n = an.add(r.mul(bn)).tanh();
  return z.neg().add(1).mul(n).add(z.mul(h));
}
