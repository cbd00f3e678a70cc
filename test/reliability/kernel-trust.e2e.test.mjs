// Trusting the kernel's side of the sandbox (issue 14), as a hostile cell and a hostile site
// would attack it, in headless Chromium against the built site served as a static host would:
//  - the worker's global scope is an allowlist: storageBuckets, usb, hid, serial, locks, storage,
//    Cache Storage, IndexedDB, BroadcastChannel, WebTransport, WebSocket, EventSource, fetch, XHR,
//    close and the rest are gone, from the global, its prototypes and navigator;
//  - a cell cannot reach the kernel's port (wrapping MessagePort.prototype.postMessage or
//    MessageEvent.prototype.data neither forges nor reads kernel messages);
//  - close() in a cell ends the cell with an error instead of leaving it running forever;
//  - the .wasm fetch kept for TensorFlow.js serves the three binaries only (that it never POSTs:
//    test/unit/kernel/lockdown.test.ts); import() of a same-origin script is refused;
//  - a page of another origin (a second local server) that frames kernel-frame.html or the
//    reader gets no kernel.
// Counts: attacks tried and blocked (category 'kernel-trust').
//   RELIABILITY_DIST=dist node --test test/reliability/kernel-trust.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openKernelHarness, serveStatic } from '../e2e/browser.mjs';
import { recordCount } from './counts.mjs';

const dist = process.env.RELIABILITY_DIST ?? '.cache/rel-dist';
let site;
let evil;
let evilPage = '';
let browser;
let page;
let tried = 0;
let blocked = 0;

before(async () => {
  // A same-origin script with a visible effect: what a cell's import() would run.
  await writeFile(join(dist, 'import-probe.js'), 'globalThis.__imported = "the site\'s script ran"; export default 1;\n');
  // TRUST_HOST=plain: a static host that sends no headers (GitHub Pages and most hosts), not cross-origin isolated.
  site = await serveStatic(dist, '/handson/', { isolated: process.env.TRUST_HOST !== 'plain' });
  // The hostile site: another port of the same host is another origin. Serves whatever page the test sets.
  evil = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(evilPage));
  await new Promise((r) => evil.listen(0, '127.0.0.1', r));
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await openKernelHarness(page, site.url);
  await page.evaluate(() => window.harness.start('wasm'));
});

after(async () => {
  recordCount(process.env.TRUST_HOST === 'plain' ? 'kernel-trust-plain' : 'kernel-trust', { tried, blocked });
  await browser?.close();
  await site?.close();
  await new Promise((r) => evil?.close(() => r()));
});

/** One attack: counts as blocked only if `body` passes. */
function attack(name, body) {
  it(name, async () => {
    tried++;
    await body();
    blocked++;
  });
}

const run = (code) => page.evaluate((c) => window.harness.run(c), code);
const valueOf = (r) => r.outputs.filter((o) => o.kind === 'value').map((o) => o.text);
const textOf = (r) => r.outputs.map((o) => (o.kind === 'text' || o.kind === 'value' ? o.text : o.kind === 'error' ? `${o.name}: ${o.message}` : '')).join('\n');

describe("the worker's global scope is an allowlist", () => {
  const GONE_FROM_GLOBAL = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'WebTransport', 'EventSource', 'importScripts', 'Worker', 'SharedWorker', 'indexedDB', 'IDBFactory', 'caches', 'CacheStorage', 'BroadcastChannel', 'StorageBucketManager', 'StorageManager', 'LockManager', 'USB', 'HID', 'Serial', 'FileSystemHandle', 'FileSystemDirectoryHandle', 'FileSystemSyncAccessHandle', 'webkitRequestFileSystem', 'webkitRequestFileSystemSync', 'Notification', 'close', 'postMessage', 'fonts', 'FontFace', 'RTCDataChannel', 'Permissions', 'NetworkInformation'];
  const GONE_FROM_NAVIGATOR = ['storageBuckets', 'usb', 'hid', 'serial', 'locks', 'storage', 'permissions', 'connection', 'mediaCapabilities', 'userAgentData', 'deviceMemory'];
  attack(`${GONE_FROM_GLOBAL.length} APIs are gone from the global and every prototype of it`, async () => {
    const r = await run(`const left = [];
for (const name of ${JSON.stringify(GONE_FROM_GLOBAL)}) for (let o = self; o; o = Object.getPrototypeOf(o)) if (Object.getOwnPropertyDescriptor(o, name)?.value !== undefined || Object.getOwnPropertyDescriptor(o, name)?.get) left.push(name);
left`);
    assert.deepEqual(valueOf(r), ['[]'], JSON.stringify(r.outputs));
  });
  attack(`${GONE_FROM_NAVIGATOR.length} APIs are gone from navigator and WorkerNavigator.prototype`, async () => {
    const r = await run(`const left = [];
for (const name of ${JSON.stringify(GONE_FROM_NAVIGATOR)}) for (let o = navigator; o; o = Object.getPrototypeOf(o)) if (Object.getOwnPropertyDescriptor(o, name)) left.push(name);
left`);
    assert.deepEqual(valueOf(r), ['[]'], JSON.stringify(r.outputs));
  });
  attack('navigator.storageBuckets cannot open a bucket (persistent IndexedDB, Cache Storage, OPFS)', async () => {
    const r = await run("const b = await navigator.storageBuckets.open('exfil'); await b.indexedDB.open('x'); 'opened'");
    assert.equal(r.done.status, 'error', JSON.stringify(r.outputs));
  });
  it('what stays is what the kernel needs: WebGPU, WebGL, WASM, timers (listed for the record)', async () => {
    const r = await run(`const names = new Set();
for (let o = self; o && Object.getPrototypeOf(o); o = Object.getPrototypeOf(o)) for (const n of Object.getOwnPropertyNames(o)) names.add(n);
const nav = new Set();
for (let o = navigator; o && Object.getPrototypeOf(o); o = Object.getPrototypeOf(o)) for (const n of Object.getOwnPropertyNames(o)) nav.add(n);
({ global: names.size, navigator: [...nav].sort().join(' '), gpu: typeof navigator.gpu, webgl: typeof WebGL2RenderingContext, wasm: typeof WebAssembly, canvas: typeof OffscreenCanvas })`);
    const shown = valueOf(r)[0] ?? '';
    console.log(`  kept in the worker: ${shown.replace(/\s+/g, ' ')}`);
    for (const needed of ['gpu: "object"', 'webgl: "function"', 'wasm: "object"', 'canvas: "function"']) assert.ok(shown.includes(needed), `${needed}: ${shown}`);
  });
});

describe("a cell cannot reach the kernel's port", () => {
  attack('wrapping MessagePort.prototype.postMessage and MessageEvent.prototype.data neither forges outputs nor reads the next cell', async () => {
    const r1 = await run(`globalThis.__seen = [];
globalThis.__wrapped = [];
const post = MessagePort.prototype.postMessage;
try {
  Object.defineProperty(MessagePort.prototype, 'postMessage', { configurable: true, writable: true, value: function (m, t) {
    globalThis.__seen.push(JSON.stringify(m));
    if (m && m.type === 'done') post.call(this, { type: 'output', id: m.id, output: { kind: 'text', stream: 'stdout', text: 'FORGED by a cell' } });
    return post.call(this, m, t);
  } });
  globalThis.__wrapped.push('postMessage');
} catch (e) {}
const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data').get;
try {
  Object.defineProperty(MessageEvent.prototype, 'data', { configurable: true, get() { const d = data.call(this); globalThis.__seen.push(JSON.stringify(d)); return d; } });
  globalThis.__wrapped.push('data');
} catch (e) {}
const add = EventTarget.prototype.addEventListener;
try { EventTarget.prototype.addEventListener = function () { globalThis.__seen.push('listener'); }; } catch (e) {}
if (EventTarget.prototype.addEventListener !== add) globalThis.__wrapped.push('addEventListener');
globalThis.__wrapped`);
    console.log(`  wraps that took: ${valueOf(r1)}`);
    const r2 = await run("print('the reader types SECRET-CELL-CODE-42')");
    assert.ok(!textOf(r2).includes('FORGED'), `a forged output reached the page: ${textOf(r2)}`);
    assert.ok(!textOf(r1).includes('FORGED'), `a forged output reached the page: ${textOf(r1)}`);
    const r3 = await run('globalThis.__seen.filter((s) => s.includes("SECRET-CELL-CODE-42") || s.includes("\\"type\\":\\"execute\\"") || s.includes("\\"type\\":\\"done\\"")).length');
    assert.deepEqual(valueOf(r3), ['0'], `the cell read kernel messages: ${JSON.stringify(r3.outputs)}`);
  });
});

describe('a cell always ends', () => {
  for (const [name, code] of Object.entries({ 'close()': 'close(); await new Promise((r) => setTimeout(r, 500)); "still here"', 'self.close()': 'self.close(); await new Promise((r) => setTimeout(r, 500)); "still here"', 'a thrown revoked Proxy': 'const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); throw proxy;', 'an Error whose message getter throws': "const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw e; } }); throw e;" })) {
    attack(`${name}: the cell ends with an error, and the kernel runs the next cell`, async () => {
      const r = await Promise.race([run(code), new Promise((res) => setTimeout(() => res(null), 15000))]);
      assert.ok(r, `${name}: the cell never ended`);
      assert.equal(r.done.status, 'error', JSON.stringify(r.outputs));
      assert.deepEqual(valueOf(await run('40 + 2')), ['42']);
    });
  }
  attack('a 5-million-character error message arrives capped', async () => {
    const r = await run("throw new Error('x'.repeat(5e6))");
    const error = r.outputs.find((o) => o.kind === 'error');
    assert.ok(error && error.message.length < 20000, `message of ${error?.message.length} characters`);
  });
  attack('100,000 prints arrive as a few messages', async () => {
    const r = await run('for (let i = 0; i < 100000; i++) print(i)');
    assert.ok(r.outputs.length < 30, `${r.outputs.length} outputs`);
    assert.ok(textOf(r).endsWith('99999\n'));
  });
});

describe('no same-origin URL beyond the three WASM binaries', () => {
  const base = "location.origin + '/handson/tfjs-wasm/'";
  attack("the kept .wasm fetch refuses base + '..\\\\index.html?.wasm' (a prefix check's hole)", async () => {
    const r = await run(`const res = await _tfengine.ENV.platform.fetch(${base} + '..\\\\index.html?.wasm'); (await res.text()).slice(0, 40)`);
    assert.equal(r.done.status, 'error', `read a same-origin page: ${JSON.stringify(r.outputs)}`);
  });
  attack("import() of a same-origin script is refused (it would carry data to the origin's server)", async () => {
    const r = await run("try { await import(location.origin + '/handson/import-probe.js?secret=42'); } catch (e) {}\nString(globalThis.__imported)");
    assert.deepEqual(valueOf(r), ["'undefined'"], JSON.stringify(r.outputs));
  });
});

describe('another origin cannot drive the kernel', () => {
  attack('a page of another origin that frames kernel-frame.html gets no kernel, even with a secret of its own', async () => {
    const frameUrl = `${site.url}kernel-frame.html#${'a'.repeat(32)}`;
    evilPage = `<!doctype html><iframe id="k" src="${frameUrl}"></iframe><script>
window.got = [];
const k = document.getElementById('k');
function connect() {
  const ch = new MessageChannel();
  ch.port1.onmessage = (e) => window.got.push(e.data.type);
  k.contentWindow.postMessage({ type: 'connect', port: ch.port2, secret: '${'a'.repeat(32)}' }, '*', [ch.port2]);
  ch.port1.postMessage({ type: 'start', backend: 'cpu' });
  ch.port1.postMessage({ type: 'execute', id: 'x', cellId: 'x', code: 'print(1)' });
}
window.addEventListener('message', (e) => { if (e.data && e.data.type) window.got.push('frame:' + e.data.type); });
k.onload = () => { connect(); setTimeout(connect, 1000); };
</script>`;
    const p = await browser.context.newPage();
    try {
      await p.goto(`http://127.0.0.1:${evil.address().port}/`);
      await p.waitForTimeout(6000);
      assert.deepEqual(await p.evaluate(() => window.got), []);
    } finally {
      await p.close();
    }
  });
  attack('the reader framed by another origin does not start a kernel, and says why', async () => {
    evilPage = `<!doctype html><iframe id="r" style="width:1200px;height:800px" src="${site.url}"></iframe>`;
    const p = await browser.context.newPage();
    try {
      await p.goto(`http://127.0.0.1:${evil.address().port}/`);
      const reader = p.frameLocator('#r');
      await reader.locator('.toc').waitFor();
      const frame = p.frames().find((f) => f.url().startsWith(site.url));
      const links = await frame.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href')));
      for (const href of links) {
        await frame.evaluate((h) => (location.hash = h), href);
        await frame.waitForSelector('.section-body');
        if ((await frame.locator('.section-body .cell').count()) > 0) break;
      }
      const cell = frame.locator('.section-body .cell').first();
      await cell.scrollIntoViewIfNeeded();
      await cell.locator('.cm-content').click();
      await p.keyboard.press('Control+Enter');
      await frame.waitForFunction((el) => ['done', 'error', 'stopped'].includes(el.dataset.state), await cell.elementHandle(), { timeout: 30000 });
      const shown = await frame.locator('body').innerText();
      assert.match(shown, /inside a page of another site/);
      assert.equal(await frame.locator('iframe').count(), 0, 'a kernel frame was created');
    } finally {
      await p.close();
    }
  });
});
