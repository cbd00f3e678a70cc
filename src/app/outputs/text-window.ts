/**
 * Which part of a long text output the page draws. A cell may print 100,000 lines; laying all of
 * them out (again at each streamed update) stalls the page for seconds, so the page draws the
 * first lines and the last ones (the end of a training log is what the reader looks at) and
 * says how many lines lie between, which the reader opens on demand. Pure, O(length) at worst.
 */

/** Lines drawn at first from the start and from the end of a long text. */
export const HEAD_LINES = 400;
export const TAIL_LINES = 100;
/** Lines each "show more" adds. */
export const MORE_LINES = 2_000;
/** Characters drawn per part whatever the line count (a single line may be a megabyte long). */
export const PART_CHARS = 100_000;

export interface TextWindow {
  head: string;
  /** Lines between head and tail that are not drawn (0: head is the whole text). */
  hiddenLines: number;
  hiddenChars: number;
  tail: string;
}

/** Index just after the `n`-th line break from `from` (or the end), at most `maxChars` further. */
function afterLines(text: string, from: number, n: number, maxChars: number): number {
  let at = from;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return Math.min(text.length, from + maxChars);
    at = nl + 1;
    if (at - from >= maxChars) return from + maxChars;
  }
  return at;
}

/** Index of the start of the last `n` lines (a final line break does not start a line). */
function beforeLines(text: string, n: number, maxChars: number): number {
  let at = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let i = 0; i < n; i++) {
    const nl = at > 0 ? text.lastIndexOf('\n', at - 1) : -1;
    if (nl < 0) return Math.max(0, text.length - maxChars);
    at = nl;
    if (text.length - at > maxChars) return text.length - maxChars;
  }
  return at + 1;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) lines++;
  // A part that does not end on a line break still holds (the start of) a line.
  return to > from && text[to - 1] !== '\n' ? lines + 1 : lines;
}

/** The first `headLines` lines and the last TAIL_LINES of `text`, and what lies between. */
export function textWindow(text: string, headLines: number = HEAD_LINES): TextWindow {
  const headEnd = afterLines(text, 0, headLines, PART_CHARS * Math.max(1, Math.ceil(headLines / HEAD_LINES)));
  if (headEnd >= text.length) return { head: text, hiddenLines: 0, hiddenChars: 0, tail: '' };
  const tailStart = Math.max(headEnd, beforeLines(text, TAIL_LINES, PART_CHARS));
  if (tailStart <= headEnd) return { head: text, hiddenLines: 0, hiddenChars: 0, tail: '' };
  return { head: text.slice(0, headEnd), hiddenLines: countLines(text, headEnd, tailStart), hiddenChars: tailStart - headEnd, tail: text.slice(tailStart) };
}
