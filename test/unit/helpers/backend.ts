/**
 * Starts the backend the tests run on: WASM in Node (the rung Node readers' scripts use),
 * or the one named by TEST_BACKEND / the browser runner (webgl, webgpu, wasm, cpu).
 */
import { mx } from '../../../src/lib/index';
import type { BackendName } from '../../../src/lib/engine/backends';

declare const __TEST_BACKEND__: string | undefined;

export function requestedBackend(): BackendName {
  const fromDefine = typeof __TEST_BACKEND__ === 'string' ? __TEST_BACKEND__ : undefined;
  const fromEnv = typeof process !== 'undefined' ? process.env?.TEST_BACKEND : undefined;
  return (fromDefine || fromEnv || 'wasm') as BackendName;
}

let started: Promise<void> | null = null;

/** Starts the requested backend once per test file and fails loudly if it fell back. */
export function useBackend(): Promise<void> {
  started ??= (async () => {
    const want = requestedBackend();
    const info = await mx.initBackend(want);
    if (info.name !== want) {
      throw new Error(`tests asked for the ${want} backend but got ${info.name}: ${info.skipped.map((s) => s.reason).join('; ')}`);
    }
  })();
  return started;
}
