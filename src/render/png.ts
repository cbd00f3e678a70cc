/**
 * PNG files from pixels, for pictures drawn outside a canvas: recorded images on the static pages,
 * contour masks in SVG charts, image grids in notebooks. The smallest PNG there is: signature,
 * IHDR, one IDAT (zlib from node:zlib, which Deno provides too: both users run at build time or in
 * a notebook, never in the page), IEND; filter 0 on every row. Plain Uint8Arrays, no Buffer.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG chunks use it (ISO 3309, the same as zlib's: polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bytes per pixel: 1 grey, 3 RGB, 4 RGBA (8 bits each). */
export type Channels = 1 | 3 | 4;

/** The PNG of `pixels`: row-major, `channels` bytes per pixel, 0..255. */
export function encodePng(width: number, height: number, channels: Channels, pixels: Uint8Array): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`a PNG needs a positive integer width and height; got ${width} x ${height}`);
  }
  if (pixels.length !== width * height * channels) {
    throw new RangeError(`expected ${width} x ${height} x ${channels} = ${width * height * channels} bytes of pixels, got ${pixels.length}`);
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = channels === 1 ? 0 : channels === 3 ? 2 : 6; // grey, RGB, RGBA
  // compression, filter and interlace methods: 0
  const row = width * channels;
  const raw = new Uint8Array((row + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * row, (y + 1) * row), y * (row + 1) + 1); // filter byte 0: none
  const idat = new Uint8Array(deflateSync(raw, { level: 9 }));
  return concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Base64 of bytes (btoa, in Node, Deno and browsers; in slices, as String.fromCharCode takes so many arguments). */
export function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The PNG as a data: URL, for an <img> or an SVG <image>. */
export function pngDataUrl(width: number, height: number, channels: Channels, pixels: Uint8Array): string {
  return `data:image/png;base64,${base64(encodePng(width, height, channels, pixels))}`;
}
