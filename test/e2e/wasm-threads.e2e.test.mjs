// Multi-threaded WASM in the kernel (issue 8). By default one thread (two made training steps
// slower on 2 cores: src/lib/engine/wasm-threads.ts). Asked for threads, on a cross-origin
// isolated page the kernel's worker starts the threaded SIMD build with one thread per core (up
// to the pool of 8), and after both lockdowns (the kernel's, and the pthread workers' own written
// in at build time: src/build/pthread-lockdown.ts) its products are right and a Gluon model
// trains to the true weights; on a host without the isolation headers it runs the
// single-thread build and says why. Attacks on the pthread workers: kernel.e2e.test.mjs.
//
//   npx vite build --mode harness --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/wasm-threads.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveStatic, openKernelHarness } from './browser.mjs';

const distDir = process.env.E2E_DIST_DIR ?? '.cache/e2e-dist';
let browser;
const sites = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of sites) await s.close();
});

async function openHarness(isolated) {
  const site = await serveStatic(distDir, '/handson/', { isolated });
  sites.push(site);
  const page = await browser.context.newPage();
  await openKernelHarness(page, site.url);
  return page;
}

// A product large enough for XNNPACK to split across threads, checked against plain JS in the
// same cell; also whether the cell sees isolation and whether the lockdown removed Worker.
const CHECK_CELL = `const [m, k, n] = [97, 203, 121];
const a = nd.random.uniform(-1, 1, [m, k]);
const b = nd.random.uniform(-1, 1, [k, n]);
const got = await nd.dot(a, b).toArray();
const av = await a.toArray(), bv = await b.toArray();
let worst = 0;
for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
  let s = 0;
  for (let t = 0; t < k; t++) s += av[i][t] * bv[t][j];
  worst = Math.max(worst, Math.abs(s - got[i][j]));
}
JSON.stringify({ worst, isolated: self.crossOriginIsolated, worker: typeof Worker })`;

// Gluon linear regression (DataLoader, Dense, L2Loss, sgd) on the threads: 100 steps recover 20
// true weights and the bias (noise 0.01 over 1,000 examples leaves errors near 1e-3).
const TRAIN_CELL = `const trueW = nd.random.normal(0, 1, [20]);
const [features, labels] = d2l.syntheticData(trueW, 4.2, 1000);
const dataIter = new gluon.data.DataLoader(new gluon.data.ArrayDataset(features, labels), { batchSize: 100, shuffle: true });
const net = new gluon.nn.Sequential();
net.add(new gluon.nn.Dense(1));
net.initialize(new init.Normal(0.01));
const loss = new gluon.loss.L2Loss();
const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
const first = await loss.forward(net.forward(features), labels).mean().asScalar();
for (let epoch = 0; epoch < 10; epoch++) for (const [X, y] of dataIter) {
  autograd.record(() => loss.forward(net.forward(X), y)).backward();
  trainer.step(100);
}
const last = await loss.forward(net.forward(features), labels).mean().asScalar();
const w = await net.get(0).weight.data().reshape(-1).toArray(), tw = await trueW.toArray();
const b = await net.get(0).bias.data().asScalar();
JSON.stringify({ first, last, wErr: Math.max(...w.map((v, i) => Math.abs(v - tw[i]))), bErr: Math.abs(b - 4.2) })`;

async function cellValue(page, code) {
  const r = await page.evaluate((c) => window.harness.run(c), code);
  assert.equal(r.done.status, 'ok', JSON.stringify(r.outputs));
  const text = r.outputs.find((o) => o.kind === 'value')?.text;
  return JSON.parse(text.slice(1, -1)); // a string value prints in quotes: '{...}'
}

const check = (page) => cellValue(page, CHECK_CELL);

describe('WASM threads', () => {
  it('a cross-origin isolated page: one thread per core (up to 4) by default; one when asked; one per core in the kernel, right products, a model trains', async () => {
    const page = await openHarness(true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const byDefault = await page.evaluate(() => window.harness.start('wasm'));
    assert.equal(byDefault.backend, 'wasm', JSON.stringify(byDefault.fallbacks));
    assert.deepEqual(byDefault.wasm, { threads: Math.min(cores, 4), note: null });
    const one = await page.evaluate(() => window.harness.start('wasm', { wasmThreads: 1 }));
    assert.equal(one.wasm.threads, 1);
    assert.match(one.wasm.note, /one thread, as chosen/);
    const status = await page.evaluate(() => window.harness.start('wasm', { wasmThreads: null }));
    assert.equal(status.backend, 'wasm', JSON.stringify(status.fallbacks));
    assert.deepEqual(status.wasm, { threads: Math.min(cores, 8), note: null });
    const c = await check(page);
    assert.equal(c.isolated, true);
    assert.equal(c.worker, 'undefined', 'the lockdown must still remove Worker');
    assert.ok(c.worst < 1e-3, `matmul off by ${c.worst}`);
    const t = await cellValue(page, TRAIN_CELL);
    assert.ok(t.last < t.first / 100 && t.wErr < 0.01 && t.bErr < 0.01, `training on threads: ${JSON.stringify(t)}`);
    await page.close();
  });

  it('a host without the isolation headers: single-threaded, with the reason', async () => {
    const page = await openHarness(false);
    const status = await page.evaluate(() => window.harness.start('wasm', { wasmThreads: null }));
    assert.equal(status.backend, 'wasm', JSON.stringify(status.fallbacks));
    assert.equal(status.wasm.threads, 1);
    assert.match(status.wasm.note, /not cross-origin isolated/);
    const c = await check(page);
    assert.equal(c.isolated, false);
    assert.ok(c.worst < 1e-3, `matmul off by ${c.worst}`);
    await page.close();
  });
});
