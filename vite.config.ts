import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
// .js: resolves to the .ts source, and keeps Vite's config loader from warning about the import.
import { bookPlugin } from './src/content/vite-plugin.js';
import { tfjsThreadsDepsPlugin, tfjsThreadsPlugin } from './src/build/tfjs-threads-plugin.js';
import { staticPagesPlugin } from './src/build/static-pages-plugin.js';
import { VitePWA } from 'vite-plugin-pwa';
import { headersFilePlugin, ISOLATION_HEADERS } from './scripts/headers-file.mjs';
import { DATASETS } from './scripts/datasets.mjs';
import { notebookLibPlugin, notebookLibVersion } from './src/build/notebook-lib-plugin.js';

// Cross-origin isolation (COOP + COEP) enables SharedArrayBuffer: the kernel's soft interrupt
// and multi-threaded WASM need it. Static hosts without these headers still work: the service
// worker adds them after the first load (src/sw/isolation.ts). The same headers, and the
// framing ones (only the book frames itself), go to dist/_headers (scripts/headers-file.mjs).
// Dev and preview send the isolation ones only: tests load pages of the site into foreign frames.
const headers = { ...ISOLATION_HEADERS };

// The pages readers get. `vite build --mode harness` adds the pages of the tests and the bench
// (kernel harness, bench, browser checks); scripts/test.mjs, book-test.mjs, bench.mjs and the
// reliability runner build that into .cache/, so dist/ holds only the book.
const READER_PAGES = { main: 'index.html', kernel: 'kernel-frame.html' };
const HARNESS_PAGES = {
  harness: 'test/e2e/kernel-harness.html',
  bench: 'test/bench/bench.html', // npm run bench (scripts/bench.mjs)
};
/** Adds the harness pages in `--mode harness` (a plugin, so this file's export stays an object for the vitest configs that spread it). */
const harnessPages = (): Plugin => ({
  name: 'handson-harness-pages',
  apply: 'build',
  config: (_config, { mode }) => (mode === 'harness' ? { build: { rollupOptions: { input: { ...READER_PAGES, ...HARNESS_PAGES } } } } : undefined),
});

export default defineConfig({
  base: './', // relative asset URLs: dist/ works under any sub-path (GitHub Pages)
  define: {
    // The datasets "make this book available offline" fetches (src/app/offline/datasets.ts).
    __BOOK_DATASETS__: JSON.stringify(DATASETS.map(({ path, bytes }) => ({ path, bytes }))),
    // The notebook library's version, in the URL a downloaded notebook imports it from (src/app/section/notebook-export.ts).
    __NOTEBOOK_LIB_VERSION__: JSON.stringify(notebookLibVersion(fileURLToPath(new URL('.', import.meta.url)))),
  },
  // Chapters compiled at build time: virtual:book (see src/content/virtual-book.d.ts).
  // VitePWA: one service worker (src/sw/sw.ts) that precaches the book for offline reading and
  // adds the cross-origin isolation headers on hosts that cannot send them (DESIGN.md).
  // headersFilePlugin: dist/_headers for hosts that read one (Netlify, Cloudflare Pages).
  // staticPagesPlugin: every section as a static page for readers without JavaScript (dist/en/,
  // dist/zh/), and the cover's <noscript> table of contents (src/build/static-pages-plugin.ts).
  // notebookLibPlugin: lib/handson-lib.mjs, the library for notebooks outside the page (Deno's Jupyter kernel).
  plugins: [
    bookPlugin(),
    staticPagesPlugin(),
    tfjsThreadsPlugin(),
    harnessPages(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false, // src/app/offline/service-worker.ts registers it
      manifest: false,
      devOptions: { enabled: false },
      injectManifest: {
        // Everything the book needs to read and run, except the datasets (32 MB, fetched on first
        // use or on "make this book available offline") and files only other hosts read.
        globPatterns: ['**/*.{html,js,css,wasm,woff2,svg,png,jpg,jpeg,gif,webp,avif,json,ico,txt}'],
        // en/** and zh/**: the static pages for readers without JavaScript (offline readers use the app).
        globIgnores: ['data/**', '_headers', 'test/**', 'assets/harness-*', 'assets/bench-*', 'en/**', 'zh/**'], // harness pages: --mode harness only
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      },
    }),
    headersFilePlugin(),
    notebookLibPlugin(),
  ],
  // The kernel worker is inlined (the kernel frame starts it from a blob): one chunk.
  // Classic (iife), not a module worker: chosen when the frame was an opaque-origin sandbox, where
  // Chromium refuses module workers from blob:null URLs with a bare error event while classic ones
  // load. The frame is same-origin now (src/kernel/sandbox/frame.ts says why); classic still works.
  // keepNames: the minifier must not rename classes and functions, because the library reads
  // their names (error names such as ShapeError, Gluon's block prefixes dense0_, printed losses).
  // tfjsThreadsPlugin: the threaded WASM build's pthread workers load once minified (see the file).
  worker: { format: 'iife', plugins: () => [tfjsThreadsPlugin()], rollupOptions: { output: { inlineDynamicImports: true, keepNames: true } } },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: READER_PAGES, // + HARNESS_PAGES in --mode harness (harnessPages below)
      output: { keepNames: true },
    },
  },
  server: {
    headers,
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
  preview: { headers },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    pool: 'forks',
    // Leak tests call gc() so finalizers run deterministically (see test/unit/helpers/check-op.ts).
    execArgv: ['--expose-gc'],
  },
});
