/**
 * Axes of a chart: ranges and tick marks for the SVG charts (static pages, notebooks) and the log
 * ticks the app's Plotly charts carry too, so a log axis is labelled the same everywhere. Linear
 * ticks are 1, 2 or 5 times a power of ten; log ticks are 1, 2, 3, 5 per decade or sparser as the
 * data span more decades. Pure.
 */

export type Scale = 'linear' | 'log';

export interface Axis {
  scale: Scale;
  /** The range in axis units (log10 of the value on a log axis). */
  lo: number;
  hi: number;
  ticks: { at: number; label: string }[];
}

/** Whether a value can be drawn on an axis of `scale` (a log axis shows only positive values). */
export const finite = (v: number, scale: Scale): boolean => Number.isFinite(v) && (scale === 'linear' || v > 0);
/** A value in axis units. */
export const toAxis = (v: number, scale: Scale): number => (scale === 'log' ? Math.log10(v) : v);

/** A round step near span / target: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, target = 5): number {
  const raw = span / target;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
}

/** A linear tick's label, with as many decimals as its step needs ("0.25", "1e+5" for big ones). */
export function tickLabel(v: number, step: number): string {
  if (v === 0 || Object.is(v, -0)) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(Math.max(0, Math.min(3, Math.round(Math.log10(a) - Math.log10(step))))).replace(/\.?0+e/, 'e');
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals);
}

/** Tick label for a log axis: plain digits in the usual range, 1e-5 / 1e+6 style outside it. */
function logTickText(v: number): string {
  return v >= 1e5 || v < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(1)));
}

/**
 * Ticks for a log axis with full labels: Plotly's own log ticks label the in-between ticks with a
 * single digit ("2" for 20), which reads wrong. The density follows the decades the data span
 * (1, 2, 3, 5 per decade over at most 1.5 decades; 1, 2, 5 up to 3; 1 and 3 up to 5; powers of
 * ten beyond), and the ticks run from 1e-12 to 1e12 because Plotly shows only the ones inside the
 * axis range: live updates that widen the range still get ticks.
 */
export function logTicks(values: readonly number[]): { tickvals: number[]; ticktext: string[] } {
  // A loop, not Math.max(...values): spreading 300,000 points overflows the call stack.
  let lo = Infinity;
  let hi = -Infinity;
  let positive = 0;
  for (const v of values) {
    if (!(v > 0 && Number.isFinite(v))) continue;
    positive++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const decades = positive < 2 ? 1 : Math.log10(hi / lo);
  const mantissas = decades <= 1.5 ? [1, 2, 3, 5] : decades <= 3 ? [1, 2, 5] : decades <= 5 ? [1, 3] : [1];
  const tickvals: number[] = [];
  for (let e = -12; e <= 12; e++) for (const m of mantissas) tickvals.push(Number((m * 10 ** e).toPrecision(1)));
  return { tickvals, ticktext: tickvals.map(logTickText) };
}

/**
 * An axis over `values` (or `lim`). A linear one with `pad` ends on round ticks around the data,
 * without it the data's own extent is the range (an x axis of epochs starts at the first epoch);
 * limits are kept as given. A log one gets 4% of room each side and the app's log ticks.
 */
export function makeAxis(scale: Scale, values: readonly number[], lim: [number, number] | undefined, pad: boolean): Axis {
  let lo = Infinity;
  let hi = -Infinity;
  if (lim && finite(lim[0], scale) && finite(lim[1], scale)) {
    lo = toAxis(Math.min(lim[0], lim[1]), scale);
    hi = toAxis(Math.max(lim[0], lim[1]), scale);
  } else {
    for (const v of values) {
      if (!finite(v, scale)) continue;
      const a = toAxis(v, scale);
      if (a < lo) lo = a;
      if (a > hi) hi = a;
    }
    if (lo === Infinity) [lo, hi] = [0, 1];
  }
  if (hi - lo < 1e-12) {
    const d = scale === 'log' ? 0.5 : Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  }
  if (scale === 'log') {
    if (!lim) {
      const d = (hi - lo) * 0.04;
      lo -= d;
      hi += d;
    }
    const all = logTicks([10 ** lo, 10 ** hi]);
    const ticks = all.tickvals
      .map((v, i) => ({ at: Math.log10(v), label: all.ticktext[i]! }))
      .filter((t) => t.at >= lo - 1e-9 && t.at <= hi + 1e-9);
    return { scale, lo, hi, ticks };
  }
  const step = niceStep(hi - lo);
  if (pad && !lim) {
    lo = Math.floor(lo / step + 1e-9) * step;
    hi = Math.ceil(hi / step - 1e-9) * step;
  }
  return { scale, lo, hi, ticks: linearTicks(lo, hi, step) };
}

function linearTicks(lo: number, hi: number, step: number): Axis['ticks'] {
  const ticks: Axis['ticks'] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    const at = Number((k * step).toPrecision(12));
    ticks.push({ at, label: tickLabel(at, step) });
  }
  return ticks;
}
