/**
 * The header's offline control: says whether the book is available offline, and opens a panel
 * that tells what is saved on this device and how much space it takes, with "make this book
 * available offline" (the datasets, with a progress bar) and, where the service worker could
 * make the page cross-origin isolated, the reload that turns on WASM threads.
 */
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../ui/icons';
import { formatBytes } from '../ui/format';
import { BOOK_DATASETS } from './datasets';
import { isolationNeedsReload } from './service-worker';
import { useOfflineState } from './use-offline-state';
import './offline.css';

export function OfflineControl() {
  const [open, setOpen] = useState(false);
  const { offline, datasets, usage, allDatasets, everything, saveDatasets } = useOfflineState(open);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

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

  const label = everything ? 'Available offline' : offline.kind === 'ready' ? 'Offline: text and code' : offline.kind === 'saving' ? 'Saving for offline…' : 'Online only';
  const state = everything ? 'all' : offline.kind;
  const missing = allDatasets - (datasets.kind === 'idle' || datasets.kind === 'failed' ? datasets.savedBytes : 0);

  return (
    <div className="offline-control">
      <button ref={button} type="button" className="btn btn-quiet offline-button" data-offline={state} aria-expanded={open} aria-controls="offline-panel" title={label} onClick={() => setOpen(!open)}>
        <span className="offline-dot" aria-hidden="true" />
        <span className="offline-label">{label}</span>
      </button>
      {open && (
        <div ref={panel} id="offline-panel" className="offline-panel" role="region" aria-label="Reading offline">
          <h2>Reading offline</h2>
          {offline.kind === 'ready' && <p>Every section, the kernel that runs the code, its WASM files, fonts and styles are saved on this device: the book opens and runs without a network.</p>}
          {offline.kind === 'saving' && <p>Saving the book's pages and code on this device…</p>}
          {offline.kind === 'unsupported' && <p>This book cannot be saved for offline reading here: {offline.reason}.</p>}
          {offline.kind === 'failed' && <p className="offline-error">Saving the book for offline reading failed: {offline.reason}.</p>}
          {datasets.kind === 'checking' && <p>Checking the saved datasets…</p>}
          {(datasets.kind === 'idle' || datasets.kind === 'failed') && (
            <p data-testid="offline-datasets">
              Datasets: {datasets.savedCount} of {BOOK_DATASETS.length} saved ({formatBytes(datasets.savedBytes)} of {formatBytes(allDatasets)}).
              {datasets.savedCount < BOOK_DATASETS.length && ' A section that trains on one downloads it on first use.'}
            </p>
          )}
          {datasets.kind === 'failed' && <p className="offline-error">A download failed: {datasets.error}</p>}
          {datasets.kind === 'saving' && (
            <p className="offline-progress">
              <progress max={allDatasets} value={datasets.doneBytes} aria-label="Saving the datasets" />
              <span>
                {formatBytes(datasets.doneBytes)} of {formatBytes(allDatasets)}
              </span>
            </p>
          )}
          {(datasets.kind === 'idle' || datasets.kind === 'failed') && missing > 0 && offline.kind !== 'unsupported' && (
            <button type="button" className="btn" data-testid="offline-save" onClick={() => void saveDatasets()}>
              <Icon name="download" /> Make this book available offline ({formatBytes(missing)})
            </button>
          )}
          {everything && (
            <p className="offline-all">
              <Icon name="check" /> The whole book, with its datasets, is available offline.
            </p>
          )}
          {usage !== null && <p className="offline-usage">This book uses {formatBytes(usage)} of this device's storage.</p>}
          {isolationNeedsReload() && (
            <p>
              Reload the page to run the WASM backend on several threads.{' '}
              <button type="button" className="btn btn-small" onClick={() => location.reload()}>
                Reload
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
