/**
 * A chart output (the Animator's, d2l.plot's) as a standalone SVG image for a Jupyter notebook:
 * the panels side by side with their axes, ticks, series (lines, markers, dashes), legend and
 * notes, and a contour under the series as a coarse heat map. The page draws the same data with
 * Plotly, live and interactive; here it is a picture of the chart's latest state.
 */
import type { ChartContour, ChartOutput, ChartPanel, ChartSeries } from '../lib/output-kinds';
import { axisFor, fraction, tickLabel, type Axis } from './axis-ticks';

const PANEL_W = 380;
const PANEL_H = 270;
const MARGIN = { left: 56, right: 14, top: 30, bottom: 44 };
/** matplotlib's default colour cycle ("tab10"), as in the page's charts. */
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const DASHES: Record<NonNullable<ChartSeries['dash']>, string> = { dash: '6 4', dot: '2 3', dashdot: '6 3 2 3' };
const NOTE_LINE = 16;
let clipIds = 0;

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const num = (v: number): string => (Math.round(v * 10) / 10).toString();

export function chartSvg(chart: ChartOutput): string {
  const width = PANEL_W * Math.max(1, chart.panels.length);
  const height = PANEL_H + chart.notes.length * NOTE_LINE + (chart.notes.length ? 8 : 0);
  const parts = chart.panels.map((p, i) => `<g transform="translate(${i * PANEL_W},0)">${panelSvg(p)}</g>`);
  chart.notes.forEach((note, i) => parts.push(`<text x="8" y="${PANEL_H + 14 + i * NOTE_LINE}" font-size="12" fill="#555">${escapeXml(note)}</text>`));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">` +
    `<rect width="${width}" height="${height}" fill="#fff"/>${parts.join('')}</svg>`
  );
}

function panelSvg(panel: ChartPanel): string {
  const x = axisFor([...panel.series.flatMap((s) => s.x), ...(panel.contour?.x ?? [])], panel.xScale, panel.xLim);
  const y = axisFor([...panel.series.flatMap((s) => s.y), ...(panel.contour?.y ?? [])], panel.yScale, panel.yLim);
  if (panel.equalAxes) equalize(x, y);
  const w = PANEL_W - MARGIN.left - MARGIN.right;
  const h = PANEL_H - MARGIN.top - MARGIN.bottom;
  const px = (v: number): number => MARGIN.left + fraction(x, v) * w;
  const py = (v: number): number => MARGIN.top + (1 - fraction(y, v)) * h;
  const out: string[] = [];
  const clip = `handson-clip-${++clipIds}`; // unique in the notebook's page
  out.push(`<defs><clipPath id="${clip}"><rect x="${MARGIN.left}" y="${MARGIN.top}" width="${w}" height="${h}"/></clipPath></defs>`);
  if (panel.contour) out.push(`<g clip-path="url(#${clip})">${contourSvg(panel.contour, px, py)}</g>`);
  // Grid and ticks.
  for (const t of x.ticks) {
    const at = num(px(t));
    out.push(`<line x1="${at}" x2="${at}" y1="${MARGIN.top}" y2="${MARGIN.top + h}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${at}" y="${MARGIN.top + h + 15}" font-size="11" text-anchor="middle" fill="#333">${tickLabel(x, t)}</text>`);
  }
  for (const t of y.ticks) {
    const at = num(py(t));
    out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + w}" y1="${at}" y2="${at}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 5}" y="${at}" font-size="11" text-anchor="end" dominant-baseline="middle" fill="#333">${tickLabel(y, t)}</text>`);
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${w}" height="${h}" fill="none" stroke="#999"/>`);
  // Series.
  const series = panel.series.map((s, i) => seriesSvg(s, COLORS[i % COLORS.length]!, x, y, px, py));
  out.push(`<g clip-path="url(#${clip})">${series.join('')}</g>`);
  // Labels.
  if (panel.title) out.push(`<text x="${MARGIN.left + w / 2}" y="18" font-size="13" text-anchor="middle" fill="#111">${escapeXml(panel.title)}</text>`);
  if (panel.xLabel) out.push(`<text x="${MARGIN.left + w / 2}" y="${PANEL_H - 8}" font-size="12" text-anchor="middle" fill="#111">${escapeXml(panel.xLabel)}</text>`);
  if (panel.yLabel) out.push(`<text transform="translate(14,${MARGIN.top + h / 2}) rotate(-90)" font-size="12" text-anchor="middle" fill="#111">${escapeXml(panel.yLabel)}</text>`);
  if (panel.series.length > 1 || (panel.series.length === 1 && !/^series \d+$/.test(panel.series[0]!.name))) out.push(legendSvg(panel.series, MARGIN.left + w - 6, MARGIN.top + 6));
  return out.join('');
}

/** Same units per pixel on both axes: the shorter range grows around its centre. */
function equalize(x: Axis, y: Axis): void {
  const w = PANEL_W - MARGIN.left - MARGIN.right;
  const h = PANEL_H - MARGIN.top - MARGIN.bottom;
  const per = Math.max((x.max - x.min) / w, (y.max - y.min) / h);
  for (const [axis, px] of [
    [x, w],
    [y, h],
  ] as const) {
    const c = (axis.min + axis.max) / 2;
    axis.min = c - (per * px) / 2;
    axis.max = c + (per * px) / 2;
    axis.ticks = axisFor([axis.min, axis.max], 'linear').ticks.filter((t) => t >= axis.min && t <= axis.max);
  }
}

function seriesSvg(s: ChartSeries, color: string, x: Axis, y: Axis, px: (v: number) => number, py: (v: number) => number): string {
  const ok = (i: number): boolean => Number.isFinite(s.x[i]!) && Number.isFinite(s.y[i]!) && (x.scale === 'linear' || s.x[i]! > 0) && (y.scale === 'linear' || s.y[i]! > 0);
  const out: string[] = [];
  if (s.mode !== 'markers') {
    // A gap (NaN, or a non-positive value on a log axis) breaks the line, as in matplotlib.
    let d = '';
    let pen = false;
    for (let i = 0; i < s.x.length; i++) {
      if (!ok(i)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${num(px(s.x[i]!))} ${num(py(s.y[i]!))}`;
      pen = true;
    }
    if (d) out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.8"${s.dash ? ` stroke-dasharray="${DASHES[s.dash]}"` : ''}/>`);
  }
  if (s.mode !== 'lines') {
    for (let i = 0; i < s.x.length; i++) if (ok(i)) out.push(markerSvg(px(s.x[i]!), py(s.y[i]!), color, s.symbol));
  }
  return out.join('');
}

function markerSvg(cx: number, cy: number, color: string, symbol: ChartSeries['symbol']): string {
  const [x, y] = [num(cx), num(cy)];
  switch (symbol) {
    case 'x':
      return `<path d="M${num(cx - 3)} ${num(cy - 3)}L${num(cx + 3)} ${num(cy + 3)}M${num(cx - 3)} ${num(cy + 3)}L${num(cx + 3)} ${num(cy - 3)}" stroke="${color}" stroke-width="1.5"/>`;
    case 'square':
      return `<rect x="${num(cx - 3)}" y="${num(cy - 3)}" width="6" height="6" fill="${color}"/>`;
    case 'triangle-up':
      return `<path d="M${x} ${num(cy - 4)}L${num(cx + 4)} ${num(cy + 3)}L${num(cx - 4)} ${num(cy + 3)}Z" fill="${color}"/>`;
    case 'star':
      return `<text x="${x}" y="${y}" font-size="11" text-anchor="middle" dominant-baseline="middle" fill="${color}">★</text>`;
    case undefined:
      return `<circle cx="${x}" cy="${y}" r="3" fill="${color}"/>`;
  }
}

function legendSvg(series: ChartSeries[], right: number, top: number): string {
  const width = Math.max(...series.map((s) => s.name.length)) * 6.5 + 34;
  const rows = series.map((s, i) => {
    const yy = top + 12 + i * 16;
    const color = COLORS[i % COLORS.length]!;
    const sample = s.mode === 'markers' ? markerSvg(right - width + 16, yy, color, s.symbol) : `<line x1="${right - width + 6}" x2="${right - width + 26}" y1="${yy}" y2="${yy}" stroke="${color}" stroke-width="1.8"${s.dash ? ` stroke-dasharray="${DASHES[s.dash]}"` : ''}/>`;
    return `${sample}<text x="${right - width + 30}" y="${yy}" font-size="11" dominant-baseline="middle" fill="#222">${escapeXml(s.name)}</text>`;
  });
  return `<rect x="${num(right - width)}" y="${top}" width="${num(width)}" height="${series.length * 16 + 8}" fill="#fff" fill-opacity="0.85" stroke="#ccc"/>${rows.join('')}`;
}

/** The contour's values as a heat map of at most about 50 x 50 cells (a dark-to-light ramp, low values dark). */
function contourSvg(c: ChartContour, px: (v: number) => number, py: (v: number) => number): string {
  const finite = c.z.filter(Number.isFinite);
  if (finite.length === 0 || c.x.length < 2 || c.y.length < 2) return '';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const stepI = Math.max(1, Math.ceil(c.y.length / 50));
  const stepJ = Math.max(1, Math.ceil(c.x.length / 50));
  const out: string[] = [];
  for (let i = 0; i + stepI < c.y.length; i += stepI) {
    for (let j = 0; j + stepJ < c.x.length; j += stepJ) {
      const z = c.z[i * c.x.length + j]!;
      if (!Number.isFinite(z)) continue;
      const t = hi > lo ? (z - lo) / (hi - lo) : 0;
      const [x0, x1, y0, y1] = [px(c.x[j]!), px(c.x[j + stepJ]!), py(c.y[i]!), py(c.y[i + stepI]!)];
      out.push(`<rect x="${num(Math.min(x0, x1))}" y="${num(Math.min(y0, y1))}" width="${num(Math.abs(x1 - x0) + 0.5)}" height="${num(Math.abs(y1 - y0) + 0.5)}" fill="${ramp(t)}"/>`);
    }
  }
  return out.join('');
}

/** Dark blue (0) to pale yellow (1), roughly viridis. */
function ramp(t: number): string {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const f = Math.min(0.999, Math.max(0, t)) * (stops.length - 1);
  const k = Math.floor(f);
  const a = stops[k]!;
  const b = stops[k + 1]!;
  const mix = (i: number): number => Math.round(a[i]! + (b[i]! - a[i]!) * (f - k));
  return `rgb(${mix(0)},${mix(1)},${mix(2)})`;
}
