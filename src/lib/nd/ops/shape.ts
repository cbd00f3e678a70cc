/**
 * Shape primitives: reshape, transpose, expandDims, squeeze, flatten, broadcastTo, tile,
 * astype, concat, stack, split. (STUB: being written; signatures are final.)
 */
import type { DType, NDArray } from '../ndarray';
import { NotImplemented } from './not-implemented';

export function reshape(x: NDArray, shape: readonly number[]): NDArray { throw new NotImplemented('reshape', x, shape); }
export function transpose(x: NDArray, axes?: readonly number[]): NDArray { throw new NotImplemented('transpose', x, axes); }
export function expandDims(x: NDArray, axis: number): NDArray { throw new NotImplemented('expandDims', x, axis); }
export function squeeze(x: NDArray, axis?: number | readonly number[]): NDArray { throw new NotImplemented('squeeze', x, axis); }
export function flatten(x: NDArray): NDArray { throw new NotImplemented('flatten', x); }
export function broadcastTo(x: NDArray, shape: readonly number[]): NDArray { throw new NotImplemented('broadcastTo', x, shape); }
export function tile(x: NDArray, reps: readonly number[]): NDArray { throw new NotImplemented('tile', x, reps); }
export function astype(x: NDArray, dtype: DType): NDArray { throw new NotImplemented('astype', x, dtype); }
export function concat(arrays: readonly NDArray[], options?: { dim?: number }): NDArray { throw new NotImplemented('concat', arrays, options); }
export function stack(arrays: readonly NDArray[], options?: { axis?: number }): NDArray { throw new NotImplemented('stack', arrays, options); }
export function split(x: NDArray, numOutputs: number, options?: { axis?: number; squeezeAxis?: boolean }): NDArray[] { throw new NotImplemented('split', x, numOutputs, options); }
