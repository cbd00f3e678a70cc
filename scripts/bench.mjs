// npm run bench [-- --backends wasm,webgl,webgpu,cpu] [--only matmul,mlp,lenet,resnet,rnn,gru,lstm,tiny,memory,profile,profile-mlp,profile-rnn,profile-lenet,profile-resnet,profile-gru,profile-lstm]
//                  [--reps 15] [--max-seconds-per-row 20] [--memory-steps 1000] [--memory-backends wasm]
//                  [--step-timeout-seconds 180] [--timeout-minutes 30] [--wasm-threads 1,2]
//
// Our library against raw TensorFlow.js, backend by backend, in headless Chromium: builds the
// site into a private directory, serves it with the preview's headers (cross-origin isolated),
// and runs test/bench/bench.html, which starts one dedicated worker per backend. Prints a table
// and writes everything (with the machine's load) to bench/results/<date>-<backends>.json.
// WASM starts as in the kernel (src/lib/engine/wasm-threads.ts: one thread by default);
// `--wasm-threads 1,2` runs it once per thread limit instead (1: the single-thread build; 2: the
// threaded build, since the bench is cross-origin isolated), each in its own worker, and the table
// names the threads each run had.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser, serveDist } from '../test/e2e/browser.mjs';
import { formatTable, formatDetails } from './bench-table.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALL_BACKENDS = ['wasm', 'webgl', 'webgpu', 'cpu'];

function parseArgs(argv) {
  const o = { backends: ALL_BACKENDS, only: ['all'], reps: 15, maxSecondsPerRow: 20, memorySteps: 1000, memoryBackends: ['wasm'], stepTimeoutSeconds: 180, timeoutMinutes: 30, wasmThreads: [null] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value, e.g. ${a} wasm`);
      return v;
    };
    if (a === '--backends') o.backends = value().split(',');
    else if (a === '--only') o.only = value().split(',');
    else if (a === '--reps') o.reps = Number(value());
    else if (a === '--max-seconds-per-row') o.maxSecondsPerRow = Number(value());
    else if (a === '--memory-steps') o.memorySteps = Number(value());
    else if (a === '--memory-backends') o.memoryBackends = value().split(',');
    else if (a === '--step-timeout-seconds') o.stepTimeoutSeconds = Number(value());
    else if (a === '--timeout-minutes') o.timeoutMinutes = Number(value());
    else if (a === '--wasm-threads') o.wasmThreads = value().split(',').map(Number);
    else throw new Error(`unknown option ${a}; see the comment at the top of scripts/bench.mjs`);
  }
  const unknown = o.backends.filter((b) => !ALL_BACKENDS.includes(b));
  if (unknown.length) throw new Error(`unknown backend(s) ${unknown.join(', ')}: expected some of ${ALL_BACKENDS.join(',')}`);
  const badThreads = o.wasmThreads.filter((t) => t !== null && !(Number.isInteger(t) && t >= 1));
  if (badThreads.length) throw new Error(`--wasm-threads: expected thread counts (integers >= 1) such as 1,2, got ${badThreads.join(',')}`);
  for (const [k, v] of Object.entries({ reps: o.reps, maxSecondsPerRow: o.maxSecondsPerRow, memorySteps: o.memorySteps })) {
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${k}: expected a non-negative number, got ${v}`);
  }
  return o;
}

const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const commit = gitCommit(); // the code that runs: taken before the build
  const outDir = path.join(repoRoot, '.cache', `bench-dist-${process.pid}`);
  const loadBefore = loadavg();
  console.log(`building the site into ${path.relative(repoRoot, outDir)} (load average ${loadBefore.join(', ')} on ${os.cpus().length} cores)`);
  await build({ mode: 'harness', build: { outDir, emptyOutDir: true }, logLevel: 'error' }); // with the bench pages
  const server = await serveDist(outDir);
  const browser = await launchBrowser();
  const reports = [];
  const started = new Date();
  const file = path.join(repoRoot, 'bench', 'results', `${started.toISOString().slice(0, 10)}-${o.backends.join('-')}${o.wasmThreads[0] === null ? '' : `-threads-${o.wasmThreads.join('-')}`}.json`);
  const result = { date: started.toISOString(), commit, machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadBefore, loadAfter: null }, options: o, reports };
  // Written after every backend, so a run stopped part way keeps what it measured.
  const save = async () => {
    result.machine.loadAfter = loadavg();
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(result, null, 2) + '\n');
  };
  try {
    const page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.text().startsWith('[bench] ')) console.log(`  ${m.text().slice(8)}`);
    });
    await page.goto(`${server.url}test/bench/bench.html`);
    await page.waitForFunction(() => 'bench' in window);
    const runs = o.backends.flatMap((backend) => (backend === 'wasm' ? o.wasmThreads.map((threads) => ({ backend, threads })) : [{ backend, threads: null }]));
    for (const { backend, threads } of runs) {
      const t0 = performance.now();
      const options = {
        backend,
        reps: o.reps,
        // slow backends: one warm-up run (a LeNet step on CPU takes half a minute)
        warmup: backend === 'wasm' ? 2 : 1,
        maxMsPerRow: o.maxSecondsPerRow * 1000,
        stepTimeoutMs: o.stepTimeoutSeconds * 1000,
        memorySteps: o.memoryBackends.includes(backend) ? o.memorySteps : 0,
        only: o.only,
        ...(threads === null ? {} : { wasmThreads: threads }),
      };
      const report = await page.evaluate(([opts, timeout]) => window.bench.runBackend(opts, timeout), [options, o.timeoutMinutes * 60_000]);
      report.seconds = Math.round((performance.now() - t0) / 100) / 10;
      report.loadAfter = loadavg();
      console.log(`${backend}${report.threads ? ` (${report.threads} thread${report.threads === 1 ? '' : 's'})` : ''}: ${report.error ? `${report.error}; ` : ''}${report.rows.length} rows in ${report.seconds} s (load average ${report.loadAfter.join(', ')})`);
      reports.push(report);
      await save();
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
  console.log('\n' + formatTable(reports));
  console.log('\n' + formatDetails(reports));
  await save();
  console.log(`\nwrote ${path.relative(repoRoot, file)} (load average before ${loadBefore.join(', ')}, after ${result.machine.loadAfter.join(', ')}; ${os.cpus().length} cores)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
