/**
 * The gradients of max and average pooling on WASM, as one loop over the windows in the heap.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | wasm | max pooling's backward, float32, any window, stride and padding | LeNet's first pool, (1536, 28, 28) 2 x 2 / 2, one thread at load ~30, alternating 21 times: median 181 -> 101 ms (heap views), 138 -> 118 ms (copies); at this load not conclusive; the overlapping 3 x 3 / 2 of the old path took 221 ms at load 5.4 (README) | test/unit/lib/nd/ops/nn.test.ts (pooling), test/unit/lib/nd/fast-paths/pool-grad-wasm.test.ts |
 * | wasm | average pooling's backward, float32 | not measured alone; before, AvgPoolGrad took ~20x its forward on (128, 16, 28, 28) 2 x 2 / 2 (README, Performance) | test/unit/lib/nd/ops/nn.test.ts (pooling), test/unit/lib/nd/fast-paths/pool-grad-wasm.test.ts |
 *
 * Every formulation of the max-pool gradient through TensorFlow.js's kernels makes five or more
 * passes over the input, each a kernel of its own (patches by reshape and transpose or by an
 * identity convolution, arg-max, one-hot, a broadcasting multiply, the way back), and the two
 * kernels that would do it in one go are wrong on WASM: MaxPoolGrad and MaxPoolWithArgmax both
 * start each window's running maximum at FLT_MIN, the smallest positive float, so a window whose
 * maximum is <= 0 sends its gradient to its first cell (measured: window [-4, -3, -2, -1] gives
 * max 1.2e-38 and index 0). Here, on WASM, where a tensor's values sit in the module's heap
 * (copied out and back in bulk), one JavaScript loop reads each window once, finds its first arg-max
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

/**
 * A copy of a tensor's values in an ordinary Float32Array. Loops read these, not views over
 * the heap: in Chromium 156 an indexed loop over a view of the threaded build's (shared) WASM
 * memory ran at ~40 ns an element against ~1 ns over an ordinary array (measured, 1.2 M
 * elements: 40-75 ms against 1.0 ms, load ~30), while a bulk copy (set) runs at memory speed.
 */
export function heapCopy(t: Tensor): Float32Array {
  const backend = tf.backend() as BackendWasm;
  const copy = new Float32Array(t.size);
  copy.set(backend.typedArrayFromHeap(t) as Float32Array);
  return copy;
}

/** A new float32 tensor on WASM holding `values` (one bulk copy into the heap). */
export function heapTensor(shape: number[], values: Float32Array): Tensor {
  const backend = tf.backend() as BackendWasm;
  const info = backend.makeOutput(shape, 'float32'); // may grow the heap: take the view after this
  (backend.typedArrayFromHeap(info) as Float32Array).set(values);
  return tf.engine().makeTensorFromTensorInfo(info, backend);
}

/** x (m, h, w), dy (m, oh, ow) -> dL/dx (m, h, w) of max pooling; null where this path does not apply. */
export function maxPoolGradWasm(x: Tensor, dy: Tensor, { kernel: [kh, kw], stride: [sh, sw], pad: [ph, pw] }: PoolGeometry): Tensor | null {
  if (!onWasm(x, dy)) return null;
  const [m, h, w] = x.shape as [number, number, number];
  const [oh, ow] = [dy.shape[1]!, dy.shape[2]!];
  const xs = heapCopy(x);
  const ds = heapCopy(dy);
  const dx = new Float32Array(m * h * w);
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
  return heapTensor([m, h, w], dx);
}

/** dy (m, oh, ow) -> dL/dx (m, h, w) of average pooling counting padded cells; null where this path does not apply. */
export function avgPoolGradWasm(dy: Tensor, [m, h, w]: [number, number, number], { kernel: [kh, kw], stride: [sh, sw], pad: [ph, pw] }: PoolGeometry): Tensor | null {
  if (!onWasm(dy)) return null;
  const [oh, ow] = [dy.shape[1]!, dy.shape[2]!];
  const ds = heapCopy(dy);
  const dx = new Float32Array(m * h * w);
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
  return heapTensor([m, h, w], dx);
}
