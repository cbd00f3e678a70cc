/**
 * ChartOutput (data from the kernel) -> a Plotly figure, and how to go from one state of a
 * live chart to the next: while training, each update only appends points, so the page
 * extends the traces (Plotly.extendTraces) instead of redrawing; anything else (a new series,
 * changed axes) is a Plotly.react. Pure, so both decisions are unit-tested.
 */
import type { ChartOutput, ChartPanel, ChartSeries } from '../../kernel/protocol';
import type { PlotlyAxis, PlotlyContour, PlotlyLayout, PlotlyScatter, PlotlyTrace } from './plotly-types';
import { logTicks } from '../../render/chart-axes';
import type { ChartColors } from '../../render/chart-palette';

// The palettes and the log ticks are shared with the SVG charts of the static pages and notebooks (src/render).
export { DARK_CHART, LIGHT_CHART, type ChartColors } from '../../render/chart-palette';
export { logTicks } from '../../render/chart-axes';

/**
 * Text for Plotly. Plotly reads a subset of HTML in every text it draws (titles, legends, axis
 * labels, hover labels): `<a href>` becomes a live link, `<br>` a line break. Text from cells is
 * shown as written: `&`, `<` and `>` become entities, which Plotly draws as the characters.
 */
export function plotlyText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const axisName = (kind: 'x' | 'y', panel: number) => `${kind}${panel === 0 ? '' : panel + 1}`;
const layoutKey = (kind: 'x' | 'y', panel: number) => `${kind}axis${panel === 0 ? '' : panel + 1}`;

/** Plotly's log axes take their range in log10 units. */
function axis(scale: 'linear' | 'log', label: string | undefined, lim: [number, number] | undefined, values: readonly number[], colors: ChartColors): PlotlyAxis {
  // Fixed margins (no automargin): automargin schedules extra redraws that race with live updates.
  const a: PlotlyAxis = { type: scale, gridcolor: colors.grid, zerolinecolor: colors.axis, linecolor: colors.axis };
  if (label) a.title = { text: plotlyText(label), font: { size: 13 } };
  if (scale === 'log') Object.assign(a, logTicks(lim ?? values));
  if (lim) a.range = scale === 'log' ? [Math.log10(lim[0]), Math.log10(lim[1])] : [lim[0], lim[1]];
  else a.autorange = true;
  return a;
}

/** Panel p's contour as a Plotly contour trace (non-finite values left out). */
export function contourTrace(panel: ChartPanel, p: number, colors: ChartColors): PlotlyContour | null {
  const c = panel.contour;
  if (!c) return null;
  const z: (number | null)[][] = c.y.map((_, i) => c.z.slice(i * c.x.length, (i + 1) * c.x.length).map((v) => (Number.isFinite(v) ? v : null)));
  return {
    type: 'contour',
    name: 'contours',
    x: c.x.slice(),
    y: c.y.slice(),
    z,
    xaxis: axisName('x', p),
    yaxis: axisName('y', p),
    showscale: false,
    showlegend: false,
    ncontours: c.levels ?? 16,
    autocontour: true,
    contours: { coloring: 'lines' },
    colorscale: colors.contour,
    line: { width: 1.2 },
    hoverinfo: 'skip',
  };
}

/** Every trace in drawing order: per panel, its contour (under) and then its series. */
export function chartData(chart: ChartOutput, colors: ChartColors): PlotlyTrace[] {
  const scatters = chartTraces(chart, colors);
  const data: PlotlyTrace[] = [];
  let k = 0;
  chart.panels.forEach((panel, p) => {
    const contour = contourTrace(panel, p, colors);
    if (contour) data.push(contour);
    for (let s = 0; s < panel.series.length; s++) data.push(scatters[k++]!);
  });
  return data;
}

/**
 * A line of one point draws nothing: a live chart's first point (the first minibatches of a
 * training run) would leave the axes empty until the second. Such a series is drawn as a marker;
 * chartUpdate redraws it as a line when its second point comes.
 */
const drawnMode = (s: ChartSeries): ChartSeries['mode'] => (s.mode === 'lines' && s.x.length === 1 ? 'lines+markers' : s.mode);

/** The series of every panel as scatter traces (contours: chartData). */
export function chartTraces(chart: ChartOutput, colors: ChartColors): PlotlyScatter[] {
  const colorOf = new Map<string, string>();
  const traces: PlotlyScatter[] = [];
  chart.panels.forEach((panel, p) => {
    for (const s of panel.series) {
      const first = !colorOf.has(s.name);
      if (first) colorOf.set(s.name, colors.series[colorOf.size % colors.series.length]!);
      const color = colorOf.get(s.name)!;
      traces.push({
        type: 'scatter',
        name: plotlyText(s.name),
        x: s.x.slice(),
        y: s.y.slice(),
        mode: drawnMode(s),
        xaxis: axisName('x', p),
        yaxis: axisName('y', p),
        legendgroup: s.name,
        showlegend: first, // one legend entry per series name, across panels
        line: s.dash ? { color, width: 2, dash: s.dash } : { color, width: 2 },
        marker: s.symbol ? { color, size: 7, symbol: s.symbol } : { color, size: 6 },
      });
    }
  });
  return traces;
}

/** Plotly's horizontal legend item: the line sample (about 40 px) and gaps around the text. */
const LEGEND_ITEM_PX = 46;
const LEGEND_ROW_PX = 28;
/** The top margin holds Plotly's toolbar (about 28 px, top right), so it never covers the plot. */
const MARGIN = { l: 64, r: 16, t: 36, b: 52 };

/** The rows a horizontal legend wraps into: its items placed greedily across the plot's width. */
export function legendRows(textWidths: readonly number[], plotWidth: number): number {
  let rows = 1;
  let x = 0;
  for (const w of textWidths) {
    const item = LEGEND_ITEM_PX + w;
    if (x > 0 && x + item > plotWidth) {
      rows++;
      x = 0;
    }
    x += item;
  }
  return rows;
}

/** How wide the figure is and how wide a legend text is drawn, to make room for the legend's rows. */
export interface LegendRoom {
  width: number;
  textWidth: (text: string) => number;
}

export function chartLayout(chart: ChartOutput, colors: ChartColors, fontFamily: string, room?: LegendRoom): PlotlyLayout {
  const n = chart.panels.length;
  const titled = chart.panels.some((p) => p.title);
  const showlegend = chart.panels.some((p) => p.series.length > 1) || n > 1;
  const names = [...new Set(chart.panels.flatMap((p) => p.series.map((s) => s.name)))];
  const rows = showlegend && room ? legendRows(names.map(room.textWidth), room.width - MARGIN.l - MARGIN.r) : 1;
  const layout: PlotlyLayout = {
    height: 320 + (showlegend ? rows * LEGEND_ROW_PX : 0),
    // The bottom margin holds the tick labels and the axis title, then the legend's rows at the
    // bottom of the figure (container coordinates). Placed below the plot in plot coordinates, the
    // legend moved up onto the axis title when it wrapped to two rows on a phone.
    margin: { ...MARGIN, b: MARGIN.b + (showlegend ? rows * LEGEND_ROW_PX + 4 : 0) },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: fontFamily, size: 12, color: colors.text },
    showlegend,
    legend: { orientation: 'h', x: 0, y: 0, xanchor: 'left', yanchor: 'bottom', yref: 'container' },
    annotations: [],
    // Keeps zoom/pan across live updates.
    uirevision: chart.chartId,
  };
  if (n > 1) layout.grid = { rows: 1, columns: n, pattern: 'independent' };
  chart.panels.forEach((panel: ChartPanel, p) => {
    layout[layoutKey('x', p)] = axis(panel.xScale, panel.xLabel, panel.xLim, panel.series.flatMap((s) => s.x), colors);
    layout[layoutKey('y', p)] = axis(panel.yScale, panel.yLabel, panel.yLim, panel.series.flatMap((s) => s.y), colors);
    if (panel.equalAxes) {
      // Shrink the plot area rather than widen the ranges, so the limits asked for stay the picture.
      Object.assign(layout[layoutKey('y', p)] as PlotlyAxis, { scaleanchor: axisName('x', p), scaleratio: 1, constrain: 'domain' });
      Object.assign(layout[layoutKey('x', p)] as PlotlyAxis, { constrain: 'domain' });
    }
    if (panel.title) {
      layout.annotations.push({
        text: plotlyText(panel.title),
        showarrow: false,
        xref: `${axisName('x', p)} domain`,
        yref: `${axisName('y', p)} domain`,
        x: 0.5,
        y: 1.02,
        xanchor: 'center',
        yanchor: 'bottom',
        font: { size: 13 },
      });
    }
  });
  return layout;
}

export type ChartUpdate =
  | { kind: 'same' }
  | { kind: 'extend'; indices: number[]; x: number[][]; y: number[][] }
  | { kind: 'react' };

function sameLayout(a: ChartPanel, b: ChartPanel): boolean {
  return (
    a.title === b.title && a.xLabel === b.xLabel && a.yLabel === b.yLabel && a.xScale === b.xScale && a.yScale === b.yScale &&
    String(a.xLim) === String(b.xLim) && String(a.yLim) === String(b.yLim) && a.series.length === b.series.length &&
    a.equalAxes === b.equalAxes && sameContour(a.contour, b.contour)
  );
}

/** A path drawn over fixed contours extends; contours that changed (new limits) redraw. */
function sameContour(a: ChartPanel['contour'], b: ChartPanel['contour']): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.levels === b.levels && sameNumbers(a.x, b.x) && sameNumbers(a.y, b.y) && sameNumbers(a.z, b.z);
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && isPrefix(a, b);
}

function isPrefix(prefix: number[], of: number[]): boolean {
  if (prefix.length > of.length) return false;
  for (let i = 0; i < prefix.length; i++) if (!Object.is(prefix[i], of[i])) return false;
  return true;
}

/** How to turn the drawn state `prev` into `next`. */
export function chartUpdate(prev: ChartOutput, next: ChartOutput): ChartUpdate {
  if (prev.panels.length !== next.panels.length) return { kind: 'react' };
  const indices: number[] = [];
  const x: number[][] = [];
  const y: number[][] = [];
  let trace = 0;
  for (let p = 0; p < next.panels.length; p++) {
    const a = prev.panels[p]!;
    const b = next.panels[p]!;
    if (!sameLayout(a, b)) return { kind: 'react' };
    if (b.contour) trace++; // the contour trace comes before the panel's series
    for (let s = 0; s < b.series.length; s++, trace++) {
      const sa = a.series[s]!;
      const sb = b.series[s]!;
      if (sa.name !== sb.name || sa.mode !== sb.mode || drawnMode(sa) !== drawnMode(sb) || !isPrefix(sa.x, sb.x) || !isPrefix(sa.y, sb.y) || sb.x.length - sa.x.length !== sb.y.length - sa.y.length) {
        return { kind: 'react' };
      }
      if (sb.x.length > sa.x.length) {
        indices.push(trace);
        x.push(sb.x.slice(sa.x.length));
        y.push(sb.y.slice(sa.y.length));
      }
    }
  }
  return indices.length === 0 ? { kind: 'same' } : { kind: 'extend', indices, x, y };
}
