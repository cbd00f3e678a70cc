/**
 * The reader's own last outputs, kept over a reload as a notebook keeps them: per section in
 * localStorage beside the edits, checked on the way back in (as kernel messages are), bounded
 * (SAVED_OUTPUTS_CHARS per section: cells past it are not kept, nor images), and shown only
 * under a cell that still holds the code that produced them, marked as the reader's from before
 * the reload (never as recorded outputs).
 */
import { validateCellOutput } from '../../kernel/page/message-validator';
import type { StorageLike } from '../edits/safe-storage';
import type { ShownOutput } from './bound-output';
import type { CellRun } from './cell-run';

export const SAVED_OUTPUTS_CHARS = 50_000;
/** Sections whose outputs are kept (the most recently saved): at most ~0.5 MB of the origin's storage. */
export const SAVED_OUTPUTS_SECTIONS = 5;
const INDEX_KEY = 'handson/outputs/v1-index';
/** `slug`: the section's run key (run/run-key.ts: `zh/<slug>` in the Chinese edition), so each edition keeps its own. */
export const savedOutputsKey = (slug: string): string => `handson/outputs/v1/${slug}`;

export interface SavedOutput {
  cellId: string;
  /** The code that produced them. */
  code: string;
  outputs: ShownOutput[];
  /** When they were saved (ISO 8601). */
  savedAt: string;
}

/** The finished runs worth keeping, in the order given, within the budget. */
export function outputsToSave(cells: Readonly<Record<string, CellRun>>, now: string, budget = SAVED_OUTPUTS_CHARS): SavedOutput[] {
  const out: SavedOutput[] = [];
  let used = 0;
  for (const [cellId, run] of Object.entries(cells)) {
    if (!run.ran || run.code === null || run.status === 'running' || run.status === 'queued') continue;
    // Images are pixels: too large to keep for what they are worth after a reload.
    const outputs = run.outputs.filter((o) => o.kind !== 'images');
    if (outputs.length === 0) continue;
    const entry: SavedOutput = { cellId, code: run.code, outputs, savedAt: run.restoredAt ?? now };
    const size = JSON.stringify(entry).length;
    if (used + size > budget) continue; // a smaller one further on may still fit
    used += size;
    out.push(entry);
  }
  return out;
}

/** The saved outputs of a section, checked; anything malformed is dropped, never shown. */
export function parseSavedOutputs(text: string | null): SavedOutput[] {
  if (!text || text.length > SAVED_OUTPUTS_CHARS * 2) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: SavedOutput[] = [];
  for (const item of data) {
    if (item === null || typeof item !== 'object') continue;
    const { cellId, code, outputs, savedAt } = item as Record<string, unknown>;
    if (typeof cellId !== 'string' || !/^(cell|scratch)-[1-9]\d*$/.test(cellId) || typeof code !== 'string' || typeof savedAt !== 'string' || !Array.isArray(outputs)) continue;
    const checked = outputs.map((o: unknown) => validateCellOutput(o));
    if (checked.some((c) => !c.ok)) continue;
    out.push({ cellId, code, savedAt, outputs: checked.map((c) => (c as { ok: true; value: ShownOutput }).value) });
  }
  return out;
}

export function loadSavedOutputs(storage: StorageLike | null, slug: string): SavedOutput[] {
  try {
    return parseSavedOutputs(storage?.getItem(savedOutputsKey(slug)) ?? null);
  } catch {
    return [];
  }
}

/** Saves quietly: outputs are a convenience; a full storage keeps room for the reader's edits. */
export function storeSavedOutputs(storage: StorageLike | null, slug: string, saved: readonly SavedOutput[]): void {
  if (!storage) return;
  try {
    let index: string[] = [];
    try {
      const parsed: unknown = JSON.parse(storage.getItem(INDEX_KEY) ?? '[]');
      if (Array.isArray(parsed)) index = parsed.filter((x): x is string => typeof x === 'string');
    } catch {
      index = [];
    }
    index = index.filter((s) => s !== slug);
    if (saved.length === 0) storage.removeItem(savedOutputsKey(slug));
    else {
      index.unshift(slug);
      for (const old of index.splice(SAVED_OUTPUTS_SECTIONS)) storage.removeItem(savedOutputsKey(old));
      storage.setItem(savedOutputsKey(slug), JSON.stringify(saved));
    }
    storage.setItem(INDEX_KEY, JSON.stringify(index));
  } catch {
    // full or blocked: not kept
  }
}
