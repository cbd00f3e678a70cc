/** The button a cell shows while it waits for the reader to choose a file (nd.upload()). */
import { useSyncExternalStore } from 'react';
import { readChosenFile, uploads, type PendingUpload } from '../files/uploads';
import { Icon } from '../ui/icons';

export function usePendingUploads(slug: string, cellId: string | null): PendingUpload[] {
  const list = useSyncExternalStore(uploads.subscribe, uploads.get);
  return list.filter((u) => u.slug === slug && u.cellId === cellId);
}

export function UploadPrompt({ pending }: { pending: PendingUpload }) {
  return (
    <div className="upload-prompt" role="group" aria-label="The cell asks for a file">
      <span>This cell asks for a file.</span>
      <label className="btn btn-small btn-run">
        <Icon name="upload" /> Choose a file…
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
        Cancel
      </button>
    </div>
  );
}
