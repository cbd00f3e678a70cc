/**
 * The shape of saved and exported edits, checked field by field. Saved data can be damaged
 * (another version of the app, a browser extension, a half-written value) and imported files
 * can be anything: every check names the path that failed and what was expected.
 */

/** One edited cell. */
export interface CellEdit {
  /** The cell's id when the edit was made (`cell-3`). */
  cellId: string;
  /** What the reader typed. */
  code: string;
  /** cellSourceHash of the book's original cell when it was edited: tells whether the original changed since. */
  baseHash: string;
}

/**
 * A cell the reader added (a scratch cell): not the book's, never run by Run all, placed below
 * a book cell. It follows that cell as the book changes: by the hash of its original first (ids
 * shift when cells are added above), then by its id; when neither exists any more it goes to
 * the end of the section rather than being lost.
 */
export interface ScratchCell {
  /** `scratch-<n>`: never a book cell's id, so the two cannot be mixed up. */
  id: string;
  /** The book cell it sits below, when it was placed (`cell-3`). */
  afterCellId: string;
  /** cellSourceHash of that cell's original code. */
  afterHash: string;
  code: string;
}

/** Limits that keep a bad file from filling storage or freezing the page. */
export const MAX_CELL_CODE_CHARS = 200_000;
export const MAX_EDITS_PER_SECTION = 500;
export const MAX_SCRATCH_PER_SECTION = 200;

export class EditsSchemaError extends Error {
  override name = 'EditsSchemaError';
}

const CELL_ID = /^cell-[1-9]\d*$/;
const HASH = /^[0-9a-f]{16}$/;
export const SCRATCH_ID = /^scratch-[1-9]\d*$/;

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? 'a long string' : `the string ${JSON.stringify(v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

export function expectObject(v: unknown, path: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new EditsSchemaError(`${path}: expected an object, got ${describeValue(v)}`);
  return v as Record<string, unknown>;
}

export function expectString(v: unknown, path: string, max = 1000): string {
  if (typeof v !== 'string') throw new EditsSchemaError(`${path}: expected a string, got ${describeValue(v)}`);
  if (v.length > max) throw new EditsSchemaError(`${path}: expected at most ${max} characters, got ${v.length}`);
  return v;
}

/** Checks a list of cell edits; ids may repeat only when they came from different sections versions (never here). */
export function parseCellEdits(v: unknown, path: string): CellEdit[] {
  if (!Array.isArray(v)) throw new EditsSchemaError(`${path}: expected an array of cell edits, got ${describeValue(v)}`);
  if (v.length > MAX_EDITS_PER_SECTION) throw new EditsSchemaError(`${path}: expected at most ${MAX_EDITS_PER_SECTION} cell edits, got ${v.length}`);
  return v.map((item, i) => {
    const at = `${path}[${i}]`;
    const o = expectObject(item, at);
    const cellId = expectString(o['cellId'], `${at}.cellId`);
    if (!CELL_ID.test(cellId)) throw new EditsSchemaError(`${at}.cellId: expected a cell id like "cell-3", got ${describeValue(cellId)}`);
    const baseHash = expectString(o['baseHash'], `${at}.baseHash`);
    if (!HASH.test(baseHash)) throw new EditsSchemaError(`${at}.baseHash: expected 16 hex digits (the original cell's hash), got ${describeValue(baseHash)}`);
    const code = expectString(o['code'], `${at}.code`, MAX_CELL_CODE_CHARS);
    return { cellId, code, baseHash };
  });
}

/** Checks a list of scratch cells: ids unique, anchors well-formed, code within the limit. */
export function parseScratchCells(v: unknown, path: string): ScratchCell[] {
  if (!Array.isArray(v)) throw new EditsSchemaError(`${path}: expected an array of scratch cells, got ${describeValue(v)}`);
  if (v.length > MAX_SCRATCH_PER_SECTION) throw new EditsSchemaError(`${path}: expected at most ${MAX_SCRATCH_PER_SECTION} scratch cells, got ${v.length}`);
  const seen = new Set<string>();
  return v.map((item, i) => {
    const at = `${path}[${i}]`;
    const o = expectObject(item, at);
    const id = expectString(o['id'], `${at}.id`);
    if (!SCRATCH_ID.test(id)) throw new EditsSchemaError(`${at}.id: expected a scratch cell id like "scratch-1", got ${describeValue(id)}`);
    if (seen.has(id)) throw new EditsSchemaError(`${at}.id: "${id}" appears twice; each scratch cell needs its own id`);
    seen.add(id);
    const afterCellId = expectString(o['afterCellId'], `${at}.afterCellId`);
    if (!CELL_ID.test(afterCellId)) throw new EditsSchemaError(`${at}.afterCellId: expected a cell id like "cell-3", got ${describeValue(afterCellId)}`);
    const afterHash = expectString(o['afterHash'], `${at}.afterHash`);
    if (!HASH.test(afterHash)) throw new EditsSchemaError(`${at}.afterHash: expected 16 hex digits (the book cell's hash), got ${describeValue(afterHash)}`);
    const code = expectString(o['code'], `${at}.code`, MAX_CELL_CODE_CHARS);
    return { id, afterCellId, afterHash, code };
  });
}
