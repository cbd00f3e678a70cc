/**
 * What the browser keeps for one section: one localStorage value per section and edition, under a
 * key that names the section (English: `handson/edits/v1/<slug>`, the key it always had, so
 * English readers' edits stay where they are; another edition: `handson/edits/v1/<lang>/<slug>`).
 * The two editions' cells differ in comments and printed words, so an edit made in one must
 * never show in the other as "the book changed this cell". The book and section versions are stored inside, not in the
 * key: a new version of the book must find the reader's edits, not orphan them (each edit
 * carries the hash of the original it was made from, so changed originals are detected).
 */
import { DEFAULT_LANG, isBookLang, type BookLang } from '../../content/book-lang';
import { EditsSchemaError, expectObject, expectString, parseCellEdits, parseScratchCells, type CellEdit, type ScratchCell } from './edit-schema';

/** Format 2 added scratch cells; format 1 (edits only) still loads, as format 2 without any. */
export const SAVED_FORMAT = 2;
const READABLE_FORMATS: readonly unknown[] = [1, 2];
const PREFIX = 'handson/edits/v1/';
const DAMAGED_PREFIX = 'handson/edits-damaged/';

export interface SavedSection {
  format: typeof SAVED_FORMAT;
  slug: string;
  /** The edition (absent in values saved before there were editions: English). */
  lang: BookLang;
  bookVersion: string;
  sectionVersion: string;
  /** ISO time of the last save. */
  savedAt: string;
  edits: CellEdit[];
  /** The reader's own cells, in page order. */
  scratch: ScratchCell[];
}

const langPart = (lang: BookLang) => (lang === DEFAULT_LANG ? '' : `${lang}/`);
export const savedKey = (slug: string, lang: BookLang = DEFAULT_LANG): string => PREFIX + langPart(lang) + slug;
/** Where damaged data is set aside (never overwritten: one key per occurrence). */
export const damagedKey = (slug: string, when: string, lang: BookLang = DEFAULT_LANG): string => `${DAMAGED_PREFIX}${langPart(lang)}${slug}/${when}`;

export type ParsedSaved = { ok: true; value: SavedSection } | { ok: false; reason: string };

/** Parses a stored value; a damaged or old-format value gives the reason instead of throwing. */
export function parseSaved(text: string, slug: string, lang: BookLang = DEFAULT_LANG): ParsedSaved {
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
    const savedLang = o['lang'] === undefined ? DEFAULT_LANG : o['lang'];
    if (!isBookLang(savedLang)) return { ok: false, reason: `its edition is ${JSON.stringify(savedLang)}, not one of this book's` };
    if (savedLang !== lang) return { ok: false, reason: `it belongs to the '${savedLang}' edition of '${slug}', not the '${lang}' edition` };
    return {
      ok: true,
      value: {
        format: SAVED_FORMAT,
        slug,
        lang,
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
