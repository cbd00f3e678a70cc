/** Export, import and reset of a section's edits. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { editsFileName } from '../edits/edits-file';
import { EditsImportError, type SectionEdits } from '../edits/section-edits';
import { Icon } from '../ui/icons';
import { saveFile } from './save-file';
import { useMessages } from '../i18n/messages';

export function downloadEdits(edits: SectionEdits): void {
  saveFile(editsFileName(edits.slug, edits.lang), edits.exportFile(), 'application/json');
}

/** `downloadNotebook`: offers the section as a Jupyter notebook (notebook-export.ts). */
export function EditsMenu({ edits, downloadNotebook }: { edits: SectionEdits; downloadNotebook?: () => void }) {
  useSyncExternalStore(edits.subscribe, edits.snapshot);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const count = edits.modifiedCount();
  const m = useMessages();

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && (setOpen(false), setConfirming(false));
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && (setOpen(false), setConfirming(false));
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const state = edits.state();

  const importChosen = async (f: File | undefined) => {
    if (!f) return;
    try {
      const r = edits.importFile(await f.text());
      setOpen(false);
      setMessage({ kind: 'ok', text: m.edits.imported(r.imported, r.scratch, r.orphaned) });
    } catch (e) {
      setOpen(false);
      setMessage({ kind: 'error', text: e instanceof EditsImportError ? e.message : m.edits.importFailed((e as Error).message) });
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  return (
    <div className="edits-menu" ref={box}>
      <button type="button" className="btn btn-quiet" aria-expanded={open} onClick={() => (setOpen(!open), setConfirming(false), setMessage(null))} title={m.edits.buttonTooltip}>
        {m.edits.button}
        {count > 0 ? m.punct.paren(m.format.number(count)) : ''}
        <span className={`save-state save-${state}`} title={state === 'saved' ? m.edits.saved : state === 'pending' ? m.edits.pending : m.edits.notSaved} />
      </button>
      {open && (
        <div className="menu" role="menu">
          <button type="button" role="menuitem" className="menu-item" onClick={() => (downloadEdits(edits), setOpen(false))}>
            <Icon name="download" /> {m.edits.export}
          </button>
          {downloadNotebook && (
            <button type="button" role="menuitem" className="menu-item" data-action="download-ipynb" onClick={() => (downloadNotebook(), setOpen(false))}>
              <Icon name="download" /> {m.edits.notebook}
            </button>
          )}
          <button type="button" role="menuitem" className="menu-item" onClick={() => (file.current?.click(), setOpen(false))}>
            <Icon name="upload" /> {m.edits.import}
          </button>
          {confirming ? (
            <button type="button" role="menuitem" className="menu-item menu-danger" onClick={() => (edits.resetAll(), setConfirming(false), setOpen(false))}>
              <Icon name="reset" /> {m.edits.reallyReset(count)}
            </button>
          ) : (
            <button type="button" role="menuitem" className="menu-item" disabled={count === 0} onClick={() => setConfirming(true)}>
              <Icon name="reset" /> {m.edits.resetAll(edits.scratch().length > 0)}
            </button>
          )}
        </div>
      )}
      <input ref={file} type="file" accept=".json,application/json" hidden onChange={(e) => void importChosen(e.target.files?.[0])} data-testid="import-edits" />
      {message && (
        <div className={`menu-message ${message.kind === 'error' ? 'notice-error' : ''}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          <button type="button" className="btn btn-link" onClick={() => setMessage(null)}>
            {m.edits.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
