/**
 * A code cell: toolbar (state, run, run above, stop, reset, copy, add a scratch cell below,
 * keyboard help), the editor (plain code until CodeMirror loads), notes (original changed), and
 * outputs: the reader's own once the cell ran, else the recorded ones (labelled), unless those
 * are stale. The same view shows the reader's scratch cells, marked as theirs.
 *
 * Keyboard, as in Jupyter's command mode: Esc leaves the editor for the cell (Tab indents inside
 * the editor, so this is the way out); there B adds a scratch cell below, Enter edits again.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { CellBlock } from '../../content/types';
import type { CellOutput, ErrorOutput } from '../../kernel/protocol';
import { IDLE, visibleOutputs, type CellRun } from '../run/cell-run';
import { useTheme } from '../theme/theme-store';
import { ErrorBoundary } from '../ui/error-boundary';
import { Icon } from '../ui/icons';
import { formatDuration } from '../ui/format';
import { useNearViewport } from '../ui/use-near-viewport';
import type { EditorCallbacks, EditorHandle } from './editor/create-editor';
import { useEditorModule } from './editor-loader';
import { CellOutputs } from './cell-outputs';
import type { ControlsChannel } from '../outputs/controls-channel';
import { ErrorAdviceView } from './error-advice-view';
import { SlowBackendHint } from './slow-backend-hint';
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

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

/** The first element the keyboard can reach after `el` and outside it, in document order. */
function focusableAfter(el: HTMLElement): HTMLElement | null {
  for (const candidate of document.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (el.contains(candidate)) continue;
    if (el.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING && candidate.getClientRects().length > 0) return candidate;
  }
  return null;
}

/** A scratch cell as a block: the reader's code, no recorded outputs, run by the reader only. */
export function scratchBlock(id: string): CellBlock {
  return { kind: 'cell', cell: { id, lang: 'js', code: '', attrs: {}, line: 0, runnable: true }, sourceHash: '', recorded: null, stale: false };
}

function useHalted(cellId: string): 'halted-here' | 'skipped' | null {
  const { session } = useSection();
  return useSyncExternalStore(session.store.subscribe, () => {
    const h = session.store.get().halted;
    return h === null ? null : h.cellId === cellId ? 'halted-here' : h.skipped.includes(cellId) ? 'skipped' : null;
  });
}

/** Copies the cell's code; says "Copied" for a moment (or why it could not). */
function CopyButton({ code }: { code: () => string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!done) return;
    const t = setTimeout(() => setDone(null), 1500);
    return () => clearTimeout(t);
  }, [done]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code());
      setDone('copied');
    } catch {
      setDone('failed');
    }
  };
  return (
    <button type="button" className="btn btn-small btn-quiet" onClick={() => void copy()} title={done === 'failed' ? 'The browser refused the clipboard: select the code and press Ctrl+C' : 'Copy the code of this cell'} data-action="copy">
      <Icon name={done === 'copied' ? 'check' : 'copy'} /> <span className="btn-text">{done === 'copied' ? 'Copied' : done === 'failed' ? 'Not copied' : 'Copy'}</span>
    </button>
  );
}

function CellHelp({ scratch }: { scratch: boolean }) {
  return (
    <div className="cell-help" role="note">
      <dl>
        <dt>Shift+Enter</dt>
        <dd>run, then go to the next cell</dd>
        <dt>Ctrl+Enter</dt>
        <dd>run, stay here</dd>
        <dt>Esc</dt>
        <dd>leave the editor (Tab indents inside it); then Tab moves on</dd>
        <dt>Esc, then B</dt>
        <dd>add your own scratch cell below, run in the same kernel</dd>
        <dt>Esc, then Enter</dt>
        <dd>back into the editor</dd>
      </dl>
      {scratch && <p>This is your own cell: saved in this browser with your edits, exported with them, and never run by Run all.</p>}
    </div>
  );
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

/**
 * `index`: how many of the book's cells come before this one (run above runs them). `scratch`:
 * set for the reader's own cells, with the book cell they sit below.
 */
export function CellView({ block, index, scratch }: { block: CellBlock; index: number; scratch?: { after: string } }) {
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
  const halted = useHalted(cell.id);
  const [help, setHelp] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  const runHere = () => session.run([{ cellId: cell.id, code: edits.codeOf(cell.id) }]);
  const controlsChannel = useMemo<ControlsChannel>(() => ({ change: (id, values) => session.changeControls(id, values), stop: () => session.stopControls() }), [session]);
  const callbacks = useRef<EditorCallbacks>(null as unknown as EditorCallbacks);
  callbacks.current = {
    onChange: (text) => edits.setCode(cell.id, text),
    onRunInPlace: runHere,
    onRunAndAdvance: () => {
      runHere();
      ctx.focusAfter(cell.id);
    },
    onEscape: () => box.current?.focus(),
  };

  // Command mode: keys on the cell itself (not in the editor or on a button).
  const onCellKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'b' || e.key === 'B') {
      e.preventDefault();
      ctx.addScratchBelow(cell.id);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      ctx.focusCell(cell.id);
    } else if (e.key === 'Tab' && !e.shiftKey) {
      // Tab moves on past this cell: through its buttons it would reach the editor, where Tab indents again.
      const next = focusableAfter(e.currentTarget);
      if (next) {
        e.preventDefault();
        next.focus();
      }
    }
  };

  useEffect(() => {
    if (!editorModule || !host.current) return;
    const h = editorModule.createEditor(host.current, {
      code: edits.codeOf(cell.id),
      lang: cell.lang,
      dark: document.documentElement.dataset['theme'] === 'dark',
      label: scratch ? `Your scratch cell below code cell ${index}` : `Code cell ${index + 1}`,
      callbacks: () => callbacks.current,
    });
    handle.current = h;
    ctx.registerEditor(cell.id, h);
    return () => {
      ctx.registerEditor(cell.id, null);
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

  const classes = ['cell', modified && 'cell-modified', scratch && 'cell-scratch', halted === 'skipped' && 'cell-skipped'].filter(Boolean).join(' ');
  const hasOutputs = shown.outputs.length > 0 || (!shown.recorded && (run.droppedChars > 0 || run.droppedOutputs > 0));
  return (
    <div
      ref={box}
      className={classes}
      data-cell-id={cell.id}
      data-state={run.status}
      data-modified={modified || undefined}
      data-scratch={scratch ? true : undefined}
      data-skipped={halted === 'skipped' || undefined}
      tabIndex={-1}
      onKeyDown={onCellKey}
      aria-label={scratch ? 'Your scratch cell' : `Code cell ${index + 1}`}
    >
      <div className="cell-bar">
        {scratch && (
          <span className="cell-mark cell-mark-scratch" title="A cell you added: it runs in the section's kernel, is saved with your edits, and Run all skips it">
            your cell
          </span>
        )}
        <StateBadge run={run} />
        {run.status === 'running' && <SlowBackendHint />}
        {halted === 'skipped' && (
          <span className="cell-mark cell-mark-skipped" title="Run all stopped at an error above: this cell did not run">
            not run
          </span>
        )}
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
        {index > 0 && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => session.run(ctx.cellsBefore(index))} title={scratch ? "Run the book's cells above this one, in order" : 'Run every cell above this one, in order'}>
            <Icon name="runAbove" /> <span className="btn-text">Run above</span>
          </button>
        )}
        {modified && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => edits.resetCell(cell.id)} title="Restore the book's code for this cell (Ctrl+Z in the editor undoes it)">
            <Icon name="reset" /> <span className="btn-text">Reset</span>
          </button>
        )}
        <CopyButton code={() => edits.codeOf(cell.id)} />
        <button type="button" className="btn btn-small btn-quiet" onClick={() => ctx.addScratchBelow(cell.id)} title="Add your own scratch cell below (Esc, then B): it runs in the same kernel" data-action="add-scratch">
          <Icon name="add" /> <span className="btn-text">Cell</span>
        </button>
        {scratch && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => ctx.deleteScratch(cell.id)} title="Delete this cell of yours" aria-label="Delete this cell" data-action="delete-scratch">
            <Icon name="trash" />
          </button>
        )}
        <button type="button" className="btn btn-small btn-quiet btn-help" aria-expanded={help} aria-label="Keyboard help" onClick={() => setHelp(!help)} title="Keys: Shift+Enter, Ctrl+Enter, Esc then B to add a cell">
          ?
        </button>
      </div>
      {help && <CellHelp scratch={scratch !== undefined} />}
      {/* Clicking into a cell starts its kernel, so the first run does not wait for it. */}
      <div className="cell-editor" ref={host} onFocus={() => session.warm()}>
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
      {hasOutputs && (
        <ErrorBoundary what="The outputs of this cell" resetKey={shown.outputs}>
          <CellOutputs
            outputs={shown.outputs}
            controls={shown.recorded ? null : controlsChannel}
            recorded={shown.recorded ? { modified, info: ctx.recorded } : null}
            droppedChars={shown.recorded ? 0 : run.droppedChars}
            droppedOutputs={shown.recorded ? 0 : run.droppedOutputs}
            runKey={`${run.runNumber}:${shown.recorded}`}
            restoredAt={shown.recorded ? null : run.restoredAt}
            onClear={() => session.clearOutputs([cell.id])}
          />
        </ErrorBoundary>
      )}
      {!shown.recorded && run.status === 'error' && lastError(run.outputs) && <ErrorAdviceView error={lastError(run.outputs)!} index={index} />}
    </div>
  );
}

/** The error a failed run ended with (its last error output), if any. */
function lastError(outputs: readonly CellOutput[]): ErrorOutput | null {
  for (let i = outputs.length - 1; i >= 0; i--) {
    const o = outputs[i]!;
    if (o.kind === 'error') return o;
  }
  return null;
}
