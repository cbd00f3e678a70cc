// The page trusts nothing the kernel's port says (issue 14): a cell shares the kernel's worker and
// can capture its port (wrap MessagePort.prototype.postMessage) and speak for it. These tests play
// that cell on the other end of a real MessageChannel attached to a KernelClient, so every message
// goes through structured clone and the page's own handler, as in the browser.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { FLOOD_LIMITS, KernelClient } from '../../../src/kernel/page/client';
import { validateCellOutput, validateKernelMessage } from '../../../src/kernel/page/message-validator';
import type { DownloadRequest, PageStorage, UploadRequest } from '../../../src/kernel/page/page-storage';
import { PROBE_CACHE_KEY, storageProbeCache, type KeyValueStorage } from '../../../src/kernel/page/probe-cache';
import type { BackendProbe, CellOutput, PageToKernel, StatusMessage } from '../../../src/kernel/protocol';

const probe = (over: Partial<BackendProbe> = {}): BackendProbe => ({
  version: 1,
  key: 'machine',
  chosen: 'wasm',
  basis: 'fastest',
  trials: [{ name: 'wasm', outcome: 'timed', ms: 12.4, samples: [12.4, 12.9], stoppedEarly: false }],
  recheck: null,
  measuredAt: new Date().toISOString(),
  totalMs: 2345,
  fromCache: false,
  ...over,
});

const status = (over: Partial<StatusMessage> = {}): StatusMessage => ({ type: 'status', state: 'idle', backend: 'wasm', fallbacks: [], probe: null, wasm: { threads: 1, note: null }, memory: { numTensors: 0, numBytes: 0 }, ...over });

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

interface Harness {
  client: KernelClient;
  /** The kernel's end of the port: what a cell that captured it can post. */
  kernel: MessagePort;
  /** What the page sent to the kernel. */
  sent: PageToKernel[];
  statuses: StatusMessage[];
  outputs: CellOutput[];
  fetched: string[];
  storage: { calls: string[]; downloads: [string, number, DownloadRequest][] };
  probeStore: ReturnType<typeof memoryStorage>;
  /** Lets every posted message arrive (MessagePort delivery is a macrotask). */
  settle(): Promise<void>;
}

const open: MessagePort[] = [];
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the client logs its first refusals
});
afterEach(() => {
  for (const p of open.splice(0)) p.close();
  vi.restoreAllMocks();
});

function harness(): Harness {
  const probeStore = memoryStorage();
  const statuses: StatusMessage[] = [];
  const fetched: string[] = [];
  const calls: string[] = [];
  const downloads: [string, number, DownloadRequest][] = [];
  const storage: PageStorage = {
    write: async (name) => void calls.push(`write ${name}`),
    read: async (name) => (calls.push(`read ${name}`), null),
    list: async () => [],
    download: async (name, bytes, request) => void downloads.push([name, bytes.byteLength, request]),
    upload: async (_r: UploadRequest) => null,
  };
  const client = new KernelClient({
    frameUrl: 'unused',
    siteBase: 'https://book.example/',
    probeCache: storageProbeCache(() => probeStore),
    fetchAsset: async (path) => (fetched.push(path), new Uint8Array([1, 2, 3])),
    storage,
    onStatus: (s) => statuses.push(s),
  });
  const channel = new MessageChannel();
  open.push(channel.port1, channel.port2);
  const sent: PageToKernel[] = [];
  channel.port2.onmessage = (e: MessageEvent<PageToKernel>) => sent.push(e.data);
  client.attachPort(channel.port1);
  // As after start() with no backend chosen: the page asked for a probe.
  (client as unknown as { probeWanted: boolean }).probeWanted = true;
  const outputs: CellOutput[] = [];
  void client.execute('cell-1', 'print(1)', (o) => outputs.push(o));
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 5));
  };
  return { client, kernel: channel.port2, sent, statuses, outputs, fetched, storage: { calls, downloads }, probeStore, settle };
}

describe('the page checks every kernel message (a cell that captured the port)', () => {
  it('a spoofed 5 MB probe is not stored, and the reader’s storage stays as it was', async () => {
    const h = harness();
    h.kernel.postMessage(status({ probe: probe({ key: 'x'.repeat(5 * 1024 * 1024) }) }));
    await h.settle();
    expect(h.probeStore.map.size).toBe(0);
    expect(h.client.rejected).toBe(1);
    expect(h.client.lastRejection).toMatch(/probe\.key: expected at most/);
    expect(h.statuses).toHaveLength(0);
  });

  it('a poisoned probe (a trial’s ms a string) is refused, and one already cached is discarded on read', async () => {
    const h = harness();
    const poisoned = probe({ trials: [{ name: 'wasm', outcome: 'timed', ms: '12' as unknown as number, samples: [], stoppedEarly: false }] });
    h.kernel.postMessage(status({ probe: poisoned }));
    await h.settle();
    expect(h.probeStore.map.size).toBe(0);
    expect(h.client.rejected).toBe(1);
    // An entry written before this check (or by hand) is not sent to the kernel again: it is removed.
    h.probeStore.map.set(PROBE_CACHE_KEY, JSON.stringify(poisoned));
    expect(storageProbeCache(() => h.probeStore).read()).toBeNull();
    expect(h.probeStore.map.has(PROBE_CACHE_KEY)).toBe(false);
  });

  it('a good probe is kept once per start, only when the page asked for one', async () => {
    const h = harness();
    h.kernel.postMessage(status({ probe: probe() }));
    h.kernel.postMessage(status({ probe: probe({ chosen: 'cpu' }) }));
    await h.settle();
    expect(JSON.parse(h.probeStore.map.get(PROBE_CACHE_KEY)!).chosen).toBe('wasm');
  });

  it('backend "__proto__" (or "constructor", "toString") is refused before the status bar sees it', async () => {
    const h = harness();
    for (const backend of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) h.kernel.postMessage({ ...status(), backend });
    h.kernel.postMessage(JSON.parse('{"type":"status","state":"idle","backend":"wasm","fallbacks":[],"probe":null,"wasm":null,"memory":null,"__proto__":{"polluted":true}}'));
    await h.settle();
    expect(h.statuses).toHaveLength(0);
    expect(h.client.rejected).toBe(5);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('asset requests reach only the book’s dataset files: no `..`, no other page, no URL', async () => {
    const h = harness();
    const hostile = ['../index.html', 'index.html', 'https://evil.example/x', '/data/timemachine.txt', 'timemachine.txt?x', 'fashion-mnist/../../index.html', 'kernel-frame.html'];
    hostile.forEach((path, i) => h.kernel.postMessage({ type: 'asset-request', requestId: i, path }));
    h.kernel.postMessage({ type: 'asset-request', requestId: 99, path: 'timemachine.txt' });
    await h.settle();
    expect(h.fetched).toEqual(['timemachine.txt']);
    const answers = h.sent.filter((m) => m.type === 'asset-response');
    expect(answers).toHaveLength(hostile.length + 1);
    for (const a of answers) if (a.type === 'asset-response' && a.requestId !== 99) expect(a.error).toMatch(/not one of the book's dataset files/);
  });

  it('a download is offered (never saved) under a safe name, in the cell that asked', async () => {
    const h = harness();
    const names = ['invoice.pdf.exe', 'evil.html', '../../.bashrc', 'C:\\Windows\\x.bat', 'weights\u202Egpj.exe', 'model.params'];
    names.forEach((name, i) => h.kernel.postMessage({ type: 'storage-request', requestId: i, runId: 'run-1', op: 'download', name, bytes: new Uint8Array(10) }));
    await h.settle();
    expect(h.storage.downloads.map((d) => d[0])).toEqual(['invoice_pdf_exe.bin', 'evil_html.bin', 'bashrc.bin', 'x_bat.bin', 'weights_gpj_exe.bin', 'model.params']);
    expect(h.storage.downloads.every((d) => d[2].cellId === 'cell-1')).toBe(true);
  });

  it('an output that fails the check shows as an error in its cell, and nothing else of it', async () => {
    const h = harness();
    h.kernel.postMessage({ type: 'output', id: 'run-1', output: { kind: 'error', name: { toString: 1 }, message: 'm', line: null, column: null, sourceLine: null } });
    h.kernel.postMessage({ type: 'output', id: 'run-1', output: { kind: 'table', columns: ['a'], rows: [[{}]] } });
    h.kernel.postMessage({ type: 'output', id: 'run-1', output: { kind: 'text', stream: 'stdout', text: 'fine\n' } });
    await h.settle();
    expect(h.outputs.map((o) => (o.kind === 'error' ? `${o.name}: ${o.message}` : o.kind))).toEqual([
      'OutputRefused: This output could not be shown: output.name: expected a string, got an object (Object)',
      'OutputRefused: This output could not be shown: output.rows[0][0]: expected a string, got an object (Object)',
      'text',
    ]);
  });

  it('a flood of status messages is cut off: the page stops reading and restarts the kernel', async () => {
    // The 3,000 messages all fall in one second of the page's clock, however slow the machine that
    // delivers them: on a loaded machine the real second ran out after ~1,086 and the window began again.
    const clock = vi.spyOn(performance, 'now').mockReturnValue(5_000);
    onTestFinished(() => clock.mockRestore());
    const h = harness();
    const resets: string[] = [];
    (h.client as unknown as { options: { onReset: (r: string) => void } }).options.onReset = (r) => resets.push(r);
    for (let i = 0; i < 3000; i++) h.kernel.postMessage(status({ state: 'busy' }));
    await h.settle();
    expect(h.statuses.length).toBe(FLOOD_LIMITS.statuses);
    expect(resets).toHaveLength(1);
    expect(resets[0]).toMatch(/more than 1000 status messages in one second/);
    // The cell that was running is told, and ends.
    expect(h.outputs.at(-1)).toMatchObject({ kind: 'error', name: 'KernelRestarted' });
    expect(h.client.busy).toBe(false);
  });

  it('outputs for runs that are not the page’s, and done messages for them, change nothing', async () => {
    const h = harness();
    h.kernel.postMessage({ type: 'output', id: 'run-999', output: { kind: 'text', stream: 'stdout', text: 'spoof' } });
    h.kernel.postMessage({ type: 'done', id: 'run-999', status: 'ok', durationMs: 1 });
    await h.settle();
    expect(h.outputs).toHaveLength(0);
    expect(h.client.busy).toBe(true);
  });
});

// ---- the property test -------------------------------------------------------------------------

const hostileString = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '', 'run-1', '../index.html', 'wasm', 'idle', 'output'), fc.string({ maxLength: 20 }));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e308, null, undefined, true),
  fc.array(fc.double(), { maxLength: 5 }),
  fc.dictionary(hostileString, fc.oneof(hostileString, fc.double(), fc.constant(null)), { maxKeys: 4 }),
  fc.constant(new Uint8Array(3)),
);

/** Valid messages of every type, for mutation. */
const valid: unknown[] = [
  status({ probe: probe() }),
  { type: 'output', id: 'run-1', output: { kind: 'text', stream: 'stdout', text: 'x' } },
  { type: 'output', id: 'run-1', output: { kind: 'error', name: 'E', message: 'm', line: 1, column: 2, sourceLine: 'x' } },
  { type: 'output', id: 'run-1', output: { kind: 'table', columns: ['a'], rows: [[1]], caption: 'c' } },
  { type: 'output', id: 'run-1', output: { kind: 'images', images: [{ width: 1, height: 1, channels: 1, pixels: new Uint8Array(1), title: 't' }], columns: 1, scale: 1 } },
  { type: 'output', id: 'run-1', output: { kind: 'chart', chartId: 'c', panels: [{ xScale: 'log', yScale: 'linear', series: [{ name: 's', x: [1], y: [2], mode: 'lines' }] }], notes: [] } },
  { type: 'output', id: 'run-1', output: { kind: 'chart', chartId: 'k', panels: [{ xScale: 'linear', yScale: 'linear', equalAxes: true, contour: { x: [0, 1], y: [0, 1], z: [1, 2, 3, 4], levels: 5 }, series: [] }], notes: [] } },
  { type: 'output', id: 'run-1', output: { kind: 'controls', controlsId: 'run-1-controls-1', controls: [{ kind: 'slider', name: 'lr', min: 0, max: 1, step: 0.1, log: false }, { kind: 'select', name: 'o', options: ['a', 'b'] }], values: [0.5, 'a'], state: 'done', outputs: [{ kind: 'text', stream: 'stdout', text: 'x' }] } },
  { type: 'done', id: 'run-1', status: 'ok', durationMs: 3 },
  { type: 'asset-request', requestId: 1, path: 'timemachine.txt' },
  { type: 'storage-request', requestId: 1, runId: 'run-1', op: 'download', name: 'a.nd', bytes: new Uint8Array(2) },
];

/** Sets `value` at a random path of a deep copy of `base` (a field's type, an enum, a nested key). */
function mutate(base: unknown, path: number[], key: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const step of path) {
    const keys = Object.keys(at).filter((k) => typeof at[k] === 'object' && at[k] !== null && !(at[k] instanceof Uint8Array));
    if (keys.length === 0) break;
    at = at[keys[step % keys.length]!] as Record<string, unknown>;
  }
  const keys = Object.keys(at);
  const k = keys.length > 0 && key.length % 2 === 0 ? keys[key.length % keys.length]! : key;
  try {
    Object.defineProperty(at, k, { value, enumerable: true, configurable: true, writable: true });
  } catch {
    // an array's length: leave it
  }
  return copy;
}

const message = fc.oneof(
  { arbitrary: hostileValue, weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...valid), fc.array(fc.nat(), { maxLength: 4 }), hostileString, hostileValue).map(([b, p, k, v]) => mutate(b, p, k, v)), weight: 4 },
);

/** Errors nobody caught, in Node (process) and in the browser (window 'error'), where this file also runs. */
function listenForUncaught(onError: (e: unknown) => void): () => void {
  const node = (globalThis as { process?: NodeJS.Process }).process;
  if (node && typeof node.on === 'function') {
    node.on('uncaughtException', onError);
    return () => node.off('uncaughtException', onError);
  }
  const onWindowError = (e: ErrorEvent) => onError(e.error ?? e.message);
  globalThis.addEventListener('error', onWindowError);
  return () => globalThis.removeEventListener('error', onWindowError);
}

describe('property: random and adversarial messages on the kernel port', () => {
  it('never break the page, never persist, and only checked outputs reach the cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 12 }), async (messages) => {
        const h = harness();
        const errors: unknown[] = [];
        const onError = (e: unknown) => errors.push(e);
        const stopListening = listenForUncaught(onError);
        try {
          for (const m of messages) {
            try {
              h.kernel.postMessage(m);
            } catch {
              // not cloneable: a real port could not carry it either
            }
          }
          await h.settle();
        } finally {
          stopListening();
        }
        expect(errors).toEqual([]);
        // Storage: the probe cache holds nothing or a valid probe; only book datasets were fetched.
        const kept = h.probeStore.map.get(PROBE_CACHE_KEY);
        if (kept !== undefined) expect(validateKernelMessage(status({ probe: JSON.parse(kept) as BackendProbe })).ok).toBe(true);
        expect(h.fetched.every((p) => ['timemachine.txt', 'kaggle_house_pred_train.csv', 'kaggle_house_pred_test.csv'].includes(p) || p.startsWith('fashion-mnist/'))).toBe(true);
        expect(h.storage.downloads.every(([name]) => /^[\p{L}\p{N}_-]+\.[a-z]+$/u.test(name))).toBe(true);
        // Page state: every status the status bar saw and every output the cell got is well formed.
        for (const s of h.statuses) expect(validateKernelMessage(s).ok).toBe(true);
        for (const o of h.outputs) expect(validateCellOutput(o).ok).toBe(true);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: 150 },
    );
  });
});
