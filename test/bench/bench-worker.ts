/**
 * The benchmark's worker: starts one backend exactly (no ladder), then times each workload
 * through our library and through raw TensorFlow.js, row by row. A row that fails reports
 * why and the run goes on. Medians of repeated runs after warm-up.
 */
import { tf } from '../../src/lib/engine/tf';
// Raw TensorFlow.js as its users get it (the @tensorflow/tfjs bundle registers these): our
// library has its own autograd and never needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { initBackend } from '../../src/lib/engine/backends';
import { limitWasmThreads, wasmThreading } from '../../src/lib/engine/wasm-threads';
import { makePacer } from '../../src/lib/d2l/pacing';
import type { BackendReport, BenchOptions, BenchRow, WorkerMessage } from './bench-protocol';
import * as w from './workloads';
import { resnetOurs, resnetRaw } from './conv-workloads';
import { profileKernels } from './profile';

const post = (m: WorkerMessage): void => postMessage(m);
const log = (text: string): void => post({ kind: 'log', text });

/** Errors the WebGPU device reported on its own (they never reject a promise). */
const deviceErrors: string[] = [];

function watchWebGpu(): void {
  const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
  device?.addEventListener('uncapturederror', (e) => deviceErrors.push((e as GPUUncapturedErrorEvent).error.message));
  void device?.lost.then((info) => deviceErrors.push(`device lost: ${info.message}`));
}

/**
 * A step that never settles (a lost WebGPU device leaves reads pending forever) fails its row
 * after `stepTimeoutMs`; the backend's later rows are then skipped, since its queue is stuck.
 */
let hung: string | null = null;

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      hung = `${what} did not finish within ${ms / 1000} s`;
      reject(new Error(hung));
    }, ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Timing {
  ms: number | null;
  runs: number;
  note?: string;
}

/** Builds a workload, warms it up, then times runs until `reps` or the row's time budget. */
async function time(build: () => Promise<w.Workload> | w.Workload, o: BenchOptions): Promise<Timing & { flops: number | null }> {
  let wl: w.Workload | null = null;
  const errorsBefore = deviceErrors.length;
  if (hung) return { ms: null, runs: 0, flops: null, note: `not run: an earlier step hung (${hung})` };
  try {
    const built = await withTimeout(Promise.resolve(build()), o.stepTimeoutMs, 'building the workload');
    wl = built;
    const step = (): Promise<void> => withTimeout(built.step(), o.stepTimeoutMs, 'a step');
    // A reader's loop yields now and then (the kernel's loop hooks): finalizers free the
    // dropped arrays' tensors. Between timed steps, for both sides.
    const pace = makePacer();
    for (let i = 0; i < o.warmup; i++) {
      await step();
      await pace();
    }
    const times: number[] = [];
    const start = performance.now();
    while (times.length < o.reps && (times.length < 2 || performance.now() - start < o.maxMsPerRow)) {
      const t0 = performance.now();
      await step();
      times.push(performance.now() - t0);
      await pace();
    }
    if (deviceErrors.length > errorsBefore) throw new Error(`the device reported: ${deviceErrors.slice(errorsBefore).join('; ')}`);
    return { ms: median(times), runs: times.length, flops: wl.flops };
  } catch (e) {
    return { ms: null, runs: 0, flops: wl?.flops ?? null, note: `fails: ${(e as Error).message}` };
  } finally {
    try {
      wl?.dispose?.();
    } catch {
      // a dead device cannot free either; the next rows report their own failures
    }
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function pair(op: string, backend: BenchOptions['backend'], ours: () => Promise<w.Workload> | w.Workload, raw: () => Promise<w.Workload> | w.Workload, o: BenchOptions): Promise<BenchRow> {
  log(`${backend}: ${op} (ours)`);
  const a = await time(ours, o);
  log(`${backend}: ${op} (raw)`);
  const b = await time(raw, o);
  const row: BenchRow = { op, backend, oursMs: a.ms, rawMs: b.ms, oursRuns: a.runs, rawRuns: b.runs, flops: a.flops ?? b.flops };
  if (a.note) row.oursNote = a.note;
  if (b.note) row.rawNote = b.note;
  post({ kind: 'row', row });
  return row;
}

/** tf.memory() after `steps` training steps of our MLP (readers never call dispose). */
async function memoryRow(o: BenchOptions): Promise<BenchRow> {
  log(`${o.backend}: memory after ${o.memorySteps} MLP steps`);
  const row: BenchRow = { op: `memory after ${o.memorySteps} MLP steps`, backend: o.backend, oursMs: null, rawMs: null, oursRuns: 0, rawRuns: 0, flops: null };
  if (hung) {
    row.oursNote = `not run: an earlier step hung (${hung})`;
    post({ kind: 'row', row });
    return row;
  }
  try {
    const mlp = w.mlpOurs();
    const pace = makePacer(); // as the kernel's loop hooks: yields every 100 ms, finalizers run
    await mlp.step();
    const snapshots: { step: number; numTensors: number; numBytes: number }[] = [];
    const snap = (step: number): void => void snapshots.push({ step, numTensors: tf.memory().numTensors, numBytes: tf.memory().numBytes });
    snap(1);
    const t0 = performance.now();
    for (let s = 2; s <= o.memorySteps; s++) {
      await mlp.step();
      await pace();
      if (s % Math.max(1, Math.floor(o.memorySteps / 4)) === 0 || s === o.memorySteps) snap(s);
    }
    row.oursMs = (performance.now() - t0) / Math.max(1, o.memorySteps - 1);
    row.oursRuns = o.memorySteps - 1;
    row.extra = { snapshots };
  } catch (e) {
    row.oursNote = `fails: ${(e as Error).message}`;
  }
  post({ kind: 'row', row });
  return row;
}

async function run(o: BenchOptions): Promise<BackendReport> {
  const env: Record<string, unknown> = { crossOriginIsolated: self.crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency, userAgent: navigator.userAgent, tfjs: tf.version_core };
  let info;
  try {
    // The kernel's thread setup (wasm-threads.ts), or fewer threads to compare.
    if (o.wasmThreads !== undefined) limitWasmThreads(o.wasmThreads);
    info = await initBackend(o.backend);
  } catch (e) {
    return { backend: o.backend, initialized: null, error: (e as Error).message, env, rows: [] };
  }
  if (info.name !== o.backend) {
    const why = info.skipped.find((s) => s.name === o.backend)?.reason ?? `started ${info.name} instead`;
    return { backend: o.backend, initialized: null, error: why, env, rows: [] };
  }
  let threads: number | undefined;
  if (o.backend === 'wasm') {
    env.wasmSimd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    env.wasmThreads = wasmThreading();
    threads = wasmThreading()?.threads;
  }
  if (o.backend === 'webgl') env.webglPack = tf.env().getBool('WEBGL_PACK');
  if (o.backend === 'webgpu') watchWebGpu();
  const want = (name: string): boolean => o.only.includes('all') || o.only.includes(name);
  const rows: BenchRow[] = [];
  const b = o.backend;
  if (want('matmul')) {
    for (const n of [512, 1024]) rows.push(await pair(`matmul ${n}`, b, () => w.matmulOurs(n), () => w.matmulRaw(n), o));
  }
  if (want('mlp')) rows.push(await pair('MLP step', b, w.mlpOurs, w.mlpRaw, o));
  if (want('lenet')) rows.push(await pair('LeNet step', b, w.lenetOurs, w.lenetRaw, o));
  if (want('resnet')) rows.push(await pair('ResNet step', b, resnetOurs, resnetRaw, o));
  if (want('rnn')) rows.push(await pair('char-RNN step', b, w.rnnOurs, w.rnnRaw, o));
  if (want('gru')) rows.push(await pair('GRU LM step', b, () => w.gatedOurs('gru'), () => w.gatedRaw('gru'), o));
  if (want('lstm')) rows.push(await pair('LSTM LM step', b, () => w.gatedOurs('lstm'), () => w.gatedRaw('lstm'), o));
  if (want('tiny')) rows.push(await pair(`${w.TINY_OPS.toLocaleString('en')} tiny adds`, b, w.tinyOurs, w.tinyRaw, o));
  if (want('memory') && o.memorySteps > 0) rows.push(await memoryRow(o));
  // Kernel times are wall-clock only where kernels run synchronously (WASM, CPU).
  // `profile` profiles the MLP, char-RNN, LeNet and ResNet steps; `profile-mlp`, `profile-rnn`, `profile-lenet`, `profile-resnet`, `profile-gru` or `profile-lstm` one of them.
  for (const which of ['mlp', 'rnn', 'lenet', 'resnet', 'gru', 'lstm'] as const) {
    if (((want('profile') && which !== 'gru' && which !== 'lstm') || want(`profile-${which}`)) && (b === 'wasm' || b === 'cpu') && !hung) {
      log(`${b}: kernel profile of one ${{ mlp: 'MLP', rnn: 'char-RNN', lenet: 'LeNet', resnet: 'ResNet', gru: 'GRU', lstm: 'LSTM' }[which]} step`);
      const row = await profileKernels(b, which);
      post({ kind: 'row', row });
      rows.push(row);
    }
  }
  return { backend: b, initialized: b, threads, env, rows };
}

self.onmessage = async (e: MessageEvent<BenchOptions>) => {
  try {
    post({ kind: 'done', report: await run(e.data) });
  } catch (err) {
    post({ kind: 'done', report: { backend: e.data.backend, initialized: null, error: `the bench crashed: ${(err as Error).stack ?? String(err)}`, env: {}, rows: [] } });
  }
};
