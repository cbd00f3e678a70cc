// The GRU section (6.4) end to end in headless Chromium against the BUILT site: its recorded
// perplexity chart and samples show; running its first cells in the page trains the GRU from
// scratch for five epochs (a live chart and a sample that starts with the prefix) and builds the
// fused Gluon layer with MXNet's stacked gate weights. Screenshots of the chart and the samples in
// both themes and on a phone go to test-results/recurrent-*.png.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/recurrent.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, runCell } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
const SLUG = '06-recurrent-networks/04-gru';
let session;
let page;

before(async () => {
  session = await openSite(distDir, { slug: SLUG });
  page = session.page;
});

after(async () => {
  await session?.close();
});

const cell = (n) => page.locator(`.section-body .cell[data-cell-id="cell-${n}"]`);
const texts = (n) => cell(n).locator('pre.output-text').allTextContents();

describe('6.4 GRU in the page', () => {
  it('shows the recorded perplexity chart of RNN against GRU and the samples of both prefixes', async () => {
    // Charts load Plotly once near the viewport.
    await cell(6).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await cell(6).locator('.chart-plot .legendtext').first().waitFor({ timeout: 60_000 });
    const legend = await cell(6).locator('.chart-plot .legendtext').allTextContents();
    assert.deepEqual(legend, ['RNN', 'GRU']);
    assert.match((await texts(6)).join(''), /after 30 epochs: RNN [\d.]+, GRU [\d.]+/);
    const samples = (await texts(7)).join('').trim().split('\n');
    assert.equal(samples.length, 2);
    assert.ok(samples[0].startsWith('the time traveller') && samples[1].startsWith('the time machine'), samples.join(' / '));
    for (const theme of ['light', 'dark']) {
      await page.locator('[data-testid="theme"]').selectOption(theme);
      await cell(6).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/recurrent-gru-${theme}.png` });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(600);
    await cell(6).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'test-results/recurrent-gru-phone-dark.png' });
    await page.locator('[data-testid="theme"]').selectOption('light');
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/recurrent-gru-phone.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the phone layout scrolls sideways by ${overflow} px`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('runs its first cells: the GRU from scratch trains five epochs with a live chart and a sample, the Gluon GRU has stacked gate weights', async () => {
    assert.equal(await runCell(page, cell(1), { timeout: 300_000 }), 'done'); // starts the kernel: slow on a loaded machine
    assert.equal(await runCell(page, cell(2)), 'done');
    assert.equal(await runCell(page, cell(3), { timeout: 600_000 }), 'done');
    const trained = (await texts(3)).join('');
    assert.match(trained, /epoch 5, perplexity [\d.]+/);
    const perplexity = Number(/perplexity ([\d.]+)/.exec(trained)[1]);
    assert.ok(perplexity > 1 && perplexity < 28, `perplexity ${perplexity} after five epochs`); // below the vocabulary's size: it learned
    assert.match(trained, / - the time traveller/);
    await cell(3).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await cell(3).locator('.chart-plot .main-svg').first().waitFor({ timeout: 60_000 });
    assert.equal(await runCell(page, cell(4)), 'done');
    const params = (await texts(4)).join('');
    assert.match(params, /l0_i2h_weight \[384,\d+\]/); // 3 gates x 128 hidden units
    assert.match(params, /l0_h2h_weight \[384,128\]/);
    await cell(3).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'test-results/recurrent-gru-ran.png' });
    assert.deepEqual(session.pageErrors, []);
  });
});
