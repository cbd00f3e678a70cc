/**
 * The backend ladder: WebGPU -> WebGL -> WASM -> CPU, picked once at start.
 *
 * TensorFlow.js has one active backend at a time; it silently falls back when a backend's
 * init fails (e.g. WebGPU without an adapter), so we try each rung ourselves and remember
 * why a rung was skipped — the reader sees it in `mx.backendInfo()` and in the page's badge.
 */
import { tf } from './tf';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendProbe } from './backend-probe';
import { startWasm } from './wasm-threads';
import { BACKEND_LADDER, type BackendName } from './backend-names';

export { BACKEND_LADDER, type BackendName } from './backend-names';

// tfjs would pick WASM's threaded build by itself wherever SharedArrayBuffer exists: off at import,
// before any op can make tfjs pick a backend on its own. wasm-threads.ts's startWasm decides (one
// thread per core up to 4 when the page is cross-origin isolated and the reader did not ask for one
// thread), starts the threaded build under a time limit, and falls back to the single-thread one.
// The pthread workers, which cells can reach, are locked down (see wasm-threads.ts).
if (inBrowser()) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

export interface BackendInfo {
  /** The backend in use. */
  name: BackendName;
  /** Rungs above it that were tried and failed, with the reason. */
  skipped: { name: BackendName; reason: string }[];
  /** The speed probe that chose it (backend-probe.ts); absent when the reader or the ladder did. */
  probe?: BackendProbe;
}

let current: BackendInfo | null = null;
/** Whether someone chose where the WASM binaries are (the kernel does, before initBackend). */
let wasmPathsConfigured = false;

/** Whether the code runs in a browser (page or worker) rather than Node. */
export function inBrowser(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string';
}

/**
 * Where the page serves the WASM binaries (set by the kernel/app before `initBackend`).
 * `platformFetch`: load them through `tf.env().platform.fetch` rather than the global fetch
 * (the kernel removes the global one from the sandbox, and keeps the platform's for these files).
 */
export function configureWasmPaths(paths: string | Record<string, string>, options: { platformFetch?: boolean } = {}): void {
  setWasmPaths(paths as string, options.platformFetch ?? false);
  wasmPathsConfigured = true;
}

/** Registers the browser's backends (WebGL, WebGPU) and the WASM paths; nothing in Node. */
export async function prepareBrowserBackends(): Promise<void> {
  if (inBrowser()) await loadBrowserBackends();
}

async function loadBrowserBackends(): Promise<void> {
  // Registered only in browsers: in Node these modules have nothing to talk to.
  await import('@tensorflow/tfjs-backend-webgl');
  await import('@tensorflow/tfjs-backend-webgpu');
  // Otherwise the bundler's URLs of the .wasm files (a `?url` module: never loaded in Node).
  if (!wasmPathsConfigured) configureWasmPaths((await import('./wasm-paths')).browserWasmPaths());
}

/** Makes `name` the active backend: null when it runs, else why it cannot. */
export async function tryBackend(name: BackendName): Promise<string | null> {
  if (!tf.engine().registryFactory[name]) return `${name} is not available in this environment`;
  // WebGL's packed elementwise kernels write non-zero values into the padding of packed
  // textures (exp(0) = 1 ...), and its packed matMul multiplies that padding in when the shared
  // dimension is odd: results then depend on an array's history (measured: gradients off by
  // 0.1 in a 6-5-3 MLP after one SGD step). Unpacked elementwise kernels keep padding out.
  if (name === 'webgl') tf.env().set('WEBGL_PACK', false);
  try {
    const ok = name === 'wasm' && inBrowser() ? await startWasm() : await tf.setBackend(name);
    await tf.ready();
    if (!ok || tf.getBackend() !== name) return `${name} failed to initialize`;
    return null;
  } catch (e) {
    return `${name} failed: ${(e as Error).message}`;
  }
}

/**
 * Picks the first backend of the ladder that works, starting at `preferred` (or the top).
 * In Node the ladder starts at WASM. The kernel's start goes through start-fastest.ts, which
 * calls this for the reader's explicit choice and measures the backends otherwise.
 */
export async function initBackend(preferred?: BackendName): Promise<BackendInfo> {
  if (inBrowser()) await loadBrowserBackends();
  const start = preferred ?? (inBrowser() ? 'webgpu' : 'wasm');
  const rungs = BACKEND_LADDER.slice(BACKEND_LADDER.indexOf(start));
  const skipped: BackendInfo['skipped'] = [];
  for (const name of rungs) {
    const reason = await tryBackend(name);
    if (reason === null) {
      current = { name, skipped };
      return current;
    }
    skipped.push({ name, reason });
  }
  throw new Error(`No TensorFlow.js backend could start: ${skipped.map((s) => s.reason).join('; ')}`);
}

/** The backend in use; starts the CPU backend synchronously if nothing was initialized. */
export function backendInfo(): BackendInfo {
  if (current === null || tf.getBackend() !== current.name) {
    // Someone (a test, or tf itself) changed the backend underneath us: report the truth.
    const name = tf.getBackend() as BackendName;
    current = { name, skipped: current?.skipped ?? [] };
  }
  return current;
}

/**
 * Makes `name` the active backend, exactly (no ladder): null when it runs, else why it cannot.
 * For withBackend (with-backend.ts); the kernel's start uses initBackend.
 */
export async function switchBackend(name: BackendName): Promise<string | null> {
  const saved = backendInfo();
  if (saved.name === name) return null;
  const reason = await tryBackend(name);
  if (reason !== null) {
    current = saved; // tfjs keeps the old backend when a switch fails
    return reason;
  }
  current = { name, skipped: [] };
  return null;
}

/** Switches back to a backend that ran before, with its ladder information (what was skipped). */
export async function restoreBackend(info: BackendInfo): Promise<void> {
  if (tf.getBackend() !== info.name) await tf.setBackend(info.name);
  current = info;
}

/** True where synchronous reads can be trusted (see BROWSER-NOTES: not WebGPU). */
export function syncReadsAreSafe(): boolean {
  return backendInfo().name !== 'webgpu';
}
