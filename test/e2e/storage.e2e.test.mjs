// Saving and loading in a real browser: cells' files go through the kernel's storage relay to
// the page's IndexedDB (a database of its own), survive a page reload, come out as real
// downloads and go back in as uploads; the reader's own storage is never touched.
//
//   npx vite build --mode harness --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/storage.e2e.test.mjs
// (E2E_DIST_DIR defaults to .cache/e2e-dist.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, serveDist, openKernelHarness } from './browser.mjs';

let site;
let browser;
let page;

const openHarness = async () => {
  await openKernelHarness(page, site.url);
};

before(async () => {
  site = await serveDist(process.env.E2E_DIST_DIR ?? '.cache/e2e-dist');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await openHarness();
  await page.evaluate(() => localStorage.setItem('handson-edits', "the reader's work"));
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const run = async (code) => {
  const r = await page.evaluate((c) => window.harness.run(c), code);
  const error = r.outputs.find((o) => o.kind === 'error');
  return { ...r, error, values: r.outputs.filter((o) => o.kind === 'value').map((o) => o.text) };
};
const ok = async (code) => {
  const r = await run(code);
  assert.equal(r.done.status, 'ok', r.error ? `${r.error.name}: ${r.error.message}` : JSON.stringify(r.outputs));
  return r;
};

const NET = `const net = new gluon.nn.Sequential();
net.add(new gluon.nn.Dense(16, { activation: 'relu', inUnits: 5 }), new gluon.nn.Dense(3, { inUnits: 16 }));`;

describe('storage relay in the browser', () => {
  it('save, reload the page (a new kernel), load: identical predictions', async () => {
    await page.evaluate(() => window.harness.start('wasm'));
    const saved = await ok(`${NET}
net.initialize(new init.Xavier());
const X = nd.random.uniform(-1, 1, [4, 5]);
await nd.save('e2e-X', X);
await net.saveParameters('e2e-mlp.params');
await net.forward(X).toArray()`);
    const files = await page.evaluate(() => window.harness.storedFiles());
    assert.deepEqual(files.map((f) => f.name).sort(), ['e2e-X', 'e2e-mlp.params']);
    await openHarness(); // a page reload: a fresh client, kernel and worker
    await page.evaluate(() => window.harness.start('wasm'));
    const loaded = await ok(`${NET}
await net.loadParameters('e2e-mlp.params');
await net.forward(await nd.load('e2e-X')).toArray()`);
    assert.equal(loaded.values[0], saved.values[0]);
  });

  it('download: the file the reader gets has exactly the stored bytes', async () => {
    await page.evaluate(() => window.harness.useRealDownloads(true));
    const [download] = await Promise.all([page.waitForEvent('download'), ok("await nd.save('dir/e2e-w.nd', nd.arange(12).reshape([3, 4]), { download: true });")]);
    await page.evaluate(() => window.harness.useRealDownloads(false));
    assert.equal(download.suggestedFilename(), 'e2e-w.nd');
    const got = new Uint8Array(await readFile(await download.path()));
    const stored = await page.evaluate(() => window.harness.readStored('dir/e2e-w.nd'));
    assert.deepEqual(Array.from(got), stored);
    assert.ok(stored.length > 48, `stored ${stored.length} bytes`);
  });

  it('upload: the chosen file is stored under its name and loads', async () => {
    const bytes = await page.evaluate(() => window.harness.readStored('dir/e2e-w.nd'));
    await page.evaluate((b) => window.harness.queueUpload('uploaded.nd', b), bytes);
    const r = await ok("const up = await nd.upload();\n[up, await (await nd.load(up)).sum().asScalar()]");
    assert.deepEqual(r.values, ['["uploaded.nd", 66]']);
    assert.ok((await page.evaluate(() => window.harness.storedFiles())).some((f) => f.name === 'uploaded.nd'));
  });

  it('without an upload UI (the default storage) nd.upload fails with a clear message', async () => {
    await page.evaluate(() => window.harness.start('wasm', { defaultStorage: true }));
    const r = await run('await nd.upload()');
    assert.equal(r.done.status, 'error');
    assert.match(r.error.message, /could not ask for a file to upload: this page has no upload button/);
    // The default storage is the same database: files saved above are there.
    assert.deepEqual((await ok("await (await nd.load('dir/e2e-w.nd')).shape")).values, ['[3, 4]']);
  });

  it("the reader's storage is untouched and the files live in their own database", async () => {
    assert.equal(await page.evaluate(() => localStorage.getItem('handson-edits')), "the reader's work");
    const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(names.includes('handson-dl-kernel-files'), JSON.stringify(names));
  });
});
