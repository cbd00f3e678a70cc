/**
 * How much of one output the page shows. Outputs come from cells, and a cell may print a
 * 50-million-character error message, a table of 200,000 rows or a chart of 300,000 points: the
 * page shows a bounded part and says what it left out ("N more ... left out") under the output,
 * so no output can freeze or crash the page. Pure; the kernel message was already checked
 * (src/kernel/page/message-validator.ts), so the types are right and only the sizes are bounded here.
 */
import { assertNever, type CellOutput, type ChartContour, type ChartOutput, type ChartPanel, type ControlsOutput, type ChartSeries, type ErrorOutput, type OutputImage, type ImagesOutput, type TableOutput } from '../../kernel/protocol';
import { pageMessages, type Messages } from '../i18n/messages';

export const OUTPUT_CAPS = {
  /** Characters of one error message. */
  errorChars: 10_000,
  /** Characters of names, titles, captions, labels, table cells, the error's source line. */
  labelChars: 300,
  cellChars: 1_000,
  tableRows: 1_000,
  tableColumns: 100,
  imagesPerOutput: 500,
  /** Pixels of one output's images together (a 2000 x 2000 image). */
  imagePixels: 4_000_000,
  chartPanels: 16,
  seriesPerPanel: 50,
  /** Points drawn per series; longer series are thinned evenly (the last point is always drawn). */
  chartPoints: 10_000,
  chartNotes: 20,
  /** Grid points of a contour (a 250 x 250 grid); finer grids are thinned evenly. */
  contourPoints: 62_500,
  /** Outputs under one set of controls, and characters of their text. */
  controlledOutputs: 50,
  controlledTextChars: 100_000,
} as const;

/** An output as shown: maybe bounded, with what was left out (one line each). */
export type ShownOutput = CellOutput & { leftOut?: string[] };

const C = OUTPUT_CAPS;

/** What was left out, worded in the page's language as the output arrives. */
interface Notes {
  m: Messages;
  list: string[];
}
type What = keyof Messages['bounds']['what'];

/** `s` cut to `max` characters; the note says how many were left out. */
function cut(s: string, max: number, what: What, notes: Notes): string {
  if (s.length <= max) return s;
  notes.list.push(notes.m.bounds.moreChars(s.length - max, notes.m.bounds.what[what]));
  return `${s.slice(0, max)}…`;
}

const label = (s: string | undefined, what: What, notes: Notes) => (s === undefined ? undefined : cut(s, C.labelChars, what, notes));

function boundError(e: ErrorOutput, notes: Notes): ErrorOutput {
  return {
    ...e,
    name: cut(e.name, C.labelChars, 'errorName', notes),
    message: cut(e.message, C.errorChars, 'errorMessage', notes),
    sourceLine: e.sourceLine === null ? null : cut(e.sourceLine, C.cellChars, 'sourceLine', notes),
  };
}

function boundTable(t: TableOutput, notes: Notes): TableOutput {
  const cols = Math.min(t.columns.length, C.tableColumns);
  if (t.columns.length > cols) notes.list.push(notes.m.bounds.moreColumns(t.columns.length - cols));
  if (t.rows.length > C.tableRows) notes.list.push(notes.m.bounds.moreRows(t.rows.length - C.tableRows));
  let longCells = 0;
  const cell = (v: string | number | null) => {
    if (typeof v !== 'string' || v.length <= C.cellChars) return v;
    longCells++;
    return `${v.slice(0, C.cellChars)}…`;
  };
  const rows = t.rows.slice(0, C.tableRows).map((r) => r.slice(0, cols).map(cell));
  if (longCells > 0) notes.list.push(notes.m.bounds.longCells(longCells, C.cellChars));
  const out: TableOutput = { kind: 'table', columns: t.columns.slice(0, cols).map((c) => cut(c, C.labelChars, 'columnName', notes)), rows };
  if (t.caption !== undefined) out.caption = cut(t.caption, C.labelChars, 'caption', notes);
  return out;
}

function boundImages(im: ImagesOutput, notes: Notes): ImagesOutput {
  const images: OutputImage[] = [];
  let pixels = 0;
  for (const image of im.images) {
    const p = image.width * image.height;
    if (images.length >= C.imagesPerOutput || pixels + p > C.imagePixels) break;
    pixels += p;
    images.push({ ...image, title: label(image.title, 'imageTitle', notes) });
  }
  if (images.length < im.images.length) notes.list.push(notes.m.bounds.moreImages(im.images.length - images.length));
  return { ...im, images };
}

/** Every k-th point, and the last: at most `max` points, evenly spread. */
function thin(values: readonly number[], max: number): number[] {
  if (values.length <= max) return values.slice();
  const step = Math.ceil(values.length / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < values.length - 1; i += step) out.push(values[i]!);
  out.push(values[values.length - 1]!);
  return out;
}

function boundSeries(s: ChartSeries, notes: Notes): ChartSeries {
  const points = Math.min(s.x.length, s.y.length);
  const x = points > C.chartPoints ? thin(s.x.slice(0, points), C.chartPoints) : s.x;
  const y = points > C.chartPoints ? thin(s.y.slice(0, points), C.chartPoints) : s.y;
  if (points > C.chartPoints) notes.list.push(notes.m.bounds.thinned(points - x.length, points, s.name.slice(0, 40), Math.ceil(points / (C.chartPoints - 1))));
  return { ...s, name: cut(s.name, C.labelChars, 'seriesName', notes), x, y };
}

/** Every k-th row and column, k the smallest that fits the cap. */
function boundContour(c: ChartContour, notes: Notes): ChartContour {
  const total = c.x.length * c.y.length;
  if (total <= C.contourPoints) return c;
  const k = Math.ceil(Math.sqrt(total / C.contourPoints));
  const cols = c.x.map((_, j) => j).filter((j) => j % k === 0);
  const rows = c.y.map((_, i) => i).filter((i) => i % k === 0);
  notes.list.push(notes.m.bounds.contourThinned(total, cols.length * rows.length));
  return { ...c, x: cols.map((j) => c.x[j]!), y: rows.map((i) => c.y[i]!), z: rows.flatMap((i) => cols.map((j) => c.z[i * c.x.length + j]!)) };
}

function boundPanel(p: ChartPanel, notes: Notes): ChartPanel {
  if (p.series.length > C.seriesPerPanel) notes.list.push(notes.m.bounds.moreSeries(p.series.length - C.seriesPerPanel));
  return {
    ...p,
    ...(p.contour ? { contour: boundContour(p.contour, notes) } : {}),
    title: label(p.title, 'chartTitle', notes),
    xLabel: label(p.xLabel, 'axisLabel', notes),
    yLabel: label(p.yLabel, 'axisLabel', notes),
    series: p.series.slice(0, C.seriesPerPanel).map((s) => boundSeries(s, notes)),
  };
}

function boundChart(c: ChartOutput, notes: Notes): ChartOutput {
  if (c.panels.length > C.chartPanels) notes.list.push(notes.m.bounds.morePanels(c.panels.length - C.chartPanels));
  if (c.notes.length > C.chartNotes) notes.list.push(notes.m.bounds.moreNotes(c.notes.length - C.chartNotes));
  return {
    ...c,
    panels: c.panels.slice(0, C.chartPanels).map((p) => boundPanel(p, notes)),
    notes: c.notes.slice(0, C.chartNotes).map((t) => cut(t, C.cellChars, 'chartNote', notes)),
  };
}

/** The controls as sent; their outputs bounded one by one, as a cell's are. */
function boundControls(c: ControlsOutput, notes: Notes): ControlsOutput {
  if (c.outputs.length > C.controlledOutputs) notes.list.push(notes.m.bounds.moreControlled(c.outputs.length - C.controlledOutputs));
  const outputs = c.outputs.slice(0, C.controlledOutputs).map((o) => {
    if (o.kind === 'text' || o.kind === 'value') return { ...o, text: cut(o.text, C.controlledTextChars, 'output', notes) };
    return boundOutput(o, notes.m) as ControlsOutput['outputs'][number];
  });
  return { ...c, outputs };
}

/**
 * The part of `output` the page shows. Text and values are bounded per cell by the output log
 * (cell-run.ts), which counts characters across outputs; everything else here, per output.
 */
export function boundOutput(output: CellOutput, m: Messages = pageMessages()): ShownOutput {
  const notes: Notes = { m, list: [] };
  let shown: CellOutput;
  switch (output.kind) {
    case 'text':
    case 'value':
      return output;
    case 'error':
      shown = boundError(output, notes);
      break;
    case 'table':
      shown = boundTable(output, notes);
      break;
    case 'images':
      shown = boundImages(output, notes);
      break;
    case 'chart':
      shown = boundChart(output, notes);
      break;
    case 'controls':
      shown = boundControls(output, notes);
      break;
    default:
      return assertNever(output);
  }
  return notes.list.length === 0 ? shown : { ...shown, leftOut: notes.list };
}
