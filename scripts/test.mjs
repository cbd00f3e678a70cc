#!/usr/bin/env node
// `npm test`: run every test part in sequence, print a timing table, exit non-zero if any failed.
//   node scripts/test.mjs              all parts
//   node scripts/test.mjs unit browser only these parts (in the order given)
// Every part runs even when an earlier one fails. The last line is `N passed, M failed`.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';

/**
 * The test parts, in run order. `cmd` is run from the repo root with inherited stdio.
 * `before` (optional) runs first; it returns an error message to fail the part without running it.
 * @type {Array<{name: string, cmd: string[], before?: () => string | null}>}
 */
const PARTS = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run'] },
  {
    name: 'browser',
    cmd: ['node', 'test/browser/run.mjs'],
    before: () => ensureChromium() ?? requireFile('test/browser/run.mjs'),
  },
  // dist/ (the book only), then the tests' build with the harness and bench pages (.cache/e2e-dist).
  { name: 'build', cmd: ['sh', '-c', 'npx vite build && npx vite build --mode harness --outDir .cache/e2e-dist'] },
  // End-to-end: the built sites (from the build part) in headless Chromium.
  { name: 'e2e', cmd: ['node', '--test', '--test-concurrency=1', 'test/e2e/'], before: () => ensureChromium() ?? ensureJupyter() ?? requireFile('dist/index.html') ?? requireFile('.cache/e2e-dist/test/e2e/kernel-harness.html') },
  // Faults, bad input, edit loss, attacks (issue 9): builds its own copy of the site; one summary line per category.
  { name: 'reliability', cmd: ['node', 'test/reliability/run.mjs'], before: () => ensureChromium() },
  // The book test: every section's cells and claims (reuses verified runs of unchanged sections).
  { name: 'book', cmd: ['node', 'scripts/book-test.mjs'], before: () => ensureChromium() },
];

function requireFile(rel) {
  return existsSync(path.join(repoRoot, rel)) ? null : `${rel} is missing`;
}

/** Make sure Debian's Chromium is installed; returns an error message or null. */
function ensureChromium() {
  return ensureDebianPackage(CHROMIUM, 'chromium');
}

/** Debian's Jupyter client (nbconvert/nbclient) for test/e2e/jupyter-run.e2e.test.mjs; an error message or null. */
function ensureJupyter() {
  // Without its recommends: pandoc (168 MB) converts to formats the test never writes.
  return ensureDebianPackage('/usr/bin/jupyter-nbconvert', 'jupyter-nbconvert', ['--no-install-recommends']);
}

/** Installs Debian's `pkg` with apt-get when `file` is missing (as root); returns an error message or null. */
function ensureDebianPackage(file, pkg, options = []) {
  if (existsSync(file)) return null;
  if (process.getuid?.() !== 0) {
    return `${file} is missing; run: sudo apt-get install -y ${[...options, pkg].join(' ')}`;
  }
  console.log(`${file} is missing: running apt-get update && apt-get install -y ${pkg}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...options, pkg]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) return `apt-get ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`;
  }
  return existsSync(file) ? null : `apt-get installed ${pkg} but ${file} is still missing`;
}

/**
 * Lines that say what failed, in vitest's, node:test's (spec and TAP) and our scripts' words. They
 * are collected while the part runs and repeated at the very end, so that a log read from its tail
 * (a CI page shows only the last screens) still names the failing tests.
 */
const FAILURE_LINE = /(^|\s)(FAIL|×|✗|✖|not ok \d+|AssertionError|Error:|failed|FAILED|expected)(\s|$|:)/;
const ANSI = /\u001b\[[0-9;]*m/g;
const MAX_FAILURE_LINES = 40;

function run(cmd) {
  return new Promise((resolve) => {
    const failureLines = [];
    let pending = '';
    const scan = (chunk) => {
      const text = pending + chunk.toString('utf8');
      const lines = text.split('\n');
      pending = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.replace(ANSI, '').trimEnd();
        if (FAILURE_LINE.test(line) && !/\b0 failed\b|\bfail 0\b/.test(line) && failureLines.length < MAX_FAILURE_LINES) {
          failureLines.push(line.length > 300 ? `${line.slice(0, 300)}…` : line);
        }
      }
    };
    const child = spawn(cmd[0], cmd.slice(1), { cwd: repoRoot, stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => {
      process.stdout.write(c);
      scan(c);
    });
    child.stderr.on('data', (c) => {
      process.stderr.write(c);
      scan(c);
    });
    child.on('error', (e) => resolve({ error: `could not start ${cmd[0]}: ${e.message}`, failureLines }));
    child.on('close', (code, signal) =>
      resolve({ error: code === 0 ? null : signal ? `killed by ${signal}` : `exit code ${code}`, failureLines }),
    );
  });
}

const fmt = (ms) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(0)} s`);

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !PARTS.some((p) => p.name === w));
  if (unknown.length) {
    console.error(`unknown test part(s): ${unknown.join(', ')}; known: ${PARTS.map((p) => p.name).join(', ')}`);
    process.exit(2);
  }
  const parts = wanted.length ? wanted.map((w) => PARTS.find((p) => p.name === w)) : PARTS;

  // Ctrl+C reaches the running child too (same process group): stop after it, don't start more.
  let interrupted = false;
  process.on('SIGINT', () => {
    interrupted = true;
  });

  const t0 = performance.now();
  const results = [];
  for (const part of parts) {
    if (interrupted) break;
    console.log(`\n=== ${part.name}: ${part.cmd.join(' ')} ===\n`);
    const start = performance.now();
    let error = part.before ? part.before() : null;
    let failureLines = [];
    if (error) console.error(`${part.name}: ${error}`);
    else ({ error, failureLines } = await run(part.cmd));
    const ms = performance.now() - start;
    results.push({ name: part.name, ms, error, failureLines });
    console.log(`\n=== ${part.name}: ${error ? `FAILED (${error.split('\n')[0]})` : 'passed'} in ${fmt(ms)} ===`);
  }

  const width = Math.max(4, ...results.map((r) => r.name.length));
  console.log(`\n${'part'.padEnd(width)}  ${'time'.padStart(10)}  result`);
  for (const r of results) {
    const result = r.error ? `FAIL (${r.error.split('\n')[0]})` : 'pass';
    console.log(`${r.name.padEnd(width)}  ${fmt(r.ms).padStart(10)}  ${result}`);
  }
  const failed = results.filter((r) => r.error).length;
  for (const r of results.filter((x) => x.error && x.failureLines.length)) {
    console.log(`\n${r.name} failed; what it said about the failure (first ${r.failureLines.length} lines):`);
    for (const line of r.failureLines) console.log(`  ${line}`);
  }
  if (interrupted) console.log(`interrupted; not run: ${parts.slice(results.length).map((p) => p.name).join(', ') || '-'}`);
  console.log(`total time ${fmt(performance.now() - t0)}`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = interrupted ? 130 : failed ? 1 : 0;
}

main();
