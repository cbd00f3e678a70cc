#!/usr/bin/env node
// The unit tests in headless Chromium, once per backend, one backend at a time; prints the time
// and the test counts of each backend and exits non-zero if any test failed anywhere.
//   node test/browser/run.mjs                      wasm, webgl, webgpu, then the WASM build check
//   node test/browser/run.mjs webgpu               only these parts (wasm, webgl, webgpu, wasm-build)
//   node test/browser/run.mjs webgl -- -t 'slice'  extra arguments for vitest after --
// See README.md beside this file.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONFIG = 'test/browser/vitest.config.ts';
const BACKENDS = ['wasm', 'webgl', 'webgpu']; // fastest first: a broken setup shows up early

const dash = process.argv.indexOf('--');
const names = dash === -1 ? process.argv.slice(2) : process.argv.slice(2, dash);
const extra = dash === -1 ? [] : process.argv.slice(dash + 1);
const PARTS = [...BACKENDS, 'wasm-build'];
const unknown = names.filter((n) => !PARTS.includes(n));
if (unknown.length) {
  console.error(`unknown part(s): ${unknown.join(', ')}; known: ${PARTS.join(', ')}`);
  process.exit(2);
}
const wanted = names.length ? names : PARTS;
const backends = BACKENDS.filter((b) => wanted.includes(b));

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (e) => resolve(`could not start ${cmd}: ${e.message}`));
    child.on('exit', (code, signal) => resolve(code === 0 ? null : signal ? `killed by ${signal}` : `exit code ${code}`));
  });
}

/** Counts from Vitest's JSON report (null when vitest died before writing it). */
async function readReport(file) {
  let report;
  try {
    report = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const failed = [];
  const failedFiles = [];
  for (const f of report.testResults) {
    if (f.status === 'failed') failedFiles.push(path.relative(repoRoot, f.name));
    const rel = path.relative(repoRoot, f.name);
    for (const a of f.assertionResults) if (a.status === 'failed') failed.push([rel, ...a.ancestorTitles, a.title].join(' > '));
    // A file that failed outside its tests (import error, failing beforeAll/afterAll hook).
    if (f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')) failed.push(`${rel} (${f.message?.split('\n')[0] || 'file failed'})`);
  }
  return {
    files: report.testResults.length,
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    failedNames: failed,
    failedFiles,
  };
}

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
const tmp = await mkdtemp(path.join(tmpdir(), 'browser-tests-'));
const results = [];
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));

for (const [i, backend] of backends.entries()) {
  if (interrupted) break;
  console.log(`\n--- browser tests on ${backend} (headless Chromium) ---\n`);
  const json = path.join(tmp, `${backend}.json`);
  const start = performance.now();
  const error = await run(
    'npx',
    ['vitest', 'run', '--config', CONFIG, '--project', backend, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...extra],
    i === 0 ? { BROWSER_TESTS_LIST_FILES: '1' } : {},
  );
  let counts = await readReport(json);
  let finalError = error;
  // A failed file runs once more, alone: a test that failed because the machine was busy (a time
  // bound, a browser connection that timed out) passes then. It is named below as FLAKY, so it is
  // seen and mended, never hidden; a test that fails again fails the part.
  // When vitest failed with no failed file (it died before its report, the browser crashed, or an
  // unhandled error outside any test), the whole backend runs once more.
  let flaky = [];
  if (error && !interrupted) {
    const files = counts?.failedFiles ?? []; // [] = every file
    console.log(`\n--- ${backend}: re-running ${files.length ? `${files.length} failed file(s) once: ${files.join(', ')}` : 'every file once (vitest wrote no report)'} ---\n`);
    const retryJson = path.join(tmp, `${backend}-retry.json`);
    const retryError = await run('npx', ['vitest', 'run', '--config', CONFIG, '--project', backend, '--reporter=default', '--reporter=json', `--outputFile.json=${retryJson}`, ...extra, ...files], {});
    const retry = await readReport(retryJson);
    if (!retryError && retry && retry.failed === 0) {
      flaky = counts?.failedNames.length ? counts.failedNames : [`(the first run failed with ${error} and no failed test; see "Unhandled" or "Error" above)`];
      counts = files.length ? counts : retry;
      finalError = null;
    } else if (retry) {
      counts = files.length ? { ...counts, failedNames: retry.failedNames } : retry;
      finalError = retryError ?? error;
    }
  }
  const ms = performance.now() - start;
  results.push({ backend, ms, error: finalError, counts, flaky });
  console.log(`\n--- ${backend}: ${finalError ? `FAILED (${finalError})` : flaky.length ? `passed on re-run (${flaky.length} flaky)` : 'passed'} in ${fmt(ms)} ---`);
}
await rm(tmp, { recursive: true, force: true });

// The WASM backend in a production bundle (vite build + vite preview): see wasm-build-check.mjs.
if (wanted.includes('wasm-build') && !interrupted) {
  console.log('\n--- WASM backend in a vite build served by vite preview ---\n');
  const start = performance.now();
  const error = await run('node', ['test/browser/wasm-build-check.mjs'], {});
  results.push({ backend: 'wasm-build', ms: performance.now() - start, error, counts: null });
}

console.log(`\n${'part'.padEnd(10)}  ${'time'.padStart(8)}  ${'files'.padStart(5)}  ${'passed'.padStart(6)}  ${'failed'.padStart(6)}  ${'skipped'.padStart(7)}`);
for (const r of results) {
  const c = r.counts;
  const cells = c ? [c.files, c.passed, c.failed, c.skipped] : ['-', '-', '-', '-'];
  const note = r.error && !c ? `  ${r.backend === 'wasm-build' ? 'FAILED (see its output above)' : r.error}` : r.backend === 'wasm-build' ? '  ok' : '';
  console.log(
    `${r.backend.padEnd(10)}  ${fmt(r.ms).padStart(8)}  ${String(cells[0]).padStart(5)}  ${String(cells[1]).padStart(6)}  ${String(cells[2]).padStart(6)}  ${String(cells[3]).padStart(7)}${note}`,
  );
}
for (const r of results) {
  if (!r.flaky?.length) continue;
  console.log(`\nFLAKY on ${r.backend} (failed, then passed when its file ran again alone):`);
  for (const n of r.flaky) console.log(`  ${n}`);
}
for (const r of results) {
  if (!r.error || !r.counts?.failedNames.length) continue;
  console.log(`\nfailed on ${r.backend}:`);
  for (const n of r.counts.failedNames) console.log(`  ${n}`);
}
const failedBackends = results.filter((r) => r.error).length;
const passed = results.reduce((s, r) => s + (r.counts?.passed ?? 0), 0);
const failed = results.reduce((s, r) => s + (r.error ? (r.counts?.failed ?? 0) : 0), 0);
const flakyCount = results.reduce((s, r) => s + (r.flaky?.length ?? 0), 0);
console.log(`\nbrowser: ${passed} tests passed, ${failed} failed, ${flakyCount} flaky (${backends.length} backend(s)); ${failedBackends} of ${results.length} part(s) failed`);
process.exitCode = interrupted ? 130 : failedBackends ? 1 : 0;
