/**
 * Where a training step's time goes, kernel by kernel (tf.profile; the kernel times are wall
 * clock, meaningful only where kernels run synchronously: WASM and CPU). Profiles one MLP step,
 * one char-RNN step and one GRU or LSTM language-model step of raw TensorFlow.js and of ours, and times the matrix products of the
 * MLP's backward pass with and without tfjs's transpose flags. Work done outside kernels (the
 * tape, our heap copies of contiguous slices on WASM) is not in the kernel times.
 */
import { tf } from '../../src/lib/engine/tf';
import type { BackendName } from '../../src/lib/engine/backends';
import type { BenchRow } from './bench-protocol';
import { resnetOurs, resnetRaw } from './conv-workloads';
import { gatedOurs, gatedRaw, lenetOurs, lenetRaw, mlpOurs, mlpRaw, rnnOurs, rnnRaw, type Workload } from './workloads';

export interface KernelLine {
  kernel: string;
  inputShapes: string;
  calls: number;
  ms: number;
}

/**
 * The step's kernels grouped by name and input shapes, the costliest first: per group the
 * median over `profiles` profiled steps (one step's kernel times jump when another process
 * takes the core; the median drops those).
 */
async function kernelsOf(wl: Workload, profiles = 5): Promise<{ totalMs: number; lines: KernelLine[] }> {
  // warm-up: the first steps allocate and (on WASM) grow the heap
  await wl.step();
  await wl.step();
  const groups = new Map<string, { kernel: string; inputShapes: string; calls: number; ms: number[] }>();
  for (let p = 0; p < profiles; p++) {
    const info = await tf.profile(async () => {
      await wl.step();
      return [];
    });
    const perStep = new Map<string, { calls: number; ms: number }>();
    for (const k of info.kernels) {
      const inputShapes = k.inputShapes.map((s) => `(${(s ?? []).join(',')})`).join(' ');
      const key = `${k.name} ${inputShapes}`;
      const g = groups.get(key) ?? { kernel: k.name, inputShapes, calls: 0, ms: [] };
      groups.set(key, g);
      const s = perStep.get(key) ?? { calls: 0, ms: 0 };
      s.calls++;
      s.ms += k.kernelTimeMs as number;
      perStep.set(key, s);
    }
    for (const [key, s] of perStep) {
      const g = groups.get(key)!;
      g.calls = s.calls;
      g.ms.push(s.ms);
    }
  }
  const lines = [...groups.values()].map((g) => ({ kernel: g.kernel, inputShapes: g.inputShapes, calls: g.calls, ms: median(g.ms) })).sort((a, b) => b.ms - a.ms);
  return { totalMs: lines.reduce((s, l) => s + l.ms, 0), lines };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median ms of `reps` runs of `f` (reads the result, so the work is done). */
async function timeOp(f: () => tf.Tensor, reps = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps + 2; i++) {
    const t0 = performance.now();
    const out = f();
    await out.data();
    out.dispose();
    if (i >= 2) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/**
 * The MLP's backward products as tf.grad of matMul computes them (transpose flags) and with the
 * transposed operand materialized first.
 */
async function transposeFlags(): Promise<Record<string, { flagMs: number; transposeFirstMs: number }>> {
  const X = tf.randomNormal([256, 784]);
  const G1 = tf.randomNormal([256, 256]); // dL/d(X W1)
  const W2 = tf.randomNormal([256, 10]);
  const G2 = tf.randomNormal([256, 10]); // dL/dlogits
  const out: Record<string, { flagMs: number; transposeFirstMs: number }> = {};
  const cases: [string, tf.Tensor, tf.Tensor, boolean, boolean][] = [
    ['dW1 = X^T G1: (784,256) from (256,784)^T (256,256)', X, G1, true, false],
    ['dH = G2 W2^T: (256,256) from (256,10) (256,10)^T', G2, W2, false, true],
  ];
  for (const [name, a, b, ta, tb] of cases) {
    out[name] = {
      flagMs: await timeOp(() => tf.matMul(a, b, ta, tb)),
      transposeFirstMs: await timeOp(() => tf.tidy(() => tf.matMul(ta ? tf.transpose(a) : a, tb ? tf.transpose(b) : b))),
    };
  }
  tf.dispose([X, G1, W2, G2]);
  return out;
}

const PROFILED = {
  mlp: { op: 'kernel profile, MLP step', ours: mlpOurs, raw: mlpRaw },
  rnn: { op: 'kernel profile, char-RNN step', ours: rnnOurs, raw: rnnRaw },
  lenet: { op: 'kernel profile, LeNet step', ours: lenetOurs, raw: lenetRaw },
  resnet: { op: 'kernel profile, ResNet step', ours: resnetOurs, raw: resnetRaw },
  gru: { op: 'kernel profile, GRU LM step', ours: () => gatedOurs('gru'), raw: () => gatedRaw('gru') },
  lstm: { op: 'kernel profile, LSTM LM step', ours: () => gatedOurs('lstm'), raw: () => gatedRaw('lstm') },
} as const;

export type ProfiledStep = keyof typeof PROFILED;

export async function profileKernels(backend: BackendName, which: ProfiledStep = 'mlp'): Promise<BenchRow> {
  const p = PROFILED[which];
  const row: BenchRow = { op: p.op, backend, oursMs: null, rawMs: null, oursRuns: 1, rawRuns: 1, flops: null };
  row.extra = {};
  // Each side on its own: raw LeNet cannot train on WASM (no Conv2DBackpropFilter), ours still can.
  try {
    const raw = p.raw();
    const rawProfile = await kernelsOf(raw);
    raw.dispose?.();
    row.rawMs = rawProfile.totalMs;
    row.extra.raw = rawProfile.lines.slice(0, 12);
  } catch (e) {
    row.rawNote = `fails: ${(e as Error).message}`;
  }
  try {
    const oursProfile = await kernelsOf(p.ours());
    row.oursMs = oursProfile.totalMs;
    row.extra.ours = oursProfile.lines.slice(0, which === 'mlp' ? 12 : 20);
    row.extra.oursKernelCalls = oursProfile.lines.reduce((s, l) => s + l.calls, 0);
    if (which === 'mlp') row.extra.matMulTransposeFlags = await transposeFlags();
  } catch (e) {
    row.oursNote = `fails: ${(e as Error).message}`;
  }
  return row;
}
