import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base64, crc32, encodePng, pngDataUrl } from '../../../src/render/png';

/** The chunks of a PNG as [type, data]. */
function chunks(png: Uint8Array): [string, Uint8Array][] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: [string, Uint8Array][] = [];
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    expect(view.getUint32(at + 8 + len)).toBe(crc32(png.subarray(at + 4, at + 8 + len)));
    out.push([type, png.subarray(at + 8, at + 8 + len)]);
    at += 12 + len;
  }
  return out;
}

describe('png', () => {
  it('crc32 is the standard one (as zlib computes it)', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('grey, RGB and RGBA: signature, IHDR with the colour type, filter-0 rows, IEND; every CRC right', () => {
    for (const [channels, colourType] of [
      [1, 0],
      [3, 2],
      [4, 6],
    ] as const) {
      const pixels = Uint8Array.from({ length: 2 * 3 * channels }, (_, i) => i * 7);
      const png = encodePng(2, 3, channels, pixels);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const parts = chunks(png);
      expect(parts.map(([t]) => t)).toEqual(['IHDR', 'IDAT', 'IEND']);
      const ihdr = new DataView(parts[0]![1].buffer, parts[0]![1].byteOffset);
      expect([ihdr.getUint32(0), ihdr.getUint32(4), ihdr.getUint8(8), ihdr.getUint8(9)]).toEqual([2, 3, 8, colourType]);
      const raw = inflateSync(parts[1]![1]);
      const row = 2 * channels;
      expect(raw.length).toBe((row + 1) * 3);
      for (let y = 0; y < 3; y++) {
        expect(raw[y * (row + 1)]).toBe(0); // filter byte
        expect([...raw.subarray(y * (row + 1) + 1, (y + 1) * (row + 1))]).toEqual([...pixels.subarray(y * row, (y + 1) * row)]);
      }
    }
  });

  it('refuses pixels that do not fit the size', () => {
    expect(() => encodePng(2, 2, 3, new Uint8Array(4))).toThrow(/expected 2 x 2 x 3 = 12 bytes/);
    expect(() => encodePng(0, 2, 1, new Uint8Array(0))).toThrow(/positive integer/);
  });

  it('base64 and data URLs without Buffer, also for images larger than one slice', () => {
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    expect(base64(big)).toBe(Buffer.from(big).toString('base64'));
    const url = pngDataUrl(1, 1, 3, new Uint8Array([1, 2, 3]));
    expect(url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect([...Buffer.from(url.split(',')[1]!, 'base64')]).toEqual([...encodePng(1, 1, 3, new Uint8Array([1, 2, 3]))]);
  });
});
