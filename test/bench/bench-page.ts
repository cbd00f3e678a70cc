/**
 * The bench page: runs each backend in a fresh dedicated worker (a backend that breaks, as
 * WebGPU on SwiftShader can, takes nothing else down) and hands the report to the script.
 * Progress goes to the console, which scripts/bench.mjs prints.
 */
import type { BackendReport, BenchOptions, BenchRow, WorkerMessage } from './bench-protocol';

async function runBackend(options: BenchOptions, timeoutMs: number): Promise<BackendReport> {
  const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' });
  const rows: BenchRow[] = [];
  try {
    return await new Promise<BackendReport>((resolve) => {
      const timer = setTimeout(() => {
        resolve({ backend: options.backend, initialized: options.backend, error: `timed out after ${timeoutMs / 1000} s; rows finished before are kept`, env: {}, rows });
      }, timeoutMs);
      worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.kind === 'log') console.log(`[bench] ${m.text}`);
        else if (m.kind === 'row') rows.push(m.row);
        else {
          clearTimeout(timer);
          resolve(m.report);
        }
      };
      worker.onerror = (e) => {
        clearTimeout(timer);
        resolve({ backend: options.backend, initialized: null, error: `worker error: ${e.message}`, env: {}, rows });
      };
      worker.postMessage(options);
    });
  } finally {
    worker.terminate();
  }
}

(window as unknown as { bench: unknown }).bench = { runBackend };
