/**
 * Where the page finds TensorFlow.js's WASM binaries when nobody said otherwise: the bundler's
 * own URLs for them. Without this, tfjs fetches the `.wasm` next to the bundle, Vite answers
 * with index.html and `setBackend('wasm')` resolves false (BROWSER-NOTES.md, "WASM file paths").
 * Browser only: the `?url` imports exist only under Vite, so backends.ts loads this module with a
 * dynamic import from its browser path and Node never sees it.
 */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The bundler's URL of each binary, for configureWasmPaths. */
export function browserWasmPaths(): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
  };
}
