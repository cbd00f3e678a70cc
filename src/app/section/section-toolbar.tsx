/**
 * Run all / stop / restart / clear outputs for the section's kernel, and the edits menu. Sticks
 * under the header, so when Run all stops at an error far below, it says where, with a link.
 */
import { useSyncExternalStore } from 'react';
import type { SectionEdits } from '../edits/section-edits';
import type { KernelSession } from '../run/kernel-session';
import { Icon } from '../ui/icons';
import { EditsMenu } from './edits-menu';

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
  return (
    <div className="section-toolbar" role="toolbar" aria-label="Section">
      <button type="button" className="btn btn-run" onClick={runAll} title="Run every cell of the book in this section, in order (stops at the first error; your own cells are skipped)">
        <Icon name="runAll" /> Run all
      </button>
      <button type="button" className="btn" aria-label="Stop" onClick={() => void session.stop()} disabled={!active} title="Stop the running cell and empty the queue">
        <Icon name="stop" /> <span className="btn-text">Stop</span>
      </button>
      <button type="button" className="btn" aria-label="Restart" onClick={() => void session.restart()} disabled={!session.kernelStarted} title="A fresh kernel: variables are reset, outputs stay">
        <Icon name="restart" /> <span className="btn-text">Restart</span>
      </button>
      <button type="button" className="btn" aria-label="Clear outputs" onClick={clearAll} title="Clear the outputs of every cell (recorded ones too); running a cell shows its output again" data-action="clear-all">
        <Icon name="clear" /> <span className="btn-text">Clear outputs</span>
      </button>
      {s.queued.length > 0 && <span className="queue-count">{s.queued.length} queued</span>}
      {s.halted && !active && (
        <span className="halted" role="status" data-halted={s.halted.cellId}>
          Stopped at{' '}
          <a
            href={`#cell-${cellNumber(s.halted.cellId)}`}
            onClick={(e) => {
              e.preventDefault();
              goToCell(s.halted!.cellId);
            }}
          >
            cell {cellNumber(s.halted.cellId)}
          </a>
          <span className="btn-text">
            {' '}
            (an error){s.halted.skipped.length > 0 ? `; ${s.halted.skipped.length} cell${s.halted.skipped.length === 1 ? '' : 's'} below did not run` : ''}
          </span>
        </span>
      )}
      <span className="toolbar-spacer" />
      <EditsMenu edits={edits} downloadNotebook={downloadNotebook} />
    </div>
  );
}
