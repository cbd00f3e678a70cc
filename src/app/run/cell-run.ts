/** What the page knows about one cell's runs in the current kernel. */
import type { CellOutput, ChartOutput } from '../../kernel/protocol';

export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'stopped';

export interface CellRun {
  status: CellStatus;
  /** Outputs of the latest run (a live chart appears once, replaced in place by its updates). */
  outputs: CellOutput[];
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
}

export const IDLE: CellRun = { status: 'idle', outputs: [], durationMs: null, startedAt: null, ran: false, errorLine: null, runNumber: 0, droppedChars: 0 };

/** Text output kept per cell; beyond it the cell says how much was left out. */
export const MAX_TEXT_CHARS = 200_000;

/** Adds an output; a chart update replaces the same chart where it first appeared. */
export function addOutput(run: CellRun, output: CellOutput): CellRun {
  const textSoFar = run.outputs.reduce((n, o) => n + (o.kind === 'text' || o.kind === 'value' ? o.text.length : 0), 0);
  if ((output.kind === 'text' || output.kind === 'value') && textSoFar + output.text.length > MAX_TEXT_CHARS) {
    const room = Math.max(0, MAX_TEXT_CHARS - textSoFar);
    const dropped = run.droppedChars + output.text.length - room;
    return room === 0 ? { ...run, droppedChars: dropped } : { ...run, outputs: appendOutput(run.outputs, { ...output, text: output.text.slice(0, room) }), droppedChars: dropped };
  }
  return { ...run, outputs: appendOutput(run.outputs, output) };
}

function appendOutput(outputs: readonly CellOutput[], output: CellOutput): CellOutput[] {
  if (output.kind === 'chart') {
    const at = outputs.findIndex((o) => o.kind === 'chart' && (o as ChartOutput).chartId === output.chartId);
    if (at >= 0) {
      const next = outputs.slice();
      next[at] = output;
      return next;
    }
  }
  // Consecutive text on one stream reads as one block, as in a terminal.
  const last = outputs[outputs.length - 1];
  if (output.kind === 'text' && last?.kind === 'text' && last.stream === output.stream) {
    return [...outputs.slice(0, -1), { ...last, text: joinText(last.text, output.text) }];
  }
  if (output.kind === 'text' && output.text.includes('\r')) return [...outputs, { ...output, text: applyCarriageReturns(output.text) }];
  return [...outputs, output];
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
