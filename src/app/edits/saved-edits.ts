/**
 * What the browser keeps for one section: one localStorage value per section, under a key
 * that names the section only. The book and section versions are stored inside, not in the
 * key: a new version of the book must find the reader's edits, not orphan them (each edit
 * carries the hash of the original it was made from, so changed originals are detected).
 */
import { EditsSchemaError, expectObject, expectString, parseCellEdits, parseScratchCells, type CellEdit, type ScratchCell } from './edit-schema';

/** Format 2 added scratch cells; format 1 (edits only) still loads, as format 2 without any. */
export const SAVED_FORMAT = 2;
const READABLE_FORMATS: readonly unknown[] = [1, 2];
const PREFIX = 'handson/edits/v1/';
const DAMAGED_PREFIX = 'handson/edits-damaged/';

export interface SavedSection {
  format: typeof SAVED_FORMAT;
  slug: string;
  bookVersion: string;
  sectionVersion: string;
  /** ISO time of the last save. */
  savedAt: string;
  edits: CellEdit[];
  /** The reader's own cells, in page order. */
  scratch: ScratchCell[];
}

export const savedKey = (slug: string): string => PREFIX + slug;
/** Where damaged data is set aside (never overwritten: one key per occurrence). */
export const damagedKey = (slug: string, when: string): string => `${DAMAGED_PREFIX}${slug}/${when}`;

export type ParsedSaved = { ok: true; value: SavedSection } | { ok: false; reason: string };

/** Parses a stored value; a damaged or old-format value gives the reason instead of throwing. */
export function parseSaved(text: string, slug: string): ParsedSaved {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message})` };
  }
  try {
    const o = expectObject(json, 'saved edits');
    if (!READABLE_FORMATS.includes(o['format'])) return { ok: false, reason: `format ${describeFormat(o['format'])}, expected format ${READABLE_FORMATS.join(' or ')}` };
    const savedSlug = expectString(o['slug'], 'saved edits.slug');
    if (savedSlug !== slug) return { ok: false, reason: `it belongs to section '${savedSlug}', not '${slug}'` };
    return {
      ok: true,
      value: {
        format: SAVED_FORMAT,
        slug,
        bookVersion: expectString(o['bookVersion'], 'saved edits.bookVersion'),
        sectionVersion: expectString(o['sectionVersion'], 'saved edits.sectionVersion'),
        savedAt: expectString(o['savedAt'], 'saved edits.savedAt'),
        edits: parseCellEdits(o['edits'], 'saved edits.edits'),
        scratch: o['format'] === 1 || o['scratch'] === undefined ? [] : parseScratchCells(o['scratch'], 'saved edits.scratch'),
      },
    };
  } catch (e) {
    if (e instanceof EditsSchemaError) return { ok: false, reason: e.message };
    throw e;
  }
}

function describeFormat(f: unknown): string {
  return f === undefined ? '(none)' : JSON.stringify(f);
}

export function serializeSaved(section: SavedSection): string {
  return JSON.stringify(section);
}
