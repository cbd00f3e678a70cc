/**
 * The page <-> kernel protocol: every message in both directions, as discriminated unions.
 * The page talks to the kernel only through these; switches over them end in assertNever.
 */
import type { BackendName, BackendProbe, ControlValue, WasmThreading } from '../lib/host';
import type { CellOutput } from '../lib/output-kinds';

export type { BackendName, BackendProbe, BackendTrial, ProbeBasis, WasmThreading } from '../lib/host';
export type { ControlSpec, ControlValue, SelectControl, SliderControl } from '../lib/host';
// The page's values come from data-only modules, never from host.ts: importing that would pull
// TensorFlow.js into the page's bundle.
export { BACKEND_LADDER } from '../lib/engine/backend-names';
export { DEFAULT_THREAD_LIMIT } from '../lib/engine/wasm-thread-limit';

// ---- outputs: the library's vocabulary (MIME-bundle-like, built from data, never from markup) --

export type {
  CellOutput,
  ChartContour,
  ChartOutput,
  ChartPanel,
  ChartSeries,
  ControlledOutput,
  ControlsOutput,
  DisplayOutput,
  ErrorOutput,
  ImagesOutput,
  OutputImage,
  OutputKind,
  TableOutput,
  TextOutput,
  ValueOutput,
} from '../lib/output-kinds';
export { assertNever, updateKey } from '../lib/output-kinds';

// ---- page -> kernel ------------------------------------------------------------------------

export interface StartRequest {
  type: 'start';
  /**
   * The reader's chosen backend; it always wins. Absent: the fastest correct backend here,
   * from `probeCache` when that was measured for this machine, else from a new speed probe.
   */
  backend?: BackendName;
  /** The last speed probe the page kept (StatusMessage.probe); the kernel checks its key. */
  probeCache?: BackendProbe | null;
  /** Where the book's assets are, for the WASM binaries. */
  wasmBase?: string;
  /**
   * WASM's threads at most (wasm-threads.ts): 1 the single-thread build, null one per core when
   * the page is cross-origin isolated; absent: the kernel's default. The page sends it only when
   * the reader chose threads in the status bar (src/app/backend/wasm-threads-choice.ts). Cells can
   * reach the pthread workers; those are locked down like the kernel (wasm-threads.ts says how).
   */
  wasmThreads?: number | null;
}

export interface ExecuteRequest {
  type: 'execute';
  id: string;
  cellId: string;
  code: string;
}

/**
 * The Int32 flag the page sets to 1 to interrupt (only when cross-origin isolated). Sent on its
 * own, after start: when the worker sits in another agent cluster (as it did when the kernel frame
 * was an opaque-origin sandbox; frame.ts says why it no longer is), shared memory cannot reach it and this message is dropped (a messageerror), while start must
 * still arrive; the kernel then stops on the interrupt message at its next yield instead.
 */
export interface ShareInterruptRequest {
  type: 'share-interrupt';
  buffer: SharedArrayBuffer;
}

export interface InterruptRequest {
  type: 'interrupt';
}

export interface AssetResponse {
  type: 'asset-response';
  requestId: number;
  bytes: Uint8Array | null;
  error: string | null;
}

/**
 * The page's answer to a StorageRequest (see storage-relay.ts): `ok` with the operation's
 * result, or the reason it failed (shown to the reader as the cell's error).
 */
export type StorageResponse = { type: 'storage-response'; requestId: number } & ({ ok: true; result: StorageResult } | { ok: false; error: string });

/** What each storage operation gives back. */
export type StorageResult =
  | { op: 'write' }
  | { op: 'download' }
  /** The bytes stored under the name; null when nothing is. */
  | { op: 'read'; bytes: Uint8Array | null }
  /** The file the reader chose; null when they cancelled. */
  | { op: 'upload'; file: { name: string; bytes: Uint8Array } | null };

/**
 * The reader moved a control (or pressed "run again"): run the controls' callback with these
 * values. The kernel makes them valid for their controls (clamped, snapped, known options), runs
 * one change at a time and skips the values a newer change replaced.
 */
export interface ControlsChangeRequest {
  type: 'controls-change';
  controlsId: string;
  values: ControlValue[];
}

export type PageToKernel = StartRequest | ShareInterruptRequest | ExecuteRequest | InterruptRequest | AssetResponse | StorageResponse | ControlsChangeRequest;

// ---- kernel -> page ------------------------------------------------------------------------

export type KernelState = 'starting' | 'idle' | 'busy';

export interface StatusMessage {
  type: 'status';
  state: KernelState;
  backend: BackendName | null;
  /** Rungs of the ladder that were tried and failed, with why. */
  fallbacks: { name: BackendName; reason: string }[];
  /**
   * The speed probe that chose `backend` (per-backend times and verdicts), fresh or from the
   * page's cache (`fromCache`); null when the reader chose the backend, or in Node.
   */
  probe: BackendProbe | null;
  /** How WASM runs (threads, and why not more) when `backend` is WASM; else null. */
  wasm: WasmThreading | null;
  memory: { numTensors: number; numBytes: number } | null;
}

export interface OutputMessage {
  type: 'output';
  id: string;
  output: CellOutput;
}

export interface DoneMessage {
  type: 'done';
  id: string;
  status: 'ok' | 'error' | 'interrupted';
  durationMs: number;
}

export interface AssetRequest {
  type: 'asset-request';
  requestId: number;
  path: string;
}

/**
 * The kernel's file operations (nd.save / nd.load / saveParameters / nd.download / nd.upload),
 * relayed to the page: the sandboxed kernel has no storage of its own, and must never reach the
 * site's (where the reader's edits live). The page keeps these files apart (page-storage.ts).
 */
export type StorageCall =
  /** Store the bytes under the name, replacing what was there. */
  | { op: 'write'; name: string; bytes: Uint8Array }
  /** The bytes stored under the name. */
  | { op: 'read'; name: string }
  /** Offer the bytes to the reader as a downloaded file called `name`. */
  | { op: 'download'; name: string; bytes: Uint8Array }
  /** Ask the reader for a file. */
  | { op: 'upload' };

export type StorageRequest = {
  type: 'storage-request';
  requestId: number;
  /** The execute request (ExecuteRequest.id) whose cell asked; null outside a cell. */
  runId: string | null;
} & StorageCall;

export type KernelToPage = StatusMessage | OutputMessage | DoneMessage | AssetRequest | StorageRequest;
