/**
 * Text outputs in Deno's Jupyter kernel. The kernel shows what `console` prints and nothing that
 * is written to `Deno.stdout` (denoland/deno#20555), so text goes through `console.log` /
 * `console.error`. Those end every call with a newline, so text is handed over by whole lines.
 *
 * A line rewritten with `\r` (a progress line: `d2l.progress`, tqdm-like) cannot be rewritten
 * through `console`: it is shown as a display output instead, updated in place as the line changes,
 * and left with the line's final text. Other text without its newline yet (rare: the library ends
 * its lines) is printed at the end of the current task, so that it is not held back for good.
 *
 * Why not `Deno.jupyter.broadcast('stream', …)`: it is asynchronous, and the kernel runs the event
 * loop only while a cell runs, so text written at the end of a cell arrived with a later cell or
 * not at all. `console` output is handed to the kernel at once and reaches the cell that wrote it.
 */
import type { JupyterApi } from './jupyter-api';

export type Stream = 'stdout' | 'stderr';

export interface JupyterTextTarget {
  /** One whole line, without its newline. */
  printLine(line: string, stream: Stream): void;
  jupyter: JupyterApi;
  /** Runs `fn` when the current task ends (queueMicrotask; a test may run it by hand). */
  later?: (fn: () => void) => void;
}

interface LineState {
  /** What the current line shows now (after any `\r` rewrites). */
  text: string;
  /** The line was rewritten with `\r`: it is a live line, shown as a display output. */
  live: boolean;
  /** The display id of the live line once shown. */
  displayId: string | null;
  /** A flush of plain partial text is scheduled. */
  flushQueued: boolean;
}

/** A writer of text in the library's form (`\n` ends a line, `\r` rewrites the current one). */
export function jupyterText(target: JupyterTextTarget): (text: string, stream: Stream) => void {
  const later = target.later ?? ((fn: () => void) => queueMicrotask(fn));
  // One id prefix per kernel session: a re-run must not update an older cell's line.
  const session = Math.random().toString(36).slice(2, 10);
  let lines = 0;
  const state: Record<Stream, LineState> = {
    stdout: { text: '', live: false, displayId: null, flushQueued: false },
    stderr: { text: '', live: false, displayId: null, flushQueued: false },
  };

  const showLive = (s: LineState): void => {
    const first = s.displayId === null;
    s.displayId ??= `handson-${session}-line-${++lines}`;
    void target.jupyter.display({ 'text/plain': s.text }, { raw: true, display_id: s.displayId, update: !first });
  };

  const endLine = (s: LineState, stream: Stream): void => {
    if (s.live) showLive(s);
    else target.printLine(s.text, stream);
    s.text = '';
    s.live = false;
    s.displayId = null;
  };

  return (text, stream) => {
    const s = state[stream];
    // `\r\n` is a newline; a lone `\r` returns to the start of the line, whose text it replaces.
    for (const piece of text.split(/(\r\n|\n|\r)/)) {
      if (piece === '\n' || piece === '\r\n') endLine(s, stream);
      else if (piece === '\r') {
        s.text = '';
        s.live = true;
      } else s.text += piece;
    }
    if (s.text === '') return;
    if (s.live) showLive(s);
    else if (!s.flushQueued) {
      s.flushQueued = true;
      later(() => {
        s.flushQueued = false;
        if (!s.live && s.text !== '') endLine(s, stream);
      });
    }
  };
}
