/** Making arrays: from JavaScript data, constants, ranges. New arrays have no history. */
import { tf, type Tensor } from '../../engine/tf';
import { ArgumentError, ShapeError } from '../errors';
import { guardAllocation } from '../memory-guard';
import { checkOptions } from '../options';
import { NDArray, type DType, type Nested } from '../ndarray';
import type { Context } from '../../engine/context';

const CREATE_KEYS = ['dtype', 'ctx'];

export interface CreateOptions {
  dtype?: DType;
  /** Where the array lives; only the running backend's context is accepted (see mx.currentContext()). */
  ctx?: Context;
}

export type ShapeArg = number | readonly number[];

const DTYPES: readonly DType[] = ['float32', 'int32'];

function checkDtype(op: string, dtype: unknown): DType {
  if (dtype === undefined) return 'float32';
  if (!DTYPES.includes(dtype as DType)) {
    throw new ArgumentError(`${op}: dtype must be 'float32' or 'int32', got ${JSON.stringify(dtype)}. (float64 and float16 are not available on browser GPUs.)`);
  }
  return dtype as DType;
}

export function checkShape(op: string, shape: unknown): number[] {
  const list = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(list) || !list.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ArgumentError(`${op}: shape must be a non-negative integer or a list of them (e.g. [2, 3]), got ${JSON.stringify(shape)}.`);
  }
  return list as number[];
}

/** Makes the array, then places it in `ctx` when one is given (MXNet's ctx= on every creation op). */
export function checkCtx(op: string, ctx: Context | undefined, make: () => NDArray): NDArray {
  const x = make();
  return ctx === undefined ? x : x.asInContext(ctx);
}

type TypedInput = Float32Array | Int32Array | Uint8Array | Int8Array | Uint16Array | Int16Array | Float64Array | Uint8ClampedArray;

/** The shape of nested arrays; throws when they are ragged or hold non-numbers. */
function inferShape(data: Nested): number[] {
  const shape: number[] = [];
  let level: Nested = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0]!;
  }
  const check = (v: Nested, dim: number, path: string): void => {
    if (dim === shape.length) {
      if (typeof v !== 'number' && typeof v !== 'boolean') {
        throw new ArgumentError(`nd.array: element ${path} is ${Array.isArray(v) ? 'a list' : typeof v}, expected a number.`);
      }
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      throw new ShapeError(`nd.array: the nested lists are ragged: element ${path || '[]'} has ${Array.isArray(v) ? v.length : 'no'} entries where ${shape[dim]} were expected; every row must have the same length.`);
    }
    v.forEach((item, i) => check(item, dim + 1, `${path}[${i}]`));
  };
  check(data, 0, '');
  return shape;
}

/**
 * An array from nested lists, a typed array, a number or another NDArray (copied).
 * dtype defaults to float32 (as MXNet), or the typed array's own (Int32Array -> int32).
 * A plain number gives shape (1,): MXNet has no 0-d arrays.
 */
export function array(data: Nested | TypedInput | NDArray, options: CreateOptions = {}): NDArray {
  checkOptions('nd.array', options, CREATE_KEYS, "{ dtype: 'int32' }");
  if (data instanceof NDArray) {
    const src = data;
    const dtype = checkDtype('nd.array', options.dtype ?? src.dtype);
    return checkCtx('nd.array', options.ctx, () => NDArray.fromTensor(tf.cast(src.tensor, dtype)));
  }
  if (ArrayBuffer.isView(data)) {
    const intInput = data instanceof Int32Array || data instanceof Int16Array || data instanceof Int8Array || data instanceof Uint16Array;
    const dtype = checkDtype('nd.array', options.dtype ?? (intInput ? 'int32' : 'float32'));
    const values = dtype === 'int32' ? Int32Array.from(data as ArrayLike<number>) : Float32Array.from(data as ArrayLike<number>);
    return checkCtx('nd.array', options.ctx, () => NDArray.fromTensor(tf.tensor(values, [values.length], dtype)));
  }
  if (typeof data === 'number') data = [data];
  if (!Array.isArray(data)) {
    throw new ArgumentError(`nd.array: expected nested lists of numbers, a typed array, a number or an NDArray, got ${typeof data}.`);
  }
  const dtype = checkDtype('nd.array', options.dtype);
  const shape = inferShape(data);
  const flat = (data as unknown[]).flat(Infinity as 1) as number[];
  const values = dtype === 'int32' ? Int32Array.from(flat) : Float32Array.from(flat);
  return checkCtx('nd.array', options.ctx, () => NDArray.fromTensor(tf.tensor(values, shape, dtype)));
}

/** An array of `shape` filled with `value` (MXNet's nd.full). */
export function full(shape: ShapeArg, value: number, options: CreateOptions = {}): NDArray {
  return fill('nd.full', shape, value, options);
}

/** full under the name the reader called (errors name nd.zeros, not nd.full). */
function fill(op: string, shape: ShapeArg, value: number, options: CreateOptions): NDArray {
  checkOptions(op, options, CREATE_KEYS, "{ dtype: 'int32' }");
  const s = checkShape(op, shape);
  if (typeof value !== 'number') throw new ArgumentError(`${op}: value must be a number, got ${typeof value}.`);
  const dtype = checkDtype(op, options.dtype);
  return checkCtx(op, options.ctx, () => guardAllocation(op, s, () => NDArray.fromTensor(filled(s, value, dtype))));
}

/**
 * Below this many elements a constant array is made in JavaScript, as tf.zeros/tf.ones make
 * theirs; above it, by the backend's fill kernel (no large JavaScript copy, no upload).
 * Where the values start matters: WebGL and WebGPU run an op on the CPU when all its inputs
 * are small (fewer than 128 / 1,000 elements) and still in JavaScript, and its result stays
 * there. A kernel-made array lives on the GPU, so every small op after it paid a GPU dispatch
 * and a read-back wait (measured, 1,000 adds of (10,) arrays: ~110 us per add on WebGL and
 * ~70 us on WebGPU, against ~5 and ~3 us on the CPU path raw TensorFlow.js users get).
 */
const SMALL_FILL = 16384;

function filled(shape: number[], value: number, dtype: DType): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  // int32 truncates toward zero, as MXNet's cast and an Int32Array do (WebGL's fill kernel
  // alone rounds 2.5 to 3, so it gets the truncated value).
  if (n >= SMALL_FILL) return tf.fill(shape, dtype === 'int32' ? Math.trunc(value) : value, dtype);
  const values = dtype === 'int32' ? new Int32Array(n) : new Float32Array(n);
  if (value !== 0) values.fill(value);
  return tf.tensor(values, shape, dtype);
}

/** An array of `shape` filled with 0 (MXNet's nd.zeros); float32 unless options.dtype says otherwise. */
export function zeros(shape: ShapeArg, options: CreateOptions = {}): NDArray {
  return fill('nd.zeros', shape, 0, options);
}

/** An array of `shape` filled with 1 (MXNet's nd.ones). */
export function ones(shape: ShapeArg, options: CreateOptions = {}): NDArray {
  return fill('nd.ones', shape, 1, options);
}

/** Zeros with the shape and dtype of x (MXNet's zeros_like). */
export function zerosLike(x: NDArray): NDArray {
  return full(x.shape, 0, { dtype: x.dtype });
}

/** Ones with the shape and dtype of x (MXNet's ones_like). */
export function onesLike(x: NDArray): NDArray {
  return full(x.shape, 1, { dtype: x.dtype });
}

/**
 * Evenly spaced values in [start, stop): `arange(5)` is [0, 1, 2, 3, 4], `arange(2, 8, 2)`
 * is [2, 4, 6]. float32 unless told otherwise (as MXNet).
 */
export function arange(start: number, stop?: number, step = 1, options: CreateOptions = {}): NDArray {
  if (stop === undefined) [start, stop] = [0, start];
  if (![start, stop, step].every((v) => typeof v === 'number' && Number.isFinite(v)) || step === 0) {
    throw new ArgumentError(`nd.arange: start, stop and step must be finite numbers and step nonzero, got (${start}, ${stop}, ${step}).`);
  }
  checkOptions('nd.arange', options, CREATE_KEYS, "{ dtype: 'int32' }");
  const dtype = checkDtype('nd.arange', options.dtype);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  return guardAllocation('nd.arange', [n], () => {
    const values = dtype === 'int32' ? new Int32Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) values[i] = start + i * step;
    return checkCtx('nd.arange', options.ctx, () => NDArray.fromTensor(tf.tensor(values, [n], dtype)));
  });
}
