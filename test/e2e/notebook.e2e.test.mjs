// Notebook features of the reader, end to end in headless Chromium against the BUILT site under a
// sub-path: scratch cells (added by button and by Esc then B, run in the section's kernel, deleted,
// saved with the edits, exported and imported), copy, clear and collapse of outputs, Run all
// stopping at an error, Run above hidden on the first cell. Screenshots go to test-results/.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/notebook.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { launchBrowser, serveStatic } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
let site;
let browser;
let page;
const pageErrors = [];
/** The first section of the book with at least two code cells. */
let slug = null;

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  // WASM is right on every machine; naming it skips the backend probe (not what this file tests).
  await page.evaluate(() => localStorage.setItem('handson/backend', 'wasm'));
  const slugs = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href').slice(2)));
  for (const s of slugs) {
    await open(s);
    if ((await page.locator('.section-body .cell').count()) >= 2) {
      slug = s;
      break;
    }
  }
  assert.ok(slug, 'no section of the book has two code cells');
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function open(s) {
  await page.evaluate((x) => (location.hash = `#/${x}`), s);
  await page.waitForSelector(`.section[data-slug="${s}"] .section-body`);
}

const cells = () => page.locator('.section-body .cell');
const bookCell = (n) => page.locator(`.section-body .cell[data-cell-id="cell-${n}"]`);
const scratchCells = () => page.locator('.section-body .cell[data-scratch]');
const editorText = (cell) => cell.locator('.cm-content').evaluate((el) => el.cmView?.view?.state.doc.toString() ?? [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
const focusedCellId = () => page.evaluate(() => document.activeElement?.closest('.cell')?.dataset.cellId ?? null);
/** Ids of the cells in page order. */
const order = () => page.$$eval('.section-body .cell', (els) => els.map((e) => e.dataset.cellId));

async function waitFinished(cell, timeout = 90000) {
  await page.waitForFunction((el) => ['done', 'error', 'stopped'].includes(el.dataset.state), await cell.elementHandle(), { timeout });
  return cell.getAttribute('data-state');
}

async function stopIfRunning() {
  const stop = page.locator('.section-toolbar button[aria-label="Stop"]');
  // The run may end between the check and the click: then there is nothing to stop.
  if (await stop.isEnabled()) await stop.click({ timeout: 3000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.section-body .cell[data-state="running"], .section-body .cell[data-state="queued"]'));
}

/** Types into the focused editor and runs it in place. */
async function typeAndRun(cell, code) {
  await page.keyboard.insertText(code);
  assert.equal(await editorText(cell), code);
  await page.keyboard.press('Control+Enter');
  return waitFinished(cell);
}

describe('scratch cells', () => {
  it('a button adds one directly below a book cell, focused, marked as the reader\'s own', async () => {
    const first = bookCell(1);
    await first.locator('.cm-content').waitFor();
    await first.locator('[data-action="add-scratch"]').click();
    await scratchCells().first().locator('.cm-content').waitFor();
    const ids = await order();
    assert.equal(ids[0], 'cell-1');
    assert.match(ids[1], /^scratch-\d+$/, `the new cell is right below cell 1: ${ids.join(', ')}`);
    assert.equal(await focusedCellId(), ids[1], 'the new cell\'s editor has the focus');
    assert.match(await scratchCells().first().locator('.cell-bar').innerText(), /your cell/i);
    assert.equal(await scratchCells().first().getAttribute('data-modified'), null);
  });

  it('runs in the section\'s kernel; Esc then B adds the next one below, which sees its variables', async () => {
    const a = scratchCells().first();
    assert.equal(await typeAndRun(a, 'const fromScratch = 41;\nprint("defined")'), 'done');
    assert.match(await a.locator('.cell-outputs').innerText(), /defined/);
    await a.locator('.cm-content').click();
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cell')), true, 'Esc leaves the editor for the cell');
    await page.keyboard.press('b');
    await page.waitForFunction(() => document.querySelectorAll('.section-body .cell[data-scratch]').length === 2);
    const b = scratchCells().nth(1);
    await b.locator('.cm-content').waitFor();
    const ids = await order();
    assert.deepEqual(ids.slice(0, 3), ['cell-1', await a.getAttribute('data-cell-id'), await b.getAttribute('data-cell-id')]);
    await page.waitForFunction(async (id) => document.activeElement?.closest('.cell')?.dataset.cellId === id, await b.getAttribute('data-cell-id'));
    assert.equal(await typeAndRun(b, 'fromScratch + 1'), 'done');
    assert.match(await b.locator('.cell-outputs').innerText(), /^42$/m);
  });

  it('is saved with the edits and comes back after a reload, in place', async () => {
    await page.waitForFunction((s) => (localStorage.getItem(`handson/edits/v1/${s}`) ?? '').includes('fromScratch + 1'), slug);
    const saved = JSON.parse(await page.evaluate((s) => localStorage.getItem(`handson/edits/v1/${s}`), slug));
    assert.equal(saved.format, 2);
    assert.deepEqual(saved.scratch.map((x) => [x.afterCellId, x.code]), [
      ['cell-1', 'const fromScratch = 41;\nprint("defined")'],
      ['cell-1', 'fromScratch + 1'],
    ]);
    assert.deepEqual(saved.edits, [], 'scratch cells are not edits of book cells');
    await page.reload();
    await page.waitForSelector(`.section[data-slug="${slug}"] .section-body`);
    // Editors mount near the viewport: bring the cells there (the first cell may sit below the fold).
    await scratchCells().nth(1).scrollIntoViewIfNeeded();
    await scratchCells().nth(1).locator('.cm-content').waitFor();
    const ids = await order();
    assert.match(ids[1], /^scratch-/);
    assert.match(ids[2], /^scratch-/);
    assert.equal(await editorText(scratchCells().nth(1)), 'fromScratch + 1');
    assert.equal(await scratchCells().first().getAttribute('data-state'), 'idle', 'saved cells are never run on load');
  });

  it('Run all runs the book\'s cells only', async () => {
    // The reader's cells are theirs: Run all must not run (or stop at) them. Checked on the first book cell only.
    const first = bookCell(1);
    await first.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('print("book cell")');
    await page.locator('.section-toolbar .btn-run').click();
    await waitFinished(first);
    await stopIfRunning();
    assert.equal(await scratchCells().first().getAttribute('data-state'), 'idle');
    await first.locator('.cm-content').click();
    await first.locator('button', { hasText: 'Reset' }).click();
    assert.equal(await first.getAttribute('data-modified'), null);
  });

  it('is exported with the edits, deleted, and imported back', async () => {
    await page.locator('.edits-menu > button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.menu-item', { hasText: 'Export' }).click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.format, 2);
    assert.deepEqual(file.scratch.map((x) => x.code), ['const fromScratch = 41;\nprint("defined")', 'fromScratch + 1']);

    for (let n = 2; n > 0; n--) {
      await scratchCells().first().locator('[data-action="delete-scratch"]').click();
      await page.waitForFunction((k) => document.querySelectorAll('.section-body .cell[data-scratch]').length === k, n - 1);
    }
    await page.waitForFunction((s) => localStorage.getItem(`handson/edits/v1/${s}`) === null, slug);

    await page.locator('[data-testid="import-edits"]').setInputFiles({ name: 'edits.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => document.querySelectorAll('.section-body .cell[data-scratch]').length === 2);
    assert.match(await page.locator('.menu-message').innerText(), /2 cells of your own/);
    assert.equal(await editorText(scratchCells().nth(1)), 'fromScratch + 1');
    assert.deepEqual((await order()).slice(0, 3).map((id) => id.replace(/\d+$/, '')), ['cell-', 'scratch-', 'scratch-']);
  });
});

describe('cell tools', () => {
  it('copies a cell\'s code to the clipboard', async () => {
    const first = bookCell(1);
    await first.locator('[data-action="copy"]').click();
    await page.waitForFunction(() => /Copied/.test(document.querySelector('.section-body .cell [data-action="copy"]')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await editorText(first));
  });

  it('collapses a long output and expands it again; clears one cell\'s output', async () => {
    const a = scratchCells().first();
    await a.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    assert.equal(await typeAndRun(a, 'for (let i = 0; i < 200; i++) print(`line ${i}`);'), 'done');
    const body = a.locator('.output-body');
    await page.waitForFunction((el) => el.innerText.includes('line 199'), await body.elementHandle());
    const full = await body.evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(full > 400, `200 lines are tall (${full} px)`);
    await a.locator('[data-action="collapse-output"]').click();
    const collapsed = await body.evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(collapsed < 160, `collapsed to a few lines (${collapsed} px)`);
    await page.screenshot({ path: 'test-results/notebook-collapsed.png' });
    await a.locator('.output-show-all').click();
    assert.equal(await body.evaluate((el) => el.getBoundingClientRect().height), full);
    // A short output offers no collapse.
    const b = scratchCells().nth(1);
    await b.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    await waitFinished(b);
    assert.equal(await b.locator('[data-action="collapse-output"]').count(), 0);
    await a.locator('[data-action="clear-output"]').click();
    assert.equal(await a.locator('.cell-outputs').count(), 0);
    assert.equal(await b.locator('.cell-outputs').count(), 1, 'other cells keep theirs');
  });

  it('Clear outputs empties every cell, recorded outputs included', async () => {
    assert.ok((await page.locator('.section-body .cell-outputs').count()) > 0);
    await page.locator('[data-action="clear-all"]').click();
    assert.equal(await page.locator('.section-body .cell-outputs').count(), 0);
  });

  it('"Run above" is not offered on the first cell, and is on the second', async () => {
    assert.equal(await bookCell(1).locator('button', { hasText: 'Run above' }).count(), 0);
    assert.equal(await bookCell(2).locator('button', { hasText: 'Run above' }).count(), 1);
  });

  it('Esc then Tab leaves the cell (Tab inside the editor indents)', async () => {
    const first = bookCell(1);
    const ring = () => first.locator('.cell-editor').evaluate((el) => getComputedStyle(el).boxShadow);
    assert.equal(await ring(), 'none');
    await first.locator('.cm-content').click();
    // Edit mode is visible (a ring round the editor), not only a blinking caret.
    assert.notEqual(await ring(), 'none', 'the focused editor is marked');
    await page.keyboard.press('Tab');
    assert.equal(await focusedCellId(), 'cell-1', 'Tab in the editor stays there (it indents)');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Escape');
    assert.equal(await ring(), 'none', 'command mode: the ring leaves the editor (the cell has its own outline)');
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => ({ inCell1: !!document.activeElement?.closest('.cell[data-cell-id="cell-1"]'), tag: document.activeElement?.tagName }));
    assert.equal(where.inCell1, false, `focus moved past the cell (now on ${where.tag})`);
    assert.notEqual(where.tag, 'BODY');
  });

  it('the cell\'s help names the keys, leaving the editor and adding a cell included', async () => {
    await bookCell(1).locator('button[aria-label="Keyboard help"]').click();
    const help = await bookCell(1).locator('.cell-help').innerText();
    assert.match(help, /Esc\s*leave the editor/);
    assert.match(help, /Esc, then B\s*add your own scratch cell below/);
    await bookCell(1).locator('button[aria-label="Keyboard help"]').click();
    assert.equal(await bookCell(1).locator('.cell-help').count(), 0);
  });
});

describe('d2l.progress', () => {
  it('shows one line that is rewritten in place, with the time left while it runs', async () => {
    const a = scratchCells().first();
    await a.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('print("before");\nfor (const i of d2l.progress([...Array(40).keys()], { desc: "steps", minIntervalMs: 0 })) await new Promise((r) => setTimeout(r, 50));\nprint("after");');
    await page.keyboard.press('Control+Enter');
    const out = a.locator('.cell-outputs');
    await page.waitForFunction((el) => /steps \d+\/40 .*left/.test(el?.innerText ?? ''), await a.elementHandle(), { timeout: 60000 });
    const during = await out.innerText();
    assert.equal(during.split('\n').filter((l) => l.startsWith('steps')).length, 1, `one progress line while running:\n${during}`);
    await waitFinished(a);
    const text = (await a.locator('.output-body').innerText()).trim();
    assert.match(text, /^before\nsteps 40\/40 \[█{20}\] 100% · [\d.]+ s\nafter$/);
  });
});

describe('Run all stopping at an error', () => {
  it('says "stopped at cell N" in the toolbar, links to it, and marks the cells that did not run', async () => {
    const n = await page.locator('.section-body .cell:not([data-scratch])').count();
    const last = await page.locator('.section-body .cell:not([data-scratch])').nth(n - 1).getAttribute('data-cell-id');
    const second = bookCell(2);
    await second.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('throw new Error("stop here")');
    await page.evaluate(() => scrollTo(0, 0));
    await page.locator('.section-toolbar .btn-run').click();
    await page.waitForSelector('.section-toolbar .halted', { timeout: 120000 });
    const halted = page.locator('.section-toolbar .halted');
    assert.match(await halted.innerText(), /Stopped at cell 2/);
    assert.equal(await halted.getAttribute('data-halted'), 'cell-2');
    if (n > 2) {
      assert.equal(await page.locator(`.section-body .cell[data-cell-id="${last}"]`).getAttribute('data-skipped'), 'true');
      assert.match(await halted.innerText(), /below did not run/);
    }
    assert.equal(await scratchCells().first().getAttribute('data-skipped'), null, 'the reader\'s cells were never queued');
    await page.screenshot({ path: 'test-results/notebook-halted.png' });
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await halted.locator('a').click();
    await page.waitForFunction(() => document.activeElement?.closest('.cell')?.dataset.cellId === 'cell-2');
    await page.waitForFunction(() => {
      const r = document.querySelector('.section-body .cell[data-cell-id="cell-2"]').getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    });
    // Running again clears the mark.
    await second.locator('button', { hasText: 'Reset' }).click();
    await page.locator('.section-toolbar .btn-run').click();
    assert.equal(await page.locator('.section-toolbar .halted').count(), 0);
    await stopIfRunning();
  });
});

describe('screenshots (light, dark, phone) in test-results/', () => {
  it('takes them, and the phone layout does not scroll sideways', async () => {
    await bookCell(1).locator('button[aria-label="Keyboard help"]').click();
    const a = scratchCells().first();
    await a.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await typeAndRun(a, 'nd.arange(6).reshape([2, 3])');
    for (const theme of ['light', 'dark']) {
      await page.locator('[data-testid="theme"]').selectOption(theme);
      await bookCell(1).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => scrollBy(0, -90));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `test-results/notebook-${theme}.png` });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await bookCell(1).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => scrollBy(0, -90));
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/notebook-phone-dark.png' });
    await page.locator('[data-testid="theme"]').selectOption('light');
    await page.waitForTimeout(200);
    await page.screenshot({ path: 'test-results/notebook-phone.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the phone layout scrolls sideways by ${overflow} px`);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(pageErrors, []);
  });
});
