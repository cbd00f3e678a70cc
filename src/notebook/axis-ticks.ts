/**
 * Axis ranges and tick marks for the notebook's SVG charts: round ticks (1, 2 or 5 times a power
 * of ten) on linear axes, powers of ten on log axes, as matplotlib and Plotly place them.
 */

export interface Axis {
  scale: 'linear' | 'log';
  /** The data range shown, in data units. */
  min: number;
  max: number;
  ticks: number[];
}

/** Space left around the data when the range is not fixed (matplotlib's default margin). */
const MARGIN = 0.05;

/** The axis for `values` (non-finite ones and, on a log axis, non-positive ones ignored) or the fixed `lim`. */
export function axisFor(values: number[], scale: 'linear' | 'log', lim?: [number, number]): Axis {
  let [min, max] = lim ?? pad(extent(values.filter((v) => Number.isFinite(v) && (scale === 'linear' || v > 0))), scale);
  if (scale === 'log') {
    if (!(min > 0)) min = max > 0 ? max / 10 : 1;
    if (!(max > 0)) max = min * 10;
    if (min === max) [min, max] = [min / 2, max * 2];
    const lo = Math.floor(Math.log10(min));
    const hi = Math.ceil(Math.log10(max));
    const step = Math.max(1, Math.ceil((hi - lo) / 6));
    const ticks: number[] = [];
    for (let e = lo; e <= hi; e += step) if (10 ** e >= min * 0.999 && 10 ** e <= max * 1.001) ticks.push(10 ** e);
    return { scale, min, max, ticks };
  }
  if (min === max) [min, max] = [min - 1, max + 1];
  const step = niceStep((max - min) / 5);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return { scale, min, max, ticks };
}

function pad([min, max]: [number, number], scale: 'linear' | 'log'): [number, number] {
  if (!(max > min)) return [min, max];
  if (scale === 'log') {
    if (!(min > 0)) return [min, max];
    const f = (max / min) ** MARGIN;
    return [min / f, max * f];
  }
  const m = (max - min) * MARGIN;
  return [min - m, max + m];
}

function extent(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** 1, 2 or 5 times a power of ten, the smallest at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Where `v` falls on the axis, from 0 (min) to 1 (max). */
export function fraction(axis: Axis, v: number): number {
  if (axis.scale === 'log') return (Math.log10(v) - Math.log10(axis.min)) / (Math.log10(axis.max) - Math.log10(axis.min));
  return (v - axis.min) / (axis.max - axis.min);
}

/** A tick label: short, one format per axis (no 0.30000000000000004). */
export function tickLabel(axis: Axis, v: number): string {
  if (axis.scale === 'log') {
    const e = Math.round(Math.log10(v));
    return e >= -3 && e <= 4 ? String(10 ** e >= 1 ? 10 ** e : Number((10 ** e).toFixed(-e))) : `1e${e}`;
  }
  const step = axis.ticks.length > 1 ? Math.abs(axis.ticks[1]! - axis.ticks[0]!) : 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(1) : v.toFixed(decimals);
}
