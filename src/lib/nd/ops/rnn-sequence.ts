/**
 * An Elman RNN over a whole sequence as one primitive (MXNet's fused RNN operator, cuDNN's
 * approach), used by gluon.rnn.RNN. Unrolled step by step on the tape, the backward pass of T
 * steps makes T small weight-gradient products (hidden x batch times batch x hidden, a thin
 * product that runs far below the matrix-product rate), T - 1 adds of those gradients, and keeps
 * a tape node and its bookkeeping for every step's product, add and activation. Here the weight
 * gradients are one product each over all T * batch rows, and only what must be sequential is:
 * the recurrence through h.
 *
 * With z_t = x_t Wx + h_{t-1} Wh + b and h_t = act(z_t)  (Wx = W_ih^T (C, H), Wh = W_hh^T (H, H)):
 *   forward    h_t = act(x_t Wx + b + h_{t-1} Wh)         x Wx + b for all t in one product
 *   backward   dz_t = (dL/dh_t + dz_{t+1} Wh^T) * act'(z_t)   from the last step back to the first
 *              dL/dh_0 = dz_1 Wh^T
 *              dL/dWh = sum_t h_{t-1}^T dz_t = Hprev^T dZ   (Hprev: h_0 .. h_{T-1} stacked, (T*N, H))
 *              dL/dWx = X^T dZ,   dL/dx = dZ Wx^T,   dL/db = sum of dZ over its rows
 * act' comes from the output: tanh'(z) = 1 - h^2, relu'(z) = [h > 0].
 * `reverse` runs the recurrence from the last step to the first (a bidirectional layer's
 * backward direction); outputs stay in time order.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { matMul } from './linalg';
import { fastSlice, fastUnstack } from '../fast-paths/slice-wasm';
import { tanhRecurrenceHasFastPath, tanhRecurrenceWasm } from '../fast-paths/rnn-tanh-recurrence-wasm';

export interface RnnSequenceAttrs {
  activation: 'tanh' | 'relu';
  reverse: boolean;
}

/** The time steps in the order the recurrence visits them. */
function visitOrder(steps: number, reverse: boolean): number[] {
  return Array.from({ length: steps }, (_, k) => (reverse ? steps - 1 - k : k));
}

const RnnSequence = definePrimitive<RnnSequenceAttrs>({
  name: 'rnnSequence',
  saves: 'both',
  forward: ([x, h0, wx, wh, b], { activation, reverse }) => {
    const [steps, batch, inputs] = x!.shape as [number, number, number];
    const hidden = wh!.shape[1]!;
    const xw = tf.reshape(tf.add(matMul(tf.reshape(x!, [steps * batch, inputs]), wx!, false, false), b!), [steps, batch, hidden]); // (T, N, H)
    if (activation === 'tanh' && tanhRecurrenceHasFastPath()) return tanhRecurrenceWasm(xw, h0!, wh!, visitOrder(steps, reverse));
    const act = activation === 'tanh' ? tf.tanh : tf.relu;
    const xwSteps = fastUnstack(xw, 0); // T x (N, H)
    const hs: Tensor[] = new Array(steps);
    let h = h0!; // (N, H)
    for (const t of visitOrder(steps, reverse)) {
      h = act(tf.add(xwSteps[t]!, matMul(h, wh!, false, false))); // (N, H)
      hs[t] = h;
    }
    return tf.stack(hs, 0); // (T, N, H)
  },
  backward: (dy, { inputs: [x, h0, wx, wh], output: y, needsGrad }, { activation, reverse }) => {
    const [steps, batch, inputs] = x!.shape as [number, number, number];
    const hidden = wh!.shape[1]!;
    const slope = activation === 'tanh' ? tf.sub(1, tf.square(y)) : tf.cast(tf.greater(y, 0), 'float32'); // act'(z), (T, N, H)
    const dys = fastUnstack(dy, 0); // T x (N, H)
    const slopes = fastUnstack(slope, 0);
    const dzs: Tensor[] = new Array(steps);
    let dh: Tensor | null = null; // dL/dh_{t-1} through the later steps, (N, H)
    const backwards = visitOrder(steps, reverse).reverse();
    backwards.forEach((t, k) => {
      const g: Tensor = dh === null ? dys[t]! : tf.add(dys[t]!, dh);
      dzs[t] = tf.mul(g, slopes[t]!); // (N, H)
      // dz_t Wh^T: (N, H); after the first step it is dL/dh_0, needed only for a state with a gradient
      dh = k < steps - 1 || needsGrad[1] ? matMul(dzs[t]!, wh!, false, true) : null;
    });
    const dZ = tf.reshape(tf.stack(dzs, 0), [steps * batch, hidden]); // (T*N, H)
    // Each step's previous state, in time order: h_0, y_0 .. y_{T-2} forwards; y_1 .. y_{T-1}, h_0 backwards.
    const earlier = steps === 1 ? null : reverse ? fastSlice(y, [1, 0, 0], [steps - 1, batch, hidden]) : fastSlice(y, [0, 0, 0], [steps - 1, batch, hidden]);
    const first = tf.expandDims(h0!, 0); // (1, N, H)
    const hPrev = earlier === null ? first : tf.concat(reverse ? [earlier, first] : [first, earlier], 0); // (T, N, H)
    const X = tf.reshape(x!, [steps * batch, inputs]); // (T*N, C)
    return [
      needsGrad[0] ? tf.reshape(matMul(dZ, wx!, false, true), [steps, batch, inputs]) : null, // (T, N, C)
      needsGrad[1] ? dh : null, // (N, H)
      needsGrad[2] ? matMul(X, dZ, true, false) : null, // (C, H)
      needsGrad[3] ? matMul(tf.reshape(hPrev, [steps * batch, hidden]), dZ, true, false) : null, // (H, H)
      needsGrad[4] ? tf.sum(dZ, 0) : null, // (H,)
    ];
  },
});

/**
 * h_t = act(x_t Wx + h_{t-1} Wh + b) for every step of x (T, N, C), from h0 (N, H), with
 * Wx (C, H), Wh (H, H), b (H,): the states h_1 .. h_T stacked, (T, N, H).
 */
export function rnnSequence(x: NDArray, h0: NDArray, wx: NDArray, wh: NDArray, b: NDArray, attrs: RnnSequenceAttrs): NDArray {
  return apply(RnnSequence, [x, h0, wx, wh, b], attrs);
}
