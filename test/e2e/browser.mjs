// Shared setup for end-to-end tests: serve the built site (dist/) with `vite preview` and drive
// Debian's Chromium through playwright-core with the flags from ../shared/DESIGN.md.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
];

/** Serves dist/ (run `vite build` first) with the same headers as production previews. */
export async function serveDist(outDir = 'dist') {
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, close: () => new Promise((r) => server.httpServer.close(() => r())) };
}

/** A fresh Chromium profile; returns the context and a cleanup function. */
export async function launchBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'handson-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS.filter((f) => f !== '--headless'),
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
