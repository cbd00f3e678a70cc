// Completion of the book's library in the cell editor, end to end in headless Chromium against
// the BUILT site: `nd.` lists the namespace with signatures and docs from the generated
// reference, Enter takes one, `gluon.nn.` lists layers, any other name offers NDArray's methods,
// and Esc closes the list before it leaves the editor. Screenshots in test-results/.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/completion.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { launchBrowser, openSection, serveStatic } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
let site;
let browser;
let page;
let cell;

before(async () => {
  await mkdir('test-results', { recursive: true });
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  await page.evaluate(() => localStorage.setItem('handson/backend', 'wasm'));
  await openSection(page, '01-preliminaries/03-ndarray');
  await page.locator('.section-body .cell').first().locator('[data-action="add-scratch"]').click();
  cell = page.locator('.section-body .cell[data-scratch]').first();
  await cell.locator('.cm-content').waitFor();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const list = () => page.locator('.cm-tooltip-autocomplete');
/** Waits until the open list offers `label` (the library's entries arrive after the reference loads). */
const offered = (label) => page.waitForFunction((l) => [...document.querySelectorAll('.cm-tooltip-autocomplete .cm-completionLabel')].some((e) => e.textContent === l), label, { timeout: 10_000 });
const editorText = () => cell.locator('.cm-content').evaluate((el) => el.cmView?.view?.state.doc.toString() ?? el.textContent);

describe('library completion in the editor', () => {
  it('nd. lists the namespace with signatures and one-line docs; Enter takes one', async () => {
    await cell.locator('.cm-content').click();
    await page.keyboard.type('const a = nd.on');
    await offered('ones');
    const items = await list().locator('li').allInnerTexts();
    assert.ok(items.some((t) => /ones.*\(shape/s.test(t)), `ones with its signature: ${items.slice(0, 5).join(' | ')}`);
    await page.locator('.cm-completionInfo').waitFor({ timeout: 5_000 });
    assert.ok((await page.locator('.cm-completionInfo').innerText()).length > 10, 'a one-line doc');
    await cell.screenshot({ path: 'test-results/completion-nd.png' });
    await page.screenshot({ path: 'test-results/completion-nd-page.png' });
    const chosen = await list().locator('li[aria-selected="true"] .cm-completionLabel').innerText();
    assert.match(chosen, /^on/);
    await page.keyboard.press('Enter');
    assert.equal(await editorText(), `const a = nd.${chosen}`);
  });

  it('gluon.nn. lists layers; any other name offers the methods of an NDArray', async () => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type('new gluon.nn.De');
    await offered('Dense');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('const b = x.resh');
    await offered('reshape');
  });

  it('Esc closes the list first, then leaves the editor', async () => {
    assert.equal(await list().count(), 1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.cm-tooltip-autocomplete'));
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('.cm-editor')), true, 'still in the editor');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cell')), true, 'Esc again leaves it for the cell');
  });
});
