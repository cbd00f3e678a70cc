// Finding one's way in the reader, end to end in headless Chromium against the BUILT site under a
// sub-path: the skip link, "/" for search, the theme select's label, search snippets in plain text
// with title matches first and the query marked on the opened page, Back/Forward restoring the
// scroll position, the table of contents following the heading being read, no backend switcher
// where there is no kernel, and one kernel notice (updated) after several backend switches.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/navigation.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { launchBrowser, serveStatic, openSection } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
let site;
let browser;
let page;
const pageErrors = [];
let sections = [];

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  sections = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => ({ slug: a.getAttribute('href').slice(2), title: a.textContent.trim() })));
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const open = (slug) => openSection(page, slug);

/** The first section with at least `n` second-level headings and a page taller than `minHeight`. */
async function sectionWith(n, minHeight = 0) {
  for (const s of sections) {
    await open(s.slug);
    const count = await page.locator('.section-body h2[id]').count();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (count >= n && height > minHeight) return s;
  }
  throw new Error(`no section has ${n} headings and ${minHeight} px`);
}

describe('keyboard', () => {
  it('the first Tab shows a skip link that moves the focus to the content', async () => {
    await page.goto(site.url);
    await page.waitForSelector('.toc');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }));
    assert.equal(focused.cls, 'skip-link');
    assert.match(focused.text, /Skip to the content/);
    const box = await page.locator('.skip-link').boundingBox();
    assert.ok(box && box.y >= 0, 'it is on screen once focused');
    await page.screenshot({ path: 'test-results/navigation-skip-link.png', clip: { x: 0, y: 0, width: 640, height: 120 } });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'content');
    assert.equal(await page.evaluate(() => location.hash), '', 'the route did not change');
  });

  it('"/" focuses the search box, except while typing in a field or a cell', async () => {
    await page.locator('.content').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Search the book');
    assert.equal(await page.locator('.search input').inputValue(), '', 'the slash was not typed into it');
    await page.keyboard.type('a/b');
    assert.equal(await page.locator('.search input').inputValue(), 'a/b');
    await page.locator('.search input').fill('');
    await page.keyboard.press('Escape');
  });

  it('the theme select has a visible label', async () => {
    assert.equal(await page.getByLabel('Theme', { exact: true }).count(), 1);
    assert.ok(await page.locator('.theme-switch-label').isVisible());
  });
});

describe('search', () => {
  const hits = () => page.locator('.search-hit');
  async function search(q) {
    await page.locator('.search input').fill(q);
    await page.waitForFunction(() => document.querySelector('.search-results') && !/Loading/.test(document.querySelector('.search-results').textContent));
  }

  it('snippets are plain text, never raw TeX', async () => {
    for (const q of ['exp', 'softmax', 'loss', 'gradient', 'sum']) {
      await search(q);
      const snippets = await page.$$eval('.search-hit-snippet', (els) => els.map((e) => e.textContent));
      assert.ok(snippets.length > 0, `"${q}" finds something`);
      // (Snippets may quote code, with its braces: only TeX commands are wrong here.)
      // A hit's title starts with its number, or (the reference's, which have none) with its name: no gap.
      for (const t of await page.$$eval('.search-hit-title', (els) => els.map((e) => e.textContent))) assert.equal(t, t.trimStart(), `a title starts with a space: "${t}"`);
      for (const s of snippets) assert.doesNotMatch(s, /\\(exp|frac|sum|mathbf|hat|left|right|cdot|top|log|partial|eta|sigma|theta|lambda|mathrm|operatorname|text|quad|in|le|ge)\b/, `raw TeX in the snippet for "${q}": ${s}`);
    }
  });

  it('a section whose title matches comes before sections that only mention the word', async () => {
    const titled = sections.find((s) => /softmax/i.test(s.title));
    assert.ok(titled, 'the book has a softmax section');
    await search('softmax');
    const first = await hits().first().locator('.search-hit-title').innerText();
    assert.match(first, /softmax/i);
    assert.doesNotMatch(first, /›/, 'the first hit is a section (its title), not a heading inside one');
    await page.screenshot({ path: 'test-results/navigation-search.png', clip: { x: 560, y: 0, width: 720, height: 520 } });
  });

  it('opening a result marks the query on the page', async () => {
    await search('softmax');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Number(document.documentElement.dataset.searchMarks) > 0);
    const marked = await page.evaluate(() => [...CSS.highlights.get('search-query')].map((r) => r.toString().toLowerCase()));
    assert.ok(marked.length > 0 && marked.every((t) => t === 'softmax'), `marks: ${marked.slice(0, 5)}`);
    // Leaving the section clears them.
    await open(sections[0].slug);
    assert.equal(await page.evaluate(() => CSS.highlights.has('search-query')), false);
  });
});

describe('Back and Forward', () => {
  it('return to the scroll position (and heading) the reader left', async () => {
    const a = await sectionWith(2, 3000);
    const b = sections.find((s) => s.slug !== a.slug);
    // What the reader sees at the top of the window: the block there and how far into it.
    const seen = () =>
      page.evaluate(() => {
        const blocks = [...document.querySelectorAll('.section-body > *')];
        const i = blocks.findLastIndex((el) => el.getBoundingClientRect().top <= 0);
        return i < 0 ? null : { i, offset: Math.round(-blocks[i].getBoundingClientRect().top), text: blocks[i].textContent.slice(0, 60) };
      });
    await page.evaluate(() => scrollTo(0, 1500));
    await page.waitForTimeout(400); // scrolling has stopped: the position is kept with this entry
    const before = await seen();
    assert.ok(before);
    await page.locator(`.toc a[href="#/${b.slug}"]`).click();
    await page.waitForSelector(`.section[data-slug="${b.slug}"] .section-body`);
    assert.ok((await page.evaluate(() => scrollY)) < 50, 'a new page opens at its top');
    await page.goBack();
    await page.waitForSelector(`.section[data-slug="${a.slug}"] .section-body`);
    await page.waitForTimeout(800); // editors near the window load and change heights above
    const after = await seen();
    assert.equal(after?.text, before.text);
    assert.ok(Math.abs(after.offset - before.offset) <= 3, `same place in the block: ${before.offset} px then ${after.offset} px`);
    await page.goForward();
    await page.waitForSelector(`.section[data-slug="${b.slug}"] .section-body`);
    await page.waitForFunction(() => scrollY < 50);
  });
});

describe('table of contents', () => {
  it('marks the heading being read as the reader scrolls', async () => {
    await sectionWith(3);
    const ids = await page.$$eval('.section-body h2[id]', (hs) => hs.map((h) => h.id));
    const current = () => page.evaluate(() => document.querySelector('.toc-headings a[aria-current="location"]')?.getAttribute('href')?.split('#').pop() ?? null);
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForFunction(() => !document.querySelector('.toc-headings a[aria-current="location"]'));
    for (const id of [ids[1], ids[2], ids[0]]) {
      await page.evaluate((x) => {
        const top = document.getElementById(x).getBoundingClientRect().top + scrollY;
        scrollTo(0, top - 100);
      }, id);
      await page.waitForFunction((x) => document.querySelector('.toc-headings a[aria-current="location"]')?.getAttribute('href')?.endsWith(x), id);
      assert.ok((await current()).endsWith(id));
    }
  });

  it('a heading followed from the table of contents lands under the toolbar and is the one marked', async () => {
    await sectionWith(3);
    const link = page.locator('.toc-headings a').nth(2);
    const id = decodeURIComponent((await link.getAttribute('href')).split('#').pop());
    await link.click();
    await page.waitForFunction((x) => document.querySelector('.toc-headings a[aria-current="location"]')?.getAttribute('href')?.endsWith(encodeURIComponent(x)) || document.querySelector('.toc-headings a[aria-current="location"]')?.getAttribute('href')?.endsWith(x), id, { timeout: 5000 });
    const { top, toolbar } = await page.evaluate((x) => ({ top: document.getElementById(x).getBoundingClientRect().top, toolbar: document.querySelector('.section-toolbar').getBoundingClientRect().bottom }), id);
    // Right below the sticky header and toolbar, not a toolbar's height further down (it was 216 px).
    assert.ok(top >= toolbar && top <= toolbar + 24, `the heading's top is ${top} px, the toolbar ends at ${toolbar} px`);
  });
});

describe('status bar and notices', () => {
  it('home and part pages show no backend switcher; section pages do', async () => {
    await page.evaluate(() => (location.hash = '#/'));
    await page.waitForSelector('.status-bar');
    await page.waitForFunction(() => /No kernel on this page/.test(document.querySelector('.status-bar').textContent));
    assert.equal(await page.locator('.status-bar [data-testid="backend"]').count(), 0);
    assert.equal(await page.locator('.status-bar [data-testid="backend-menu"]').count(), 0);
    const part = await page.$eval('.toc-part-title', (a) => a.getAttribute('href'));
    await page.evaluate((h) => (location.hash = h), part);
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.status-bar [data-testid="backend"]').count(), 0);
    await open(sections[0].slug);
    assert.equal(await page.locator('.status-bar [data-testid="backend"]').count(), 1);
  });

  it('three backend switches leave one kernel notice, saying the latest', async () => {
    let slug = null;
    for (const s of sections) {
      await open(s.slug);
      if ((await page.locator('.section-body .cell').count()) > 0) {
        slug = s.slug;
        break;
      }
    }
    assert.ok(slug);
    await page.locator('[data-testid="backend"]').selectOption('wasm');
    const cell = page.locator('.section-body .cell').first();
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((el) => ['done', 'error'].includes(el.dataset.state), await cell.elementHandle(), { timeout: 90000 });
    for (const backend of ['cpu', 'wasm', 'cpu']) {
      await page.locator('[data-testid="backend"]').selectOption(backend);
      await page.waitForSelector(`.backend-badge[data-backend="${backend}"]`, { timeout: 90000 });
    }
    const notices = page.locator('.notices [data-notice="kernel"]');
    assert.equal(await notices.count(), 1, `notices: ${await page.locator('.notices-kernel').innerText()}`);
    assert.match(await notices.innerText(), /CPU/);
    // Far down the page, where a reader switches, the notice is in view: just under the toolbar.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForTimeout(200);
    const [top, toolbar] = await notices.evaluate((n) => [n.getBoundingClientRect().top, document.querySelector('.section-toolbar').getBoundingClientRect().bottom]);
    assert.ok(top >= toolbar - 1 && top < toolbar + 40, `the notice's top is at ${top} px, the toolbar ends at ${toolbar} px`);
    await page.screenshot({ path: 'test-results/navigation-kernel-notice-in-view.png' });
    await page.locator('[data-testid="backend"]').selectOption('auto');
    assert.deepEqual(pageErrors, []);
  });
});

describe('deep links', () => {
  it('a link to an anchor far down a page lands on it, even while the blocks above it render', async () => {
    // The last bibliography entry and the About page's last heading: far below the first screen.
    await page.goto(site.url);
    await page.waitForSelector('.toc');
    const hrefs = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href')));
    const bib = hrefs.find((h) => h.endsWith('/02-bibliography'));
    assert.ok(bib, 'the bibliography page is in the table of contents');
    await page.evaluate((h) => (location.hash = h), bib);
    await page.waitForSelector('[id^="ref-"]');
    const last = await page.$$eval('[id^="ref-"]', (els) => els.at(-1).id);
    await page.goto('about:blank');
    await page.goto(`${site.url}${bib}#${last}`);
    await page.waitForSelector(`[id="${last}"]`);
    await page.waitForTimeout(2500);
    const { top, bottom } = await page.evaluate((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    }, last);
    assert.ok(top >= 0 && bottom <= (await page.evaluate(() => innerHeight)), `the entry is at ${Math.round(top)} px, outside the window`);
  });
});

describe('screenshots (dark, phone)', () => {
  it('takes them', async () => {
    await sectionWith(3);
    await page.locator('[data-testid="theme"]').selectOption('dark');
    const id = await page.$$eval('.section-body h2[id]', (hs) => hs[1].id);
    await page.evaluate((x) => scrollTo(0, document.getElementById(x).getBoundingClientRect().top + scrollY - 100), id);
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/navigation-scrollspy-dark.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid="theme"]').selectOption('light');
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/navigation-phone.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the phone layout scrolls sideways by ${overflow} px`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
