// The book deployed anywhere, read offline (issue 21): the reader build (dist/) in headless
// Chromium with its service worker, on two hosts:
// - a plain static host that sends no special headers (as GitHub Pages): the first load is not
//   cross-origin isolated; the service worker installs, the page reloads once by itself, and from
//   then on the worker's COOP/COEP make it isolated, so WASM runs on threads;
// - `vite preview` (as `npm run preview`): the isolation headers from the first load.
// On each: go offline, open a section never visited, run a small training cell, reload, run it
// again; then deploy a changed build and see the update notice: the old version stays whole
// until the reader reloads, and saved edits survive the update.
//   npx vite build && node --test test/e2e/offline.e2e.test.mjs     (DIST_DIR: another build)
// Screenshots of the offline control and the update notice go to test-results/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, openSection, serveDist, serveStatic } from './browser.mjs';

const distDir = process.env.DIST_DIR ?? 'dist';

// Gluon linear regression on synthetic data (no dataset, so it needs no network at all).
const TRAIN_CELL = `const trueW = nd.array([2, -3.4]);
const [features, labels] = d2l.syntheticData(trueW, 4.2, 500);
const net = new gluon.nn.Sequential();
net.add(new gluon.nn.Dense(1));
net.initialize(new init.Normal(0.01));
const loss = new gluon.loss.L2Loss();
const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
const dataIter = new gluon.data.DataLoader(new gluon.data.ArrayDataset(features, labels), { batchSize: 50, shuffle: true });
for (let epoch = 0; epoch < 5; epoch++) for (const [X, y] of dataIter) {
  autograd.record(() => loss.forward(net.forward(X), y)).backward();
  trainer.step(50);
}
const w = await net.get(0).weight.data().reshape(-1).toArray();
print(\`offline-trained w=\${w.map((v) => v.toFixed(1)).join(',')} threads=\${crossOriginIsolated}\`);`;

/** A private copy of the build, so that the test can deploy a changed version over it. */
async function copyOfDist() {
  const dir = await mkdtemp(path.join(tmpdir(), 'handson-offline-'));
  await cp(distDir, dir, { recursive: true });
  return dir;
}

/**
 * Deploys "a new version" over the copy: index.html changes (a marker), and so does its revision
 * in the service worker's precache manifest, exactly what a rebuild with a changed page produces
 * (the worker's bytes change, so the browser installs it as an update).
 */
async function deployChangedBuild(dir, version = 2) {
  const indexFile = path.join(dir, 'index.html');
  const html = (await readFile(indexFile, 'utf8')).replace(/\n    <meta name="handson-deploy" content="v\d+" \/>/, '');
  await writeFile(indexFile, html.replace('<head>', `<head>\n    <meta name="handson-deploy" content="v${version}" />`));
  const swFile = path.join(dir, 'sw.js');
  const sw = await readFile(swFile, 'utf8');
  const changed = sw.replace(/\{"revision":"[0-9a-f]+","url":"index\.html"\}/, `{"revision":"${String(version).padStart(32, '0')}","url":"index.html"}`);
  assert.notEqual(changed, sw, 'index.html is in the precache manifest of sw.js');
  await writeFile(swFile, changed);
}

/** Polls fn in the page until it returns truthy, across the page's own reloads. */
async function eventually(page, fn, what, timeout = 120_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await page.evaluate(fn)) return;
    } catch {
      // the page is reloading
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(250);
  }
}


async function runTyped(page, code) {
  const cell = page.locator('.section-body .cell').first();
  await cell.scrollIntoViewIfNeeded();
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(code);
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((el) => ['done', 'error', 'stopped'].includes(el.dataset.state), await cell.elementHandle(), { timeout: 120_000 });
  return { state: await cell.getAttribute('data-state'), text: await cell.locator('.cell-outputs').innerText() };
}

async function screenshotPanel(page, name) {
  await page.locator('.offline-button').click();
  await page.locator('#offline-panel').waitFor();
  await page.screenshot({ path: `test-results/${name}.png` });
  await page.keyboard.press('Escape');
}

for (const isolatedHost of [false, true]) {
  const hostName = isolatedHost ? 'npm run preview, which sends the isolation headers' : 'a plain static host with no special headers (under /handson/)';
  /** The plain host under a sub-path; vite preview at the root, restarted on its port after a deploy (it indexes the files when it starts). */
  const serve = (dir, port) => (isolatedHost ? serveDist(dir, { port }) : serveStatic(dir, '/handson/', { isolated: false }));
  describe(`offline and updates on ${hostName}`, () => {
    let dir;
    let site;
    let browser;
    let page;
    let sections = [];
    const pageErrors = [];

    before(async () => {
      await mkdir('test-results', { recursive: true });
      dir = await copyOfDist();
      site = await serve(dir, 0);
      browser = await launchBrowser({ serviceWorkers: 'allow' });
      page = await browser.context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      // WASM with the default threads: the speed probe is not what this test is about.
      await page.addInitScript(() => localStorage.setItem('handson/backend', 'wasm'));
    });

    after(async () => {
      await browser?.close();
      await site?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('first load, then (after one reload) cross-origin isolated, WASM on threads', async () => {
      await page.goto(site.url);
      await page.waitForSelector('.toc');
      const firstIsolated = await page.evaluate(() => crossOriginIsolated);
      assert.equal(firstIsolated, isolatedHost, 'the first load is isolated only where the host sends the headers');
      sections = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href').slice(2)));
      assert.ok(sections.length > 5);
      // The worker installs (precaching the book), takes the page, and on the plain host the page reloads once by itself.
      await eventually(page, () => !!navigator.serviceWorker.controller && crossOriginIsolated, 'the service worker to control an isolated page');
      await page.locator('.offline-button[data-offline="ready"]').waitFor({ timeout: 30_000 });
      await page.reload();
      await page.waitForSelector('.toc');
      assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'isolated after a reload');
      await page.locator('.offline-button[data-offline="ready"]').waitFor({ timeout: 30_000 });
      const headers = await page.evaluate(async () => {
        const r = await fetch(location.href);
        return { coep: r.headers.get('cross-origin-embedder-policy'), coop: r.headers.get('cross-origin-opener-policy') };
      });
      assert.deepEqual(headers, { coep: 'require-corp', coop: 'same-origin' });
      // Threads: the kernel of the first section, WASM with its default (one per core, at most 4).
      await openSection(page, sections[2]);
      const r = await runTyped(page, 'print(`isolated=${crossOriginIsolated}`)');
      assert.equal(r.state, 'done', r.text);
      assert.match(r.text, /isolated=true/);
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      const threads = Number(await page.locator('.backend-badge').getAttribute('data-wasm-threads'));
      if (cores >= 2) assert.ok(threads >= 2, `WASM runs ${threads} thread(s) on ${cores} cores`);
      else console.log(`# one core here: WASM runs ${threads} thread (tfjs gives no second thread to one core)`);
      // The fast Stop (a soft interrupt through SharedArrayBuffer): the kernel keeps its variables.
      assert.equal((await runTyped(page, 'var keptAcrossStop = 42;\nprint("set")')).state, 'done');
      const cell = page.locator('.section-body .cell').first();
      await cell.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('while (true) {}');
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction((el) => el.dataset.state === 'running', await cell.elementHandle());
      await page.waitForTimeout(300);
      const t0 = Date.now();
      await cell.locator('button', { hasText: 'Stop' }).click();
      await page.waitForFunction((el) => el.dataset.state !== 'running', await cell.elementHandle(), { timeout: 5000 });
      const stopMs = Date.now() - t0;
      assert.equal(await cell.getAttribute('data-state'), 'stopped');
      const after = await runTyped(page, 'print(`kept=${keptAcrossStop}`)');
      assert.match(after.text, /kept=42/, 'a soft interrupt keeps the kernel state (a restart would have lost it)');
      console.log(`# ${isolatedHost ? 'preview' : 'plain host'}: WASM ${threads} threads, Stop in ${stopMs} ms with the state kept`);
    });

    it('offline: a section never visited opens, a training cell runs, and a reload still works', async () => {
      // "Make this book available offline": the datasets too, with a progress bar, into the cache cells read.
      await page.reload();
      await page.waitForSelector('.toc');
      await page.locator('.offline-button[data-offline="ready"]').waitFor({ timeout: 30_000 });
      if (!isolatedHost) await screenshotPanel(page, 'offline-panel-light');
      await page.locator('.offline-button').click();
      assert.match(await page.locator('[data-testid="offline-datasets"]').innerText(), /Datasets: 0 of 7 saved/);
      // A slower network (4 MB/s), so the progress bar is seen part way.
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 4e6, uploadThroughput: -1 });
      await page.locator('[data-testid="offline-save"]').click();
      await page.waitForFunction(() => {
        const p = document.querySelector('#offline-panel progress');
        return p && p.value > 1e6 && p.value < p.max;
      }, null, { timeout: 30_000 });
      assert.match(await page.locator('.offline-progress').innerText(), /[\d.]+ MB of 30\.\d MB/);
      if (!isolatedHost) await page.screenshot({ path: 'test-results/offline-progress.png' });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await page.locator('.offline-button[data-offline="all"]').waitFor({ timeout: 120_000 });
      assert.match(await page.locator('#offline-panel').innerText(), /The whole book, with its datasets, is available offline\.[\s\S]*This book uses [\d.]+ MB/);
      await page.keyboard.press('Escape');
      if (!isolatedHost) {
        await page.evaluate(() => localStorage.setItem('handson/theme', 'dark'));
        await page.reload();
        await page.waitForSelector('.toc');
        await page.locator('.offline-button[data-offline="all"]').waitFor({ timeout: 30_000 });
        await screenshotPanel(page, 'offline-panel-dark');
        await page.evaluate(() => localStorage.removeItem('handson/theme'));
      }
      await browser.context.setOffline(true);
      try {
        // The last section with code cells (the back matter has none), never opened in this test.
        const withCells = [];
        for (const s of sections) if (/^```(js|ts)\b/m.test(await readFile(`chapters/${s}.md`, 'utf8'))) withCells.push(s);
        const unvisited = withCells.at(-1);
        await openSection(page, unvisited);
        const r = await runTyped(page, TRAIN_CELL);
        assert.equal(r.state, 'done', r.text);
        assert.match(r.text, /offline-trained w=2\.0,-3\.4 threads=true/);
        await page.reload();
        await page.waitForSelector(`.section[data-slug="${unvisited}"] .section-body`, { timeout: 30_000 });
        const again = await runTyped(page, TRAIN_CELL);
        assert.equal(again.state, 'done', again.text);
        assert.match(again.text, /offline-trained w=2\.0,-3\.4/);
        // A shared link with a query string opens the book offline too.
        await page.goto(`${site.url}?ref=share#/${sections[1]}`);
        await page.waitForSelector(`.section[data-slug="${sections[1]}"] .section-body`, { timeout: 30_000 });
        await openSection(page, unvisited);
        // Datasets saved by "make this book available offline", read by cells with no network.
        const data = await runTyped(page, "const text = await d2l.readTimeMachine();\nconst house = await d2l.loadCsv('kaggle_house_pred_test.csv');\nprint(`chars=${text.length} rows=${house.rows.length}`)");
        assert.equal(data.state, 'done', data.text);
        assert.match(data.text, /chars=\d{5,} rows=\d{4}/);
        // Another section never visited, its formulas and fonts included, after the offline reload.
        await openSection(page, sections.at(-3));
        await page.waitForFunction(() => document.fonts.status === 'loaded');
        const fontsFailed = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family));
        assert.deepEqual(fontsFailed, [], 'fonts that failed to load offline');
      } finally {
        await browser.context.setOffline(false);
      }
    });

    it('a new deploy: the reader is told, keeps the old version whole until reloading, and keeps saved edits', async () => {
      // A saved edit (the reader's typing is saved as typed).
      await openSection(page, sections[2]);
      const edited = 'print("my saved edit")';
      await runTyped(page, edited);
      await deployChangedBuild(dir);
      if (isolatedHost) {
        const port = Number(new URL(site.url).port);
        await site.close();
        site = await serve(dir, port);
      }
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page.locator('[data-testid="update-notice"]').waitFor({ timeout: 60_000 });
      assert.match(await page.locator('[data-testid="update-notice"]').innerText(), /new version/);
      if (!isolatedHost) {
        await page.screenshot({ path: 'test-results/update-notice-light.png' });
        await page.setViewportSize({ width: 390, height: 800 });
        await page.screenshot({ path: 'test-results/update-notice-phone.png' });
        await screenshotPanel(page, 'offline-panel-phone');
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      // Reloading without choosing the update: still the old version, whole; the notice again.
      await page.reload();
      await page.waitForSelector('.toc');
      assert.equal(await page.evaluate(() => document.querySelector('meta[name="handson-deploy"]')), null, 'the old version until the reader chooses the new one');
      await openSection(page, sections[5]);
      await page.locator('[data-testid="update-notice"]').waitFor({ timeout: 30_000 });
      if (!isolatedHost) {
        await page.evaluate(() => localStorage.setItem('handson/theme', 'dark'));
        await page.reload();
        await page.locator('[data-testid="update-notice"]').waitFor({ timeout: 30_000 });
        await page.locator('.offline-button[data-offline="all"]').waitFor({ timeout: 30_000 });
        await page.screenshot({ path: 'test-results/update-notice-dark.png' });
        await page.evaluate(() => localStorage.removeItem('handson/theme'));
      }
      // The reader chooses it: one reload, the new version, the edit still there.
      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.locator('[data-testid="update-notice"] button', { hasText: 'Reload' }).click()]);
      await page.waitForSelector('.toc');
      assert.equal(await page.evaluate(() => document.querySelector('meta[name="handson-deploy"]')?.getAttribute('content')), 'v2');
      assert.equal(await page.locator('[data-testid="update-notice"]').count(), 0);
      await openSection(page, sections[2]);
      const text = await page.locator('.section-body .cell').first().locator('.cm-content').innerText();
      assert.equal(text.trim(), edited);
      assert.equal(await page.evaluate(() => crossOriginIsolated), true);
      // The datasets saved before the update are still there.
      await page.locator('.offline-button[data-offline="all"]').waitFor({ timeout: 30_000 });
      assert.deepEqual(pageErrors, []);
    });

    it('two tabs: updating in one tells the other, whose old files may be gone, to reload', async () => {
      const other = await browser.context.newPage();
      try {
        await other.goto(site.url);
        await other.waitForSelector('.toc');
        await deployChangedBuild(dir, 3);
        if (isolatedHost) {
          const port = Number(new URL(site.url).port);
          await site.close();
          site = await serve(dir, port);
        }
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
        for (const p of [page, other]) await p.locator('[data-testid="update-notice"]').waitFor({ timeout: 60_000 });
        await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.locator('[data-testid="update-notice"] button', { hasText: 'Reload' }).click()]);
        await page.waitForSelector('.toc');
        assert.equal(await page.evaluate(() => document.querySelector('meta[name="handson-deploy"]')?.getAttribute('content')), 'v3');
        await other.getByText('This book was updated in another tab').waitFor({ timeout: 30_000 });
        if (!isolatedHost) await other.screenshot({ path: 'test-results/update-notice-other-tab.png' });
        await Promise.all([other.waitForEvent('load', { timeout: 60_000 }), other.locator('[data-testid="update-notice"] button', { hasText: 'Reload' }).click()]);
        await other.waitForSelector('.toc');
        assert.equal(await other.evaluate(() => document.querySelector('meta[name="handson-deploy"]')?.getAttribute('content')), 'v3');
        assert.equal(await other.locator('[data-testid="update-notice"]').count(), 0);
      } finally {
        await other.close();
      }
    });
  });
}

describe('a host that lost one of the book\'s files', () => {
  it('the book still reads online, and the header says it could not be saved for offline reading', async () => {
    const dir = await copyOfDist();
    const site = await serveStatic(dir, '/handson/', { isolated: false });
    const browser = await launchBrowser({ serviceWorkers: 'allow' });
    try {
      // A file that is only needed later (the lazily loaded charting library) is missing: the
      // worker's install fails (it precaches all or nothing), and nothing claims the page.
      const { readdir } = await import('node:fs/promises');
      const plotly = (await readdir(path.join(dir, 'assets'))).find((f) => f.startsWith('plotly'));
      assert.ok(plotly, 'the build has a Plotly chunk');
      await rm(path.join(dir, 'assets', plotly));
      const page = await browser.context.newPage();
      await page.goto(site.url);
      await page.waitForSelector('.toc');
      await page.locator('.offline-button[data-offline="failed"]').waitFor({ timeout: 60_000 });
      await page.locator('.offline-button').click();
      assert.match(await page.locator('#offline-panel').innerText(), /Saving the book for offline reading failed/);
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
      assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    } finally {
      await browser.close();
      await site.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
