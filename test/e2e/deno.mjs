// Deno for the notebook tests: the binary of the `deno` devDependency (npm ships Deno's binaries),
// or DENO_BIN, or `deno` on the PATH.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openSection, serveStatic } from './browser.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The path of a Deno binary that runs, or throws saying how to get one. */
export function findDeno() {
  const candidates = [];
  if (process.env.DENO_BIN) candidates.push(process.env.DENO_BIN);
  try {
    // The npm package's own lookup of its platform binary (@deno/<platform>).
    candidates.push(createRequire(path.join(repoRoot, 'package.json'))('deno/install_api.cjs').runInstall());
  } catch {
    // not installed: try the PATH
  }
  candidates.push('deno');
  for (const bin of candidates) {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    if (r.status === 0 && /^deno \d/.test(r.stdout)) return bin;
  }
  throw new Error('no Deno binary: run `npm install` (Deno is a devDependency), or set DENO_BIN to a Deno 2 binary.');
}

/**
 * Evaluates files in order as Deno's Jupyter kernel evaluates cells (its REPL: a later file may
 * declare a `const` again, top-level await works), with all permissions as that kernel has them,
 * and a fresh module cache. Resolves with stdout, stderr and the exit code; rejects after `timeoutMs`.
 */
export function denoRepl(deno, files, { cwd, env = {}, timeoutMs = 120_000, denoDir }) {
  return new Promise((resolve, reject) => {
    const child = spawn(deno, ['repl', '-A', `--eval-file=${files.join(',')}`], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', DENO_DIR: denoDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`deno repl did not finish in ${timeoutMs / 1000} s. stdout so far:\n${stdout.slice(-3000)}\nstderr:\n${stderr.slice(-3000)}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

/** A section's notebook as the page's download gives it (Edits > Download as a notebook); `zh`: from the Chinese edition. */
export async function downloadNotebook(page, slug, { zh = false } = {}) {
  if (zh) {
    await page.evaluate((s) => (location.hash = `#/zh/${s}`), slug);
    await page.waitForSelector(`.section[data-slug="${slug}"] .section-body`);
  } else await openSection(page, slug);
  await page.locator('.section-toolbar button[aria-expanded]', { hasText: zh ? '修改' : 'Edits' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-ipynb"]').click()]);
  return JSON.parse(await readFile(await file.path(), 'utf8'));
}

/** The built site served under /handson/ and open in headless Chromium, ready for downloadNotebook; `close` ends both. */
export async function openSiteForDownloads(distDir) {
  const site = await serveStatic(distDir, '/handson/');
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  return { site, page, close: async () => (await browser.close(), await site.close()) };
}
