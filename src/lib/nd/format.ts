/**
 * MXNet's text form of an NDArray: NumPy's `str()` of the values (MXNet's __repr__ prints
 * `str(self.asnumpy())`), then the `<NDArray 2x3 @webgpu(0)>` line.
 *
 * The values part follows NumPy's array2string with its default print options (precision 8,
 * floatmode 'maxprec', threshold 1000, edgeitems 3, linewidth 75, separator ' '), character for
 * character: numpy/_core/arrayprint.py (FloatingFormat, IntegerFormat, _formatArray) and the
 * float32 Dragon4 digit generator of numpy/_core/src/multiarray/dragon4.c are ported below.
 * test/unit/golden/format-cases.json holds NumPy's output for the cases the tests compare.
 *
 * The reference is NumPy 2.2+ (goldens made with 2.4): it switches float32 arrays to scientific
 * notation from 1e6 on, where the NumPy 1.x that MXNet 1.x ran with waited until 1e8.
 */

const PRECISION = 8;
const THRESHOLD = 1000; // more elements than this are summarized
const EDGE_ITEMS = 3; // items kept at each end of a summarized axis
const LINE_WIDTH = 75;

export function formatArray(values: ArrayLike<number>, shape: readonly number[], dtype: 'float32' | 'int32', device: string): string {
  return `${arrayToString(values, shape, dtype)}\n<NDArray ${shape.join('x')} @${device}>`;
}

/** NumPy's `str(array)` for a row-major buffer of the given shape. */
export function arrayToString(values: ArrayLike<number>, shape: readonly number[], dtype: 'float32' | 'int32'): string {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size === 0) return '[]';
  const summarize = size > THRESHOLD;
  // Only the items that will be printed decide the widths (NumPy's _leading_trailing), so a
  // summarized 1000x1000 array reads 36 values, not a million.
  const shown = shownItems(values, shape, summarize);
  const formatItem = dtype === 'int32' ? integerFormat(shown) : float32Item(floatFormat(shown.map(Math.fround)));
  if (shape.length === 0) return formatItem(values[0]); // MXNet has no 0-d arrays; kept total
  return nest(values, shape, formatItem, summarize);
}

/** Plain-number inputs are read as the float32 values they stand for. */
function float32Item(format: (v: number) => string): (v: number) => string {
  return (v) => format(Math.fround(v));
}

const maxOf = (xs: readonly number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
const minOf = (xs: readonly number[]) => xs.reduce((a, b) => Math.min(a, b), Infinity);

// ---------------------------------------------------------------------------------------------
// Layout: brackets, separators, line wrapping and '...' (NumPy's _formatArray, legacy=False).

function nest(values: ArrayLike<number>, shape: readonly number[], formatItem: (v: number) => string, summarize: boolean): string {
  const strides = rowMajorStrides(shape);

  const recurse = (offset: number, axis: number, hangingIndent: string, width: number): string => {
    const axesLeft = shape.length - axis;
    if (axesLeft === 0) return formatItem(values[offset]);

    // Children sit one column further right (after this '[') and lose one column to our ']'.
    const childIndent = hangingIndent + ' ';
    const childWidth = width - 1;
    const child = (i: number) => recurse(offset + i * strides[axis], axis + 1, childIndent, childWidth);

    const n = shape[axis];
    const showSummary = summarize && 2 * EDGE_ITEMS < n;
    const leading = showSummary ? EDGE_ITEMS : 0;
    const trailingFrom = showSummary ? n - EDGE_ITEMS : 0; // first index of the trailing run

    let s = '';
    if (axesLeft === 1) {
      // Innermost axis: items separated by ' ', wrapped to fit the width (less room for ']').
      const itemWidth = width - 1;
      let line = hangingIndent;
      const extend = (word: string) => {
        // Wrap only when it helps: a line holding just the indent takes the word anyway.
        if (line.length + word.length > itemWidth && line.length > hangingIndent.length) {
          s += line.trimEnd() + '\n';
          line = hangingIndent;
        }
        line += word;
      };
      for (let i = 0; i < leading; i++) {
        extend(child(i));
        line += ' ';
      }
      if (showSummary) {
        extend('...');
        line += ' ';
      }
      for (let i = trailingFrom; i < n - 1; i++) {
        extend(child(i));
        line += ' ';
      }
      extend(child(n - 1));
      s += line;
    } else {
      // Outer axes: one row per line, and one more blank line per extra level (3-D blocks).
      const lineSep = '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + child(i) + lineSep;
      if (showSummary) s += hangingIndent + '...' + lineSep;
      for (let i = trailingFrom; i < n - 1; i++) s += hangingIndent + child(i) + lineSep;
      s += hangingIndent + child(n - 1);
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  };

  return recurse(0, 0, ' ', LINE_WIDTH);
}

function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis];
  }
  return strides;
}

/** The values that will be printed: all, or the first/last EDGE_ITEMS along each long axis. */
function shownItems(values: ArrayLike<number>, shape: readonly number[], summarize: boolean): number[] {
  const strides = rowMajorStrides(shape);
  const indices = shape.map((n) => {
    if (!summarize || n <= 2 * EDGE_ITEMS) return Array.from({ length: n }, (_, i) => i);
    return [...Array.from({ length: EDGE_ITEMS }, (_, i) => i), ...Array.from({ length: EDGE_ITEMS }, (_, i) => n - EDGE_ITEMS + i)];
  });
  const out: number[] = [];
  const walk = (axis: number, offset: number) => {
    if (axis === shape.length) {
      out.push(values[offset]);
      return;
    }
    for (const i of indices[axis]) walk(axis + 1, offset + i * strides[axis]);
  };
  walk(0, 0);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Item formats: every item of an array gets the same width (NumPy's IntegerFormat and
// FloatingFormat.fillFormat / __call__).

function integerFormat(shown: readonly number[]): (v: number) => string {
  const width = Math.max(String(maxOf(shown)).length, String(minOf(shown)).length);
  return (v) => String(v).padStart(width, ' ');
}

interface PositionalOptions { precision: number; minDigits: number; trim: Trim; padLeft: number; padRight: number }
interface ScientificOptions { precision: number; minDigits: number; trim: Trim; padLeft: number; expDigits: number }
/** 'k' keeps trailing zeros (padding to minDigits); '.' trims them but keeps the point. */
type Trim = 'k' | '.';

function floatFormat(shown: readonly number[]): (v: number) => string {
  const finite = shown.filter(Number.isFinite);

  // Scientific notation when the nonzero magnitudes are too large, too small or too spread out.
  // NumPy 2.2+ cuts off large values at 10**min(8, finfo(float32).precision) = 1e6 for float32;
  // the comparisons run in float32 (NEP 50), hence fround(1e-4) and the float32 ratio.
  let expFormat = false;
  const absNonZero = finite.filter((v) => v !== 0).map(Math.abs);
  if (absNonZero.length > 0) {
    const max = maxOf(absNonZero);
    const min = minOf(absNonZero);
    expFormat = max >= 1e6 || min < Math.fround(1e-4) || Math.fround(max / min) > 1000;
  }

  // A first pass formats every finite value at full (unique) precision to learn the widths.
  let padLeft = 0;
  let padRight = 0;
  let scientificPrecision = 0;
  let expDigits = -1;
  if (finite.length > 0 && expFormat) {
    const parts = finite.map((v) => {
      const [mantissa, exponent] = formatScientific(v, { precision: PRECISION, minDigits: -1, trim: '.', padLeft: -1, expDigits: -1 }).split('e');
      const [int, frac] = mantissa.split('.');
      return { int, frac, exponent };
    });
    expDigits = maxOf(parts.map((p) => p.exponent.length)) - 1; // less the sign
    scientificPrecision = maxOf(parts.map((p) => p.frac.length));
    padLeft = maxOf(parts.map((p) => p.int.length));
    padRight = expDigits + 2 + scientificPrecision; // only used to size nan/inf
  } else if (finite.length > 0) {
    const parts = finite.map((v) => formatPositional(v, { precision: PRECISION, minDigits: -1, trim: '.', padLeft: -1, padRight: -1 }).split('.'));
    padLeft = maxOf(parts.map(([int]) => int.length));
    padRight = maxOf(parts.map(([, frac]) => frac.length));
  }
  // nan and inf are right-aligned to the full width, which they may widen.
  if (finite.length !== shown.length) {
    const negInf = shown.some((v) => v === -Infinity) ? 1 : 0;
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + negInf - (padRight + 1));
  }
  const width = padLeft + padRight + 1;

  // Then every item is printed to those widths; scientific items all get the same number of
  // digits, positional ones are padded with spaces after their shortest digits.
  const finiteItem = expFormat
    ? (v: number) => formatScientific(v, { precision: scientificPrecision, minDigits: scientificPrecision, trim: 'k', padLeft, expDigits })
    : (v: number) => formatPositional(v, { precision: PRECISION, minDigits: 0, trim: '.', padLeft, padRight });
  return (v) => {
    if (Number.isNaN(v)) return 'nan'.padStart(width, ' ');
    if (v === Infinity) return 'inf'.padStart(width, ' ');
    if (v === -Infinity) return '-inf'.padStart(width, ' ');
    return finiteItem(v);
  };
}

// ---------------------------------------------------------------------------------------------
// Float32 to decimal (NumPy's dragon4_positional / dragon4_scientific for float32 inputs).

/** 'ddd.ddd' with at most `precision` digits after the point, shortest that round-trips. */
function formatPositional(v: number, o: PositionalOptions): string {
  const negative = v < 0 || Object.is(v, -0);
  const { digits, exponent } = dragon4(Math.abs(v), { fractional: true, max: o.precision, min: o.minDigits });
  let whole: string;
  let frac: string;
  if (exponent >= 0) {
    whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    frac = digits.slice(exponent + 1);
  } else {
    whole = '0';
    frac = '0'.repeat(-exponent - 1) + digits;
  }
  frac = o.trim === 'k' ? frac.padEnd(Math.max(o.minDigits, 0), '0') : frac.replace(/0+$/, '');
  const sign = negative ? '-' : '';
  let s = sign + whole + '.' + frac;
  if (o.padRight >= frac.length) s += ' '.repeat(o.padRight - frac.length);
  return s.padStart(s.length + Math.max(0, o.padLeft - (whole.length + sign.length)), ' ');
}

/** 'd.ddde+XX' with at most precision+1 significant digits, shortest that round-trips. */
function formatScientific(v: number, o: ScientificOptions): string {
  const negative = v < 0 || Object.is(v, -0);
  const { digits, exponent } = dragon4(Math.abs(v), {
    fractional: false,
    max: o.precision < 0 ? -1 : o.precision + 1,
    min: o.minDigits < 0 ? -1 : o.minDigits + 1,
  });
  let frac = digits.slice(1);
  frac = o.trim === 'k' ? frac.padEnd(Math.max(o.minDigits, 0), '0') : frac.replace(/0+$/, '');
  const expDigits = o.expDigits < 0 ? 2 : Math.min(o.expDigits, 5);
  const exp = 'e' + (exponent < 0 ? '-' : '+') + String(Math.abs(exponent)).padStart(expDigits, '0');
  const sign = negative ? '-' : '';
  const pad = ' '.repeat(Math.max(0, o.padLeft - (1 + sign.length)));
  return pad + sign + digits[0] + '.' + frac + exp;
}

interface Cutoff {
  /** true: max/min count digits after the decimal point; false: significant digits. */
  fractional: boolean;
  /** Print at most this many digits (-1: no limit). */
  max: number;
  /** Print at least this many digits even past uniqueness (-1: no minimum). */
  min: number;
}

const LOG10_2 = 0.30102999566398119521373889472449;
const float32Bits = new Uint32Array(1);
const float32View = new Float32Array(float32Bits.buffer);

/**
 * Steele & White / Dragon4 free-format digits of a non-negative finite float32 (a port of
 * NumPy's Dragon4 in unique mode). Returns the digits and the power of ten of the first one:
 * value ≈ d0.d1d2... × 10^exponent. Digits stop as soon as they identify the float32 (so
 * Math.fround(parseFloat(result)) === value), unless a cutoff stops them earlier or asks for more.
 */
function dragon4(value: number, cutoff: Cutoff): { digits: string; exponent: number } {
  float32View[0] = value;
  const bits = float32Bits[0];
  const fieldMantissa = bits & 0x7fffff;
  const fieldExponent = (bits >>> 23) & 0xff;
  if (fieldExponent === 0 && fieldMantissa === 0) return { digits: '0', exponent: 0 };

  // value = mantissa × 2^exponent, exactly.
  const mantissa = fieldExponent === 0 ? fieldMantissa : fieldMantissa | 0x800000;
  const exponent = fieldExponent === 0 ? -149 : fieldExponent - 150;
  const mantissaBit = 31 - Math.clz32(mantissa); // index of the highest set bit
  // At a power of two the float below is twice as close as the float above.
  const unequalMargins = fieldExponent > 1 && fieldMantissa === 0;
  // With an even mantissa a decimal exactly halfway to a neighbour still reads back as this
  // float (round-half-even), so the margins are inclusive.
  const isEven = (mantissa & 1) === 0;

  // Work in integers: value = r / s; the round-trip interval is (value - mLow/s, value + mHigh/s)
  // with each margin half the gap to the neighbouring float.
  const factor = unequalMargins ? 2 : 1;
  let r: bigint, s: bigint, mLow: bigint;
  if (exponent > 0) {
    r = BigInt(mantissa) << BigInt(exponent + factor);
    s = BigInt(2 * factor);
    mLow = 1n << BigInt(exponent);
  } else {
    r = BigInt(mantissa) << BigInt(factor);
    s = 1n << BigInt(-exponent + factor);
    mLow = 1n;
  }
  let mHigh = mLow * BigInt(factor);

  // k = floor(log10(value)) + 1, estimated low by at most one (Burger & Dybvig), then fixed.
  let k = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoff.max >= 0 && cutoff.fractional && k <= -cutoff.max) k = -cutoff.max + 1;
  if (k > 0) s *= 10n ** BigInt(k);
  else if (k < 0) {
    const p = 10n ** BigInt(-k);
    r *= p;
    mLow *= p;
    mHigh *= p;
  }
  if (r >= s) k += 1;
  else {
    r *= 10n;
    mLow *= 10n;
    mHigh *= 10n;
  }

  // Exponents (powers of ten) of the last digit allowed, and of the last digit required.
  let lastAllowed = k - 64;
  if (cutoff.max >= 0) lastAllowed = Math.max(lastAllowed, cutoff.fractional ? -cutoff.max : k - cutoff.max);
  let lastRequired = k;
  if (cutoff.min >= 0) lastRequired = Math.min(lastRequired, cutoff.fractional ? -cutoff.min : k - cutoff.min);

  let digits = '';
  let digit: number;
  let low: boolean;
  let high: boolean;
  for (;;) {
    k -= 1;
    const q = r / s;
    digit = Number(q);
    r -= q * s;
    // low: rounding this digit down stays in the interval; high: rounding it up does.
    low = isEven ? r <= mLow : r < mLow;
    high = isEven ? r + mHigh >= s : r + mHigh > s;
    if (((low || high) && k <= lastRequired) || k === lastAllowed) break;
    digits += String(digit);
    r *= 10n;
    mLow *= 10n;
    mHigh *= 10n;
  }

  // Round the last digit: down if only that is safe, up if only that is, else to nearest
  // (ties to an even digit).
  let roundDown = low;
  if (low === high) {
    const twice = 2n * r;
    roundDown = twice < s || (twice === s && digit % 2 === 0);
  }
  let firstExponent = k + digits.length; // power of ten of the first digit
  if (roundDown) digits += String(digit);
  else if (digit < 9) digits += String(digit + 1);
  else {
    // Carry through trailing nines: 0.1999|9 -> 0.2, 9.99|9 -> 10.
    const kept = digits.replace(/9+$/, '');
    if (kept.length === 0) {
      digits = '1';
      firstExponent += 1;
    } else {
      digits = kept.slice(0, -1) + String(Number(kept[kept.length - 1]) + 1);
    }
  }
  return { digits, exponent: firstExponent };
}
