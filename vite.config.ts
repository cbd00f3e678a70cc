import { defineConfig } from 'vitest/config';

// Cross-origin isolation (COOP + COEP) enables SharedArrayBuffer: the kernel's soft interrupt
// and multi-threaded WASM need it. Static hosts without these headers still work, degraded.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './', // relative asset URLs: dist/ works under any sub-path (GitHub Pages)
  worker: { format: 'es' },
  build: { target: 'es2022' },
  server: { headers: isolation },
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
