// What the page says when a reader trips, end to end in headless Chromium against the BUILT site:
// a ReferenceError after a restart says so and offers "Run above" (which fixes it); an
// out-of-memory error says how much the kernel holds and offers Restart; the status bar shows
// memory in bytes (the array count in its tooltip); Python habits (a + b, a[1]) fail with a
// TypeError that says what to write; the caret under an error's column lines up past wide
// characters. Screenshots go to test-results/.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/reader-errors.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, runCell } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
const SLUG = '01-preliminaries/03-ndarray'; // cell 1 defines x, cell 2 reads it
let session;
let page;

before(async () => {
  session = await openSite(distDir, { slug: SLUG });
  page = session.page;
});

after(async () => {
  await session?.close();
});

const bookCell = (n) => page.locator(`.section-body .cell[data-cell-id="cell-${n}"]`);

const run = (cell) => runCell(page, cell);

async function scratchRun(code) {
  const cell = page.locator('.section-body .cell[data-scratch]').first();
  if ((await cell.count()) === 0) {
    await bookCell(2).locator('[data-action="add-scratch"]').click();
    await cell.locator('.cm-content').waitFor();
  }
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(code);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((el) => ['done', 'error', 'stopped'].includes(el.dataset.state), await cell.elementHandle(), { timeout: 90_000 });
  return cell;
}

describe('errors the page explains', () => {
  it('a ReferenceError after a restart says the kernel was restarted; Run above fixes it', async () => {
    assert.equal(await run(bookCell(1)), 'done');
    assert.equal(await run(bookCell(2)), 'done');
    assert.equal(await bookCell(2).locator('.error-advice').count(), 0);
    await page.locator('.section-toolbar button[aria-label="Restart"]').click();
    await page.waitForSelector('.notice, [role="status"]');
    assert.equal(await run(bookCell(2)), 'error');
    assert.match(await bookCell(2).locator('.output-error').innerText(), /ReferenceError/);
    const advice = bookCell(2).locator('.error-advice[data-advice="run-above"]');
    assert.match(await advice.innerText(), /kernel was restarted/i);
    await bookCell(2).screenshot({ path: 'test-results/reader-errors-restarted.png' });
    await advice.locator('[data-action="advice-run-above"]').click();
    await page.waitForFunction((el) => el.dataset.state === 'done', await bookCell(1).elementHandle(), { timeout: 90_000 });
    assert.equal(await run(bookCell(2)), 'done', 'after Run above the cell runs');
    assert.equal(await bookCell(2).locator('.error-advice').count(), 0);
  });

  it('a genuine typo gets no such advice', async () => {
    const cell = await scratchRun('print(notAVariable)');
    assert.equal(await cell.getAttribute('data-state'), 'error');
    assert.equal(await cell.locator('.error-advice').count(), 0, 'every cell above ran in this kernel');
  });

  it('the status bar shows memory in bytes, the array count in its tooltip', async () => {
    const memory = page.locator('.status-memory');
    await memory.waitFor();
    // (The kernel's "idle" may come a moment after the last cell's end: until then it is busy.)
    await page.waitForFunction(() => document.querySelector('.status-memory')?.dataset.measured === 'now');
    assert.match(await memory.innerText(), /^\d+(\.\d+)? (B|KB|MB|GB) in use$/);
    // The count with its plural form: "1 array", "2 arrays", "1,024 arrays".
    const [, count, noun] = /in (\d[\d,]*) (arrays?)\b/.exec(await memory.getAttribute('title')) ?? [];
    assert.ok(count, 'the tooltip gives the array count');
    assert.equal(noun, count === '1' ? 'array' : 'arrays');
    // While a cell runs the figure is the one from its start, and says so (not "in use" now).
    const cell = page.locator('.section-body .cell[data-scratch]').first();
    if ((await cell.count()) === 0) await scratchRun('1');
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('await new Promise((r) => setTimeout(r, 1500));');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('.status-memory')?.dataset.measured === 'before-run');
    assert.match(await memory.innerText(), /in use before this run$/);
    assert.match(await memory.getAttribute('title'), /when the running cell started/);
    await page.waitForFunction((el) => el.dataset.state === 'done', await cell.elementHandle());
    await page.waitForFunction(() => document.querySelector('.status-memory')?.dataset.measured === 'now');
    assert.match(await memory.innerText(), / in use$/);
  });

  it('out of memory: says how much the kernel holds and offers Restart', async () => {
    const cell = await scratchRun('const keep = nd.ones([1000, 1000]);\nconst huge = nd.zeros([40000, 40000]);');
    assert.equal(await cell.getAttribute('data-state'), 'error');
    assert.match(await cell.locator('.output-error').innerText(), /out of memory/i);
    const advice = cell.locator('.error-advice[data-advice="memory"]');
    // The amount comes with the kernel's next status report (a few per second while it works).
    await page.waitForFunction((el) => /The kernel holds \d+(\.\d+)? (KB|MB|GB) in \d[\d,]* arrays/.test(el?.textContent ?? ''), await advice.elementHandle(), { timeout: 15_000 });
    await cell.screenshot({ path: 'test-results/reader-errors-memory.png' });
    await advice.locator('[data-action="advice-restart"]').click();
    await page.waitForFunction(() => document.querySelector('.status-bar [data-kernel]')?.getAttribute('data-kernel') !== 'busy');
  });

  it('Python habits: a + b, a[1] and a.dot(b) fail with an error that says what to write', async () => {
    let cell = await scratchRun('const a = nd.ones([2]), b = nd.ones([2]);\na + b');
    assert.equal(await cell.getAttribute('data-state'), 'error');
    const text = await cell.locator('.output-error').innerText();
    assert.match(text, /NDArrayCoercionError/);
    assert.match(text, /a\.add\(b\)/);
    cell = await scratchRun('const c = nd.ones([3]);\nc[1]');
    assert.match(await cell.locator('.output-error').innerText(), /c?\.?get\(1\)|a\.get\(1\)/);
    // a.dot(b) (NumPy's method) names the library's function, nd.dot(a, b), with its signature.
    cell = await scratchRun('nd.ones([2, 3]).dot(nd.ones([3, 2]))');
    assert.match(await cell.locator('.output-error').innerText(), /dot is not a function/);
    const advice = cell.locator('.error-advice[data-advice="nd-function"]');
    await advice.waitFor();
    assert.match(await advice.innerText(), /An NDArray has no method dot; the library has it as a function:\s*nd\.dot\(a: NDArray, b: NDArray/);
    await cell.screenshot({ path: 'test-results/reader-errors-nd-function.png' });
    cell = await scratchRun('const d = nd.ones([2]);\nprint(`d is ${d}`); String(d)');
    assert.equal(await cell.getAttribute('data-state'), 'done');
    assert.match(await cell.locator('.cell-outputs').innerText(), /d is \[1\. 1\.\]/);
  });

  it('the caret points at the column, past Chinese text and tabs in the line', async () => {
    const cell = await scratchRun("print('形状和数据类型',\tmissingName);");
    assert.equal(await cell.getAttribute('data-state'), 'error');
    const [caret, token] = await cell.locator('.error-source').evaluate((pre) => {
      const line = pre.firstChild; // the source line's text node
      const at = line.textContent.indexOf('missingName');
      const r = document.createRange();
      r.setStart(line, at);
      r.setEnd(line, at + 1);
      const c = document.createRange();
      const caretNode = pre.lastChild; // "^"
      c.setStart(caretNode, caretNode.textContent.indexOf('^'));
      c.setEnd(caretNode, caretNode.textContent.indexOf('^') + 1);
      return [c.getBoundingClientRect().left, r.getBoundingClientRect().left];
    });
    assert.ok(Math.abs(caret - token) < 2, `the caret is at ${caret} px, the name at ${token} px`);
  });
});
