/**
 * A chart (a ChartOutput: the Animator's, d2l.plot's) drawn as SVG where Plotly does not run: per
 * panel its axes with tick labels, grid, axis labels, title, the series as lines or markers
 * (thinned to what the plot has pixels for; dashes; log axes, limits, equal axes) and a contour
 * under them as a PNG mask. Two outputs of the same drawing:
 *
 * | output             | for                                 | legend               | colours                                  |
 * | ------------------ | ----------------------------------- | -------------------- | ---------------------------------------- |
 * | `chartHtml`        | the static pages (no JavaScript)    | HTML, wraps on phones | the page's CSS (light and dark themes)  |
 * | `chartSvgDocument` | notebooks (Jupyter's image/svg+xml) | drawn in the SVG     | a <style> inside the SVG, light palette |
 *
 * Markup carries classes (`static-chart-*`), never colours; the palette is chart-palette.ts, the
 * app's. Pure: data in, markup out.
 */
import type { ChartContour, ChartOutput, ChartPanel, ChartSeries } from '../lib/output-kinds';
import { finite, makeAxis, toAxis, type Axis } from './chart-axes';
import { LIGHT_CHART } from './chart-palette';
import { escapeXml } from './escape-xml';
import { pngDataUrl } from './png';

/** The SVG's own units: the panel scales to its box (at most ~520 CSS px wide on the static pages). */
export const PANEL_W = 400;
export const PANEL_H = 260;
/** Points kept per series: a line of more points than the plot has pixels is thinned (min and max per column kept). */
export const MAX_POINTS = 800;
/** Series colours: the palettes have 8 (chart-palette.ts); the classes are static-chart-s0..7. */
export const SERIES_COLOURS = LIGHT_CHART.series.length;

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

const seriesClass = (colour: number) => `static-chart-s${colour % SERIES_COLOURS}`;

function dashAttr(dash: ChartSeries['dash']): string {
  return dash === 'dash' ? ' stroke-dasharray="6 4"' : dash === 'dot' ? ' stroke-dasharray="2 3"' : dash === 'dashdot' ? ' stroke-dasharray="7 3 2 3"' : '';
}

function seriesMarkup(s: ChartSeries, colour: number, f: Frame): string {
  const keep = thin(s.x, s.y);
  const cls = seriesClass(colour);
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
    if (d) out += `<path class="static-chart-line ${cls}" d="${d}"${dashAttr(s.dash)}/>`;
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
      return `<path class="static-chart-dot ${cls}" d="${star(x, y, r * 1.5)}"/>`;
    case undefined:
      return `<circle class="static-chart-dot ${cls}" cx="${f1(x)}" cy="${f1(y)}" r="${r}"/>`;
  }
}

/** A five-pointed star around (x, y), outer radius r. */
function star(x: number, y: number, r: number): string {
  let d = '';
  for (let k = 0; k < 10; k++) {
    const a = (Math.PI * k) / 5 - Math.PI / 2;
    const rk = k % 2 === 0 ? r : r * 0.45;
    d += `${k === 0 ? 'M' : 'L'}${f1(x + rk * Math.cos(a))} ${f1(y + rk * Math.sin(a))}`;
  }
  return `${d}Z`;
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

/** A panel's drawing in PANEL_W x PANEL_H units, without the <svg> around it; `id` prefixes its clip path and mask. */
function panelMarkup(panel: ChartPanel, colourOf: (name: string) => number, id: string): string {
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
    labels += `<text x="${x}" y="${f1(f.y0 + f.h + 15)}" text-anchor="middle">${escapeXml(t.label)}</text>`;
  }
  for (const t of ya.ticks) {
    const y = f1(yOf(t.at));
    grid += `<line class="static-chart-grid" x1="${f1(f.x0)}" x2="${f1(f.x0 + f.w)}" y1="${y}" y2="${y}"/>`;
    labels += `<text x="${f1(f.x0 - 6)}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(t.label)}</text>`;
  }
  const frame = `<rect class="static-chart-frame" x="${f1(f.x0)}" y="${f1(f.y0)}" width="${f1(f.w)}" height="${f1(f.h)}"/>`;
  let titles = '';
  if (panel.title) titles += `<text class="static-chart-title" x="${f1(f.x0 + f.w / 2)}" y="16" text-anchor="middle">${escapeXml(panel.title)}</text>`;
  if (panel.xLabel) titles += `<text class="static-chart-label" x="${f1(f.x0 + f.w / 2)}" y="${PANEL_H - 8}" text-anchor="middle">${escapeXml(panel.xLabel)}</text>`;
  if (panel.yLabel) {
    const cy = f1(f.y0 + f.h / 2);
    titles += `<text class="static-chart-label" x="14" y="${cy}" text-anchor="middle" transform="rotate(-90 14 ${cy})">${escapeXml(panel.yLabel)}</text>`;
  }
  const clip = `<clipPath id="${id}-c"><rect x="${f1(f.x0)}" y="${f1(f.y0)}" width="${f1(f.w)}" height="${f1(f.h)}"/></clipPath>`;
  const contour = panel.contour ? contourMarkup(panel.contour, f, id) : '';
  const series = panel.series.map((s) => seriesMarkup(s, colourOf(s.name), f)).join('');
  return `<defs>${clip}</defs>${grid}${frame}<g clip-path="url(#${id}-c)">${contour}${series}</g><g class="static-chart-text">${labels}${titles}</g>`;
}

/** What a screen reader hears for a panel: its title, axes and series. */
function panelLabel(panel: ChartPanel): string {
  const axes = panel.yLabel && panel.xLabel ? `${panel.yLabel} / ${panel.xLabel}` : panel.yLabel ?? panel.xLabel;
  return [panel.title, axes, panel.series.map((s) => s.name).join(', ')].filter(Boolean).join('; ');
}

/** Colour index per series name, in order of first appearance across panels, as the app's charts (chartTraces). */
function colourIndex(chart: ChartOutput): (name: string) => number {
  const colours = new Map<string, number>();
  for (const p of chart.panels) for (const s of p.series) if (!colours.has(s.name)) colours.set(s.name, colours.size);
  return (name) => colours.get(name) ?? 0;
}

/** One legend entry per series name (the app's rule: shown when a panel has several series, or there are several panels). */
function legendEntries(chart: ChartOutput, colourOf: (name: string) => number): { name: string; sample: string }[] {
  if (!(chart.panels.some((p) => p.series.length > 1) || chart.panels.length > 1)) return [];
  const seen = new Set<string>();
  const entries: { name: string; sample: string }[] = [];
  for (const s of chart.panels.flatMap((p) => p.series)) {
    if (seen.has(s.name)) continue;
    seen.add(s.name);
    const cls = seriesClass(colourOf(s.name));
    const line = `<path class="static-chart-line ${cls}" d="M1 6L23 6"${dashAttr(s.dash)}/>`;
    const sample = s.mode === 'markers' ? marker(s.symbol, 12, 6, cls) : `${line}${s.mode === 'lines+markers' ? marker(s.symbol, 12, 6, cls) : ''}`;
    entries.push({ name: s.name, sample });
  }
  return entries;
}

/**
 * The chart as HTML for the static pages: `<figure class="static-chart">` with one SVG per panel
 * and the legend. `id` must be unique in the page (clip paths and masks are looked up by id).
 */
export function chartHtml(chart: ChartOutput, id: string): string {
  const colourOf = colourIndex(chart);
  const panels = chart.panels
    .map(
      (p, i) =>
        `<svg class="static-chart-panel" viewBox="0 0 ${PANEL_W} ${PANEL_H}" role="img" aria-label="${escapeXml(panelLabel(p))}" xmlns="http://www.w3.org/2000/svg">` +
        `${panelMarkup(p, colourOf, `${id}-${i}`)}</svg>`,
    )
    .join('');
  const legend = legendEntries(chart, colourOf).map((e) => `<li><svg viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">${e.sample}</svg>${escapeXml(e.name)}</li>`);
  const notes = chart.notes.map((n) => `<p class="static-chart-note">${escapeXml(n)}</p>`).join('');
  return `<figure class="output static-chart" data-chart-id="${escapeXml(chart.chartId)}"><div class="static-chart-panels">${panels}</div>${legend.length > 0 ? `<ul class="static-chart-legend">${legend.join('')}</ul>` : ''}${notes}</figure>`;
}

/** The CSS of the series classes, colour i from `colour(i)` (a palette entry, or a CSS variable). */
export function seriesCss(colour: (i: number) => string): string {
  return Array.from({ length: SERIES_COLOURS }, (_, i) => `.static-chart-s${i} { stroke: ${colour(i)}; fill: ${colour(i)}; }\n.static-chart-line.static-chart-s${i} { fill: none; }`).join('\n');
}

/** The standalone SVG's stylesheet: the static pages' chart rules (static-page.css) with the light palette's colours. */
const DOCUMENT_CSS = [
  `.static-chart-text text, .static-chart-legend text { fill: ${LIGHT_CHART.text}; font-size: 12px; }`,
  '.static-chart-text .static-chart-title, .static-chart-text .static-chart-label { font-size: 13px; }',
  '.static-chart-title { font-weight: 600; }',
  `.static-chart-grid { stroke: ${LIGHT_CHART.grid}; stroke-width: 1; }`,
  `.static-chart-frame { fill: none; stroke: ${LIGHT_CHART.axis}; stroke-width: 1; }`,
  '.static-chart-line { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }',
  `.static-chart-contour { fill: ${LIGHT_CHART.contour[0]![1]}; }`,
  `.static-chart-note { fill: #9a5b00; font-size: 12px; }`,
  seriesCss((i) => LIGHT_CHART.series[i]!),
].join('\n');

/** Legend rows in the standalone SVG: an entry is its 24-unit sample, a gap, its text and a gap. */
const LEGEND_ROW = 20;
/** A text's width at 12px, estimated (no fonts to measure with): about 7 units a Latin character, 12 a CJK one. */
const textWidth = (s: string): number => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 12 : 7), 0);
const NOTE_LINE = 17;

/**
 * The chart as one standalone SVG document, for notebooks (Jupyter shows image/svg+xml as an
 * image, so nothing outside it styles it): the panels side by side on white, the legend below them
 * wrapping across the width, then the notes, coloured by a <style> inside with the light palette.
 * `id` must be unique in the notebook (a notebook may inline the SVG, where ids are global).
 */
export function chartSvgDocument(chart: ChartOutput, id: string): string {
  const colourOf = colourIndex(chart);
  const width = PANEL_W * Math.max(1, chart.panels.length);
  const panels = chart.panels.map((p, i) => `<g transform="translate(${i * PANEL_W} 0)">${panelMarkup(p, colourOf, `${id}-${i}`)}</g>`).join('');
  let legend = '';
  let x = 12;
  let y = PANEL_H + 4;
  const entries = legendEntries(chart, colourOf);
  if (entries.length > 0) y += LEGEND_ROW / 2;
  for (const e of entries) {
    const w = 24 + 6 + textWidth(e.name) + 18;
    if (x > 12 && x + w > width - 8) {
      x = 12;
      y += LEGEND_ROW;
    }
    legend += `<g transform="translate(${x} ${y - 6})">${e.sample}</g><text x="${x + 30}" y="${y}" dominant-baseline="middle">${escapeXml(e.name)}</text>`;
    x += w;
  }
  if (entries.length > 0) y += LEGEND_ROW / 2;
  const notes = chart.notes.map((n, i) => `<text class="static-chart-note" x="12" y="${y + 13 + i * NOTE_LINE}">${escapeXml(n)}</text>`).join('');
  const height = Math.ceil(y + chart.notes.length * NOTE_LINE + (chart.notes.length > 0 ? 6 : 0));
  const label = chart.panels.map(panelLabel).join(' | ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">` +
    `<style>${DOCUMENT_CSS}</style><rect width="${width}" height="${height}" fill="#fff"/>${panels}<g class="static-chart-legend">${legend}</g>${notes}</svg>`
  );
}
