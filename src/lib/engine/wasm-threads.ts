/**
 * Starting TensorFlow.js's WASM backend in a browser: the threaded SIMD build, one thread per core
 * up to DEFAULT_THREAD_LIMIT, when the page is cross-origin isolated; else (or when the reader asks
 * for one thread: limitWasmThreads, StartRequest.wasmThreads) the single-thread SIMD build.
 *
 * Why threads by default: measured on the 2-core machine at low load (1.3-1.6), 1 and 2 threads
 * alternating in one bench run (bench/results/2026-11-29-wasm-threads-1-2-1-2.json), ours, 1 -> 2
 * threads: matmul 1024 92-95 -> 53 ms (23 -> 40 GFLOP/s; 89 once), MLP step 18.7-19.1 ->
 * 14.6-15.2 ms, LeNet step 148-154 -> 114-128 ms, char-RNN step 39.6-39.9 -> 32.5-35.0 ms.
 * Never slower there. Under load (other jobs busy on the second core, load 3-4) the same
 * comparison once went the other way (MLP 29-31 against 22-23 ms, char-RNN 330-360 against
 * 110-120 before gluon's RNN became one primitive): XNNPACK hands every product to its pool, and a hand-off waits for a core. A reader
 * whose machine is busy can choose one thread in the status bar's Options menu.
 * Beyond 2 cores nothing was measured here; DEFAULT_THREAD_LIMIT caps the pool at 4 threads,
 * because the book's models are made of small products (an RNN step: (32, 256) by (256, 256)),
 * whose share per thread shrinks as each hand-off's cost grows with the thread count.
 *
 * Threads and untrusted cells: a cell reaches the pthread workers through
 * `self._tfengine.registry.wasm.wasm.PThread` (tfjs's global engine, emscripten's exports) and
 * can post them anything. Unpatched, a `{cmd: 'load', urlOrBlob: <Blob>}` ran the cell's script
 * there, in a worker with fetch, indexedDB and Worker (measured: it fetched and opened IndexedDB),
 * and `worker.constructor` was a Worker class no lockdown touched. Both are closed:
 *  - the pthread workers' script is patched at build time and in dev (src/build/pthread-lockdown.ts
 *    through tfjs-threads-plugin.ts): only the first 'load' (the kernel's own, posted while the
 *    backend starts, before any cell) runs, later ones are refused, and after it the worker's
 *    globals are cut to the kernel's allowlist (src/kernel/sandbox/allowed-globals.ts);
 *  - the kernel's lockdown removes `constructor` from the removed classes' prototypes
 *    (src/kernel/sandbox/lockdown.ts), so instances made before it lead nowhere.
 * Their other commands only call into WebAssembly (memory and function table a cell already
 * has). The attacks are in test/e2e/kernel.e2e.test.mjs ("sandbox with WASM threads").
 *
 * Threads need SharedArrayBuffer, which browsers give only to cross-origin isolated documents
 * (the host sends COOP `same-origin` and COEP `require-corp`, for the page and the kernel frame).
 * The threaded build starts its pthread workers while the backend initializes (a pool of 8 Web
 * Workers from blob URLs, then XNNPACK's thread pool takes its threads from it), so they exist
 * before the kernel's lockdown removes `Worker` from the worker's globals (lockdown.ts); nothing
 * creates workers later. A WASM backend first started after the lockdown (mx.withBackend from a
 * kernel that started on WebGPU) stays single-threaded.
 *
 * tfjs sizes its thread pool as navigator.hardwareConcurrency / 2, so on 2 cores it would use one
 * thread, and setThreadsCount(2) does not change that (measured, BROWSER-NOTES.md). Two threads
 * on 2 cores measured 20 -> 32 GFLOP/s on a 1024 matmul, so during the init only,
 * hardwareConcurrency reads as twice the real count: tfjs then uses one thread per core.
 *
 * An init that fails or never settles (pthread workers that cannot load hang it) is given up after
 * THREADED_INIT_MS; the single-thread build starts instead and `wasmThreading().note` says why.
 */
import { tf } from './tf';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_THREAD_LIMIT } from './wasm-thread-limit';

/** How the WASM backend runs, for the status bar and the bench. */
export interface WasmThreading {
  /** XNNPACK's thread count (1: the single-thread build). */
  threads: number;
  /** Why it is not multi-threaded (null when it is). */
  note: string | null;
}

/** How long the threaded build may take to start before the single-thread build is used. */
export const THREADED_INIT_MS = 15_000;

export { DEFAULT_THREAD_LIMIT };

/** XNNPACK never uses more threads than the threaded build's pool of pthread workers. */
const POOL_SIZE = 8;

let threading: WasmThreading | null = null;
/** At most this many threads (1: the single-thread build); null: one per core. */
let threadLimit: number | null = DEFAULT_THREAD_LIMIT;


/** How WASM runs once started; null before it first started. */
export function wasmThreading(): WasmThreading | null {
  return threading;
}

/** At most `limit` threads (1: the single-thread build; null: one per core). Call before WASM starts. */
export function limitWasmThreads(limit: number | null): void {
  threadLimit = limit;
}

interface WorkerGlobals {
  crossOriginIsolated?: boolean;
  Worker?: unknown;
  navigator?: { hardwareConcurrency?: number };
}

/** Why threads cannot be tried here, or null when they can. */
export function whyNoThreads(g: WorkerGlobals, limit: number | null): string | null {
  if (limit !== null && limit <= 1) return 'one thread, as chosen (the Options menu in the status bar)';
  if (g.crossOriginIsolated !== true) {
    return 'the page is not cross-origin isolated (threads need the host to send Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)';
  }
  if (typeof g.Worker !== 'function') return 'WASM first started after the kernel had removed Worker from its globals (threads start with the kernel)';
  if ((g.navigator?.hardwareConcurrency ?? 1) < 2) return 'this machine reports one core';
  return null;
}

/**
 * Starts WASM (tf.setBackend) in a browser: threaded when possible, else single-threaded.
 * Returns whether it started; the threading is then in wasmThreading().
 */
export async function startWasm(g: WorkerGlobals = globalThis as WorkerGlobals): Promise<boolean> {
  if (tf.engine().registry['wasm']) return tf.setBackend('wasm'); // started before: its threads stay
  const noThreads = whyNoThreads(g, threadLimit);
  if (noThreads === null) {
    const failure = await startThreaded(g);
    if (failure === null) {
      threading = { threads: getThreadsCount(), note: null };
      return true;
    }
    threading = { threads: 1, note: `the threaded build failed, so one thread: ${failure}` };
  } else {
    threading = { threads: 1, note: noThreads };
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const ok = await tf.setBackend('wasm');
  if (ok) threading = { ...threading, threads: getThreadsCount() };
  return ok;
}

/** Starts the threaded build: null when it runs, else why not. */
async function startThreaded(g: WorkerGlobals): Promise<string | null> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  const cores = g.navigator?.hardwareConcurrency ?? 2;
  const threads = Math.min(cores, threadLimit ?? cores, POOL_SIZE);
  const restore = overrideCores(g, 2 * threads);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`it did not start within ${THREADED_INIT_MS / 1000} s`), THREADED_INIT_MS);
    });
    const started = tf.setBackend('wasm').then(
      (ok) => (ok ? null : 'tf.setBackend("wasm") returned false (see the console for its warning)'),
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    return await Promise.race([started, timeout]);
  } finally {
    clearTimeout(timer);
    restore();
  }
}

/** Makes navigator.hardwareConcurrency read `cores` until the returned function is called. */
function overrideCores(g: WorkerGlobals, cores: number): () => void {
  const nav = g.navigator;
  if (!nav) return () => undefined;
  const own = Object.getOwnPropertyDescriptor(nav, 'hardwareConcurrency');
  Object.defineProperty(nav, 'hardwareConcurrency', { value: cores, configurable: true });
  return () => {
    if (own) Object.defineProperty(nav, 'hardwareConcurrency', own);
    else delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  };
}
