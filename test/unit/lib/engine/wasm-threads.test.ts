// The pieces of multi-threaded WASM that run without a browser: when threads are tried, and the
// build plugin that keeps the threaded factory self-contained (the browser side is
// test/e2e/wasm-threads.e2e.test.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { whyNoThreads } from '../../../../src/lib/engine/wasm-threads';
import { selfContainedFactory, TfjsFactoryChangedError } from '../../../../src/build/tfjs-threads-plugin';

const isolated = { crossOriginIsolated: true, Worker: class {}, navigator: { hardwareConcurrency: 2 } };

describe('whyNoThreads', () => {
  it('tries threads on an isolated page with workers and 2 cores', () => {
    expect(whyNoThreads(isolated, null)).toBeNull();
    expect(whyNoThreads(isolated, 2)).toBeNull();
  });

  it('names what is missing', () => {
    expect(whyNoThreads({ ...isolated, crossOriginIsolated: false }, null)).toMatch(/not cross-origin isolated.*Cross-Origin-Embedder-Policy: require-corp/);
    expect(whyNoThreads({ ...isolated, Worker: undefined }, null)).toMatch(/removed Worker/);
    expect(whyNoThreads({ ...isolated, navigator: { hardwareConcurrency: 1 } }, null)).toMatch(/one core/);
    expect(whyNoThreads(isolated, 1)).toMatch(/one thread, as chosen/);
  });
});

describe('selfContainedFactory', () => {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
  const source = readFileSync(file, 'utf8');

  it("leaves no read of the wrapper's _scriptDir inside the factory", () => {
    const out = selfContainedFactory(source);
    const factoryStart = out.indexOf('return (\nfunction(WasmBackendModuleThreadedSimd)');
    expect(factoryStart).toBeGreaterThan(0);
    expect(out.slice(factoryStart)).not.toContain('_scriptDir');
    expect(out.slice(0, factoryStart).split('_scriptDir').length - 1).toBe(3);
  });

  it('refuses a factory it does not recognize', () => {
    expect(() => selfContainedFactory(source.replace('"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir,', '"urlOrBlob":_scriptDir,'))).toThrow(TfjsFactoryChangedError);
  });
});
