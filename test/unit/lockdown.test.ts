// The kernel worker's lockdown (src/kernel/lockdown.ts) on a fake global: the APIs go from the
// object and its prototypes, and objects made before it no longer lead back to their class
// (WASM's pthread workers are Workers: `worker.constructor` would start an unlocked worker).
import { describe, expect, it } from 'vitest';
import { lockDownGlobals } from '../../src/kernel/lockdown';

describe('lockDownGlobals', () => {
  it('removes the APIs from the global and its prototypes, and orphans instances made before', () => {
    class FakeEventTarget {}
    class FakeWorker extends FakeEventTarget {}
    const scopeProto: Record<string, unknown> = { Worker: FakeWorker, fetch: () => 'fetched' };
    Object.defineProperty(scopeProto, 'indexedDB', { get: () => { throw new Error('getter must not run'); }, configurable: true });
    const global = Object.create(scopeProto) as Record<string, unknown>;
    global['navigator'] = { storage: {}, locks: {}, hardwareConcurrency: 2 };
    const pthreadWorker = new FakeWorker();

    const removed = lockDownGlobals(global);

    expect(removed).toEqual(expect.arrayContaining(['navigator.storage', 'navigator.locks', 'Worker.prototype.constructor', 'Worker', 'fetch', 'indexedDB']));
    expect(global['Worker']).toBeUndefined();
    expect(global['fetch']).toBeUndefined();
    expect('indexedDB' in global).toBe(false);
    expect(pthreadWorker.constructor).toBe(FakeEventTarget);
    expect(Object.getPrototypeOf(pthreadWorker).constructor).toBe(FakeEventTarget);
    expect((global['navigator'] as Record<string, unknown>)['hardwareConcurrency']).toBe(2);
  });
});
