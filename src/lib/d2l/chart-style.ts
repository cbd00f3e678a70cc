/** What d2l's charts share: the axes and legend options, and matplotlib-style format strings as series styles. */
import type { ChartSeries } from '../output-kinds';

export interface PlotOptions {
  xLabel?: string;
  yLabel?: string;
  legend?: string[];
  xLim?: [number, number];
  yLim?: [number, number];
  xScale?: 'linear' | 'log';
  yScale?: 'linear' | 'log';
  /** Per-series style: '-' line, '--' dashed, ':' dotted, '-.' dash-dot, 'o' or '.' markers (scatter), 'x', 's', '^', '*' other markers, '-o' both. */
  fmts?: string[];
  title?: string;
}

/** The Plotly mode a format string asks for: lines, markers or both. */
function modeOf(fmt: string | undefined): ChartSeries['mode'] {
  if (fmt === undefined) return 'lines';
  const marker = /[o.x*s^]/.test(fmt.replace(/-/g, ''));
  const line = fmt.includes('-') || fmt.includes(':') || !marker;
  return marker && line ? 'lines+markers' : marker ? 'markers' : 'lines';
}

const SYMBOLS: Record<string, NonNullable<ChartSeries['symbol']>> = { x: 'x', s: 'square', '^': 'triangle-up', '*': 'star' };

/** A matplotlib-style format string ('-', '--', ':', '-.', 'o', '-o', 'x', ...) as a series style. */
export function styleOf(fmt: string | undefined): Pick<ChartSeries, 'mode' | 'dash' | 'symbol'> {
  const style: Pick<ChartSeries, 'mode' | 'dash' | 'symbol'> = { mode: modeOf(fmt) };
  if (fmt === undefined) return style;
  if (fmt.includes('--')) style.dash = 'dash';
  else if (fmt.includes('-.')) style.dash = 'dashdot';
  else if (fmt.includes(':')) style.dash = 'dot';
  const symbol = [...fmt].map((c) => SYMBOLS[c]).find((s) => s !== undefined);
  if (symbol) style.symbol = symbol;
  return style;
}
