/** The button a cell shows for a file it offers (nd.download): saved only when the reader clicks. */
import { useSyncExternalStore } from 'react';
import { downloadBytes } from '../../kernel/page/page-storage';
import { downloadOffers, withdrawOffer, type DownloadOffer } from '../files/download-offers';
import { useMessages } from '../i18n/messages';
import { Icon } from '../ui/icons';

export function useDownloadOffers(slug: string, cellId: string | null): DownloadOffer[] {
  const list = useSyncExternalStore(downloadOffers.subscribe, downloadOffers.get);
  return list.filter((o) => o.slug === slug && o.cellId === cellId);
}

export function DownloadOfferView({ offer }: { offer: DownloadOffer }) {
  const m = useMessages();
  return (
    <div className="download-offer" role="group" aria-label={m.files.offerLabel} data-download-name={offer.name}>
      <span>
        {m.files.offers}
        <code className="download-name">{offer.name}</code> <span className="download-size">{m.punct.paren(m.format.bytes(offer.bytes.byteLength)).trim()}</span>
      </span>
      <button type="button" className="btn btn-small btn-run" data-testid="cell-download" onClick={() => downloadBytes(offer.name, offer.bytes)}>
        <Icon name="download" /> {m.files.save}
      </button>
      <button type="button" className="btn btn-small btn-quiet" onClick={() => withdrawOffer(offer.id)}>
        {m.files.dismiss}
      </button>
    </div>
  );
}
