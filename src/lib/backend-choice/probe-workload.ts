/**
 * The speed probe's fixed workload (backend-probe.ts): one forward and backward pass of a
 * dense layer, the product chain every chapter's training loop is made of:
 *
 *   Z = X W + 0.5,  H = relu(Z),  L = sum(H * G)          X: (128, 256), W: (256, 256), G: (128, 256)
 *   dL/dW = X^T (G * [Z > 0])
 *
 * about 3 x 128*256*256 multiply-adds (25 MFLOP) per run. It goes through our own nd and
 * autograd, not raw TensorFlow.js, so it pays what reader code pays (dispatch, the tape, the
 * transposes our dot's gradient does on WASM to stay on XNNPACK).
 *
 * The inputs are small integers (X, W in -3..3; G in -2..2), so every value is exact in float32:
 * Z is an integer plus 0.5 (|Z| <= 2304.5, never 0, so no ReLU kink is ambiguous) and dL/dW is an
 * integer of at most 128*3*2 = 768. A backend that computes float32 correctly matches the
 * plain-JS reference to the last bit; the tolerance below only leaves room for a backend that
 * sums in another order or in reduced precision, and still rejects zeros, stale buffers and the
 * off-by-100 reads measured on WebGPU (BROWSER-NOTES.md).
 */
import { autograd } from '../autograd/index';
import { nd, NDArray } from '../nd/index';
import { ndScope } from '../nd/lifetime';
import { WrongResultError, type ProbeRun } from '../engine/backend-probe';
import { tf } from '../engine/tf';

const N = 128;
const K = 256;
const M = 256;

/** Deterministic integers in lo..hi from a hash of (i, j, seed): no RNG state, same on every run. */
function grid(rows: number, cols: number, lo: number, hi: number, seed: number): Float32Array {
  const out = new Float32Array(rows * cols);
  const span = hi - lo + 1;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca77) ^ Math.imul(seed, 0xc2b2ae3d);
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      h ^= h >>> 13;
      out[i * cols + j] = lo + ((h >>> 0) % span);
    }
  }
  return out;
}

export interface ProbeReference {
  x: Float32Array;
  w: Float32Array;
  g: Float32Array;
  /** L, computed in float64. */
  loss: number;
  /** dL/dW, row-major (K, M). */
  gradW: Float64Array;
  /** The sum of dL/dW's entries (checked on every timed run). */
  gradSum: number;
  /** Scales for the tolerances: sum |H*G| and sum |dL/dW|. */
  lossScale: number;
  gradScale: number;
}

/** The inputs and the expected outputs, in plain JS (about 17M multiply-adds, once per probe). */
export function probeReference(): ProbeReference {
  const x = grid(N, K, -3, 3, 1);
  const w = grid(K, M, -3, 3, 2);
  const g = grid(N, M, -2, 2, 3);
  const dz = new Float64Array(N * M);
  let loss = 0;
  let lossScale = 0;
  const row = new Float64Array(M);
  for (let i = 0; i < N; i++) {
    row.fill(0);
    for (let k = 0; k < K; k++) {
      const a = x[i * K + k]!;
      if (a === 0) continue;
      for (let j = 0; j < M; j++) row[j]! += a * w[k * M + j]!;
    }
    for (let j = 0; j < M; j++) {
      const z = row[j]! + 0.5;
      const gij = g[i * M + j]!;
      if (z > 0) {
        loss += z * gij;
        lossScale += Math.abs(z * gij);
        dz[i * M + j] = gij;
      }
    }
  }
  const gradW = new Float64Array(K * M);
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < K; k++) {
      const a = x[i * K + k]!;
      if (a === 0) continue;
      for (let j = 0; j < M; j++) gradW[k * M + j]! += a * dz[i * M + j]!;
    }
  }
  let gradSum = 0;
  let gradScale = 0;
  for (const v of gradW) {
    gradSum += v;
    gradScale += Math.abs(v);
  }
  return { x, w, g, loss, gradW, gradSum, lossScale, gradScale };
}

/** Relative tolerance: float32 sums of up to 32768 terms in any order, with room to spare. */
const RTOL = 1e-4;

function checkScalar(what: string, got: number, want: number, scale: number): void {
  if (!(Math.abs(got - want) <= RTOL * Math.max(1, scale))) {
    throw new WrongResultError(`${what} is ${got}, expected ${want} (a plain-JS reference of the same product)`);
  }
}

function checkGrad(got: ArrayLike<number>, ref: ProbeReference): void {
  let worst = -1;
  let worstErr = 0;
  for (let i = 0; i < ref.gradW.length; i++) {
    const err = Math.abs(got[i]! - ref.gradW[i]!);
    if (!(err <= 1e-3 * (1 + Math.abs(ref.gradW[i]!))) && !(err <= worstErr)) {
      worst = i;
      worstErr = Number.isNaN(err) ? Infinity : err;
    }
  }
  if (worst >= 0) {
    const [r, c] = [Math.floor(worst / M), worst % M];
    throw new WrongResultError(`dL/dW[${r}, ${c}] is ${got[worst]}, expected ${ref.gradW[worst]} (a plain-JS reference of the same product)`);
  }
}

/** Uploads the inputs to the active backend; each step runs the pass and reads its results. */
export function prepareProbe(ref: ProbeReference): ProbeRun {
  const X = NDArray.fromTensor(tf.tensor2d(ref.x, [N, K]));
  const W = NDArray.fromTensor(tf.tensor2d(ref.w, [K, M]));
  const G = NDArray.fromTensor(tf.tensor2d(ref.g, [N, M]));
  W.attachGrad();
  let disposed = false;
  return {
    async step(check: boolean): Promise<void> {
      if (disposed) throw new Error('the probe run was disposed');
      // Every op is dispatched here, before the first await (see ProbeRun.step).
      // ndScope frees the intermediates (Z, H, H*G) at once, as library helpers do.
      const [loss, gradSum] = ndScope(() => {
        const l = autograd.record(() => nd.dot(X, W).add(0.5).relu().mul(G).sum());
        l.backward();
        return [l, W.grad.sum()];
      });
      const reads = [loss.data(), gradSum.data(), check ? W.grad.data() : null] as const;
      try {
        const [l, s, grad] = await Promise.all(reads);
        checkScalar('L = sum(relu(X W + 0.5) * G)', l[0]!, ref.loss, ref.lossScale);
        checkScalar('sum(dL/dW)', s[0]!, ref.gradSum, ref.gradScale);
        if (grad) checkGrad(grad, ref);
      } finally {
        for (const a of [loss, gradSum]) a.dispose();
      }
    },
    dispose(): void {
      disposed = true;
      for (const a of [X, W.grad, W, G]) a.dispose();
    },
  };
}
