/** Run all / stop / restart for the section's kernel, and the edits menu. Sticks under the header. */
import { useSyncExternalStore } from 'react';
import type { SectionEdits } from '../edits/section-edits';
import type { KernelSession } from '../run/kernel-session';
import { Icon } from '../ui/icons';
import { EditsMenu } from './edits-menu';

export function SectionToolbar({ session, edits, runAll }: { session: KernelSession; edits: SectionEdits; runAll: () => void }) {
  const s = useSyncExternalStore(session.store.subscribe, session.store.get);
  const active = s.running !== null || s.queued.length > 0;
  return (
    <div className="section-toolbar" role="toolbar" aria-label="Section">
      <button type="button" className="btn btn-run" onClick={runAll} title="Run every cell of this section, in order (stops at the first error)">
        <Icon name="runAll" /> Run all
      </button>
      <button type="button" className="btn" aria-label="Stop" onClick={() => void session.stop()} disabled={!active} title="Stop the running cell and empty the queue">
        <Icon name="stop" /> <span className="btn-text">Stop</span>
      </button>
      <button type="button" className="btn" aria-label="Restart" onClick={() => void session.restart()} disabled={!session.kernelStarted} title="A fresh kernel: variables are reset, outputs stay">
        <Icon name="restart" /> <span className="btn-text">Restart</span>
      </button>
      {s.queued.length > 0 && <span className="queue-count">{s.queued.length} queued</span>}
      <span className="toolbar-spacer" />
      <EditsMenu edits={edits} />
    </div>
  );
}
