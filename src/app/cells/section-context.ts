/** What every cell of a section shares: its kernel session, its edits, and the editors (for Shift+Enter). */
import { createContext, useContext } from 'react';
import type { RecordedInfo } from '../../content/types';
import type { SectionEdits } from '../edits/section-edits';
import type { KernelSession } from '../run/kernel-session';
import type { EditorHandle } from './editor/create-editor';

export interface SectionContextValue {
  slug: string;
  session: KernelSession;
  edits: SectionEdits;
  recorded: RecordedInfo | null;
  /** The book's runnable cells in order, with the code each holds now (for run above / run all; scratch cells are not included). */
  cellsBefore(index: number): { cellId: string; code: string }[];
  registerEditor(cellId: string, handle: EditorHandle | null): void;
  /** Focuses the editor of a cell (book or scratch), bringing it on screen. */
  focusCell(cellId: string): void;
  /** Focuses the editor of the cell after this one on the page (Shift+Enter moves on). */
  focusAfter(cellId: string): void;
  /** Adds a scratch cell below this one and focuses it. */
  addScratchBelow(cellId: string): void;
  /** Deletes a scratch cell (its outputs go with it). */
  deleteScratch(cellId: string): void;
}

export const SectionContext = createContext<SectionContextValue | null>(null);

export function useSection(): SectionContextValue {
  const v = useContext(SectionContext);
  if (!v) throw new Error('useSection: a cell must be rendered inside a SectionContext provider (SectionView)');
  return v;
}
