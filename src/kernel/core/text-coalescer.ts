/**
 * Prints coalesced per tick: a cell printing in a loop would otherwise send one message per
 * print (a million prints, a million messages, each one work for the page). Text of each stream
 * (stdout, stderr) is gathered until the event loop turns, or until `maxChars` have gathered (a
 * synchronous loop never lets the loop turn), then sent as one output per stream, in the order
 * the streams first printed; as Jupyter does, stdout and stderr are ordered within a stream, not
 * across the two. Anything else the cell shows flushes the text first, so text printed before a
 * table comes before it.
 */
import type { TextOutput } from '../protocol';

export const COALESCE_MAX_CHARS = 64 * 1024;

export class TextCoalescer {
  private pending: TextOutput[] = [];
  private scheduled = false;

  constructor(
    private readonly emit: (output: TextOutput) => void,
    private readonly maxChars = COALESCE_MAX_CHARS,
    private readonly schedule: (flush: () => void) => void = (flush) => void setTimeout(flush, 0),
  ) {}

  push(output: TextOutput): void {
    let entry = this.pending.find((p) => p.stream === output.stream);
    if (!entry) {
      entry = { kind: 'text', stream: output.stream, text: '' };
      this.pending.push(entry);
    }
    entry.text += output.text;
    if (entry.text.length >= this.maxChars) {
      this.flush();
    } else if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Sends what has gathered (before any other output, and when the cell ends). */
  flush(): void {
    const all = this.pending;
    this.pending = [];
    for (const output of all) this.emit(output);
  }
}
