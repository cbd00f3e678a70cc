/**
 * The book's array file format (docs/file-format.md): what `nd.save` and `saveParameters`
 * write. Pure bytes in, bytes out — no tensors here, so it runs anywhere and is easy to test.
 *
 *   bytes 0..7    magic  89 4E 44 41 52 52 0D 0A  ("\x89NDARR\r\n", PNG's trick: a file that
 *                 went through a text-mode transfer or a 7-bit channel no longer matches)
 *   bytes 8..11   format version, uint32 little-endian (this library writes 1)
 *   bytes 12..15  header length H, uint32 little-endian, a multiple of 4
 *   bytes 16..    the header: UTF-8 JSON padded with spaces to H bytes
 *   bytes 16+H..  the data section: each array's values, little-endian, at a 4-aligned offset
 */
import { LibraryError } from '../errors';

/** A file that is not in the format, is cut short, or comes from a newer version. */
export class FileFormatError extends LibraryError {}

export const MAGIC = Uint8Array.of(0x89, 0x4e, 0x44, 0x41, 0x52, 0x52, 0x0d, 0x0a);
/** The version this library writes. Readers accept every version up to it. */
export const FORMAT_VERSION = 1;
const FIXED = 16; // magic + version + header length
const ALIGN = 4;

export type StoredDType = 'float32' | 'int32';
const ITEM_SIZE: Record<StoredDType, number> = { float32: 4, int32: 4 };

/** What the file holds: one array, a list of arrays, or a dict name -> array. */
export type Kind = 'array' | 'list' | 'dict';

export interface Entry {
  /** The dict key; null for 'array' and 'list'. */
  name: string | null;
  dtype: StoredDType;
  shape: number[];
  /** Row-major values. */
  values: Float32Array | Int32Array;
}

interface HeaderEntry {
  name: string | null;
  dtype: StoredDType;
  shape: number[];
  /** Bytes from the start of the data section; a multiple of 4. */
  offset: number;
  byteLength: number;
}

interface Header {
  kind: Kind;
  arrays: HeaderEntry[];
}

const align = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;
const LITTLE_ENDIAN_HOST = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** Encodes arrays into one file's bytes. */
export function encode(kind: Kind, entries: readonly Entry[]): Uint8Array {
  if (kind === 'array' && entries.length !== 1) throw new FileFormatError(`encode: kind 'array' holds exactly one array, got ${entries.length}.`);
  let offset = 0;
  const arrays: HeaderEntry[] = entries.map((e) => {
    const byteLength = e.values.length * ITEM_SIZE[e.dtype];
    const h = { name: kind === 'dict' ? e.name : null, dtype: e.dtype, shape: e.shape, offset, byteLength };
    offset = align(offset + byteLength);
    return h;
  });
  const json = new TextEncoder().encode(JSON.stringify({ kind, arrays } satisfies Header));
  const headerLength = align(json.length);
  const out = new Uint8Array(FIXED + headerLength + offset); // zero-filled: padding between arrays is 0
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, headerLength, true);
  out.set(json, FIXED);
  out.fill(0x20, FIXED + json.length, FIXED + headerLength); // spaces: JSON.parse ignores them
  const dataStart = FIXED + headerLength;
  entries.forEach((e, i) => {
    const at = dataStart + arrays[i]!.offset;
    if (LITTLE_ENDIAN_HOST) {
      out.set(new Uint8Array(e.values.buffer, e.values.byteOffset, e.values.byteLength), at);
    } else {
      const put = e.dtype === 'float32' ? (j: number, v: number) => view.setFloat32(j, v, true) : (j: number, v: number) => view.setInt32(j, v, true);
      e.values.forEach((v, j) => put(at + 4 * j, v));
    }
  });
  return out;
}

function truncated(what: string, need: number, have: number): FileFormatError {
  return new FileFormatError(`The file is truncated: ${what} needs ${need} bytes but the file has only ${have}. It was probably cut short while being written, uploaded or copied; save it again.`);
}

/** Recognizable other formats, to say what a wrong file is. */
function guessFormat(bytes: Uint8Array): string {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x12 && b[1] === 0x01 && b.subarray(2, 8).every((x) => x === 0)) {
    return ' It looks like a file saved by MXNet in Python (nd.save / save_parameters), whose binary layout this library does not read; convert it by saving the arrays again from this library.';
  }
  if (b[0] === 0x1f && b[1] === 0x8b) return ' It looks gzip-compressed; decompress it first.';
  if (b[0] === 0x50 && b[1] === 0x4b) return ' It looks like a zip archive (NumPy .npz?), not an nd.save file.';
  if (b[0] === 0x93 && b[1] === 0x4e && b[2] === 0x55) return ' It looks like a NumPy .npy file, not an nd.save file.';
  if (b[0] === 0x7b || b[0] === 0x3c) return ' It looks like text (JSON or HTML — perhaps an error page instead of the file).';
  return '';
}

function fail(what: string): FileFormatError {
  return new FileFormatError(`The file's header is corrupt: ${what}.`);
}

function checkHeader(value: unknown): Header {
  if (typeof value !== 'object' || value === null) throw fail('it is not a JSON object');
  const h = value as { kind?: unknown; arrays?: unknown };
  if (h.kind !== 'array' && h.kind !== 'list' && h.kind !== 'dict') throw fail(`"kind" is ${JSON.stringify(h.kind)}, expected "array", "list" or "dict"`);
  if (!Array.isArray(h.arrays)) throw fail('"arrays" is not a list');
  if (h.kind === 'array' && h.arrays.length !== 1) throw fail(`kind "array" must describe exactly one array, it describes ${h.arrays.length}`);
  const names = new Set<string>();
  const arrays = h.arrays.map((raw: unknown, i: number): HeaderEntry => {
    const a = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const label = h.kind === 'dict' ? `array ${JSON.stringify(a.name)}` : `array ${i}`;
    if (h.kind === 'dict') {
      if (typeof a.name !== 'string') throw fail(`array ${i} of a dict has no string "name"`);
      if (names.has(a.name)) throw fail(`the name ${JSON.stringify(a.name)} appears twice`);
      names.add(a.name);
    }
    if (a.dtype !== 'float32' && a.dtype !== 'int32') {
      throw new FileFormatError(`The file's ${label} has dtype ${JSON.stringify(a.dtype)}; this version of the library reads only float32 and int32.`);
    }
    if (!Array.isArray(a.shape) || !a.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw fail(`${label} has shape ${JSON.stringify(a.shape)}, expected a list of non-negative integers`);
    if (!Number.isSafeInteger(a.offset) || (a.offset as number) < 0 || (a.offset as number) % ALIGN !== 0) throw fail(`${label} has offset ${JSON.stringify(a.offset)}, expected a non-negative multiple of ${ALIGN}`);
    const shape = a.shape as number[];
    const expected = shape.reduce((p, d) => p * d, 1) * ITEM_SIZE[a.dtype];
    if (a.byteLength !== expected) {
      throw new FileFormatError(
        `The file's ${label} does not add up: shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''}) of ${a.dtype} needs ${expected} bytes, but the header says ${JSON.stringify(a.byteLength)}. The file is corrupt.`,
      );
    }
    return { name: h.kind === 'dict' ? (a.name as string) : null, dtype: a.dtype, shape, offset: a.offset as number, byteLength: expected };
  });
  return { kind: h.kind, arrays };
}

/** Decodes one file's bytes; throws FileFormatError with what is wrong and what to do. */
export function decode(bytes: Uint8Array): { kind: Kind; entries: Entry[]; version: number } {
  const prefix = bytes.subarray(0, MAGIC.length);
  if (!prefix.every((b, i) => b === MAGIC[i])) {
    throw new FileFormatError(`Not an nd.save file: it starts with bytes ${hex(bytes.subarray(0, 8)) || '(none: the file is empty)'}, expected the magic bytes ${hex(MAGIC)}.${guessFormat(bytes)}`);
  }
  if (bytes.length < FIXED) throw truncated('the fixed part of the header', FIXED, bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version === 0 || version > FORMAT_VERSION) {
    throw new FileFormatError(
      `Unsupported file format version ${version}: this library reads versions 1 to ${FORMAT_VERSION}.${version > FORMAT_VERSION ? ' The file was written by a newer version of the library; update the book to read it.' : ''}`,
    );
  }
  const headerLength = view.getUint32(12, true);
  if (bytes.length < FIXED + headerLength) throw truncated(`the header (${headerLength} bytes)`, FIXED + headerLength, bytes.length);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(FIXED, FIXED + headerLength)));
  } catch (e) {
    throw fail(`it is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  const header = checkHeader(parsed);
  const dataStart = FIXED + headerLength;
  const entries = header.arrays.map((a, i): Entry => {
    const start = dataStart + a.offset;
    const end = start + a.byteLength;
    if (end > bytes.length) throw truncated(a.name !== null ? `array ${JSON.stringify(a.name)}` : `array ${i}`, end, bytes.length);
    // A copy: aligned for the typed array, and independent of the caller's buffer. (Not
    // bytes.slice: on a Node Buffer that is a view into a shared pool.)
    const own = Uint8Array.prototype.slice.call(bytes, start, end);
    let values: Float32Array | Int32Array = a.dtype === 'float32' ? new Float32Array(own.buffer) : new Int32Array(own.buffer);
    if (!LITTLE_ENDIAN_HOST) {
      const v = new DataView(own.buffer);
      values = a.dtype === 'float32' ? Float32Array.from(values, (_, j) => v.getFloat32(4 * j, true)) : Int32Array.from(values, (_, j) => v.getInt32(4 * j, true));
    }
    return { name: a.name, dtype: a.dtype, shape: a.shape, values };
  });
  return { kind: header.kind, entries, version };
}
