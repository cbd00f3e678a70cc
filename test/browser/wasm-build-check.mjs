#!/usr/bin/env node
// The WASM backend in a production bundle: `vite build` of wasm-check.html, served by
// `vite preview` with and without cross-origin isolation (the site's headers, and a static host
// without them), opened in headless Chromium. Passes when the backend is WASM, the binary that
// tfjs picked was served as application/wasm, and the computed values are right.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};
console.log('wasm build check: building');
const EXPECTED = [17, 39, 56]; // [[1,2],[3,4]] @ [[5],[6]] = [[17],[39]]; sum 56

const outDir = await mkdtemp(path.join(tmpdir(), 'wasm-build-check-'));
const base = { root: repoRoot, configFile: false, base: './', logLevel: 'warn' };
let browser;
const servers = [];
let failures = 0;
try {
  await build({ ...base, build: { outDir, emptyOutDir: true, target: 'es2022', minify: process.env.NO_MINIFY ? false : undefined, rollupOptions: { input: path.join(repoRoot, 'test/browser/wasm-check.html') } } });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  for (const [label, headers] of [['cross-origin isolated', ISOLATION], ['not isolated', {}]]) {
    const server = await preview({ ...base, build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, headers } });
    servers.push(server);
    const page = await browser.newPage();
    const wasmResponses = [];
    const consoleLines = [];
    page.on('response', (r) => {
      if (r.status() >= 400) consoleLines.push(`HTTP ${r.status()}: ${new URL(r.url()).pathname}`);
      if (r.url().endsWith('.wasm')) wasmResponses.push(`${path.basename(new URL(r.url()).pathname)} ${r.status()} ${r.headers()['content-type']}`);
    });
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`.replace(/blob:\S+?:1:/g, 'blob:…:1:')));
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
    await page.goto(`${server.resolvedUrls.local[0]}test/browser/wasm-check.html`, { timeout: 30_000 });
    let timer;
    const result = await Promise.race([
      page.evaluate(() => globalThis.wasmCheck),
      new Promise((r) => {
        timer = setTimeout(() => r({ error: `the WASM backend did not start within 30 s; page console (deduplicated):\n    ${[...new Set(consoleLines)].join('\n    ')}` }), 30_000);
      }),
    ]);
    clearTimeout(timer);
    await page.close();
    const problems = [];
    if (result.error) problems.push(result.error);
    else if (result.backend !== 'wasm') problems.push(`backend ${result.backend} (skipped: ${result.skipped?.join('; ')})`);
    else if (JSON.stringify(result.values) !== JSON.stringify(EXPECTED)) problems.push(`values ${JSON.stringify(result.values)}, expected ${JSON.stringify(EXPECTED)}`);
    if (wasmResponses.length === 0 || !wasmResponses.every((w) => / 200 application\/wasm$/.test(w))) problems.push(`.wasm responses: ${wasmResponses.join(', ') || 'none'}`);
    if (!result.error && result.crossOriginIsolated !== (label === 'cross-origin isolated')) problems.push(`crossOriginIsolated is ${result.crossOriginIsolated}`);
    failures += problems.length ? 1 : 0;
    console.log(`wasm in vite build + preview (${label}): ${problems.length ? `FAIL\n  ${problems.join('\n  ')}` : `ok, loaded ${wasmResponses.join(', ')}`}`);
  }
} catch (e) {
  failures++;
  console.error(`wasm build check failed: ${e.stack ?? e}`);
} finally {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((r) => {
    s.httpServer.closeAllConnections?.();
    s.httpServer.close(() => r());
  })));
  await rm(outDir, { recursive: true, force: true });
}
process.exitCode = failures ? 1 : 0;
