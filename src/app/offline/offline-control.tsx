/**
 * The header's offline control: says whether the book is available offline, and opens a panel
 * that tells what is saved on this device and how much space it takes, with "make this book
 * available offline" (the datasets, with a progress bar) and, where the service worker could
 * make the page cross-origin isolated, the reload that turns on WASM threads.
 */
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../ui/icons';
import { useMessages } from '../i18n/messages';
import { BOOK_DATASETS } from './datasets';
import { isolationNeedsReload } from './service-worker';
import { useOfflineState } from './use-offline-state';
import './offline.css';

export function OfflineControl() {
  const [open, setOpen] = useState(false);
  const { offline, datasets, usage, allDatasets, everything, saveDatasets } = useOfflineState(open);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const m = useMessages();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = everything ? m.offline.available : offline.kind === 'ready' ? m.offline.textAndCode : offline.kind === 'saving' ? m.offline.saving : m.offline.onlineOnly;
  const state = everything ? 'all' : offline.kind;
  const missing = allDatasets - (datasets.kind === 'idle' || datasets.kind === 'failed' ? datasets.savedBytes : 0);

  return (
    <div className="offline-control">
      <button ref={button} type="button" className="btn btn-quiet offline-button" data-offline={state} aria-expanded={open} aria-controls="offline-panel" title={label} onClick={() => setOpen(!open)}>
        <span className="offline-dot" aria-hidden="true" />
        <span className="offline-label">{label}</span>
      </button>
      {open && (
        <div ref={panel} id="offline-panel" className="offline-panel" role="region" aria-label={m.offline.panel}>
          <h2>{m.offline.panel}</h2>
          {offline.kind === 'ready' && <p>{m.offline.ready}</p>}
          {offline.kind === 'saving' && <p>{m.offline.savingPages}</p>}
          {offline.kind === 'unsupported' && <p>{m.offline.unsupported(offline.reason(m))}</p>}
          {offline.kind === 'failed' && <p className="offline-error">{m.offline.failed(offline.reason(m))}</p>}
          {datasets.kind === 'checking' && <p>{m.offline.checking}</p>}
          {(datasets.kind === 'idle' || datasets.kind === 'failed') && (
            <p data-testid="offline-datasets">
              {m.offline.datasets(datasets.savedCount, BOOK_DATASETS.length, datasets.savedBytes, allDatasets)}
              {datasets.savedCount < BOOK_DATASETS.length && m.offline.firstUse}
            </p>
          )}
          {datasets.kind === 'failed' && <p className="offline-error">{m.offline.downloadFailed(datasets.error)}</p>}
          {datasets.kind === 'saving' && (
            <p className="offline-progress">
              <progress max={allDatasets} value={datasets.doneBytes} aria-label={m.offline.savingDatasets} />
              <span>{m.offline.progress(datasets.doneBytes, allDatasets)}</span>
            </p>
          )}
          {(datasets.kind === 'idle' || datasets.kind === 'failed') && missing > 0 && offline.kind !== 'unsupported' && (
            <button type="button" className="btn" data-testid="offline-save" onClick={() => void saveDatasets()}>
              <Icon name="download" /> {m.offline.makeAvailable(missing)}
            </button>
          )}
          {everything && (
            <p className="offline-all">
              <Icon name="check" /> {m.offline.everything}
            </p>
          )}
          {usage !== null && <p className="offline-usage">{m.offline.usage(usage)}</p>}
          {isolationNeedsReload() && (
            <p>
              {m.offline.reloadForThreads}{' '}
              <button type="button" className="btn btn-small" onClick={() => location.reload()}>
                {m.offline.reload}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
