// The reader, end to end, in headless Chromium against the BUILT site served as a plain static
// host would, under a sub-path (/handson/). It drives the book's real sections (whatever they
// are: nothing here names a chapter); where a test needs specific code, it types it into a
// cell's editor, as a reader would.
//
//   npx vite build --mode harness --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/reader.e2e.test.mjs
// (E2E_DIST_DIR defaults to .cache/e2e-dist.) Screenshots go to test-results/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { formatBudgets, measureBudgets } from '../../scripts/budget.mjs';
import { launchBrowser, serveStatic, openSection } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? '.cache/e2e-dist';
let site;
let browser;
let page;
const pageErrors = [];
const failedRequests = [];
/** The book's sections in TOC order, and the first one with code cells. */
let sections = [];
let cellSection = null;

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${e.message}\n${e.stack?.split('\n').slice(0, 6).join('\n')}`));
  page.on('response', (r) => r.status() >= 400 && failedRequests.push(`${r.status()} ${r.url()}`));
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  sections = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => ({ slug: a.getAttribute('href').slice(2), title: a.textContent.trim() })));
  for (const s of sections) {
    await open(s.slug);
    if ((await page.locator('.section-body .cell').count()) > 0) {
      cellSection = s;
      break;
    }
  }
  assert.ok(cellSection, 'no section of the book has a code cell');
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const open = (slug) => openSection(page, slug);

const firstCell = () => page.locator('.section-body .cell').first();

/** Replaces a cell's code by typing into its CodeMirror editor (select all, then insert). */
async function setCode(cell, code) {
  await cell.scrollIntoViewIfNeeded();
  const content = cell.locator('.cm-content');
  await content.waitFor();
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(code);
  assert.equal(await editorText(cell), code);
}

const editorText = (cell) => cell.locator('.cm-content').evaluate((el) => el.cmView?.view?.state.doc.toString() ?? [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));

async function runCell(cell, { timeout = 60000 } = {}) {
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((el) => ['done', 'error', 'stopped'].includes(el.dataset.state), await cell.elementHandle(), { timeout });
  return cell.getAttribute('data-state');
}

const outputText = (cell) => cell.locator('.cell-outputs').innerText();

describe('reading', () => {
  it('opens the book under a sub-path with its table of contents', async () => {
    await page.goto(site.url);
    await page.waitForSelector('.home h1');
    assert.ok(sections.length >= 2, `the TOC lists ${sections.length} sections`);
    assert.match(await page.locator('.toc').innerText(), /1\.1/);
    assert.equal(new URL(page.url()).pathname, '/handson/');
  });

  it('navigates by the table of contents and by prev/next', async () => {
    const [a, b] = sections;
    await page.locator(`.toc a[href="#/${a.slug}"]`).click();
    await page.waitForSelector(`.section[data-slug="${a.slug}"]`);
    assert.match(await page.locator('.section-header h1').innerText(), /^1\.1\s/);
    assert.equal(await page.locator(`.toc a[href="#/${a.slug}"]`).getAttribute('aria-current'), 'page');
    // Blocks far below are laid out only when scrolled near (content-visibility): let them settle first.
    await page.locator('.prev-next a.next').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.locator('.prev-next a.next').click();
    await page.waitForSelector(`.section[data-slug="${b.slug}"]`);
    assert.equal(new URL(page.url()).hash, `#/${b.slug}`);
    await page.locator('.prev-next a.prev').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.locator('.prev-next a.prev').click();
    await page.waitForSelector(`.section[data-slug="${a.slug}"]`);
  });

  it('deep-links to a heading', async () => {
    const target = await page.evaluate(() => document.querySelector('.toc-headings a')?.getAttribute('href'));
    assert.ok(target, 'the open section lists its headings in the TOC');
    await page.goto(`${site.url}${target}`);
    const id = target.split('#').pop();
    await page.waitForSelector(`[id="${id}"]`);
    await page.waitForFunction((i) => {
      const top = document.getElementById(i).getBoundingClientRect().top;
      return top >= 0 && top < innerHeight / 2;
    }, id);
  });

  it('shows formulas rendered by KaTeX', async () => {
    let found = null;
    for (const s of sections) {
      await open(s.slug);
      if ((await page.locator('.section-body .katex').count()) > 0) {
        found = s.slug;
        break;
      }
    }
    assert.ok(found, 'no section shows a KaTeX formula');
    const box = await page.locator('.section-body .katex').first().boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, 'the formula is laid out');
  });

  it('finds a section by search, and opens it', async () => {
    const target = sections[sections.length - 1];
    const words = target.title.replace(/^[\d.]+\s*/, '');
    await page.locator('.search input').fill(words);
    const hit = page.locator('.search-hit', { hasText: words }).first();
    await hit.waitFor();
    await hit.click();
    await page.waitForSelector(`.section[data-slug="${target.slug}"]`);
  });

  it('switches to dark mode and remembers it', async () => {
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.locator('[data-testid="theme"]').selectOption('dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const dark = await bg();
    assert.notEqual(dark, light);
    await page.reload();
    await page.waitForSelector('.section-body');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.locator('[data-testid="theme"]').selectOption('light');
    assert.equal(await bg(), light);
    // Auto follows the system, also when the system changes while the page is open.
    await page.locator('[data-testid="theme"]').selectOption('system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });
});

describe('cells', () => {
  before(async () => {
    await open(cellSection.slug);
  });

  it('shows cells without starting the kernel', async () => {
    assert.equal(await page.locator('.kernel-state').getAttribute('data-kernel'), 'off');
  });

  it('runs a cell and shows its output', async () => {
    const cell = firstCell();
    await cell.locator('.cm-content').waitFor();
    assert.equal(await runCell(cell), 'done', await cell.innerText());
    assert.equal(await cell.locator('.recorded-label').count(), 0, 'a run replaces the recorded output');
    assert.match(await cell.locator('.cell-state').innerText(), /done · \d/);
  });

  it('edits a cell and runs the edit', async () => {
    const cell = firstCell();
    await setCode(cell, 'const answer = 6 * 7;\nprint(`the answer is ${answer}`);\nnd.ones([2, 3]).mul(answer)');
    assert.equal(await cell.getAttribute('data-modified'), 'true');
    assert.equal(await runCell(cell), 'done', await cell.innerText());
    const out = await outputText(cell);
    assert.match(out, /the answer is 42/);
    assert.match(out, /\[\[42\. 42\. 42\.\]\n \[42\. 42\. 42\.\]\]\n<NDArray 2x3 @\w+\(0\)>/);
  });

  it('reports an error with its line in the cell, highlighted in the editor', async () => {
    const cell = firstCell();
    await setCode(cell, 'const a = nd.ones([2, 3]);\nconst b = nd.ones([4, 5]);\nnd.dot(a, b)');
    assert.equal(await runCell(cell), 'error');
    assert.match(await cell.locator('.output-error').innerText(), /line 3/);
    assert.equal(await cell.locator('.cm-error-line').count(), 1);
    assert.match(await cell.locator('.cm-error-line').innerText(), /nd\.dot\(a, b\)/);
  });

  it("a training cell's chart receives several live updates (extended, not redrawn)", async () => {
    const cell = firstCell();
    await setCode(
      cell,
      [
        'const X = nd.random.normal(0, 1, [200, 2]);',
        'const y = nd.dot(X, nd.array([[2], [-3.4]])).add(4.2);',
        'const w = nd.random.normal(0, 0.01, [2, 1]), b = nd.zeros([1]);',
        'w.attachGrad(); b.attachGrad();',
        "const animator = new d2l.Animator({ xLabel: 'epoch', yLabel: 'loss', yScale: 'log', legend: ['train loss'] });",
        'for (let epoch = 1; epoch <= 40; epoch++) {',
        '  const l = autograd.record(() => nd.dot(X, w).add(b).sub(y).square().mean());',
        '  l.backward();',
        '  w.set(w.sub(w.grad.mul(0.1)));',
        '  b.set(b.sub(b.grad.mul(0.1)));',
        '  animator.add(epoch, [await l.asScalar()]);',
        '  await new Promise((r) => setTimeout(r, 40));',
        '}',
      ].join('\n'),
    );
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    // While the cell still runs, the chart already has points: updates are live.
    const plot = cell.locator('.chart-plot');
    await page.waitForFunction((el) => el.dataset.state === 'running' && el.querySelector('.chart-plot')?.data?.[0]?.x.length > 0, await cell.elementHandle(), { timeout: 60000 });
    await page.waitForFunction((el) => el.dataset.state !== 'running', await cell.elementHandle(), { timeout: 120000 });
    assert.equal(await cell.getAttribute('data-state'), 'done', await cell.innerText());
    const counts = await plot.evaluate((el) => ({ draws: Number(el.dataset.draws), extends: Number(el.dataset.extends), points: el.data[0].x.length, yType: el.layout.yaxis.type }));
    assert.equal(counts.points, 40);
    assert.equal(counts.yType, 'log');
    assert.ok(counts.extends >= 3, `live updates extended the chart ${counts.extends} times`);
    assert.ok(counts.draws <= 2, `the chart was redrawn ${counts.draws} times`);
    console.log(`# chart: ${counts.draws} draw(s), ${counts.extends} live extensions, ${counts.points} points`);
  });

  it('Shift+Enter runs and moves to the next cell; cells share variables; Run above runs the cells above', async () => {
    const cells = page.locator('.section-body .cell');
    assert.ok((await cells.count()) >= 2, 'the section needs two cells');
    await setCode(cells.nth(0), 'const sharedMarker = 7;\nsharedMarker');
    await setCode(cells.nth(1), 'sharedMarker * 6');
    await cells.nth(0).locator('.cm-content').click();
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction((el) => el.dataset.state === 'done', await cells.nth(0).elementHandle());
    assert.ok(await cells.nth(1).evaluate((el) => el.contains(document.activeElement)), 'focus moved to the next cell');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((el) => el.dataset.state === 'done', await cells.nth(1).elementHandle());
    assert.equal(await cells.nth(1).locator('.output-value').innerText(), '42');
    await setCode(cells.nth(0), 'const sharedMarker = 8;\nsharedMarker');
    await cells.nth(1).locator('button', { hasText: 'Run above' }).click();
    await page.waitForFunction((el) => el.dataset.state === 'done' && el.innerText.includes('8'), await cells.nth(0).elementHandle());
    await cells.nth(1).locator('button', { hasText: /^ ?Run$/ }).click();
    await page.waitForFunction((el) => el.querySelector('.output-value')?.textContent === '48', await cells.nth(1).elementHandle());
  });

  it('renders images, tables and text as data: markup in outputs stays text', async () => {
    const cell = firstCell();
    await setCode(
      cell,
      [
        "await d2l.showImages(nd.random.uniform(0, 1, [3, 8, 8]), 1, 3, { titles: ['a', 'b', '<img src=x onerror=\"window.__pwned = 1\">'] });",
        "d2l.showTable({ columns: ['name', '<b>value</b>'], rows: [['<script>window.__pwned = 2</script>', 1.5], ['b', null]] });",
        "print('<img src=x onerror=\"window.__pwned = 3\">');",
      ].join('\n'),
    );
    assert.equal(await runCell(cell), 'done', await cell.innerText());
    assert.equal(await cell.locator('.output-images canvas').count(), 3);
    const size = await cell.locator('.output-images canvas').first().evaluate((c) => [c.width, c.height]);
    assert.deepEqual(size, [8, 8]);
    assert.match(await cell.locator('.output-images figcaption').nth(2).innerText(), /<img src=x/);
    assert.equal(await cell.locator('.output-table th').nth(1).innerText(), '<b>value</b>');
    assert.equal(await cell.locator('.output-table td').first().innerText(), '<script>window.__pwned = 2</script>');
    assert.match(await cell.locator('.output-text').innerText(), /<img src=x onerror/);
    assert.equal(await cell.locator('.cell-outputs img, .cell-outputs script, .cell-outputs b').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  it('downloads a dataset with progress in the status bar, and loads it from Cache Storage the second time', async () => {
    const cell = firstCell();
    await setCode(cell, 'const [trainIter, testIter] = await d2l.loadDataFashionMnist(256);\nprint(trainIter.length, testIter.length);');
    const statusShows = (re) => page.waitForFunction((source) => new RegExp(source).test(document.querySelector('.status-bar').innerText), re.source, { timeout: 180000 });
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    // The status bar names the file while it downloads (with a progress bar), then says it is done.
    await statusShows(/Fashion-MNIST \(train-images-idx3-ubyte\.gz\)/);
    await statusShows(/Fashion-MNIST \(train-images-idx3-ubyte\.gz\) downloaded/);
    await page.waitForFunction((el) => el.dataset.state !== 'running' && el.dataset.state !== 'queued', await cell.elementHandle(), { timeout: 180000 });
    assert.equal(await cell.getAttribute('data-state'), 'done', await cell.innerText());
    assert.match(await outputText(cell), /235 40/);
    const cached = await page.evaluate(async () => (await (await caches.open('handson-data-v1')).keys()).map((r) => new URL(r.url).pathname.split('/').pop()).sort());
    assert.deepEqual(cached, ['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', 'train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz']);
    await page.reload();
    await page.waitForSelector('.section-body .cell .cm-content');
    const again = firstCell();
    await again.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    await statusShows(/Fashion-MNIST \(train-images-idx3-ubyte\.gz\) from cache/);
    await page.waitForFunction((el) => el.dataset.state === 'done', await again.elementHandle(), { timeout: 180000 });
  });

  it('saves and downloads a file from a cell, and uploads one through the button the cell shows', async () => {
    const cell = firstCell();
    await setCode(cell, "await nd.save('e2e-saved.nd', [nd.arange(4)]);\nawait nd.download('e2e-saved.nd');");
    await runCell(cell);
    // Never saved on the cell's word: the cell shows a button, the reader clicks it.
    const offer = cell.locator('.download-offer');
    await offer.waitFor({ timeout: 60000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), offer.locator('[data-testid="cell-download"]').click()]);
    assert.equal(download.suggestedFilename(), 'e2e-saved.nd');
    const file = await download.path();
    await setCode(cell, 'const uploaded = await nd.upload();\nconst [arr] = await nd.load(uploaded);\n[uploaded, await arr.sum().asScalar()]');
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    const prompt = cell.locator('.upload-prompt');
    await prompt.waitFor({ timeout: 60000 });
    await prompt.locator('[data-testid="cell-upload"]').setInputFiles({ name: 'from-the-reader.nd', mimeType: 'application/octet-stream', buffer: await readFile(file) });
    await page.waitForFunction((el) => el.dataset.state === 'done' || el.dataset.state === 'error', await cell.elementHandle());
    assert.equal(await cell.getAttribute('data-state'), 'done', await cell.innerText());
    assert.match(await cell.locator('.output-value').innerText(), /from-the-reader\.nd.*6/s);
    assert.equal(await prompt.count(), 0, 'the button goes away once answered');
  });

  it('stops a runaway cell within two seconds, and the kernel keeps working', async () => {
    const cell = firstCell();
    await setCode(cell, 'let spins = 0;\nwhile (true) { spins++; }');
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((el) => el.dataset.state === 'running', await cell.elementHandle());
    await page.waitForTimeout(500);
    const t0 = Date.now();
    await cell.locator('button', { hasText: 'Stop' }).click();
    await page.waitForFunction((el) => el.dataset.state !== 'running', await cell.elementHandle(), { timeout: 5000 });
    const stopMs = Date.now() - t0;
    assert.ok(stopMs < 2000, `stop took ${stopMs} ms`);
    assert.equal(await cell.getAttribute('data-state'), 'stopped');
    // Said in the page's words (not the kernel's "KernelInterrupt: Stopped by the reader."), with where it stopped.
    const said = await cell.locator('.output-stopped').innerText();
    assert.match(said, /^You stopped this cell\.\s+line 2/);
    assert.doesNotMatch(said, /KernelInterrupt/);
    await setCode(cell, 'nd.arange(3)');
    assert.equal(await runCell(cell), 'done');
    console.log(`# stop: ${stopMs} ms`);
  });

  it('names the backend in use and why', async () => {
    const badge = page.locator('.backend-badge');
    const backend = await badge.getAttribute('data-backend');
    assert.ok(['webgpu', 'webgl', 'wasm', 'cpu'].includes(backend));
    const text = await badge.innerText();
    assert.match(text, /WebGPU|WebGL|WASM|CPU/);
    assert.match(text, /\(.+\)/, 'the badge says why this backend');
  });

  for (const backend of ['webgl', 'wasm', 'webgpu']) {
    it(`switches the kernel to ${backend}, and NDArrays print @${backend}(0)`, async () => {
      await page.locator('[data-testid="backend"]').selectOption(backend);
      await page.waitForSelector(`.backend-badge[data-backend="${backend}"]`, { timeout: 60000 });
      assert.match(await page.locator('.notices-kernel').innerText(), new RegExp(`restarted on ${backend}`, 'i'));
      const cell = firstCell();
      await setCode(cell, 'nd.array([[1, 2], [3, 4]]).sum({ axis: 0 })');
      assert.equal(await runCell(cell), 'done', await cell.innerText());
      assert.equal(await cell.locator('.output-value').innerText(), `[4. 6.]\n<NDArray 2 @${backend}(0)>`);
    });
  }
});

describe('edits', () => {
  let original;

  before(async () => {
    await page.locator('[data-testid="backend"]').selectOption('auto');
    await page.goto(`${site.url}#/${cellSection.slug}`);
    await page.reload(); // drop the edits of the tests above from the view
    await page.waitForSelector('.section-body .cell .cm-content');
    // Reset every edit the tests above made, through the Edits menu (two steps: it asks first).
    if ((await page.locator('.section-body .cell[data-modified]').count()) > 0) {
      await page.locator('.edits-menu > button').click();
      await page.locator('.menu-item', { hasText: 'Reset all' }).click();
      await page.locator('.menu-item', { hasText: /Really reset \d+ cell/ }).click();
    }
    assert.equal(await page.locator('.section-body .cell[data-modified]').count(), 0);
    original = await editorText(firstCell());
  });

  it('keeps an edit across a reload and does not run it', async () => {
    const cell = firstCell();
    await setCode(cell, 'print("typed before the reload")');
    await page.waitForTimeout(600); // saved as typed (debounced)
    await page.reload();
    await page.waitForSelector('.section-body .cell .cm-content');
    const again = firstCell();
    assert.equal(await editorText(again), 'print("typed before the reload")');
    assert.equal(await again.getAttribute('data-modified'), 'true');
    assert.equal(await again.getAttribute('data-state'), 'idle');
    assert.equal(await page.locator('.kernel-state').getAttribute('data-kernel'), 'off', 'nothing ran on load');
    assert.doesNotMatch(await again.innerText(), /typed before the reload\n/);
  });

  it('keeps the last keystrokes when the page is left right after typing', async () => {
    const cell = firstCell();
    await setCode(cell, 'print("typed just before leaving")');
    await page.reload(); // no wait: the pagehide flush must save it
    await page.waitForSelector('.section-body .cell .cm-content');
    assert.equal(await editorText(firstCell()), 'print("typed just before leaving")');
  });

  it('resets a cell to the original, also after a reload', async () => {
    const cell = firstCell();
    await cell.locator('button', { hasText: 'Reset' }).click();
    assert.equal(await editorText(cell), original);
    assert.equal(await cell.getAttribute('data-modified'), null);
    await page.reload();
    await page.waitForSelector('.section-body .cell .cm-content');
    assert.equal(await editorText(firstCell()), original);
  });

  it('exports edits and imports them back; rejects a bad file with a clear error', async () => {
    const cell = firstCell();
    await setCode(cell, 'print("exported")');
    await page.locator('.edits-menu > button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.menu-item', { hasText: 'Export' }).click()]);
    const path = await download.path();
    assert.equal(await page.locator('.menu').count(), 0, 'the menu closes after export');
    await cell.locator('button', { hasText: 'Reset' }).click();
    assert.equal(await editorText(cell), original);
    await page.locator('[data-testid="import-edits"]').setInputFiles(path);
    await page.waitForSelector('.menu-message');
    assert.match(await page.locator('.menu-message').innerText(), /Imported 1 edited cell/);
    assert.equal(await editorText(cell), 'print("exported")');
    await page.locator('[data-testid="import-edits"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"notebook"}') });
    await page.waitForFunction(() => /not an edits file of this book/.test(document.querySelector('.menu-message')?.textContent ?? ''));
    assert.equal(await editorText(cell), 'print("exported")', 'a rejected import changes nothing');
    await page.locator('.menu-message button').click();
    await cell.locator('button', { hasText: 'Reset' }).click();
  });

  it('storage full: a visible warning, the edit kept and exportable, saved once there is room', async () => {
    const fillStorage = () =>
      page.evaluate(() => {
        // Fill this origin's localStorage to its quota with big, then smaller, values.
        let i = Object.keys(localStorage).filter((k) => k.startsWith('e2e-fill-')).length;
        let last = null;
        for (const size of [1 << 20, 1 << 16, 1 << 10, 64, 1]) {
          const chunk = 'x'.repeat(size);
          try {
            for (;;) {
              localStorage.setItem(`e2e-fill-${i}`, chunk);
              last = `e2e-fill-${i++}`;
            }
          } catch {
            // full at this size: try a smaller one
          }
        }
        // A new key costs its name too, so a few characters may still be free: grow the last
        // value one character at a time until not even one more fits.
        if (last !== null) {
          try {
            for (;;) localStorage.setItem(last, localStorage.getItem(last) + 'x');
          } catch {
            // full to the last character
          }
        }
      });
    // Focusing a cell starts the kernel, which on Auto measures the backends and keeps the probe in
    // this same storage (an evictable key). Let that finish first: a probe written mid-test would
    // be evicted for the edit, and the storage would not be full when the test says it is.
    await firstCell().locator('.cm-content').click();
    await page.waitForFunction(() => document.querySelector('.kernel-state')?.getAttribute('data-kernel') === 'idle', null, { timeout: 120_000 });
    await fillStorage();
    const cell = firstCell();
    // The first save into a full storage spends the app's own reserve: the edit is saved, no warning.
    await setCode(cell, 'print("typed into the reserve")');
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('[data-notice="storage"]').count(), 0);
    // Full again to the last character, and no reserve left: this longer edit cannot be saved, so
    // the reader is told, and the edit is kept in the page.
    await fillStorage();
    await setCode(cell, 'print("typed while the storage is full")');
    await page.waitForSelector('[data-notice="storage"]', { timeout: 5000 });
    assert.match(await page.locator('[data-notice="storage"]').innerText(), /storage for this site is full.*Export/s);
    assert.equal(await editorText(cell), 'print("typed while the storage is full")');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-notice="storage"] button', { hasText: 'Export' }).click()]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(exported.edits.map((e) => e.code), ['print("typed while the storage is full")']);
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('e2e-fill-')).forEach((k) => localStorage.removeItem(k)));
    await setCode(cell, 'print("typed after freeing space")');
    await page.waitForSelector('[data-notice="storage"]', { state: 'detached', timeout: 5000 });
    await page.reload();
    await page.waitForSelector('.section-body .cell .cm-content');
    assert.equal(await editorText(firstCell()), 'print("typed after freeing space")');
    await firstCell().locator('button', { hasText: 'Reset' }).click();
  });

  it('shows the originals and keeps damaged saved data aside', async () => {
    await page.waitForTimeout(600); // the reset above is saved (else leaving the page would save over the damage)
    await page.evaluate((slug) => localStorage.setItem(`handson/edits/v1/${slug}`, '{"format":1,"slug":'), cellSection.slug);
    await page.reload();
    await page.waitForSelector('[data-notice="damaged"]');
    assert.match(await page.locator('[data-notice="damaged"]').innerText(), /could not be read/);
    assert.equal(await editorText(firstCell()), original);
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('handson/edits-damaged/')));
    assert.equal(aside.length, 1);
  });
});

describe('the page', () => {
  it('had no uncaught errors and no failed requests', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedRequests, []);
  });
});

describe('screenshots (light, dark, phone) in test-results/', () => {
  it('takes them', async () => {
    const shots = await browser.context.newPage();
    await shots.setViewportSize({ width: 1280, height: 900 });
    await shots.goto(`${site.url}#/${cellSection.slug}`);
    await shots.waitForSelector('.section-body .cm-content');
    await shots.evaluate(() => localStorage.removeItem('handson/theme'));
    for (const theme of ['light', 'dark']) {
      await shots.locator('[data-testid="theme"]').selectOption(theme);
      await shots.evaluate(() => document.querySelector('.section-body .cell')?.scrollIntoView({ block: 'center' }));
      await shots.waitForTimeout(400);
      await shots.screenshot({ path: `test-results/reader-${theme}.png` });
    }
    await shots.locator('[data-testid="theme"]').selectOption('light');
    await shots.setViewportSize({ width: 390, height: 844 });
    await shots.evaluate(() => scrollTo(0, 0));
    await shots.waitForTimeout(300);
    await shots.screenshot({ path: 'test-results/reader-phone.png' });
    await shots.locator('.menu-button').click();
    await shots.waitForTimeout(400);
    await shots.screenshot({ path: 'test-results/reader-phone-toc.png' });
    const overflow = await shots.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the phone layout scrolls sideways by ${overflow} px`);
    await shots.close();
  });
});

describe('budgets', () => {
  it('JS to show a chapter <= 250 KB gzipped; text visible within 1 s', async () => {
    const r = await measureBudgets({ context: browser.context, url: site.url, distDir });
    console.log(formatBudgets(r));
    assert.deepEqual(r.problems, []);
  });
});
