// A downloaded notebook runs outside the page. Sections are downloaded from the BUILT site in
// headless Chromium (the page's own export: Edits > Download as a notebook), their code cells are
// evaluated in order by Deno as its Jupyter kernel evaluates cells (`deno repl`, all permissions),
// importing the library from the served site as the notebook's first cell says, and what they print
// is compared with the page's recorded outputs (recorded/<slug>.json) or checked for the results
// the text states. The library's module also runs in Node, from the built site on disk.
//
//   npx vite build --outDir .cache/e2e-dist && E2E_DIST_DIR=.cache/e2e-dist node --test test/e2e/notebook-run.e2e.test.mjs
//   (DENO_BIN=/path/to/deno when Deno is not installed by npm install)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { denoRepl, downloadNotebook, findDeno, openSiteForDownloads } from './deno.mjs';

const distDir = process.env.E2E_DIST_DIR ?? 'dist';
let site;
let opened;
let page;
let deno;
let work;

before(async () => {
  deno = findDeno();
  work = await mkdtemp(path.join(tmpdir(), 'handson-notebook-'));
  opened = await openSiteForDownloads(distDir);
  ({ site, page } = opened);
});

after(async () => {
  await opened?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * Runs the notebook's code cells in order (one file per cell, as the kernel gets them), then
 * `extra` cells of the test's own. Returns stdout; fails on any cell's error.
 */
async function runNotebook(slug, extra = [], { zh = false, before = [] } = {}) {
  const nb = await downloadNotebook(page, slug, { zh });
  const cells = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
  assert.match(cells[0], zh ? /^\/\/ 本书的库/ : /^\/\/ The book's library/, 'the import cell speaks the edition’s language');
  assert.match(cells[0], new RegExp(`from "${site.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}lib/handson-lib\\.mjs\\?v=[0-9a-f]{12}"`), 'the first cell imports the library from the site the notebook came from');
  const dir = await mkdtemp(path.join(work, `${slug.split('/').pop()}-`));
  const files = [];
  for (const [i, code] of [...before, ...cells, ...extra].entries()) {
    const file = path.join(dir, `cell-${String(i).padStart(2, '0')}.ts`);
    await writeFile(file, code);
    files.push(file);
  }
  const t0 = performance.now();
  const { stdout, stderr } = await denoRepl(deno, files, { cwd: dir, denoDir: path.join(dir, 'deno-dir') });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`# ${slug}: ${cells.length} cells in Deno, ${seconds.toFixed(1)} s`);
  // The REPL reports a cell's uncaught error on stdout ("Error in --eval-file file ...: Uncaught ...") and goes on.
  const failed = `${stdout}\n${stderr}`.split('\n').filter((l) => /^Error in --eval-file|Uncaught/.test(l));
  assert.deepEqual(failed, [], `cells failed in Deno:\n${stdout.slice(-3000)}\n${stderr.slice(-2000)}`);
  assert.match(stdout, /^handson-lib: WASM backend; datasets from http:\/\/127\.0\.0\.1:\d+\/handson\/data\/$/m, 'the import starts the WASM backend and names the site');
  return stdout;
}

/** The page's recorded text outputs of a section (what print wrote), cell by cell. */
async function recordedTexts(slug, { zh = false } = {}) {
  const rec = JSON.parse(await readFile(`recorded/${zh ? 'zh/' : ''}${slug}.json`, 'utf8'));
  return rec.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.kind === 'text' && o.stream === 'stdout').map((o) => o.text));
}

describe('a downloaded notebook runs in Deno (the Jupyter kernel’s evaluation)', () => {
  it('a failing cell fails the run (the check can fail)', async () => {
    await assert.rejects(runNotebook('01-preliminaries/04-autograd', ['nd.dot(nd.ones([2, 3]), nd.ones([2, 3]));']), /cells failed in Deno[\s\S]*ShapeError/);
  });

  it('1.1 How to use this book: the cell the book only shows (an endless loop) is not run; a TypeScript cell is', async () => {
    const slug = '01-preliminaries/01-how-to-use-this-book';
    const nb = await downloadNotebook(page, slug);
    const loop = nb.cells.filter((c) => c.source.join('').includes('while (true) spins++'));
    assert.equal(loop.length, 1);
    assert.equal(loop[0].cell_type, 'markdown', 'run=false: Markdown, so that Run All passes it by');
    // The run ends (the loop would hold it until the timeout) and prints what the page printed.
    const out = await runNotebook(slug);
    const texts = await recordedTexts(slug);
    assert.ok(texts.length >= 2);
    for (const t of texts) assert.ok(out.includes(t), `the page printed\n${t}\nbut Deno's run did not. Its output:\n${out.slice(0, 3000)}`);
  });

  it('1.3 NDArray: prints what the page printed, word for word', async () => {
    const slug = '01-preliminaries/03-ndarray';
    // Values a cell shows as its result (Jupyter displays them), printed here: the same arrays as the page's.
    // And a loop whose dropped arrays must be freed while it runs: 1,200 arrays of 4 MB (4.8 GB) in
    // TensorFlow.js's WASM heap of at most 4 GB, as a training loop drops its activations.
    const loop = 'let big = nd.zeros([1000, 1000]);\nfor (let i = 1; i <= 1200; i++) {\n  big = big.add(1);\n  if (i % 20 === 0) await big.sum().asScalar();\n}\nprint("after 1200 steps of 4 MB arrays:", await big.get(0, 0).asScalar());';
    const out = await runNotebook(slug, ['console.log(Deno.inspect(X)); console.log(Deno.inspect(nd.dot(X, Y.T)));', loop]);
    const texts = await recordedTexts(slug);
    assert.ok(texts.length >= 10, `recorded/${slug}.json has ${texts.length} text outputs`);
    for (const t of texts) assert.ok(out.includes(t), `the page printed\n${t}\nbut Deno's run did not. Its output:\n${out.slice(0, 3000)}`);
    assert.ok(out.includes('[[ 0.  1.  2.  3.]\n [ 4.  5.  6.  7.]\n [ 8.  9. 10. 11.]]\n<NDArray 3x4 @wasm(0)>'), 'Deno.inspect shows an NDArray as MXNet prints it');
    assert.ok(out.includes('[[ 18.  20.  10.]\n [ 58.  60.  50.]\n [ 98. 100.  90.]]\n<NDArray 3x3 @wasm(0)>'));
    assert.match(out, /^after 1200 steps of 4 MB arrays: 1200$/m, 'dropped arrays are freed while a cell runs');
  });

  it('1.4 Automatic differentiation: the same gradients as the page', async () => {
    const slug = '01-preliminaries/04-autograd';
    const out = await runNotebook(slug, ['console.log(Deno.inspect(x.grad));']);
    // One cell draws a random a: its line differs from the page's, its check (gradient = f(a)/a) does not.
    const texts = (await recordedTexts(slug)).filter((t) => !t.startsWith('a = '));
    assert.ok(texts.length >= 3);
    for (const t of texts) assert.ok(out.includes(t), `the page printed\n${t}\nbut Deno's run did not. Its output:\n${out.slice(0, 3000)}`);
    const m = /gradient (\S+)\s+f\(a\) \/ a (\S+)/.exec(out);
    // f(a)/a is divided in float32: it may differ from k by an ulp (102400 vs 102400.0078125); the section's claim allows 1e-3.
    assert.ok(m && Math.abs(Number(m[1]) - Number(m[2])) <= 1e-6 * Math.abs(Number(m[2])), `gradient equals f(a)/a: ${m?.[0]}`);
  });

  it('1.4 in the Chinese edition: its notebook runs too, and prints what its page printed', async () => {
    const slug = '01-preliminaries/04-autograd';
    const out = await runNotebook(slug, [], { zh: true });
    const texts = (await recordedTexts(slug, { zh: true })).filter((t) => !/^a = /.test(t));
    assert.ok(texts.length >= 3);
    for (const t of texts) assert.ok(out.includes(t), `the Chinese page printed\n${t}\nbut Deno's run did not. Its output:\n${out.slice(0, 3000)}`);
  });

  it('2.1 Linear regression from scratch: the loss falls to the noise level', async () => {
    const out = await runNotebook('02-linear-networks/01-linear-regression-scratch');
    assert.match(out, /^features \[1000,2\] labels \[1000,1\]$/m);
    const losses = [...out.matchAll(/^epoch (\d+), loss (\S+)$/gm)].map((m) => Number(m[2]));
    assert.equal(losses.length, 3, `three epochs printed:\n${out.slice(-2000)}`);
    assert.ok(losses[0] < 0.1 && losses[2] < 1e-3 && losses[2] < losses[0], `losses ${losses.join(', ')}`);
  });

  it('2.4 Softmax regression with Gluon on Fashion-MNIST: accuracy as in the page, chart and images as text', async () => {
    // A terminal gets a chart's summary once the chart stops changing (0.3 s), or at exit; the REPL
    // exits on the end of its input without exit events, so the run waits that moment at the end.
    const out = await runNotebook('02-linear-networks/04-softmax-regression-gluon', ['await new Promise((r) => setTimeout(r, 600));']);
    assert.match(out, /^scores of a batch: \[256,10\]$/m, 'the data set came from the site');
    const epochs = [...out.matchAll(/^epoch (\d+), loss (\S+), train acc (\S+), test acc (\S+)$/gm)].map((m) => ({ loss: Number(m[2]), test: Number(m[4]) }));
    assert.equal(epochs.length, 10, `ten epochs printed:\n${out.slice(-2000)}`);
    assert.ok(epochs[9].loss < epochs[0].loss, 'the loss goes down');
    assert.ok(epochs[9].test > 0.8, `test accuracy ${epochs[9].test} (the page: 0.83)`);
    assert.match(out, /^\[chart: train loss \(\d+ points, last 10, [\d.]+\), train acc \(\d+ points, last 10, [\d.]+\), test acc \(10 points, last 10, 0\.8\d*\)\]$/m, 'the training chart, summarized');
    assert.match(out, /^\[\d+ images 28x28 grayscale: [^\]]+\]$/m, 'the predictions’ image grid, summarized');
  });
});

describe('the optimization part in Deno: d2l.plot, controls, optimizers', () => {
  it('7.3 SGD: the schedules end where the page says, a control runs once with its initial values, paths as chart summaries', async () => {
    const out = await runNotebook('07-optimization/03-sgd', ['await new Promise((r) => setTimeout(r, 600));']);
    // Averages over 300 noisy runs: the ranges of the section's own claims (its .check.js).
    const floor = /^constant rate: mean squared distance (\S+) after 50 steps, (\S+) after 1000$/m.exec(out);
    assert.ok(floor && [1, 2].every((i) => Number(floor[i]) > 0.03 && Number(floor[i]) < 0.06), `the constant rate's floor: ${floor?.[0]}`);
    const ends = /^after 1000 steps: exponential decay (\S+), polynomial decay (\S+), constant (\S+)$/m.exec(out);
    assert.ok(ends, out.slice(-2000));
    const [exp, poly, constant] = [1, 2, 3].map((i) => Number(ends[i]));
    assert.ok(Math.sqrt(exp) > 0.55 && Math.sqrt(exp) < 0.85 && poly * 5 < constant, ends[0]);
    // d2l.controls: its callback once, with the initial values (lr 0.1, the constant schedule).
    const run = /^distance after 50 steps: (\S+)$/m.exec(out);
    assert.ok(run && Number(run[1]) < 1, `one run from (-5, -2) ends near the minimum: ${run?.[0]}`);
    assert.match(out, /^\[chart: SGD, constant schedule from 0\.1: path \(51 points, last \S+, \S+\)\]$/m, 'the control’s chart');
    assert.match(out, /^\[chart: SGD, constant learning rate 0\.1: path \(51 points, last \S+, \S+\)\]$/m, 'd2l.train2d’s path, summarized');
  });

  it('7.7 Adam in the Chinese edition: the bias-corrected first step, and one epoch of Adam (scratch and gluon) as accurate as the page', async () => {
    const slug = '07-optimization/07-adam';
    const out = await runNotebook(slug, [], { zh: true });
    // The 2-D paths are deterministic: the same lines as the page's.
    const texts = (await recordedTexts(slug, { zh: true })).filter((t) => /^第一步/.test(t));
    assert.equal(texts.length, 1);
    assert.ok(out.includes(texts[0]), `the Chinese page printed\n${texts[0]}\nbut Deno's run did not. Its output:\n${out.slice(0, 3000)}`);
    const acc = [...out.matchAll(/^(从零开始实现|Gluon)：平均训练损失 (\S+)，测试精度 (\S+)$/gm)].map((m) => ({ loss: Number(m[2]), acc: Number(m[3]) }));
    assert.equal(acc.length, 2, out.slice(-2000));
    assert.ok(acc.every((a) => a.acc >= 0.8), `test accuracies after one epoch (the page: 0.82): ${acc.map((a) => a.acc)}`);
    assert.ok(Math.abs(acc[0].loss - acc[1].loss) < 0.05, `scratch and gluon losses within 0.05: ${acc.map((a) => a.loss)}`);
  });
});

describe('a downloaded notebook in Deno’s Jupyter kernel (its display API stood in for)', () => {
  it('2.1 Linear regression from scratch: charts as SVG updated in place, tables as HTML, text as text', async () => {
    // Deno.jupyter exists only in `deno jupyter`; a stand-in records what the library hands it.
    const fake = 'globalThis.__shown = [];\nDeno.jupyter = { display: async (bundle, options) => void __shown.push({ bundle, options }) };';
    const report = 'await new Promise((r) => setTimeout(r, 700));\nconsole.log("SHOWN " + JSON.stringify(__shown.map(({ bundle, options }) => ({ types: Object.keys(bundle).sort(), id: options.display_id ?? null, update: !!options.update, svg: bundle["image/svg+xml"]?.length ?? 0, html: bundle["text/html"]?.slice(0, 7) ?? null }))));';
    const out = await runNotebook('02-linear-networks/01-linear-regression-scratch', [report], { before: [fake] });
    const shown = JSON.parse(/^SHOWN (.*)$/m.exec(out)?.[1] ?? 'null');
    assert.ok(Array.isArray(shown), out.slice(-2000));
    const charts = shown.filter((s) => s.types.includes('image/svg+xml'));
    const tables = shown.filter((s) => s.types.includes('text/html'));
    assert.ok(charts.length >= 2, `charts shown: ${JSON.stringify(shown)}`);
    assert.ok(charts.every((c) => c.types.join() === 'image/svg+xml,text/plain' && /^handson-[a-z0-9]+-/.test(c.id) && c.svg > 500));
    const firsts = charts.filter((c) => !c.update).map((c) => c.id);
    assert.equal(new Set(firsts).size, firsts.length, 'each chart is displayed once, then only updated');
    assert.ok(charts.filter((c) => c.update).every((c) => firsts.includes(c.id)), 'updates name a chart displayed before');
    assert.ok(tables.length >= 1 && tables.every((t) => t.html === '<table>'), `tables: ${JSON.stringify(tables)}`);
    assert.match(out, /^epoch 3, loss \S+$/m, 'printed text still goes to the output stream');
    assert.doesNotMatch(out, /^\[chart:/m, 'no terminal summaries in Jupyter');
  });
});

describe('the library module in Node', () => {
  it('imports from the built site on disk, starts WASM and reads a data set from the site’s folder', async () => {
    const lib = pathToFileURL(path.resolve(distDir, 'lib/handson-lib.mjs')).href;
    const script = `
      const { nd, d2l, print, mx, notebookHost } = await import(${JSON.stringify(lib)});
      const [trainIter] = await d2l.loadDataFashionMnist(32);
      for (const [X, y] of trainIter) { print('batch', X.shape, y.shape); break; }
      print(nd.dot(nd.arange(6).reshape(2, 3), nd.ones([3, 1])));
      print('backend', mx.backendInfo().name, notebookHost.outputs);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: tmpdir(), timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^handson-lib: WASM backend; datasets from file:.*\/data\/$/m);
    assert.match(r.stdout, /^batch \[32,1,28,28\] \[32\]$/m);
    assert.ok(r.stdout.includes('[[ 3.]\n [12.]]\n<NDArray 2x1 @wasm(0)>'), r.stdout);
    assert.match(r.stdout, /^backend wasm terminal$/m);
  });
});
