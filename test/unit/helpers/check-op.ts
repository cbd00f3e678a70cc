/**
 * One test helper for every op (tinygrad's habit): forward values against a reference,
 * backward against central finite differences and against TensorFlow.js's own autodiff
 * (tf.grads of the same function written with tf ops), the dtypes of the output and the
 * gradients, and no leaked tensors. `expectOpError` checks an op's error the same way for all ops.
 */
import { expect } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { autograd, nd, NDArray, type DType } from '../../../src/lib/index';

export type Values = number[] | number[][] | number[][][] | number[][][][];

export interface CheckOptions {
  /** The same function with tf ops: reference for values and gradients (tf.grads). */
  tfRef?: (...xs: tf.Tensor[]) => tf.Tensor;
  /** Compare gradients with tf.grads of tfRef (default true; tfjs's own gradient of some ops is wrong under broadcasting). */
  refGrads?: boolean;
  /** Expected output values, when known by hand. */
  expected?: Values | number;
  /** Which inputs to differentiate (default all). */
  wrt?: number[];
  /** Finite-difference step and tolerances (float32 arithmetic: keep them loose). */
  eps?: number;
  fdTol?: number;
  /** Tolerance against tf.grads (same float32 kernels: tight). */
  tol?: number;
  /** Skip finite differences (e.g. for functions with kinks near the test points). */
  skipFiniteDifferences?: boolean;
  /** The output's dtype (default: the first input's, which MXNet's ops keep). */
  dtype?: DType;
}

export async function values(x: NDArray): Promise<number[]> {
  return Array.from(await x.data());
}

function flat(v: Values | number): number[] {
  return typeof v === 'number' ? [v] : (v as unknown[]).flat(4) as number[];
}

export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5, what = 'values'): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e)) {
      expect(Number.isNaN(a), `${what}[${i}] should be NaN, got ${a}`).toBe(true);
      continue;
    }
    const ok = Math.abs(a - e) <= tol * (1 + Math.abs(e));
    if (!ok) expect.fail(`${what}[${i}]: got ${a}, expected ${e} (tol ${tol})`);
  }
}

/**
 * Checks `f` on `inputs`: forward (against `expected` / `tfRef`), and the gradient of
 * L = sum(f(x) * h) for a random head h, against tf.grads and finite differences.
 */
export async function checkOp(f: (...xs: NDArray[]) => NDArray, inputs: NDArray[], options: CheckOptions = {}): Promise<void> {
  const wrt = options.wrt ?? inputs.map((_, i) => i);
  const y0 = f(...inputs);
  expect(y0.dtype, 'forward dtype').toBe(options.dtype ?? inputs[0]?.dtype ?? 'float32');
  const yValues = await values(y0);
  if (options.expected !== undefined) expectClose(yValues, flat(options.expected), 1e-5, 'forward');
  const ref = options.tfRef;
  if (ref) {
    const r = tf.tidy(() => ref(...inputs.map((x) => x.tensor)));
    expect(y0.shape, 'forward shape vs tf').toEqual(r.shape.length === 0 ? [1] : r.shape);
    expectClose(yValues, Array.from(await r.data()), 1e-5, 'forward vs tf');
    r.dispose();
  }
  if (wrt.length === 0) return;

  // Gradient by our tape, with a random head gradient h (tests the whole VJP, not just sums).
  const h = nd.random.uniform(0.5, 1.5, y0.shape);
  const hValues = await values(h);
  const xs = inputs.map((x) => x.copy());
  wrt.forEach((i) => xs[i]!.attachGrad());
  const y = autograd.record(() => f(...xs));
  y.backward(h);
  for (const i of wrt) expect(xs[i]!.grad.dtype, `dtype of the gradient of input ${i}`).toBe(xs[i]!.dtype);
  const ours = await Promise.all(wrt.map((i) => values(xs[i]!.grad)));

  if (ref && options.refGrads !== false) {
    const refGrads = tf.tidy(() => {
      const g = tf.grads((...ts: tf.Tensor[]) => {
        const all = inputs.map((x) => x.tensor as tf.Tensor);
        wrt.forEach((i, k) => (all[i] = ts[k]!));
        const out = ref(...all);
        return tf.sum(tf.mul(tf.reshape(out, h.shape), h.tensor));
      });
      return g(wrt.map((i) => inputs[i]!.tensor));
    });
    for (let k = 0; k < wrt.length; k++) {
      expectClose(ours[k]!, Array.from(await refGrads[k]!.data()), options.tol ?? 1e-4, `grad of input ${wrt[k]} vs tf.grads`);
    }
    refGrads.forEach((g) => g.dispose());
  }

  if (!options.skipFiniteDifferences) {
    const eps = options.eps ?? 1e-2;
    const loss = async (arrays: NDArray[]): Promise<number> => {
      const out = await values(f(...arrays));
      return out.reduce((acc, v, i) => acc + v * hValues[i]!, 0);
    };
    for (let k = 0; k < wrt.length; k++) {
      const i = wrt[k]!;
      const base = await values(inputs[i]!);
      const fd: number[] = [];
      for (let j = 0; j < base.length; j++) {
        const plus = base.slice();
        const minus = base.slice();
        plus[j]! += eps;
        minus[j]! -= eps;
        const at = (v: number[]) => inputs.map((x, m) => (m === i ? NDArray.fromTensor(tf.tensor(v, x.shape, 'float32')) : x));
        fd.push(((await loss(at(plus))) - (await loss(at(minus)))) / (2 * eps));
      }
      expectClose(ours[k]!, fd, options.fdTol ?? 2e-2, `grad of input ${i} vs finite differences`);
    }
  }
}

/**
 * Expects `f` to throw an error of class `type` whose message matches every pattern (the house
 * style: it names the op, what was expected, what came and how to fix it). Returns the error.
 */
export function expectOpError<E extends Error>(f: () => unknown, type: abstract new (...args: never[]) => E, ...patterns: RegExp[]): E {
  let caught: unknown = undefined;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  if (caught === undefined) expect.fail(`expected ${type.name}, but nothing was thrown`);
  expect(caught, `the error's class (${String(caught)})`).toBeInstanceOf(type);
  for (const p of patterns) expect((caught as Error).message).toMatch(p);
  return caught as E;
}

/** Runs `fn` `times` times and asserts the live tensor count returned to where it was. */
export async function expectNoLeak(fn: () => Promise<void> | void, times = 3): Promise<void> {
  await fn(); // warm-up: caches, lazily created constants
  await settle();
  const before = tf.memory().numTensors;
  for (let i = 0; i < times; i++) await fn();
  await settle();
  expect(tf.memory().numTensors, 'live tensors after repeated calls').toBeLessThanOrEqual(before);
}

/** Gives the garbage collector a chance (node --expose-gc) and runs pending finalizers. */
export async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 0));
  }
}
