/**
 * Run all / stop / restart / clear outputs for the section's kernel, and the edits menu. Sticks
 * under the header, so when Run all stops at an error far below, it says where, with a link.
 */
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { SectionEdits } from '../edits/section-edits';
import type { KernelSession } from '../run/kernel-session';
import { Icon } from '../ui/icons';
import { EditsMenu } from './edits-menu';
import { useMessages } from '../i18n/messages';

/** "cell-7" -> 7: book cells are numbered in order, as their editors' labels say. */
const cellNumber = (cellId: string): string => cellId.replace(/^cell-/, '');

export function SectionToolbar({
  session,
  edits,
  runAll,
  clearAll,
  goToCell,
  downloadNotebook,
}: {
  session: KernelSession;
  edits: SectionEdits;
  runAll: () => void;
  clearAll: () => void;
  goToCell: (cellId: string) => void;
  downloadNotebook?: () => void;
}) {
  const s = useSyncExternalStore(session.store.subscribe, session.store.get);
  const active = s.running !== null || s.queued.length > 0;
  const m = useMessages();
  const bar = useRef<HTMLDivElement>(null);
  // The kernel's notices stick right under this toolbar (cells.css), whose height changes: on a
  // phone, Run all's "stopped at cell N" takes a line of its own, and a fixed offset hid the notice.
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--toolbar-h', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--toolbar-h');
    };
  }, []);
  return (
    <div className="section-toolbar" role="toolbar" aria-label={m.toolbar.label} ref={bar}>
      <button type="button" className="btn btn-run" onClick={runAll} title={m.toolbar.runAllTooltip}>
        <Icon name="runAll" /> {m.toolbar.runAll}
      </button>
      <button type="button" className="btn" aria-label={m.toolbar.stop} onClick={() => void session.stop()} disabled={!active} title={m.toolbar.stopTooltip}>
        <Icon name="stop" /> <span className="btn-text">{m.toolbar.stop}</span>
      </button>
      <button type="button" className="btn" aria-label={m.toolbar.restart} onClick={() => void session.restart()} disabled={!session.kernelStarted} title={m.toolbar.restartTooltip}>
        <Icon name="restart" /> <span className="btn-text">{m.toolbar.restart}</span>
      </button>
      <button type="button" className="btn" aria-label={m.toolbar.clearOutputs} onClick={clearAll} title={m.toolbar.clearOutputsTooltip} data-action="clear-all">
        <Icon name="clear" /> <span className="btn-text">{m.toolbar.clearOutputs}</span>
      </button>
      {s.queued.length > 0 && <span className="queue-count">{m.toolbar.queued(s.queued.length)}</span>}
      {s.halted && !active && (
        <span className="halted" role="status" data-halted={s.halted.cellId}>
          {m.toolbar.stoppedAt}{' '}
          <a
            href={`#cell-${cellNumber(s.halted.cellId)}`}
            onClick={(e) => {
              e.preventDefault();
              goToCell(s.halted!.cellId);
            }}
          >
            {m.toolbar.cell(cellNumber(s.halted.cellId))}
          </a>
          <span className="btn-text">{m.toolbar.anError(s.halted.skipped.length)}</span>
        </span>
      )}
      <span className="toolbar-spacer" />
      <EditsMenu edits={edits} downloadNotebook={downloadNotebook} />
    </div>
  );
}
