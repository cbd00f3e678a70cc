/** The offline control's view of things: the worker's state, the saved datasets, the storage used. */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { siteBase } from '../run/kernel-pool';
import { BOOK_DATASETS, savedDatasets, saveAllDatasets, totalBytes } from './datasets';
import { bookOffline } from './service-worker';

export type DatasetsState =
  | { kind: 'checking' }
  | { kind: 'idle'; savedBytes: number; savedCount: number }
  | { kind: 'saving'; doneBytes: number }
  | { kind: 'failed'; savedBytes: number; savedCount: number; error: string };

export function useOfflineState(active: boolean) {
  const offline = useSyncExternalStore(bookOffline.subscribe, bookOffline.get);
  const [datasets, setDatasets] = useState<DatasetsState>({ kind: 'checking' });
  const [usage, setUsage] = useState<number | null>(null);
  const saving = useRef(false);

  const refresh = useCallback(async (error?: string) => {
    const saved = await savedDatasets(siteBase());
    const savedBytes = totalBytes(BOOK_DATASETS.filter((d) => saved.has(d.path)));
    setDatasets(error ? { kind: 'failed', savedBytes, savedCount: saved.size, error } : { kind: 'idle', savedBytes, savedCount: saved.size });
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    setUsage(estimate?.usage ?? null);
  }, []);

  // Checked on mount (the header's label), when the worker's state changes and each time the
  // panel opens; not while saving (the progress bar owns the state then).
  useEffect(() => {
    if (!saving.current) void refresh();
  }, [active, offline.kind, refresh]);

  const saveDatasets = useCallback(async () => {
    saving.current = true;
    setDatasets({ kind: 'saving', doneBytes: 0 });
    try {
      await saveAllDatasets(siteBase(), (doneBytes) => setDatasets({ kind: 'saving', doneBytes }));
      await refresh();
    } catch (e) {
      await refresh(e instanceof Error ? e.message : String(e));
    } finally {
      saving.current = false;
    }
  }, [refresh]);

  const allDatasets = totalBytes(BOOK_DATASETS);
  const everything = offline.kind === 'ready' && datasets.kind === 'idle' && datasets.savedCount === BOOK_DATASETS.length;
  return { offline, datasets, usage, allDatasets, everything, saveDatasets };
}
