// Faults the kernel survives, in headless Chromium through the real kernel (the sandboxed worker
// of the built site, test/e2e/kernel-harness.html): a cell allocating far too much, errors
// thrown from timers, unawaited promises, generators and async code, a training loss that
// becomes NaN, the WebGPU device lost and the WebGL context lost mid-training, and a long session
// of repeated training.
// Each fault counts as survived only when its cell got a clear error (or the right output) AND
// the kernel ran the next cell correctly.
//   RELIABILITY_DIST=.cache/rel-dist node --test test/reliability/faults.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveDist, openKernelHarness } from '../e2e/browser.mjs';
import { recordCount } from './counts.mjs';

let site;
let browser;
let page;
let tried = 0;
let survived = 0;
const outcomes = [];

before(async () => {
  site = await serveDist(process.env.RELIABILITY_DIST ?? '.cache/rel-dist');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await openKernelHarness(page, site.url);
});

after(async () => {
  recordCount('faults', { tried, survived, outcomes });
  await browser?.close();
  await site?.close();
});

const start = (backend) => page.evaluate((b) => window.harness.start(b), backend);
const run = (code) => page.evaluate((c) => window.harness.run(c), code);
/** Runs a cell, then waits `ms` for outputs that arrive after its done message (timers). */
const runAndWait = (code, ms) =>
  page.evaluate(
    async ([c, wait]) => {
      const r = await window.harness.run(c);
      await new Promise((res) => setTimeout(res, wait));
      return r; // r.outputs is the array the late outputs were pushed to
    },
    [code, ms],
  );
const values = (r) => r.outputs.filter((o) => o.kind === 'value').map((o) => o.text);
const errors = (r) => r.outputs.filter((o) => o.kind === 'error');
const status = () => page.evaluate(() => window.harness.status());
/**
 * The status the kernel sends when it turns idle after a run. It sends 'done' before that
 * status, so a status read right after a run may still be the one from the run's start (the
 * memory before the run: 0 tensors once, measured); poll until the idle one arrived.
 */
async function idleStatus() {
  for (let i = 0; i < 100; i++) {
    const s = await status();
    if (s?.state === 'idle') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the kernel did not report idle within 2 s of the run');
}

/** The kernel still computes correctly (on whatever backend it is on now). */
async function alive(label) {
  const r = await run('await nd.array([[1, 2], [3, 4]]).sum().asScalar()');
  assert.deepEqual(values(r), ['10'], `${label}: the kernel did not run the next cell: ${JSON.stringify(r.outputs)}`);
}

/** Declares one fault: it counts as survived only if `body` passes, including the liveness check. */
function fault(name, body) {
  it(name, async () => {
    tried++;
    await body();
    await alive(name);
    survived++;
    outcomes.push(name);
  });
}

for (const backend of ['webgpu', 'wasm']) {
  describe(`out of memory on ${backend}`, () => {
    before(async () => {
      const s = await start(backend);
      assert.equal(s.backend, backend, `fell back: ${JSON.stringify(s.fallbacks)}`);
    });
    fault(`${backend}: nd.zeros([50000, 50000]) fails in its cell with OutOfMemoryError`, async () => {
      const r = await run('const keep = nd.ones([3]);\nconst big = nd.zeros([50000, 50000]);\nbig.shape');
      assert.equal(r.done.status, 'error');
      const [e] = errors(r);
      assert.equal(e.name, 'OutOfMemoryError', JSON.stringify(e));
      assert.match(e.message, /nd\.zeros: out of memory.*\(50000, 50000\).*10\.0 GB/);
      assert.equal(e.line, 2);
      // The variables made before the failure survive.
      assert.deepEqual(values(await run('await keep.toArray()')), ['[1, 1, 1]']);
    });
    fault(`${backend}: an op whose result is too large (broadcastTo) fails the same way`, async () => {
      const r = await run('nd.ones([50000, 1]).broadcastTo([50000, 50000])');
      assert.equal(errors(r)[0]?.name, 'OutOfMemoryError', JSON.stringify(r.outputs));
      assert.match(errors(r)[0].message, /broadcastTo: out of memory/);
    });
  });
}

describe('errors outside the cell flow', () => {
  before(() => start('wasm'));
  fault('a setTimeout callback that throws is reported to its cell, with its line', async () => {
    const r = await runAndWait('setTimeout(() => {\n  throw new Error("timer boom");\n}, 20);\n"scheduled"', 400);
    assert.deepEqual(values(r), ["'scheduled'"]);
    const [e] = errors(r);
    assert.ok(e, `the timer's error was lost: ${JSON.stringify(r.outputs)}`);
    assert.match(e.message, /timer boom/);
    assert.equal(e.line, 2);
  });
  fault('an async setInterval callback that rejects is reported to its cell', async () => {
    const r = await runAndWait('const h = setInterval(async () => {\n  clearInterval(h);\n  await null;\n  throw new RangeError("interval boom");\n}, 20);', 400);
    assert.equal(errors(r)[0]?.name, 'RangeError', JSON.stringify(r.outputs));
    assert.match(errors(r)[0].message, /interval boom/);
  });
  fault('an unawaited rejected promise is reported to its cell', async () => {
    const r = await runAndWait('Promise.reject(new TypeError("unawaited boom"));\n3', 300);
    assert.deepEqual(values(r), ['3']);
    assert.match(errors(r)[0]?.message ?? '', /unawaited boom/, JSON.stringify(r.outputs));
  });
  fault('a generator that throws fails its cell with the line', async () => {
    const r = await run('function* g() {\n  yield 1;\n  throw new Error("gen boom");\n}\n[...g()]');
    assert.equal(r.done.status, 'error');
    assert.equal(errors(r)[0].line, 3);
  });
  fault('an async generator consumed with for await that throws fails its cell', async () => {
    const r = await run('async function* ag() {\n  yield 1;\n  throw new Error("async gen boom");\n}\nfor await (const v of ag()) print(v);');
    assert.equal(r.done.status, 'error');
    assert.match(errors(r)[0].message, /async gen boom/);
    assert.equal(r.outputs[0].text, '1\n');
  });
  fault('a thrown non-Error value and a stack overflow are reported', async () => {
    const r1 = await run('throw 42;');
    assert.equal(r1.done.status, 'error');
    assert.match(errors(r1)[0].message, /42/);
    const r2 = await run('function f(n) { return f(n + 1) + 1; }\nf(0)');
    assert.equal(r2.done.status, 'error');
    assert.equal(errors(r2)[0].name, 'RangeError');
  });
});

describe('a training loss that becomes NaN', () => {
  before(() => start('wasm'));
  // The chapter's from-scratch softmax regression: with lr = 1e6 the softmax saturates, a
  // picked probability becomes 0 and -log(0) = inf. (Gluon's loss uses log-sum-exp and stays
  // finite there: nothing to report, and the test below does not pretend otherwise.)
  fault('d2l.trainCh3 with lr = 1e6 stops and says the step, the value and the causes', async () => {
    const r = await run(`const [trainIter, testIter] = await d2l.loadDataFashionMnist(256);
const W = nd.random.normal(0, 0.01, [784, 10]);
const b = nd.zeros([10]);
W.attachGrad();
b.attachGrad();
const net = (X) => nd.softmax(nd.dot(X.reshape([-1, 784]), W).add(b));
const crossEntropy = (yHat, y) => nd.pick(yHat, y).log().neg();
await d2l.trainCh3(net, trainIter, testIter, crossEntropy, 1, 256, [W, b], 1e6);`);
    assert.equal(r.done.status, 'error', JSON.stringify(r.outputs).slice(0, 800));
    const [e] = errors(r);
    assert.equal(e.name, 'TrainingDivergedError');
    assert.match(e.message, /became (NaN|infinite) at epoch 1, step \d+ of \d+/);
    assert.match(e.message, /summed loss is (NaN|-?Infinity)/);
    assert.match(e.message, /learning rate \(1000000\)/);
    assert.match(e.message, /initialization|initial weights/);
  });
});

/** A training loop whose GPU device (WebGPU) or context (WebGL) is lost at step 3. */
const TRAINING_WITH_DEVICE_LOSS_AT_STEP_3 = `const W = nd.random.normal(0, 0.01, [20, 1]);
W.attachGrad();
for (let i = 0; i < 20; i++) {
  if (i === 3) mx.simulateDeviceLoss();
  const X = nd.random.normal(0, 1, [32, 20]);
  const l = autograd.record(() => nd.dot(X, W).square().mean());
  l.backward();
  W.set(W.sub(W.grad.mul(0.1)));
  print(i, await l.asScalar());
}`;

describe('GPU device lost', () => {
  fault('the WebGPU device destroyed mid-training: the cell says so, the kernel comes back on WebGL', async () => {
    const s = await start('webgpu');
    assert.equal(s.backend, 'webgpu');
    const r = await run(TRAINING_WITH_DEVICE_LOSS_AT_STEP_3);
    assert.equal(r.done.status, 'error', JSON.stringify(r.outputs));
    const [e] = errors(r);
    assert.equal(e.name, 'DeviceLostError', JSON.stringify(e));
    assert.match(e.message, /WebGPU device was lost \(destroyed/);
    assert.match(e.message, /next backend of the ladder \(webgl\)/);
    assert.match(e.message, /variables are reset/);
    const after = await status();
    assert.equal(after.backend, 'webgl');
    assert.deepEqual(after.fallbacks.map((f) => f.name), ['webgpu']);
    assert.deepEqual(values(await run('mx.currentContext().toString()')), ["'webgl(0)'"]);
    // The old variables are gone (they lived on the lost device), not silently wrong.
    assert.equal((await run('W')).done.status, 'error');
  });
});

describe('WebGL context lost', () => {
  // WEBGL_lose_context.loseContext() (mx.simulateDeviceLoss on WebGL) loses the kernel's
  // OffscreenCanvas context as a GPU reset would. Without handling, the cell's next read never
  // settles (the lost context's fence never passes) and the kernel stays on a dead backend.
  fault('the WebGL context lost mid-training: the cell says so, the kernel comes back on WASM', async () => {
    const s = await start('webgl');
    assert.equal(s.backend, 'webgl', `fell back: ${JSON.stringify(s.fallbacks)}`);
    const r = await run(TRAINING_WITH_DEVICE_LOSS_AT_STEP_3);
    assert.equal(r.done.status, 'error', JSON.stringify(r.outputs));
    // The three steps before the loss printed their losses; none after it printed anything.
    assert.deepEqual(r.outputs.filter((o) => o.kind === 'text').map((o) => o.text.split(' ')[0]), ['0', '1', '2']);
    const [e] = errors(r);
    assert.equal(errors(r).length, 1, JSON.stringify(errors(r)));
    assert.equal(e.name, 'DeviceLostError', JSON.stringify(e));
    assert.match(e.message, /^the WebGL context was lost/);
    assert.match(e.message, /next backend of the ladder \(wasm\)/);
    assert.match(e.message, /variables are reset/);
    assert.equal(e.line, 9, `the error should point at the read in the cell: ${JSON.stringify(e)}`);
    const after = await status();
    assert.equal(after.backend, 'wasm');
    assert.deepEqual(after.fallbacks.map((f) => f.name), ['webgl']);
    assert.match(after.fallbacks[0].reason, /WebGL context was lost/);
    assert.deepEqual(values(await run('mx.currentContext().toString()')), ["'wasm(0)'"]);
    assert.equal((await run('W')).done.status, 'error');
  });
});

describe('long session', () => {
  // Each run makes about 300 arrays that the next run replaces (unreachable then): only the
  // library's reclamation (finalizers, nudged collection) keeps the count bounded. It nudges the
  // collector once 1,000 tensors or 64 MB piled up since the last collection; finalizers then
  // run during the next run. So at idle: the live run + at most 1,000 + one more run of garbage,
  // when the nudged collection has run by the next check. It does not always: the library moves
  // its baseline right after a nudge, before the finalizers have run, so a second 1,000 can pile
  // up on top (measured peaks, 10 runs each: 1,806-1,957 usually, 2,401 and 2,598 in 2 of 12
  // runs). The bound allows two thresholds of garbage; without reclamation ten runs pile up
  // 3,000 (checked below), and after the peaks the count fell back every time.
  fault('a training cell run 10 times: tensor count and bytes stay bounded', async () => {
    await start('wasm');
    const cell = `const data = Array.from({ length: 150 }, () => [nd.random.normal(0, 1, [64, 100]), nd.random.randint(0, 10, [64])]);
const net = new gluon.nn.Sequential();
net.add(new gluon.nn.Dense(64, { activation: 'relu' }), new gluon.nn.Dense(10));
net.initialize(new init.Xavier());
const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
const loss = new gluon.loss.SoftmaxCrossEntropyLoss();
for (const [X, y] of data) {
  const l = autograd.record(() => loss.forward(net.forward(X), y));
  l.backward();
  trainer.step(64);
}
await nd.waitAll();`;
    const memory = [];
    for (let i = 0; i < 10; i++) {
      const r = await run(cell);
      assert.equal(r.done.status, 'ok', JSON.stringify(r.outputs));
      memory.push((await idleStatus()).memory);
    }
    console.log(`long session: tensors ${memory.map((m) => m.numTensors).join(' ')}; MB ${memory.map((m) => (m.numBytes / 1e6).toFixed(1)).join(' ')}`);
    const base = memory[0];
    const oneRun = { tensors: 320, bytes: 150 * (64 * 100 + 64) * 4 + 200_000 };
    const worst = memory.reduce((w, m) => (m.numTensors > w.numTensors ? m : w));
    assert.ok(worst.numTensors <= base.numTensors + 2 * 1000 + 2 * oneRun.tensors, `tensors grew from ${base.numTensors} to ${worst.numTensors}: ${memory.map((m) => m.numTensors)}`);
    const maxBytes = Math.max(...memory.map((m) => m.numBytes));
    assert.ok(maxBytes <= base.numBytes + 64e6 + 2 * oneRun.bytes, `bytes grew from ${base.numBytes} to ${maxBytes}`);
    // Ten runs made about 3,000 arrays: without reclamation the count would be far above the bound.
    assert.ok(memory.at(-1).numTensors < 10 * 300, 'nothing was reclaimed');
  });
});
