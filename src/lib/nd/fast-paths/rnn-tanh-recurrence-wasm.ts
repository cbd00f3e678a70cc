/**
 * The Elman RNN's tanh recurrence on WASM (rnn-sequence.ts's forward), through sigmoids.
 *
 * | backend | when | measured win | test |
 * |---|---|---|---|
 * | wasm | gluon.rnn.RNN with activation 'tanh' (the forward's recurrence) | the step's activation 212 -> 69 us on (32, 256) (tanh against sigmoid), 35 steps per forward | test/unit/lib/nd/ops/rnn-sequence.test.ts (against tf.grads of the unrolled recurrence, T 6, N 16, H 96 for WASM's own slicing) |
 */
import { tf, type Tensor } from '../../engine/tf';
import { matMul } from '../ops/linalg';
import { fastUnstack } from './slice-wasm';

/** Whether the current backend takes this path. */
export function tanhRecurrenceHasFastPath(): boolean {
  return tf.getBackend() === 'wasm';
}

/**
 * h_t = tanh(xw_t + h_{t-1} Wh) for t in `order`, from h0: the states in time order, (T, N, H).
 * The tanh recurrence through sigmoids, for WASM: tfjs's WASM Tanh is a scalar loop, ~3x slower
 * than its Sigmoid (XNNPACK's vectorized kernel; measured on (32, 256): 212 against 69 us), and
 * the activation is on the sequential path. With tanh(z) = 2 sigmoid(2z) - 1, write
 * s_t = sigmoid(2 z_t), so h_t = 2 s_t - 1 (and s_0 = (h_0 + 1) / 2), and
 *   2 z_t = 2 (x_t Wx + b) + 2 h_{t-1} Wh = [2 (x_t Wx + b) - 2 sum_rows(Wh)] + s_{t-1} (4 Wh)
 * (the bracket for every step at once): one add and one sigmoid per step, as tanh would be, and
 * h = 2 S - 1 once at the end. Every step multiplies by the same 4 Wh, so XNNPACK packs it once
 * (linalg.ts, WEIGHTS_PACKED). Agrees with tfjs's tanh within ~1e-7 absolute (the rounding of
 * s near 1/2).
 */
export function tanhRecurrenceWasm(xw: Tensor, h0: Tensor, wh: Tensor, order: readonly number[]): Tensor {
  const steps = xw.shape[0]!;
  const bracket = fastUnstack(tf.sub(tf.mul(xw, 2), tf.mul(tf.sum(wh, 0), 2)), 0); // T x (N, H)
  const wh4 = tf.mul(wh, 4); // (H, H)
  const ss: Tensor[] = new Array(steps);
  let s = tf.mul(tf.add(h0, 1), 0.5); // s_0, (N, H)
  for (const t of order) {
    s = tf.sigmoid(tf.add(bracket[t]!, matMul(s, wh4, false, false))); // (N, H)
    ss[t] = s;
  }
  return tf.sub(tf.mul(tf.stack(ss, 0), 2), 1); // (T, N, H)
}
