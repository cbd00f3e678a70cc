/** The button a cell shows while it waits for the reader to choose a file (nd.upload()). */
import { useSyncExternalStore } from 'react';
import { readChosenFile, uploads, type PendingUpload } from '../files/uploads';
import { Icon } from '../ui/icons';
import { useMessages } from '../i18n/messages';

export function usePendingUploads(slug: string, cellId: string | null): PendingUpload[] {
  const list = useSyncExternalStore(uploads.subscribe, uploads.get);
  return list.filter((u) => u.slug === slug && u.cellId === cellId);
}

export function UploadPrompt({ pending }: { pending: PendingUpload }) {
  const m = useMessages();
  return (
    <div className="upload-prompt" role="group" aria-label={m.files.uploadLabel}>
      <span>{m.files.asks}</span>
      <label className="btn btn-small btn-run">
        <Icon name="upload" /> {m.files.choose}
        <input
          type="file"
          hidden
          data-testid="cell-upload"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void readChosenFile(f).then(pending.answer, () => pending.answer(null));
          }}
        />
      </label>
      <button type="button" className="btn btn-small btn-quiet" onClick={() => pending.answer(null)}>
        {m.files.cancel}
      </button>
    </div>
  );
}
