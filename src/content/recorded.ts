/**
 * Recorded outputs: what the book test saw when it last ran a section's cells in headless
 * Chromium, stored under `recorded/<part>/<section>.json`. The reader shows them under each
 * cell (marked as recorded) until the reader runs the cell; the book test reuses a section's
 * verified run only while the section, its check file and the code it runs are unchanged.
 *
 * Pure module (no Node or DOM APIs): the build, the app and the scripts share it.
 */
import { updateKey, type CellOutput } from '../kernel/protocol';

export const RECORDED_FORMAT = 1;

export interface RecordedCell {
  id: string;
  /** cellSourceHash(code) of the cell that produced these outputs: a mismatch means stale. */
  sourceHash: string;
  status: 'ok' | 'error' | 'interrupted';
  durationMs: number;
  /** In order; a chart appears once, in its final state. */
  outputs: CellOutput[];
}

export interface RecordedClaim {
  description: string;
  /** The measured value, as text (numbers with their full precision). */
  value: string;
  passed: boolean;
}

export interface RecordedSection {
  format: typeof RECORDED_FORMAT;
  /** e.g. '02-linear-networks/01-linear-regression-scratch'. */
  slug: string;
  /** Hash of the section's Markdown, its check file and the library/kernel sources it ran on. */
  inputsHash: string;
  backend: string;
  /** ISO time of the run. */
  recordedAt: string;
  /** Time for the section's cells (not the checks), in ms. */
  totalMs: number;
  /** Seconds the cells may take in all (the section's budget). */
  budgetSeconds: number;
  cells: RecordedCell[];
  claims: RecordedClaim[];
  /** Every cell ok, at least one claim, every claim passed, within budget. */
  passed: boolean;
}

/**
 * A short, stable hash of a cell's code (two 32-bit FNV-1a variants, 16 hex digits). Not for
 * security: it only tells whether a recorded output belongs to the current source.
 */
export function cellSourceHash(code: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Keeps each chart and each controls output once, in its final state, at the place it first
 * appeared. Controls keep the values their final outputs were computed with: a reader of the
 * recorded page sees those values, as text, above those outputs.
 */
export function finalOutputs(outputs: CellOutput[]): CellOutput[] {
  const last = new Map<string, CellOutput>();
  for (const o of outputs) {
    const key = updateKey(o);
    if (key !== null) last.set(key, o);
  }
  const seen = new Set<string>();
  const result: CellOutput[] = [];
  for (const o of outputs) {
    const key = updateKey(o);
    if (key === null) result.push(o);
    else if (!seen.has(key)) {
      seen.add(key);
      result.push(last.get(key)!);
    }
  }
  return result;
}

const BYTES_TAG = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** JSON with byte arrays (image pixels) as base64 objects. */
export function encodeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES_TAG]: toBase64(v) } : v), indent);
}

/** The inverse of encodeJson. */
export function decodeJson(json: string): unknown {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && BYTES_TAG in value) {
      const b = (value as Record<string, unknown>)[BYTES_TAG];
      if (typeof b === 'string') return fromBase64(b);
    }
    return value;
  });
}

export function encodeRecorded(section: RecordedSection): string {
  return encodeJson(section, 1) + '\n';
}

export class RecordedFormatError extends Error {}

export function decodeRecorded(json: string, where = 'recorded outputs'): RecordedSection {
  let parsed: unknown;
  try {
    parsed = decodeJson(json);
  } catch (e) {
    throw new RecordedFormatError(`${where}: not valid JSON (${(e as Error).message}); delete the file and re-run \`npm run book:test\` to record it again.`);
  }
  const s = parsed as Partial<RecordedSection> | null;
  if (s === null || typeof s !== 'object' || s.format !== RECORDED_FORMAT || !Array.isArray(s.cells) || typeof s.slug !== 'string') {
    throw new RecordedFormatError(`${where}: expected a recorded section of format ${RECORDED_FORMAT} with a slug and cells; re-run \`npm run book:test\` to record it again.`);
  }
  return s as RecordedSection;
}
