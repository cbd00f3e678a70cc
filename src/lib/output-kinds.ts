/**
 * The outputs a cell can show, as data (never markup): the one vocabulary of the library that
 * makes them (display.ts, the d2l helpers), the kernel that adds values, errors and controls and
 * sends them (src/kernel/protocol.ts re-exports these types), the page that checks and draws them
 * (src/app/outputs/) and the recorded outputs of the book. Data only, besides two total functions
 * over it (updateKey, assertNever): every side imports it and pulls nothing else in.
 *
 * A new kind goes into `CellOutput` here; every switch over `kind` ends in
 * `assertNever`, so the compiler lists each place that must learn it (CONTRIBUTING.md says which).
 */
import type { ControlSpec, ControlValue } from './controls';

/** What print / console.log write. */
export interface TextOutput {
  kind: 'text';
  /** 'stdout' for print/console.log, 'stderr' for console.warn/error. */
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface TableOutput {
  kind: 'table';
  columns: string[];
  rows: (string | number | null)[][];
  caption?: string;
}

/** One image of an ImagesOutput (not the DOM's ImageData, which the page builds from it). */
export interface OutputImage {
  width: number;
  height: number;
  /** Grayscale (1) or RGB (3), row-major, 0..255. */
  channels: 1 | 3;
  pixels: Uint8Array;
  title?: string;
}

export interface ImagesOutput {
  kind: 'images';
  images: OutputImage[];
  /** Images per row in the grid. */
  columns: number;
  /** Display scale of each image (pixels per data pixel). */
  scale: number;
}

export interface ChartSeries {
  name: string;
  x: number[];
  y: number[];
  mode: 'lines' | 'markers' | 'lines+markers';
  /** Line pattern when not solid (matplotlib's '--', ':' and '-.'). */
  dash?: 'dash' | 'dot' | 'dashdot';
  /** Marker shape when not a circle (matplotlib's 'x', 's', '^', '*'). */
  symbol?: 'x' | 'square' | 'triangle-up' | 'star';
}

/**
 * A function of two variables on a grid, drawn under the panel's series as filled contours (the
 * optimization chapter's trajectories run over it). `z` is row-major: z[i * x.length + j] is the
 * value at (x[j], y[i]).
 */
export interface ChartContour {
  x: number[];
  y: number[];
  z: number[];
  /** Contour lines drawn (about); Plotly picks round levels near this count. */
  levels?: number;
}

export interface ChartPanel {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  xScale: 'linear' | 'log';
  yScale: 'linear' | 'log';
  xLim?: [number, number];
  yLim?: [number, number];
  /** Same scale on both axes (a contour's circles stay round). */
  equalAxes?: boolean;
  contour?: ChartContour;
  series: ChartSeries[];
}

export interface ChartOutput {
  kind: 'chart';
  /** Stable within a cell run: later updates of the same chart replace it. */
  chartId: string;
  panels: ChartPanel[];
  /** Notes such as "the loss became NaN at epoch 3". */
  notes: string[];
}

/** A displayed value: an NDArray's MXNet text form, or another value's readable form. */
export interface ValueOutput {
  kind: 'value';
  /** 'ndarray' when the value was an NDArray. */
  type: 'ndarray' | 'other';
  text: string;
}

export interface ErrorOutput {
  kind: 'error';
  name: string;
  message: string;
  /** Position in the cell's own source: 1-based line, 1-based column; null when unknown. */
  line: number | null;
  column: number | null;
  /** The cell's source line, for showing under the message. */
  sourceLine: string | null;
}

/** What library code shows through `display` (the kernel adds values, errors and controls). */
export type DisplayOutput = TextOutput | TableOutput | ImagesOutput | ChartOutput;

/** What a controls' callback may show under its controls (controls do not nest). */
export type ControlledOutput = DisplayOutput | ValueOutput | ErrorOutput;

/**
 * Controls a cell created with d2l.controls, with the outputs of the latest run of their
 * callback. Sent again (same controlsId, same run id) each time the callback runs or streams:
 * the page replaces it in place. Recorded outputs keep the final one, shown with static values.
 */
export interface ControlsOutput {
  kind: 'controls';
  /** Unique within the kernel; the page names it in ControlsChangeRequest. */
  controlsId: string;
  controls: ControlSpec[];
  /** The values the outputs below were computed with, one per control. */
  values: ControlValue[];
  /** The callback is running, finished, failed, or was stopped by the reader. */
  state: 'running' | 'done' | 'error' | 'stopped';
  outputs: ControlledOutput[];
}

/** Every output a cell can have. */
export type CellOutput = ControlledOutput | ControlsOutput;

/** The kinds, for tables keyed by kind (`satisfies Record<OutputKind, ...>` checks that none is missing). */
export type OutputKind = CellOutput['kind'];

/**
 * A live chart's or a controls output's identity across its updates (a later version replaces the
 * earlier one where it first appeared); null for outputs that are never updated.
 */
export function updateKey(output: CellOutput): string | null {
  switch (output.kind) {
    case 'chart':
      return `chart:${output.chartId}`;
    case 'controls':
      return `controls:${output.controlsId}`;
    case 'text':
    case 'value':
    case 'error':
    case 'table':
    case 'images':
      return null;
    default:
      return assertNever(output);
  }
}

/** Ends an exhaustive switch: a case left out fails to compile here, and throws if reached at run time. */
export function assertNever(x: never): never {
  throw new Error(`unexpected: ${JSON.stringify(x)}`);
}
