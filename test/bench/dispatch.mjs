#!/usr/bin/env node
// node test/bench/dispatch.mjs [webgl,webgpu,wasm] [reps] [variant-filter,...]
// Serves the repo with Vite's dev server and times test/bench/dispatch-page.ts per backend in
// headless Chromium: ms per run of each variant (median of interleaved rounds); the tiny-op
// variants run 1,000 ops, so their ms per run is µs per op.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launchBrowser } from '../e2e/browser.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const backends = (process.argv[2] ?? 'webgl,webgpu,wasm').split(',');
const reps = Number(process.argv[3] ?? 9);
const only = process.argv[4] ? process.argv[4].split(',') : [];

const server = await createServer({ root: repoRoot, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await launchBrowser();
try {
  for (const b of backends) {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    // Vite may reload the page once when it discovers a dependency on first load: retry then.
    let r;
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(`${url}test/bench/dispatch.html`);
        await page.waitForFunction(() => 'dispatch' in window, null, { timeout: 120_000 });
        r = await page.evaluate(([b, reps, only]) => window.dispatch.run(b, reps, only), [b, reps, only]);
        break;
      } catch (e) {
        if (attempt > 0 || !/context was destroyed|navigation/.test(e.message)) throw e;
      }
    }
    console.log(`${b} (ms per run; per 1,000 ops: µs per op)`);
    for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(30)} ${v.toFixed(1)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
