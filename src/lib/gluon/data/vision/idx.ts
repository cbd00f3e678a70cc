/**
 * The IDX format of (Fashion-)MNIST: a big-endian header — two zero bytes, a type code (0x08 =
 * unsigned bytes), the number of dimensions — then one 32-bit size per dimension, then the
 * values row-major. Images are 0x00000803 (n, rows, cols), labels 0x00000801 (n).
 */
import { AssetError } from '../../../assets';

export interface IdxArray {
  dims: number[];
  /** The values, a view into the file's bytes (no copy). */
  data: Uint8Array;
}

const hex = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

/** Parses an uncompressed IDX file of unsigned bytes with `ndim` dimensions; `name` is for errors. */
export function parseIdx(bytes: Uint8Array, ndim: number, name: string): IdxArray {
  const fix = 'The file is corrupt or not the right one: run `npm run data` to download and verify it again.';
  const expected = 0x800 + ndim;
  const headerLength = 4 + 4 * ndim;
  if (bytes.length < headerLength) {
    throw new AssetError(`${name}: the file has only ${bytes.length} bytes, too short for an IDX header (${headerLength} bytes). ${fix}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expected) {
    const kind = ndim === 1 ? 'IDX label file' : `IDX file of ${ndim}-D unsigned bytes`;
    throw new AssetError(`${name}: not an ${kind}: its magic number is ${hex(magic)}, expected ${hex(expected)}. ${fix}`);
  }
  const dims = Array.from({ length: ndim }, (_, k) => view.getUint32(4 + 4 * k, false));
  const count = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== headerLength + count) {
    throw new AssetError(
      `${name}: the header announces ${dims.join(' x ')} = ${count} values but the file holds ${bytes.length - headerLength}. ${fix}`,
    );
  }
  return { dims, data: bytes.subarray(headerLength) };
}
