// Long sessions (issue 9): "run all" over every chapter section, twice, in one kernel per section
// (the reader's page opens one kernel per chapter), through the real sandboxed kernel of the built
// site in headless Chromium on WASM. After each run the kernel's tensor count and bytes are read;
// the second run must leave no more than a small bound above the first: the variables it made
// replace the first run's, so anything beyond the bound is memory the library failed to free.
//
// Sections whose recorded run (recorded/<part>/<section>.json, `totalMs`) took MAX_SECTION_MS or
// more are skipped for time and listed: they are the heavy training sections (Fashion-MNIST
// MLPs, CNNs, the RNN), which the book test already runs once each; a section without a
// recorded run is skipped too (its time is unknown).
//   RELIABILITY_DIST=.cache/rel-dist node --test test/reliability/long-sessions.e2e.test.mjs
// The browser runs with --js-flags=--expose-gc (see SETTLE).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { launchBrowser, serveDist, openKernelHarness } from '../e2e/browser.mjs';
import { listSections, loadContentModules } from '../../scripts/book-sections.mjs';
import { recordCount } from './counts.mjs';

/** RELIABILITY_SESSION_MAX_MS raises it for a one-off look at heavier sections (not in the suite's time budget). */
const MAX_SECTION_MS = Number(process.env.RELIABILITY_SESSION_MAX_MS) || 10_000;
/** A cell is stopped after its `timeout` attribute, else after this or 5x its recorded time, whichever is longer. */
const CELL_TIMEOUT_MS = 60_000;

/**
 * What the second run may leave above the first, both measured after a full collection (see
 * SETTLE). Identical cells make identical live arrays, so the honest difference is near zero:
 * tfjs's own caches, a few objects a collection did not reach. A leak grows by a section's
 * worth of arrays per run (hundreds to thousands).
 */
const BOUND = { tensors: 10, bytes: 1e6 };

/**
 * Run after each "run all", before reading memory: full collections (the browser runs with
 * --expose-gc), each followed by a task boundary so finalizers free the tensors of unreachable
 * arrays. Both runs are then measured at the same point, and what is left is what the cells'
 * variables, the tape and the library hold. (Left to the library's own heuristics, collection
 * timing decides: measured without this, the same section read 22 tensors once and 1,144 the
 * next, and "Devices" 88 bytes or 5 MB. The reader's conditions, where the library only nudges
 * the collector, are bounded by faults.e2e.test.mjs's 'long session' test.)
 */
const SETTLE = `if (typeof gc !== 'function') throw new Error('the kernel has no gc(): launch Chromium with --js-flags=--expose-gc');
for (let i = 0; i < 3; i++) {
  gc();
  await new Promise((r) => setTimeout(r, 20));
}`;

let site;
let browser;
let page;
let modules;
const ran = [];
const skipped = [];

async function plan() {
  const selected = [];
  // The English edition: a translation runs the same code (the book test checks that it does).
  for (const s of await listSections(modules)) {
    const file = s.recordedFile;
    if (!existsSync(file)) {
      skipped.push({ slug: s.slug, why: 'no recorded run (time unknown)' });
      continue;
    }
    const { totalMs, cells } = JSON.parse(await readFile(file, 'utf8'));
    if (totalMs >= MAX_SECTION_MS) skipped.push({ slug: s.slug, why: `${(totalMs / 1000).toFixed(0)} s recorded` });
    else selected.push({ ...s, totalMs, recordedMs: new Map(cells.map((c) => [c.id, c.durationMs])) });
  }
  return selected;
}

modules = await loadContentModules();
const sections = await plan();

before(async () => {
  site = await serveDist(process.env.RELIABILITY_DIST ?? '.cache/rel-dist');
  browser = await launchBrowser({ extraArgs: ['--js-flags=--expose-gc'] });
  page = await browser.context.newPage();
  await openKernelHarness(page, site.url);
});

after(async () => {
  const mb = (b) => (b / 1e6).toFixed(1);
  const numbers = ran.map((r) => `${r.slug.split('/')[1]} ${r.first.numTensors}->${r.second.numTensors} (${mb(r.first.numBytes)}->${mb(r.second.numBytes)} MB)`);
  console.log(`long sessions: ${ran.length} sections run twice; tensors after run 1 -> run 2 (MB): ${numbers.join('; ')}`);
  console.log(`long sessions: skipped for time (>= ${MAX_SECTION_MS / 1000} s recorded, run once each by the book test): ${skipped.map((s) => `${s.slug} (${s.why})`).join(', ')}`);
  recordCount('long-sessions', {
    tried: sections.length,
    passed: ran.filter((r) => r.passed).length,
    bound: BOUND,
    sections: ran,
    skipped,
  });
  await browser?.close();
  await site?.close();
});

const runCell = async (id, code, timeoutMs) => modules.rec.decodeJson(await page.evaluate(([i, c, t]) => window.harness.runForRecord(i, c, t), [id, code, timeoutMs]));
const memory = () => page.evaluate(() => window.harness.status().memory);

/** "Run all": every runnable cell in order; every one must succeed, on the second run too. */
async function runAll(cells, recordedMs, label) {
  const t0 = performance.now();
  for (const cell of cells) {
    const timeoutMs = Number(cell.attrs.timeout) * 1000 || Math.max(CELL_TIMEOUT_MS, 5 * (recordedMs.get(cell.id) ?? 0));
    const r = await runCell(cell.id, cell.code, timeoutMs);
    const err = r.outputs.find((o) => o.kind === 'error');
    assert.equal(r.done.status, 'ok', `${label}: cell ${cell.id} (line ${cell.line}) ended ${r.done.status}${r.timedOut ? ' (timed out)' : ''}${err ? `: ${err.name}: ${err.message}` : ''}`);
  }
  const ms = performance.now() - t0;
  // Until two readings agree: something may hold arrays for a moment after a cell (a timer's
  // closure); measured once, run 1 of a section read 173 tensors, and 15 a moment later.
  let last = null;
  let settles = 0;
  while (settles < 6) {
    const settle = await runCell(`${label}-settle`, SETTLE, CELL_TIMEOUT_MS);
    assert.equal(settle.done.status, 'ok', JSON.stringify(settle.outputs));
    settles++;
    const now = await memory();
    const stable = last !== null && now.numTensors === last.numTensors && now.numBytes === last.numBytes;
    last = now;
    if (stable) break;
  }
  return { ms, settles, ...last };
}

describe('long sessions: every quick section, run all twice in one kernel', () => {
  for (const s of sections) {
    it(`${s.slug}: the second run leaves at most ${BOUND.tensors} tensors / ${BOUND.bytes / 1e6} MB above the first`, async () => {
      const cells = modules.extractCells(await readFile(s.file, 'utf8')).filter((c) => c.runnable);
      const started = await page.evaluate(() => window.harness.start('wasm'));
      assert.equal(started.backend, 'wasm', `fell back: ${JSON.stringify(started.fallbacks)}`);
      const first = await runAll(cells, s.recordedMs, 'run 1');
      const second = await runAll(cells, s.recordedMs, 'run 2');
      const record = { slug: s.slug, cells: cells.length, first, second, passed: false };
      ran.push(record);
      assert.ok(second.numTensors <= first.numTensors + BOUND.tensors, `${s.slug}: tensors grew from ${first.numTensors} after run 1 to ${second.numTensors} after run 2`);
      assert.ok(second.numBytes <= first.numBytes + BOUND.bytes, `${s.slug}: bytes grew from ${first.numBytes} after run 1 to ${second.numBytes} after run 2`);
      record.passed = true;
    });
  }
});
