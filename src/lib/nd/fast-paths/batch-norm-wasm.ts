/**
 * Training-mode batch normalization on WASM: the batch statistics, the forward pass and the
 * backward pass (batch-norm.ts's formulas) each as loops over the heap, channel by channel.
 *
 * | backend | when | measured win | test |
 * | --- | --- | --- | --- |
 * | wasm | float32 x, one channel axis | statistics + forward + backward of (128, 16, 14, 14), one thread at load ~30, alternating 21 times: median 161 -> 24 ms, best 88 -> 3 ms (kernels: ~15 passes over x, broadcasting and transposing reductions; here 5) | test/unit/lib/nd/ops/batch-norm.test.ts, test/unit/lib/nd/fast-paths/batch-norm-wasm.test.ts |
 *
 * With the kernels, every per-channel step (x - mean, times a, plus beta, the sums of dy and
 * dy (x - mean), the three terms of dx) is a broadcasting kernel or a reduction that first
 * transposes the channels outward, ~15 passes over x per layer and step. Here x is viewed as
 * (outer, c, inner) (NCHW: (n, c, h w)); the statistics take two passes (the mean, then the
 * centred squares, summed in double precision), the forward one, the backward two:
 *   y = (x - mu) a + beta,  a = gamma / sqrt(v + eps)
 *   dL/dbeta = sum(dy),  dL/dgamma = sum(dy (x - mu)) / sqrt(v + eps)
 *   dL/dx = a (dy - sum(dy) / m - (x - mu) sum(dy (x - mu)) / (m (v + eps)))
 */
import { tf, type Tensor } from '../../engine/tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface View {
  outer: number;
  c: number;
  inner: number;
}

/** (outer, c, inner) for a float32 tensor with channel axis `axis` on WASM, or null. */
function view(x: Tensor, axis: number): View | null {
  if (tf.getBackend() !== 'wasm' || x.dtype !== 'float32' || axis < 0 || axis >= x.rank) return null;
  const s = x.shape;
  return { outer: s.slice(0, axis).reduce((p, d) => p * d, 1), c: s[axis]!, inner: s.slice(axis + 1).reduce((p, d) => p * d, 1) };
}

const heap = (b: BackendWasm, t: tf.TensorInfo): Float32Array => b.typedArrayFromHeap(t) as Float32Array;

function output(backend: BackendWasm, shape: number[]): tf.TensorInfo {
  return backend.makeOutput(shape, 'float32'); // may grow the heap: callers take their views after
}

const wrap = (backend: BackendWasm, info: tf.TensorInfo): Tensor => tf.engine().makeTensorFromTensorInfo(info, backend);

/** Per-channel mean and biased variance of x, both shaped like x with 1 on every other axis; null where this path does not apply. */
export function batchMomentsWasm(x: Tensor, axis: number): [Tensor, Tensor] | null {
  const v = view(x, axis);
  if (v === null) return null;
  const { outer, c, inner } = v;
  const backend = tf.backend() as BackendWasm;
  const keep = x.shape.map((d, a) => (a === axis ? d : 1));
  const meanInfo = output(backend, keep);
  const varInfo = output(backend, keep);
  const xs = heap(backend, x);
  const mu = heap(backend, meanInfo);
  const va = heap(backend, varInfo);
  const m = outer * inner;
  for (let k = 0; k < c; k++) {
    let s = 0;
    for (let o = 0; o < outer; o++) {
      const base = (o * c + k) * inner;
      for (let i = 0; i < inner; i++) s += xs[base + i]!;
    }
    const mean = s / m;
    let q = 0;
    for (let o = 0; o < outer; o++) {
      const base = (o * c + k) * inner;
      for (let i = 0; i < inner; i++) {
        const d = xs[base + i]! - mean;
        q += d * d;
      }
    }
    mu[k] = mean;
    va[k] = q / m;
  }
  return [wrap(backend, meanInfo), wrap(backend, varInfo)];
}

/** Per-channel a = gamma / sqrt(v + eps) and the mean, read from keepDims-shaped tensors. */
function perChannel(backend: BackendWasm, c: number, gamma: Tensor, mean: Tensor, variance: Tensor, eps: number) {
  const g = heap(backend, gamma);
  const mu = heap(backend, mean);
  const va = heap(backend, variance);
  const inv = new Float64Array(c);
  const a = new Float64Array(c);
  const m = new Float64Array(c);
  for (let k = 0; k < c; k++) {
    inv[k] = 1 / Math.sqrt(Math.fround(va[k]! + eps));
    a[k] = g[k]! * inv[k]!;
    m[k] = mu[k]!;
  }
  return { inv, a, m };
}

const sizesMatch = (c: number, ...ts: Tensor[]): boolean => ts.every((t) => t.size === c && t.dtype === 'float32');

/** y = (x - mean) gamma / sqrt(variance + eps) + beta; null where this path does not apply. */
export function batchNormForwardWasm(x: Tensor, gamma: Tensor, beta: Tensor, mean: Tensor, variance: Tensor, axis: number, eps: number): Tensor | null {
  const v = view(x, axis);
  if (v === null || !sizesMatch(v.c, gamma, beta, mean, variance)) return null;
  const { outer, c, inner } = v;
  const backend = tf.backend() as BackendWasm;
  const out = output(backend, [...x.shape]);
  const { a, m } = perChannel(backend, c, gamma, mean, variance, eps);
  const bt = heap(backend, beta);
  const xs = heap(backend, x);
  const ys = heap(backend, out);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < c; k++) {
      const base = (o * c + k) * inner;
      const [ak, mk, bk] = [a[k]!, m[k]!, bt[k]!];
      for (let i = 0; i < inner; i++) ys[base + i] = (xs[base + i]! - mk) * ak + bk;
    }
  }
  return wrap(backend, out);
}

/** [dL/dx, dL/dgamma, dL/dbeta] (the last two keepDims-shaped); null where this path does not apply. */
export function batchNormBackwardWasm(dy: Tensor, x: Tensor, gamma: Tensor, mean: Tensor, variance: Tensor, axis: number, eps: number): [Tensor, Tensor, Tensor] | null {
  const v = view(x, axis);
  if (v === null || dy.dtype !== 'float32' || dy.size !== x.size || !sizesMatch(v.c, gamma, mean, variance)) return null;
  const { outer, c, inner } = v;
  const backend = tf.backend() as BackendWasm;
  const keep = x.shape.map((d, a) => (a === axis ? d : 1));
  const dxInfo = output(backend, [...x.shape]);
  const dgInfo = output(backend, keep);
  const dbInfo = output(backend, keep);
  const { inv, a, m: mu } = perChannel(backend, c, gamma, mean, variance, eps);
  const xs = heap(backend, x);
  const ds = heap(backend, dy);
  const dx = heap(backend, dxInfo);
  const dg = heap(backend, dgInfo);
  const db = heap(backend, dbInfo);
  const m = outer * inner;
  const sumDy = new Float64Array(c);
  const sumDyXc = new Float64Array(c);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < c; k++) {
      const base = (o * c + k) * inner;
      const mk = mu[k]!;
      let s = 0;
      let q = 0;
      for (let i = 0; i < inner; i++) {
        const g = ds[base + i]!;
        s += g;
        q += g * (xs[base + i]! - mk);
      }
      sumDy[k] += s;
      sumDyXc[k] += q;
    }
  }
  for (let k = 0; k < c; k++) {
    db[k] = sumDy[k]!;
    dg[k] = sumDyXc[k]! * inv[k]!;
  }
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < c; k++) {
      const base = (o * c + k) * inner;
      const [ak, mk] = [a[k]!, mu[k]!];
      const shift = sumDy[k]! / m;
      const scale = (inv[k]! * inv[k]! * sumDyXc[k]!) / m;
      for (let i = 0; i < inner; i++) dx[base + i] = ak * (ds[base + i]! - shift - (xs[base + i]! - mk) * scale);
    }
  }
  return [wrap(backend, dxInfo), wrap(backend, dgInfo), wrap(backend, dbInfo)];
}
