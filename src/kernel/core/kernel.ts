/**
 * The Kernel runs a chapter's cells, Jupyter-style, with one persistent scope. It has no
 * Worker APIs: the worker entry (worker.ts) and Node scripts/tests drive the same class
 * through `handle(message)` and a `send` callback, so chapters run identically in both.
 */
import {
  backendInfo,
  configureWasmPaths,
  flushDisplay,
  limitWasmThreads,
  reclaimMemory,
  setBeforeOpHook,
  setControlsHost,
  setDisplayHook,
  startBackend,
  tf,
  wasmThreading,
  type ControlsHost,
} from '../../lib/host';
import { AssetRelay } from './asset-relay';
import { ChartStream } from './chart-stream';
import { ControlsRunner } from './controls-runner';
import { DeviceLossRecovery } from './device-loss-recovery';
import { describeValue } from './describe-value';
import { KernelInterrupt } from './errors';
import { StorageRelay } from './storage-relay';
import { TextCoalescer } from './text-coalescer';
import { capText, ERROR_CAPS, isInstance, readThrown, safeString } from './thrown-value';
import { UnhandledLimiter } from './unhandled-limiter';
import { frameIn, toCellPosition } from './error-position';
import { createScope } from './scope';
import { CellSyntaxError, transformCell, type TransformedCell } from './transform';
import {
  assertNever,
  type CellOutput,
  type DisplayOutput,
  type DoneMessage,
  type ErrorOutput,
  type ExecuteRequest,
  type KernelState,
  type KernelToPage,
  type PageToKernel,
  type StartRequest,
} from '../protocol';

/** How often a running loop in async code yields to the event loop (ms). */
const YIELD_INTERVAL_MS = 100;

const HEADER = 'with (__scope) { return (async () => { ';

/**
 * Lines the Function constructor and our header put before the cell's first line, measured
 * once with a probe of the same shape (engines differ in what they prepend).
 */
const LINE_OFFSET: number = (() => {
  const file = 'kernel-probe.js';
  const probe = new Function('__scope', '__k', `with (__scope) { return (() => { \nthrow new Error('probe');\n})(); }\n//# sourceURL=${file}`) as (s: object, k: object) => void;
  try {
    probe({}, {});
  } catch (e) {
    const frame = frameIn((e as Error).stack, file);
    if (frame) return frame.line - 1;
  }
  return 2;
})();

/** What cell code calls at loop iterations (see transform.ts). */
export interface LoopHooks {
  tick(): void;
  readonly due: boolean;
  pause(): Promise<void>;
}

/** Errors thrown outside a cell's flow shown in full per second and run; the rest are counted. */
const UNHANDLED_SHOWN = 3;

/** How many finished runs keep their source for errors reported late (timers, unawaited promises). */
const RECENT_RUNS = 20;

interface RunSource {
  code: string;
  cell: TransformedCell | null;
  file: string;
}

export class Kernel {
  private scope = createScope((callback) => this.attribute(callback));
  /** The last cell run (errors reported after it finished go there). */
  private lastRunId: string | null = null;
  private readonly recentRuns = new Map<string, RunSource>();
  /** A lost GPU device: the running cell stops, the kernel moves to the next rung (device-loss-recovery.ts). */
  private readonly device = new DeviceLossRecovery({
    isRunning: () => this.runningId !== null,
    enqueue: (task) => void this.enqueue(task),
    setState: (state) => this.setState(state),
    resetScope: () => this.resetScope(),
  });
  private queue: Promise<void> = Promise.resolve();
  private interruptRequested = false;
  private interruptView: Int32Array | null = null;
  private runningId: string | null = null;
  /** The running cell's id and its output function (text before a controls output comes first). */
  private runningCellId: string | null = null;
  private cellEmit: ((output: CellOutput) => void) | null = null;
  /** d2l.controls: the controls cells created, re-run when the reader moves them. */
  private readonly controls = new ControlsRunner({
    sendOutput: (runId, output) => {
      if (runId === this.runningId && this.cellEmit !== null) this.cellEmit(output);
      else this.send({ type: 'output', id: runId, output });
    },
    enqueue: (task) => void this.enqueue(task),
    beginRun: (runId) => {
      this.interruptRequested = false;
      if (this.interruptView) Atomics.store(this.interruptView, 0, 0);
      this.runningId = runId;
      this.lastYield = performance.now();
      this.setState('busy');
      return () => {
        this.runningId = null;
        this.setState('idle');
      };
    },
    errorOutput: (e, runId) => {
      const source = this.recentRuns.get(runId);
      return this.errorOutput(e, source?.code ?? '', source?.cell ?? null, source?.file ?? '');
    },
  });
  private readonly controlsHost: ControlsHost = {
    show: (controls, initial, fn) => {
      if (this.runningId === null || this.runningCellId === null) throw new Error('d2l.controls: call it while its cell runs (await it), not later from a timer or callback.');
      return this.controls.show(this.runningId, this.runningCellId, controls, initial, fn);
    },
  };
  private lastYield = 0;
  private cellCounter = 0;
  private state: KernelState = 'starting';
  private readonly unhandled = new UnhandledLimiter((id, leftOut) =>
    this.send({
      type: 'output',
      id,
      output: { kind: 'error', name: 'UnhandledErrors', message: `${leftOut} more errors were thrown outside the cell's own flow (timers, callbacks, unawaited promises) within a second; only the first ${UNHANDLED_SHOWN} are shown.`, line: null, column: null, sourceLine: null },
    }),
  UNHANDLED_SHOWN);

  /**
   * Files saved by cells, relayed to the page (the worker installs it with setStorageBackend;
   * Node runs keep the library's default, the file system).
   */
  readonly storage = new StorageRelay(
    (request) => this.send(request),
    () => this.runningId,
  );

  /** The book's datasets, asked of the page (the worker installs it with setAssetLoader). */
  readonly assets = new AssetRelay((request) => this.send(request));

  /** Where the WASM binaries are (StartRequest.wasmBase), once started. */
  wasmBase: string | null = null;

  /** Called once the backend is up (the worker locks its globals down then). */
  onStarted: (() => void) | null = null;

  constructor(private readonly send: (message: KernelToPage) => void) {}

  /** Handles one message from the page. */
  handle(message: PageToKernel): void {
    switch (message.type) {
      case 'start':
        void this.enqueue(() => this.start(message));
        break;
      case 'execute':
        void this.execute(message);
        break;
      case 'share-interrupt':
        this.interruptView = new Int32Array(message.buffer);
        break;
      case 'interrupt':
        this.interruptRequested = true;
        // A cell waiting for the page (an upload dialog) runs no op that could notice the stop.
        this.storage.cancelAll(new KernelInterrupt());
        break;
      case 'asset-response':
        this.assets.handle(message);
        break;
      case 'storage-response':
        this.storage.handle(message);
        break;
      case 'controls-change':
        this.controls.change(message.controlsId, message.values);
        break;
      default:
        assertNever(message);
    }
  }

  /** Runs tasks one at a time, in order of arrival (a failed task does not block the next). */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Queues a cell; resolves with its done message (errors become outputs, never rejections). */
  execute(request: ExecuteRequest): Promise<DoneMessage> {
    return this.enqueue(() => this.executeNow(request));
  }

  private async start(request: StartRequest): Promise<void> {
    this.setState('starting');
    if (request.wasmBase) {
      // Through tfjs's platform fetch: the WASM backend may start after the lockdown (mx.withBackend).
      configureWasmPaths(request.wasmBase, { platformFetch: true });
      this.wasmBase = request.wasmBase;
    }
    if (request.wasmThreads !== undefined) limitWasmThreads(request.wasmThreads);
    // The reader's choice, else the fastest correct backend here (probed once, cached by the page).
    await startBackend({ backend: request.backend, cached: request.probeCache });
    this.device.watch();
    this.onStarted?.();
    // Library ops check for a stop request too (a long chain of ops without a loop), and for a lost device.
    setBeforeOpHook(() => {
      this.checkInterrupt();
      if (this.runningId !== null) this.device.throwIfLost();
    });
    this.setState('idle');
  }

  private setState(state: KernelState): void {
    this.state = state;
    const started = state !== 'starting';
    const info = started ? backendInfo() : null;
    this.send({
      type: 'status',
      state,
      backend: info?.name ?? null,
      fallbacks: [...this.device.lostRungs, ...(info?.skipped ?? [])],
      probe: info?.probe ?? null,
      wasm: info?.name === 'wasm' ? wasmThreading() : null,
      memory: started ? { numTensors: tf.memory().numTensors, numBytes: tf.memory().numBytes } : null,
    });
  }

  private interruptPending(): boolean {
    return this.interruptRequested || (this.interruptView !== null && Atomics.load(this.interruptView, 0) === 1);
  }

  private checkInterrupt(): void {
    if (this.runningId !== null && this.interruptPending()) throw new KernelInterrupt();
  }

  private hooks(): LoopHooks {
    const kernel = this; // the getter below has the hooks object as `this`
    return {
      tick: () => kernel.checkInterrupt(),
      get due() {
        return performance.now() - kernel.lastYield >= YIELD_INTERVAL_MS;
      },
      pause: async () => {
        await reclaimMemory(); // yields to the event loop: stop messages arrive, finalizers run
        kernel.lastYield = performance.now();
        kernel.checkInterrupt();
      },
    };
  }

  /**
   * Runs one cell and ALWAYS ends it with `done`, whatever the cell threw (see thrown-value.ts):
   * a failure of the kernel's own reporting becomes the cell's error, never a cell left running.
   */
  private async executeNow(request: ExecuteRequest): Promise<DoneMessage> {
    const t0 = performance.now();
    let status: DoneMessage['status'] = 'error';
    try {
      status = await this.runCell(request);
    } catch (e) {
      this.runningId = null;
      this.runningCellId = null;
      this.cellEmit = null;
      setDisplayHook(null);
      setControlsHost(null);
      try {
        const what = readThrown(e);
        this.send({ type: 'output', id: request.id, output: { kind: 'error', name: 'KernelError', message: `the kernel could not report this cell's result (${what.name}: ${what.message})`, line: null, column: null, sourceLine: null } });
      } catch {
        // nothing more can be said; the cell still ends below
      }
    }
    this.unhandled.flush(request.id);
    const done: DoneMessage = { type: 'done', id: request.id, status, durationMs: performance.now() - t0 };
    this.send(done);
    this.setState('idle');
    return done;
  }

  private async runCell(request: ExecuteRequest): Promise<DoneMessage['status']> {
    this.interruptRequested = false;
    if (this.interruptView) Atomics.store(this.interruptView, 0, 0);
    this.runningId = request.id;
    this.runningCellId = request.cellId;
    this.lastRunId = request.id;
    this.controls.forgetCell(request.cellId);
    this.setState('busy');
    const send = (output: CellOutput): void => this.send({ type: 'output', id: request.id, output });
    const text = new TextCoalescer(send);
    const emit = (output: CellOutput): void => {
      if (output.kind === 'text') return text.push(output);
      text.flush(); // what was printed before comes first
      send(output);
    };
    const charts = new ChartStream((chart) => emit(chart));
    setDisplayHook((output: DisplayOutput) => (output.kind === 'chart' ? charts.push(output) : emit(output)));
    this.cellEmit = emit;
    setControlsHost(this.controlsHost);
    let status: DoneMessage['status'] = 'ok';
    const file = `cell-${++this.cellCounter}.js`;
    let cell: TransformedCell | null = null;
    try {
      cell = transformCell(request.code, request.cellId);
      this.rememberRun(request.id, { code: request.code, cell, file });
      for (const name of cell.declared) {
        if (!Object.prototype.hasOwnProperty.call(this.scope, name)) this.scope[name] = undefined;
      }
      const hoist = cell.hoistedFunctions.map((f) => `__scope.${f} = ${f};`).join(' ');
      const source = `${HEADER}${hoist}\n${cell.body}\n})(); }\n//# sourceURL=${file}`;
      const fn = new Function('__scope', '__k', source) as (scope: object, k: LoopHooks) => Promise<unknown>;
      this.lastYield = performance.now();
      let value = await fn(this.scope, this.hooks());
      if (isInstance(value, Promise)) value = await value;
      await flushDisplay(); // prints still reading arrays come before the value
      charts.flushAll();
      if (cell.returnsValue) {
        const shown = await describeValue(value);
        if (shown) emit(shown);
      }
    } catch (e) {
      await flushDisplay(); // what the cell printed before failing comes before the error
      charts.flushAll();
      const interrupted = isInstance(e, KernelInterrupt);
      status = interrupted ? 'interrupted' : 'error';
      // A lost WebGL context makes tfjs fail ("Unable to create WebGLTexture") a task before its event arrives.
      const error = this.device.explain(e);
      if (error !== e) status = 'error';
      emit(this.errorOutput(error, request.code, cell, file));
    } finally {
      charts.flushAll();
      text.flush();
      setDisplayHook(null);
      setControlsHost(null);
      this.cellEmit = null;
      this.runningId = null;
      this.runningCellId = null;
    }
    if (this.device.isLost()) {
      // Results computed on a lost device cannot be trusted, even when the cell did not notice.
      if (status === 'ok') send(this.errorOutput(this.device.error(null), request.code, null, ''));
      status = status === 'interrupted' ? status : 'error';
      await this.device.recover();
    }
    return status;
  }

  /**
   * An error thrown inside a cell but outside its run (a timer, an unawaited promise): reported
   * to `runId` when known, else to the running cell, else to the cell that ran last (an unawaited
   * rejection surfaces just after its cell finished, before the next one starts).
   */
  reportUnhandled(reason: unknown, runId?: string): void {
    const id = runId ?? this.runningId ?? this.lastRunId ?? 'unhandled';
    if (!this.unhandled.admit(id)) return; // a flood: counted, reported once (UnhandledLimiter)
    const source = this.recentRuns.get(id);
    const output = this.errorOutput(reason, source?.code ?? '', source?.cell ?? null, source?.file ?? '');
    this.send({ type: 'output', id, output: { ...output, message: `${output.message} (thrown outside the cell's own flow: in a timer, a callback or an unawaited promise)` } });
  }

  /** Wraps a timer callback so that its errors reach the cell that scheduled it. */
  private attribute(callback: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
    const runId = this.runningId ?? this.lastRunId ?? undefined;
    return (...args) => {
      try {
        const result = callback(...args);
        if (isInstance(result, Promise)) (result as Promise<unknown>).catch((e: unknown) => this.reportUnhandled(e, runId));
        return result;
      } catch (e) {
        this.reportUnhandled(e, runId);
        return undefined;
      }
    };
  }

  private rememberRun(id: string, source: RunSource): void {
    this.recentRuns.set(id, source);
    if (this.recentRuns.size > RECENT_RUNS) this.recentRuns.delete(this.recentRuns.keys().next().value!);
  }

  private errorOutput(e: unknown, source: string, cell: TransformedCell | null, file: string): ErrorOutput {
    const err = readThrown(e);
    const lines = source.split('\n');
    let line: number | null = null;
    let column: number | null = null;
    if (isInstance(e, CellSyntaxError)) {
      line = (e as CellSyntaxError).line;
      column = (e as CellSyntaxError).column + 1;
    } else if (cell && file) {
      try {
        const frame = frameIn(err.stack, file);
        const pos = frame ? toCellPosition(frame, LINE_OFFSET, cell.map) : null;
        if (pos) ({ line, column } = pos);
      } catch {
        // a stack that does not parse: no position
      }
    }
    const sourceLine = line !== null ? (lines[line - 1] ?? null) : null;
    return {
      kind: 'error',
      name: err.name,
      message: err.message,
      line,
      column,
      sourceLine: sourceLine === null ? null : capText(safeString(sourceLine), ERROR_CAPS.sourceLine),
    };
  }

  get currentState(): KernelState {
    return this.state;
  }

  /** A variable of the cells' scope (for tests and the recorded-outputs script). */
  scopeValue(name: string): unknown {
    return this.scope[name];
  }

  /** Forgets every variable (the library stays). */
  resetScope(): void {
    this.controls.forgetAll();
    this.scope = createScope((callback) => this.attribute(callback));
  }
}
