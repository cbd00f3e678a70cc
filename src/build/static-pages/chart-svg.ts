/**
 * A recorded chart (its final ChartOutput) drawn at build time as inline SVG, for the static
 * pages, where Plotly never loads: per panel its axes with tick labels, grid, axis labels, title,
 * the series as lines or markers (log axes, limits, equal axes and contours too), and one legend
 * in HTML below, which wraps on a phone. Colours come from CSS (currentColor and the --chart-*
 * variables of static-page.css, the palette of the app's charts), so the same markup reads in
 * light and dark. Pure: data in, markup out.
 */
import type { ChartContour, ChartOutput, ChartPanel, ChartSeries } from '../../kernel/protocol';
import { logTicks } from '../../app/outputs/chart-figure';
import { escapeHtml } from './escape-html';
import { pngDataUrl } from './png';

/** The SVG's own units: the panel scales to its box (at most ~520 CSS px wide, static-page.css). */
export const PANEL_W = 400;
export const PANEL_H = 260;
/** Points kept per series: a line of more points than the plot has pixels is thinned (min and max per column kept). */
export const MAX_POINTS = 800;
/** Series colours: the app's palettes have 8 (chart-figure.ts); the CSS defines --chart-0..7. */
export const SERIES_COLOURS = 8;

type Scale = 'linear' | 'log';

interface Axis {
  scale: Scale;
  /** The range in axis units (log10 of the value on a log axis). */
  lo: number;
  hi: number;
  ticks: { at: number; label: string }[];
}

const finite = (v: number, scale: Scale) => Number.isFinite(v) && (scale === 'linear' || v > 0);
const toAxis = (v: number, scale: Scale) => (scale === 'log' ? Math.log10(v) : v);

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

/** An axis over `values` (or `lim`): linear ones end on round ticks unless limited; log ones carry the app's log ticks. */
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
    if (lo === Infinity) [lo, hi] = scale === 'log' ? [0, 1] : [0, 1];
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
  const ticks: Axis['ticks'] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    const at = Number((k * step).toPrecision(12));
    ticks.push({ at, label: tickLabel(at, step) });
  }
  return { scale, lo, hi, ticks };
}

/** Indices of the points kept when a series has more than `max`: per column of x, the first, lowest, highest and last. */
export function thin(x: readonly number[], y: readonly number[], max = MAX_POINTS): number[] {
  const n = Math.min(x.length, y.length);
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor(max / 4));
  const per = n / buckets;
  const keep: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * per);
    const to = Math.min(n, Math.floor((b + 1) * per));
    if (from >= to) continue;
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (y[i]! < y[lo]!) lo = i;
      if (y[i]! > y[hi]!) hi = i;
    }
    for (const i of [...new Set([from, lo, hi, to - 1])].sort((a, b) => a - b)) keep.push(i);
  }
  return keep;
}

const f1 = (v: number) => String(Math.round(v * 10) / 10);

interface Frame {
  x0: number;
  y0: number;
  w: number;
  h: number;
  xa: Axis;
  ya: Axis;
}

const px = (f: Frame, v: number) => f.x0 + ((toAxis(v, f.xa.scale) - f.xa.lo) / (f.xa.hi - f.xa.lo)) * f.w;
const py = (f: Frame, v: number) => f.y0 + f.h - ((toAxis(v, f.ya.scale) - f.ya.lo) / (f.ya.hi - f.ya.lo)) * f.h;

function seriesMarkup(s: ChartSeries, colour: number, f: Frame): string {
  const keep = thin(s.x, s.y);
  const cls = `static-chart-s${colour % SERIES_COLOURS}`;
  let out = '';
  if (s.mode !== 'markers') {
    let d = '';
    let pen = false;
    for (const i of keep) {
      const x = s.x[i]!;
      const y = s.y[i]!;
      if (!finite(x, f.xa.scale) || !finite(y, f.ya.scale)) {
        pen = false; // a gap (NaN, or a value a log axis cannot show)
        continue;
      }
      d += `${pen ? 'L' : 'M'}${f1(px(f, x))} ${f1(py(f, y))}`;
      pen = true;
    }
    const dash = s.dash === 'dash' ? ' stroke-dasharray="6 4"' : s.dash === 'dot' ? ' stroke-dasharray="2 3"' : s.dash === 'dashdot' ? ' stroke-dasharray="7 3 2 3"' : '';
    if (d) out += `<path class="static-chart-line ${cls}" d="${d}"${dash}/>`;
  }
  if (s.mode !== 'lines') {
    for (const i of keep) {
      const x = s.x[i]!;
      const y = s.y[i]!;
      if (!finite(x, f.xa.scale) || !finite(y, f.ya.scale)) continue;
      out += marker(s.symbol, px(f, x), py(f, y), cls);
    }
  }
  return out;
}

function marker(symbol: ChartSeries['symbol'], x: number, y: number, cls: string): string {
  const r = 3.2;
  switch (symbol) {
    case 'x':
      return `<path class="static-chart-line ${cls}" d="M${f1(x - r)} ${f1(y - r)}L${f1(x + r)} ${f1(y + r)}M${f1(x - r)} ${f1(y + r)}L${f1(x + r)} ${f1(y - r)}"/>`;
    case 'square':
      return `<rect class="static-chart-dot ${cls}" x="${f1(x - r)}" y="${f1(y - r)}" width="${f1(2 * r)}" height="${f1(2 * r)}"/>`;
    case 'triangle-up':
      return `<path class="static-chart-dot ${cls}" d="M${f1(x)} ${f1(y - r * 1.2)}L${f1(x + r * 1.1)} ${f1(y + r * 0.8)}L${f1(x - r * 1.1)} ${f1(y + r * 0.8)}Z"/>`;
    case 'star':
    case undefined:
      return `<circle class="static-chart-dot ${cls}" cx="${f1(x)}" cy="${f1(y)}" r="${r}"/>`;
  }
}

/** Pixels per grid cell of a contour's mask: enough for crisp lines at the panel's size. */
const CONTOUR_UPSAMPLE = 4;

/**
 * A contour field drawn in one colour: a grayscale PNG (the grid bilinearly upsampled, cut into
 * `levels` bands of z, each band's edge a contour line, lower bands a little stronger) used as
 * the mask of a rectangle the CSS fills, so the minimum stands out in both themes without colours
 * baked into the image.
 */
export function contourMask(c: ChartContour): { width: number; height: number; pixels: Uint8Array } | null {
  const nx = c.x.length;
  const ny = c.y.length;
  if (nx < 2 || ny < 2 || c.z.length < nx * ny) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of c.z) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!(hi > lo)) return null;
  const levels = Math.max(2, c.levels ?? 16);
  const k = Math.max(1, Math.min(CONTOUR_UPSAMPLE, Math.floor(400 / nx)));
  const w = (nx - 1) * k + 1;
  const h = (ny - 1) * k + 1;
  const band = new Int16Array(w * h);
  const z = (i: number, j: number) => {
    const v = c.z[i * nx + j]!;
    return Number.isFinite(v) ? v : hi;
  };
  for (let r = 0; r < h; r++) {
    const gi = Math.min(ny - 2, Math.floor(r / k));
    const fi = r / k - gi;
    for (let q = 0; q < w; q++) {
      const gj = Math.min(nx - 2, Math.floor(q / k));
      const fj = q / k - gj;
      const v = (1 - fi) * ((1 - fj) * z(gi, gj) + fj * z(gi, gj + 1)) + fi * ((1 - fj) * z(gi + 1, gj) + fj * z(gi + 1, gj + 1));
      band[r * w + q] = Math.min(levels - 1, Math.floor(((v - lo) / (hi - lo)) * levels));
    }
  }
  const pixels = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) {
    for (let q = 0; q < w; q++) {
      const b = band[r * w + q]!;
      const edge = (q + 1 < w && band[r * w + q + 1] !== b) || (r + 1 < h && band[(r + 1) * w + q] !== b);
      // Row 0 of the image is the top of the plot: the grid's last y.
      pixels[(h - 1 - r) * w + q] = Math.round(255 * (edge ? 0.85 : 0.06 + 0.22 * (1 - b / (levels - 1))));
    }
  }
  return { width: w, height: h, pixels };
}

function contourMarkup(c: ChartContour, f: Frame, id: string): string {
  const mask = contourMask(c);
  if (!mask) return '';
  const x1 = px(f, c.x[0]!);
  const x2 = px(f, c.x[c.x.length - 1]!);
  const y1 = py(f, c.y[c.y.length - 1]!);
  const y2 = py(f, c.y[0]!);
  const box = `x="${f1(Math.min(x1, x2))}" y="${f1(Math.min(y1, y2))}" width="${f1(Math.abs(x2 - x1))}" height="${f1(Math.abs(y2 - y1))}"`;
  return `<mask id="${id}-m"><image href="${pngDataUrl(mask.width, mask.height, 1, mask.pixels)}" ${box} preserveAspectRatio="none"/></mask><rect class="static-chart-contour" ${box} mask="url(#${id}-m)"/>`;
}

function panelSvg(panel: ChartPanel, colourOf: (name: string) => number, id: string): string {
  const xs = panel.series.flatMap((s) => s.x).concat(panel.contour?.x ?? []);
  const ys = panel.series.flatMap((s) => s.y).concat(panel.contour?.y ?? []);
  const xa = makeAxis(panel.xScale, xs, panel.xLim, false);
  const ya = makeAxis(panel.yScale, ys, panel.yLim, true);
  const left = panel.yLabel ? 66 : 52;
  const top = panel.title ? 28 : 12;
  const bottom = panel.xLabel ? 48 : 30;
  let f: Frame = { x0: left, y0: top, w: PANEL_W - left - 12, h: PANEL_H - top - bottom, xa, ya };
  if (panel.equalAxes) {
    // Same length per unit on both axes: shrink the plot area, keep the limits asked for.
    const unit = Math.min(f.w / (xa.hi - xa.lo), f.h / (ya.hi - ya.lo));
    const w = unit * (xa.hi - xa.lo);
    const h = unit * (ya.hi - ya.lo);
    f = { ...f, x0: f.x0 + (f.w - w) / 2, y0: f.y0 + (f.h - h) / 2, w, h };
  }
  const xOf = (a: number) => f.x0 + ((a - xa.lo) / (xa.hi - xa.lo)) * f.w;
  const yOf = (a: number) => f.y0 + f.h - ((a - ya.lo) / (ya.hi - ya.lo)) * f.h;
  let grid = '';
  let labels = '';
  for (const t of xa.ticks) {
    const x = f1(xOf(t.at));
    grid += `<line class="static-chart-grid" x1="${x}" x2="${x}" y1="${f1(f.y0)}" y2="${f1(f.y0 + f.h)}"/>`;
    labels += `<text x="${x}" y="${f1(f.y0 + f.h + 15)}" text-anchor="middle">${escapeHtml(t.label)}</text>`;
  }
  for (const t of ya.ticks) {
    const y = f1(yOf(t.at));
    grid += `<line class="static-chart-grid" x1="${f1(f.x0)}" x2="${f1(f.x0 + f.w)}" y1="${y}" y2="${y}"/>`;
    labels += `<text x="${f1(f.x0 - 6)}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeHtml(t.label)}</text>`;
  }
  const frame = `<rect class="static-chart-frame" x="${f1(f.x0)}" y="${f1(f.y0)}" width="${f1(f.w)}" height="${f1(f.h)}"/>`;
  let titles = '';
  if (panel.title) titles += `<text class="static-chart-title" x="${f1(f.x0 + f.w / 2)}" y="16" text-anchor="middle">${escapeHtml(panel.title)}</text>`;
  if (panel.xLabel) titles += `<text class="static-chart-label" x="${f1(f.x0 + f.w / 2)}" y="${PANEL_H - 8}" text-anchor="middle">${escapeHtml(panel.xLabel)}</text>`;
  if (panel.yLabel) {
    const cy = f1(f.y0 + f.h / 2);
    titles += `<text class="static-chart-label" x="14" y="${cy}" text-anchor="middle" transform="rotate(-90 14 ${cy})">${escapeHtml(panel.yLabel)}</text>`;
  }
  const clip = `<clipPath id="${id}-c"><rect x="${f1(f.x0)}" y="${f1(f.y0)}" width="${f1(f.w)}" height="${f1(f.h)}"/></clipPath>`;
  const contour = panel.contour ? contourMarkup(panel.contour, f, id) : '';
  const series = panel.series.map((s) => seriesMarkup(s, colourOf(s.name), f)).join('');
  const aria = [panel.title, panel.yLabel && panel.xLabel ? `${panel.yLabel} / ${panel.xLabel}` : panel.yLabel ?? panel.xLabel, panel.series.map((s) => s.name).join(', ')].filter(Boolean).join('; ');
  return (
    `<svg class="static-chart-panel" viewBox="0 0 ${PANEL_W} ${PANEL_H}" role="img" aria-label="${escapeHtml(aria)}" xmlns="http://www.w3.org/2000/svg">` +
    `<defs>${clip}</defs>${grid}${frame}<g clip-path="url(#${id}-c)">${contour}${series}</g><g class="static-chart-text">${labels}${titles}</g></svg>`
  );
}

/**
 * The chart as HTML: `<figure class="static-chart">` with one SVG per panel and the legend.
 * `id` must be unique in the page (clip paths and masks are looked up by id).
 */
export function chartHtml(chart: ChartOutput, id: string): string {
  const colours = new Map<string, number>();
  const colourOf = (name: string) => {
    if (!colours.has(name)) colours.set(name, colours.size);
    return colours.get(name)!;
  };
  // Colours in order of first appearance across panels, as the app's charts (chartTraces).
  for (const p of chart.panels) for (const s of p.series) colourOf(s.name);
  const panels = chart.panels.map((p, i) => panelSvg(p, colourOf, `${id}-${i}`)).join('');
  const legendShown = chart.panels.some((p) => p.series.length > 1) || chart.panels.length > 1;
  const seen = new Set<string>();
  const legend: string[] = [];
  for (const p of chart.panels) {
    for (const s of p.series) {
      if (seen.has(s.name)) continue;
      seen.add(s.name);
      const cls = `static-chart-s${colourOf(s.name) % SERIES_COLOURS}`;
      const dash = s.dash === 'dash' ? ' stroke-dasharray="6 4"' : s.dash === 'dot' ? ' stroke-dasharray="2 3"' : s.dash === 'dashdot' ? ' stroke-dasharray="7 3 2 3"' : '';
      const sample = s.mode === 'markers' ? marker(s.symbol, 12, 6, cls) : `<path class="static-chart-line ${cls}" d="M1 6L23 6"${dash}/>${s.mode === 'lines+markers' ? marker(s.symbol, 12, 6, cls) : ''}`;
      legend.push(`<li><svg viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">${sample}</svg>${escapeHtml(s.name)}</li>`);
    }
  }
  const notes = chart.notes.map((n) => `<p class="static-chart-note">${escapeHtml(n)}</p>`).join('');
  return `<figure class="output static-chart" data-chart-id="${escapeHtml(chart.chartId)}"><div class="static-chart-panels">${panels}</div>${legendShown && legend.length > 0 ? `<ul class="static-chart-legend">${legend.join('')}</ul>` : ''}${notes}</figure>`;
}
