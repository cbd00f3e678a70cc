/**
 * Tells the reader that a new version of the book was deployed. Nothing changes under them: the
 * service worker keeps serving the version this page was loaded from until they choose to
 * reload, and the reload brings the whole new version. Saved edits are kept either way.
 */
import { useState, useSyncExternalStore } from 'react';
import { applyUpdate, bookUpdate } from './service-worker';
import './offline.css';

export function UpdateNotice() {
  const update = useSyncExternalStore(bookUpdate.subscribe, bookUpdate.get);
  const [later, setLater] = useState(false);
  if (update.kind === 'none' || (later && update.kind === 'available')) return null;
  const text =
    update.kind === 'taken-elsewhere'
      ? 'This book was updated in another tab. Reload to continue with the new version; your saved edits are kept.'
      : 'A new version of this book is available. Reload to read it; your saved edits are kept.';
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      <span>{text}</span>
      <span className="update-actions">
        <button type="button" className="btn btn-small btn-run" disabled={update.kind === 'applying'} onClick={() => (update.kind === 'taken-elsewhere' ? location.reload() : applyUpdate())}>
          {update.kind === 'applying' ? 'Reloading…' : 'Reload'}
        </button>
        {update.kind === 'available' && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setLater(true)}>
            Later
          </button>
        )}
      </span>
    </div>
  );
}
