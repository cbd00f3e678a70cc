// The reader's choice of WASM threads (src/app/backend/wasm-threads-choice.ts): remembered like the
// backend choice, sent as StartRequest.wasmThreads; no choice means the kernel's own default.
import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '../../../../src/kernel/page/probe-cache';
import { readWasmThreadsChoice, saveWasmThreadsChoice, wasmThreadsOption, whyNoWasmThreads } from '../../../../src/app/backend/wasm-threads-choice';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('WASM threads choice', () => {
  it('remembers one thread or one per core; default is no entry at all', () => {
    const storage = memoryStorage();
    const s = () => storage;
    expect(readWasmThreadsChoice(s)).toBe('default');
    saveWasmThreadsChoice('per-core', s);
    expect(readWasmThreadsChoice(s)).toBe('per-core');
    saveWasmThreadsChoice('one', s);
    expect(readWasmThreadsChoice(s)).toBe('one');
    saveWasmThreadsChoice('default', s);
    expect(storage.map.size).toBe(0);
    expect(readWasmThreadsChoice(s)).toBe('default');
  });

  it('an unknown stored value, or blocked storage, reads as the default', () => {
    const storage = memoryStorage();
    storage.map.set('handson/wasm-threads', '8');
    expect(readWasmThreadsChoice(() => storage)).toBe('default');
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(readWasmThreadsChoice(blocked)).toBe('default');
    expect(() => saveWasmThreadsChoice('one', blocked)).not.toThrow();
  });

  it('maps to StartRequest.wasmThreads: 1, null (one per core), or absent (the kernel decides)', () => {
    expect(wasmThreadsOption('one')).toBe(1);
    expect(wasmThreadsOption('per-core')).toBeNull();
    expect(wasmThreadsOption('default')).toBeUndefined();
  });

  it('says why threads cannot be chosen on a page that is not cross-origin isolated', () => {
    expect(whyNoWasmThreads({ crossOriginIsolated: true })).toBeNull();
    expect(whyNoWasmThreads({ crossOriginIsolated: false })).toMatch(/Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp/);
    expect(whyNoWasmThreads({})).not.toBeNull();
  });
});
