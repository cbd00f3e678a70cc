// The Chinese edition, end to end in headless Chromium against the BUILT site under a sub-path:
// a first visit follows the browser's languages, a Chinese section renders (formulas, figures,
// code) with every link kept in the Chinese edition, a cell runs and prints Chinese, search finds
// Chinese terms (also two words written without spaces), the language switch moves between the
// editions on the same section and heading and is remembered, an edit in one edition does not show
// in the other, and screenshots in both themes and at 390 px (test-results/zh-*.png).
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/zh-edition.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { launchBrowser, serveStatic } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
const AUTOGRAD = '01-preliminaries/04-autograd';
const NDARRAY = '01-preliminaries/03-ndarray';
let site;
let browser;
let page;
const pageErrors = [];

/** A page whose browser says it reads Chinese (or `languages`). */
async function newPage(languages = ['zh-CN', 'zh', 'en']) {
  const p = await browser.context.newPage();
  await p.addInitScript((langs) => Object.defineProperty(Navigator.prototype, 'languages', { get: () => langs, configurable: true }), languages);
  p.on('pageerror', (e) => pageErrors.push(e.message));
  return p;
}

/**
 * Clicks the language switch with the mouse where it is (Playwright's own click first scrolls
 * the element "into view", which for the sticky header moves the page).
 */
async function clickSwitch(p) {
  const box = await p.locator('.lang-switch a[data-testid="lang"]').boundingBox();
  await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Opens a section of the Chinese edition and waits for its body. */
async function openZh(p, slug, anchor = '') {
  await p.evaluate(([s, a]) => (location.hash = `#/zh/${s}${a ? `#${a}` : ''}`), [slug, anchor]);
  await p.waitForSelector(`html[lang="zh-CN"] .section[data-slug="${slug}"] .section-body`, { timeout: 30_000 });
}

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await newPage();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

describe('first visit', () => {
  it('a browser that reads Chinese lands on the Chinese cover, in Chinese, with Chinese links', async () => {
    await page.goto(site.url);
    await page.waitForSelector('html[lang="zh-CN"] .home h1');
    assert.equal(new URL(page.url()).hash, '#/zh/');
    assert.equal(await page.title(), '动手学深度学习（浏览器版）');
    assert.match(await page.locator('meta[name="description"]').getAttribute('content'), /^一本交互式深度学习教材/);
    assert.match(await page.locator('.toc').innerText(), /预备知识/);
    const hrefs = await page.$$eval('.toc a[href^="#/"], .home a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 40, `${hrefs.length} links`);
    assert.deepEqual(hrefs.filter((h) => !h.startsWith('#/zh/')), [], 'every link of the Chinese cover stays in the Chinese edition');
    assert.equal(await page.evaluate(() => localStorage.getItem('handson/lang')), null, 'a first visit is not a choice');
  });

  it('a browser that reads English stays on the English cover; a link to a Chinese page opens it whatever the browser reads', async () => {
    const en = await newPage(['en-US', 'en']);
    await en.goto(site.url);
    await en.waitForSelector('html[lang="en"] .home h1');
    assert.equal(new URL(en.url()).hash, '');
    assert.equal(await en.title(), 'Hands-on Deep Learning, in the browser');
    assert.match(await en.locator('meta[name="description"]').getAttribute('content'), /^An interactive deep-learning textbook/);
    await en.goto(`${site.url}#/zh/${AUTOGRAD}`);
    await en.waitForSelector(`html[lang="zh-CN"] .section[data-slug="${AUTOGRAD}"] .section-body`);
    assert.match(await en.locator('.section-header h1').innerText(), /自动微分/);
    await en.close();
  });
});

describe('a Chinese section', () => {
  it('renders its formulas, figures and code, numbered the Chinese way, with links in the Chinese edition', async () => {
    await openZh(page, AUTOGRAD);
    assert.match(await page.locator('.section-header h1').innerText(), /^1\.4\s+自动微分/);
    assert.match(await page.title(), /^1\.4 自动微分 · 动手学深度学习$/);
    assert.ok((await page.locator('.section-body .katex').count()) > 10, 'formulas render with KaTeX');
    assert.equal(await page.locator('.section-body .katex-error').count(), 0);
    assert.ok((await page.locator('.section-body figure svg, .section-body figure img').count()) >= 1, 'a figure');
    assert.match(await page.locator('.section-body figure figcaption').first().innerText(), /图1\.4\.1/);
    assert.ok((await page.locator('.section-body .cell').count()) > 5, 'code cells');
    assert.match(await page.locator('.toc-headings').innerText(), /小结[\s\S]*练习/, 'the section ends with 小结 and 练习');
    const links = await page.$$eval('.section a[href^="#/"], .toc a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.some((h) => h.includes('sec_') || h.includes('01-preliminaries/02')), 'cross-references are there');
    assert.deepEqual(links.filter((h) => !h.startsWith('#/zh/')), [], 'every link on the Chinese page stays in the Chinese edition');
    const font = await page.locator('.section-body .prose p').first().evaluate((p) => getComputedStyle(p));
    assert.equal(font.hyphens, 'none');
    assert.match(font.fontFamily, /PingFang SC/);
    assert.ok(Number.parseFloat(font.lineHeight) / Number.parseFloat(font.fontSize) > 1.75, `line height ${font.lineHeight} of ${font.fontSize}`);
  });

  it('runs a cell that prints Chinese', async () => {
    await openZh(page, NDARRAY);
    const cells = page.locator('.section-body .cell');
    await page.locator('.section-toolbar .btn-run').first().click(); // Run all
    await page.waitForFunction((el) => el.dataset.state === 'done', await cells.nth(1).elementHandle(), { timeout: 120_000 });
    const text = await cells.nth(1).locator('.cell-outputs').innerText();
    assert.match(text, /形状\s+\[?12\]?\s+元素个数\s+12\s+数据类型\s+float32/);
    assert.equal(await cells.nth(1).locator('.recorded-label').count(), 0, 'the reader’s run, not the recorded one');
  });
});

describe('search in Chinese', () => {
  const search = async (q) => {
    const input = page.locator('.search input');
    await input.fill('');
    await input.fill(q);
    await page.locator('.search-results').waitFor();
    await page.waitForFunction(() => !document.querySelector('.search-results')?.textContent.includes('…') || document.querySelectorAll('.search-hit').length > 0);
    return page.$$eval('.search-hit', (as) => as.map((a) => ({ href: a.getAttribute('href'), title: a.querySelector('.search-hit-title')?.textContent ?? '', snippet: a.querySelector('.search-hit-snippet')?.textContent ?? '', mark: a.querySelector('mark')?.textContent ?? '' })));
  };

  it('finds a term, and two words written without spaces, in the Chinese edition', async () => {
    await openZh(page, AUTOGRAD);
    const one = await search('梯度');
    assert.ok(one.length >= 5, `${one.length} hits for 梯度`);
    assert.deepEqual(one.filter((h) => !h.href.startsWith('#/zh/') && !h.href.includes('reference')), []);
    assert.ok(one.some((h) => h.mark === '梯度'));
    const two = await search('梯度下降');
    assert.ok(two.length >= 3, `${two.length} hits for 梯度下降`);
    assert.ok(two.every((h) => h.href.startsWith('#/zh/')));
    // Two words that never stand side by side in the book: found as words, not as one string.
    const apart = await search('学习率批量');
    assert.ok(apart.length >= 1, '学习率批量 finds sections holding both words');
    for (const hits of [one, two]) for (const h of hits) assert.doesNotMatch(h.snippet, /\\[A-Za-z]|\b(frac|mathbf|mathcal)/, `snippet in text, not TeX: ${h.snippet}`);
    await page.screenshot({ path: 'test-results/zh-search.png', clip: { x: 0, y: 0, width: 1280, height: 600 } });
    // Opening a hit stays in the Chinese edition, at its heading (ids made of Chinese words).
    const hit = two.find((h) => h.href.includes('#', 2) && !h.href.includes('reference'));
    assert.ok(hit, 'a hit under a heading');
    await page.locator(`.search-hit[href="${hit.href}"]`).click();
    const [slug, anchor] = hit.href.slice('#/zh/'.length).split('#');
    await page.waitForSelector(`html[lang="zh-CN"] .section[data-slug="${slug}"] .section-body`);
    await page.waitForFunction((id) => {
      const el = document.getElementById(id);
      return el && Math.abs(el.getBoundingClientRect().top) < 400;
    }, decodeURIComponent(anchor));
  });

  it('the library reference opens in the Chinese edition, with its links in it', async () => {
    await page.evaluate(() => (location.hash = '#/zh/reference'));
    await page.waitForSelector('html[lang="zh-CN"] .reference-page .api-entry');
    assert.match(await page.title(), / · 动手学深度学习$/);
    const hrefs = await page.$$eval('.reference-page a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 10);
    assert.deepEqual(hrefs.filter((h) => !h.startsWith('#/zh/reference#')), []);
  });
});

describe('the language switch', () => {
  it('moves to the same section and heading in the other edition, and back, and is remembered', async () => {
    await openZh(page, AUTOGRAD);
    const headings = await page.$$eval('.section-body h2[id]', (hs) => hs.map((h) => h.id));
    const zhTarget = headings[3];
    // The reader has read past the heading (it is above the reading line, as the table of contents marks it).
    // Editors replace plain code as they come near: scroll again until the page has settled.
    for (let i = 0; i < 4; i++) {
      await page.evaluate((id) => window.scrollBy(0, document.getElementById(id).getBoundingClientRect().top - 100), zhTarget);
      await page.waitForTimeout(400);
    }
    const before = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, zhTarget);
    assert.ok(before > 60 && before < 140, `the heading is being read (${before} px from the top)`);
    const link = page.locator('.lang-switch a[data-testid="lang"]');
    assert.equal(await page.locator('.lang-switch').getAttribute('aria-label'), '语言');
    assert.equal(await link.innerText(), 'English');
    assert.equal(await link.getAttribute('hreflang'), 'en');
    assert.equal(await link.getAttribute('href'), `#/${AUTOGRAD}`, 'a link to the same section in English');
    await clickSwitch(page);
    await page.waitForSelector(`html[lang="en"] .section[data-slug="${AUTOGRAD}"] .section-body`);
    // The English heading with the same number (1.4.4), whose id is made of English words.
    const target = await page.$$eval('.section-body h2[id]', (hs) => hs.map((h) => h.id)).then((ids) => ids[3]);
    assert.match(target, /^[a-z0-9-]+$/);
    assert.equal(new URL(page.url()).hash, `#/${AUTOGRAD}#${target}`);
    assert.match(await page.locator('.section-header h1').innerText(), /Automatic Differentiation/i);
    assert.match(await page.title(), /· Hands-on Deep Learning$/);
    const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, target);
    assert.ok(top >= 0 && top < 300, `the heading is at the top of the window (${top} px)`);
    assert.equal(await page.evaluate(() => localStorage.getItem('handson/lang')), 'en');
    assert.equal(await page.locator('.lang-switch a[data-testid="lang"]').innerText(), '中文');
    await page.waitForTimeout(300);
    await clickSwitch(page);
    await page.waitForSelector(`html[lang="zh-CN"] .section[data-slug="${AUTOGRAD}"] .section-body`);
    assert.equal(decodeURIComponent(new URL(page.url()).hash), `#/zh/${AUTOGRAD}#${zhTarget}`);
    assert.equal(await page.evaluate(() => localStorage.getItem('handson/lang')), 'zh');
    // The choice outweighs the browser's languages on the next bare visit.
    const en = await newPage(['en-US']);
    await en.goto(site.url);
    await en.waitForSelector('html[lang="zh-CN"] .home h1');
    assert.equal(new URL(en.url()).hash, '#/zh/');
    await en.close();
  });

  it('an edit in the Chinese edition does not show in the English one', async () => {
    await openZh(page, NDARRAY);
    const cell = page.locator('.section-body .cell').first();
    await cell.locator('.cm-content').click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(' // 改过');
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('handson/edits/v1/zh/')));
    await page.evaluate((s) => (location.hash = `#/${s}`), NDARRAY);
    await page.waitForSelector(`html[lang="en"] .section[data-slug="${NDARRAY}"] .section-body .cm-content`);
    assert.doesNotMatch(await page.locator('.section-body .cell').first().locator('.cm-content').innerText(), /改过/);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('handson/edits/v1/') && !k.startsWith('handson/edits/v1/zh/')).length), 0);
    await openZh(page, NDARRAY);
    await page.locator('.section-body .cell').first().locator('.cm-content').waitFor();
    assert.match(await page.locator('.section-body .cell').first().locator('.cm-content').innerText(), /改过/);
  });
});

describe('screenshots', () => {
  it('a Chinese section in light and dark, at desktop width and at 390 px', async () => {
    for (const [w, h, name] of [
      [1280, 900, 'desktop'],
      [390, 844, 'phone'],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await openZh(page, AUTOGRAD);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(300);
        await page.screenshot({ path: `test-results/zh-${name}-${scheme}.png` });
        await page.evaluate(() => document.querySelector('.section-body figure')?.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(300);
        await page.screenshot({ path: `test-results/zh-${name}-${scheme}-figure.png` });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at ${w} px (${overflow} px)`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
