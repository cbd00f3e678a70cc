/**
 * The backends' names and the ladder's order, on their own so the reader's page (the kernel
 * client's message check) can name them without importing TensorFlow.js: the page's bundle stays
 * small and never compiles WebAssembly, which its Content Security Policy forbids.
 */

/** A TensorFlow.js backend the book can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The order the kernel tries backends in: fastest first where each exists. */
export const BACKEND_LADDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
