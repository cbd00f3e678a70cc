/**
 * The page side of the kernel: starts the sandbox frame and its worker, sends cells, routes
 * outputs to the cells that asked, answers the kernel's asset requests, and stops or restarts
 * the kernel. Where the page is cross-origin isolated, stop is a soft interrupt through a
 * shared flag (variables survive); otherwise, or when a cell ignores the flag for a second,
 * the kernel is torn down and started again, and the reader is told its state was reset.
 */
import type { BackendName } from '../lib/engine/backends';
import { assertNever, type CellOutput, type DoneMessage, type KernelToPage, type PageToKernel, type StatusMessage, type StorageRequest, type StorageResult } from './protocol';
import { IndexedDbPageStorage, type PageStorage } from './page-storage';
import { localProbeCache, type ProbeCache } from './probe-cache';
import { ForeignFrameError, foreignAncestor, kernelSecret } from './framing';

export interface KernelClientOptions {
  /** URL of kernel-frame.html. */
  frameUrl: string;
  /** Absolute URL of the site's root (datasets under data/, WASM binaries under tfjs-wasm/). */
  siteBase: string;
  /** The reader's choice; absent: the fastest correct backend here (the kernel's speed probe). */
  backend?: BackendName;
  /** WASM's threads at most (StartRequest.wasmThreads); absent: the kernel's default, one. */
  wasmThreads?: number | null;
  /** Keeps the kernel's speed probe between starts and pages; default localStorage, null: none. */
  probeCache?: ProbeCache | null;
  /** Fetches a dataset file for the kernel (the page may cache it); default: fetch siteBase + 'data/' + path. */
  fetchAsset?: (path: string) => Promise<Uint8Array>;
  onStatus?: (status: StatusMessage) => void;
  /** The kernel was restarted and lost its variables (why, for the reader). */
  onReset?: (reason: string) => void;
  /** Where the frame goes (hidden); default document.body. */
  container?: HTMLElement;
  /**
   * Where files saved by cells go, and how downloads and uploads reach the reader. Default: an
   * IndexedDbPageStorage (its own database, Blob-URL downloads, no uploads).
   */
  storage?: PageStorage;
}

interface Running {
  cellId: string;
  onOutput: (output: CellOutput) => void;
  resolve: (done: DoneMessage) => void;
}

const STOP_GRACE_MS = 1000;

/** Finished runs whose late outputs (an error in a timer or unawaited promise) still reach their cell. */
const FINISHED_RUNS = 20;

export class KernelClient {
  private frame: HTMLIFrameElement | null = null;
  private port: MessagePort | null = null;
  private readonly running = new Map<string, Running>();
  private readonly finished = new Map<string, (output: CellOutput) => void>();
  private interruptFlag: Int32Array | null = null;
  private nextId = 1;
  private backend: BackendName | undefined;
  /** Storage operations the page is busy with; aborted when the cell stops or the kernel goes. */
  private readonly storageOps = new Set<AbortController>();
  readonly storage: PageStorage;
  private readonly probeCache: ProbeCache | null;
  private savedProbeAt: string | null = null;
  lastStatus: StatusMessage | null = null;

  constructor(private readonly options: KernelClientOptions) {
    this.backend = options.backend;
    this.storage = options.storage ?? new IndexedDbPageStorage();
    this.probeCache = options.probeCache === undefined ? localProbeCache : options.probeCache;
  }

  /** Starts the frame and the kernel; resolves when the kernel is idle (backend ready). */
  async start(): Promise<StatusMessage> {
    // Framed by another site: no kernel (framing.ts says why; the frame checks this too).
    const foreign = foreignAncestor();
    if (foreign !== null) throw new ForeignFrameError(foreign);
    const frameUrl = new URL(this.options.frameUrl, location.href);
    frameUrl.hash = kernelSecret(); // the frame accepts a handshake only with this
    const frameOrigin = frameUrl.origin;
    const frame = document.createElement('iframe');
    frame.setAttribute('allow', 'cross-origin-isolated');
    frame.title = 'kernel sandbox';
    frame.style.display = 'none';
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the kernel sandbox did not load within 15 s')), 15000);
      const onMessage = (e: MessageEvent<{ type?: string }>) => {
        if (e.source === frame.contentWindow && e.origin === frameOrigin && e.data?.type === 'frame-ready') {
          window.removeEventListener('message', onMessage);
          clearTimeout(timer);
          resolve();
        }
      };
      window.addEventListener('message', onMessage);
    });
    frame.src = frameUrl.href;
    (this.options.container ?? document.body).appendChild(frame);
    this.frame = frame;
    await ready;
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (e: MessageEvent<KernelToPage>) => this.receive(e.data);
    frame.contentWindow!.postMessage({ type: 'connect', port: channel.port2, secret: frameUrl.hash.slice(1) }, frameOrigin, [channel.port2]);
    const idle = new Promise<StatusMessage>((resolve, reject) => {
      const check = (s: StatusMessage) => {
        if (s.state === 'idle') {
          this.statusWaiters.delete(check);
          window.removeEventListener('message', onWorkerError);
          resolve(s);
        }
      };
      this.statusWaiters.add(check);
      // The frame reports a worker that failed to load (frame.ts); without this, start() would wait forever.
      const onWorkerError = (e: MessageEvent<{ type?: string; message?: string }>) => {
        if (e.source !== frame.contentWindow || e.origin !== frameOrigin || e.data?.type !== 'worker-error') return;
        this.statusWaiters.delete(check);
        window.removeEventListener('message', onWorkerError);
        reject(new Error(`the kernel worker failed to load: ${e.data.message ?? 'no reason given'}`));
      };
      window.addEventListener('message', onWorkerError);
    });
    const probeCache = this.backend === undefined ? (this.probeCache?.read() ?? null) : null;
    this.send({ type: 'start', backend: this.backend, probeCache, wasmBase: `${this.options.siteBase}tfjs-wasm/`, wasmThreads: this.options.wasmThreads });
    if (globalThis.crossOriginIsolated) {
      const buffer = new SharedArrayBuffer(4);
      this.interruptFlag = new Int32Array(buffer);
      this.send({ type: 'share-interrupt', buffer });
    }
    return idle;
  }

  private readonly statusWaiters = new Set<(s: StatusMessage) => void>();

  private send(message: PageToKernel, transfer: Transferable[] = []): void {
    if (!this.port) throw new Error('the kernel is not running; start() it first');
    this.port.postMessage(message, transfer);
  }

  private receive(message: KernelToPage): void {
    switch (message.type) {
      case 'status':
        // A probe the kernel just measured is kept for the next start (any page, any chapter).
        // (every status repeats it: write it once, by its time of measurement).
        if (message.probe && !message.probe.fromCache && message.probe.measuredAt !== this.savedProbeAt) {
          this.savedProbeAt = message.probe.measuredAt;
          this.probeCache?.write(message.probe);
        }
        this.lastStatus = message;
        this.options.onStatus?.(message);
        for (const w of [...this.statusWaiters]) w(message);
        break;
      case 'output':
        (this.running.get(message.id)?.onOutput ?? this.finished.get(message.id))?.(message.output);
        break;
      case 'done': {
        const r = this.running.get(message.id);
        this.running.delete(message.id);
        if (r) {
          this.finished.set(message.id, r.onOutput);
          if (this.finished.size > FINISHED_RUNS) this.finished.delete(this.finished.keys().next().value!);
        }
        r?.resolve(message);
        break;
      }
      case 'asset-request':
        void this.answerAsset(message.requestId, message.path);
        break;
      case 'storage-request':
        void this.answerStorage(message);
        break;
      default:
        assertNever(message);
    }
  }

  private async answerAsset(requestId: number, path: string): Promise<void> {
    try {
      const bytes = await (this.options.fetchAsset ?? defaultFetchAsset(this.options.siteBase))(path);
      this.send({ type: 'asset-response', requestId, bytes, error: null }, [bytes.buffer as ArrayBuffer]);
    } catch (e) {
      this.send({ type: 'asset-response', requestId, bytes: null, error: (e as Error).message });
    }
  }

  /** Does a kernel's file operation with the page's storage, and answers on the same kernel's port. */
  private async answerStorage(request: StorageRequest): Promise<void> {
    const port = this.port; // a restarted kernel must not get the old one's answers
    const abort = new AbortController();
    this.storageOps.add(abort);
    const storage = this.storage;
    let reply: PageToKernel;
    try {
      let result: StorageResult;
      switch (request.op) {
        case 'write':
          await storage.write(request.name, request.bytes);
          result = { op: 'write' };
          break;
        case 'read':
          result = { op: 'read', bytes: await storage.read(request.name) };
          break;
        case 'download':
          await storage.download(request.name, request.bytes);
          result = { op: 'download' };
          break;
        case 'upload': {
          const cellId = request.runId === null ? null : (this.running.get(request.runId)?.cellId ?? null);
          result = { op: 'upload', file: await storage.upload({ cellId, signal: abort.signal }) };
          break;
        }
        default:
          assertNever(request);
      }
      reply = { type: 'storage-response', requestId: request.requestId, ok: true, result };
    } catch (e) {
      reply = { type: 'storage-response', requestId: request.requestId, ok: false, error: (e as Error)?.message ?? String(e) };
    } finally {
      this.storageOps.delete(abort);
    }
    if (port !== null && port === this.port && !abort.signal.aborted) port.postMessage(reply);
  }

  /** Ends the page's side of pending storage operations (an open upload button). */
  private abortStorageOps(): void {
    for (const a of this.storageOps) a.abort();
    this.storageOps.clear();
  }

  /** Runs a cell; outputs stream to onOutput; resolves with the done message. */
  execute(cellId: string, code: string, onOutput: (output: CellOutput) => void): Promise<DoneMessage> {
    const id = `run-${this.nextId++}`;
    return new Promise((resolve) => {
      this.running.set(id, { cellId, onOutput, resolve });
      this.send({ type: 'execute', id, cellId, code });
    });
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  /**
   * Stops the running cell: a soft interrupt first (variables kept); if the kernel has not
   * finished the cell within a second, it is restarted and the reader is told.
   */
  async interrupt(): Promise<'interrupted' | 'restarted' | 'idle'> {
    if (this.running.size === 0) return 'idle';
    const pending = [...this.running.values()].map((r) => new Promise<void>((res) => {
      const original = r.resolve;
      r.resolve = (d) => {
        original(d);
        res();
      };
    }));
    if (this.interruptFlag) Atomics.store(this.interruptFlag, 0, 1);
    this.abortStorageOps(); // the kernel rejects its side on 'interrupt'
    this.send({ type: 'interrupt' });
    const settled = await Promise.race([Promise.all(pending).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), STOP_GRACE_MS))]);
    if (settled) return 'interrupted';
    await this.restart(undefined, 'The running cell did not stop within a second, so the kernel was restarted: its variables were reset. Run the cells above again.');
    return 'restarted';
  }

  /** Tears the kernel down and starts a fresh one (optionally on another backend). */
  async restart(backend?: BackendName, reason = 'The kernel was restarted: its variables were reset.'): Promise<StatusMessage> {
    if (backend) this.backend = backend;
    this.teardown(reason);
    this.options.onReset?.(reason);
    return this.start();
  }

  private teardown(reason: string): void {
    for (const [id, r] of this.running) {
      r.onOutput({ kind: 'error', name: 'KernelRestarted', message: reason, line: null, column: null, sourceLine: null });
      r.resolve({ type: 'done', id, status: 'interrupted', durationMs: 0 });
    }
    this.running.clear();
    this.finished.clear();
    this.abortStorageOps();
    this.port?.close();
    this.port = null;
    this.frame?.remove(); // removing the frame ends its worker
    this.frame = null;
    this.interruptFlag = null;
  }

  dispose(): void {
    this.teardown('The kernel was shut down.');
  }
}

function defaultFetchAsset(siteBase: string): (path: string) => Promise<Uint8Array> {
  return async (path) => {
    const res = await fetch(`${siteBase}data/${path}`);
    if (!res.ok) throw new Error(`could not load data/${path}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}
