// The reader's own last outputs survive a reload, end to end in headless Chromium against the
// BUILT site: shown again under the cell, marked as the reader's from before the reload (not as
// recorded), without running anything; and not shown once the cell's code changed.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/kept-outputs.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { launchBrowser, openSection, serveStatic } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
const SLUG = '01-preliminaries/03-ndarray';
let site;
let browser;
let page;

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  await page.evaluate(() => localStorage.setItem('handson/backend', 'wasm'));
  await openSection(page, SLUG);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const cell = () => page.locator('.section-body .cell').first();

async function reload() {
  await page.reload();
  await page.waitForSelector(`.section[data-slug="${SLUG}"] .section-body`);
}

describe('outputs kept over a reload', () => {
  it('come back marked as the reader\'s, with nothing run', async () => {
    await cell().scrollIntoViewIfNeeded();
    await cell().locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('print("mine", 6 * 7)');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((el) => el.dataset.state === 'done', await cell().elementHandle(), { timeout: 90_000 });
    await page.waitForFunction((s) => (localStorage.getItem(`handson/outputs/v1/${s}`) ?? '').includes('mine 42'), SLUG, { timeout: 10_000 });
    await reload();
    const out = cell().locator('.cell-outputs');
    assert.match(await out.innerText(), /mine 42/);
    assert.match(await out.locator('.restored-label').innerText(), /your output/i);
    assert.equal(await out.locator('.recorded-label:not(.restored-label)').count(), 0, 'never labelled as recorded');
    assert.equal(await cell().getAttribute('data-state'), 'idle');
    assert.equal(await page.locator('.kernel-state').getAttribute('data-kernel'), 'off', 'nothing ran on load');
    await cell().screenshot({ path: 'test-results/kept-outputs.png' });
  });

  it('are not shown once the cell holds other code', async () => {
    await cell().locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' // changed');
    await page.waitForTimeout(700); // the edit is saved (debounced)
    await reload();
    assert.doesNotMatch(await cell().innerText(), /mine 42/);
  });
});
