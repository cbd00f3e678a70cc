/**
 * A code cell: toolbar (state, run, run above, stop, reset), the editor (plain code until
 * CodeMirror loads), notes (original changed), and outputs: the reader's own once the cell
 * ran, else the recorded ones (labelled), unless those are stale.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CellBlock } from '../../content/types';
import { IDLE, visibleOutputs, type CellRun } from '../run/cell-run';
import { useTheme } from '../theme/theme-store';
import { ErrorBoundary } from '../ui/error-boundary';
import { Icon } from '../ui/icons';
import { formatDuration } from '../ui/format';
import { useNearViewport } from '../ui/use-near-viewport';
import type { EditorCallbacks, EditorHandle } from './editor/create-editor';
import { useEditorModule } from './editor-loader';
import { CellOutputs } from './cell-outputs';
import { useSection } from './section-context';
import { DownloadOfferView, useDownloadOffers } from './download-offer';
import { UploadPrompt, usePendingUploads } from './upload-prompt';

function useCellRun(cellId: string): CellRun {
  const { session } = useSection();
  return useSyncExternalStore(session.store.subscribe, () => session.store.get().cells[cellId] ?? IDLE);
}

function useElapsed(startedAt: number | null): number | null {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (startedAt === null) return;
    const t = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(t);
  }, [startedAt]);
  return startedAt === null ? null : Math.max(0, now - startedAt);
}

function StateBadge({ run }: { run: CellRun }) {
  const elapsed = useElapsed(run.status === 'running' ? run.startedAt : null);
  const label = { idle: '', queued: 'queued', running: 'running', done: 'done', error: 'error', stopped: 'stopped' }[run.status];
  if (!label) return null;
  const time = run.status === 'running' ? elapsed : run.durationMs;
  return (
    <span className={`cell-state state-${run.status}`} role="status">
      {label}
      {time !== null && run.status !== 'queued' && <span className="cell-time"> · {formatDuration(time)}</span>}
    </span>
  );
}

export function CellView({ block, index }: { block: CellBlock; index: number }) {
  const { cell } = block;
  const ctx = useSection();
  const { session, edits } = ctx;
  useSyncExternalStore(edits.subscribe, edits.snapshot);
  const run = useCellRun(cell.id);
  const { theme } = useTheme();
  const host = useRef<HTMLDivElement>(null);
  // CodeMirror for the cells near the screen only: a long section stays quick to open and scroll.
  const near = useNearViewport(host);
  const loadedModule = useEditorModule();
  const editorModule = near ? loadedModule : null;
  const handle = useRef<EditorHandle | null>(null);
  const code = edits.codeOf(cell.id);
  const modified = edits.isModified(cell.id);
  const originalChanged = edits.originalChanged(cell.id);
  const pendingUploads = usePendingUploads(ctx.slug, cell.id);
  const offers = useDownloadOffers(ctx.slug, cell.id);

  const runHere = () => session.run([{ cellId: cell.id, code: edits.codeOf(cell.id) }]);
  const callbacks = useRef<EditorCallbacks>(null as unknown as EditorCallbacks);
  callbacks.current = {
    onChange: (text) => edits.setCode(cell.id, text),
    onRunInPlace: runHere,
    onRunAndAdvance: () => {
      runHere();
      ctx.focusCell(index + 1);
    },
  };

  useEffect(() => {
    if (!editorModule || !host.current) return;
    const h = editorModule.createEditor(host.current, {
      code: edits.codeOf(cell.id),
      lang: cell.lang,
      dark: document.documentElement.dataset['theme'] === 'dark',
      label: `Code cell ${index + 1}`,
      callbacks: () => callbacks.current,
    });
    handle.current = h;
    ctx.registerEditor(index, h);
    return () => {
      ctx.registerEditor(index, null);
      handle.current = null;
      h.destroy();
    };
    // The editor is created once per cell; later changes go through its handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editorModule]);

  useEffect(() => handle.current?.setDark(theme === 'dark'), [theme, editorModule]);
  useEffect(() => handle.current?.markErrorLine(run.errorLine), [run.errorLine, run.runNumber, editorModule]);
  // Resets and imports change the code from outside the editor.
  useEffect(() => handle.current?.replaceCode(code), [code]);

  const active = run.status === 'running' || run.status === 'queued';
  const shown = visibleOutputs(run, block.recorded, block.stale);

  return (
    <div className={`cell${modified ? ' cell-modified' : ''}`} data-cell-id={cell.id} data-state={run.status} data-modified={modified || undefined}>
      <div className="cell-bar">
        <StateBadge run={run} />
        {modified && (
          <span className="cell-mark" title="You edited this cell; your version is saved in this browser">
            modified
          </span>
        )}
        {!cell.runnable && (
          <span className="cell-mark cell-mark-quiet" title="Run all skips this cell (run=false); you can still run it yourself">
            not run by Run all
          </span>
        )}
        <span className="cell-bar-spacer" />
        {active ? (
          <button type="button" className="btn btn-small" onClick={() => void session.stop()} title="Stop the running cell and empty the queue">
            <Icon name="stop" /> Stop
          </button>
        ) : (
          <button type="button" className="btn btn-small btn-run" onClick={runHere} title="Run this cell (Ctrl+Enter; Shift+Enter runs and moves on)">
            <Icon name="run" /> Run
          </button>
        )}
        <button type="button" className="btn btn-small btn-quiet" onClick={() => session.run(ctx.cellsBefore(index))} title="Run every cell above this one, in order">
          <Icon name="runAbove" /> <span className="btn-text">Run above</span>
        </button>
        {modified && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => edits.resetCell(cell.id)} title="Restore the book's code for this cell (Ctrl+Z in the editor undoes it)">
            <Icon name="reset" /> <span className="btn-text">Reset</span>
          </button>
        )}
      </div>
      <div className="cell-editor" ref={host}>
        {!editorModule && (
          <pre className="cell-static">
            <code>{code}</code>
          </pre>
        )}
      </div>
      {originalChanged && (
        <div className="cell-note" role="note">
          The book&apos;s version of this cell changed since you edited it. Your edit is kept.
          <button type="button" className="btn btn-link" onClick={() => edits.resetCell(cell.id)}>
            Use the new original
          </button>
          <button type="button" className="btn btn-link" onClick={() => edits.keepEdit(cell.id)}>
            Keep my edit
          </button>
        </div>
      )}
      {pendingUploads.map((u) => (
        <UploadPrompt key={u.id} pending={u} />
      ))}
      {offers.map((o) => (
        <DownloadOfferView key={o.id} offer={o} />
      ))}
      <ErrorBoundary what="The outputs of this cell" resetKey={shown.outputs}>
        <CellOutputs outputs={shown.outputs} recorded={shown.recorded ? { modified, info: ctx.recorded } : null} droppedChars={shown.recorded ? 0 : run.droppedChars} droppedOutputs={shown.recorded ? 0 : run.droppedOutputs} />
      </ErrorBoundary>
    </div>
  );
}
