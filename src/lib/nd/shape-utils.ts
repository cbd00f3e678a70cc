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
 * MXNet's reshape codes, read left to right against the input's dimensions:
 *   0  copies the next input dimension;          -1 infers one dimension from the size;
 *   -2 copies all remaining input dimensions;    -3 merges the next two input dimensions;
 *   -4 splits the next input dimension into the two numbers that follow (one may be -1).
 * So x.reshape([0, -1]) flattens all but the first axis, (2, 3, 4) -> [-3, 4] is (6, 4),
 * (2, 3, 4) -> [-4, 1, 2, -2] is (1, 2, 3, 4), (2, 3, 4) -> [2, -2] is (2, 3, 4).
 */
export function resolveReshape(op: string, from: Shape, to: Shape): number[] {
  const bad = (why: string): ShapeError =>
    new ShapeError(`${op}: cannot reshape ${fmtShape(from)} into ${fmtShape(to)}: ${why}. Codes: 0 copy, -1 infer, -2 copy the rest, -3 merge two, -4 split one into the next two numbers.`);
  const out: number[] = [];
  let src = 0;
  let inferAt = -1;
  const next = (code: number): number => {
    if (src >= from.length) throw bad(`${code} at this place refers to input dimension ${src}, but the input has only ${from.length}`);
    return from[src++]!;
  };
  for (let i = 0; i < to.length; i++) {
    const v = to[i]!;
    if (!Number.isInteger(v) || v < -4) throw bad(`${v} is not a dimension or a code`);
    if (v === 0) out.push(next(0));
    else if (v === -1) {
      if (inferAt !== -1) throw bad('at most one -1 is allowed');
      inferAt = out.length;
      out.push(-1);
      if (src < from.length) src++;
    } else if (v === -2) {
      while (src < from.length) out.push(from[src++]!);
    } else if (v === -3) {
      const a = next(-3);
      out.push(a * next(-3));
    } else if (v === -4) {
      if (i + 2 >= to.length) throw bad('-4 must be followed by the two dimensions to split into');
      const d = next(-4);
      let d0 = to[i + 1]!;
      let d1 = to[i + 2]!;
      i += 2;
      if (d0 === -1 && d1 === -1) throw bad('-4 splits into two numbers of which at most one is -1');
      if (d0 === -1) d0 = d1 === 0 ? -1 : d / d1;
      if (d1 === -1) d1 = d0 === 0 ? -1 : d / d0;
      if (!Number.isInteger(d0) || !Number.isInteger(d1) || d0 < 0 || d1 < 0 || d0 * d1 !== d) throw bad(`-4 cannot split dimension ${d} into (${to[i - 1]}, ${to[i]})`);
      out.push(d0, d1);
    } else {
      out.push(v);
      src++;
    }
  }
  const total = sizeOf(from);
  if (inferAt !== -1) {
    const known = out.reduce((p, d, k) => (k === inferAt ? p : p * d), 1);
    if (known === 0 || total % known !== 0) throw bad(`the input's size ${total} is not divisible by ${known}, so -1 cannot be inferred`);
    out[inferAt] = total / known;
  }
  if (sizeOf(out) !== total) throw bad(`size ${total} into ${fmtShape(out)} of size ${sizeOf(out)}: the sizes must match`);
  return out;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Whether `full` completes `partial`: the same rank, and equal wherever `partial` is known (0 = unknown). */
export function completesShape(partial: Shape, full: Shape): boolean {
  return partial.length === full.length && partial.every((d, i) => d === 0 || d === full[i]);
}

/** Whether two parameter shapes can be the same array: equal rank, dims equal where both are known (0 = unknown). */
export function shapesCompatible(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === 0 || b[i] === 0 || d === b[i]);
}
