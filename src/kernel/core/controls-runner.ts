/**
 * The kernel's side of d2l.controls: it shows a cell's controls with the outputs of their
 * callback, and runs the callback again when the page says the reader moved a control.
 *
 * - One run at a time, in the kernel's queue with the cells (a control never runs during a cell).
 * - Newest values win: changes that arrive while a run waits or runs replace each other, and only
 *   the latest is run next.
 * - Stoppable: a run has the cell's run id as the running id, so the reader's stop interrupts it
 *   (library ops and loops check), and the controls say "stopped".
 * - The callback's outputs (text, charts...) are collected under the controls and the whole
 *   ControlsOutput is sent again, at most every STREAM_MS while it runs, and once at its end.
 */
import { coerceControlValue, flushDisplay, getDisplayHook, setDisplayHook, type ControlSpec, type ControlValue } from '../../lib/host';
import type { ControlledOutput, ControlsOutput, DisplayOutput, ErrorOutput } from '../protocol';
import { KernelInterrupt } from './errors';
import { isInstance } from './thrown-value';

/** How often a running callback's outputs are sent (ms), like live charts. */
const STREAM_MS = 150;

/** Controls kept per kernel: older ones (of cells run long ago) stop answering. */
const MAX_LIVE_CONTROLS = 64;

/** Outputs kept under one set of controls (the page bounds them again). */
const MAX_OUTPUTS = 200;

interface LiveControls {
  controlsId: string;
  /** The run id of the cell that created them: their outputs go to that cell. */
  runId: string;
  cellId: string;
  controls: ControlSpec[];
  fn: (values: ControlValue[]) => unknown;
  /** The values of the latest change not yet run; null when none waits. */
  waiting: ControlValue[] | null;
  lastValues: ControlValue[];
}

/** What the runner needs from the kernel. */
export interface ControlsKernel {
  /** Sends an output to a run (after the cell ended too: the page keeps its log). */
  sendOutput(runId: string, output: ControlsOutput): void;
  /** Queues a task after the running cell and the queued ones. */
  enqueue(task: () => Promise<void>): void;
  /** Marks the kernel busy with `runId` (interruptible) until the returned function is called. */
  beginRun(runId: string): () => void;
  /** An error thrown by the callback, positioned in the cell of `runId` when possible. */
  errorOutput(e: unknown, runId: string): ErrorOutput;
}

export class ControlsRunner {
  private readonly live = new Map<string, LiveControls>();
  private counter = 0;

  constructor(private readonly kernel: ControlsKernel) {}

  /** Called by d2l.controls inside a running cell: shows the controls and runs fn once. Errors propagate to the cell. */
  async show(runId: string, cellId: string, controls: ControlSpec[], initial: ControlValue[], fn: (values: ControlValue[]) => unknown): Promise<void> {
    const entry: LiveControls = { controlsId: `${runId}-controls-${++this.counter}`, runId, cellId, controls, fn, waiting: null, lastValues: initial };
    this.live.set(entry.controlsId, entry);
    if (this.live.size > MAX_LIVE_CONTROLS) this.live.delete(this.live.keys().next().value!);
    const failure = await this.run(entry, initial, true);
    if (failure !== null) throw failure;
  }

  /** A cell runs again: its earlier controls are gone from the page, so they stop answering. */
  forgetCell(cellId: string): void {
    for (const [id, c] of this.live) if (c.cellId === cellId) this.live.delete(id);
  }

  forgetAll(): void {
    this.live.clear();
  }

  /** The page's ControlsChangeRequest. Unknown controls (of a cell run again, of a restarted kernel) are ignored. */
  change(controlsId: string, values: readonly unknown[]): void {
    const entry = this.live.get(controlsId);
    if (!entry || !Array.isArray(values)) return;
    const coerced = entry.controls.map((c, i) => coerceControlValue(c, values[i], entry.lastValues[i]!));
    const queued = entry.waiting !== null;
    entry.waiting = coerced; // newest wins: a queued run picks up these values when it starts
    if (queued) return;
    this.kernel.enqueue(async () => {
      const next = entry.waiting;
      entry.waiting = null;
      if (next === null || !this.live.has(entry.controlsId)) return;
      const end = this.kernel.beginRun(entry.runId);
      try {
        await this.run(entry, next, false);
      } finally {
        end();
      }
    });
  }

  /**
   * Runs the callback with `values`, collecting its outputs under the controls. Returns the
   * error to rethrow when it ran inside the cell (the cell fails with it), else null.
   */
  private async run(entry: LiveControls, values: ControlValue[], inCell: boolean): Promise<unknown> {
    entry.lastValues = values;
    const outputs: ControlledOutput[] = [];
    const chartAt = new Map<string, number>();
    let state: ControlsOutput['state'] = 'running';
    let lastSent = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const sendNow = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      lastSent = performance.now();
      this.kernel.sendOutput(entry.runId, { kind: 'controls', controlsId: entry.controlsId, controls: entry.controls, values, state, outputs: outputs.slice() });
    };
    const publish = (): void => {
      const wait = STREAM_MS - (performance.now() - lastSent);
      if (wait <= 0) sendNow();
      else timer ??= setTimeout(sendNow, wait);
    };
    const add = (o: DisplayOutput): void => {
      if (o.kind === 'chart') {
        const at = chartAt.get(o.chartId);
        if (at !== undefined) outputs[at] = o;
        else if (outputs.length < MAX_OUTPUTS) {
          chartAt.set(o.chartId, outputs.length);
          outputs.push(o);
        }
      } else {
        const last = outputs[outputs.length - 1];
        if (o.kind === 'text' && last?.kind === 'text' && last.stream === o.stream) outputs[outputs.length - 1] = { ...last, text: last.text + o.text };
        else if (outputs.length < MAX_OUTPUTS) outputs.push(o);
      }
      publish();
    };
    const outer = getDisplayHook();
    setDisplayHook(add);
    sendNow(); // the controls appear (or say "running") at once
    let failure: unknown = null;
    try {
      await entry.fn(values);
      await flushDisplay();
      state = 'done';
    } catch (e) {
      await flushDisplay().catch(() => undefined);
      const stopped = isInstance(e, KernelInterrupt);
      state = stopped ? 'stopped' : 'error';
      if (inCell) failure = e; // the cell reports it (and stops) as its own error
      else if (!stopped) outputs.push(this.kernel.errorOutput(e, entry.runId));
    } finally {
      setDisplayHook(outer);
      sendNow();
    }
    return failure;
  }
}
