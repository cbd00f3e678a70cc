// The kernel in a real browser: cells run in the sandboxed worker on WebGPU and WebGL, a stop
// ends an infinite loop within a second without freezing the page, attack cells fail, and a
// training loop streams live chart updates.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveDist, openKernelHarness } from './browser.mjs';

let site;
let browser;
let page;
const consoleErrors = [];

before(async () => {
  site = await serveDist(process.env.E2E_DIST_DIR ?? 'dist');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await openKernelHarness(page, site.url);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const run = (code) => page.evaluate((c) => window.harness.run(c), code);
const valueOf = (r) => r.outputs.filter((o) => o.kind === 'value').map((o) => o.text);
const errorOf = (r) => r.outputs.find((o) => o.kind === 'error');

for (const backend of ['webgpu', 'webgl']) {
  describe(`cells on ${backend}`, () => {
    it('starts on that backend and runs library code', async () => {
      const status = await page.evaluate((b) => window.harness.start(b), backend);
      assert.equal(status.backend, backend, `fell back: ${JSON.stringify(status.fallbacks)}`);
      const r = await run('const x = nd.array([[1, 2], [3, 4]]);\nconst w = nd.ones([2, 1]);\nnd.dot(x, w)');
      assert.equal(r.done.status, 'ok', JSON.stringify(r.outputs));
      assert.equal(valueOf(r)[0], `[[3.]\n [7.]]\n<NDArray 2x1 @${backend}(0)>`);
      const g = await run('w.attachGrad();\nautograd.record(() => nd.dot(x, w).sum()).backward();\nawait w.grad.toArray()');
      assert.deepEqual(valueOf(g), ['[[4], [6]]']);
    });
  });
}

describe('stop', () => {
  it('stops a synchronous infinite loop within a second; the page stays responsive', async () => {
    await page.evaluate(() => window.harness.start('wasm'));
    await run('const survivor = 42;');
    const result = await page.evaluate(async () => {
      const h = window.harness;
      const started = performance.now();
      const donePromise = h.run('let n = 0;\nwhile (true) { n++; }');
      await new Promise((r) => setTimeout(r, 300));
      // The page must still answer while the kernel spins.
      const t = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      const pageLatency = performance.now() - t;
      const stopAt = performance.now();
      const how = await h.interrupt();
      const done = await donePromise;
      return { how, status: done.done.status, stopMs: performance.now() - stopAt, pageLatency, total: performance.now() - started };
    });
    assert.ok(result.stopMs < 1000, `stop took ${result.stopMs} ms`);
    assert.ok(result.pageLatency < 50, `page blocked for ${result.pageLatency} ms`);
    if (result.how === 'interrupted') {
      assert.deepEqual(valueOf(await run('survivor')), ['42']); // soft interrupt kept the state
    } else {
      assert.equal(result.how, 'restarted');
      assert.ok((await page.evaluate(() => window.harness.resets.length)) > 0);
    }
    console.log(`stop: ${result.how} in ${result.stopMs.toFixed(0)} ms (cross-origin isolated: ${await page.evaluate(() => window.harness.crossOriginIsolated)})`);
  });

  it('no main-thread long task over 50 ms while a training cell runs', async () => {
    await page.evaluate(() => window.harness.start('wasm'));
    const longest = await page.evaluate(async () => {
      const tasks = [];
      const obs = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
      obs.observe({ type: 'longtask', buffered: false });
      const r = await window.harness.run(`const W = nd.random.normal(0, 0.01, [784, 10]);
W.attachGrad();
const anim = new d2l.Animator({ legend: ['loss'] });
for (let i = 0; i < 60; i++) {
  const X = nd.random.normal(0, 1, [64, 784]);
  const l = autograd.record(() => nd.dot(X, W).square().mean());
  l.backward();
  W.subInPlace(W.grad.mul(0.1));
  anim.add(i, [await l.asScalar()]);
}`);
      obs.disconnect();
      return { status: r.done.status, charts: r.chartUpdates, longest: Math.max(0, ...tasks) };
    });
    assert.equal(longest.status, 'ok');
    assert.ok(longest.charts >= 2, `live chart updates: ${longest.charts}`);
    assert.ok(longest.longest <= 50, `longest main-thread task ${longest.longest} ms`);
  });
});

describe('sandbox: attack cells fail', () => {
  const attacks = {
    'read localStorage': 'localStorage.getItem("handson-edits")',
    'open IndexedDB': 'await new Promise((res, rej) => { const r = indexedDB.open("x"); r.onsuccess = () => res("opened"); r.onerror = () => rej(r.error); })',
    'open Cache Storage': 'await caches.open("x")',
    'read cookies': 'document.cookie',
    'fetch another origin': 'await (await fetch("https://example.com/")).text()',
    'fetch via XMLHttpRequest': 'const q = new XMLHttpRequest(); q.open("GET", "https://example.com/"); q.send(); "sent"',
    'importScripts': 'importScripts("https://example.com/x.js")',
    'dynamic import from another origin': 'await import("https://example.com/x.js")',
    'nested worker': 'new Worker(URL.createObjectURL(new Blob(["postMessage(1)"])))',
    'touch parent': 'parent.document.body.innerHTML = "pwned"',
    'touch top': 'top.location.href = "https://example.com/"',
    'open a window': 'open("https://example.com/")',
    'navigate': 'location.assign("https://example.com/")',
    'recover IndexedDB from the prototype': 'Object.getOwnPropertyDescriptor(WorkerGlobalScope.prototype, "indexedDB").get.call(self).open("x")',
    'open the origin private file system': 'await navigator.storage.getDirectory()',
    'fetch the site through a new realm': 'await new SharedWorker("data:text/javascript,1")',
  };
  before(async () => {
    await page.evaluate(() => localStorage.setItem('handson-edits', 'the reader\'s work'));
    await page.evaluate(() => window.harness.start('webgpu'));
  });
  for (const [name, code] of Object.entries(attacks)) {
    it(name, async () => {
      const r = await run(code);
      assert.equal(r.done.status, 'error', `${name} did not fail: ${JSON.stringify(r.outputs)}`);
    });
  }
  it('the page and its storage are untouched, and WebGPU still works in the kernel', async () => {
    assert.equal(await page.evaluate(() => localStorage.getItem('handson-edits')), 'the reader\'s work');
    assert.equal(await page.evaluate(() => document.body.innerHTML.includes('pwned')), false);
    const r = await run('mx.currentContext().toString()');
    assert.deepEqual(valueOf(r), ["'webgpu(0)'"]);
  });
});
