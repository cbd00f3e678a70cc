/**
 * A text output (print, stderr, a value's text). Long ones draw their first and last lines and
 * open the rest on demand (text-window.ts), so a cell printing 100,000 lines keeps the page
 * responsive while it streams.
 */
import { useState } from 'react';
import { HEAD_LINES, MORE_LINES, textWindow } from './text-window';
import { useMessages } from '../i18n/messages';

export function TextView({ text, className }: { text: string; className: string }) {
  const [headLines, setHeadLines] = useState(HEAD_LINES);
  const m = useMessages();
  const w = textWindow(text, headLines);
  if (w.hiddenLines === 0) return <pre className={className}>{text}</pre>;
  const more = Math.min(MORE_LINES, w.hiddenLines);
  return (
    <div className="output-text-window">
      <pre className={`${className} output-text-head`}>{w.head}</pre>
      <div className="output-text-gap" role="group" aria-label={m.outputs.linesNotShown}>
        <span>{m.outputs.hiddenLines(w.hiddenLines, w.hiddenChars)}</span>
        <button type="button" className="btn btn-small btn-quiet" data-action="show-more-lines" onClick={() => setHeadLines(headLines + more)}>
          {m.outputs.showMore(more)}
        </button>
      </div>
      <pre className={`${className} output-text-tail`}>{w.tail}</pre>
    </div>
  );
}
