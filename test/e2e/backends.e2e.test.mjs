// mx.withBackend in the real sandboxed kernel: every rung of the ladder can be used for a moment
// from a kernel started on WebGPU — WASM included, whose binary is fetched after the kernel's
// lockdown through the one fetch the kernel keeps (for its .wasm files only) — and the results agree.
//   npx vite build --mode harness --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/backends.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveDist, openKernelHarness } from './browser.mjs';

let site;
let browser;
let page;

before(async () => {
  site = await serveDist(process.env.E2E_DIST_DIR ?? '.cache/e2e-dist');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await openKernelHarness(page, site.url);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const run = async (code) => {
  const r = await page.evaluate((c) => window.harness.run(c), code);
  return { ...r, error: r.outputs.find((o) => o.kind === 'error'), values: r.outputs.filter((o) => o.kind === 'value').map((o) => o.text) };
};

describe('mx.withBackend in the kernel', () => {
  it('a kernel started on WebGPU computes the same product on webgl, wasm and cpu, then is back on WebGPU', async () => {
    const status = await page.evaluate(() => window.harness.start('webgpu'));
    assert.equal(status.backend, 'webgpu', JSON.stringify(status.fallbacks));
    await run('const A = [[1, 2, 3], [4, 5, 6]], B = [[0.5, -1], [2, 0.25], [-3, 1]];\nconst product = async () => Array.from(await nd.dot(nd.array(A), nd.array(B)).data());');
    const r = await run(`const results = {};
for (const name of ['webgpu', 'webgl', 'wasm', 'cpu']) results[name] = await mx.withBackend(name, async () => [mx.backendInfo().name, await product()]);
[results, mx.backendInfo().name]`);
    assert.equal(r.done.status, 'ok', r.error?.message);
    const [results, after] = JSON.parse(r.values[0].replace(/(\w+):/g, '"$1":'));
    assert.equal(after, 'webgpu');
    for (const [name, [ran, values]] of Object.entries(results)) {
      assert.equal(ran, name);
      assert.deepEqual(values, [-4.5, 2.5, -6, 3.25], `${name}: ${values}`);
    }
  });

  it('cells still cannot fetch', async () => {
    const r = await run('await fetch("tfjs-wasm/tfjs-backend-wasm.wasm")');
    assert.equal(r.done.status, 'error');
  });
});
