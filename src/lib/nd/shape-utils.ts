/** Pure helpers on shapes (no tensors). */
import { ArgumentError, ShapeError, fmtShape } from './errors';

export type Shape = readonly number[];

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * NumPy broadcasting: align shapes on the right; each pair of dimensions must be equal or
 * one of them 1. Returns the broadcast shape, or throws naming the op and both shapes.
 */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `${op}: shapes ${fmtShape(a)} and ${fmtShape(b)} cannot be broadcast together: ` +
          `aligned from the right, dimension ${i} is ${da} in one and ${db} in the other, ` +
          `and broadcasting needs them equal or one of them 1. ` +
          `Reshape one operand (e.g. x.reshape([-1, 1])) or check the arguments' order.`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Normalizes an axis argument (negative counts from the end) for an array of `ndim` dims. */
export function normAxis(op: string, axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= Math.max(ndim, 1)) {
    throw new ArgumentError(
      `${op}: axis ${axis} is out of range for an array with ${ndim} dimension(s); ` +
        `use an integer in [${-ndim}, ${ndim - 1}].`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}

export function normAxes(op: string, axis: number | readonly number[] | undefined, ndim: number): number[] {
  if (axis === undefined) return [...Array(ndim).keys()];
  if (typeof axis !== 'number' && !Array.isArray(axis)) {
    throw new ArgumentError(`${op}: axis must be an integer or a list of integers, got ${JSON.stringify(axis) ?? typeof axis}.`);
  }
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = list.map((a) => normAxis(op, a, ndim));
  if (new Set(out).size !== out.length) {
    throw new ArgumentError(`${op}: axis ${JSON.stringify(axis)} names the same axis twice.`);
  }
  return out;
}

/**
 * MXNet's reshape codes: -1 infers one dimension from the size, 0 copies the input's
 * dimension at that position (so x.reshape([0, -1]) flattens all but the first axis).
 */
export function resolveReshape(op: string, from: Shape, to: Shape): number[] {
  const out = to.map((d, i) => {
    if (d === 0) {
      if (i >= from.length) {
        throw new ShapeError(`${op}: 0 at position ${i} copies the input's dimension ${i}, but the input ${fmtShape(from)} has only ${from.length}.`);
      }
      return from[i]!;
    }
    return d;
  });
  const unknown = out.filter((d) => d === -1).length;
  if (unknown > 1) throw new ShapeError(`${op}: at most one -1 is allowed in ${fmtShape(to)}.`);
  if (out.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new ShapeError(`${op}: ${fmtShape(to)} is not a valid shape: dimensions are non-negative integers, -1 (infer) or 0 (copy).`);
  }
  const total = sizeOf(from);
  if (unknown === 1) {
    const known = out.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
    if (known === 0 || total % known !== 0) {
      throw new ShapeError(`${op}: cannot reshape an array of shape ${fmtShape(from)} (size ${total}) into ${fmtShape(to)}: ${total} is not divisible by ${known}.`);
    }
    out[out.indexOf(-1)] = total / known;
  }
  if (sizeOf(out) !== total) {
    throw new ShapeError(`${op}: cannot reshape an array of shape ${fmtShape(from)} (size ${total}) into ${fmtShape(out)} (size ${sizeOf(out)}): the sizes must match.`);
  }
  return out;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
