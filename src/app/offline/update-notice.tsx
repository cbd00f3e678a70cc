/**
 * Tells the reader that a new version of the book was deployed. Nothing changes under them: the
 * service worker keeps serving the version this page was loaded from until they choose to
 * reload, and the reload brings the whole new version. Saved edits are kept either way.
 */
import { useState, useSyncExternalStore } from 'react';
import { applyUpdate, bookUpdate } from './service-worker';
import { useMessages } from '../i18n/messages';
import './offline.css';

export function UpdateNotice() {
  const update = useSyncExternalStore(bookUpdate.subscribe, bookUpdate.get);
  const [later, setLater] = useState(false);
  const m = useMessages();
  if (update.kind === 'none' || (later && update.kind === 'available')) return null;
  const text =
    update.kind === 'taken-elsewhere'
      ? m.update.takenElsewhere
      : m.update.available;
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      <span>{text}</span>
      <span className="update-actions">
        <button type="button" className="btn btn-small btn-run" disabled={update.kind === 'applying'} onClick={() => (update.kind === 'taken-elsewhere' ? location.reload() : applyUpdate())}>
          {update.kind === 'applying' ? m.update.reloading : m.update.reload}
        </button>
        {update.kind === 'available' && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setLater(true)}>
            {m.update.later}
          </button>
        )}
      </span>
    </div>
  );
}
