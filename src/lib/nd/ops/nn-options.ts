/**
 * The options of the neural-network ops (MXNet's keyword arguments, camelCased) and their
 * validation: every bad value is reported with the op, the argument and what to pass instead.
 */
import { ArgumentError, ShapeError, fmtShape } from '../errors';
import type { NDArray } from '../ndarray';
import { describe, expectArray } from './operand';

/** One number for both spatial axes, or (height, width). */
/** One number for both spatial axes, or [height, width]. */
export type Pair = number | [number, number] | readonly [number, number];

export interface ConvolutionOptions {
  /** (sh, sw), default 1 */
  stride?: Pair;
  /** zero padding (ph, pw) on each side, default 0 */
  pad?: Pair;
  /** (dh, dw): spacing between the kernel's taps, default 1 */
  dilate?: Pair;
  /** groups of channels convolved separately (channels and filters split evenly), default 1 */
  numGroup?: number;
  /** MXNet's kernel (kh, kw): optional here (the weight's shape says it), checked against the weight when given */
  kernel?: Pair;
  /** MXNet's num_filter: optional, checked against the weight's first dimension when given */
  numFilter?: number;
  /** MXNet's no_bias: true means no bias (then pass null as bias) */
  noBias?: boolean;
  /** only 'NCHW' (MXNet's default layout) */
  layout?: 'NCHW';
  /** MXNet's performance hints for cuDNN: accepted and ignored (they never change the result) */
  workspace?: number;
  cudnnTune?: 'off' | 'limited_workspace' | 'fastest' | null;
  cudnnOff?: boolean;
}

/** Every option nd.convolution accepts. */
export const CONVOLUTION_KEYS = ['stride', 'pad', 'dilate', 'numGroup', 'kernel', 'numFilter', 'noBias', 'layout', 'workspace', 'cudnnTune', 'cudnnOff'] as const;

export interface PoolingOptions {
  /** window (kh, kw); required unless globalPool */
  kernel?: Pair;
  /** default 'max', as MXNet */
  poolType?: 'max' | 'avg';
  /** (sh, sw), default 1 — MXNet's operator default (Gluon's MaxPool2D defaults to the window instead) */
  stride?: Pair;
  /** padding (ph, pw) on each side, default 0; max ignores it, avg counts it as zeros (MXNet's count_include_pad) */
  pad?: Pair;
  /** pool over the whole spatial extent: kernel = (h, w), stride 1, pad 0 (kernel ignored) */
  globalPool?: boolean;
  /** MXNet's pooling_convention: only 'valid' (floor; the default) */
  poolingConvention?: 'valid';
  /** MXNet's count_include_pad for avg: only true (the default: padded cells count as zeros) */
  countIncludePad?: boolean;
  /** only 'NCHW' (MXNet's default layout) */
  layout?: 'NCHW';
  /** MXNet's hint for cuDNN: accepted and ignored */
  cudnnOff?: boolean;
}

/** Every option nd.pooling accepts. */
export const POOLING_KEYS = ['kernel', 'poolType', 'stride', 'pad', 'globalPool', 'poolingConvention', 'countIncludePad', 'layout', 'cudnnOff'] as const;

export interface SoftmaxOptions {
  /** the axis whose entries sum to 1, default -1 (the last) */
  axis?: number;
  /** MXNet's masked softmax: how many leading entries along `axis` count, shape x's without `axis`; the rest get 0 */
  length?: NDArray;
  /** MXNet's use_length: read `length` (default: true when length is given) */
  useLength?: boolean;
  /** divides x before the softmax (default 1): higher flattens the distribution */
  temperature?: number;
}

/** Reads a Pair option: integers >= min, given as n or [h, w]; absent (undefined or null) is the fallback. `op` names the op or layer in errors. */
export function pair(op: string, name: string, v: Pair | undefined | null, fallback: number, min: number): [number, number] {
  if (v === undefined || v === null) return [fallback, fallback];
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min;
  if (ok(v)) return [v, v];
  if (Array.isArray(v) && v.length === 2 && ok(v[0]) && ok(v[1])) return [v[0], v[1]];
  throw new ArgumentError(
    `${op}: ${name} must be an integer >= ${min} or a pair [height, width] of them, got ${Array.isArray(v) ? JSON.stringify(v) : describe(v)}.`,
  );
}


/** A float32 array of rank 4 laid out (batch, channels, height, width). */
export function expectNchw(op: string, name: string, x: unknown): NDArray {
  const a = expectArray(op, name, x);
  if (a.ndim !== 4) {
    throw new ShapeError(
      `${op}: ${name} must be 4-D (batch, channels, height, width), got shape ${fmtShape(a.shape)}. ` +
        `A single image needs a batch axis and a channel axis: x.reshape([1, 1, h, w]).`,
    );
  }
  expectFloat(op, name, a);
  return a;
}

export function expectFloat(op: string, name: string, a: NDArray): void {
  if (a.dtype !== 'float32') {
    throw new ArgumentError(`${op}: ${name} must be float32, got ${a.dtype}. Convert it with ${name}.astype('float32').`);
  }
}

/** MXNet's output size of a window sweep ('valid' convention): floor((x + 2p - effective k) / s) + 1. */
export function outSize(x: number, k: number, p: number, s: number, d = 1): number {
  return Math.floor((x + 2 * p - (d * (k - 1) + 1)) / s) + 1;
}
