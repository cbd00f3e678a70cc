/**
 * The gradients of max and average pooling on WASM, as one loop over the windows in the heap.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | wasm | max pooling's backward, float32, any window, stride and padding | LeNet's first pool, (1536, 28, 28) 2 x 2 / 2: ~140 -> ~4 ms at load 14 (kernels: transpose, arg-max, one-hot, multiply, transpose) | test/unit/nn.test.ts (pooling), test/unit/pool-grad-wasm.test.ts |
 * | wasm | average pooling's backward, float32 | AvgPoolGrad on (2048, 28, 28) 2 x 2 / 2: ~20x its forward before (README, Performance) | test/unit/nn.test.ts (pooling), test/unit/pool-grad-wasm.test.ts |
 *
 * Every formulation of the max-pool gradient through TensorFlow.js's kernels makes five or more
 * passes over the input, each a kernel of its own (patches by reshape and transpose or by an
 * identity convolution, arg-max, one-hot, a broadcasting multiply, the way back), and the two
 * kernels that would do it in one go are wrong on WASM: MaxPoolGrad and MaxPoolWithArgmax both
 * start each window's running maximum at FLT_MIN, the smallest positive float, so a window whose
 * maximum is <= 0 sends its gradient to its first cell (measured: window [-4, -3, -2, -1] gives
 * max 1.2e-38 and index 0). Here, on WASM, where a tensor's values are a typed array over the
 * module's heap, one JavaScript loop reads each window once, finds its first arg-max
 * (row-major, as MXNet; padding cells are skipped, so they never win) and adds dL/dy there:
 *   dL/dx[r, c] = sum over windows (i, j) whose first arg-max is (r, c) of dL/dy[i, j].
 * Average pooling (MXNet's count_include_pad) spreads dL/dy[i, j] / (kh kw) over the window's
 * cells inside the input. The loop does as many operations as there are window cells, and reads
 * no more memory than the kernels' first pass.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export interface PoolGeometry {
  kernel: [number, number];
  stride: [number, number];
  pad: [number, number];
}

const onWasm = (...ts: Tensor[]): boolean => tf.getBackend() === 'wasm' && ts.every((t) => t.dtype === 'float32');

/** A new zero-filled (m, h, w) float32 tensor on WASM, and a typed array over its values. */
function zeroed(backend: BackendWasm, shape: [number, number, number]): { info: tf.TensorInfo; values: Float32Array } {
  const info = backend.makeOutput(shape, 'float32'); // may grow the heap: take every view after this
  const values = backend.typedArrayFromHeap(info) as Float32Array;
  values.fill(0);
  return { info, values };
}

/** x (m, h, w), dy (m, oh, ow) -> dL/dx (m, h, w) of max pooling; null where this path does not apply. */
export function maxPoolGradWasm(x: Tensor, dy: Tensor, { kernel: [kh, kw], stride: [sh, sw], pad: [ph, pw] }: PoolGeometry): Tensor | null {
  if (!onWasm(x, dy)) return null;
  const backend = tf.backend() as BackendWasm;
  const [m, h, w] = x.shape as [number, number, number];
  const [oh, ow] = [dy.shape[1]!, dy.shape[2]!];
  const out = zeroed(backend, [m, h, w]);
  const xs = backend.typedArrayFromHeap(x) as Float32Array;
  const ds = backend.typedArrayFromHeap(dy) as Float32Array;
  const dx = out.values;
  for (let p = 0; p < m; p++) {
    const xb = p * h * w;
    const db = p * oh * ow;
    for (let i = 0; i < oh; i++) {
      const r0 = i * sh - ph;
      const rs = Math.max(r0, 0);
      const re = Math.min(r0 + kh, h);
      for (let j = 0; j < ow; j++) {
        const c0 = j * sw - pw;
        const cs = Math.max(c0, 0);
        const ce = Math.min(c0 + kw, w);
        // The first cell holds unless a later one is strictly larger: the first arg-max (also
        // for a window of -inf or NaN values, where no comparison succeeds).
        let at = xb + rs * w + cs;
        let best = xs[at]!;
        for (let r = rs; r < re; r++) {
          const row = xb + r * w;
          for (let c = cs; c < ce; c++) {
            const v = xs[row + c]!;
            if (v > best) {
              best = v;
              at = row + c;
            }
          }
        }
        dx[at] += ds[db + i * ow + j]!;
      }
    }
  }
  return tf.engine().makeTensorFromTensorInfo(out.info, backend);
}

/** dy (m, oh, ow) -> dL/dx (m, h, w) of average pooling counting padded cells; null where this path does not apply. */
export function avgPoolGradWasm(dy: Tensor, [m, h, w]: [number, number, number], { kernel: [kh, kw], stride: [sh, sw], pad: [ph, pw] }: PoolGeometry): Tensor | null {
  if (!onWasm(dy)) return null;
  const backend = tf.backend() as BackendWasm;
  const [oh, ow] = [dy.shape[1]!, dy.shape[2]!];
  const out = zeroed(backend, [m, h, w]);
  const ds = backend.typedArrayFromHeap(dy) as Float32Array;
  const dx = out.values;
  const scale = 1 / (kh * kw);
  for (let p = 0; p < m; p++) {
    const xb = p * h * w;
    const db = p * oh * ow;
    for (let i = 0; i < oh; i++) {
      const r0 = i * sh - ph;
      const rs = Math.max(r0, 0);
      const re = Math.min(r0 + kh, h);
      for (let j = 0; j < ow; j++) {
        const c0 = j * sw - pw;
        const cs = Math.max(c0, 0);
        const ce = Math.min(c0 + kw, w);
        const g = ds[db + i * ow + j]! * scale;
        for (let r = rs; r < re; r++) {
          const row = xb + r * w;
          for (let c = cs; c < ce; c++) dx[row + c] += g;
        }
      }
    }
  }
  return tf.engine().makeTensorFromTensorInfo(out.info, backend);
}
