// The library reference page in both editions, end to end in headless Chromium against the BUILT
// site under a sub-path: the Chinese page says its own words in Chinese (headings, the filter,
// the kinds of entries, the differences from MXNet and their table), marks the library's English
// doc comments lang="en" and says so once; its filter and the book's search find Chinese words;
// the English page is as it was. Screenshots: test-results/reference-zh-*.png.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/reference-editions.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { launchBrowser, serveStatic } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
let site;
let browser;
let page;
const pageErrors = [];

/** Opens the reference in an edition ('' or 'zh/') and waits for its entries. */
async function openReference(p, edition, anchor = '') {
  await p.evaluate(([e, a]) => (location.hash = `#/${e}reference${a ? `#${a}` : ''}`), [edition, anchor]);
  await p.waitForSelector(`html[lang="${edition ? 'zh-CN' : 'en'}"] .reference-page .api-entry`, { timeout: 30_000 });
}

/**
 * Runs of two or more English words in the page's text outside code, signatures and elements
 * marked lang="en": English the Chinese page would show as its own words.
 */
function englishOutsideDocComments() {
  const out = [];
  const root = document.querySelector('.reference-page');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('code, pre, [lang="en"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const m = n.nodeValue.match(/[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,})+/g);
    if (m) out.push(...m);
  }
  for (const el of root.querySelectorAll('[placeholder], [aria-label]')) {
    for (const v of [el.getAttribute('placeholder'), el.getAttribute('aria-label')]) if (v && /[A-Za-z]{2,} [A-Za-z]{2,}/.test(v)) out.push(v);
  }
  return out;
}

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(site.url);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

describe('the Chinese reference page', () => {
  it('says its own words in Chinese; the doc comments stay English, marked lang="en", and the page says so', async () => {
    await openReference(page, 'zh/');
    assert.equal(await page.locator('.reference-page h1').innerText(), '库参考手册');
    assert.match(await page.title(), /^库参考手册 · /);
    assert.match(await page.locator('.api-doc-lang-note').innerText(), /保留英文原文/);
    const filter = page.locator('.api-filter input');
    assert.equal(await filter.getAttribute('placeholder'), '筛选，例如 softmax');
    assert.equal(await filter.getAttribute('aria-label'), '筛选参考手册');
    assert.match(await page.locator('.api-count').innerText(), /^\d+ 个条目$/);
    assert.equal(await page.locator('.api-roots').getAttribute('aria-label'), '命名空间');
    const kinds = new Set(await page.$$eval('.api-kind', (ks) => ks.map((k) => k.textContent)));
    assert.deepEqual([...kinds].filter((k) => !/^(函数|类|方法|属性|别名|命名空间)$/.test(k)), []);
    // The doc comments: English, each marked; none left unmarked.
    const summaries = await page.$$eval('.api-group .api-summary', (ps) => ps.map((p) => ({ lang: p.getAttribute('lang'), alias: p.textContent.includes('是同一个类') })));
    assert.ok(summaries.length > 100, `${summaries.length} summaries`);
    assert.deepEqual(summaries.filter((s) => !s.alias && s.lang !== 'en'), [], 'every doc comment is marked lang="en"');
    assert.ok(summaries.filter((s) => s.alias).every((s) => s.lang === null), 'the Chinese words for an alias are not marked English');
    const style = await page.locator('.api-group .api-summary[lang="en"]').first().evaluate((p) => getComputedStyle(p).hyphens);
    assert.equal(style, 'auto', 'English hyphenation for the English doc comments');
    assert.deepEqual(await page.evaluate(englishOutsideDocComments), [], 'no English of the page’s own outside code and doc comments');
  });

  it('shows the differences from MXNet and their table in Chinese, the same rows as the English page', async () => {
    await page.locator('.api-differences summary').click();
    assert.equal(await page.locator('.api-differences summary').innerText(), '与MXNet的差异');
    const table = page.locator('.api-differences dl').nth(1);
    assert.match(await page.locator('#mxnet-differences-table').innerText(), /^本库的取舍/);
    const zhRows = await table.locator(':scope > div').evaluateAll((ds) => ds.map((d) => ({ topic: [...d.querySelectorAll('dt code')].map((c) => c.textContent).sort().join(' '), labels: [...d.querySelectorAll('.api-diff-label')].map((l) => l.textContent) })));
    assert.ok(zhRows.length >= 20, `${zhRows.length} rows`);
    assert.ok(zhRows.every((r) => r.labels.join('|') === '本库的做法：|原因：'), JSON.stringify(zhRows[0]));
    assert.deepEqual(await page.evaluate(englishOutsideDocComments), [], 'the opened differences are Chinese too');
    await page.screenshot({ path: 'test-results/reference-zh-differences.png' });

    const en = await browser.context.newPage();
    en.on('pageerror', (e) => pageErrors.push(e.message));
    await en.goto(site.url);
    await openReference(en, '');
    await en.locator('.api-differences summary').click();
    const enRows = await en.locator('.api-differences dl').nth(1).locator(':scope > div').evaluateAll((ds) => ds.map((d) => [...d.querySelectorAll('dt code')].map((c) => c.textContent).sort().join(' ')));
    assert.deepEqual(zhRows.map((r) => r.topic), enRows);
    await en.close();
  });

  it('the filter finds Chinese words for kinds, also run together with a name', async () => {
    const filter = page.locator('.api-filter input');
    const all = Number.parseInt(await page.locator('.api-count').innerText(), 10);
    await filter.fill('gluon.nn.Dense方法');
    await page.waitForFunction((n) => Number.parseInt(document.querySelector('.api-count').textContent, 10) < n, all);
    const groups = await page.$$eval('.api-group h2 code', (cs) => cs.map((c) => c.textContent));
    assert.ok(groups.includes('gluon.nn.Dense'), groups.join(', '));
    assert.ok(groups.length <= 5, `only the groups that name Dense: ${groups.join(', ')}`);
    const kinds = new Set(await page.$$eval('.api-entry .api-kind', (ks) => ks.map((k) => k.textContent)));
    assert.deepEqual([...kinds], ['方法']);
    await filter.fill('没有这种东西');
    await page.locator('.reference-page .notice').waitFor();
    assert.match(await page.locator('.reference-page .notice').innerText(), /参考手册中没有与“没有这种东西”匹配的条目/);
    await filter.fill('');
  });

  it("the book's search finds the table's Chinese words (稳定排序, stable sort) and opens the differences at the table", async () => {
    const input = page.locator('.search input');
    await input.fill('稳定排序');
    const hit = page.locator('.search-hit[href="#/zh/reference#mxnet-differences-table"]');
    await hit.waitFor({ timeout: 30_000 });
    assert.match(await hit.locator('.search-hit-title').innerText(), /库参考手册\s*›\s*本库的取舍/);
    // The snippet marks one of its words (稳定 | 排序: split as the reader may not).
    const mark = await hit.locator('mark').innerText();
    assert.ok(mark.length >= 2 && '稳定排序'.includes(mark), mark);
    // From the top of the page, differences closed: the link opens them at the table.
    await page.evaluate(() => {
      document.querySelector('#mxnet-differences').open = false;
      window.scrollTo(0, 0);
    });
    await hit.click();
    await page.waitForFunction(() => document.querySelector('#mxnet-differences')?.open === true);
    // At the top of the window, below the sticky header.
    await page.waitForFunction(() => {
      const top = document.getElementById('mxnet-differences-table').getBoundingClientRect().top;
      return top >= document.querySelector('.top-bar').getBoundingClientRect().bottom && top < 300;
    });
  });
});

describe('the English reference page', () => {
  it('is unchanged: English words, no lang marks, no note, the English table', async () => {
    await openReference(page, '');
    assert.equal(await page.locator('.reference-page h1').innerText(), 'Library reference');
    assert.equal(await page.locator('.api-doc-lang-note').count(), 0);
    assert.equal(await page.locator('.reference-page [lang]').count(), 0);
    assert.equal(await page.locator('.api-filter input').getAttribute('placeholder'), 'Filter, e.g. softmax');
    await page.locator('.api-differences summary').click();
    assert.equal(await page.locator('.api-differences summary').innerText(), 'Differences from MXNet');
    assert.match(await page.locator('#mxnet-differences-table').innerText(), /^Where the library chooses/);
    assert.equal(await page.locator('.api-diff-label').first().innerText(), 'Here: ');
    assert.doesNotMatch(await page.locator('.reference-page').innerText(), /\p{Script=Han}/u);
  });
});

describe('screenshots', () => {
  it('the Chinese reference at desktop width (light) and at 390 px (dark), no sideways scrolling', async () => {
    for (const [w, h, scheme, name] of [
      [1280, 900, 'light', 'desktop-light'],
      [390, 844, 'dark', 'phone-dark'],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await openReference(page, 'zh/');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `test-results/reference-zh-${name}.png` });
      if (!(await page.evaluate(() => document.querySelector('#mxnet-differences').open))) await page.locator('.api-differences summary').click();
      await page.evaluate(() => document.getElementById('mxnet-differences-table').scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `test-results/reference-zh-${name}-table.png` });
      await page.evaluate(() => document.getElementById('gluon.nn.Dense').scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `test-results/reference-zh-${name}-entries.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${w} px (${overflow} px)`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('a link to an entry lands right under the sticky header, not a header further down', async () => {
    await openReference(page, '', '');
    const id = await page.locator('.api-entry[id]').nth(5).getAttribute('id');
    await openReference(page, '', id);
    await page.waitForFunction((x) => {
      const el = document.getElementById(x);
      return el && Math.abs(el.getBoundingClientRect().top - (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0)) < 2;
    }, id, { timeout: 5000 }).catch(() => undefined);
    const { top, padding, header } = await page.evaluate((x) => ({
      top: document.getElementById(x).getBoundingClientRect().top,
      padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0,
      header: document.querySelector('header')?.getBoundingClientRect().bottom ?? 0,
    }), id);
    // It was scroll-padding plus a scroll-margin of the same size (216 px down on this page).
    assert.ok(top >= header && top <= padding + 2, `the entry's top is ${top} px; the header ends at ${header} px, the page's scroll padding is ${padding} px`);
  });

  it('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
