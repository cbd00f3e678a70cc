/**
 * Exposes the kernel client to the end-to-end tests (window.harness), so Playwright can run
 * cells in the sandboxed worker exactly as the reader's page does.
 */
import { KernelClient } from '../../src/kernel/page/client';
import type { CellOutput, DoneMessage, StatusMessage } from '../../src/kernel/protocol';
import type { BackendName } from '../../src/lib/engine/backends';
import { encodeJson, finalOutputs } from '../../src/content/recorded';
import { downloadBytes, IndexedDbPageStorage, type UploadedFile } from '../../src/kernel/page/page-storage';

const siteBase = new URL('../../', location.href).href;
let client: KernelClient | null = null;
const resets: string[] = [];

// Files saved by cells go to the real default storage (IndexedDB, its own database). Downloads
// are recorded for the tests (and, when asked, also offered through the real Blob-URL path);
// an upload is answered with a file the test queued, else with the last downloaded file (the
// reader who downloads a model and uploads it back), else cancelled.
const downloads: { name: string; bytes: Uint8Array }[] = [];
const uploadQueue: UploadedFile[] = [];
let realDownloads = false;
const storage = new IndexedDbPageStorage({
  download: (name, bytes) => {
    downloads.push({ name, bytes: bytes.slice() });
    if (realDownloads) downloadBytes(name, bytes);
  },
  upload: async () => uploadQueue.shift() ?? downloads.at(-1) ?? null,
});

const harness = {
  /**
   * Starts a kernel; `defaultStorage` gives the client no storage, so it uses its default (no
   * uploads); `wasmThreads`: StartRequest.wasmThreads (null: one per core when isolated).
   */
  async start(backend?: BackendName, options: { defaultStorage?: boolean; wasmThreads?: number | null } = {}): Promise<StatusMessage> {
    client?.dispose();
    client = new KernelClient({ frameUrl: `${siteBase}kernel-frame.html`, siteBase, backend, wasmThreads: options.wasmThreads, storage: options.defaultStorage ? undefined : storage, onReset: (r) => resets.push(r) });
    return client.start();
  },
  async run(code: string): Promise<{ done: DoneMessage; outputs: CellOutput[]; chartUpdates: number }> {
    const outputs: CellOutput[] = [];
    let chartUpdates = 0;
    const done = await client!.execute('cell', code, (o) => {
      if (o.kind === 'chart') chartUpdates++;
      outputs.push(o);
    });
    return { done, outputs, chartUpdates };
  },
  /**
   * Runs a cell for the book test: outputs with charts in their final state, as JSON with
   * image bytes in base64 (see src/content/recorded.ts). Interrupts the cell after timeoutMs.
   */
  async runForRecord(id: string, code: string, timeoutMs: number): Promise<string> {
    const outputs: CellOutput[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void client!.interrupt();
    }, timeoutMs);
    const t0 = performance.now();
    const done = await client!.execute(id, code, (o) => outputs.push(o));
    clearTimeout(timer);
    return encodeJson({ done, outputs: finalOutputs(outputs), timedOut, wallMs: performance.now() - t0 });
  },
  /** Starts a cell without waiting (for stop tests). */
  launch(code: string): void {
    void client!.execute('cell', code, () => undefined);
  },
  interrupt(): Promise<string> {
    return client!.interrupt();
  },
  status(): StatusMessage | null {
    return client!.lastStatus;
  },
  resets,
  /** The next nd.upload() gets this file (bytes as a plain array: page.evaluate passes JSON). */
  queueUpload(name: string, bytes: number[]): void {
    uploadQueue.push({ name, bytes: Uint8Array.from(bytes) });
  },
  /** Files offered for download so far. */
  downloads(): { name: string; bytes: number[] }[] {
    return downloads.map((d) => ({ name: d.name, bytes: Array.from(d.bytes) }));
  },
  /** Also offer downloads through the real Blob URL + <a download> path (Playwright sees them). */
  useRealDownloads(on: boolean): void {
    realDownloads = on;
  },
  async storedFiles(): Promise<{ name: string; size: number }[]> {
    return (await storage.list()).map(({ name, size }) => ({ name, size }));
  },
  async readStored(name: string): Promise<number[] | null> {
    const bytes = await storage.read(name);
    return bytes && Array.from(bytes);
  },
  crossOriginIsolated: globalThis.crossOriginIsolated,
};

(window as unknown as { harness: typeof harness }).harness = harness;
document.body.dataset.ready = 'true';
