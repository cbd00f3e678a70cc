/**
 * Indexing: NumPy-style get/set, take, pick, oneHot.
 *
 * An index component is an integer (negative counts from the end; removes the axis), a slice
 * string ':' / 'a:b' / 'a:b:c' / '::-1' (keeps the axis), '...' (as many ':' as needed), or an
 * integer index array (an NDArray or a plain number[]; gathers along that axis, like take).
 * Missing trailing components mean ':'. At most one component may be an index array.
 *
 * `x.get(...)` returns a copy — unlike MXNet's basic slices, which are views. To write into x,
 * use `x.set(v, ...index)`, which changes x in place and keeps its identity.
 */
import { tf, type Tensor } from '../../engine/tf';
import { ArgumentError, NDArrayError, ShapeError, fmtShape } from '../errors';
import { NDArray, type Nested, type Operand } from '../ndarray';
import { apply, definePrimitive } from '../primitive';
import { normAxis, shapesEqual, sizeOf } from '../shape-utils';
import { bool, checkOptions, oneOf } from '../options';
import { unbroadcast } from './broadcast-grad';
import { array as ndArray } from './creation';
import { scatterAddAlongAxis } from './gather-grad';
import { parseIndex, type IndexPlan, type IndexSpec } from './index-parse';
import { describe, expectArray } from './operand';
import { readRegion, scatterRegion } from './region';
import { gatherAxis, view3 } from './axis-view';
import { checkAllocation } from '../memory-guard';

export type { IndexSpec } from './index-parse';

const int = (v: number): Tensor => tf.scalar(v, 'int32');

/** Index values as int32 in [0, n): float indices are truncated; 'clip' clamps, 'wrap' wraps. */
function normalizeIndices(t: Tensor, n: number, mode: 'clip' | 'wrap' | 'numpy'): Tensor {
  return tf.tidy(() => {
    let i = t.dtype === 'int32' ? t : tf.cast(t, 'int32');
    if (mode === 'wrap') return tf.mod(i, int(n)); // floor-mod: non-negative for n > 0
    if (mode === 'numpy') i = tf.where(tf.less(i, int(0)), tf.add(i, int(n)), i); // -1 is the last
    // (tf.clipByValue gives wrong int32 results on WASM: use maximum/minimum with int32 scalars)
    return tf.minimum(tf.maximum(i, int(0)), int(Math.max(n - 1, 0)));
  });
}

/** The plan as attributes the tape may keep: without the reader's index array. */
function forTape(plan: IndexPlan): IndexPlan {
  return plan.array === null ? plan : { ...plan, array: { ...plan.array, list: null, array: null } };
}

/**
 * The int32 index tensor of the plan's index array, or null. A plain list was checked while
 * parsing; an NDArray's values cannot be read synchronously (WebGPU), so negative values count
 * from the end (NumPy) and out-of-range values are clipped to the axis.
 */
function indexArray(plan: IndexPlan): NDArray | null {
  const a = plan.array;
  if (a === null) return null;
  if (a.list !== null) return NDArray.fromTensor(tf.tensor(a.list, a.shape, 'int32'));
  return NDArray.fromTensor(normalizeIndices(a.array!.tensor, plan.inShape[a.axis]!, 'numpy'));
}

// ---- get -------------------------------------------------------------------------------

// y = x[index]      dL/dx = zeros of x's shape with dL/dy added where y was read
function getPrimitive(saves: 'none' | 'inputs') {
  return definePrimitive<IndexPlan>({
    name: 'get',
    saves,
    forward: ([x, idx], plan) => readRegion(x!, plan, idx ?? null),
    backward: (dy, { inputs }, plan) => [scatterRegion(dy, plan, plan.array === null ? null : inputs[1]!), null],
  });
}
const Get = getPrimitive('none');
const GetWithIndex = getPrimitive('inputs'); // keeps the index array for the scatter

/** x[index] as a new array (NumPy basic and one-array advanced indexing). */
export function getItem(x: NDArray, index: readonly IndexSpec[]): NDArray {
  expectArray('get', 'x', x);
  const plan = parseIndex('get', x.shape, index);
  const idx = indexArray(plan);
  try {
    return idx === null ? apply(Get, [x], plan) : apply(GetWithIndex, [x, idx], forTape(plan));
  } finally {
    idx?.dispose(); // the tape keeps its own reference
  }
}

// ---- set -------------------------------------------------------------------------------

interface SetAttrs {
  plan: IndexPlan;
  /** The value's shape without leading 1s beyond the region's rank. */
  vShape: number[];
}

/** The region as a boolean mask of x's shape. */
function regionMask(plan: IndexPlan, idx: Tensor | null): Tensor {
  return tf.greater(scatterRegion(tf.ones(plan.outShape), plan, idx), 0);
}

/** tf.where on flat views (WebGPU's Select fails above rank 4). */
function select(mask: Tensor, a: Tensor, b: Tensor): Tensor {
  return tf.reshape(tf.where(tf.reshape(mask, [-1]), tf.reshape(a, [-1]), tf.reshape(b, [-1])), b.shape);
}

// y = x with y[index] = v     dL/dx = dL/dy with the region zeroed,  dL/dv = dL/dy[index] summed over v's broadcast
function setPrimitive(saves: 'none' | 'inputs') {
  return definePrimitive<SetAttrs>({
    name: 'set',
    saves,
    forward: ([x, v, idx], { plan, vShape }) => {
      const region = tf.reshape(tf.broadcastTo(tf.reshape(tf.cast(v!, x!.dtype), vShape), plan.regionShape), plan.outShape);
      if (plan.isFull) return tf.reshape(region, plan.inShape);
      const i = idx ?? null;
      return select(regionMask(plan, i), scatterRegion(region, plan, i), x!);
    },
    backward: (dy, { inputs, inputShapes, needsGrad }, { plan, vShape }) => {
      const idx = plan.array === null ? null : inputs[2]!;
      let dx: Tensor | null = null;
      if (needsGrad[0]) dx = plan.isFull ? tf.zerosLike(dy) : select(regionMask(plan, idx), tf.zerosLike(dy), dy);
      let dv: Tensor | null = null;
      if (needsGrad[1]) {
        const region = tf.reshape(readRegion(dy, plan, idx), plan.regionShape);
        dv = tf.reshape(unbroadcast(region, vShape), [...inputShapes[1]!]);
      }
      return [dx, dv, null];
    },
  });
}
const SetRegion = setPrimitive('none');
const SetWithIndex = setPrimitive('inputs');

function describeIndex(index: readonly IndexSpec[]): string {
  if (index.length === 0) return ':';
  return index.map((c) => (c instanceof NDArray ? `<NDArray ${fmtShape(c.shape)}>` : typeof c === 'string' ? c : JSON.stringify(c))).join(', ');
}

/**
 * The value as an array (numbers and nested lists take x's dtype), and whether to free it.
 * A number is filled out to the region's shape at once: broadcasting a scalar runs
 * TensorFlow.js's Tile kernel, which on WASM copies element by element (measured ~40x slower
 * than Fill; `init.Zero()` on a 100-million-weight layer took minutes).
 */
function valueArray(value: Operand | Nested, x: NDArray, plan: IndexPlan): [NDArray, boolean] {
  if (value instanceof NDArray) return [value, false];
  if (typeof value === 'number') {
    // int32 arrays take ToInt32 of the number (7.9 -> 7, as Int32Array and tf.scalar do); WebGL's
    // fill would round it in its shader (7.9 -> 8, measured).
    const filled = x.dtype === 'int32' ? value | 0 : value;
    return [NDArray.fromTensor(tf.fill(plan.regionShape, filled, x.dtype)), true];
  }
  if (Array.isArray(value)) {
    try {
      return [ndArray(value, { dtype: x.dtype }), true];
    } catch (e) {
      // nd.array's message (ragged lists...) under the name the reader called
      if (e instanceof NDArrayError) throw new (e.constructor as new (m: string) => NDArrayError)(`set: the value is not an array: ${e.message}`);
      throw e;
    }
  }
  throw new ArgumentError(`set: the value must be a number, an NDArray or nested lists of numbers, got ${describe(value)}.`);
}

/** NumPy's rule for assignment: v broadcasts to the region (extra leading 1s in v are fine). */
function fitValue(vFull: readonly number[], plan: IndexPlan, index: readonly IndexSpec[]): number[] {
  const region = plan.regionShape;
  let v = [...vFull];
  while (v.length > region.length && v[0] === 1) v = v.slice(1);
  const lead = region.length - v.length;
  if (lead < 0 || v.some((d, i) => d !== 1 && d !== region[lead + i])) {
    throw new ShapeError(
      `set: a value of shape ${fmtShape(vFull)} cannot be broadcast to the region x[${describeIndex(index)}] of shape ${fmtShape(region)} ` +
        `(x has shape ${fmtShape(plan.inShape)}). The value's dimensions, aligned from the right, must equal the region's or be 1; ` +
        `reshape the value or change the index.`,
    );
  }
  return v;
}

/**
 * x[index] = v, in place: x keeps its identity (same object), its attached gradient buffer,
 * and — outside autograd.record — no history. Inside record the write is recorded: the
 * gradient flows to v through the region and to x's old value everywhere else.
 * With a repeated index in an index array, the written values add up (NumPy keeps the last).
 */
export function setItem(x: NDArray, value: Operand | Nested, index: readonly IndexSpec[]): void {
  expectArray('set', 'x', x);
  const plan = parseIndex('set', x.shape, index);
  const [v, temporary] = valueArray(value, x, plan);
  let idx: NDArray | null = null;
  try {
    const vShape = fitValue(v.shape, plan, index);
    if (plan.isEmpty) return; // nothing selected: nothing to write
    idx = indexArray(plan);
    const attrs = { plan: forTape(plan), vShape };
    const result = idx === null ? apply(SetRegion, [x, v], attrs) : apply(SetWithIndex, [x, v, idx], attrs);
    x.assignResult(result);
    result.dispose();
  } finally {
    idx?.dispose();
    if (temporary) v.dispose();
  }
}

// ---- take ------------------------------------------------------------------------------

// y = x gathered along axis at idx      dL/dx = scatter-add of dL/dy at idx (repeats add)
const Take = definePrimitive<{ axis: number; n: number }>({
  name: 'take',
  forward: ([x, idx], { axis }) => gatherAxis(x!, idx!, axis),
  backward: (dy, { inputs: [, idx] }, { axis, n }) => [scatterAddAlongAxis(dy, idx!, axis, n), null],
});

function indexInput(op: string, name: string, v: NDArray | number[]): NDArray {
  if (v instanceof NDArray) return v;
  if (Array.isArray(v) && v.every((k) => typeof k === 'number')) return NDArray.fromTensor(tf.tensor(v, [v.length], 'float32'));
  throw new ArgumentError(`${op}: ${name} must be an NDArray or a list of integers, got ${describe(v)}.`);
}

/**
 * MXNet's take: the slices of x along `axis` (default 0) at `indices`; the result has shape
 * x.shape[:axis] + indices.shape + x.shape[axis+1:]. Indices may be float (MXNet's habit);
 * out-of-range ones are clamped ('clip', default) or wrapped ('wrap').
 */
export function take(x: NDArray, indices: NDArray | number[], options?: { axis?: number; mode?: 'clip' | 'wrap' }): NDArray {
  expectArray('take', 'x', x);
  const o = checkOptions('take', options, ['axis', 'mode'], "{ axis: 0, mode: 'clip' }");
  const axis = normAxis('take', o.axis ?? 0, x.ndim);
  const mode = oneOf('take', 'mode', o.mode, ['clip', 'wrap'] as const, 'clip');
  const n = x.shape[axis]!;
  if (n === 0) throw new ShapeError(`take: axis ${axis} of the array of shape ${fmtShape(x.shape)} is empty; there is nothing to take.`);
  const given = indexInput('take', 'indices', indices);
  const idx = NDArray.fromTensor(normalizeIndices(given.tensor, n, mode));
  try {
    return apply(Take, [x, idx], { axis, n });
  } finally {
    idx.dispose();
    if (given !== indices) given.dispose();
  }
}

// ---- pick ------------------------------------------------------------------------------

interface PickAttrs {
  /** x as a rank-3 view (pre, n, post) around the picked axis. */
  view: [number, number, number];
  outShape: number[];
}

// With x seen as (pre, n, post) and rows r = (p, q):  y_r = x[p, idx_r, q]
// dL/dx[p, j, q] = dL/dy_r if j = idx_r else 0: a one-hot mask times dL/dy.
// (A gather, not sum(x * mask): other entries never enter y, so -inf elsewhere gives no NaN.)
const Pick = definePrimitive<PickAttrs>({
  name: 'pick',
  forward: ([x, idx], { view: [pre, n, post], outShape }) => {
    const rows = tf.reshape(tf.transpose(tf.reshape(x!, [pre, n, post]), [0, 2, 1]), [-1]); // (pre, post, n) flat
    const flatPos = tf.add(tf.mul(tf.range(0, pre * post, 1, 'int32'), int(n)), tf.reshape(idx!, [pre * post])); // r * n + idx_r
    return tf.reshape(tf.gather(rows, flatPos), outShape);
  },
  backward: (dy, { inputs: [, idx], inputShapes }, { view: [pre, n, post] }) => {
    // An axis of length 1: every row picked its only entry, so dL/dx = dL/dy (tf.oneHot refuses depth 1).
    if (n === 1) return [tf.reshape(dy, [...inputShapes[0]!]), null];
    const hot = tf.cast(tf.oneHot(tf.reshape(idx!, [pre * post]), n), 'float32'); // (rows, n); see OneHot below for the cast
    const g = tf.reshape(tf.mul(hot, tf.reshape(dy, [pre * post, 1])), [pre, post, n]);
    return [tf.reshape(tf.transpose(g, [0, 2, 1]), [...inputShapes[0]!]), null];
  },
});

/**
 * MXNet's pick: along `axis` (default -1), the element at index[...] for every other position;
 * `x.pick(y)` with x (batch, classes) and labels y (batch,) gives each row's entry at its
 * label. index has x's shape without `axis` (or with it as size 1); out-of-range values are
 * clipped (mode 'clip', default) or wrapped (mode 'wrap'). The result drops `axis` unless keepDims.
 */
export function pick(x: NDArray, index: NDArray | number[], options?: { axis?: number; keepDims?: boolean; mode?: 'clip' | 'wrap' }): NDArray {
  expectArray('pick', 'x', x);
  const o = checkOptions('pick', options, ['axis', 'keepDims', 'mode'], '{ axis: 1, keepDims: false }');
  const mode = oneOf('pick', 'mode', o.mode, ['clip', 'wrap'] as const, 'clip');
  const keepDims = bool('pick', 'keepDims', o.keepDims, false);
  const shape = x.shape;
  const axis = normAxis('pick', o.axis ?? -1, x.ndim);
  const n = shape[axis]!;
  if (n === 0) throw new ShapeError(`pick: axis ${axis} of the array of shape ${fmtShape(shape)} is empty; there is nothing to pick.`);
  const rest = shape.filter((_, a) => a !== axis);
  const kept = shape.map((d, a) => (a === axis ? 1 : d));
  const given = indexInput('pick', 'index', index);
  const s = given.shape;
  const same = (a: readonly number[]): boolean => shapesEqual(a, s);
  if (!(same(rest) || same(kept) || (rest.length === 0 && sizeOf(s) === 1))) {
    if (given !== index) given.dispose();
    throw new ShapeError(
      `pick: index has shape ${fmtShape(s)} but x has shape ${fmtShape(shape)}; picking along axis ${axis} needs an index of shape ` +
        `${fmtShape(rest.length === 0 ? [1] : rest)} (x's shape without axis ${axis}) or ${fmtShape(kept)}.`,
    );
  }
  const idx = NDArray.fromTensor(normalizeIndices(given.tensor, n, mode));
  const outShape = keepDims ? kept : rest.length === 0 ? [1] : rest;
  try {
    return apply(Pick, [x, idx], { view: view3(shape, axis), outShape });
  } finally {
    idx.dispose();
    if (given !== index) given.dispose();
  }
}

// ---- oneHot ----------------------------------------------------------------------------

// Indices are integers: no gradient.
// (The WASM OneHot kernel ignores its dtype and writes int32 bits: build 0/1 as int32 and cast.)
const OneHot = definePrimitive<{ depth: number; onValue: number; offValue: number }>({
  name: 'oneHot',
  forward: ([i], { depth, onValue, offValue }) => {
    const hot = tf.cast(tf.oneHot(tf.cast(i!, 'int32'), depth), 'float32'); // (..., depth) of 0/1
    return onValue === 1 && offValue === 0 ? hot : tf.add(tf.mul(hot, onValue - offValue), offValue);
  },
});

/**
 * One-hot rows: shape indices.shape + [depth], float32, onValue at each index and offValue
 * elsewhere (an index outside [0, depth) gives a row of offValue, as MXNet).
 */
export function oneHot(indices: NDArray, depth: number, options?: { onValue?: number; offValue?: number }): NDArray {
  const i = indexInput('oneHot', 'indices', indices);
  if (!Number.isInteger(depth) || depth < 1) throw new ArgumentError(`oneHot: depth must be a positive integer, got ${String(depth)}.`);
  const o = checkOptions('oneHot', options, ['onValue', 'offValue'], '{ onValue: 1, offValue: 0 }');
  const onValue = o.onValue ?? 1;
  const offValue = o.offValue ?? 0;
  if (typeof onValue !== 'number' || typeof offValue !== 'number') {
    throw new ArgumentError(`oneHot: onValue and offValue must be numbers, got ${describe(onValue)} and ${describe(offValue)}.`);
  }
  checkAllocation('oneHot', [...i.shape, depth]);
  try {
    return apply(OneHot, [i], { depth, onValue, offValue });
  } finally {
    if (i !== indices) i.dispose();
  }
}
