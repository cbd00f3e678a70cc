/**
 * The page of wasm-build-check.mjs: in a `vite build` bundle served by `vite preview`, the WASM
 * backend must find its binaries through the bundler's URLs (src/lib/engine/wasm-paths.ts).
 */
import { mx, nd } from '../../src/lib/index';

export interface WasmCheckResult {
  backend?: string;
  skipped?: string[];
  values?: number[];
  crossOriginIsolated: boolean;
  error?: string;
}

async function check(): Promise<WasmCheckResult> {
  const result: WasmCheckResult = { crossOriginIsolated: globalThis.crossOriginIsolated === true };
  try {
    const info = await mx.initBackend('wasm');
    result.backend = info.name;
    result.skipped = info.skipped.map((s) => s.reason);
    // (2, 2) @ (2, 1) and a reduction: real kernels of the WASM module, not just its loading.
    const y = nd.dot(nd.array([[1, 2], [3, 4]]), nd.array([[5], [6]])); // (2, 1)
    result.values = [...Array.from(await y.data()), ...Array.from(await y.sum().data())];
  } catch (e) {
    result.error = String((e as Error).stack ?? e);
  }
  return result;
}

(globalThis as { wasmCheck?: Promise<WasmCheckResult> }).wasmCheck = check();
