/**
 * Keeps the reader's last outputs of a section over a reload (run/saved-outputs.ts): restores
 * them when the section opens, under the cells that still hold the code that produced them, and
 * saves finished runs a second after they change.
 */
import { useEffect } from 'react';
import { openBrowserStorage } from '../edits/safe-storage';
import type { SectionEdits } from '../edits/section-edits';
import type { KernelSession } from '../run/kernel-session';
import { loadSavedOutputs, outputsToSave, storeSavedOutputs } from '../run/saved-outputs';

export function useKeptOutputs(slug: string, session: KernelSession, edits: SectionEdits): void {
  useEffect(() => {
    const { storage } = openBrowserStorage();
    const holds = (cellId: string, code: string) => {
      try {
        return edits.codeOf(cellId) === code;
      } catch {
        return false; // a cell that is no longer there (a deleted scratch cell, a changed chapter)
      }
    };
    session.restoreOutputs(loadSavedOutputs(storage, slug).filter((x) => holds(x.cellId, x.code)));
    let last = session.store.get().cells;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      timer = null;
      storeSavedOutputs(storage, slug, outputsToSave(session.store.get().cells, new Date().toISOString()));
    };
    const unsubscribe = session.store.subscribe(() => {
      const cells = session.store.get().cells;
      if (cells === last) return;
      last = cells;
      timer ??= setTimeout(save, 1000);
    });
    return () => {
      unsubscribe();
      if (timer !== null) {
        clearTimeout(timer);
        save();
      }
    };
  }, [slug, session, edits]);
}
