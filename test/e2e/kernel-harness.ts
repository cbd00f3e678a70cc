/**
 * Exposes the kernel client to the end-to-end tests (window.harness), so Playwright can run
 * cells in the sandboxed worker exactly as the reader's page does.
 */
import { KernelClient } from '../../src/kernel/client';
import type { CellOutput, DoneMessage, StatusMessage } from '../../src/kernel/protocol';
import type { BackendName } from '../../src/lib/engine/backends';
import { encodeJson, finalOutputs } from '../../src/content/recorded';

const siteBase = new URL('../../', location.href).href;
let client: KernelClient | null = null;
const resets: string[] = [];

const harness = {
  async start(backend?: BackendName): Promise<StatusMessage> {
    client?.dispose();
    client = new KernelClient({ frameUrl: `${siteBase}kernel-frame.html`, siteBase, backend, onReset: (r) => resets.push(r) });
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
  crossOriginIsolated: globalThis.crossOriginIsolated,
};

(window as unknown as { harness: typeof harness }).harness = harness;
document.body.dataset.ready = 'true';
