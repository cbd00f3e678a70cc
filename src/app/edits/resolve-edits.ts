/**
 * Matches saved edits to the section's current cells. Cells are numbered in order, so a cell
 * added above shifts every id below it: an edit first goes to a cell whose original is still
 * the one it was made from (same hash, preferring the same id), then to the cell with its id
 * (the original changed: the reader is told and offered the new original), else it is an
 * orphan (kept, listed, exportable) rather than dropped.
 */
import type { CellEdit } from './edit-schema';

export interface CellIdentity {
  id: string;
  /** cellSourceHash of the book's current code for the cell. */
  sourceHash: string;
}

export interface ResolvedEdits {
  /** By current cell id; the edit's cellId is rewritten to it. */
  byCell: Map<string, CellEdit>;
  orphans: CellEdit[];
}

export function resolveEdits(edits: readonly CellEdit[], cells: readonly CellIdentity[]): ResolvedEdits {
  const byCell = new Map<string, CellEdit>();
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const pending: CellEdit[] = [];
  const claim = (cellId: string, e: CellEdit) => byCell.set(cellId, { ...e, cellId });

  // Pass 1a: same id, same original.
  for (const e of edits) {
    const c = cellById.get(e.cellId);
    if (c && c.sourceHash === e.baseHash && !byCell.has(c.id)) claim(c.id, e);
    else pending.push(e);
  }
  // Pass 1b: the original moved to another id (cells added or removed above it).
  const stillPending: CellEdit[] = [];
  for (const e of pending) {
    const c = cells.find((x) => x.sourceHash === e.baseHash && !byCell.has(x.id));
    if (c) claim(c.id, e);
    else stillPending.push(e);
  }
  // Pass 2: the original itself changed; keep the edit on the cell with its id.
  const orphans: CellEdit[] = [];
  for (const e of stillPending) {
    if (cellById.has(e.cellId) && !byCell.has(e.cellId)) claim(e.cellId, e);
    else orphans.push(e);
  }
  return { byCell, orphans };
}
