#!/usr/bin/env node
// The reader's budgets, measured against the BUILT site in headless Chromium, served as a plain
// static host would under a sub-path (/handson/):
//
//   1. JavaScript needed to show a chapter's text <= 250 KB gzipped: every script the page
//      requests from navigation until the section's text is visible, gzipped here (level 9).
//      TensorFlow.js (the kernel), CodeMirror, Plotly and the search index must not be among them.
//   2. A chapter's text visible within 1 s of navigation: a cold load of a section URL, and a
//      click in the table of contents to every other section (each must be <= 1 s).
//   3. The static pages (dist/<lang>/..., for readers without JavaScript): each <= 100 KB gzipped
//      (its prose, code, recorded outputs, images and charts all inline), and none loads a script
//      the cover does not (only the app's entry, which takes the page over).
//
//   node scripts/budget.mjs [distDir]        (default: $E2E_DIST_DIR or dist/; build first)
// Prints a table and exits 1 when over budget. test/e2e/reader.e2e.test.mjs runs it too.
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, serveStatic } from '../test/e2e/browser.mjs';

export const JS_BUDGET_BYTES = 250 * 1024;
export const TEXT_BUDGET_MS = 1000;
export const STATIC_PAGE_BUDGET_BYTES = 100 * 1024;

const scriptsOf = (html) => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1].replace(/^(\.\.\/)+|^\.\//, ''));

/** Sizes of the static pages (gzipped, level 9), the largest first, and the scripts any of them loads beyond the cover's. */
export async function measureStaticPages(distDir) {
  const coverScripts = new Set(scriptsOf(await readFile(join(distDir, 'index.html'), 'utf8')));
  const pages = [];
  const extraScripts = new Set();
  for (const lang of ['en', 'zh']) {
    const files = await readdir(join(distDir, lang), { recursive: true }).catch(() => []);
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = await readFile(join(distDir, lang, file));
      for (const src of scriptsOf(html.toString('utf8'))) if (!coverScripts.has(src)) extraScripts.add(`${lang}/${file}: ${src}`);
      pages.push({ path: `${lang}/${file}`, bytes: html.length, gzipBytes: gzipSync(html, { level: 9 }).length });
    }
  }
  pages.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { pages, extraScripts: [...extraScripts] };
}
const COLD_TRIALS = 7;
const NAV_ROUNDS = 3;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Marks the moment a section's text is on screen (the first paragraph of its body). */
const TEXT_PROBE = `
  window.__textShown = null;
  new MutationObserver(() => {
    const section = document.querySelector('.section[data-slug]');
    const p = section?.querySelector('.section-body .prose p');
    if (!p || p.getBoundingClientRect().height === 0) return;
    // Record each section's first appearance (the previous section may still be on screen after a click).
    if (window.__textShown === null || window.__textShown.slug !== section.dataset.slug) {
      window.__textShown = { at: performance.now(), slug: section.dataset.slug };
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Measures the budgets with a page of `context` on the site at `url` (ending in /).
 * Returns { jsFiles: [{ path, gzipBytes }], jsGzipBytes, coldMs, navigations: [{ slug, ms }], ok, problems }.
 */
export async function measureBudgets({ context, url, distDir }) {
  const page = await context.newPage();
  await page.addInitScript(TEXT_PROBE);
  // The first section that has text (the cover is not a chapter).
  await page.goto(url);
  await page.waitForSelector('.toc');
  const slugs = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href').slice(2)));
  if (slugs.length < 2) throw new Error(`the book has ${slugs.length} section(s); the budget needs at least two`);

  // Cold load of a section URL in a fresh page, HTTP cache disabled. Median of COLD_TRIALS loads:
  // the machines this runs on are shared, and one load can be slowed by another process.
  const coldTrials = [];
  let scripts = [];
  let htmlScripts = [];
  for (let trial = 0; trial < COLD_TRIALS; trial++) {
    const cold = await context.newPage();
    const cdp = await context.newCDPSession(cold);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cold.addInitScript(TEXT_PROBE);
    await cold.goto(`${url}#/${slugs[0]}`);
    await cold.waitForFunction(() => window.__textShown !== null, null, { timeout: 30000 });
    // Scripts whose request started before the text was visible (resource timing, in the page's clock).
    const r = await cold.evaluate(() => ({
      at: window.__textShown.at,
      scripts: performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < window.__textShown.at && /\.m?js$/.test(new URL(e.name).pathname))
        .map((e) => new URL(e.name).pathname),
    }));
    coldTrials.push(r.at);
    scripts = r.scripts;
    htmlScripts = await cold.$$eval('script[src]', (ss) => ss.map((s) => new URL(s.src).pathname));
    await cold.close();
  }
  const coldMs = median(coldTrials);
  const base = new URL(url).pathname;
  const jsFiles = [];
  for (const path of [...new Set([...htmlScripts, ...scripts])]) {
    const bytes = await readFile(join(distDir, decodeURIComponent(path.slice(base.length))));
    // TensorFlow.js belongs to the kernel's worker: in the page it would weigh ~250 KB more, and its
    // import compiles a small WebAssembly module (the 'long' package), which the page's CSP refuses.
    const tfjs = bytes.includes('_tfengine');
    jsFiles.push({ path: path.slice(base.length), bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, tfjs });
  }
  const jsGzipBytes = jsFiles.reduce((s, f) => s + f.gzipBytes, 0);

  // In-app navigation: click each section in the table of contents, time click -> text visible.
  // The page first settles (editors and prefetches after the first load); each section is
  // visited NAV_ROUNDS times and its median counts.
  await page.close();
  const nav = await context.newPage();
  await nav.addInitScript(TEXT_PROBE);
  await nav.goto(`${url}#/${slugs[0]}`);
  await nav.waitForFunction(() => window.__textShown !== null);
  await nav.waitForLoadState('networkidle');
  const times = new Map(slugs.map((s) => [s, []]));
  for (let round = 0; round < NAV_ROUNDS; round++) {
    for (const slug of [...slugs.slice(1), slugs[0]]) {
      const ms = await nav.evaluate(async (s) => {
        window.__textShown = null;
        const link = [...document.querySelectorAll('.toc-sections > li > a')].find((a) => a.getAttribute('href') === `#/${s}`);
        const t0 = performance.now();
        link.click();
        await new Promise((resolve, reject) => {
          const deadline = t0 + 15000;
          const poll = () => {
            if (window.__textShown?.slug === s) resolve();
            else if (performance.now() > deadline) reject(new Error(`${s}: text not visible after 15 s`));
            else requestAnimationFrame(poll);
          };
          poll();
        });
        return window.__textShown.at - t0;
      }, slug);
      times.get(slug).push(ms);
      await nav.waitForTimeout(150); // a reader does not click twice within a frame
    }
  }
  await nav.close();
  const navigations = slugs.map((slug) => ({ slug, ms: median(times.get(slug)), trials: times.get(slug) }));

  const staticPages = await measureStaticPages(distDir);
  const problems = [];
  if (staticPages.pages.length === 0) problems.push('no static pages in dist/en or dist/zh (src/build/static-pages-plugin.ts writes them at build time)');
  for (const p of staticPages.pages.filter((p) => p.gzipBytes > STATIC_PAGE_BUDGET_BYTES)) problems.push(`static page ${p.path}: ${(p.gzipBytes / 1024).toFixed(1)} KB gzipped > ${STATIC_PAGE_BUDGET_BYTES / 1024} KB`);
  if (staticPages.extraScripts.length) problems.push(`static pages load scripts the cover does not: ${staticPages.extraScripts.slice(0, 5).join(', ')}`);
  const heavy = jsFiles.filter((f) => /kernel|plotly|create-editor|search/.test(f.path));
  const withTfjs = jsFiles.filter((f) => f.tfjs);
  if (withTfjs.length) problems.push(`TensorFlow.js is in the page's own scripts (it belongs to the kernel's worker; an import of src/lib from src/app?): ${withTfjs.map((f) => f.path).join(', ')}`);
  if (heavy.length) problems.push(`scripts that must load only when needed were loaded before the text: ${heavy.map((f) => f.path).join(', ')}`);
  if (jsGzipBytes > JS_BUDGET_BYTES) problems.push(`JS to show text: ${(jsGzipBytes / 1024).toFixed(1)} KB gzipped > ${JS_BUDGET_BYTES / 1024} KB`);
  if (coldMs > TEXT_BUDGET_MS) problems.push(`cold load to text: ${coldMs.toFixed(0)} ms > ${TEXT_BUDGET_MS} ms`);
  for (const n of navigations) if (n.ms > TEXT_BUDGET_MS) problems.push(`navigation to ${n.slug}: ${n.ms.toFixed(0)} ms > ${TEXT_BUDGET_MS} ms`);
  return { jsFiles, jsGzipBytes, coldMs, navigations, staticPages, ok: problems.length === 0, problems };
}

export function formatBudgets(r) {
  const nav = r.navigations.map((n) => n.ms).sort((a, b) => a - b);
  const mid = nav.length ? median(nav) : NaN;
  const lines = [
    'budget                                   measured      limit',
    `JS to show a chapter's text (gzipped)    ${(r.jsGzipBytes / 1024).toFixed(1).padStart(7)} KB   ${JS_BUDGET_BYTES / 1024} KB`,
    ...r.jsFiles.map((f) => `  ${f.path.padEnd(38)} ${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB`),
    `text visible, cold load (median of ${COLD_TRIALS})    ${r.coldMs.toFixed(0).padStart(7)} ms   ${TEXT_BUDGET_MS} ms`,
    `text visible after a TOC click, ${nav.length} sections (median of ${NAV_ROUNDS} each): median ${mid.toFixed(0)} ms, slowest ${Math.max(...nav).toFixed(0)} ms   ${TEXT_BUDGET_MS} ms`,
    `largest static page (of ${r.staticPages.pages.length}, gzipped)       ${((r.staticPages.pages[0]?.gzipBytes ?? 0) / 1024).toFixed(1).padStart(7)} KB   ${STATIC_PAGE_BUDGET_BYTES / 1024} KB  ${r.staticPages.pages[0]?.path ?? ''}`,
    `(machine load average while measuring: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; times grow with it)`,
    r.ok ? 'within budget' : `OVER BUDGET:\n  ${r.problems.join('\n  ')}`,
  ];
  return lines.join('\n');
}

async function main() {
  const distDir = process.argv[2] ?? process.env.E2E_DIST_DIR ?? 'dist';
  const site = await serveStatic(distDir);
  const browser = await launchBrowser();
  try {
    const r = await measureBudgets({ context: browser.context, url: site.url, distDir });
    console.log(formatBudgets(r));
    process.exitCode = r.ok ? 0 : 1;
  } finally {
    await browser.close();
    await site.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
