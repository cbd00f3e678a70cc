/**
 * Plotly, imported on the first chart only (it is larger than the rest of the reader together).
 * The cartesian bundle: the basic one has no contour traces (the optimization chapter's).
 */
import type { PlotlyApi } from './plotly-types';

let plotly: Promise<PlotlyApi> | null = null;

export function loadPlotly(): Promise<PlotlyApi> {
  plotly ??= import('plotly.js-cartesian-dist-min').then((m) => ((m as { default?: PlotlyApi }).default ?? (m as unknown as PlotlyApi)));
  return plotly;
}
