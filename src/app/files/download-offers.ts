/**
 * Files a cell offers the reader (nd.download, nd.save(..., { download: true })): never saved on
 * the cell's word. Each offer is a button in the cell that asked, with the file's (sanitized)
 * name and size; the file is saved only when the reader clicks it. The cell does not wait for
 * the click. A section keeps at most MAX_OFFERS offers (the oldest go first), and a cell's offers
 * go when it runs again.
 */
import type { DownloadRequest } from '../../kernel/page/page-storage';
import { Store } from '../run/store';

export interface DownloadOffer {
  id: number;
  slug: string;
  /** The cell that asked (null: shown with the section's notices). */
  cellId: string | null;
  /** Already a safe file name (src/kernel/page/download-name.ts). */
  name: string;
  bytes: Uint8Array;
}

export const MAX_OFFERS = 8;

export const downloadOffers = new Store<readonly DownloadOffer[]>([]);
let nextId = 1;

export function offerDownload(slug: string, name: string, bytes: Uint8Array, request: DownloadRequest): void {
  const offer: DownloadOffer = { id: nextId++, slug, cellId: request.cellId, name, bytes: bytes.slice() };
  downloadOffers.update((list) => {
    const mine = list.filter((o) => o.slug === slug);
    const drop = new Set(mine.slice(0, Math.max(0, mine.length + 1 - MAX_OFFERS)).map((o) => o.id));
    return [...list.filter((o) => !drop.has(o.id)), offer];
  });
}

export function withdrawOffer(id: number): void {
  downloadOffers.update((list) => list.filter((o) => o.id !== id));
}

/** A cell runs again: what it offered before goes. */
export function withdrawCellOffers(slug: string, cellId: string): void {
  if (!downloadOffers.get().some((o) => o.slug === slug && o.cellId === cellId)) return;
  downloadOffers.update((list) => list.filter((o) => !(o.slug === slug && o.cellId === cellId)));
}
