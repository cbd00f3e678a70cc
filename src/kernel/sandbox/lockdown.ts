/**
 * The kernel worker's sandbox, part two (part one is the frame's CSP, see frame.ts). The worker
 * is same-origin with the site, so its global scope is cut down to an allowlist
 * (allowed-globals.ts) — on the object and every prototype of it, and on navigator, so cell code
 * cannot get anything back — after the backend has started (tfjs fetched its WASM by then) and
 * before any cell runs. Workers have no DOM, no localStorage, no parent and cannot navigate.
 */
import { tf } from '../../lib/host';
import { ALLOWED_ON_NAVIGATOR, isAllowedGlobal } from './allowed-globals';

/** The three binaries TensorFlow.js's WASM backend may load (single-thread, SIMD, threaded SIMD). */
export const WASM_BINARIES: readonly string[] = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/**
 * TensorFlow.js fetches a backend's WASM binary when that backend first starts, which can be
 * after the lockdown (a kernel started on WebGPU running mx.withBackend('wasm', ...)). The kernel
 * has tfjs load it through `tf.env().platform.fetch` (configureWasmPaths' platformFetch): that
 * one keeps the real fetch, for exactly the three binaries under `wasmBase` — compared as whole
 * URLs, since a prefix check let `base + '..\\index.html?.wasm'` through (the URL parser reads the
 * backslash as a slash), and any same-origin URL with it.
 */
export function keepWasmFetch(global: { fetch?: typeof fetch }, wasmBase: string | null): void {
  const realFetch = global.fetch?.bind(global);
  if (!realFetch || wasmBase === null) return;
  const allowed = new Set(WASM_BINARIES.map((name) => wasmBase + name));
  const platform = tf.env().platform as { fetch: (path: string, init?: RequestInit) => Promise<Response> };
  // The caller's options are not passed on: a cell must not turn this fetch into a POST.
  platform.fetch = (path) => {
    if (typeof path === 'string' && allowed.has(path)) return realFetch(path, { credentials: 'same-origin', method: 'GET' });
    return Promise.reject(new Error(`the kernel has no network access (asked for ${typeof path === 'string' ? path.slice(0, 200) : typeof path})`));
  };
}

/** Is this the browser's own function (an API), not one JavaScript code defined? */
function isNative(fn: unknown): boolean {
  return typeof fn === 'function' && Function.prototype.toString.call(fn).includes('[native code]');
}

/**
 * A property the browser provides: an API's getter, method or interface object (native code).
 * What the kernel's own code put on the global (tfjs's `_tfengine`, emscripten's `Module`) is
 * JavaScript data and stays: removing it would break the library, and it gives a cell nothing
 * the platform did not.
 */
export function isPlatformProperty(desc: PropertyDescriptor): boolean {
  return 'value' in desc ? isNative(desc.value) : isNative(desc.get) || isNative(desc.set);
}

/**
 * Cuts the global scope (and its prototypes) and navigator (and its prototypes) down to the
 * allowlist; returns what it removed. Object.prototype, at the end of both chains, is left alone.
 * `isPlatform` tells the browser's properties from JavaScript's (tests pass their own fakes).
 */
export function lockDownGlobals(global: object, isPlatform: (desc: PropertyDescriptor) => boolean = isPlatformProperty): string[] {
  const navigator = (global as { navigator?: unknown }).navigator;
  const removed: string[] = [];
  if (typeof navigator === 'object' && navigator !== null) {
    removed.push(...keepOnly(navigator, (name) => name === 'constructor' || ALLOWED_ON_NAVIGATOR.includes(name), isPlatform).map((n) => `navigator.${n}`));
  }
  const classes = new Map<string, unknown>();
  for (const obj of chain(global)) {
    for (const name of Object.getOwnPropertyNames(obj)) {
      if (!isAllowedGlobal(name) && isPlatform(Object.getOwnPropertyDescriptor(obj, name)!)) classes.set(name, dataProperty(obj, name));
    }
  }
  removed.push(...orphanInstances(classes));
  removed.push(...keepOnly(global, (name) => isAllowedGlobal(name), isPlatform));
  return removed;
}

/** `target` and its prototypes, without the last one (Object.prototype of whichever realm). */
function chain(target: object): object[] {
  const out: object[] = [];
  for (let obj: object | null = target; obj !== null && Object.getPrototypeOf(obj) !== null; obj = Object.getPrototypeOf(obj) as object | null) out.push(obj);
  return out;
}

/** Removes every own platform property not `allowed` from `target` and its prototypes. */
function keepOnly(target: object, allowed: (name: string) => boolean, isPlatform: (desc: PropertyDescriptor) => boolean): string[] {
  const removed: string[] = [];
  for (const obj of chain(target)) {
    for (const name of Object.getOwnPropertyNames(obj)) {
      if (allowed(name)) continue;
      const desc = Object.getOwnPropertyDescriptor(obj, name)!;
      if (!isPlatform(desc)) continue;
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

/**
 * Objects made before the lockdown lead back to their class: WASM's pthread workers (threaded
 * builds, wasm-threads.ts) are Workers, and `worker.constructor` would be a `Worker` no lockdown
 * touched, starting a fresh worker with every API. So each removed class's prototype loses its
 * `constructor` (instances then read EventTarget's or Object's).
 */
function orphanInstances(classes: Map<string, unknown>): string[] {
  const orphaned: string[] = [];
  for (const [name, value] of classes) {
    if (typeof value !== 'function') continue;
    const proto: unknown = (value as { prototype?: unknown }).prototype;
    if (typeof proto !== 'object' || proto === null) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (desc?.configurable) {
      delete (proto as Record<string, unknown>)['constructor'];
      orphaned.push(`${name}.prototype.constructor`);
    }
  }
  return orphaned;
}

/** A property's value without running getters (some throw in the sandbox). */
function dataProperty(target: object, name: string): unknown {
  for (let obj: object | null = target; obj !== null; obj = Object.getPrototypeOf(obj) as object | null) {
    const desc = Object.getOwnPropertyDescriptor(obj, name);
    if (desc) return 'value' in desc ? desc.value : undefined;
  }
  return undefined;
}
