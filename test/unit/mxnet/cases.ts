/**
 * The reference cases of the MXNet test port: their JSON form (written by generate.py) and the
 * comparison with MXNet's assert_almost_equal tolerances (float32 against NumPy's float64).
 */
import { expect } from 'vitest';
import { nd, type NDArray } from '../../../src/lib/index';

export interface ArrayJson {
  shape: number[];
  dtype: 'float32' | 'int32';
  /** Row-major values; null stands for NaN (JSON has none). */
  data: (number | null)[];
}

/** One op case: inputs, options, NumPy's output and gradients of sum(f(x) * head). */
export interface OpCase {
  id: string;
  from: string;
  op: string;
  inputs: ArrayJson[];
  params: Record<string, unknown>;
  output?: ArrayJson;
  outputs?: ArrayJson[];
  head?: ArrayJson;
  grads?: (ArrayJson | null)[];
  tol?: number;
  gradTol?: number;
  note?: string;
}

/** A case the test file runs with its own code (trainer steps, layers, loaders). */
export interface OtherCase {
  id: string;
  from: string;
  kind: string;
  [key: string]: unknown;
}

export function toNd(a: ArrayJson): NDArray {
  // A (1,)-shaped NumPy scalar stays (1,), as MXNet's 0-d results print as shape (1,).
  // Empty arrays directly: reshape reads 0 as MXNet's "copy this dimension" code.
  if (a.data.length === 0) return nd.zeros(a.shape, { dtype: a.dtype });
  return nd.array(numbers(a), { dtype: a.dtype }).reshape(a.shape);
}

/** The values, with NaN for null. */
export function numbers(a: ArrayJson): number[] {
  return a.data.map((v) => v ?? Number.NaN);
}

/** |actual - expected| <= atol + rtol |expected|, elementwise, with the first bad index named. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number, what: string): void {
  expect(actual.length, `${what}: number of elements`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) ? !Number.isNaN(a) : !(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      expect.fail(`${what}[${i}]: got ${a}, expected ${e} (rtol ${rtol}, atol ${atol})`);
    }
  }
}

/** Compares an array's shape and values with a NumPy reference. */
export async function expectMatches(actual: NDArray, expected: ArrayJson, tol: number, what: string): Promise<void> {
  expect(actual.shape, `${what}: shape`).toEqual(expected.shape);
  expectAllClose(Array.from(await actual.data()), numbers(expected), tol, tol, what);
}
