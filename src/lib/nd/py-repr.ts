/**
 * Python's repr of small values, as MXNet prints them: shapes in error messages, and the
 * arguments in Gluon's layer reprs (`Conv2D(None -> 6, kernel_size=(5, 5), ...)`).
 */

/** Python's repr of a tuple of ints: (5, 5), (1,), (). */
export function pyTuple(xs: readonly number[]): string {
  return `(${xs.join(', ')}${xs.length === 1 ? ',' : ''})`;
}

/** Python's repr of a bool. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** Python's repr of a float, as Gluon prints `w=1.0`; null is None. */
export function pyFloat(v: number | null): string {
  if (v === null) return 'None';
  const a = Math.abs(v);
  // Python switches to exponent notation below 1e-4 and from 1e16, with two exponent digits.
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) return v.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}
