/**
 * Shape ops: reshape, transpose, expandDims, squeeze, flatten, broadcastTo, tile, astype,
 * concat, stack, split. They move elements around without arithmetic, so each gradient moves
 * dL/dy back the same way (reshape back, transpose by the inverse permutation, slice, sum the
 * copies a broadcast or tile made).
 */
import { tf } from '../../engine/tf';
import { ArgumentError, ShapeError, fmtShape } from '../errors';
import { NDArray, type DType } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { normAxes, normAxis, resolveReshape, sizeOf } from '../shape-utils';
import { unbroadcast } from './broadcast-grad';
import { padAxis, view3 } from './axis-view';
import { describe, expectArray } from './operand';
import { checkOptions } from '../options';
import { checkAllocation } from '../memory-guard';
import { fastTranspose } from '../fast-paths/transpose-webgpu-matrix';
import { fastSlice, fastSplit, fastUnstack } from '../fast-paths/slice-wasm';

// ---- reshape and friends -------------------------------------------------------------

// y = x viewed with another shape       dL/dx = dL/dy viewed with x's shape
const Reshape = definePrimitive<{ shape: number[] }>({
  name: 'reshape',
  saves: 'none',
  forward: ([x], { shape }) => tf.reshape(x!, shape),
  backward: (dy, { inputShapes }) => [tf.reshape(dy, [...inputShapes[0]!])],
});

function reshapeTo(x: NDArray, shape: number[]): NDArray {
  return apply(Reshape, [x], { shape });
}

function checkIntList(op: string, name: string, v: unknown): number[] {
  if (!Array.isArray(v) || !v.every((d) => Number.isInteger(d))) {
    throw new ArgumentError(`${op}: ${name} must be a list of integers, e.g. [2, 3], got ${Array.isArray(v) ? JSON.stringify(v) : describe(v)}.`);
  }
  return v as number[];
}

/**
 * A new shape with the same elements (row-major order), with MXNet's codes: 0 copies an input
 * dimension, -1 infers one, -2 copies the rest, -3 merges two, -4 splits one (see resolveReshape).
 */
export function reshape(x: NDArray, shape: readonly number[]): NDArray {
  expectArray('reshape', 'x', x);
  const to = resolveReshape('reshape', x.shape, checkIntList('reshape', 'shape', shape));
  return reshapeTo(x, to.length === 0 ? [1] : to); // MXNet has no 0-d arrays
}

/** MXNet's reshape_like: x with the shape of `like` (the same number of elements). */
export function reshapeLike(x: NDArray, like: NDArray): NDArray {
  expectArray('reshapeLike', 'x', x);
  expectArray('reshapeLike', 'like', like);
  if (x.size !== like.size) {
    throw new ShapeError(`reshapeLike: x has shape ${fmtShape(x.shape)} (${x.size} elements) and like has shape ${fmtShape(like.shape)} (${like.size}); the sizes must match.`);
  }
  return reshapeTo(x, like.shape);
}

/** Inserts an axis of size 1 at `axis` (in [-ndim-1, ndim]; negative counts from the end). */
export function expandDims(x: NDArray, axis: number): NDArray {
  expectArray('expandDims', 'x', x);
  const a = normAxis('expandDims', axis, x.ndim + 1);
  const shape = x.shape;
  shape.splice(a, 0, 1);
  return reshapeTo(x, shape);
}

/** Removes axes of size 1: the given ones (each must have size 1), or all of them. */
export function squeeze(x: NDArray, axis?: number | readonly number[]): NDArray {
  expectArray('squeeze', 'x', x);
  const shape = x.shape;
  let drop: number[];
  if (axis === undefined) {
    drop = shape.flatMap((d, a) => (d === 1 ? [a] : []));
  } else {
    drop = normAxes('squeeze', axis, x.ndim);
    const bad = drop.filter((a) => shape[a] !== 1);
    if (bad.length > 0) {
      throw new ShapeError(
        `squeeze: axis ${bad[0]} of the array of shape ${fmtShape(shape)} has size ${shape[bad[0]!]}; only axes of size 1 can be removed.`,
      );
    }
  }
  const out = shape.filter((_, a) => !drop.includes(a));
  return reshapeTo(x, out.length === 0 ? [1] : out); // MXNet: squeezing everything leaves (1,)
}

/** MXNet's flatten: (n, a, b, ...) -> (n, a*b*...); a 1-D (n,) becomes (n, 1). */
export function flatten(x: NDArray): NDArray {
  expectArray('flatten', 'x', x);
  const shape = x.shape;
  if (shape.length === 0) return reshapeTo(x, [1, 1]);
  return reshapeTo(x, [shape[0]!, sizeOf(shape.slice(1))]);
}

// ---- transpose -----------------------------------------------------------------------

// y = x with axes permuted by p         dL/dx = dL/dy permuted by p^-1
const Transpose = definePrimitive<{ perm: number[] }>({
  name: 'transpose',
  saves: 'none',
  forward: ([x], { perm }) => fastTranspose(x!, perm),
  backward: (dy, _s, { perm }) => {
    const inverse = new Array<number>(perm.length);
    perm.forEach((p, i) => (inverse[p] = i));
    return [fastTranspose(dy, inverse)];
  },
});

/** Permutes the axes: output axis i is input axis axes[i]. Default: reverse them (matrix transpose). */
export function transpose(x: NDArray, axes?: readonly number[]): NDArray {
  expectArray('transpose', 'x', x);
  const n = x.ndim;
  let perm: number[];
  if (axes === undefined) {
    perm = [...Array(n).keys()].reverse();
  } else {
    checkIntList('transpose', 'axes', axes);
    if (axes.length !== n) {
      throw new ArgumentError(`transpose: axes ${JSON.stringify(axes)} has ${axes.length} entries but the array of shape ${fmtShape(x.shape)} has ${n} axes; give a permutation of [${[...Array(n).keys()].join(', ')}].`);
    }
    perm = normAxes('transpose', axes, n);
  }
  return apply(Transpose, [x], { perm });
}

// ---- broadcastTo and tile ------------------------------------------------------------

// y = x copied along the broadcast axes   dL/dx = dL/dy summed over the copies
const BroadcastTo = definePrimitive<{ shape: number[] }>({
  name: 'broadcastTo',
  saves: 'none',
  forward: ([x], { shape }) => tf.broadcastTo(x!, shape),
  backward: (dy, { inputShapes }) => [unbroadcast(dy, inputShapes[0]!)],
});

/**
 * Copies x along axes of size 1 (and new leading axes) to reach `shape`, NumPy-aligned from
 * the right. A 0 in `shape` keeps x's dimension there (MXNet).
 */
export function broadcastTo(x: NDArray, shape: readonly number[]): NDArray {
  expectArray('broadcastTo', 'x', x);
  const target = checkIntList('broadcastTo', 'shape', shape);
  const from = x.shape;
  const lead = target.length - from.length;
  const fail = (why: string): never => {
    throw new ShapeError(`broadcastTo: cannot broadcast an array of shape ${fmtShape(from)} to ${fmtShape(target)}: ${why}`);
  };
  if (lead < 0) fail(`the target has fewer dimensions than the array.`);
  const out = target.map((d, i) => {
    const have = i >= lead ? from[i - lead]! : 1;
    if (d === 0) {
      if (i < lead) fail(`a 0 (keep) at position ${i} has no matching input dimension.`);
      return have;
    }
    if (d < 0) fail(`dimensions must be positive (or 0 to keep the input's).`);
    if (have !== d && have !== 1) fail(`dimension ${i} is ${have} in the array and ${d} in the target; only dimensions of size 1 can be broadcast.`);
    return d;
  });
  checkAllocation('broadcastTo', out); // the one op whose result can dwarf its input
  return apply(BroadcastTo, [x], { shape: out });
}

// y = x repeated reps_i times along axis i.
// dL/dx: along each axis i, view dL/dy's (r_i * d_i) as (r_i, d_i) and sum over the r_i copies.
// (One axis at a time through (pre, r_i, d_i, post): GPU backends reject rank > 4 here.)
const Tile = definePrimitive<{ reps: number[]; padded: number[] }>({
  name: 'tile',
  saves: 'none',
  forward: ([x], { reps, padded }) => tf.tile(tf.reshape(x!, padded), reps),
  backward: (dy, { inputShapes }, { reps, padded }) => {
    let g = dy;
    reps.forEach((r, i) => {
      if (r === 1) return;
      const [pre, , post] = view3(g.shape, i);
      const summed = tf.sum(tf.reshape(g, [pre, r, padded[i]!, post]), 1); // (pre, d_i, post)
      g = tf.reshape(summed, g.shape.map((d, a) => (a === i ? padded[i]! : d)));
    });
    return [tf.reshape(g, [...inputShapes[0]!])];
  },
});

/**
 * Repeats the whole array reps[i] times along axis i (MXNet's tile): shorter reps are padded
 * with leading 1s, and a longer reps gives x leading axes of size 1.
 */
export function tile(x: NDArray, reps: readonly number[]): NDArray {
  expectArray('tile', 'x', x);
  const r = checkIntList('tile', 'reps', reps);
  if (r.some((k) => k < 1)) throw new ArgumentError(`tile: reps must be positive integers, got ${JSON.stringify(reps)}.`);
  const rank = Math.max(r.length, x.ndim);
  const padded = [...Array<number>(rank - x.ndim).fill(1), ...x.shape];
  const fullReps = [...Array<number>(rank - r.length).fill(1), ...r];
  checkAllocation('tile', padded.map((d, i) => d * fullReps[i]!));
  return apply(Tile, [x], { reps: fullReps, padded });
}

// ---- astype --------------------------------------------------------------------------

// float -> float: y = x, dL/dx = dL/dy. (Casts to int32 are piecewise constant: no gradient.)
const CastFloat = definePrimitive<{ dtype: DType }>({
  name: 'astype',
  saves: 'none',
  forward: ([x], { dtype }) => tf.cast(x!, dtype),
  backward: (dy) => [dy],
});
const CastInt = definePrimitive<{ dtype: DType }>({
  name: 'astype',
  forward: ([x], { dtype }) => tf.cast(x!, dtype),
});

/** A copy with another dtype ('float32' or 'int32'; float -> int truncates toward zero). */
export function astype(x: NDArray, dtype: DType): NDArray {
  expectArray('astype', 'x', x);
  if (dtype !== 'float32' && dtype !== 'int32') {
    throw new ArgumentError(`astype: dtype must be 'float32' or 'int32', got ${JSON.stringify(dtype)}. (float64 and float16 are not available on browser GPUs.)`);
  }
  return apply(dtype === 'float32' ? CastFloat : CastInt, [x], { dtype });
}

// ---- concat, stack, split ------------------------------------------------------------

// y = [x_1 x_2 ... x_n] along axis      dL/dx_i = the slice of dL/dy where x_i landed
const Concat = definePrimitive<{ axis: number }>({
  name: 'concat',
  saves: 'none',
  forward: (xs, { axis }) => tf.concat(xs as tf.Tensor[], axis),
  backward: (dy, { inputShapes }, { axis }) => {
    if (inputShapes.length === 1) return [tf.clone(dy)];
    return fastSplit(dy, inputShapes.map((s) => s[axis]!), axis);
  },
});

function checkArrayList(op: string, arrays: unknown): NDArray[] {
  if (!Array.isArray(arrays) || arrays.length === 0) {
    throw new ArgumentError(`${op}: expected one or more NDArrays, got ${Array.isArray(arrays) ? 'none' : describe(arrays)}.`);
  }
  arrays.forEach((a, i) => {
    if (!(a instanceof NDArray)) throw new ArgumentError(`${op}: argument ${i} must be an NDArray, got ${describe(a)}.`);
  });
  const list = arrays as NDArray[];
  const bad = list.findIndex((a) => a.dtype !== list[0]!.dtype);
  if (bad >= 0) {
    throw new ArgumentError(`${op}: argument ${bad} has dtype ${list[bad]!.dtype} but argument 0 has ${list[0]!.dtype}; convert with .astype('${list[0]!.dtype}').`);
  }
  return list;
}


/** Joins arrays along an existing axis (MXNet's default: dim = 1). All other dims must agree. */
export function concat(arrays: readonly NDArray[], options?: { dim?: number }): NDArray {
  const list = checkArrayList('concat', arrays);
  const o = checkOptions('concat', options, ['dim'], '{ dim: 0 }');
  const first = list[0]!.shape;
  const dim = o.dim ?? 1;
  if (!Number.isInteger(dim) || dim < -first.length || dim >= first.length) {
    throw new ArgumentError(
      `concat: dim ${String(dim)} is out of range for arrays with ${first.length} dimension(s) (shape ${fmtShape(first)}); ` +
        `use an integer in [${-first.length}, ${first.length - 1}]. Note that MXNet's concat joins along dim 1 by default: pass { dim: 0 } to stack rows.`,
    );
  }
  const axis = dim < 0 ? dim + first.length : dim;
  list.forEach((a, i) => {
    const s = a.shape;
    if (s.length !== first.length || s.some((d, k) => k !== axis && d !== first[k])) {
      throw new ShapeError(
        `concat: argument ${i} has shape ${fmtShape(s)} but argument 0 has shape ${fmtShape(first)}; ` +
          `along dim ${axis} they are joined, every other dimension must be equal.`,
      );
    }
  });
  return apply(Concat, list, { axis });
}

// y = the x_i stacked on a new axis     dL/dx_i = dL/dy unstacked along that axis
const Stack = definePrimitive<{ axis: number }>({
  name: 'stack',
  saves: 'none',
  forward: (xs, { axis }) => tf.stack(xs as tf.Tensor[], axis),
  backward: (dy, _s, { axis }) => fastUnstack(dy, axis),
});

/** Joins arrays of equal shape along a new axis (default 0). */
export function stack(arrays: readonly NDArray[], options?: { axis?: number }): NDArray {
  const list = checkArrayList('stack', arrays);
  const o = checkOptions('stack', options, ['axis'], '{ axis: 1 }');
  const first = list[0]!.shape;
  const axis = normAxis('stack', o.axis ?? 0, first.length + 1);
  list.forEach((a, i) => {
    if (a.shape.length !== first.length || a.shape.some((d, k) => d !== first[k])) {
      throw new ShapeError(`stack: argument ${i} has shape ${fmtShape(a.shape)} but argument 0 has shape ${fmtShape(first)}; stacked arrays must all have the same shape.`);
    }
  });
  return apply(Stack, list, { axis });
}

interface SliceAttrs {
  begin: number[];
  size: number[];
  outShape: number[];
}
// y = x[begin : begin + size] (reshaped)   dL/dx = dL/dy padded with zeros back to x's shape
const SliceBlock = definePrimitive<SliceAttrs>({
  name: 'slice',
  saves: 'none',
  forward: ([x], { begin, size, outShape }) => tf.reshape(fastSlice(x!, begin, size), outShape),
  backward: (dy, { inputShapes }, { begin, size }) => {
    let g = tf.reshape(dy, size);
    inputShapes[0]!.forEach((n, a) => {
      if (size[a] !== n) g = padAxis(g, a, begin[a]!, n - begin[a]! - size[a]!); // only the split axis
    });
    return [g];
  },
});

/**
 * MXNet's split: cuts x into `numOutputs` equal parts along `axis` (default 1). Always
 * returns a list (MXNet returns a bare array when numOutputs is 1). With squeezeAxis, each
 * part (which must then have size 1 along the axis) loses that axis.
 */
export function split(x: NDArray, numOutputs: number, options?: { axis?: number; squeezeAxis?: boolean }): NDArray[] {
  expectArray('split', 'x', x);
  const o = checkOptions('split', options, ['axis', 'squeezeAxis'], '{ axis: 0, squeezeAxis: false }');
  const shape = x.shape;
  const axis = normAxis('split', o.axis ?? 1, x.ndim);
  const n = shape[axis]!;
  if (!Number.isInteger(numOutputs) || numOutputs < 1) {
    throw new ArgumentError(`split: numOutputs must be a positive integer, got ${String(numOutputs)}.`);
  }
  if (n % numOutputs !== 0) {
    throw new ShapeError(`split: axis ${axis} of the array of shape ${fmtShape(shape)} has size ${n}, which does not divide into ${numOutputs} equal parts.`);
  }
  const part = n / numOutputs;
  if (o.squeezeAxis && part !== 1) {
    throw new ShapeError(`split: squeezeAxis needs parts of size 1 along axis ${axis}, i.e. numOutputs equal to ${n}, got numOutputs = ${numOutputs}.`);
  }
  const size = shape.map((d, a) => (a === axis ? part : d));
  const squeezed = o.squeezeAxis ? shape.filter((_, a) => a !== axis) : size;
  const outShape = squeezed.length === 0 ? [1] : squeezed;
  return Array.from({ length: numOutputs }, (_, k) =>
    apply(SliceBlock, [x], { begin: shape.map((_, a) => (a === axis ? k * part : 0)), size, outShape }),
  );
}
