// The speed probe in a real browser (issue 8): with no backend chosen, the kernel measures every
// backend and starts on the fastest one whose numbers are right. Here (no GPU: WebGPU and WebGL
// run in SwiftShader) that is WASM. The page keeps the probe, so the next start does not measure
// again; the reader's explicit choice wins over it; the status bar says which backend and why.
// The menu beside the backend switcher measures again on request and chooses WASM's threads.
//
//   npx vite build --mode harness --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/probe.e2e.test.mjs
// (E2E_DIST_DIR defaults to .cache/e2e-dist.) Screenshots: test-results/probe-status-bar.png, and the open
// backend menu in test-results/backend-menu-{light,dark}.png (also /tmp/menu.png, /tmp/menu-dark.png).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { launchBrowser, serveStatic, openKernelHarness } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? '.cache/e2e-dist';
const CACHE_KEY = 'handson/backend-probe';
let site;
let browser;
let page;
let first = null;

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await openKernelHarness(page, site.url);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const timedStart = (backend) =>
  page.evaluate(async (b) => {
    const t0 = performance.now();
    const status = await window.harness.start(b ?? undefined);
    return { status, ms: performance.now() - t0 };
  }, backend ?? null);

const show = (probe) =>
  probe.trials.map((t) => `${t.name} ${t.outcome}${'ms' in t && t.ms !== null ? ` ${t.ms.toFixed(1)} ms` : ''}${'samples' in t ? ` [${t.samples.map((x) => x.toFixed(1)).join(', ')}]${t.stoppedEarly ? ' stopped early' : ''}` : ''}${'reason' in t ? `: ${t.reason}` : ''}`).join('; ') +
  (probe.recheck ? `; rechecked ${probe.recheck.names.join(' vs ')}: ${probe.recheck.samples.map((xs) => `[${xs.map((x) => x.toFixed(1)).join(', ')}]`).join(' vs ')}` : '');

describe('kernel start without a chosen backend', () => {
  it('measures every backend and starts on the fastest correct one: WASM here', async () => {
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), CACHE_KEY), null, 'a fresh profile has no cached probe');
    const { status, ms } = await timedStart();
    first = status.probe;
    console.log(`# probe: ${show(first)}; probe ${first.totalMs.toFixed(0)} ms, kernel start ${ms.toFixed(0)} ms`);
    assert.equal(status.backend, 'wasm', show(first));
    assert.deepEqual(status.fallbacks, []);
    assert.equal(first.chosen, 'wasm');
    assert.equal(first.basis, 'fastest');
    assert.equal(first.fromCache, false);
    assert.deepEqual(first.trials.map((t) => t.name), ['wasm', 'webgl', 'cpu', 'webgpu']);
    const wasm = first.trials[0];
    assert.equal(wasm.outcome, 'timed');
    assert.ok(wasm.samples.length === 3, show(first));
    for (const t of first.trials.slice(1)) {
      assert.notEqual(t.outcome, 'wrong', `${t.name} computed wrong numbers: ${show(first)}`);
      if (t.outcome === 'timed') assert.ok(t.ms > wasm.ms, `${t.name} was faster than WASM yet lost: ${show(first)}`);
    }
    // Software WebGL was really measured; WebGPU's adapter here is SwiftShader's fallback adapter,
    // which is skipped with the reason (start-fastest.ts, SOFTWARE_WEBGPU).
    const [webgl, cpu, webgpu] = first.trials.slice(1);
    assert.ok(webgl.outcome === 'timed' || webgl.outcome === 'over-cap', show(first));
    assert.ok(cpu.outcome === 'timed' || cpu.outcome === 'over-cap', show(first));
    assert.equal(webgpu.outcome, 'skipped', show(first));
    assert.match(webgpu.reason, /software \(fallback\) adapter/);
    // No backend was waited for beyond its cap (1.5 s each, besides init, which is never abandoned).
    assert.ok(first.totalMs < 3 * 1500 + 3000, `the probe took ${first.totalMs} ms`);
  });

  it('cells run on it, and mx.backendInfo() carries the probe', async () => {
    const r = await page.evaluate(() => window.harness.run('const i = mx.backendInfo();\n[i.name, i.probe.chosen, i.probe.trials.length]'));
    assert.equal(r.done.status, 'ok', JSON.stringify(r.outputs));
    assert.deepEqual(r.outputs.filter((o) => o.kind === 'value').map((o) => o.text), ['["wasm", "wasm", 4]']);
  });

  it('the page keeps the probe: the next start takes it from there and does not measure again', async () => {
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), CACHE_KEY));
    assert.equal(stored.key, first.key);
    assert.equal(stored.measuredAt, first.measuredAt);
    const { status, ms } = await timedStart();
    console.log(`# cached start: ${ms.toFixed(0)} ms (the probe took ${first.totalMs.toFixed(0)} ms)`);
    assert.equal(status.backend, 'wasm');
    assert.equal(status.probe.fromCache, true);
    assert.equal(status.probe.measuredAt, first.measuredAt, 'the same measurement, not a new one');
  });

  it("the reader's explicit choice wins over the probe", async () => {
    const wasm = await timedStart('wasm');
    console.log(`# explicit wasm start (no probe, no cache, for comparison): ${wasm.ms.toFixed(0)} ms`);
    assert.equal(wasm.status.probe, null);
    const { status } = await timedStart('webgl');
    assert.equal(status.backend, 'webgl');
    assert.equal(status.probe, null);
  });
});

describe('the status bar', () => {
  it('names the backend and why, with the measured times', async () => {
    await page.goto(site.url);
    await page.waitForSelector('.toc');
    const slugs = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href').slice(2)));
    let cell = null;
    for (const slug of slugs) {
      await page.evaluate((s) => (location.hash = `#/${s}`), slug);
      await page.waitForSelector(`.section[data-slug="${slug}"] .section-body`);
      if ((await page.locator('.section-body .cell').count()) > 0) {
        cell = page.locator('.section-body .cell').first();
        break;
      }
    }
    assert.ok(cell, 'no section has a code cell');
    assert.equal(await page.locator('[data-testid="backend"]').inputValue(), 'auto');
    // The reader starts the kernel as a reader does: by running a cell.
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    const badge = page.locator('.backend-badge[data-backend="wasm"]');
    await badge.waitFor({ timeout: 60000 });
    const text = await badge.innerText();
    const title = await badge.getAttribute('title');
    console.log(`# status bar: ${text}\n# tooltip: ${title.replaceAll('\n', ' | ')}`);
    // The badge also names WASM's thread count (src/lib/engine/wasm-threads.ts): one per core (2 here) by default.
    assert.match(text, /^WASM · 2 threads\s*\(fastest here: WASM [\d.]+ ms · WebGL .+ · CPU .+ · WebGPU skipped\)$/);
    assert.match(title, /^WASM was the fastest backend with correct results/);
    assert.match(title, /WebGPU: not measured: a software \(fallback\) adapter/);
    assert.match(title, /Choose a backend in the status bar/);
    // Same site, same browser: the probe measured through the harness above is reused.
    assert.equal(await badge.getAttribute('data-probe'), 'cached');
    await page.locator('.status-bar').screenshot({ path: 'test-results/probe-status-bar.png' });
  });
});

describe('the backend menu', () => {
  const badge = () => page.locator('.backend-badge');
  const menuButton = () => page.locator('[data-testid="backend-menu"]');
  const openMenu = async () => {
    await menuButton().click();
    await page.locator('#backend-menu[role="menu"]').waitFor();
  };
  const stored = async () => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), CACHE_KEY));

  it('opens from the keyboard, labelled, and closes with Escape back on its button', async () => {
    await menuButton().focus();
    await page.keyboard.press('Enter');
    const menu = page.locator('#backend-menu');
    await menu.waitFor();
    assert.equal(await menuButton().getAttribute('aria-expanded'), 'true');
    assert.equal(await menu.getAttribute('aria-label'), 'Backend options');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    assert.match(await focused(), /^Measure again/, 'opening focuses the first item');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Default: one per core, up to 4 (2 here)');
    await page.keyboard.press('End');
    assert.match(await focused(), /^One per core \(2 here\)$/);
    await page.keyboard.press('ArrowDown');
    assert.match(await focused(), /^Measure again/, 'arrows wrap around');
    // On this host (isolation headers, browser.mjs) threads can be chosen: nothing disabled, no "why".
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.equal(await menu.locator('[aria-disabled="true"]').count(), 0);
    assert.deepEqual(await menu.locator('[role="menuitemradio"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-checked'))), ['true', 'false', 'false']);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const vp = page.viewportSize();
      const clip = { x: vp.width - 480, y: vp.height - 330, width: 480, height: 330 };
      await page.screenshot({ path: `test-results/backend-menu-${theme}.png`, clip });
      await page.screenshot({ path: theme === 'light' ? '/tmp/menu.png' : '/tmp/menu-dark.png', clip });
    }
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'backend-menu');
  });

  it('"Measure again" forgets the kept probe and restarts the kernel with a fresh measurement', async () => {
    await page.locator('.backend-badge[data-probe="cached"]').waitFor();
    const before = await stored();
    await openMenu();
    await page.getByRole('menuitem', { name: /Measure again/ }).click();
    await page.locator('.backend-badge[data-probe="measured"]').waitFor({ timeout: 60000 });
    const after = await stored();
    console.log(`# measured again: ${await badge().innerText()}`);
    assert.notEqual(after.measuredAt, before.measuredAt, 'a new measurement was kept');
    assert.ok(Date.parse(after.measuredAt) > Date.parse(before.measuredAt));
    assert.equal(await badge().getAttribute('data-backend'), 'wasm');
    assert.match(await badge().innerText(), /fastest here: WASM [\d.]+ ms/);
    // Like every restart, it says the variables were reset.
    await page.getByText('The kernel was restarted to measure the backends again: its variables were reset.').waitFor();
  });

  it('WASM threads: 2 here by default, "1 thread" restarts the kernel on one, "one per core" on 2, "Default" back', async () => {
    assert.equal(await badge().getAttribute('data-wasm-threads'), '2');
    await openMenu();
    await page.getByRole('menuitemradio', { name: '1 thread' }).click();
    await page.locator('.backend-badge[data-wasm-threads="1"]').waitFor({ timeout: 60000 });
    assert.match(await badge().innerText(), /^WASM · 1 thread\b/);
    assert.equal(await page.evaluate(() => localStorage.getItem('handson/wasm-threads')), 'one');
    await openMenu();
    assert.equal(await page.getByRole('menuitemradio', { name: '1 thread' }).getAttribute('aria-checked'), 'true');
    await page.getByRole('menuitemradio', { name: /One per core/ }).click();
    await page.locator('.backend-badge[data-wasm-threads="2"]').waitFor({ timeout: 60000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('handson/wasm-threads')), 'per-core');
    await openMenu();
    await page.getByRole('menuitemradio', { name: '1 thread' }).click();
    await page.locator('.backend-badge[data-wasm-threads="1"]').waitFor({ timeout: 60000 });
    // Default: no entry, the kernel's own default (one per core up to 4: 2 here).
    await openMenu();
    await page.getByRole('menuitemradio', { name: /^Default/ }).click();
    await page.locator('.backend-badge[data-wasm-threads="2"]').waitFor({ timeout: 60000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('handson/wasm-threads')), null);
  });
});

describe('the backend menu on a host without cross-origin isolation', () => {
  let plain;
  let plainPage;
  before(async () => {
    plain = await serveStatic(distDir, '/handson/', { isolated: false });
    plainPage = await browser.context.newPage();
    await plainPage.goto(plain.url);
    // The backend switcher is on section pages only (home and part pages have no kernel).
    await plainPage.locator('.toc-sections a').first().click();
    await plainPage.waitForSelector('.section .section-body');
    await plainPage.waitForSelector('.status-bar [data-testid="backend-menu"]');
  });
  after(async () => {
    await plainPage?.close();
    await plain?.close();
  });

  it('threads cannot be chosen, and the menu says which headers the host must send', async () => {
    assert.equal(await plainPage.evaluate(() => crossOriginIsolated), false);
    await plainPage.locator('[data-testid="backend-menu"]').click();
    const radios = plainPage.locator('#backend-menu [role="menuitemradio"]');
    assert.deepEqual(await radios.evaluateAll((els) => els.map((e) => e.getAttribute('aria-disabled'))), ['true', 'true', 'true']);
    const why = await plainPage.locator('#wasm-threads-why').innerText();
    assert.match(why, /Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp/);
    assert.equal(await radios.first().getAttribute('aria-describedby'), 'wasm-threads-why');
    const vp = plainPage.viewportSize();
    await plainPage.screenshot({ path: 'test-results/backend-menu-not-isolated.png', clip: { x: vp.width - 480, y: vp.height - 330, width: 480, height: 330 } });
    await radios.nth(2).click({ force: true });
    assert.equal(await plainPage.evaluate(() => localStorage.getItem('handson/wasm-threads')), null, 'a disabled choice does nothing');
  });
});
