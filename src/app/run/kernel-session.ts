/**
 * The kernel of one open section and its cells' runs: a queue (run, run all, run above),
 * stop, restart, and the state the cells and the status bar show. The kernel starts on the
 * first run, never on page load: reading costs no TensorFlow.js download and no CPU, and
 * saved edits are never run unless the reader asks.
 *
 * Outputs and status reports arrive message by message; they are applied in batches (at most
 * ~20 per second, the latest status wins) so a cell that prints in a tight loop, or floods the
 * port with status messages, cannot flood the page with renders: Stop stays clickable.
 */
import type { KernelClient } from '../../kernel/page/client';
import type { CellOutput, ControlValue, DoneMessage, StatusMessage } from '../../kernel/protocol';
import { BackendChoice } from '../backend/backend-choice';
import { pageMessages, type LocalText } from '../i18n/messages';
import { IDLE, OutputLog, type CellRun } from './cell-run';
import { offerDownload, withdrawCellOffers } from '../files/download-offers';
import { cachedAssetFetcher } from '../files/downloads';
import { Store } from './store';
import { requestUpload } from '../files/uploads';

export type KernelPhase = 'off' | 'starting' | 'idle' | 'busy' | 'failed';

export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  /** Worded when shown, in the language of the page that shows it. */
  text: LocalText;
  /**
   * One notice per topic, replaced in place by the next: three backend switches leave one
   * "restarted on ..." notice, not three stacked. 'kernel': restarts, resets, start failures;
   * 'backend': which backend the kernel fell back to.
   */
  topic: NoticeTopic;
}

export type NoticeTopic = 'kernel' | 'backend';

export interface SessionState {
  phase: KernelPhase;
  /** The kernel's last status (backend, fallbacks, memory); null before it first reports. */
  status: StatusMessage | null;
  notices: readonly Notice[];
  cells: Readonly<Record<string, CellRun>>;
  /** The cell running now, if any. */
  running: string | null;
  queued: readonly string[];
  /** Messages from the kernel's port that failed the protocol's check (KernelClient.rejected). */
  rejected: number;
  /** The last "run all"/"run above" stopped at an error: where, and the cells it did not run. */
  halted: Halted | null;
  /** Counts kernels torn down (restarts, shutdowns): a cell whose run has an older one ran in a kernel that is gone. */
  generation: number;
}

export interface Halted {
  cellId: string;
  /** The queued cells that did not run because of it, in order. */
  skipped: readonly string[];
}

export interface RunRequest {
  cellId: string;
  code: string;
}

export interface SessionEnvironment {
  siteBase: string;
  backend: () => BackendChoice;
  /** StartRequest.wasmThreads (wasm-threads-choice.ts); undefined: the kernel's default. */
  wasmThreads: () => number | null | undefined;
  /** Called when this session's kernel starts (the pool may shut down others). */
  onKernelStarted: (session: KernelSession) => void;
}

const FLUSH_MS = 50;
let nextNoticeId = 1;

export class KernelSession {
  readonly store: Store<SessionState>;
  private client: KernelClient | null = null;
  private starting: Promise<KernelClient> | null = null;
  private queue: RunRequest[] = [];
  private pumping = false;
  /** The outputs of each cell's current run, and which changed since the last flush. */
  private logs = new Map<string, OutputLog>();
  private dirty = new Set<string>();
  /** The latest status not yet applied (statuses are coalesced like outputs). */
  private pendingStatus: StatusMessage | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** Increments on every teardown, so a run that belonged to a dead kernel cannot touch state. */
  private generation = 0;
  lastUsed = Date.now();

  constructor(
    readonly slug: string,
    private readonly env: SessionEnvironment,
  ) {
    this.store = new Store<SessionState>({ phase: 'off', status: null, notices: [], cells: {}, running: null, queued: [], rejected: 0, halted: null, generation: 0 });
  }

  get kernelStarted(): boolean {
    return this.client !== null || this.starting !== null;
  }

  get busy(): boolean {
    return this.store.get().running !== null || this.queue.length > 0;
  }

  cell(cellId: string): CellRun {
    return this.store.get().cells[cellId] ?? IDLE;
  }

  // ---- running ---------------------------------------------------------------------------

  /** Queues cells in order; a cell already queued keeps its place. */
  run(requests: readonly RunRequest[]): void {
    this.lastUsed = Date.now();
    const fresh = requests.filter((r) => !this.queue.some((q) => q.cellId === r.cellId));
    if (fresh.length === 0) return;
    this.queue.push(...fresh);
    this.patch((s) => ({
      queued: this.queue.map((q) => q.cellId),
      halted: null,
      cells: { ...s.cells, ...Object.fromEntries(fresh.map((r) => [r.cellId, { ...(s.cells[r.cellId] ?? IDLE), status: 'queued' as const }])) },
    }));
    void this.pump();
  }

  /** Empties the queue and stops the running cell (soft interrupt, or a restart after a second). */
  async stop(): Promise<void> {
    this.clearQueue();
    if (this.client && this.store.get().running) await this.client.interrupt();
  }

  /** The reader moved a control under a cell (d2l.controls): its callback runs again in the kernel. */
  changeControls(controlsId: string, values: ControlValue[]): void {
    this.client?.changeControls(controlsId, values);
  }

  /** Stops a running controls callback (the kernel keeps its variables). */
  stopControls(): void {
    this.client?.stopControls();
  }

  /** A fresh kernel (on the chosen backend): variables are lost, outputs stay on the page. */
  async restart(reason: LocalText = (m) => m.kernel.restarted): Promise<void> {
    this.clearQueue();
    const wasStarted = this.kernelStarted;
    this.teardown();
    if (wasStarted) {
      // The new kernel announces its own fallback, if any: the old one's no longer holds.
      this.patch((st) => ({ notices: st.notices.filter((n) => n.topic !== 'backend') }));
      this.notice('info', reason);
      await this.ensureKernel().catch(() => undefined);
    }
  }

  /** Shuts the kernel down (leaving the section for long, or the pool needs the memory). */
  shutdown(reason: LocalText | null): void {
    if (!this.kernelStarted) return;
    this.clearQueue();
    this.teardown();
    if (reason) this.notice('info', reason);
  }

  /**
   * Clears the outputs shown under these cells (recorded ones too: the cell then shows nothing
   * until it runs again). A running cell keeps running; its later outputs appear.
   */
  clearOutputs(cellIds: readonly string[]): void {
    for (const id of cellIds) {
      this.logs.get(id)?.clear(); // a running cell's later outputs append to an empty log
      this.dirty.delete(id);
    }
    this.patch((s) => ({
      cells: { ...s.cells, ...Object.fromEntries(cellIds.map((id) => [id, { ...(s.cells[id] ?? IDLE), outputs: [], droppedChars: 0, droppedOutputs: 0, ran: true, errorLine: null }])) },
    }));
  }

  /** Forgets a cell that left the page (a deleted scratch cell): its id may come back as a new cell. */
  forget(cellId: string): void {
    this.queue = this.queue.filter((q) => q.cellId !== cellId);
    this.logs.delete(cellId);
    this.dirty.delete(cellId);
    this.patch((s) => {
      const cells = { ...s.cells };
      delete cells[cellId];
      return { cells, queued: this.queue.map((q) => q.cellId) };
    });
  }

  dismissNotice(id: number): void {
    this.patch((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  }

  /**
   * Starts the kernel ahead of the first run, when the reader clicks into a cell: starting it
   * (and, on a first visit, measuring the backends) takes a second or more, which then passes
   * while the reader reads or edits instead of after they press Run. Runs no reader code.
   */
  warm(): void {
    if (this.kernelStarted || this.store.get().phase === 'failed') return;
    this.lastUsed = Date.now();
    void this.ensureKernel().catch(() => undefined); // a failure is reported by the run that needs the kernel
  }

  /**
   * Shows the reader's outputs kept from before a reload (saved-outputs.ts) under cells that have
   * not run in this page yet: as outputs of no kernel (idle, an old generation), marked restored.
   */
  restoreOutputs(saved: readonly { cellId: string; code: string; outputs: CellRun['outputs']; savedAt: string }[]): void {
    const fresh = saved.filter((x) => !this.store.get().cells[x.cellId]?.ran);
    if (fresh.length === 0) return;
    this.patch((s) => ({
      cells: { ...s.cells, ...Object.fromEntries(fresh.map((x) => [x.cellId, { ...IDLE, ran: true, outputs: x.outputs, code: x.code, restoredAt: x.savedAt }])) },
    }));
  }

  /** Starts the kernel if needed; the status bar and the backend switcher call this too. */
  ensureKernel(): Promise<KernelClient> {
    if (this.client) return Promise.resolve(this.client);
    if (this.starting) return this.starting;
    const generation = this.generation;
    this.patch(() => ({ phase: 'starting' }));
    this.starting = (async () => {
      const [{ KernelClient }, { IndexedDbPageStorage }] = await Promise.all([import('../../kernel/page/client'), import('../../kernel/page/page-storage')]);
      const choice = this.env.backend();
      const client = new KernelClient({
        frameUrl: `${this.env.siteBase}kernel-frame.html`,
        siteBase: this.env.siteBase,
        backend: choice === 'auto' ? undefined : choice,
        wasmThreads: this.env.wasmThreads(),
        fetchAsset: cachedAssetFetcher(this.env.siteBase),
        // Files cells save (nd.save, saveParameters) live in the kernel's own IndexedDB database, shared by
        // every section; uploads show a button in the cell that asked.
        // Downloads are offered as a button in that cell, saved only on the reader's click.
        storage: new IndexedDbPageStorage({
          upload: (request) => requestUpload(this.slug, request),
          download: (name, bytes, request) => offerDownload(this.slug, name, bytes, request),
        }),
        onStatus: (status) => {
          if (generation !== this.generation) return;
          this.pendingStatus = status;
          this.scheduleFlush();
        },
        onRejected: () => {
          this.rejectedTotal++;
          this.scheduleFlush();
        },
        // The client words its reasons (and the errors it writes into cells) in the page's language.
        words: pageMessages().kernelClient,
        onReset: (reason) => {
          if (generation === this.generation) this.notice('warning', () => reason);
        },
      });
      try {
        const status = await client.start();
        if (generation !== this.generation) {
          client.dispose();
          throw new Error(pageMessages().kernel.shutDownWhileStarting);
        }
        this.client = client;
        this.announceFallbacks(status, choice);
        this.env.onKernelStarted(this);
        return client;
      } catch (e) {
        client.dispose();
        if (generation === this.generation) {
          this.patch(() => ({ phase: 'failed' }));
          const message = (e as Error).message;
          this.notice('error', (m) => m.kernel.couldNotStart(message));
        }
        throw e;
      } finally {
        if (generation === this.generation) this.starting = null;
      }
    })();
    return this.starting;
  }

  dispose(): void {
    this.clearQueue();
    this.teardown();
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const generation = this.generation;
        let client: KernelClient;
        try {
          client = await this.ensureKernel();
        } catch (e) {
          const first = this.queue[0];
          this.clearQueue();
          if (first) this.finishWithError(first.cellId, 'KernelStartError', pageMessages().kernel.couldNotStartCell((e as Error).message));
          return;
        }
        if (generation !== this.generation) continue;
        const request = this.queue.shift()!;
        const done = await this.execute(client, request);
        if (done.status !== 'ok' && this.queue.length > 0) {
          // As in a notebook: a failing cell stops "run all", the cells below it would fail too.
          const skipped = this.queue.map((q) => q.cellId);
          this.clearQueue();
          if (done.status === 'error') this.patch(() => ({ halted: { cellId: request.cellId, skipped } }));
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private async execute(client: KernelClient, { cellId, code }: RunRequest): Promise<DoneMessage> {
    const generation = this.generation;
    const startedAt = performance.now();
    const previous = this.cell(cellId);
    const log = new OutputLog();
    this.logs.set(cellId, log);
    this.dirty.delete(cellId);
    withdrawCellOffers(this.slug, cellId);
    this.patch((s) => ({
      running: cellId,
      queued: this.queue.map((q) => q.cellId),
      cells: {
        ...s.cells,
        [cellId]: { ...IDLE, status: 'running', startedAt, ran: true, runNumber: previous.runNumber + 1, generation, code },
      },
    }));
    const done = await client.execute(cellId, code, (output: CellOutput) => {
      if (generation !== this.generation || this.logs.get(cellId) !== log) return;
      log.add(output);
      this.dirty.add(cellId);
      this.scheduleFlush();
    });
    this.flushOutputs();
    if (generation === this.generation || this.store.get().running === cellId) {
      const errorOutput = this.cell(cellId).outputs.find((o) => o.kind === 'error');
      this.patch((s) => ({
        running: s.running === cellId ? null : s.running,
        cells: {
          ...s.cells,
          [cellId]: {
            ...(s.cells[cellId] ?? IDLE),
            status: done.status === 'ok' ? 'done' : done.status === 'error' ? 'error' : 'stopped',
            durationMs: done.durationMs || performance.now() - startedAt,
            startedAt: null,
            errorLine: errorOutput?.kind === 'error' ? errorOutput.line : null,
          },
        },
      }));
    }
    return done;
  }

  private finishWithError(cellId: string, name: string, message: string): void {
    this.patch((s) => ({
      cells: {
        ...s.cells,
        [cellId]: { ...(s.cells[cellId] ?? IDLE), status: 'error', ran: true, outputs: [{ kind: 'error', name, message, line: null, column: null, sourceLine: null }], errorLine: null },
      },
    }));
  }

  private clearQueue(): void {
    const dropped = this.queue.map((q) => q.cellId);
    this.queue = [];
    if (dropped.length === 0) return;
    this.patch((s) => ({
      queued: [],
      cells: { ...s.cells, ...Object.fromEntries(dropped.map((id) => [id, { ...(s.cells[id] ?? IDLE), status: (s.cells[id]?.ran ? 'stopped' : 'idle') as CellRun['status'] }])) },
    }));
  }

  private teardown(): void {
    this.generation++;
    this.flushOutputs();
    const running = this.store.get().running;
    this.client?.dispose();
    this.client = null;
    this.starting = null;
    this.patch((s) => ({
      phase: 'off',
      status: null,
      running: null,
      generation: this.generation,
      cells: running ? { ...s.cells, [running]: { ...(s.cells[running] ?? IDLE), status: 'stopped', startedAt: null } } : s.cells,
    }));
  }

  private announceFallbacks(status: StatusMessage, choice: BackendChoice): void {
    if (status.fallbacks.length === 0 || !status.backend) return;
    const running = status.backend;
    const fallbacks = status.fallbacks;
    this.notice('info', (m) => m.kernel.fellBack(choice === 'auto' ? null : choice, running, fallbacks.map((f) => m.status.unavailable(f.name, f.reason)).join('; ')), 'backend');
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flushOutputs();
    }, FLUSH_MS);
  }

  private flushOutputs(): void {
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    const status = this.pendingStatus;
    this.pendingStatus = null;
    if (status) this.patch(() => ({ status, phase: status.state === 'starting' ? 'starting' : status.state }));
    if (this.rejectedTotal !== this.store.get().rejected) this.patch(() => ({ rejected: this.rejectedTotal }));
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    this.patch((s) => {
      const cells = { ...s.cells };
      for (const id of ids) cells[id] = this.logs.get(id)!.applyTo(s.cells[id] ?? IDLE);
      return { cells };
    });
  }

  /** Refused kernel messages, over every kernel this section had. */
  private rejectedTotal = 0;

  private notice(kind: Notice['kind'], text: LocalText, topic: NoticeTopic = 'kernel'): void {
    this.patch((s) => {
      const previous = s.notices.find((n) => n.topic === topic);
      const next: Notice = { id: previous?.id ?? nextNoticeId++, kind, text, topic };
      return { notices: previous ? s.notices.map((n) => (n === previous ? next : n)) : [...s.notices, next] };
    });
  }

  private patch(fn: (s: SessionState) => Partial<SessionState>): void {
    this.store.update((s) => ({ ...s, ...fn(s) }));
  }
}
