// The reader on a phone (390 px), end to end in headless Chromium against the BUILT site: the
// status bar shows the kernel's state and backend without clipping them, and a display equation
// wider than the column scrolls with a visible cue at its cut edge, Run all's "stopped at cell N" shows, and search results fit the window. Screenshots in test-results/.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/phone.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { launchBrowser, openSection, serveStatic } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
let site;
let browser;
let page;

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  await page.evaluate(() => localStorage.setItem('handson/backend', 'wasm'));
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Elements whose text is cut (wider content than box), by selector. */
const clipped = (selector) => page.$$eval(selector, (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth).map((e) => e.textContent));

describe('phone (390 px)', () => {
  it('the status bar shows the kernel state and backend whole', async () => {
    await openSection(page, '01-preliminaries/03-ndarray');
    const cell = page.locator('.section-body .cell').first();
    await cell.locator('.btn-run').click();
    await page.waitForFunction((el) => el.dataset.state === 'done', await cell.elementHandle(), { timeout: 90_000 });
    await page.locator('.backend-badge').waitFor();
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await clipped('.status-bar .kernel-state, .status-bar .backend-badge'), []);
      assert.match(await page.locator('.kernel-state').innerText(), /^(idle|busy)$/);
      assert.match(await page.locator('.backend-badge').innerText(), /^WASM/);
      await page.screenshot({ path: `test-results/phone-status-${scheme}.png`, clip: { x: 0, y: 844 - 60, width: 390, height: 60 } });
    }
    // The whole words are still there for a wider window and for the tooltip.
    assert.match(await page.locator('.backend-badge').getAttribute('title'), /thread/);
  });

  it('a display equation wider than the column scrolls, with a shadow at the cut edge', async () => {
    await openSection(page, '02-linear-networks/01-linear-regression-scratch');
    const wide = await page.$$eval('.prose .katex-display', (els) => els.map((e, i) => [i, e.scrollWidth - e.clientWidth]).filter(([, d]) => d > 10).map(([i]) => i));
    assert.ok(wide.length > 0, 'this section has an equation wider than a phone');
    const eq = page.locator('.prose .katex-display').nth(wide[0]);
    const style = await eq.evaluate((e) => ({ overflow: getComputedStyle(e).overflowX, bg: getComputedStyle(e).backgroundImage, attachment: getComputedStyle(e).backgroundAttachment }));
    assert.equal(style.overflow, 'auto');
    assert.match(style.bg, /radial-gradient.*radial-gradient/);
    assert.match(style.attachment, /local.*scroll/);
    await eq.scrollIntoViewIfNeeded();
    await eq.screenshot({ path: 'test-results/phone-wide-equation.png' });
    await eq.evaluate((e) => e.scrollBy(1000, 0));
    assert.ok((await eq.evaluate((e) => e.scrollLeft)) > 0, 'the equation scrolls');
  });

  it('Run all stopped by an error says where, on a line of its own', async () => {
    for (const lang of ['', 'zh/']) {
      await page.evaluate((h) => (location.hash = h), `#/${lang}01-preliminaries/03-ndarray`);
      await page.waitForSelector(`html[lang="${lang ? 'zh-CN' : 'en'}"] .section[data-slug="01-preliminaries/03-ndarray"] .section-body`);
      const second = page.locator('.section-body .cell').nth(1);
      await second.scrollIntoViewIfNeeded();
      await second.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('prnt(x)');
      await page.locator('.section-toolbar .btn-run').click();
      const halted = page.locator('.section-toolbar .halted');
      await halted.waitFor({ timeout: 90_000 });
      const box = await halted.boundingBox();
      assert.ok(box.width > 150 && box.x >= 0 && box.x + box.width <= 390, `the notice spans ${box.x}..${box.x + box.width} px`);
      assert.match(await halted.innerText(), lang ? /单元 2（出错）/ : /cell 2 \(an error\)/);
      // ... below the buttons, which keep their one line, the Edits menu included.
      const tops = await page.$$eval('.section-toolbar > :not(.halted)', (els) => els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => Math.round(e.getBoundingClientRect().top)));
      assert.ok(Math.max(...tops) - Math.min(...tops) < 8, `the toolbar's buttons start at ${tops.join(', ')} px`);
      await page.screenshot({ path: `test-results/phone-halted${lang ? '-zh' : ''}.png`, clip: { x: 0, y: 0, width: 390, height: 260 } });
      if (!lang) {
        // A kernel notice (Restart) sticks right under the toolbar, taller now: not partly under it.
        await page.locator('.section-toolbar button[aria-label="Restart"]').click();
        const notice = page.locator('.notices-kernel .notice').first();
        await notice.waitFor({ timeout: 30_000 });
        await page.mouse.wheel(0, 1500);
        await page.waitForTimeout(300);
        const [top, toolbar, stillHalted] = await notice.evaluate((n) => [n.getBoundingClientRect().top, document.querySelector('.section-toolbar').getBoundingClientRect().bottom, !!document.querySelector('.section-toolbar .halted')]);
        assert.ok(top >= toolbar - 1 && top < toolbar + 40, `the notice's top is at ${top} px, the toolbar (halted line shown: ${stillHalted}) ends at ${toolbar} px`);
        await page.screenshot({ path: 'test-results/phone-halted-notice.png', clip: { x: 0, y: 0, width: 390, height: 320 } });
        await notice.locator('button').last().click().catch(() => undefined);
      }
      await second.locator(lang ? 'button[title^="恢复"]' : 'button[title^="Restore"]').click(); // Reset (an icon on a phone)
    }
  });

  it('search results fit the window (they ran off its left edge)', async () => {
    for (const lang of ['', 'zh/']) {
      await page.evaluate((h) => (location.hash = h), `#/${lang}`);
      await page.locator('.search input').fill(lang ? '卷积' : 'softmax');
      await page.locator('.search-hit').first().waitFor();
      const box = await page.locator('.search-results').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `the results span ${box.x}..${box.x + box.width} px of 390`);
      await page.screenshot({ path: `test-results/phone-search${lang ? '-zh' : ''}.png` });
      await page.locator('.search input').fill('');
    }
  });

  it('on a touch screen the search box does not mention the / key', async () => {
    await page.evaluate(() => (location.hash = '#/'));
    assert.equal(await page.locator('.search input').getAttribute('placeholder'), 'Search the book (/)', 'with a mouse and keyboard it does');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'hover', value: 'none' }, { name: 'pointer', value: 'coarse' }] });
    try {
      await page.waitForFunction(() => document.querySelector('.search input')?.getAttribute('placeholder') === 'Search the book');
      await page.evaluate(() => (location.hash = '#/zh/'));
      await page.waitForFunction(() => document.querySelector('.search input')?.getAttribute('placeholder') === '搜索本书');
    } finally {
      await cdp.send('Emulation.setEmulatedMedia', { features: [] });
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
      await page.evaluate(() => (location.hash = '#/'));
    }
  });
});
