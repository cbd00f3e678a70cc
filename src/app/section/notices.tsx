/**
 * Messages about this section's kernel and edits: kernel restarts and fallbacks, storage full
 * or unavailable, damaged saved data, edits whose cells are gone. Each says what to do.
 */
import { useSyncExternalStore } from 'react';
import type { SectionEdits } from '../edits/section-edits';
import type { KernelSession } from '../run/kernel-session';
import { DownloadOfferView, useDownloadOffers } from '../cells/download-offer';
import { UploadPrompt, usePendingUploads } from '../cells/upload-prompt';
import { downloadEdits } from './edits-menu';
import { useMessages } from '../i18n/messages';

export function SectionNotices({ session, edits }: { session: KernelSession; edits: SectionEdits }) {
  const { notices } = useSyncExternalStore(session.store.subscribe, session.store.get);
  useSyncExternalStore(edits.subscribe, edits.snapshot);
  const problem = edits.problem();
  const damaged = edits.damaged();
  const orphans = edits.orphans();
  const uploadsOutsideCells = usePendingUploads(session.slug, null);
  const offersOutsideCells = useDownloadOffers(session.slug, null);
  const m = useMessages();
  return (
    <>
      <div className="notices">
        {problem && (
          <div className="notice notice-warning" role="alert" data-notice="storage">
            {problem.message}
            <button type="button" className="btn btn-link" onClick={() => downloadEdits(edits)}>
              {m.notices.exportEdits}
            </button>
          </div>
        )}
        {damaged.map((d, i) => (
          <div key={`damaged-${i}`} className="notice notice-warning" role="alert" data-notice="damaged">
            {d.reason}
            <button type="button" className="btn btn-link" onClick={() => downloadEdits(edits)}>
              {m.notices.export}
            </button>
            <button type="button" className="btn btn-link" onClick={() => edits.dismissDamaged()}>
              {m.notices.dismiss}
            </button>
          </div>
        ))}
        {orphans.length > 0 && (
          <div className="notice notice-info" data-notice="orphans">
            {m.notices.orphans(orphans.length)}
            <button type="button" className="btn btn-link" onClick={() => downloadEdits(edits)}>
              {m.notices.export}
            </button>
            <button type="button" className="btn btn-link" onClick={() => edits.discardOrphans()}>
              {m.notices.discard}
            </button>
          </div>
        )}
        {uploadsOutsideCells.map((u) => (
          <UploadPrompt key={u.id} pending={u} />
        ))}
        {offersOutsideCells.map((o) => (
          <DownloadOfferView key={o.id} offer={o} />
        ))}
      </div>
      {/* The kernel's notices (restarted, on another backend) stay in view under the toolbar until
          dismissed: a reader presses Restart or switches the backend far down the page, where a
          notice at the section's top went unseen. */}
      <div className="notices notices-kernel">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'info' ? 'status' : 'alert'} data-notice="kernel">
            {n.text(m)}
            <button type="button" className="btn btn-link" onClick={() => session.dismissNotice(n.id)} aria-label={m.notices.dismiss}>
              {m.notices.dismiss}
            </button>
          </div>
        ))}
      </div>
    </>
  );
}
