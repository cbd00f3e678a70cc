/** What the page knows about one cell's runs in the current kernel. */
import { updateKey, type CellOutput } from '../../kernel/protocol';
import { boundOutput, type ShownOutput } from './bound-output';

export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'stopped';

export interface CellRun {
  status: CellStatus;
  /** Outputs of the latest run, bounded (a live chart appears once, replaced in place by its updates). */
  outputs: ShownOutput[];
  /** Of the latest finished run. */
  durationMs: number | null;
  /** performance.now() when the running run started (for a live timer). */
  startedAt: number | null;
  /** The reader ran this cell: recorded outputs are no longer shown. */
  ran: boolean;
  /** 1-based line of the latest error in the cell's own source (highlighted in the editor). */
  errorLine: number | null;
  /** Counts runs, so views can tell a new run from an update. */
  runNumber: number;
  /** Characters of text output left out (a cell that prints without end must not freeze the page). */
  droppedChars: number;
  /** Outputs left out past MAX_OUTPUTS. */
  droppedOutputs: number;
  /** The kernel the latest run ran in (SessionState.generation then); -1 before any run. */
  generation: number;
  /** The code of the latest run (its outputs are kept over a reload only while the cell still holds it). */
  code: string | null;
  /** Set when these outputs are the reader's, kept from before a reload (ISO time of the run); null for live runs. */
  restoredAt: string | null;
}

export const IDLE: CellRun = { status: 'idle', outputs: [], durationMs: null, startedAt: null, ran: false, errorLine: null, runNumber: 0, droppedChars: 0, droppedOutputs: 0, generation: -1, code: null, restoredAt: null };

/**
 * Text output kept per cell (100,000 lines of a training log fit); beyond it the cell says how
 * much was left out. The page draws only the first and last lines of a long text, the rest on
 * demand (outputs/text-window.ts), so keeping it costs memory, not layout.
 */
export const MAX_TEXT_CHARS = 2_000_000;

/** Outputs kept per run (a chart's updates and merged text count once); beyond it the cell says how many were left out. */
export const MAX_OUTPUTS = 1_000;

/**
 * The outputs of one run as they arrive: appends are O(1) amortized (a cell that prints 30,000
 * times in alternation must not re-copy the list 30,000 times), every output is bounded
 * (bound-output.ts), and past MAX_TEXT_CHARS or MAX_OUTPUTS the log only counts what it leaves
 * out. The session applies a snapshot to the store a few times per second.
 */
export class OutputLog {
  readonly outputs: ShownOutput[];
  textChars: number;
  droppedChars: number;
  droppedOutputs: number;
  /** Where each live chart and each controls output first appeared (updates replace them there). */
  private readonly chartAt = new Map<string, number>();

  constructor(from: Pick<CellRun, 'outputs' | 'droppedChars' | 'droppedOutputs'> = IDLE) {
    this.outputs = from.outputs.slice();
    this.textChars = 0;
    this.outputs.forEach((o, i) => {
      if (o.kind === 'text' || o.kind === 'value') this.textChars += o.text.length;
      const key = updateKey(o);
      if (key !== null) this.chartAt.set(key, i);
    });
    this.droppedChars = from.droppedChars;
    this.droppedOutputs = from.droppedOutputs;
  }

  add(raw: CellOutput): void {
    let output: ShownOutput = boundOutput(raw);
    if (output.kind === 'text' || output.kind === 'value') {
      const room = Math.max(0, MAX_TEXT_CHARS - this.textChars);
      if (output.text.length > room) {
        this.droppedChars += output.text.length - room;
        if (room === 0) return;
        output = { ...output, text: output.text.slice(0, room) };
      }
    }
    const key = updateKey(output);
    if (key !== null) {
      const at = this.chartAt.get(key);
      if (at !== undefined) {
        this.outputs[at] = output; // a live chart's (or controls') update replaces it where it first appeared
        return;
      }
    }
    // Consecutive text on one stream reads as one block, as in a terminal (not once outputs were
    // left out: what follows a gap is not shown after it).
    const last = this.outputs[this.outputs.length - 1];
    if (output.kind === 'text' && last?.kind === 'text' && last.stream === output.stream && this.droppedOutputs === 0) {
      const text = joinText(last.text, output.text); // a carriage return rewrites the last line
      this.outputs[this.outputs.length - 1] = { ...last, text };
      this.textChars += text.length - last.text.length;
      return;
    }
    if (output.kind === 'text' && output.text.includes('\r')) output = { ...output, text: applyCarriageReturns(output.text) };
    if (this.outputs.length >= MAX_OUTPUTS) {
      this.droppedOutputs++;
      if (output.kind === 'text' || output.kind === 'value') this.droppedChars += output.text.length;
      return;
    }
    if (output.kind === 'text' || output.kind === 'value') this.textChars += output.text.length;
    if (key !== null) this.chartAt.set(key, this.outputs.length);
    this.outputs.push(output);
  }

  /** Forgets what was shown (the reader cleared the cell); later outputs append to an empty log. */
  clear(): void {
    this.outputs.length = 0;
    this.chartAt.clear();
    this.textChars = 0;
    this.droppedChars = 0;
    this.droppedOutputs = 0;
  }

  /** The run with these outputs (a copy of the list: the store's snapshots never change). */
  applyTo(run: CellRun): CellRun {
    return { ...run, outputs: this.outputs.slice(), droppedChars: this.droppedChars, droppedOutputs: this.droppedOutputs };
  }
}

/** Adds an output (a chart update replaces the same chart where it first appeared). O(n): a log is for streams. */
export function addOutput(run: CellRun, output: CellOutput): CellRun {
  const log = new OutputLog(run);
  log.add(output);
  return log.applyTo(run);
}

/**
 * Appends text as a terminal (and Jupyter) shows it: a carriage return starts the line over, so a
 * progress line rewritten with "\r..." (d2l.progress, tqdm's habit) stays one line. Only the
 * last line of the text so far can change: the rest is not looked at again.
 */
export function joinText(before: string, chunk: string): string {
  if (!chunk.includes('\r')) return before + chunk;
  const cut = before.lastIndexOf('\n') + 1;
  return before.slice(0, cut) + applyCarriageReturns(before.slice(cut) + chunk);
}

/** Each line keeps what follows its last carriage return ("\r\n" is a plain line break). */
export function applyCarriageReturns(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n');
}

/**
 * What a cell shows under it: the reader's own outputs once the cell ran in this kernel;
 * before that the recorded ones, unless they are stale (recorded from another version of the
 * book's code: they would claim results this code never produced).
 */
export function visibleOutputs(
  run: CellRun,
  recorded: { outputs: CellOutput[] } | null,
  stale: boolean,
): { outputs: readonly CellOutput[]; recorded: boolean } {
  if (run.ran || recorded === null || stale) return { outputs: run.outputs, recorded: false };
  return { outputs: recorded.outputs, recorded: true };
}
