/**
 * The small part of Plotly's API the reader uses, typed here: the prebuilt basic bundle ships
 * no types, and @types/plotly.js would describe the full build.
 */
export type PlotlyTrace = PlotlyScatter | PlotlyContour;

/** Contour lines of z over the grid x by y (rows of z follow y); null leaves a point out. */
export interface PlotlyContour {
  type: 'contour';
  name: string;
  x: number[];
  y: number[];
  z: (number | null)[][];
  xaxis: string;
  yaxis: string;
  showscale: boolean;
  showlegend: boolean;
  ncontours: number;
  autocontour: boolean;
  contours: { coloring: 'lines' | 'fill' | 'heatmap' | 'none' };
  colorscale: [number, string][];
  line: { width: number };
  hoverinfo: string;
}

export interface PlotlyScatter {
  type: 'scatter';
  name: string;
  x: number[];
  y: number[];
  mode: 'lines' | 'markers' | 'lines+markers';
  xaxis: string;
  yaxis: string;
  legendgroup?: string;
  showlegend?: boolean;
  line?: { color: string; width: number; dash?: 'dash' | 'dot' | 'dashdot' };
  marker?: { color: string; size: number; symbol?: 'x' | 'square' | 'triangle-up' | 'star' };
}

export interface PlotlyAxis {
  type: 'linear' | 'log';
  title?: { text: string; font?: { size: number } };
  range?: [number, number];
  autorange?: boolean;
  tickvals?: number[];
  ticktext?: string[];
  gridcolor?: string;
  zerolinecolor?: string;
  linecolor?: string;
  /** Same units per pixel as this axis (a contour's circles stay round). */
  scaleanchor?: string;
  scaleratio?: number;
  constrain?: 'range' | 'domain';
}

export interface PlotlyLayout {
  [axis: string]: unknown;
  height: number;
  margin: { l: number; r: number; t: number; b: number };
  paper_bgcolor: string;
  plot_bgcolor: string;
  font: { family: string; size: number; color: string };
  showlegend: boolean;
  legend: { orientation: 'h'; x: number; y: number; xanchor: 'left'; yanchor: 'top' | 'bottom'; yref?: 'paper' | 'container' };
  grid?: { rows: number; columns: number; pattern: 'independent' };
  annotations: unknown[];
  uirevision: string;
}

export interface PlotlyConfig {
  responsive: boolean;
  displaylogo: boolean;
  modeBarButtonsToRemove?: string[];
}

export interface PlotlyApi {
  react(el: HTMLElement, data: PlotlyTrace[], layout: PlotlyLayout, config?: PlotlyConfig): Promise<unknown>;
  extendTraces(el: HTMLElement, update: { x: number[][]; y: number[][] }, indices: number[]): Promise<unknown>;
  relayout(el: HTMLElement, update: Record<string, unknown>): Promise<unknown>;
}
