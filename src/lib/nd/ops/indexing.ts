/**
 * Indexing: NumPy-style get/set, take, pick, oneHot. (STUB: being written; signatures are final.)
 *
 * An index component is an integer (negative counts from the end; removes the axis), a slice
 * string ':' / 'a:b' / 'a:b:c' / '::-1' (keeps the axis), or an integer index array (an
 * NDArray or a plain number[]; gathers along that axis). Missing trailing components mean ':'.
 */
import type { NDArray, Nested, Operand } from '../ndarray';
import { NotImplemented } from './not-implemented';

export type IndexSpec = number | string | number[] | NDArray;

export function getItem(x: NDArray, index: readonly IndexSpec[]): NDArray { throw new NotImplemented('get', x, index); }
export function setItem(x: NDArray, value: Operand | Nested, index: readonly IndexSpec[]): void { throw new NotImplemented('set', x, value, index); }
export function take(x: NDArray, indices: NDArray | number[], options?: { axis?: number; mode?: 'clip' | 'wrap' }): NDArray { throw new NotImplemented('take', x, indices, options); }
export function pick(x: NDArray, index: NDArray | number[], options?: { axis?: number; keepDims?: boolean }): NDArray { throw new NotImplemented('pick', x, index, options); }
export function oneHot(indices: NDArray, depth: number, options?: { onValue?: number; offValue?: number }): NDArray { throw new NotImplemented('oneHot', indices, depth, options); }
