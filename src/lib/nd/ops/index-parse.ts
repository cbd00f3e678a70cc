/**
 * NumPy-style index parsing (pure: shapes and numbers, no tensors). Turns the components a
 * reader passes to `x.get(...)` / `x.set(v, ...)` into a plan that region.ts executes:
 *
 *   1. a strided slice with positive steps (integers are slices of length 1),
 *   2. a reverse of the axes with negative steps,
 *   3. a reshape that drops the integer-indexed axes,
 *   4. a gather along the one axis indexed by an array (if any),
 *   5. NumPy's rule for separated advanced indices: the gathered dims move to the front.
 */
import { ArgumentError, fmtShape } from '../errors';
import { NDArray } from '../ndarray';
import { sizeOf, type Shape } from '../shape-utils';

export type IndexSpec = number | string | number[] | NDArray;

/** The one axis indexed by an integer array. */
export interface ArrayIndex {
  /** The axis of x it indexes. */
  axis: number;
  /** That axis's position once the integer-indexed axes are dropped (where the gather runs). */
  gatherAxis: number;
  /** The index array's shape (its dims replace the indexed axis in the result). */
  shape: number[];
  /** Checked, non-negative indices for a plain list; null for an NDArray (see `array`). */
  list: number[] | null;
  /** The NDArray index (values wrapped and clipped at run time: they cannot be read synchronously). */
  array: NDArray | null;
}

export interface IndexPlan {
  inShape: number[];
  /** Per axis of x, the selected elements in ascending order: begin + k * stride, k < count. */
  begin: number[];
  stride: number[];
  count: number[];
  /** Axes whose step was negative: the selection is reversed along them. */
  reversed: boolean[];
  /** Axes indexed by an integer (removed from the result). */
  intAxes: boolean[];
  array: ArrayIndex | null;
  /** The result's shape before the final reshape (after the gather and any move to front). */
  gatheredShape: number[];
  /** NumPy's rule for separated advanced indices: the gathered dims move to the front. */
  toFront: boolean;
  /** The selection's true NumPy shape (0-d when every axis got an integer). */
  regionShape: number[];
  /** The result's shape: regionShape, or (1,) for a 0-d selection (MXNet has no 0-d arrays). */
  outShape: number[];
  /** The index selects every element in order (x.get() or only ':'). */
  isFull: boolean;
  /** The selection is empty (some count is 0). */
  isEmpty: boolean;
}

/** One component, normalized against its axis. */
type Component =
  | { kind: 'int'; index: number }
  | { kind: 'slice'; start: number; step: number; count: number }
  | { kind: 'array'; list: number[] | null; array: NDArray | null; shape: number[] };

const SLICE = /^\s*([+-]?\d+)?\s*:\s*([+-]?\d+)?\s*(?::\s*([+-]?\d+)?\s*)?$/;

function describeIndex(index: readonly IndexSpec[]): string {
  return index.map((c) => (c instanceof NDArray ? `NDArray${fmtShape(c.shape)}` : JSON.stringify(c))).join(', ');
}

/** Python's slice.indices(n): the first element, the step and how many elements. */
export function resolveSlice(op: string, text: string, axis: number, n: number): { start: number; step: number; count: number } {
  const m = SLICE.exec(text);
  if (m === null) {
    throw new ArgumentError(
      `${op}: '${text}' (for axis ${axis}) is not a valid slice. Use 'start:stop' or 'start:stop:step' with integers, ` +
        `any of them may be omitted: ':', '1:', ':3', '1:5:2', '::-1'. For a single element pass a number, not a string.`,
    );
  }
  const step = m[3] === undefined ? 1 : Number(m[3]);
  if (step === 0) throw new ArgumentError(`${op}: the slice '${text}' for axis ${axis} has step 0; a step must be a nonzero integer.`);
  const norm = (v: string | undefined, dflt: number, lo: number, hi: number): number => {
    if (v === undefined) return dflt;
    let k = Number(v);
    if (k < 0) k += n;
    return Math.min(Math.max(k, lo), hi);
  };
  if (step > 0) {
    const start = norm(m[1], 0, 0, n);
    const stop = norm(m[2], n, 0, n);
    return { start, step, count: Math.max(0, Math.ceil((stop - start) / step)) };
  }
  const start = norm(m[1], n - 1, -1, n - 1);
  const stop = norm(m[2], -1, -1, n - 1);
  return { start, step, count: Math.max(0, Math.ceil((stop - start) / step)) };
}

function checkInt(op: string, i: number, axis: number, n: number, shape: Shape): number {
  if (!Number.isInteger(i)) {
    throw new ArgumentError(`${op}: index ${i} for axis ${axis} is not an integer; use an integer, a slice string like '1:3', or an integer list.`);
  }
  if (i < -n || i >= n) {
    throw new ArgumentError(
      `${op}: index ${i} is out of range for axis ${axis} with size ${n} (array shape ${fmtShape(shape)}); valid indices are ${-n} to ${n - 1}.`,
    );
  }
  return i < 0 ? i + n : i;
}

function parseComponent(op: string, c: IndexSpec, axis: number, shape: Shape): Component {
  const n = shape[axis]!;
  if (typeof c === 'number') return { kind: 'int', index: checkInt(op, c, axis, n, shape) };
  if (typeof c === 'string') return { kind: 'slice', ...resolveSlice(op, c, axis, n) };
  if (Array.isArray(c)) {
    if (!c.every((v) => typeof v === 'number')) {
      throw new ArgumentError(`${op}: an index list for axis ${axis} must be a flat list of integers, got ${JSON.stringify(c)}. For a multi-dimensional index use nd.array(...).`);
    }
    return { kind: 'array', list: c.map((v) => checkInt(op, v, axis, n, shape)), array: null, shape: [c.length] };
  }
  if (c instanceof NDArray) return { kind: 'array', list: null, array: c, shape: c.shape };
  throw new ArgumentError(
    `${op}: index component ${axis} is ${c === null ? 'null' : typeof c}; use an integer, a slice string (':', '1:3', '::-1'), an integer list or an NDArray of indices.`,
  );
}

/** Expands '...' (at most one) into as many ':' as the shape needs. */
function expandEllipsis(op: string, index: readonly IndexSpec[], ndim: number): IndexSpec[] {
  const at = index.findIndex((c) => typeof c === 'string' && c.trim() === '...');
  if (at < 0) return [...index];
  if (index.findIndex((c, i) => i > at && typeof c === 'string' && c.trim() === '...') >= 0) {
    throw new ArgumentError(`${op}: an index can contain at most one '...'.`);
  }
  const fill = Math.max(0, ndim - (index.length - 1));
  return [...index.slice(0, at), ...Array<string>(fill).fill(':'), ...index.slice(at + 1)];
}

/** Parses the index of `op` ('get' or 'set') against an array of shape `shape`. */
export function parseIndex(op: string, shape: Shape, rawIndex: readonly IndexSpec[]): IndexPlan {
  const index = expandEllipsis(op, rawIndex, shape.length);
  if (index.length > shape.length) {
    throw new ArgumentError(
      `${op}: ${index.length} index components (${describeIndex(rawIndex)}) for an array of shape ${fmtShape(shape)} with ${shape.length} dimension(s); ` +
        `give at most one component per axis.`,
    );
  }
  const comps: Component[] = shape.map((_, axis) =>
    axis < index.length ? parseComponent(op, index[axis]!, axis, shape) : { kind: 'slice', start: 0, step: 1, count: shape[axis]! },
  );
  const arrayAxes = comps.flatMap((c, axis) => (c.kind === 'array' ? [axis] : []));
  if (arrayAxes.length > 1) {
    throw new ArgumentError(
      `${op}: only one index array is supported, got ${arrayAxes.length} (on axes ${arrayAxes.join(', ')}). ` +
        `Index one axis at a time (e.g. x.get([0, 1]).get(':', [2, 3])), or use x.take / x.pick.`,
    );
  }

  const begin: number[] = [];
  const stride: number[] = [];
  const count: number[] = [];
  const reversed: boolean[] = [];
  const intAxes: boolean[] = [];
  comps.forEach((c, axis) => {
    const n = shape[axis]!;
    if (c.kind === 'int') {
      begin.push(c.index), stride.push(1), count.push(1), reversed.push(false), intAxes.push(true);
    } else if (c.kind === 'array') {
      begin.push(0), stride.push(1), count.push(n), reversed.push(false), intAxes.push(false);
    } else {
      const rev = c.step < 0 && c.count > 1;
      // a negative step visits start, start-|s|, ...: the same elements as the ascending slice from the last one
      const first = c.step < 0 ? c.start + (c.count - 1) * c.step : c.start;
      begin.push(c.count === 0 ? 0 : first), stride.push(Math.abs(c.step)), count.push(c.count), reversed.push(rev), intAxes.push(false);
    }
  });

  const squeezed = count.filter((_, a) => !intAxes[a]);
  let array: ArrayIndex | null = null;
  let gatheredShape = squeezed;
  let toFront = false;
  if (arrayAxes.length === 1) {
    const axis = arrayAxes[0]!;
    const c = comps[axis] as Extract<Component, { kind: 'array' }>;
    const gatherAxis = intAxes.slice(0, axis).filter((b) => !b).length;
    array = { axis, gatherAxis, shape: c.shape, list: c.list, array: c.array };
    gatheredShape = [...squeezed.slice(0, gatherAxis), ...c.shape, ...squeezed.slice(gatherAxis + 1)];
    // NumPy: integers are advanced indices too; when a slice separates them from the array,
    // the broadcast index dims go first instead of in place.
    const advanced = comps.flatMap((k, a) => (k.kind !== 'slice' ? [a] : []));
    const contiguous = advanced[advanced.length - 1]! - advanced[0]! === advanced.length - 1;
    if (!contiguous && gatherAxis > 0) {
      toFront = true;
      const r = c.shape.length;
      gatheredShape = [...gatheredShape.slice(gatherAxis, gatherAxis + r), ...gatheredShape.slice(0, gatherAxis), ...gatheredShape.slice(gatherAxis + r)];
    }
  }
  const regionShape = gatheredShape;
  const outShape = regionShape.length === 0 ? [1] : regionShape;
  const isFull = comps.every((c, a) => c.kind === 'slice' && c.step === 1 && c.count === shape[a]);
  const isEmpty = sizeOf(outShape) === 0 || sizeOf(shape) === 0;
  return { inShape: [...shape], begin, stride, count, reversed, intAxes, array, gatheredShape, toFront, regionShape, outShape, isFull, isEmpty };
}
