#!/usr/bin/env node
// The reliability suite (issue 9): `node scripts/test.mjs reliability`, or this file directly.
// Builds a private copy of the site (.cache/rel-dist), then runs, in order:
//   bad input   fuzz-api.test.ts, fuzz-files.test.ts (vitest, Node)
//   edit loss   the reader's edits property, counted (vitest, Node)
//   faults      faults.e2e.test.mjs (the real kernel in headless Chromium)
//   long sessions  long-sessions.e2e.test.mjs ("run all" twice over every quick section, memory after each)
//   attacks     security.e2e.test.mjs (the built reader in headless Chromium)
//   kernel trust  kernel-trust.e2e.test.mjs (hostile cells and a hostile site against the worker and frame)
//   page trust  page-trust.e2e.test.mjs (hostile cells and a captured kernel port against the built reader)
//   both trust files again on a plain host that sends no headers (TRUST_HOST=plain)
// and prints one summary line per category from the counts the tests recorded. Exits non-zero
// if any part failed. RELIABILITY_FUZZ_RUNS (default 60) sets the fuzz runs per target.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = '.cache/rel-dist';
const countsDir = path.join(root, '.cache/reliability');
const env = { ...process.env, RELIABILITY_DIST: dist, RELIABILITY_COUNTS_DIR: countsDir };

function run(cmd, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
    child.on('error', (e) => resolve(e.message));
    child.on('exit', (code, signal) => resolve(code === 0 ? null : signal ? `killed by ${signal}` : `exit code ${code}`));
  });
}

const STEPS = [
  { name: 'build', cmd: ['npx', 'vite', 'build', '--mode', 'harness', '--outDir', dist, '--logLevel', 'warn'] },
  { name: 'bad input', cmd: ['npx', 'vitest', 'run', '--config', 'test/reliability/vitest.config.ts'] },
  { name: 'edit loss', cmd: ['npx', 'vitest', 'run', '--config', 'test/reliability/vitest.edit-loss.config.ts'] },
  { name: 'faults', cmd: ['node', '--test', '--test-concurrency=1', 'test/reliability/faults.e2e.test.mjs'] },
  { name: 'long sessions', cmd: ['node', '--test', '--test-concurrency=1', 'test/reliability/long-sessions.e2e.test.mjs'] },
  { name: 'attacks', cmd: ['node', '--test', '--test-concurrency=1', 'test/reliability/security.e2e.test.mjs'] },
  { name: 'kernel trust', cmd: ['node', '--test', '--test-concurrency=1', 'test/reliability/kernel-trust.e2e.test.mjs'] },
  { name: 'page trust', cmd: ['node', '--test', '--test-concurrency=1', 'test/reliability/page-trust.e2e.test.mjs'] },
  // The same attacks on a host that sends no headers (not cross-origin isolated): the other kind of host.
  { name: 'kernel trust, plain host', env: { TRUST_HOST: 'plain' }, cmd: ['node', '--test', '--test-concurrency=1', 'test/reliability/kernel-trust.e2e.test.mjs'] },
  { name: 'page trust, plain host', env: { TRUST_HOST: 'plain' }, cmd: ['node', '--test', '--test-concurrency=1', 'test/reliability/page-trust.e2e.test.mjs'] },
];

const read = (category) => {
  const file = path.join(countsDir, `${category}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};

function longSessions({ tried, passed, sections, skipped }) {
  const growth = (key) => Math.max(0, ...sections.map((s) => s.second[key] - s.first[key]));
  return `${passed}/${tried} sections ran "run all" twice in one kernel within the bound; largest growth from run 1 to run 2: ${growth('numTensors')} tensors, ${(growth('numBytes') / 1e6).toFixed(2)} MB; ${skipped.length} skipped for time (run once by the book test)`;
}

rmSync(countsDir, { recursive: true, force: true });
const t0 = performance.now();
const failed = [];
for (const step of STEPS) {
  console.log(`\n--- reliability: ${step.name} ---\n`);
  const error = await run(step.cmd, step.env);
  if (error) failed.push(`${step.name} (${error})`);
  if (step.name === 'build' && error) break;
}

const api = read('bad-input');
const files = read('bad-input-files');
const edits = read('edit-loss');
const faults = read('faults');
const attacks = read('attacks');
const pageTrust = read('page-trust');
const sessions = read('long-sessions');
const kernelTrust = read('kernel-trust');
const kernelTrustPlain = read('kernel-trust-plain');
const pageTrustPlain = read('page-trust-plain');
const missing = '(not run)';
console.log('\n=== reliability summary ===');
console.log(`faults:      ${faults ? `${faults.survived}/${faults.tried} tried and survived` : missing}`);
console.log(`long sessions: ${sessions ? longSessions(sessions) : missing}`);
console.log(`bad input:   ${api && files ? `${api.tried + files.tried} tried (${api.tried} API calls, ${api.rejected} rejected with a named error; ${files.tried} damaged files, ${files.rejected} refused with FileFormatError)` : missing}`);
console.log(`edit loss:   ${edits ? `${edits.sequences} random edit/reload/reset/export/import/storage-full sequences tried, none lost an edit` : missing}`);
console.log(`attacks:     ${attacks ? `${attacks.blocked}/${attacks.tried} tried and blocked` : missing}`);
console.log(`kernel trust: ${kernelTrust ? `${kernelTrust.blocked}/${kernelTrust.tried} hostile-cell and hostile-site attacks on the worker and frame tried and blocked` : missing}`);
console.log(`page trust:  ${pageTrust ? `${pageTrust.blocked}/${pageTrust.tried} hostile cells and spoofed kernel messages tried and blocked` : missing}`);
console.log(`on a plain host (no headers): kernel trust ${kernelTrustPlain ? `${kernelTrustPlain.blocked}/${kernelTrustPlain.tried}` : missing}, page trust ${pageTrustPlain ? `${pageTrustPlain.blocked}/${pageTrustPlain.tried}` : missing} blocked`);
console.log(`time ${((performance.now() - t0) / 1000).toFixed(0)} s; ${failed.length ? `FAILED: ${failed.join(', ')}` : 'all parts passed'}`);
process.exitCode = failed.length ? 1 : 0;
