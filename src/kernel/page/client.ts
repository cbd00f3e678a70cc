/**
 * The page side of the kernel: starts the sandbox frame and its worker, sends cells, routes
 * outputs to the cells that asked, answers the kernel's asset requests, and stops or restarts
 * the kernel. Where the page is cross-origin isolated, stop is a soft interrupt through a
 * shared flag (variables survive); otherwise, or when a cell ignores the flag for a second,
 * the kernel is torn down and started again, and the reader is told its state was reset.
 */
import { assertNever, type BackendName, type CellOutput, type ControlValue, type DoneMessage, type KernelToPage, type PageToKernel, type StatusMessage, type StorageRequest, type StorageResult } from '../protocol';
import { IndexedDbPageStorage, type PageStorage } from './page-storage';
import { localProbeCache, type ProbeCache } from './probe-cache';
import { ForeignFrameError, foreignAncestor, kernelSecret } from './framing';
import { AssetNotAllowedError, isBookDataset } from './dataset-files';
import { sanitizeDownloadName } from './download-name';
import { safeString, validateKernelMessage } from './message-validator';
import { ENGLISH_CLIENT_WORDS, type KernelClientWords } from './client-words';

export interface KernelClientOptions {
  /** URL of kernel-frame.html. */
  frameUrl: string;
  /** Absolute URL of the site's root (datasets under data/, WASM binaries under tfjs-wasm/). */
  siteBase: string;
  /** The reader's choice; absent: the fastest correct backend here (the kernel's speed probe). */
  backend?: BackendName;
  /** WASM's threads at most (StartRequest.wasmThreads); absent: the kernel's default (one per core, up to DEFAULT_THREAD_LIMIT, where the page is cross-origin isolated). */
  wasmThreads?: number | null;
  /** Keeps the kernel's speed probe between starts and pages; default localStorage, null: none. */
  probeCache?: ProbeCache | null;
  /** Fetches a dataset file for the kernel (the page may cache it); default: fetch siteBase + 'data/' + path. */
  fetchAsset?: (path: string) => Promise<Uint8Array>;
  onStatus?: (status: StatusMessage) => void;
  /** The kernel was restarted and lost its variables (why, for the reader). */
  onReset?: (reason: string) => void;
  /** A message on the kernel's port failed the protocol's check and was dropped (KernelClient.rejected). */
  onRejected?: (count: number, reason: string) => void;
  /** Where the frame goes (hidden); default document.body. */
  container?: HTMLElement;
  /**
   * Where files saved by cells go, and how downloads and uploads reach the reader. Default: an
   * IndexedDbPageStorage (its own database, Blob-URL downloads, no uploads).
   */
  storage?: PageStorage;
  /** What the client writes for the reader (notices, errors in cells): the page's language; default English. */
  words?: KernelClientWords;
}

interface Running {
  cellId: string;
  onOutput: (output: CellOutput) => void;
  resolve: (done: DoneMessage) => void;
}

const STOP_GRACE_MS = 1000;

/** Finished runs whose late outputs (an error in a timer or unawaited promise) still reach their cell. */
const FINISHED_RUNS = 20;

/** Refused messages logged to the console per client (the count goes on). */
const LOGGED_REJECTIONS = 5;

/**
 * A kernel sends a status when its state changes (a few per cell), and never an invalid message.
 * Past these counts within one second it is flooding the page (a cell that captured the port):
 * every message costs the page's main thread, so the page stops that kernel (restart, the reader
 * is told) instead of reading on, and Stop stays clickable.
 */
export const FLOOD_LIMITS = { statuses: 1000, refused: 1000 } as const;

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
  /** The page asked for a probe at this start (no backend chosen) and has not kept one yet. */
  private probeWanted = false;
  lastStatus: StatusMessage | null = null;
  /**
   * Messages from the kernel's port that failed the protocol's check (message-validator.ts) and
   * were dropped before touching the page: a cell that reached the port, or a kernel bug. For
   * developers: the count, and why the last one was refused.
   */
  rejected = 0;
  lastRejection: string | null = null;
  private flood = { since: 0, statuses: 0, refused: 0 };
  private flooded = false;

  private get words(): KernelClientWords {
    return this.options.words ?? ENGLISH_CLIENT_WORDS;
  }

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
    this.attachPort(channel.port1);
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
        reject(new Error(`the kernel worker failed to load: ${e.data.message === undefined ? 'no reason given' : safeString(e.data.message).slice(0, 1000)}`));
      };
      window.addEventListener('message', onWorkerError);
    });
    const probeCache = this.backend === undefined ? (this.probeCache?.read() ?? null) : null;
    this.probeWanted = this.backend === undefined && this.probeCache !== null;
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

  /**
   * Talks to the kernel through `port` (start() passes its channel's end; unit tests pass one and
   * play the kernel, or a cell speaking for it, on the other end).
   */
  attachPort(port: MessagePort): void {
    this.port = port;
    // Messages still queued on a port the page let go (a restart) are not read.
    this.port.onmessage = (e: MessageEvent<unknown>) => {
      if (this.port === port) this.receive(e.data);
    };
  }

  /**
   * Every message on the kernel's port, checked against the protocol before anything else: cell
   * code shares the kernel's worker and may speak for it.
   */
  private receive(data: unknown): void {
    if (this.flooded) return;
    const checked = validateKernelMessage(data);
    if (!checked.ok) {
      if (this.floods('refused')) return;
      this.refuse(checked.reason, data);
      return;
    }
    if (checked.value.type === 'status' && this.floods('statuses')) return;
    this.handle(checked.value);
  }

  /** Counts a message of `kind`; true (and the kernel is restarted) when that is a flood. */
  private floods(kind: keyof typeof FLOOD_LIMITS): boolean {
    const now = performance.now();
    if (now - this.flood.since > 1000) this.flood = { since: now, statuses: 0, refused: 0 };
    if (++this.flood[kind] <= FLOOD_LIMITS[kind]) return false;
    this.flooded = true;
    void this.restart(undefined, this.words.flooded(FLOOD_LIMITS[kind], kind)).catch(() => undefined);
    return true;
  }

  private refuse(reason: string, data: unknown): void {
    this.rejected++;
    this.lastRejection = reason;
    if (this.rejected <= LOGGED_REJECTIONS) console.warn(`kernel message refused (${this.rejected}): ${reason}`);
    this.options.onRejected?.(this.rejected, reason);
    // An output for a cell of this kernel that fails the check shows as an error in its place
    // (a cell that threw an Error whose message is an object must not vanish without a word).
    if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'output') {
      const id = (data as { id?: unknown }).id;
      const deliver = typeof id === 'string' ? (this.running.get(id)?.onOutput ?? this.finished.get(id)) : undefined;
      deliver?.({ kind: 'error', name: 'OutputRefused', message: this.words.outputRefused(reason), line: null, column: null, sourceLine: null });
    }
  }

  private handle(message: KernelToPage): void {
    switch (message.type) {
      case 'status':
        // A probe the kernel measured is kept for the next start (any page, any chapter): only
        // when the page asked for one (no backend chosen), once per start, and only fresh ones.
        if (this.probeWanted && message.state === 'idle') {
          this.probeWanted = false;
          if (message.probe && !message.probe.fromCache) this.probeCache?.write(message.probe);
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
        if (isBookDataset(message.path)) void this.answerAsset(message.requestId, message.path);
        else this.send({ type: 'asset-response', requestId: message.requestId, bytes: null, error: new AssetNotAllowedError(message.path).message });
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
      this.send({ type: 'asset-response', requestId, bytes: null, error: safeString((e as Error)?.message ?? e) });
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
          // Offered as a button in the cell that asked, under a safe name; never saved without a click.
          await storage.download(sanitizeDownloadName(request.name), request.bytes, { cellId: this.cellOf(request.runId), signal: abort.signal });
          result = { op: 'download' };
          break;
        case 'upload':
          result = { op: 'upload', file: await storage.upload({ cellId: this.cellOf(request.runId), signal: abort.signal }) };
          break;
        default:
          assertNever(request);
      }
      reply = { type: 'storage-response', requestId: request.requestId, ok: true, result };
    } catch (e) {
      reply = { type: 'storage-response', requestId: request.requestId, ok: false, error: safeString((e as Error)?.message ?? e) };
    } finally {
      this.storageOps.delete(abort);
    }
    if (port !== null && port === this.port && !abort.signal.aborted) port.postMessage(reply);
  }

  /** The cell a run belongs to (null when the run is not one of this kernel's). */
  private cellOf(runId: string | null): string | null {
    return runId === null ? null : (this.running.get(runId)?.cellId ?? null);
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

  /** The reader moved a control of a cell's d2l.controls: the kernel runs its callback again. */
  changeControls(controlsId: string, values: ControlValue[]): void {
    if (this.port) this.send({ type: 'controls-change', controlsId, values });
  }

  /**
   * Stops a running controls callback: it runs between cells (the page tracks no run for it), so
   * only the soft interrupt applies; a callback that does not stop keeps the kernel busy until the
   * reader stops a cell, which restarts it.
   */
  stopControls(): void {
    if (!this.port) return;
    if (this.interruptFlag) Atomics.store(this.interruptFlag, 0, 1);
    this.send({ type: 'interrupt' });
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
    await this.restart(undefined, this.words.stopRestarted);
    return 'restarted';
  }

  /** Tears the kernel down and starts a fresh one (optionally on another backend). */
  async restart(backend?: BackendName, reason = this.words.restarted): Promise<StatusMessage> {
    if (backend) this.backend = backend;
    this.teardown(reason);
    this.options.onReset?.(reason);
    return this.start();
  }

  private teardown(reason: string): void {
    this.flooded = false;
    this.flood = { since: 0, statuses: 0, refused: 0 };
    for (const [id, r] of this.running) {
      r.onOutput({ kind: 'error', name: 'KernelRestarted', message: reason, line: null, column: null, sourceLine: null });
      r.resolve({ type: 'done', id, status: 'interrupted', durationMs: 0 });
    }
    this.running.clear();
    this.finished.clear();
    this.abortStorageOps();
    if (this.port) this.port.onmessage = null;
    this.port?.close();
    this.port = null;
    this.frame?.remove(); // removing the frame ends its worker
    this.frame = null;
    this.interruptFlag = null;
  }

  dispose(): void {
    this.teardown(this.words.shutDown);
  }
}

function defaultFetchAsset(siteBase: string): (path: string) => Promise<Uint8Array> {
  return async (path) => {
    const res = await fetch(`${siteBase}data/${path}`);
    if (!res.ok) throw new Error(`could not load data/${path}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}
