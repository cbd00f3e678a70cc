/** Messages between the bench page and its worker (one worker per backend). */
import type { BackendName } from '../../src/lib/engine/backends';

export interface BenchOptions {
  backend: BackendName;
  /** Timed repetitions wanted per row (fewer when maxMsPerRow runs out first; at least 2). */
  reps: number;
  /** Untimed runs before the timed ones (at least 1: first runs compile shaders and allocate). */
  warmup: number;
  /** Stop repeating a row once its timed runs took this long. */
  maxMsPerRow: number;
  /** A step that takes longer fails its row, and the backend's later rows are skipped. */
  stepTimeoutMs: number;
  /** Steps of our MLP before reading tf.memory() (0: skip that row). */
  memorySteps: number;
  /** Rows to run ('all' or names such as 'matmul', 'mlp', 'lenet', 'rnn', 'tiny', 'memory', 'profile'). */
  only: string[];
  /** WASM only: at most this many threads (1: the single-thread build); absent: as the kernel, one per core when isolated. */
  wasmThreads?: number;
}

export interface BenchRow {
  /** e.g. 'matmul 1024', 'MLP step', 'LeNet step', 'char-RNN step', '1,000 tiny adds' */
  op: string;
  backend: BackendName;
  /** Median ms of our library, or null when it was not run or failed. */
  oursMs: number | null;
  rawMs: number | null;
  /** Timed runs behind each median. */
  oursRuns: number;
  rawRuns: number;
  /** Floating-point operations of one run (matmuls and convolutions only), for GFLOP/s. */
  flops: number | null;
  /** 'fails: <message>' and the like, per side. */
  oursNote?: string;
  rawNote?: string;
  /** Anything else a row reports (memory counts, kernel profiles). */
  extra?: Record<string, unknown>;
}

export interface BackendReport {
  backend: BackendName;
  /** What ran: null when the backend did not initialize (then `error` says why). */
  initialized: BackendName | null;
  error?: string;
  /** WASM's thread count once started (wasm-threads.ts), to tell 1- and 2-thread runs apart. */
  threads?: number;
  env: Record<string, unknown>;
  rows: BenchRow[];
}

export type WorkerMessage = { kind: 'row'; row: BenchRow } | { kind: 'log'; text: string } | { kind: 'done'; report: BackendReport };
