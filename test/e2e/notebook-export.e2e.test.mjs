// A section downloaded as a Jupyter notebook for Deno's kernel, end to end in headless Chromium
// against the BUILT site: nbformat 4 with the Deno kernelspec, the prose as Markdown cells with
// the formulas as TeX, the code as the reader has it (an edit, a scratch cell), and the import
// cell first.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/notebook-export.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openSection, serveStatic } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
const SLUG = '02-linear-networks/01-linear-regression-scratch';
let site;
let browser;
let page;

before(async () => {
  site = await serveStatic(distDir, '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  await openSection(page, SLUG);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

describe('download a section as .ipynb', () => {
  it('nbformat 4 for Deno: prose with TeX, the reader\'s code and scratch cells, the import first', async () => {
    const first = page.locator('.section-body .cell').first();
    await first.scrollIntoViewIfNeeded(); // editors mount near the viewport
    await first.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n// my edit');
    await first.locator('[data-action="add-scratch"]').click();
    await page.locator('.section-body .cell[data-scratch] .cm-content').waitFor();
    await page.keyboard.insertText('print("scratch")');
    await page.locator('.section-toolbar button[aria-expanded]', { hasText: 'Edits' }).click();
    // Every item of the menu has its icon (this one had none, and stood out of line).
    assert.deepEqual(await page.$$eval('.edits-menu .menu-item', (items) => items.filter((i) => !i.querySelector('svg')).map((i) => i.textContent)), []);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-ipynb"]').click()]);
    assert.equal(download.suggestedFilename(), '01-linear-regression-scratch.ipynb');
    const nb = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(nb.nbformat, 4);
    assert.equal(nb.metadata.kernelspec.name, 'deno');
    assert.equal(nb.cells[0].cell_type, 'markdown');
    assert.match(nb.cells[0].source.join(''), /^# 2\.1 /);
    // The library from the site the notebook came from (lib/handson-lib.mjs, versioned): notebook-run.e2e.test.mjs runs it.
    assert.match(nb.cells[1].source.join(''), new RegExp(`^import \\{ nd, NDArray, autograd, gluon, init, lrScheduler, mx, d2l, plot, print, display \\} from "${site.url.replace(/[.*+?^$\{\}()|[\]\\]/g, '\\$&')}lib/handson-lib\\.mjs\\?v=[0-9a-f]{12}";$`, 'm'));
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    const bookCells = await page.locator('.section-body .cell:not([data-scratch])').count();
    assert.equal(code.length, 1 + bookCells + 1, 'the import, every book cell, the scratch cell');
    assert.match(code[1].source.join(''), /\/\/ my edit$/);
    assert.deepEqual(code[2].source, ['print("scratch")']);
    assert.deepEqual(code[2].metadata.tags, ['reader-scratch']);
    for (const c of code) assert.deepEqual(c.outputs, []);
    const prose = nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('')).join('\n');
    assert.match(prose, /\$\$\n[^$]+\n\$\$/, 'display formulas as $$ TeX $$');
    assert.match(prose, /\$[^$\n]+\$/, 'inline formulas as $ TeX $');
    assert.doesNotMatch(prose, /class="katex/, 'no KaTeX HTML left');
    assert.ok(new Set(nb.cells.map((c) => c.id)).size === nb.cells.length, 'cell ids are unique (nbformat 4.5)');
  });
});
