// The kernel worker's lockdown (src/kernel/sandbox/lockdown.ts) on a fake global: everything the browser
// provides that is not on the allowlist goes, from the object and its prototypes and from
// navigator; what JavaScript put there (tfjs's engine) stays; objects made before it no longer
// lead back to their class (WASM's pthread workers are Workers: `worker.constructor` would start
// an unlocked worker). The real worker's global is checked in test/reliability/kernel-trust.e2e.test.mjs.
import { describe, expect, it } from 'vitest';
import { keepWasmFetch, lockDownGlobals, WASM_BINARIES } from '../../../src/kernel/sandbox/lockdown';
import { tf } from '../../../src/lib/engine/tf';

const PLATFORM = new Set<unknown>();
/** Marks a fake as the browser's (the real check reads native code, which JavaScript fakes are not). */
const api = <T>(value: T): T => {
  PLATFORM.add(value);
  return value;
};
const isPlatform = (desc: PropertyDescriptor) => PLATFORM.has('value' in desc ? desc.value : desc.get);

describe('lockDownGlobals', () => {
  it('keeps only the allowlist of browser APIs, on the global, its prototypes and navigator; JavaScript data stays', () => {
    class FakeEventTarget {}
    class FakeWorker extends FakeEventTarget {}
    const scopeProto: Record<string, unknown> = { Worker: api(FakeWorker), fetch: api(() => 'fetched'), setTimeout: api(() => 1), SomeApiShippedNextYear: api(() => 'new') };
    Object.defineProperty(scopeProto, 'indexedDB', { get: api(() => { throw new Error('getter must not run'); }), configurable: true });
    const global = Object.create(scopeProto) as Record<string, unknown>;
    global['close'] = api(() => 'closed');
    global['_tfengine'] = { engine: true };
    const navProto = {};
    for (const name of ['storage', 'storageBuckets', 'locks', 'usb', 'hid', 'serial', 'gpu']) Object.defineProperty(navProto, name, { get: api(() => ({})), configurable: true });
    global['navigator'] = Object.assign(Object.create(navProto), { hardwareConcurrency: 2 });
    const pthreadWorker = new FakeWorker();

    const removed = lockDownGlobals(global, isPlatform);

    expect(removed).toEqual(expect.arrayContaining(['navigator.storage', 'navigator.storageBuckets', 'navigator.locks', 'navigator.usb', 'Worker.prototype.constructor', 'Worker', 'fetch', 'indexedDB', 'close', 'SomeApiShippedNextYear']));
    for (const name of ['Worker', 'fetch', 'indexedDB', 'close', 'SomeApiShippedNextYear']) expect(name in global, name).toBe(false);
    for (const name of ['storage', 'storageBuckets', 'locks', 'usb', 'hid', 'serial']) expect(name in (global['navigator'] as object), name).toBe(false);
    expect('gpu' in (global['navigator'] as object)).toBe(true);
    expect(global['setTimeout']).toBeTypeOf('function');
    expect(global['_tfengine']).toEqual({ engine: true });
    expect(pthreadWorker.constructor).toBe(FakeEventTarget);
    expect((global['navigator'] as Record<string, unknown>)['hardwareConcurrency']).toBe(2);
  });
});

describe('keepWasmFetch', () => {
  it('fetches exactly the three WASM binaries under the base, and nothing a prefix check would let through', async () => {
    const asked: { url: string; init: RequestInit | undefined }[] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      asked.push({ url, init });
      return new Response('ok');
    }) as unknown as typeof fetch;
    const platform = tf.env().platform as { fetch: unknown };
    const original = platform.fetch;
    try {
      const base = 'http://127.0.0.1:1/handson/tfjs-wasm/';
      keepWasmFetch({ fetch: fakeFetch }, base);
      const platformFetch = (tf.env().platform as unknown as { fetch: (p: string, i?: RequestInit) => Promise<Response> }).fetch;
      for (const name of WASM_BINARIES) await platformFetch(base + name, { method: 'POST', body: 'secret' } as RequestInit);
      expect(asked.map((a) => a.url)).toEqual(WASM_BINARIES.map((n) => base + n));
      expect(asked.every((a) => a.init?.method === 'GET' && a.init.body === undefined)).toBe(true);
      for (const bad of [`${base}..\\index.html?.wasm`, `${base}..%5Cindex.html?.wasm`, `${base}x.wasm`, `${base}tfjs-backend-wasm.wasm?x=1`, `${base}tfjs-backend-wasm.wasm#`, 'http://evil.example/tfjs-backend-wasm.wasm']) {
        await expect(platformFetch(bad)).rejects.toThrow(/no network access/);
      }
      expect(asked.length).toBe(WASM_BINARIES.length);
    } finally {
      platform.fetch = original;
    }
  });
});
