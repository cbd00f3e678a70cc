/**
 * The kernel worker's sandbox, part two (part one is the frame's CSP, see frame.ts). The worker
 * is same-origin with the site, so everything that could reach the site's storage or the
 * network is removed from its global scope — from the object and every prototype, so cell code
 * cannot get it back — after the backend has started (tfjs fetched its WASM by then) and before
 * any cell runs. Workers have no DOM, no localStorage, no parent and cannot navigate.
 */
import { tf } from '../lib/engine/tf';
import { BLOCKED_GLOBALS, BLOCKED_ON_NAVIGATOR } from './blocked-globals';

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
  const orphaned = orphanInstances(global, BLOCKED_GLOBALS);
  return [...removed, ...orphaned, ...removeFrom(global, BLOCKED_GLOBALS)];
}

/**
 * Objects made before the lockdown lead back to their class: WASM's pthread workers (threaded
 * builds, wasm-threads.ts) are Workers, and `worker.constructor` would be a `Worker` no lockdown
 * touched, starting a fresh worker with every API. So each blocked class's prototype loses its
 * `constructor` (instances then read EventTarget's or Object's).
 */
function orphanInstances(global: object, names: readonly string[]): string[] {
  const orphaned: string[] = [];
  for (const name of names) {
    const value = dataProperty(global, name); // not through getters: some throw in the sandbox
    if (typeof value !== 'function') continue;
    const proto: unknown = (value as { prototype?: unknown }).prototype;
    if (typeof proto !== 'object' || proto === null) continue;
    if (removeFrom(proto, ['constructor'], false).length > 0) orphaned.push(`${name}.prototype.constructor`);
  }
  return orphaned;
}

function dataProperty(target: object, name: string): unknown {
  for (let obj: object | null = target; obj !== null; obj = Object.getPrototypeOf(obj) as object | null) {
    const desc = Object.getOwnPropertyDescriptor(obj, name);
    if (desc) return 'value' in desc ? desc.value : undefined;
  }
  return undefined;
}

/** Removes `names` from `target` and, with `chain`, from every prototype of it. */
function removeFrom(target: object, names: readonly string[], chain = true): string[] {
  const removed: string[] = [];
  for (const name of names) {
    // The API may live on the object or on any of its prototypes.
    for (let obj: object | null = target; obj !== null; obj = chain ? (Object.getPrototypeOf(obj) as object | null) : null) {
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
