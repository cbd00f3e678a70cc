/**
 * A text output on a static page, folded as the app folds it (outputs/text-view.tsx, with the
 * same counts: outputs/text-window.ts): a long one shows its first HEAD_LINES and last TAIL_LINES
 * lines, and between them the app's words for what is not shown. Without JavaScript the lines
 * between sit in a native <details>, which the reader opens with a click (all of them at once:
 * they are in the page already). Pure.
 */
import type { Messages } from '../../app/i18n/messages';
import { textWindow } from '../../app/outputs/text-window';
import { escapeHtml } from './escape-html';

export function textOutputHtml(text: string, className: string, m: Messages): string {
  const w = textWindow(text);
  if (w.hiddenLines === 0) return `<pre class="${className}">${escapeHtml(text)}</pre>`;
  const middle = text.slice(w.head.length, text.length - w.tail.length);
  const summary =
    `<summary class="output-text-gap"><span class="static-text-closed">${escapeHtml(m.outputs.hiddenLines(w.hiddenLines, w.hiddenChars))}</span>` +
    `<span class="btn btn-small btn-quiet static-text-closed">${escapeHtml(m.outputs.showMore(w.hiddenLines))}</span>` +
    `<span class="btn btn-small btn-quiet static-text-open">${escapeHtml(m.outputs.collapse)}</span></summary>`;
  return (
    `<div class="output-text-window"><pre class="${className} output-text-head">${escapeHtml(w.head)}</pre>` +
    `<details class="static-text-fold" aria-label="${escapeHtml(m.outputs.linesNotShown)}">${summary}<pre class="${className} output-text-middle">${escapeHtml(middle)}</pre></details>` +
    `<pre class="${className} output-text-tail">${escapeHtml(w.tail)}</pre></div>`
  );
}
