/**
 * Recorded outputs that no longer belong to the current source: a cell edited since the book
 * test recorded it, a runnable cell added since, or a recorded cell that was removed. The
 * reader hides stale outputs; the content test fails on them, naming section and cell, so the
 * recorded files are refreshed (`npm run book:test`) whenever a cell changes.
 */
import type { CompiledSection } from './types';

export interface StaleCell {
  slug: string;
  cellId: string;
  /** Line of the cell's opening fence in the chapter file (0 for a cell that no longer exists). */
  line: number;
  reason: 'source changed' | 'not recorded' | 'cell removed';
}

export function staleCells(section: CompiledSection, recordedCellIds: readonly string[]): StaleCell[] {
  if (section.recorded === null) return [];
  const stale: StaleCell[] = [];
  const current = new Set<string>();
  for (const block of section.blocks) {
    if (block.kind !== 'cell') continue;
    current.add(block.cell.id);
    const base = { slug: section.slug, cellId: block.cell.id, line: block.cell.line };
    if (block.stale) stale.push({ ...base, reason: 'source changed' });
    else if (block.recorded === null && block.cell.runnable) stale.push({ ...base, reason: 'not recorded' });
  }
  for (const id of recordedCellIds) if (!current.has(id)) stale.push({ slug: section.slug, cellId: id, line: 0, reason: 'cell removed' });
  return stale;
}
