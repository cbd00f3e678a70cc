/**
 * WASM's default thread count, on its own so the reader's page can name it (the status bar's
 * Options menu) without importing TensorFlow.js: the page's bundle stays small and never compiles
 * WebAssembly, which its Content Security Policy forbids. Why this number: wasm-threads.ts.
 */

/** One thread per core, at most this many, unless the reader asks (see wasm-threads.ts). */
export const DEFAULT_THREAD_LIMIT = 4;
