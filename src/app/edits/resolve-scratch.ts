/**
 * Places the reader's scratch cells among the section's current cells. A scratch cell sits below
 * the book cell it was added under; cells are numbered in order, so when the book adds a cell
 * above, that cell's id shifts: follow the original's hash first (preferring the same id), then
 * the id, and when neither is left put the cell at the end of the section, never drop it.
 */
import type { ScratchCell } from './edit-schema';
import type { CellIdentity } from './resolve-edits';

/** The scratch cells with `afterCellId`/`afterHash` rewritten to the cell each now sits below; order kept. */
export function resolveScratch(scratch: readonly ScratchCell[], cells: readonly CellIdentity[]): ScratchCell[] {
  const last = cells[cells.length - 1];
  if (!last) return [];
  return scratch.map((s) => {
    const anchor =
      cells.find((c) => c.id === s.afterCellId && c.sourceHash === s.afterHash) ??
      cells.find((c) => c.sourceHash === s.afterHash) ??
      cells.find((c) => c.id === s.afterCellId) ??
      last;
    return { ...s, afterCellId: anchor.id, afterHash: anchor.sourceHash };
  });
}
