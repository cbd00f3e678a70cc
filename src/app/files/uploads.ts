/**
 * Uploads a cell asked for (nd.upload()): browsers open a file chooser only on a click, so
 * the cell that asked shows a button; the kernel waits until the reader chooses or cancels.
 * A stop or restart aborts the request and the button goes away.
 */
import type { UploadedFile, UploadRequest } from '../../kernel/page/page-storage';
import { Store } from '../run/store';

export interface PendingUpload {
  id: number;
  slug: string;
  /** The cell that asked (null: show it with the section's notices). */
  cellId: string | null;
  answer(file: UploadedFile | null): void;
}

export const uploads = new Store<readonly PendingUpload[]>([]);
let nextId = 1;

export function requestUpload(slug: string, request: UploadRequest): Promise<UploadedFile | null> {
  return new Promise((resolve) => {
    const id = nextId++;
    const remove = () => uploads.update((list) => list.filter((u) => u.id !== id));
    const pending: PendingUpload = {
      id,
      slug,
      cellId: request.cellId,
      answer: (file) => {
        remove();
        resolve(file);
      },
    };
    request.signal.addEventListener('abort', () => pending.answer(null), { once: true });
    uploads.update((list) => [...list, pending]);
  });
}

/** Reads a chosen file for the kernel. */
export async function readChosenFile(file: File): Promise<UploadedFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
