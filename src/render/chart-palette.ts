/**
 * The charts' colours, light and dark: the app's Plotly charts (chart-figure.ts), the static
 * pages' SVG charts (their CSS variables, static-css.ts) and the notebooks' SVG charts (light) all
 * draw with these, so a series has the same colour wherever the reader meets it. Data only.
 */

export interface ChartColors {
  text: string;
  grid: string;
  axis: string;
  /** Contour lines from low to high values: the minimum stands out, the high plateaus recede. */
  contour: [number, string][];
  /** Series colours, in order (the same series name keeps its colour across panels). */
  series: readonly string[];
}

export const LIGHT_CHART: ChartColors = {
  text: '#2b2b2b',
  grid: '#e6e3dc',
  axis: '#b8b2a7',
  contour: [
    [0, '#2a5d8f'],
    [0.5, '#7fa7c9'],
    [1, '#cfd9e3'],
  ],
  series: ['#1f6fb4', '#e0771b', '#2e9a4a', '#c8323a', '#7f5bb8', '#8c5a45', '#d255a6', '#6b6b6b'],
};

export const DARK_CHART: ChartColors = {
  text: '#dcd8d0',
  grid: '#34373d',
  axis: '#5c6068',
  contour: [
    [0, '#8fc3f2'],
    [0.5, '#4d7397'],
    [1, '#2f3d4d'],
  ],
  series: ['#6cb2f0', '#f5a25c', '#6fd08a', '#f07a80', '#b89cf0', '#d6a48c', '#f08ccf', '#b0b0b0'],
};
