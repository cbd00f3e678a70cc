// The static pages (dist/<lang>/...html, for readers without JavaScript), end to end against the
// BUILT site under a sub-path, in headless Chromium: with JavaScript off, a section shows its
// prose, formulas, figures, highlighted code and recorded outputs (text, images, a chart drawn as
// SVG), cross-references and prev/next lead to other static pages, the Chinese page is Chinese,
// and the cover's <noscript> lists every section; headings link to themselves, and a long text
// output shows its first and last lines with the lines between in a <details>. With JavaScript on, a static page ends in the
// live app on the same section and anchor (the hash route), where a cell runs, and a reload of
// that URL opens it again. Screenshots: test-results/static-*.png.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/static-pages.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';
import { launchBrowser, runCell, serveStatic } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? '.cache/e2e-dist';
const SOFTMAX = '02-linear-networks/03-softmax-regression-scratch';
const NDARRAY = '01-preliminaries/03-ndarray';
let site;
let browser;

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A page with JavaScript off (and the colour scheme and width asked for). */
async function noScriptPage({ colorScheme = 'light', width = 1280 } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** A module of the build, loaded as the static pages plugin loads it (TypeScript through Vite's runner). */
const buildModule = async (path) => (await runnerImport(new URL(`../../src/${path}`, import.meta.url).pathname, { configFile: false, logLevel: 'error' })).module;

const visible = async (locator, what) => assert.ok(await locator.first().isVisible(), `${what} is visible`);

describe('without JavaScript', () => {
  it('a section shows its prose, formulas, figures, code and recorded outputs, and a chart as SVG', async () => {
    const { page, close } = await noScriptPage();
    try {
      const response = await page.goto(`${site.url}en/${SOFTMAX}.html`);
      assert.equal(response.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.match(await page.title(), /^2\.3 Softmax Regression/);
      assert.match(await page.getAttribute('meta[name="description"]', 'content'), /\w{4,}/);
      assert.match(await page.locator('h1').innerText(), /2\.3\s+Softmax Regression/);
      const prose = page.locator('.section-body .prose p');
      assert.ok((await prose.count()) > 10);
      assert.ok((await prose.first().innerText()).length > 100, 'the first paragraph has text');
      await visible(page.locator('.katex-display .katex-html'), 'a display formula');
      await visible(page.locator('.prose figure.figure svg'), 'a figure');
      // Headings keep their ids, so #anchors work, and land on their heading.
      await page.goto(`${site.url}en/${SOFTMAX}.html#training`);
      const top = await page.locator('h2#training').evaluate((h) => h.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 250, `#training lands on its heading, below the sticky header (${top} px from the top)`);
      await page.evaluate(() => window.scrollTo(0, 0));
      // Code: highlighted, with recorded outputs marked as recorded.
      const cell = page.locator('.static-cell:has(.static-chart)').first();
      await visible(cell.locator('pre code .tok-keyword'), 'highlighted code');
      await visible(cell.locator('.recorded-label'), 'the recorded label');
      // textContent: the app's CSS skips drawing cells far off screen (content-visibility), and innerText reads what is drawn.
      assert.match(await cell.locator('.output-text').first().textContent(), /epoch 1, loss \d\.\d+, train acc/);
      const chart = cell.locator('.static-chart svg.static-chart-panel');
      await chart.scrollIntoViewIfNeeded();
      await visible(chart, 'the chart');
      const box = await chart.boundingBox();
      assert.ok(box.width > 300 && box.height > 180, `the chart is drawn at a readable size (${box.width} x ${box.height})`);
      assert.ok((await chart.locator('.static-chart-text text').count()) >= 8, 'the chart has tick labels');
      assert.ok((await chart.locator('path.static-chart-line').count()) >= 3, 'the chart has its three series');
      assert.equal(await cell.locator('.static-chart-legend li').count(), 3);
      // The series are coloured (not black): the palette comes from CSS.
      const stroke = await chart.locator('path.static-chart-s0').first().evaluate((p) => getComputedStyle(p).stroke);
      assert.notEqual(stroke, 'none');
      assert.notEqual(stroke, 'rgb(0, 0, 0)');
      // Images as PNG.
      const img = page.locator('.output-images img').first();
      await img.scrollIntoViewIfNeeded();
      assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), 'a recorded image is decoded');
      await page.screenshot({ path: 'test-results/static-section.png' });
    } finally {
      await close();
    }
  });

  it('cross-references, the table of contents and prev/next lead to other static pages', async () => {
    const { page, close } = await noScriptPage();
    try {
      await page.goto(`${site.url}en/${SOFTMAX}.html`);
      const xref = page.locator('.prose a.xref-section').first();
      const target = await xref.getAttribute('data-slug');
      assert.match(await xref.getAttribute('href'), /\.html(#.*)?$/);
      await xref.click();
      await page.waitForURL(new RegExp(`/handson/en/${target}\\.html`));
      assert.equal(await page.getAttribute('.section', 'data-slug'), target);

      await page.goto(`${site.url}en/${SOFTMAX}.html`);
      await page.locator('.prev-next a[rel="next"]').click();
      await page.waitForURL(/\/handson\/en\/02-linear-networks\/04-[^/]+\.html$/);
      await visible(page.locator('.section-body .prose p'), 'the next section');
      await page.locator('.prev-next a[rel="prev"]').click();
      await page.waitForURL(new RegExp(`/handson/en/${SOFTMAX}\\.html$`));

      await page.locator('.toc a', { hasText: 'Working With Data: NDArray' }).click();
      await page.waitForURL(new RegExp(`/handson/en/${NDARRAY}\\.html$`));
      await page.locator('.toc a.toc-part-title').first().click();
      await page.waitForURL(/\/handson\/en\/01-preliminaries\/index\.html$/);
      await visible(page.locator('.part-page .part-sections a'), 'the part page lists its sections');
      // An equation reference inside the book lands on the equation's page and anchor.
      await page.goto(`${site.url}en/${SOFTMAX}.html`);
      const hrefs = await page.locator('.prose a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.every((h) => !h.startsWith('#/')), `no app route is left in the static page: ${hrefs.filter((h) => h.startsWith('#/')).join(', ')}`);
    } finally {
      await close();
    }
  });

  it('the Chinese page is Chinese, and the editions link to each other', async () => {
    const { page, close } = await noScriptPage();
    try {
      await page.goto(`${site.url}en/${SOFTMAX}.html`);
      await page.locator('.static-other-edition').click();
      await page.waitForURL(new RegExp(`/handson/zh/${SOFTMAX}\\.html$`));
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      assert.match(await page.locator('h1').innerText(), /[\u4e00-\u9fff]/);
      assert.match(await page.locator('.section-body .prose p').first().innerText(), /[\u4e00-\u9fff]{8}/);
      assert.match(await page.locator('.recorded-label').first().innerText(), /[\u4e00-\u9fff]/);
      const links = await page.locator('.section-body a.xref-section').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.length > 0 && links.every((h) => !h.includes('/en/')), 'cross-references stay in the Chinese edition');
      await page.locator('.static-other-edition').click();
      await page.waitForURL(new RegExp(`/handson/en/${SOFTMAX}\\.html$`));
    } finally {
      await close();
    }
  });

  it('the cover lists every section in <noscript>, as links to the static pages', async () => {
    const { page, close } = await noScriptPage();
    try {
      await page.goto(site.url);
      const links = page.locator('.static-cover .part-sections a');
      assert.ok((await links.count()) >= 40, 'every English section is listed');
      await visible(links, 'the table of contents');
      await page.screenshot({ path: 'test-results/static-cover.png' });
      await page.locator('.static-cover a', { hasText: '目录' }).click();
      await page.waitForURL(/\/handson\/zh\/index\.html$/);
      assert.ok((await page.locator('.home .part-sections a').count()) >= 40);
      await page.locator('.home .part-sections a').first().click();
      await page.waitForURL(/\/handson\/zh\/01-preliminaries\/01-[^/]+\.html$/);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    } finally {
      await close();
    }
  });

  it('headings link to themselves, as in the app, with the label in the page’s language', async () => {
    const { page, close } = await noScriptPage();
    try {
      await page.goto(`${site.url}en/${SOFTMAX}.html`);
      const headings = page.locator('.section-body .prose :is(h2, h3, h4, h5)[id]');
      const n = await headings.count();
      assert.ok(n >= 5, `the section has headings (${n})`);
      assert.equal(await page.locator('.section-body .prose :is(h2, h3, h4, h5)[id] > a.heading-link:last-child').count(), n, 'every heading with an id ends with its link');
      const link = page.locator('h2#training > a.heading-link');
      assert.equal(await link.getAttribute('href'), '#training');
      assert.equal(await link.getAttribute('aria-label'), 'Link to this heading');
      assert.equal(await link.textContent(), '#');
      // As in the app: shown when the reader points at the heading.
      await page.locator('h2#training').hover();
      assert.equal(await link.evaluate((a) => getComputedStyle(a).opacity), '1');
      await link.click();
      await page.waitForURL(new RegExp(`/handson/en/${SOFTMAX}\\.html#training$`));
      const top = await page.locator('h2#training').evaluate((h) => h.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 250, `the link lands on its heading (${top} px from the top)`);
      await page.goto(`${site.url}zh/${SOFTMAX}.html`);
      const zh = page.locator('.section-body .prose h2[id] > a.heading-link').first();
      assert.equal(await zh.getAttribute('aria-label'), '指向这个标题的链接');
      const id = await page.locator('.section-body .prose h2[id]').first().getAttribute('id');
      assert.equal(await zh.getAttribute('href'), `#${id}`);
    } finally {
      await close();
    }
  });

  // No recorded output of the book is that long today (the longest has 53 lines; the app folds
  // past 500), so the build's own renderer draws a 620-line print into a real section page.
  it('a long text output shows its first 400 and last 100 lines, and the lines between open with a click', async () => {
    const { outputHtml } = await buildModule('build/static-pages/static-outputs.ts');
    const { messagesFor } = await buildModule('app/i18n/messages.ts');
    const { STATIC_WORDS } = await buildModule('build/static-pages/static-words.ts');
    const text = Array.from({ length: 620 }, (_, i) => `epoch ${i + 1}, loss ${(1 / (i + 1)).toFixed(6)}\n`).join('');
    const shots = [
      { lang: 'en', colorScheme: 'light', width: 1280 },
      { lang: 'zh', colorScheme: 'light', width: 1280 },
      { lang: 'en', colorScheme: 'dark', width: 390 },
      { lang: 'zh', colorScheme: 'dark', width: 390 },
    ];
    for (const { lang, colorScheme, width } of shots) {
      const { page, close } = await noScriptPage({ colorScheme, width });
      try {
        const url = `${site.url}${lang}/${SOFTMAX}.html`;
        const real = await (await fetch(url)).text();
        const long = outputHtml({ kind: 'text', stream: 'stdout', text }, { m: messagesFor(lang), words: STATIC_WORDS[lang], idPrefix: 'long' });
        const html = real.replace(/<pre class="output output-text output-stdout">[^<]*<\/pre>/, () => long);
        assert.notEqual(html, real, 'the page has a text output to replace');
        await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
        await page.goto(url);
        const fold = page.locator('.output-text-window').first();
        await fold.scrollIntoViewIfNeeded();
        const head = fold.locator('pre.output-text-head');
        const middle = fold.locator('pre.output-text-middle');
        const tail = fold.locator('pre.output-text-tail');
        await visible(head, 'the first lines');
        await visible(tail, 'the last lines');
        assert.equal((await head.textContent()).split('\n').length - 1, 400);
        assert.match(await head.textContent(), /^epoch 1, [\s\S]*\nepoch 400, loss [\d.]+\n$/);
        assert.match(await tail.textContent(), /^epoch 521, [\s\S]*\nepoch 620, loss [\d.]+\n$/);
        assert.equal(await middle.isVisible(), false, 'the lines between are folded');
        const summary = fold.locator('details.static-text-fold > summary');
        const words = lang === 'en' ? /^120 more lines \([\d,]+ characters\) not shown\s*Show 120 more$/ : /^还有 120 行（[\d,]+ 个字符）未显示\s*再显示 120 行$/;
        assert.match((await summary.innerText()).trim(), words);
        await summary.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: `test-results/static-fold-${lang}-${width}-${colorScheme}.png` });
        await summary.click();
        await visible(middle, 'the lines between, opened');
        assert.match(await middle.textContent(), /^epoch 401, [\s\S]*\nepoch 520, loss [\d.]+\n$/);
        assert.equal((await summary.innerText()).trim(), lang === 'en' ? 'Collapse' : '折叠');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `no sideways scrolling with the output open (${overflow} px)`);
        await summary.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: `test-results/static-fold-open-${lang}-${width}-${colorScheme}.png` });
        await summary.click();
        assert.equal(await middle.isVisible(), false, 'folded again');
      } finally {
        await close();
      }
    }
  });

  it('reads on a phone and in dark mode', async () => {
    const { page, close } = await noScriptPage({ colorScheme: 'dark', width: 390 });
    try {
      await page.goto(`${site.url}en/${SOFTMAX}.html`);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, 'rgb(21, 23, 27)', 'the dark background of the app');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `no sideways scrolling at 390 px (${overflow} px)`);
      const chart = page.locator('.static-chart svg').first();
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      assert.ok(box.width >= 300 && box.x >= 0 && box.x + box.width <= 390, `the chart fits the phone (${box.x}, ${box.width})`);
      await page.screenshot({ path: 'test-results/static-phone-dark.png' });
    } finally {
      await close();
    }
  });
});

describe('with JavaScript', () => {
  let app;
  before(async () => {
    app = await launchBrowser();
  });
  after(async () => app?.close());

  it('a static page becomes the live app on the same section and anchor, where a cell runs', async () => {
    const page = await app.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && errors.push(m.text()));
    await page.goto(site.url);
    await page.waitForSelector('.toc');
    await page.evaluate(() => localStorage.setItem('handson/backend', 'wasm'));
    await page.goto(`${site.url}en/${NDARRAY}.html#operations`);
    await page.waitForSelector(`.section[data-slug="${NDARRAY}"] .cell .btn-run`, { timeout: 30_000 });
    assert.equal(page.url(), `${site.url}#/${NDARRAY}#operations`, 'the URL is the hash route at the root, anchor kept');
    assert.equal(await page.locator('.static-page').count(), 0, 'the static markup is gone');
    assert.equal(await page.locator('.app').count(), 1);
    // The anchor is where the reader is.
    await page.waitForFunction(() => {
      const top = document.getElementById('operations')?.getBoundingClientRect().top;
      return top !== undefined && top >= 0 && top < 250;
    }, null, { timeout: 5000 });
    const cell = page.locator('.section-body .cell').first();
    assert.equal(await runCell(page, cell), 'done');
    assert.ok((await cell.locator('.cell-outputs:not(.cell-outputs-recorded)').count()) > 0, 'the reader’s own output');
    // A reload of the rewritten URL opens the app on that section.
    await page.reload();
    await page.waitForSelector(`.section[data-slug="${NDARRAY}"] .cell .btn-run`, { timeout: 30_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a Chinese static page becomes the Chinese app', async () => {
    const page = await app.context.newPage();
    await page.goto(`${site.url}zh/${SOFTMAX}.html`);
    await page.waitForSelector(`html[lang="zh-CN"] .section[data-slug="${SOFTMAX}"] .cell .btn-run`, { timeout: 30_000 });
    assert.equal(page.url(), `${site.url}#/zh/${SOFTMAX}`);
    await page.close();
  });

  it('the English contents page opens the English cover, even for a reader who chose Chinese', async () => {
    const page = await app.context.newPage();
    await page.goto(site.url);
    await page.waitForSelector('.toc');
    await page.evaluate(() => localStorage.setItem('handson/lang', 'zh'));
    await page.goto(`${site.url}en/index.html`);
    await page.waitForSelector('html[lang="en"] .app .toc', { timeout: 30_000 });
    assert.equal(page.url(), `${site.url}#/`);
    // A bare URL still follows the choice.
    await page.goto(site.url);
    await page.waitForSelector('html[lang="zh-CN"] .app', { timeout: 30_000 });
    await page.evaluate(() => localStorage.removeItem('handson/lang'));
    await page.close();
  });

  it('under the service worker: a static page is served as itself (not as the cover), is not precached, becomes the app, and offline opens the app', async () => {
    const sw = await launchBrowser({ serviceWorkers: 'allow' });
    try {
      const page = await sw.context.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
      const precached = await page.evaluate(async () => {
        const urls = [];
        for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
        return urls;
      });
      assert.ok(precached.some((u) => u.endsWith('/index.html')), 'the precache is filled');
      assert.deepEqual(precached.filter((u) => /^\/handson\/(en|zh)\//.test(u)), [], 'no static page is precached');
      const response = await page.goto(`${site.url}en/${NDARRAY}.html#operations`);
      assert.match(await response.text(), /<meta name="handson-app-url" content="\.\.\/\.\.\/#\/01-preliminaries\/03-ndarray"/, 'the static page itself, through the worker');
      await page.waitForSelector(`.section[data-slug="${NDARRAY}"] .cell .btn-run`, { timeout: 30_000 });
      assert.equal(page.url(), `${site.url}#/${NDARRAY}#operations`);
      // Offline, a static page (never precached) opens the app's precached page for it.
      await sw.context.setOffline(true);
      const offline = await sw.context.newPage();
      await offline.goto(`${site.url}zh/${SOFTMAX}.html`);
      await offline.waitForSelector(`html[lang="zh-CN"] .section[data-slug="${SOFTMAX}"] .section-body .prose p`, { timeout: 30_000 });
      assert.equal(offline.url(), `${site.url}#/zh/${SOFTMAX}`);
      await sw.context.setOffline(false);
    } finally {
      await sw.close();
    }
  });

  it('keeps where the reader scrolled the static page while the app loaded', async () => {
    const page = await app.context.newPage();
    // Hold the section's chunk back until the reader has scrolled the static page.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/assets\/.*softmax-regression-scratch.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.url}en/${SOFTMAX}.html`);
    await page.waitForSelector('.static-page h2#training');
    const before = await page.evaluate(async () => {
      const h = document.getElementById('training');
      h.scrollIntoView();
      for (let i = 0; i < 5; i++) await new Promise((r) => requestAnimationFrame(r));
      return h.getBoundingClientRect().top;
    });
    release();
    await page.waitForSelector(`.section[data-slug="${SOFTMAX}"] .cell .btn-run`, { timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('.static-page'));
    await page.waitForTimeout(1000);
    const top = await page.evaluate(() => document.getElementById('training').getBoundingClientRect().top);
    // Within a few lines: the blocks above are re-laid out by the app (cells get their toolbars).
    assert.ok(Math.abs(top - before) < 60, `the heading the reader was at is where it was (${before} px on the static page, ${top} px in the app)`);
    await page.close();
  });
});
