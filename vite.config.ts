import { defineConfig } from 'vitest/config';
// .js: resolves to the .ts source, and keeps Vite's config loader from warning about the import.
import { bookPlugin } from './src/content/vite-plugin.js';
import { tfjsThreadsDepsPlugin, tfjsThreadsPlugin } from './src/build/tfjs-threads-plugin.js';

// Cross-origin isolation (COOP + COEP) enables SharedArrayBuffer: the kernel's soft interrupt
// and multi-threaded WASM need it. Static hosts without these headers still work, degraded.
// The kernel runs in an opaque-origin sandbox (see kernel-frame.html): its requests for the
// site's own scripts and WASM files are cross-origin, so they are served with CORS and CORP.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Access-Control-Allow-Origin': '*',
};

export default defineConfig({
  base: './', // relative asset URLs: dist/ works under any sub-path (GitHub Pages)
  // Chapters compiled at build time: virtual:book (see src/content/virtual-book.d.ts).
  plugins: [bookPlugin(), tfjsThreadsPlugin()],
  // The kernel worker is inlined (started from a blob inside the sandbox): one chunk.
  // Classic (iife), not a module worker: Chromium refuses module workers from blob:null URLs
  // (the sandbox's opaque origin) with a bare error event, while classic ones load.
  // keepNames: the minifier must not rename classes and functions, because the library reads
  // their names (error names such as ShapeError, Gluon's block prefixes dense0_, printed losses).
  // tfjsThreadsPlugin: the threaded WASM build's pthread workers load once minified (see the file).
  worker: { format: 'iife', plugins: () => [tfjsThreadsPlugin()], rollupOptions: { output: { inlineDynamicImports: true, keepNames: true } } },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: 'index.html',
        kernel: 'kernel-frame.html',
        harness: 'test/e2e/kernel-harness.html',
        bench: 'test/bench/bench.html', // npm run bench (scripts/bench.mjs)
      },
      output: { keepNames: true },
    },
  },
  server: {
    headers: isolation,
    // Other builds (dist/, tests' copies under .cache/) are not the app's sources: no reloads for them.
    watch: { ignored: ['**/dist/**', '**/.cache/**', '**/test-results/**', '**/bench-results/**'] },
  },
  // The kernel worker's dependencies, bundled when dev starts: found only when the first cell
  // runs, they would make Vite re-optimize and reload the page under the reader's click.
  // tfjsThreadsDepsPlugin: pre-bundling skips Vite's plugins, and dev must start locked-down
  // pthread workers too (src/build/tfjs-threads-plugin.ts).
  optimizeDeps: {
    rolldownOptions: { plugins: [tfjsThreadsDepsPlugin()] },
    include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-backend-webgpu', 'acorn', 'magic-string', 'sucrase', '@jridgewell/trace-mapping'],
  },
  preview: { headers: isolation },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    pool: 'forks',
    // Leak tests call gc() so finalizers run deterministically (see test/unit/helpers/check-op.ts).
    execArgv: ['--expose-gc'],
  },
});
