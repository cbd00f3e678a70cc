/**
 * Random arrays. One seeded generator drives everything: `nd.random.seed(42)` makes every
 * later draw (normal, uniform, shuffles, dropout masks) reproducible, on every backend —
 * TensorFlow.js draws seeded random numbers on the CPU and uploads them.
 */
import { tf } from '../../engine/tf';
import { ArgumentError } from '../errors';
import { NDArray, type DType } from '../ndarray';
import { checkCtx, checkShape, type CreateOptions, type ShapeArg } from './creation';
import { guardAllocation } from '../memory-guard';
import { checkOptions } from '../options';

/** mulberry32: a small, fast 32-bit generator; good enough to seed TensorFlow.js's. */
let state = (Math.random() * 2 ** 32) >>> 0;

function nextUint32(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** A float in [0, 1). */
export function nextFloat(): number {
  return nextUint32() / 2 ** 32;
}

/** A seed for one TensorFlow.js random op. */
export function nextSeed(): number {
  return nextUint32();
}

/** Seeds the library's random numbers (MXNet's mx.random.seed): the same seed gives the same draws. */
export function seed(value: number): void {
  if (!Number.isInteger(value)) throw new ArgumentError(`nd.random.seed: the seed must be an integer, got ${String(value)}.`);
  state = value >>> 0;
}

function checkNumber(op: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`${op}: ${name} must be a finite number, got ${String(v)}.`);
  return v;
}

/** Samples from N(loc, scale^2): `nd.random.normal(0, 0.01, [784, 10])`. */
export function normal(loc = 0, scale = 1, shape: ShapeArg = [1], options: CreateOptions = {}): NDArray {
  checkNumber('nd.random.normal', 'loc', loc);
  if (checkNumber('nd.random.normal', 'scale', scale) < 0) throw new ArgumentError(`nd.random.normal: scale must be >= 0, got ${scale}.`);
  checkOptions('nd.random.normal', options, ['dtype', 'ctx'], "{ dtype: 'float32', ctx: mx.cpu() }");
  const s = checkShape('nd.random.normal', shape);
  return checkCtx('nd.random.normal', options.ctx, () =>
    guardAllocation('nd.random.normal', s, () => NDArray.fromTensor(tf.randomNormal(s, loc, scale, options.dtype ?? 'float32', nextSeed()))),
  );
}

/** Samples uniformly from [low, high). */
export function uniform(low = 0, high = 1, shape: ShapeArg = [1], options: CreateOptions = {}): NDArray {
  checkNumber('nd.random.uniform', 'low', low);
  checkNumber('nd.random.uniform', 'high', high);
  checkOptions('nd.random.uniform', options, ['dtype', 'ctx'], "{ dtype: 'float32', ctx: mx.cpu() }");
  const s = checkShape('nd.random.uniform', shape);
  return checkCtx('nd.random.uniform', options.ctx, () =>
    guardAllocation('nd.random.uniform', s, () => NDArray.fromTensor(tf.randomUniform(s, low, high, options.dtype ?? 'float32', nextSeed()))),
  );
}

/** Integers uniformly from [low, high), int32. */
export function randint(low: number, high: number, shape: ShapeArg = [1]): NDArray {
  if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
    throw new ArgumentError(`nd.random.randint: low and high must be integers with low < high, got (${low}, ${high}).`);
  }
  const s = checkShape('nd.random.randint', shape);
  return guardAllocation('nd.random.randint', s, () => NDArray.fromTensor(tf.randomUniform(s, low, high, 'int32', nextSeed())));
}

/** A random permutation of 0..n-1 as a plain array (Fisher-Yates with the seeded generator). */
export function permutation(n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(nextFloat() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** In-place shuffle of a plain array (the book's data iterators use it). */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(nextFloat() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
