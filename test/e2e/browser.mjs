// Shared setup for end-to-end tests: serve the built site (dist/) with `vite preview` and drive
// Debian's Chromium through playwright-core with the flags from ../shared/DESIGN.md.
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';

export { CHROMIUM_FLAGS };

/**
 * Serves a build (run `vite build --mode harness --outDir .cache/e2e-dist` first: the tests' pages
 * are not in dist/) with the same headers as production previews.
 */
export async function serveDist(outDir = 'dist', { port = 0 } = {}) {
  const server = await preview({ build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: port !== 0 }, logLevel: 'error' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, close: () => new Promise((r) => server.httpServer.close(() => r())) };
}

// The same headers as vite.config.ts's preview (cross-origin isolation, CORP/CORS for the kernel frame).
import { ISOLATION_HEADERS } from '../../scripts/headers-file.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
};

/**
 * Serves a built site the way a plain static host does (GitHub Pages and the like): files only,
 * under a sub-path (`/handson/`), no fallback to index.html, no compression; with the isolation
 * headers of the preview. Anything outside the sub-path is a 404, so a URL the app builds
 * against the domain root fails the tests. `isolated: false`: no isolation headers either, like a
 * host that sends none (no SharedArrayBuffer, so single-threaded WASM).
 */
export async function serveStatic(outDir = 'dist', base = '/handson/', { isolated = true } = {}) {
  const root = resolve(outDir);
  const headers = isolated ? ISOLATION_HEADERS : {};
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, headers).end('not under the site base');
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * A fresh Chromium profile; returns the context and a cleanup function. `extraArgs`: flags added
 * to CHROMIUM_FLAGS (e.g. `--js-flags=--expose-gc` for tests that measure live memory).
 * `serviceWorkers`: the book's service worker (src/sw/sw.ts) precaches ~10 MB on each fresh
 * profile and, on a host without isolation headers, reloads the page once to isolate it; tests
 * of other things block it unless E2E_SERVICE_WORKERS=allow (to run them under it). The
 * offline tests (offline.e2e.test.mjs) allow it.
 */
export async function launchBrowser({ extraArgs = [], serviceWorkers = process.env.E2E_SERVICE_WORKERS === 'allow' ? 'allow' : 'block' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'handson-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
    viewport: { width: 1280, height: 900 },
    serviceWorkers,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the kernel harness page (test/e2e/kernel-harness.html) of a served site and waits until its kernel client is ready. */
export async function openKernelHarness(page, siteUrl) {
  if (process.env.E2E_SERVICE_WORKERS === 'allow') {
    // Under the book's service worker: the reader's page installs it, then the harness (in its
    // scope) and the kernel frame load through it, with the headers it adds.
    await page.goto(siteUrl);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
  }
  await page.goto(`${siteUrl}test/e2e/kernel-harness.html`);
  await page.waitForSelector('body[data-ready="true"]');
  if (process.env.E2E_SERVICE_WORKERS === 'allow' && !(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    throw new Error('E2E_SERVICE_WORKERS=allow, but the service worker does not control the kernel harness');
  }
  return page;
}

/** Opens a section of the reader by its hash route and waits for its body. */
export async function openSection(page, slug, { timeout = 30_000 } = {}) {
  await page.evaluate((s) => (location.hash = `#/${s}`), slug);
  await page.waitForSelector(`.section[data-slug="${slug}"] .section-body`, { timeout });
}

/**
 * The start most reader tests share: serves the build under /handson/, launches Chromium, opens
 * the site with WASM named as the backend (right on every machine, and naming it skips the
 * backend probe, which these tests are not about) and, given a slug, that section. Page errors
 * are collected in `pageErrors`. `close()` closes the browser and the server.
 */
export async function openSite(distDir, { slug = null, viewport = null } = {}) {
  await mkdir('test-results', { recursive: true });
  const site = await serveStatic(distDir, '/handson/');
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  await page.evaluate(() => localStorage.setItem('handson/backend', 'wasm'));
  if (slug) await openSection(page, slug);
  return {
    site,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}

/** Runs one cell with its Run button and waits until it is done, failed or stopped; returns that state. */
export async function runCell(page, cell, { timeout = 90_000 } = {}) {
  await cell.locator('.btn-run').click();
  await page.waitForFunction((el) => ['done', 'error', 'stopped'].includes(el.dataset.state), await cell.elementHandle(), { timeout });
  return cell.getAttribute('data-state');
}

/** Presses the section's Run all and waits until every cell is done, failed or stopped. */
export async function runAll(page, { timeout = 120_000 } = {}) {
  await page.locator('.section-toolbar .btn-run').click();
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('.section-body .cell')];
    return cells.length > 0 && cells.every((c) => ['done', 'error', 'stopped'].includes(c.dataset.state));
  }, null, { timeout });
}
