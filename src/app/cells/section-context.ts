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
  /** Runnable cells in order, with the code each holds now (for run above / run all). */
  cellsBefore(index: number): { cellId: string; code: string }[];
  registerEditor(index: number, handle: EditorHandle | null): void;
  /** Focuses the editor of the cell at `index` (Shift+Enter moves on). */
  focusCell(index: number): void;
}

export const SectionContext = createContext<SectionContextValue | null>(null);

export function useSection(): SectionContextValue {
  const v = useContext(SectionContext);
  if (!v) throw new Error('useSection: a cell must be rendered inside a SectionContext provider (SectionView)');
  return v;
}
