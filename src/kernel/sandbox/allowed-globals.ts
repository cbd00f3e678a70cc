/**
 * What a sandboxed worker keeps: an ALLOWLIST. Everything else on the worker's global scope (and
 * its prototypes) and on its navigator is removed before any cell runs: a browser that ships a
 * new API (as Chromium shipped navigator.storageBuckets, which gave cells persistent IndexedDB,
 * Cache Storage and OPFS) exposes nothing until someone adds it here. Enumerated on Chromium 156's
 * dedicated worker (353 own names on the global, 31 on WorkerGlobalScope.prototype, 24 on
 * WorkerNavigator.prototype); kept: the ECMAScript built-ins, and what the kernel, the library
 * and TensorFlow.js's WebGPU, WebGL and WASM backends use. One list for the kernel worker
 * (lockdown.ts) and for WASM's pthread workers (src/build/pthread-lockdown.ts writes it into
 * their script), so the two cannot drift apart. No imports: the build plugin reads this file in
 * Node.
 */

/** The ECMAScript built-ins (no I/O in any of them). */
const LANGUAGE = [
  'AggregateError', 'Array', 'ArrayBuffer', 'AsyncDisposableStack', 'Atomics', 'BigInt', 'BigInt64Array', 'BigUint64Array',
  'Boolean', 'DataView', 'Date', 'DisposableStack', 'Error', 'EvalError', 'FinalizationRegistry', 'Float16Array',
  'Float32Array', 'Float64Array', 'Function', 'Infinity', 'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'Iterator',
  'JSON', 'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'Reflect',
  'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'SuppressedError', 'Symbol', 'SyntaxError', 'Temporal', 'TypeError',
  'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet',
  'WebAssembly', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'eval', 'globalThis',
  'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'undefined', 'unescape',
];

/** The worker's own scope: itself, events (the kernel's port), timers, errors. */
const SCOPE = [
  'self', 'name', 'location', 'navigator', 'origin', 'isSecureContext', 'crossOriginIsolated', 'console', 'performance',
  'onerror', 'onmessage', 'onmessageerror', 'onunhandledrejection', 'onrejectionhandled',
  'addEventListener', 'removeEventListener', 'dispatchEvent',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame',
  'cancelAnimationFrame', 'structuredClone', 'reportError', 'atob', 'btoa', 'crypto',
  'DedicatedWorkerGlobalScope', 'WorkerGlobalScope', 'WorkerNavigator', 'WorkerLocation',
  'EventTarget', 'Event', 'CustomEvent', 'ErrorEvent', 'MessageEvent', 'PromiseRejectionEvent', 'DOMException',
  // The kernel's port; the library yields to the event loop through a MessageChannel (nd/lifetime.ts).
  'MessagePort', 'MessageChannel', 'AbortController', 'AbortSignal',
  'Crypto', 'CryptoKey', 'SubtleCrypto',
  // V8's gc(), present only when Chromium runs with --js-flags=--expose-gc (the test browsers: the
  // leak checks and the long-session test collect garbage before counting tensors); no I/O.
  'gc',
];

/**
 * Data handling the library and tfjs use: text, bytes, gzip (datasets), tfjs's WASM
 * instantiation from a Response (the one fetch it keeps, lockdown.ts), 2D canvas and images.
 */
const DATA = [
  'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'Blob', 'File', 'Response', 'Headers',
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamDefaultController',
  'ReadableByteStreamController', 'ReadableStreamBYOBRequest', 'WritableStream', 'WritableStreamDefaultWriter',
  'WritableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController', 'ByteLengthQueuingStrategy',
  'CountQueuingStrategy', 'CompressionStream', 'DecompressionStream',
  'OffscreenCanvas', 'OffscreenCanvasRenderingContext2D', 'ImageBitmapRenderingContext', 'ImageData', 'ImageBitmap',
  'createImageBitmap', 'CanvasGradient', 'CanvasPattern', 'Path2D', 'TextMetrics',
  'DOMMatrix', 'DOMMatrixReadOnly', 'DOMPoint', 'DOMPointReadOnly', 'DOMRect', 'DOMRectReadOnly', 'DOMQuad',
  'WGSLLanguageFeatures',
];

export const ALLOWED_GLOBALS: readonly string[] = [...LANGUAGE, ...SCOPE, ...DATA];

/** Whole families kept by their prefix: WebGPU's and WebGL's interfaces and constants, performance entries. */
export const ALLOWED_PREFIXES: readonly string[] = ['GPU', 'WebGL', 'Performance'];

/**
 * On navigator (WorkerNavigator): WebGPU's entry, the core count (tfjs sizes WASM's thread pool
 * by it) and what identifies the browser (the backend probe's cache key, tfjs's platform checks).
 * Gone: storage, storageBuckets, locks, usb, hid, serial, permissions, connection, mediaCapabilities,
 * deviceMemory, userAgentData and whatever comes next.
 */
export const ALLOWED_ON_NAVIGATOR: readonly string[] = ['gpu', 'hardwareConcurrency', 'userAgent', 'appCodeName', 'appName', 'appVersion', 'platform', 'product', 'language', 'languages', 'onLine'];

/**
 * What WASM's pthread workers keep beyond the kernel's list: their own channel to the kernel
 * (postMessage, and close when emscripten ends a thread). The kernel worker keeps neither: its
 * only channel is the page's port, and a cell calling close() would leave its cell running forever.
 */
export const PTHREAD_ALSO_ALLOWED: readonly string[] = ['postMessage', 'close'];

/** Whether `name` stays on a worker's global scope. */
export function isAllowedGlobal(name: string, extra: readonly string[] = []): boolean {
  return name === 'constructor' || ALLOWED_GLOBALS.includes(name) || extra.includes(name) || ALLOWED_PREFIXES.some((p) => name.startsWith(p));
}
