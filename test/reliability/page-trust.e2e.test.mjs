// The page trusts nothing the kernel says (issue 14, page side), in headless Chromium against the
// built reader served as a static host would (under /handson/). Each reproduction of the issue is
// a cell typed and run as a reader would: through the ordinary API (an Error whose message is an
// object, a table of 200,000 rows, 30,000 prints...), or through the kernel's port captured by the
// cell (wrapping MessagePort.prototype.postMessage) to speak for the kernel. After each, the page
// must be alive, its storage sane, and nothing saved or fetched that the page did not ask for.
// Counts: attacks tried and blocked.
//   RELIABILITY_DIST=.cache/rel-dist node --test test/reliability/page-trust.e2e.test.mjs
// (against a build from before the fixes, with PAGE_TRUST_RUN_MS=25000, every attack fails)
// Screenshots (capped output, download button, output error boundary) go to .cache/page-trust/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchBrowser, serveStatic } from '../e2e/browser.mjs';
import { recordCount } from './counts.mjs';

const SHOTS = '.cache/page-trust';
let site;
let browser;
let page;
let cell;
let sectionHash;
let tried = 0;
let blocked = 0;
const requests = [];
const downloads = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // TRUST_HOST=plain: a static host that sends no headers (GitHub Pages and most hosts), not cross-origin isolated.
  site = await serveStatic(process.env.RELIABILITY_DIST ?? '.cache/rel-dist', '/handson/', { isolated: process.env.TRUST_HOST !== 'plain' });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.goto(site.url);
  await page.waitForSelector('.toc');
  // The first section with a code cell; its first cell is edited as a reader would.
  const links = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href')));
  for (const href of links) {
    await page.evaluate((h) => (location.hash = h), href);
    await page.waitForSelector('.section-body');
    if ((await page.locator('.section-body .cell').count()) > 0) {
      sectionHash = href;
      break;
    }
  }
  cell = page.locator('.section-body .cell').first();
});

after(async () => {
  recordCount(process.env.TRUST_HOST === 'plain' ? 'page-trust-plain' : 'page-trust', { tried, blocked });
  await browser?.close();
  await site?.close();
});

/**
 * Each attack starts on the section with a live reader: an attack that blanked the page (as each
 * of these did before the page checked and bounded what cells send) must not fail the next one.
 */
async function ensureSection() {
  const alive = await page
    .evaluate(() => document.querySelector('.app .toc') !== null && document.querySelector('.section-body .cell') !== null)
    .catch(() => false);
  if (alive) return;
  await page.goto('about:blank'); // a new document (going to the same URL with a hash would not reload)
  await page.goto(`${site.url}${sectionHash}`);
  await page.waitForSelector('.section-body .cell', { timeout: 30000 });
  cell = page.locator('.section-body .cell').first();
}

/** One attack: counts as blocked only if `body` passes. */
function attack(name, body) {
  it(name, async () => {
    tried++;
    await ensureSection();
    await body();
    blocked++;
  });
}

async function typeCode(code) {
  await cell.scrollIntoViewIfNeeded();
  const content = cell.locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(code);
  await content.click();
}

/** Types and runs `code` in the cell; resolves with the cell's state and ms from run to end. */
/** How long a run may take (PAGE_TRUST_RUN_MS: shorter when checking that an old build fails). */
const RUN_MS = Number(process.env.PAGE_TRUST_RUN_MS ?? 120000);

async function runCode(code, timeout = RUN_MS) {
  await typeCode(code);
  // A run may start and end between two polls: a MutationObserver sees the state it went through.
  await page.evaluate((el) => {
    el.__started = false;
    el.__observer?.disconnect();
    el.__observer = new MutationObserver(() => {
      if (el.dataset.state === 'running' || el.dataset.state === 'queued') el.__started = true;
    });
    el.__observer.observe(el, { attributes: true, attributeFilter: ['data-state'] });
  }, await cell.elementHandle());
  const t0 = Date.now();
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((el) => el.__started && ['done', 'error', 'stopped'].includes(el.dataset.state), await cell.elementHandle(), { timeout });
  const ms = Date.now() - t0;
  await page.waitForTimeout(300); // the last batch of outputs (flushed every 50 ms)
  return { state: await cell.getAttribute('data-state'), ms };
}

/** The reader is alive: the section, its cells, the table of contents and the status bar are on screen. */
async function assertAlive() {
  assert.equal(await page.locator('.app .toc').count(), 1, 'the table of contents is gone (blank reader)');
  assert.ok((await page.locator('.section-body .cell').count()) > 0, 'the section lost its cells');
  assert.equal(await page.locator('footer.status-bar').count(), 1, 'the status bar is gone');
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.ok(Date.now() - t0 < 2000, `the page took ${Date.now() - t0} ms to paint a frame`);
}

const outputsText = () => cell.locator('.cell-outputs').innerText();

describe('one cell cannot blank the reader (ordinary API)', () => {
  attack('an Error whose message is an object shows an error in the cell', async () => {
    const { state } = await runCode("const e = new Error('m');\ne.message = { deep: { object: 1 } };\nthrow e;");
    assert.equal(state, 'error');
    assert.ok((await outputsText()).length > 0, 'the error vanished');
    await assertAlive();
  });
  attack('an Error whose name is an object shows an error in the cell', async () => {
    const { state } = await runCode("const e = new Error('m');\ne.name = { not: 'a string' };\nthrow e;");
    assert.equal(state, 'error');
    await assertAlive();
  });
  attack('a table caption that is an object', async () => {
    await runCode("d2l.showTable({ columns: ['a'], rows: [[1]] }, { caption: { x: 1 } });");
    await assertAlive();
  });
  attack('an image title that is an object', async () => {
    await runCode('await d2l.showImages(nd.zeros([1, 4, 4]), 1, 1, { titles: [{ x: 1 }] });');
    await assertAlive();
  });
  attack('an image of height 0', async () => {
    await runCode('await d2l.showImages(nd.zeros([1, 0, 4]), 1, 1);');
    await assertAlive();
  });
  attack('a log-scale chart of 300,000 points draws (thinned, said so)', async () => {
    const { state } = await runCode("const x = Array.from({ length: 300000 }, (_, i) => i + 1);\nd2l.plot(x, [x.map((v) => 1 / v)], { yScale: 'log', legend: ['1/x'] });");
    assert.equal(state, 'done');
    await page.waitForFunction(() => Number(document.querySelector('.cell .chart-plot')?.dataset.draws ?? 0) > 0, null, { timeout: 60000 });
    assert.equal(await cell.locator('.chart-failed').count(), 0, await outputsText());
    assert.match(await outputsText(), /of the 300,000 points of '1\/x' left out/);
    await assertAlive();
  });
});

describe('floods and huge outputs are bounded', () => {
  attack('a 50-million-character error message shows capped, the page stays responsive', async () => {
    const { state, ms } = await runCode("throw new Error('x'.repeat(50_000_000));");
    assert.equal(state, 'error');
    // The kernel caps an error message before it leaves the worker; the page caps what it is sent.
    const text = await outputsText();
    assert.match(text, /more characters of the error message left out/);
    assert.ok(text.length < 25_000, `the error shows ${text.length} characters`);
    assert.ok(ms < 30000, `took ${ms} ms`);
    await assertAlive();
  });
  attack('30,000 alternating stdout/stderr prints finish quickly, the rest is counted', async () => {
    const { state, ms } = await runCode("for (let i = 0; i < 30000; i++) (i % 2 ? console.warn : print)('line ' + i);");
    assert.equal(state, 'done');
    console.log(`30,000 alternating prints: ${ms} ms from run to done; the cell says ${await cell.locator('.cell-time').innerText()}`);
    assert.ok(ms < 30000, `30,000 alternating prints took ${ms} ms`);
    assert.ok((await cell.locator('.cell-outputs .output').count()) <= 1000);
    // The kernel merges prints per tick and stream; the page bounds what it keeps (outputs or
    // characters left out) and what it draws (a long text shows its first and last lines).
    assert.match(await outputsText(), /more (outputs|characters of output) were left out|more lines? \([\d,]+ characters\) not shown/);
    assert.ok((await cell.locator('.cell-outputs pre').evaluateAll((pres) => pres.reduce((n, p) => n + p.textContent.split('\n').length, 0))) <= 5000, 'the page draws a bounded number of lines');
    await assertAlive();
  });
  attack('a table with maxRows: Infinity (200,000 rows) shows 1,000 and says so', async () => {
    const { state } = await runCode("d2l.showTable({ columns: ['i', 'square'], rows: Array.from({ length: 200000 }, (_, i) => [i, i * i]) }, { maxRows: Infinity, caption: 'Squares' });");
    assert.equal(state, 'done');
    assert.equal(await cell.locator('.output-table tbody tr').count(), 1000);
    assert.match(await outputsText(), /199,000 more rows left out/);
    await cell.locator('.output-dropped').last().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/capped-table.png` });
    await assertAlive();
  });
  attack('20,000 unhandled rejections make at most 1,000 error blocks', async () => {
    await runCode("for (let i = 0; i < 20000; i++) Promise.reject(new Error('r' + i));\nawait new Promise((r) => setTimeout(r, 1000));");
    await page.waitForTimeout(1000);
    assert.ok((await cell.locator('.output-error').count()) <= 1000);
    await assertAlive();
  });
  attack('chart titles, legends and axis labels never become links', async () => {
    const link = '<a href="https://evil.example/steal">click</a>';
    await runCode(`d2l.plot([0, 1, 2], [[0, 1, 4]], { title: ${JSON.stringify(link)}, legend: [${JSON.stringify(link)}], xLabel: ${JSON.stringify(link)}, yLabel: ${JSON.stringify(link)} });`);
    await page.waitForFunction(() => Number(document.querySelector('.cell .chart-plot')?.dataset.draws ?? 0) > 0, null, { timeout: 60000 });
    await page.waitForTimeout(500);
    // Plotly draws links as SVG <a> with href or xlink:href.
    const links = await cell.locator('.output-chart a').evaluateAll((as) => as.filter((a) => /evil\.example/.test(a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '')).length);
    assert.equal(links, 0, 'a live link in the chart');
    assert.ok((await cell.locator('.output-chart').innerText()).includes('<a href'), 'the label is not shown as written');
  });
});

describe('downloads need the reader’s click', () => {
  attack('nd.download offers a button with a safe name and the size; nothing is saved without a click', async () => {
    downloads.length = 0;
    const { state } = await runCode("await nd.save('invoice.pdf.exe', [nd.arange(4)]);\nawait nd.download('invoice.pdf.exe');\nawait nd.save('evil.html', [nd.arange(2)]);\nawait nd.download('evil.html');");
    assert.equal(state, 'done', await cell.innerText());
    await page.waitForTimeout(1500);
    assert.deepEqual(downloads, [], 'a file was saved without a click');
    const offers = cell.locator('.download-offer');
    assert.equal(await offers.count(), 2);
    assert.equal(await offers.nth(0).getAttribute('data-download-name'), 'invoice_pdf_exe.bin');
    assert.equal(await offers.nth(1).getAttribute('data-download-name'), 'evil_html.bin');
    assert.match(await offers.nth(0).innerText(), /invoice_pdf_exe\.bin \(\d+ B\)/);
    await offers.nth(0).screenshot({ path: `${SHOTS}/download-offer.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), offers.nth(0).locator('[data-testid="cell-download"]').click()]);
    assert.equal(download.suggestedFilename(), 'invoice_pdf_exe.bin');
  });
});

// The cell captures the kernel's port (when the kernel lets it) and speaks for the kernel.
const CAPTURE = `
const original = MessagePort.prototype.postMessage;
let port = null;
MessagePort.prototype.postMessage = function (...args) { port ??= this; return original.apply(this, args); };
print('capturing');
await new Promise((r) => setTimeout(r, 100));
print('again');
await new Promise((r) => setTimeout(r, 100));
MessagePort.prototype.postMessage = original;
`;

describe('a cell that captured the kernel’s port', () => {
  attack('spoofed probes, statuses, assets, downloads and outputs change nothing the page keeps', async () => {
    const probe = (extra) => ({ version: 1, key: 'k', chosen: 'wasm', basis: 'fastest', trials: [], recheck: null, measuredAt: new Date().toISOString(), totalMs: 1, fromCache: false, ...extra });
    const before = await page.evaluate(() => ({ ...localStorage }));
    downloads.length = 0;
    const since = requests.length;
    const code = `${CAPTURE}
if (port === null) { print('no port'); } else {
  const status = (extra) => ({ type: 'status', state: 'idle', backend: 'wasm', fallbacks: [], probe: null, wasm: null, memory: null, ...extra });
  port.postMessage(status({ probe: ${JSON.stringify(probe({ key: 'x'.repeat(64) }))}, state: 'idle' }));
  port.postMessage(status({ probe: { ...${JSON.stringify(probe({}))}, key: 'x'.repeat(5 * 1024 * 1024) } }));
  port.postMessage(status({ probe: ${JSON.stringify(probe({ trials: [{ name: 'wasm', outcome: 'timed', ms: 'twelve', samples: [], stoppedEarly: false }] }))} }));
  port.postMessage(status({ backend: '__proto__' }));
  port.postMessage(status({ backend: 'constructor' }));
  port.postMessage({ type: 'asset-request', requestId: 1, path: '../index.html' });
  port.postMessage({ type: 'asset-request', requestId: 2, path: '..\\\\index.html?.wasm' });
  port.postMessage({ type: 'storage-request', requestId: 3, runId: null, op: 'download', name: 'evil.html', bytes: new TextEncoder().encode('<script>alert(1)</script>') });
  port.postMessage({ type: 'output', id: 'run-1', output: { kind: 'error', name: { x: 1 }, message: 'spoof', line: null, column: null, sourceLine: null } });
  port.postMessage({ type: 'output', id: 'run-1', output: { kind: 'images', images: [{ width: 100000, height: 100000, channels: 1, pixels: new Uint8Array(4) }], columns: 1, scale: 1 } });
  print('sent');
}`;
    const { state } = await runCode(code);
    const shown = await outputsText();
    await page.waitForTimeout(1000);
    assert.notEqual(state, 'running');
    await assertAlive();
    const after = await page.evaluate(() => ({ ...localStorage }));
    const probeKept = after['handson/backend-probe'];
    assert.ok(probeKept === undefined || probeKept === before['handson/backend-probe'] || probeKept.length < 16 * 1024, 'a spoofed probe was stored');
    if (probeKept !== undefined) assert.ok(!probeKept.includes('xxxxxxxx'), 'a spoofed probe was stored');
    assert.deepEqual(downloads, [], 'a spoofed download was saved');
    const fetched = requests.slice(since).filter((u) => /index\.html/.test(u));
    assert.deepEqual(fetched, [], 'the page fetched a URL the kernel named');
    if (shown.includes('sent')) {
      const rejected = Number(await page.locator('footer.status-bar').getAttribute('data-rejected'));
      assert.ok(rejected >= 5, `the page counted ${rejected} refused messages`);
    }
    // The reader is not blanked at the next kernel start either (a poisoned probe was the cause).
    await page.reload();
    await page.waitForSelector('.section-body .cell');
    cell = page.locator('.section-body .cell').first();
    const next = await runCode('1 + 1');
    assert.equal(next.state, 'done');
    assert.match(await outputsText(), /2/);
  });

  attack('a flood of status messages is cut off by the page; Stop stays clickable', async () => {
    const code = `${CAPTURE}
if (port === null) { print('no port'); } else {
  const s = { type: 'status', state: 'busy', backend: 'wasm', fallbacks: [], probe: null, wasm: null, memory: { numTensors: 1, numBytes: 1 } };
  for (let i = 0; ; i++) { port.postMessage(s); if (i % 200 === 0) await null; }
}`;
    await typeCode(code);
    const t0 = Date.now();
    await page.keyboard.press('Control+Enter');
    // The page stops a kernel that floods it within about a second; if it is still running, Stop must work.
    await page.waitForTimeout(3000);
    if ((await cell.getAttribute('data-state')) === 'running') await cell.locator('button', { hasText: 'Stop' }).click({ timeout: 5000 });
    await page.waitForFunction((el) => el.dataset.state !== 'running', await cell.elementHandle(), { timeout: 15000 });
    const ms = Date.now() - t0;
    assert.ok(ms < 12000, `the flood ran ${ms} ms`);
    const notices = await page.locator('[data-notice="kernel"]').allInnerTexts();
    if (!(await outputsText().catch(() => '')).includes('no port')) assert.ok(notices.some((n) => /more than 1000 status messages in one second/.test(n)), notices.join(' | '));
    await assertAlive();
    // The next run works on the restarted kernel.
    assert.equal((await runCode('2 + 2')).state, 'done');
  });
});

describe('a failing output stays in its place', () => {
  attack('an output whose drawing throws shows an error where it was; the cell and section stay', async () => {
    await page.evaluate(() => {
      window.__putImageData = CanvasRenderingContext2D.prototype.putImageData;
      CanvasRenderingContext2D.prototype.putImageData = () => {
        throw new Error('the canvas refused to draw');
      };
    });
    try {
      await runCode("print('before');\nawait d2l.showImages(nd.random.uniform(0, 1, [2, 8, 8]), 1, 2);\nprint('after');");
      const boundary = cell.locator('.render-error');
      await boundary.waitFor({ timeout: 10000 });
      assert.match(await boundary.innerText(), /This output could not be shown: the canvas refused to draw/);
      assert.match(await outputsText(), /before[\s\S]*after/);
      await cell.screenshot({ path: `${SHOTS}/output-error-boundary.png` });
      await assertAlive();
    } finally {
      await page.evaluate(() => (CanvasRenderingContext2D.prototype.putImageData = window.__putImageData));
    }
  });
});

describe('routing and storage', () => {
  attack('a hash with a broken escape shows "not found", not a blank site', async () => {
    await page.evaluate(() => (location.hash = '#/%E0%A4%A'));
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.app .toc').count(), 1, 'blank site');
    assert.match(await page.locator('main.content').innerText(), /Not in this book/);
    await page.evaluate((h) => (location.hash = h), sectionHash);
    await page.waitForSelector('.section-body .cell');
    cell = page.locator('.section-body .cell').first();
  });

  attack('edits survive a storage filled by someone else: the app’s reserve makes room', async () => {
    const filled = await page.evaluate(() => {
      let n = 0;
      const chunk = 'j'.repeat(256 * 1024);
      try {
        for (;; n++) localStorage.setItem(`junk/${n}`, chunk);
      } catch {
        // full
      }
      let small = 0;
      try {
        for (;; small++) localStorage.setItem(`junk/small/${small}`, 'j'.repeat(1024));
      } catch {
        // full to the last KB
      }
      return n;
    });
    assert.ok(filled > 0);
    // Longer than what the section saved before, so the save needs room the full storage does not have.
    await typeCode(`// kept through a full storage\n// ${'x'.repeat(8000)}\nnd.arange(3)`);
    await page.waitForTimeout(1500); // saved after a short pause
    await page.reload();
    await page.waitForSelector('.section-body .cell');
    cell = page.locator('.section-body .cell').first();
    assert.match(await cell.locator('.cell-editor').innerText(), /kept through a full storage/);
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('junk/')) localStorage.removeItem(k);
    });
  });
});
