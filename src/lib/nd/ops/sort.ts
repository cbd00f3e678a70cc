/**
 * Sorting along an axis, in MXNet's names and semantics: topk, sort, argsort. Indices come back
 * as float32 by default (MXNet's dtype), or int32 on request. Built on tf.topk along the last
 * axis (the axis is moved there and back); ascending order is the descending order of -x.
 * The values' gradient goes back to the positions they came from (a scatter); indices and
 * masks are piecewise constant in x and have none.
 */
import { tf, type Tensor } from '../../engine/tf';
import { ArgumentError, ShapeError, fmtShape } from '../errors';
import type { NDArray } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { bool, checkOptions, oneOf } from '../options';
import { normAxis } from '../shape-utils';
import { expectArray } from './operand';

interface SortAttrs {
  axis: number;
  k: number;
  ascending: boolean;
}

/** The permutation that moves `axis` last (its own inverse is computed by invert). */
function toLast(rank: number, axis: number): number[] {
  return [...Array(rank).keys()].filter((a) => a !== axis).concat(axis);
}
function invert(perm: number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

/** tf.transpose, skipped for the identity (the usual case: sorting along the last axis). */
function permute(t: Tensor, perm: number[]): Tensor {
  return perm.every((p, i) => p === i) ? t : tf.transpose(t, perm);
}

/**
 * The k first values and their indices along `axis`, in the requested order. The indices come
 * back as float32 (exact below 2^24): WebGPU's Transpose shader does not compile for int32.
 */
function topkAlong(x: Tensor, { axis, k, ascending }: SortAttrs): { values: Tensor; indices: Tensor } {
  const perm = toLast(x.rank, axis);
  // int32 arrays are sorted as float32 (exact below 2^24) for the same reason, and cast back
  const last = permute(x.dtype === 'int32' ? tf.cast(x, 'float32') : x, perm); // (..., n)
  const r = tf.topk(ascending ? tf.neg(last) : last, k, true);
  const values = ascending ? tf.neg(r.values) : r.values; // (..., k)
  const inv = invert(perm);
  return { values: tf.cast(permute(values, inv), x.dtype), indices: permute(tf.cast(r.indices, 'float32'), inv) };
}

// y = the k selected values of x along axis      dL/dx[..., idx_j, ...] = dL/dy[..., j, ...], 0 elsewhere
const TopkValues = definePrimitive<SortAttrs>({
  name: 'topk',
  forward: ([x], attrs) => topkAlong(x!, attrs).values,
  backward: (dy, { inputs: [x], inputShapes }, attrs) => [placeSelected(x!, permute(dy, toLast(inputShapes[0]!.length, attrs.axis)), attrs)],
});

/**
 * Zeros of x's shape with `picked` ((..., k) in the axis-last layout) written where topk took
 * its values: one ScatterNd on flat positions row * n + index (every backend has it; tf.oneHot
 * followed by a sum failed to compile on WebGPU).
 */
function placeSelected(x: Tensor, picked: Tensor, attrs: SortAttrs): Tensor {
  const shape = x.shape;
  const n = shape[attrs.axis]!;
  const perm = toLast(shape.length, attrs.axis);
  const idx = tf.cast(permute(topkAlong(x, attrs).indices, perm), 'int32'); // (..., k): the positions, recomputed
  const rows = idx.size / attrs.k;
  const flat = tf.add(tf.mul(tf.reshape(tf.range(0, rows, 1, 'int32'), [rows, 1]), tf.scalar(n, 'int32')), tf.reshape(idx, [rows, attrs.k])); // row * n + idx
  const g = tf.scatterND(tf.reshape(flat, [rows * attrs.k, 1]), tf.reshape(tf.cast(picked, 'float32'), [rows * attrs.k]), [rows * n]);
  return permute(tf.reshape(g, perm.map((a) => shape[a]!)), invert(perm));
}

// Indices of the selected values (piecewise constant in x: no gradient).
const TopkIndices = definePrimitive<SortAttrs & { dtype: 'float32' | 'int32' }>({
  name: 'topkIndices',
  forward: ([x], attrs) => (attrs.dtype === 'float32' ? topkAlong(x!, attrs).indices : tf.cast(topkAlong(x!, attrs).indices, 'int32')),
});

// 1 where x is among the k selected values along axis, 0 elsewhere (no gradient).
const TopkMask = definePrimitive<SortAttrs>({
  name: 'topkMask',
  forward: ([x], attrs) => {
    const k = [...x!.shape];
    k[attrs.axis] = attrs.k;
    const ones = tf.ones(toLast(x!.rank, attrs.axis).map((a) => k[a]!)); // (..., k) in the axis-last layout
    return tf.cast(placeSelected(x!, ones, attrs), x!.dtype);
  },
});

export interface TopkOptions {
  /** The axis to sort along (default -1); null sorts the flattened array. */
  axis?: number | null;
  /** How many to select (default 1); k < 1 selects all (MXNet's rule). */
  k?: number;
  /** 'indices' (default, MXNet's), 'value', 'both' ([values, indices]) or 'mask' (0/1 of x's shape). */
  retTyp?: 'indices' | 'value' | 'both' | 'mask';
  /** Smallest first (default false: largest first). */
  isAscend?: boolean;
  /** The indices' dtype (default float32, as MXNet). */
  dtype?: 'float32' | 'int32';
}

function prepare(op: string, x: NDArray, axisOpt: number | null | undefined, fallbackAxis: number): [NDArray, number] {
  expectArray(op, 'x', x);
  if (x.ndim === 0) throw new ShapeError(`${op}: needs an array with at least one axis, got shape ${fmtShape(x.shape)}.`);
  if (axisOpt === null) return [x.reshape([-1]), 0];
  return [x, normAxis(op, axisOpt ?? fallbackAxis, x.ndim)];
}

/**
 * MXNet's topk: the k largest (or smallest, isAscend) entries along `axis`, as indices
 * (default), values, both, or a mask. `nd.topk(x, { k: 2, retTyp: 'value' })`.
 */
export function topk(x: NDArray, options?: TopkOptions): NDArray | [NDArray, NDArray] {
  const o = checkOptions('nd.topk', options, ['axis', 'k', 'retTyp', 'isAscend', 'dtype'], "{ k: 2, retTyp: 'value' }");
  const [src, axis] = prepare('nd.topk', x, o.axis, -1);
  const n = src.shape[axis]!;
  const kOpt = o.k ?? 1;
  if (!Number.isInteger(kOpt)) throw new ArgumentError(`nd.topk: k must be an integer, got ${String(kOpt)}.`);
  if (kOpt > n) throw new ShapeError(`nd.topk: k = ${kOpt} is larger than axis ${axis}'s length ${n} (x has shape ${fmtShape(src.shape)}).`);
  const k = kOpt < 1 ? n : kOpt;
  const ret = oneOf('nd.topk', 'retTyp', o.retTyp, ['indices', 'value', 'both', 'mask'], 'indices');
  const attrs: SortAttrs = { axis, k, ascending: bool('nd.topk', 'isAscend', o.isAscend, false) };
  const dtype = oneOf('nd.topk', 'dtype', o.dtype, ['float32', 'int32'], 'float32');
  if (n === 0) throw new ShapeError(`nd.topk: axis ${axis} of shape ${fmtShape(src.shape)} is empty.`);
  try {
    if (ret === 'mask') return apply(TopkMask, [src], attrs).reshape(x.shape);
    if (ret === 'value') return apply(TopkValues, [src], attrs);
    if (ret === 'indices') return apply(TopkIndices, [src], { ...attrs, dtype });
    return [apply(TopkValues, [src], attrs), apply(TopkIndices, [src], { ...attrs, dtype })];
  } finally {
    if (src !== x) src.dispose();
  }
}

/** MXNet's sort: the values sorted along `axis` (default -1; null: flattened), ascending unless isAscend is false. */
export function sort(x: NDArray, options?: { axis?: number | null; isAscend?: boolean }): NDArray {
  const o = checkOptions('nd.sort', options, ['axis', 'isAscend'], '{ axis: 0, isAscend: false }');
  return topk(x, { axis: o.axis, k: 0, retTyp: 'value', isAscend: bool('nd.sort', 'isAscend', o.isAscend, true) }) as NDArray;
}

/** MXNet's argsort: the indices that sort `x` along `axis` (default -1; null: flattened), float32 unless dtype says int32. */
export function argsort(x: NDArray, options?: { axis?: number | null; isAscend?: boolean; dtype?: 'float32' | 'int32' }): NDArray {
  const o = checkOptions('nd.argsort', options, ['axis', 'isAscend', 'dtype'], '{ axis: 0, isAscend: false }');
  return topk(x, { axis: o.axis, k: 0, retTyp: 'indices', isAscend: bool('nd.argsort', 'isAscend', o.isAscend, true), dtype: o.dtype }) as NDArray;
}
