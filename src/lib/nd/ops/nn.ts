/**
 * Neural-network primitives the scratch chapters use: convolution and pooling (NCHW, as
 * MXNet), softmax and logSoftmax. (STUB: being written; signatures are final.)
 */
import type { NDArray } from '../ndarray';
import { NotImplemented } from './not-implemented';

export type Pair = number | [number, number];

export interface ConvolutionOptions {
  /** (sh, sw), default 1 */
  stride?: Pair;
  /** zero padding (ph, pw) on each side, default 0 */
  pad?: Pair;
  /** (dh, dw), default 1 */
  dilate?: Pair;
  /** groups of channels convolved separately, default 1 */
  numGroup?: number;
}

export interface PoolingOptions {
  kernel?: Pair;
  poolType?: 'max' | 'avg';
  /** default: equal to kernel? No — MXNet's default stride is 1; we follow MXNet. */
  stride?: Pair;
  pad?: Pair;
  /** pool over the whole spatial extent (kernel ignored) */
  globalPool?: boolean;
}

/** y = x (*) w + b: data (n, c, h, w), weight (f, c/g, kh, kw), bias (f,) or null -> (n, f, oh, ow). */
export function convolution(data: NDArray, weight: NDArray, bias: NDArray | null, options?: ConvolutionOptions): NDArray {
  throw new NotImplemented('convolution', data, weight, bias, options);
}

/** Max or average pooling over (n, c, h, w). */
export function pooling(data: NDArray, options: PoolingOptions): NDArray {
  throw new NotImplemented('pooling', data, options);
}

export function softmax(x: NDArray, options?: { axis?: number }): NDArray {
  throw new NotImplemented('softmax', x, options);
}

export function logSoftmax(x: NDArray, options?: { axis?: number }): NDArray {
  throw new NotImplemented('logSoftmax', x, options);
}
