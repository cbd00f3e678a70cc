/**
 * The kernel worker's sandbox, part two (part one is the frame's CSP, see frame.ts). The worker
 * is same-origin with the site, so everything that could reach the site's storage or the
 * network is removed from its global scope — from the object and every prototype, so cell code
 * cannot get it back — after the backend has started (tfjs fetched its WASM by then) and before
 * any cell runs. Workers have no DOM, no localStorage, no parent and cannot navigate.
 */
import { tf } from '../lib/engine/tf';

const BLOCKED = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'Worker', 'SharedWorker', 'indexedDB', 'caches', 'BroadcastChannel'];

/** navigator.storage: the Origin Private File System and storage estimates. */
const BLOCKED_ON_NAVIGATOR = ['storage'];

/**
 * TensorFlow.js fetches a backend's WASM binary when that backend first starts, which can be
 * after the lockdown (a kernel started on WebGPU running mx.withBackend('wasm', ...)). The kernel
 * has tfjs load it through `tf.env().platform.fetch` (configureWasmPaths' platformFetch): that
 * one keeps the real fetch, for the .wasm files under `wasmBase` only.
 */
export function keepWasmFetch(global: { fetch?: typeof fetch }, wasmBase: string | null): void {
  const realFetch = global.fetch?.bind(global);
  if (!realFetch || wasmBase === null) return;
  const platform = tf.env().platform as { fetch: (path: string, init?: RequestInit) => Promise<Response> };
  platform.fetch = (path, init) => {
    if (typeof path === 'string' && path.startsWith(wasmBase) && path.endsWith('.wasm') && !path.slice(wasmBase.length).includes('/')) return realFetch(path, init);
    return Promise.reject(new Error(`the kernel has no network access (asked for ${String(path)})`));
  };
}

export function lockDownGlobals(global: object): string[] {
  const navigator = (global as { navigator?: object }).navigator;
  const removed = navigator ? removeFrom(navigator, BLOCKED_ON_NAVIGATOR).map((n) => `navigator.${n}`) : [];
  return [...removed, ...removeFrom(global, BLOCKED)];
}

function removeFrom(target: object, names: readonly string[]): string[] {
  const removed: string[] = [];
  for (const name of names) {
    // The API may live on the object or on any of its prototypes.
    for (let obj: object | null = target; obj !== null; obj = Object.getPrototypeOf(obj) as object | null) {
      const desc = Object.getOwnPropertyDescriptor(obj, name);
      if (!desc) continue;
      if (desc.configurable) {
        delete (obj as Record<string, unknown>)[name];
        removed.push(name);
      } else if (desc.writable) {
        (obj as Record<string, unknown>)[name] = undefined;
        removed.push(name);
      }
    }
  }
  return removed;
}
