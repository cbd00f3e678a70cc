// The pthread workers' lockdown (src/build/pthread-lockdown.ts), on tfjs's real worker script run
// in a Node vm context with fake worker globals: the first 'load' runs and then the globals lose
// what reaches the network, storage or new code; a second 'load' imports nothing. The browser
// side (a cell attacking real pthread workers) is in test/e2e/kernel.e2e.test.mjs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lockedDownWorker, REFUSED_LOAD, TfjsWorkerChangedError, workerAnchors } from '../../../src/build/pthread-lockdown';
import { tfjsThreadsDepsPlugin, transformTfjs } from '../../../src/build/tfjs-threads-plugin';
import { ALLOWED_GLOBALS } from '../../../src/kernel/sandbox/allowed-globals';

/** APIs a worker has that the allowlist drops (a sample, new ones included). */
const BLOCKED_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'Worker', 'SharedWorker', 'BroadcastChannel', 'webkitRequestFileSystem', 'SomeApiShippedNextYear'];

/** A stand-in for a browser API: bound functions read as native code, as the browser's do. */
const native = <T extends (...args: never[]) => unknown>(fn: T): T => fn.bind(null) as T;

const require = createRequire(import.meta.url);
const workerFile = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js');
const source = readFileSync(workerFile, 'utf8');

/** The worker's text, as tfjs puts it into the blob (`wasmWorkerContents`, newlines escaped: backend_wasm.js). */
function contents(moduleSource: string): string {
  const mod: { exports: { wasmWorkerContents?: string } } = { exports: {} };
  runInNewContext(moduleSource, { module: mod });
  const text = mod.exports.wasmWorkerContents;
  if (typeof text !== 'string') throw new Error('no wasmWorkerContents');
  return text.replace(/\n/g, '\\n');
}

interface FakeWorker {
  /** The worker's `self`: the APIs on its prototype, as WorkerGlobalScope.prototype holds them. */
  self: Record<string, unknown>;
  proto: Record<string, unknown>;
  navigatorProto: Record<string, unknown>;
  imported: string[];
  posted: unknown[];
  printed: string[];
  send: (data: unknown) => void;
}

/**
 * A worker global. In a vm, `self` cannot be the context's global with a prototype of our own,
 * so `self` is an object of its own and the script's bare names (importScripts(...)) read
 * through to it. `caches` is an own non-configurable but writable property; navigator's storage
 * sits on its prototype. importScripts defines the factory, which calls startWorker as
 * emscripten's does.
 */
function startWorker(text: string, factory: (self: Record<string, unknown>) => void = (s) => (s['startWorker'] as (m: object) => void)({})): FakeWorker {
  const imported: string[] = [];
  const posted: unknown[] = [];
  const printed: string[] = [];
  const proto: Record<string, unknown> = {};
  for (const name of BLOCKED_GLOBALS) proto[name] = native(() => `${name} ran`);
  proto['setTimeout'] = native(() => 'timer'); // on the allowlist: stays
  Object.defineProperty(proto, 'indexedDB', { get: native(() => ({ open: () => 'opened' })), configurable: true });
  const self = Object.create(proto) as Record<string, unknown>;
  const context: Record<string, unknown> = { self, URL, console: { error: (...a: unknown[]) => printed.push(a.join(' ')) } };
  for (const name of BLOCKED_GLOBALS) Object.defineProperty(context, name, { get: () => self[name] });
  proto['importScripts'] = native((url: string) => {
    imported.push(url);
    context['WasmBackendModuleThreadedSimd'] = () => factory(self);
  });
  Object.defineProperty(self, 'caches', { value: native(() => 'cache'), writable: true, configurable: false, enumerable: true });
  self['Module'] = { wasm: 'the pthread module' }; // JavaScript's own data: stays
  const navigatorProto: Record<string, unknown> = { hardwareConcurrency: 2 };
  for (const name of ['storage', 'storageBuckets', 'usb', 'hid', 'serial', 'locks']) Object.defineProperty(navigatorProto, name, { get: native(() => ({ getDirectory: () => 'opfs' })), configurable: true });
  self['navigator'] = Object.create(navigatorProto);
  context['postMessage'] = (m: unknown) => posted.push(m);
  runInNewContext(text, context);
  const onmessage = self['onmessage'] as (e: { data: unknown }) => void;
  return { self, proto, navigatorProto, imported, posted, printed, send: (data) => onmessage({ data }) };
}

const load = (url: string) => ({ cmd: 'load', handlers: [], urlOrBlob: url, wasmMemory: { buffer: null }, wasmModule: null });

describe('lockedDownWorker', () => {
  const patched = contents(lockedDownWorker(source));

  it('runs the first load, then removes every blocked global from the scope and its prototypes', () => {
    const w = startWorker(patched);
    expect(w.proto['fetch']).toBeTypeOf('function'); // untouched until the load
    w.send(load('blob:kernel-factory'));
    expect(w.imported).toEqual(['blob:kernel-factory']);
    expect(w.posted).toEqual([{ cmd: 'loaded' }]);
    for (const name of BLOCKED_GLOBALS) {
      expect(w.proto[name], name).toBeUndefined();
      expect(w.self[name], name).toBeUndefined();
    }
    expect(Object.getOwnPropertyDescriptor(w.self, 'caches')?.value).toBeUndefined(); // non-configurable: set undefined
    expect('indexedDB' in w.proto).toBe(false);
    for (const name of ['storage', 'storageBuckets', 'usb', 'hid', 'serial', 'locks']) expect(name in w.navigatorProto, name).toBe(false);
    expect(w.navigatorProto['hardwareConcurrency']).toBe(2);
    expect(ALLOWED_GLOBALS).toContain('setTimeout');
    expect(w.proto['setTimeout']).toBeTypeOf('function');
    expect(w.self['Module']).toEqual({ wasm: 'the pthread module' });
  });

  it('refuses a second load: nothing imported, nothing answered, an error printed', () => {
    const w = startWorker(patched);
    w.send(load('blob:kernel-factory'));
    w.proto['importScripts'] = native((url: string) => w.imported.push(url)); // even were it back
    w.send(load('data:text/javascript,postMessage("pwned")'));
    expect(w.imported).toEqual(['blob:kernel-factory']);
    expect(w.posted).toEqual([{ cmd: 'loaded' }]);
    expect(w.printed).toEqual([REFUSED_LOAD]);
  });

  it('locks down after a first load that failed, and refuses a retry', () => {
    const w = startWorker(patched, () => {
      throw new Error('bad module');
    });
    expect(() => w.send(load('blob:kernel-factory'))).toThrow('bad module');
    expect(w.proto['fetch']).toBeUndefined();
    w.send(load('blob:cell-script'));
    expect(w.imported).toEqual(['blob:kernel-factory']);
  });

  it('without the patch, a second load imports the cell script (what the patch is for)', () => {
    const w = startWorker(contents(source));
    w.send(load('blob:kernel-factory'));
    w.send(load('blob:cell-script'));
    expect(w.imported).toEqual(['blob:kernel-factory', 'blob:cell-script']);
    expect(w.proto['fetch']).toBeTypeOf('function');
  });

  it('refuses a worker script it does not recognize', () => {
    for (const [from] of workerAnchors()) {
      expect(() => lockedDownWorker(source.replace(from, `${from.slice(0, -1)} ${from.slice(-1)}`))).toThrow(TfjsWorkerChangedError);
    }
    const [first] = workerAnchors()[0] ?? [''];
    expect(() => lockedDownWorker(source.replace(first, `${first}${first}`))).toThrow(/exactly once \(found 2 times\)/);
    expect(() => lockedDownWorker(source.replace('self.startWorker=', 'importScripts(Module.extra);self.startWorker='))).toThrow(/2 calls of importScripts \(found 3\)/);
  });
});

describe('transformTfjs', () => {
  it('patches the threaded worker script and factory, and nothing else', () => {
    expect(transformTfjs(source, workerFile)).toBe(lockedDownWorker(source));
    expect(transformTfjs(source, `${workerFile}?commonjs-proxy`)).toBe(lockedDownWorker(source));
    expect(transformTfjs(source, workerFile.replace('threaded-simd', 'simd'))).toBeNull();
    expect(transformTfjs('x', '/src/kernel/sandbox/worker.ts')).toBeNull();
  });

  it("names the dev server's pre-bundling plugin after what it writes (Vite's cache key)", () => {
    expect(tfjsThreadsDepsPlugin().name).toMatch(/^tfjs-threads-deps-[0-9a-f]{12}$/);
  });
});
