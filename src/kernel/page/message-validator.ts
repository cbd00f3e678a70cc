/**
 * The page's check of every kernel -> page message (protocol.ts), before it touches the page's
 * state, storage or DOM. Cell code runs in the same worker as the kernel and may reach its port,
 * so whatever arrives may have been written by a cell: a schema per message type (types, enums,
 * string lengths, array sizes, finite numbers, no prototype keys) returns a fresh copy holding
 * only the protocol's keys, or says why the message was refused. The client drops and counts
 * refused messages (KernelClient.rejected).
 *
 * Limits here are structural (what no honest kernel sends); how much of an output the page shows
 * is bounded again where it is shown (src/app/run/bound-output.ts), with "N more left out".
 */
import {
  BACKEND_LADDER,
  type AssetRequest,
  type BackendName,
  type BackendProbe,
  type BackendTrial,
  type CellOutput,
  type ChartContour,
  type ChartOutput,
  type ChartPanel,
  type ChartSeries,
  type ControlSpec,
  type ControlValue,
  type ControlledOutput,
  type ControlsOutput,
  type DoneMessage,
  type ErrorOutput,
  type ImagesOutput,
  type KernelToPage,
  type OutputImage,
  type OutputMessage,
  type StatusMessage,
  type StorageRequest,
  type TableOutput,
  type TextOutput,
  type ValueOutput,
  type WasmThreading,
} from '../protocol';
import { safeString } from '../core/thrown-value';
import { arr, bool, bytes, nullable, num, numbers, obj, oneOf, opt, SchemaError, str, tag, tuple2, variant, type Schema } from './schema';

export const MESSAGE_LIMITS = {
  /** Run ids (`run-N`), chart ids. */
  idChars: 200,
  /** Names, labels, titles, reasons, storage file names, asset paths. */
  shortChars: 4_000,
  /** Text, values and error messages (the page shows at most MAX_TEXT_CHARS of them). */
  contentChars: 64 * 1024 * 1024,
  tableColumns: 10_000,
  tableRows: 1_000_000,
  images: 100_000,
  imageSide: 16_384,
  chartPanels: 64,
  seriesPerPanel: 256,
  pointsPerSeries: 10_000_000,
  chartNotes: 1_000,
  /** Bytes a cell may save or download in one call (the page's file store holds 512 MB). */
  fileBytes: 512 * 1024 * 1024,
  probeTrials: 16,
  probeSamples: 256,
  fallbacks: 16,
  /** Grid points of a contour (x.length * y.length). */
  contourPoints: 1_000_000,
  controls: 16,
  controlOptions: 64,
  controlledOutputs: 1_000,
} as const;

const L = MESSAGE_LIMITS;
const id = str(L.idChars);
const short = str(L.shortChars);
const content = str(L.contentChars);
const count = num({ integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
const ms = num({ min: 0 });
const backendName: Schema<BackendName> = oneOf(BACKEND_LADDER);

// ---- the speed probe (also what the page caches: probe-cache.ts checks it on write and read) ----

const samples = numbers(L.probeSamples, { min: 0 });
const trial: Schema<BackendTrial> = variant<BackendTrial, 'outcome'>('outcome', {
  timed: obj<Extract<BackendTrial, { outcome: 'timed' }>>({ name: backendName, outcome: tag('timed'), ms, samples, stoppedEarly: bool }),
  'over-cap': obj<Extract<BackendTrial, { outcome: 'over-cap' }>>({ name: backendName, outcome: tag('over-cap'), ms: nullable(ms), samples, capMs: ms }),
  wrong: obj<Extract<BackendTrial, { outcome: 'wrong' }>>({ name: backendName, outcome: tag('wrong'), reason: short }),
  unavailable: obj<Extract<BackendTrial, { outcome: 'unavailable' }>>({ name: backendName, outcome: tag('unavailable'), reason: short }),
  failed: obj<Extract<BackendTrial, { outcome: 'failed' }>>({ name: backendName, outcome: tag('failed'), reason: short }),
  skipped: obj<Extract<BackendTrial, { outcome: 'skipped' }>>({ name: backendName, outcome: tag('skipped'), reason: short }),
});

const isoDate: Schema<string> = (x, path) => {
  const s = str(40)(x, path);
  if (Number.isNaN(Date.parse(s))) throw new SchemaError(path, `expected an ISO 8601 date, got ${JSON.stringify(s)}`);
  return s;
};

export const backendProbeSchema: Schema<BackendProbe> = obj<BackendProbe>({
  version: num({ integer: true, min: 0, max: 1e6 }),
  key: short,
  chosen: backendName,
  basis: oneOf(['fastest', 'none-finished']),
  trials: arr(trial, L.probeTrials),
  recheck: nullable(obj<NonNullable<BackendProbe['recheck']>>({ names: tuple2(backendName, backendName), samples: tuple2(samples, samples) })),
  measuredAt: isoDate,
  totalMs: ms,
  fromCache: bool,
});

// ---- status ---------------------------------------------------------------------------------

const status: Schema<StatusMessage> = obj<StatusMessage>({
  type: tag('status'),
  state: oneOf(['starting', 'idle', 'busy']),
  backend: nullable(backendName),
  fallbacks: arr(obj<StatusMessage['fallbacks'][number]>({ name: backendName, reason: short }), L.fallbacks),
  probe: nullable(backendProbeSchema),
  wasm: nullable(obj<WasmThreading>({ threads: num({ integer: true, min: 1, max: 1024 }), note: nullable(short) })),
  memory: nullable(obj<NonNullable<StatusMessage['memory']>>({ numTensors: count, numBytes: count })),
});

// ---- outputs --------------------------------------------------------------------------------

const text = obj<TextOutput>({ kind: tag('text'), stream: oneOf(['stdout', 'stderr']), text: content });
const value = obj<ValueOutput>({ kind: tag('value'), type: oneOf(['ndarray', 'other']), text: content });
const position = nullable(num({ integer: true, min: 0, max: 1e9 }));
const error = obj<ErrorOutput>({ kind: tag('error'), name: short, message: content, line: position, column: position, sourceLine: nullable(content) });

const tableCell: Schema<string | number | null> = (x, path) => {
  if (x === null || typeof x === 'number') return x; // NaN and Infinity are values a table may show
  return short(x, path);
};
const table = obj<TableOutput>({
  kind: tag('table'),
  columns: arr(short, L.tableColumns),
  rows: arr(arr(tableCell, L.tableColumns), L.tableRows),
  caption: opt(short),
});

const side = num({ integer: true, min: 0, max: L.imageSide });
const image: Schema<OutputImage> = (x, path) => {
  const im = obj<OutputImage>({ width: side, height: side, channels: oneOf([1, 3]), pixels: bytes(L.imageSide * L.imageSide * 3), title: opt(short) })(x, path);
  const need = im.width * im.height * im.channels;
  if (im.pixels.length < need) throw new SchemaError(`${path}.pixels`, `expected ${need} bytes for ${im.width}x${im.height}x${im.channels}, got ${im.pixels.length}`);
  return im;
};
const images = obj<ImagesOutput>({
  kind: tag('images'),
  images: arr(image, L.images),
  columns: num({ integer: true, min: 1, max: 1000 }),
  scale: num({ min: 0.01, max: 64 }),
});

const limits = opt(tuple2(num(), num()));
const series = obj<ChartSeries>({
  name: short,
  // NaN and Infinity are points too (a diverging loss); the chart leaves them out.
  x: numbers(L.pointsPerSeries, { finite: false }),
  y: numbers(L.pointsPerSeries, { finite: false }),
  mode: oneOf(['lines', 'markers', 'lines+markers']),
  dash: opt(oneOf(['dash', 'dot', 'dashdot'])),
  symbol: opt(oneOf(['x', 'square', 'triangle-up', 'star'])),
});
const contour: Schema<ChartContour> = (x, path) => {
  const c = obj<ChartContour>({
    x: numbers(L.contourPoints),
    y: numbers(L.contourPoints),
    // Infinity where the function overflows: the chart leaves those points out.
    z: numbers(L.contourPoints, { finite: false }),
    levels: opt(num({ integer: true, min: 1, max: 200 })),
  })(x, path);
  if (c.z.length !== c.x.length * c.y.length) throw new SchemaError(`${path}.z`, `expected x.length * y.length = ${c.x.length * c.y.length} values, got ${c.z.length}`);
  return c;
};
const panel = obj<ChartPanel>({
  title: opt(short),
  xLabel: opt(short),
  yLabel: opt(short),
  xScale: oneOf(['linear', 'log']),
  yScale: oneOf(['linear', 'log']),
  xLim: limits,
  yLim: limits,
  equalAxes: opt(bool),
  contour: opt(contour),
  series: arr(series, L.seriesPerPanel),
});
const chart = obj<ChartOutput>({ kind: tag('chart'), chartId: id, panels: arr(panel, L.chartPanels), notes: arr(short, L.chartNotes) });

const controlledOutput: Schema<ControlledOutput> = variant<ControlledOutput>('kind', { text, value, error, table, images, chart });

const controlSpec: Schema<ControlSpec> = variant<ControlSpec>('kind', {
  slider: (x, path) => {
    const c = obj<Extract<ControlSpec, { kind: 'slider' }>>({ kind: tag('slider'), name: short, min: num(), max: num(), step: num({ min: 0 }), log: bool })(x, path);
    if (!(c.min < c.max) || !(c.step > 0) || (c.log && c.min <= 0)) throw new SchemaError(path, `expected min < max, a positive step and a positive min on a log slider, got [${c.min}, ${c.max}] step ${c.step}`);
    return c;
  },
  select: obj<Extract<ControlSpec, { kind: 'select' }>>({ kind: tag('select'), name: short, options: arr(short, L.controlOptions) }),
});
const controlValue: Schema<ControlValue> = (x, path) => (typeof x === 'number' ? num()(x, path) : short(x, path));
const controls: Schema<ControlsOutput> = (x, path) => {
  const c = obj<ControlsOutput>({
    kind: tag('controls'),
    controlsId: id,
    controls: arr(controlSpec, L.controls),
    values: arr(controlValue, L.controls),
    state: oneOf(['running', 'done', 'error', 'stopped']),
    outputs: arr(controlledOutput, L.controlledOutputs),
  })(x, path);
  if (c.values.length !== c.controls.length) throw new SchemaError(`${path}.values`, `expected one value per control (${c.controls.length}), got ${c.values.length}`);
  c.controls.forEach((k, i) => {
    if (typeof c.values[i] !== (k.kind === 'slider' ? 'number' : 'string')) throw new SchemaError(`${path}.values[${i}]`, `expected a ${k.kind === 'slider' ? 'number' : 'string'} for the ${k.kind} '${k.name}'`);
  });
  return c;
};

export const cellOutputSchema: Schema<CellOutput> = variant<CellOutput>('kind', { text, value, error, table, images, chart, controls });

const output = obj<OutputMessage>({ type: tag('output'), id, output: cellOutputSchema });
const done = obj<DoneMessage>({ type: tag('done'), id, status: oneOf(['ok', 'error', 'interrupted']), durationMs: ms });
const assetRequest = obj<AssetRequest>({ type: tag('asset-request'), requestId: count, path: short });

const storageHead = { type: tag('storage-request'), requestId: count, runId: nullable(id) } as const;
const storageRequest = variant<StorageRequest, 'op'>('op', {
  write: obj<Extract<StorageRequest, { op: 'write' }>>({ ...storageHead, op: tag('write'), name: short, bytes: bytes(L.fileBytes) }),
  read: obj<Extract<StorageRequest, { op: 'read' }>>({ ...storageHead, op: tag('read'), name: short }),
  download: obj<Extract<StorageRequest, { op: 'download' }>>({ ...storageHead, op: tag('download'), name: short, bytes: bytes(L.fileBytes) }),
  upload: obj<Extract<StorageRequest, { op: 'upload' }>>({ ...storageHead, op: tag('upload') }),
});

const kernelToPage: Schema<KernelToPage> = variant<KernelToPage>('type', {
  status,
  output,
  done,
  'asset-request': assetRequest,
  'storage-request': storageRequest,
});

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

function check<T>(schema: Schema<T>, x: unknown, path: string): Checked<T> {
  try {
    return { ok: true, value: schema(x, path) };
  } catch (e) {
    if (e instanceof SchemaError) return { ok: false, reason: e.message };
    // A getter or proxy trap cannot run here (structured clone makes plain data), but a bug in a
    // schema must not let the message through either.
    return { ok: false, reason: `could not be checked: ${safeString(e)}` };
  }
}

/** A kernel message, checked and copied; or why it was refused. */
export function validateKernelMessage(x: unknown): Checked<KernelToPage> {
  return check(kernelToPage, x, '');
}

/** One output (the `output` of an OutputMessage), checked and copied. */
export function validateCellOutput(x: unknown): Checked<CellOutput> {
  return check(cellOutputSchema, x, 'output');
}

/** A speed probe (from the kernel, or from the page's storage), checked and copied. */
export function validateBackendProbe(x: unknown): Checked<BackendProbe> {
  return check(backendProbeSchema, x, 'probe');
}

/** String(x) that never throws: one definition, beside the kernel's reading of thrown values; the page uses it too. */
export { safeString };
