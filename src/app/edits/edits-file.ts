/**
 * A chapter's edits as a file the reader can download and import again (another browser,
 * after clearing site data, to share). The format is versioned and every field is checked,
 * with a size limit, and errors say what is wrong and where.
 */
import { DEFAULT_LANG, isBookLang, type BookLang } from '../../content/book-lang';
import { messagesFor, pageMessages } from '../i18n/messages';
import { EditsSchemaError, expectObject, expectString, parseCellEdits, parseScratchCells, type CellEdit, type ScratchCell } from './edit-schema';

export const EDITS_FILE_KIND = 'handson-dl-edits';
/** Format 2 added `scratch` (the reader's own cells); files of format 1 still import. */
export const EDITS_FILE_FORMAT = 2;
const READABLE_FORMATS: readonly unknown[] = [1, 2];
export const MAX_IMPORT_BYTES = 2_000_000;

/** Saved data that could not be read, set aside (exported so nothing the reader wrote is lost). */
export interface DamagedData {
  /** Why it could not be read. */
  reason: string;
  /** The raw stored text. */
  text: string;
}

export interface EditsFile {
  kind: typeof EDITS_FILE_KIND;
  format: typeof EDITS_FILE_FORMAT;
  slug: string;
  /**
   * The edition the edits were made in. The editions' cells differ in comments and printed words,
   * so a file imports into its own edition only. Absent in files exported before there were
   * editions: English.
   */
  lang: BookLang;
  sectionTitle: string;
  bookVersion: string;
  sectionVersion: string;
  exportedAt: string;
  edits: CellEdit[];
  /** Edits whose cell no longer exists in the section. */
  orphans: CellEdit[];
  /** The reader's own cells, in page order (never the book's). */
  scratch: ScratchCell[];
  damaged: DamagedData[];
}

export class EditsImportError extends Error {
  override name = 'EditsImportError';
}

/** A file of the section's other edition: the reader opens that edition to import it. */
export class EditsLangMismatchError extends EditsImportError {
  override name = 'EditsLangMismatchError';
  constructor(
    readonly fileLang: BookLang,
    readonly pageLang: BookLang,
  ) {
    super(messagesFor(pageLang).edits.otherEdition(fileLang, pageLang));
  }
}

export function serializeEditsFile(file: EditsFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

export function editsFileName(slug: string, lang: BookLang = DEFAULT_LANG): string {
  return `${slug.replace(/\//g, '--')}${lang === DEFAULT_LANG ? '' : `.${lang}`}.edits.json`;
}

/** Parses an imported file for section `slug` of edition `lang`; throws EditsImportError saying what to fix. */
export function parseEditsFile(text: string, slug: string, lang: BookLang = DEFAULT_LANG): EditsFile {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) {
    throw new EditsImportError(pageMessages().edits.fileTooBig(bytes / 1e6, MAX_IMPORT_BYTES / 1e6));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EditsImportError(pageMessages().edits.notJson((e as Error).message));
  }
  try {
    const o = expectObject(json, 'file');
    if (o['kind'] !== EDITS_FILE_KIND) {
      throw new EditsImportError(pageMessages().edits.notEditsFile(EDITS_FILE_KIND, JSON.stringify(o['kind']) ?? 'none'));
    }
    if (!READABLE_FORMATS.includes(o['format'])) {
      throw new EditsImportError(pageMessages().edits.wrongFormat(String(JSON.stringify(o['format'])), READABLE_FORMATS));
    }
    const fileSlug = expectString(o['slug'], 'file.slug');
    if (fileSlug !== slug) {
      throw new EditsImportError(pageMessages().edits.wrongSection(fileSlug, slug));
    }
    const fileLang = o['lang'] === undefined ? DEFAULT_LANG : o['lang'];
    if (!isBookLang(fileLang)) throw new EditsImportError(pageMessages().edits.unknownEdition(JSON.stringify(fileLang)));
    if (fileLang !== lang) throw new EditsLangMismatchError(fileLang, lang);
    const damaged = o['damaged'] === undefined ? [] : parseDamaged(o['damaged']);
    return {
      kind: EDITS_FILE_KIND,
      format: EDITS_FILE_FORMAT,
      slug,
      lang,
      sectionTitle: expectString(o['sectionTitle'] ?? '', 'file.sectionTitle'),
      bookVersion: expectString(o['bookVersion'], 'file.bookVersion'),
      sectionVersion: expectString(o['sectionVersion'], 'file.sectionVersion'),
      exportedAt: expectString(o['exportedAt'], 'file.exportedAt'),
      edits: parseCellEdits(o['edits'], 'file.edits'),
      orphans: o['orphans'] === undefined ? [] : parseCellEdits(o['orphans'], 'file.orphans'),
      scratch: o['format'] === 1 || o['scratch'] === undefined ? [] : parseScratchCells(o['scratch'], 'file.scratch'),
      damaged,
    };
  } catch (e) {
    if (e instanceof EditsSchemaError) throw new EditsImportError(pageMessages().edits.malformed(e.message));
    throw e;
  }
}

function parseDamaged(v: unknown): DamagedData[] {
  if (!Array.isArray(v)) throw new EditsSchemaError(`file.damaged: expected an array, got ${typeof v}`);
  return v.map((d, i) => {
    const o = expectObject(d, `file.damaged[${i}]`);
    return { reason: expectString(o['reason'], `file.damaged[${i}].reason`), text: expectString(o['text'], `file.damaged[${i}].text`, MAX_IMPORT_BYTES) };
  });
}
