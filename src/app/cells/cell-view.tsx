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
import { useMessages } from '../i18n/messages';
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
  const m = useMessages();
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
    <button type="button" className="btn btn-small btn-quiet" onClick={() => void copy()} title={done === 'failed' ? m.cell.copyRefused : m.cell.copyTooltip} data-action="copy">
      <Icon name={done === 'copied' ? 'check' : 'copy'} /> <span className="btn-text">{done === 'copied' ? m.cell.copied : done === 'failed' ? m.cell.notCopied : m.cell.copy}</span>
    </button>
  );
}

function CellHelp({ scratch }: { scratch: boolean }) {
  const m = useMessages();
  return (
    <div className="cell-help" role="note">
      <dl>
        <dt>Shift+Enter</dt>
        <dd>{m.keys.runAdvance}</dd>
        <dt>Ctrl+Enter</dt>
        <dd>{m.keys.runStay}</dd>
        <dt>Esc</dt>
        <dd>{m.keys.escape}</dd>
        <dt>{m.keys.escapeThenB}</dt>
        <dd>{m.keys.addScratch}</dd>
        <dt>{m.keys.escapeThenEnter}</dt>
        <dd>{m.keys.backToEditor}</dd>
      </dl>
      {scratch && <p>{m.keys.scratchNote}</p>}
    </div>
  );
}

function StateBadge({ run }: { run: CellRun }) {
  const elapsed = useElapsed(run.status === 'running' ? run.startedAt : null);
  const m = useMessages();
  const label = run.status === 'idle' ? '' : m.cell.state[run.status];
  if (!label) return null;
  const time = run.status === 'running' ? elapsed : run.durationMs;
  return (
    <span className={`cell-state state-${run.status}`} role="status">
      {label}
      {time !== null && run.status !== 'queued' && <span className="cell-time"> · {m.format.duration(time)}</span>}
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
  const m = useMessages();
  // The editor's label is set once, when it is created: read the words of the page then.
  const words = useRef(m);
  words.current = m;
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
      label: scratch ? words.current.cell.scratchEditorLabel(index) : words.current.cell.editorLabel(index + 1),
      phrases: words.current.editorPhrases,
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
      aria-label={scratch ? m.cell.scratchLabel : m.cell.editorLabel(index + 1)}
    >
      <div className="cell-bar">
        {scratch && (
          <span className="cell-mark cell-mark-scratch" title={m.cell.yourCellTooltip}>
            {m.cell.yourCell}
          </span>
        )}
        <StateBadge run={run} />
        {halted === 'skipped' && (
          <span className="cell-mark cell-mark-skipped" title={m.cell.notRunTooltip}>
            {m.cell.notRun}
          </span>
        )}
        {modified && (
          <span className="cell-mark" title={m.cell.modifiedTooltip}>
            {m.cell.modified}
          </span>
        )}
        {!cell.runnable && (
          <span className="cell-mark cell-mark-quiet" title={m.cell.notRunByRunAllTooltip}>
            {m.cell.notRunByRunAll}
          </span>
        )}
        <span className="cell-bar-spacer" />
        {active ? (
          <button type="button" className="btn btn-small" onClick={() => void session.stop()} title={m.cell.stopTooltip}>
            <Icon name="stop" /> {m.cell.stop}
          </button>
        ) : (
          <button type="button" className="btn btn-small btn-run" onClick={runHere} title={m.cell.runTooltip}>
            <Icon name="run" /> {m.cell.run}
          </button>
        )}
        {index > 0 && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => session.run(ctx.cellsBefore(index))} title={scratch ? m.cell.runAboveScratchTooltip : m.cell.runAboveTooltip}>
            <Icon name="runAbove" /> <span className="btn-text">{m.cell.runAbove}</span>
          </button>
        )}
        {modified && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => edits.resetCell(cell.id)} title={m.cell.resetTooltip}>
            <Icon name="reset" /> <span className="btn-text">{m.cell.reset}</span>
          </button>
        )}
        <CopyButton code={() => edits.codeOf(cell.id)} />
        <button type="button" className="btn btn-small btn-quiet" onClick={() => ctx.addScratchBelow(cell.id)} title={m.cell.addTooltip} data-action="add-scratch">
          <Icon name="add" /> <span className="btn-text">{m.cell.add}</span>
        </button>
        {scratch && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => ctx.deleteScratch(cell.id)} title={m.cell.deleteTooltip} aria-label={m.cell.delete} data-action="delete-scratch">
            <Icon name="trash" />
          </button>
        )}
        <button type="button" className="btn btn-small btn-quiet btn-help" aria-expanded={help} aria-label={m.cell.help} onClick={() => setHelp(!help)} title={m.cell.helpTooltip}>
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
          {m.cell.originalChanged}
          <button type="button" className="btn btn-link" onClick={() => edits.resetCell(cell.id)}>
            {m.cell.useNewOriginal}
          </button>
          <button type="button" className="btn btn-link" onClick={() => edits.keepEdit(cell.id)}>
            {m.cell.keepMyEdit}
          </button>
        </div>
      )}
      {run.status === 'running' && <SlowBackendHint />}
      {pendingUploads.map((u) => (
        <UploadPrompt key={u.id} pending={u} />
      ))}
      {offers.map((o) => (
        <DownloadOfferView key={o.id} offer={o} />
      ))}
      {hasOutputs && (
        <ErrorBoundary what={m.boundary.cellOutputs} resetKey={shown.outputs}>
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
