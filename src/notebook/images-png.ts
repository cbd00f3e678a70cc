/**
 * An images output (d2l.showImages: a grid of Fashion-MNIST items with their titles) as one PNG
 * for a Jupyter notebook: the images scaled up (nearest neighbour, as the page does) in a grid
 * with a white gutter. Titles go in the text/plain part beside it (a PNG has no fonts).
 * PNG: signature, IHDR, one zlib-compressed IDAT of filter-0 rows, IEND; zlib from node:zlib,
 * which Deno provides too.
 */
import { deflateSync } from 'node:zlib';
import type { ImagesOutput } from '../lib/output-kinds';

const GUTTER = 4;

/** The grid as RGB pixels: width, height, and 3 bytes per pixel. */
export function gridPixels(out: ImagesOutput): { width: number; height: number; rgb: Uint8Array } {
  const scale = Math.max(1, Math.round(out.scale));
  const cellW = Math.max(0, ...out.images.map((im) => im.width)) * scale;
  const cellH = Math.max(0, ...out.images.map((im) => im.height)) * scale;
  const cols = Math.max(1, Math.min(out.columns, out.images.length));
  const rows = Math.max(1, Math.ceil(out.images.length / cols));
  const width = cols * cellW + (cols + 1) * GUTTER;
  const height = rows * cellH + (rows + 1) * GUTTER;
  const rgb = new Uint8Array(width * height * 3).fill(255);
  out.images.forEach((im, k) => {
    const left = GUTTER + (k % cols) * (cellW + GUTTER);
    const top = GUTTER + Math.floor(k / cols) * (cellH + GUTTER);
    for (let y = 0; y < im.height * scale; y++) {
      for (let x = 0; x < im.width * scale; x++) {
        const src = (Math.floor(y / scale) * im.width + Math.floor(x / scale)) * im.channels;
        const dst = ((top + y) * width + left + x) * 3;
        for (let c = 0; c < 3; c++) rgb[dst + c] = im.pixels[src + (im.channels === 3 ? c : 0)]!;
      }
    }
  });
  return { width, height, rgb };
}

/** PNG bytes of an RGB image (8 bits per channel). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter type 0: the row as is
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, colour type 2 (RGB), deflate, adaptive filtering, no interlace
  return concat([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', new Uint8Array(deflateSync(raw))), chunk('IEND', new Uint8Array(0))]);
}

/** One image's own pixels as RGB (grayscale spread to three channels). */
function imageRgb(im: ImagesOutput['images'][number]): Uint8Array {
  const rgb = new Uint8Array(im.width * im.height * 3);
  for (let i = 0; i < im.width * im.height; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = im.pixels[i * im.channels + (im.channels === 3 ? c : 0)]!;
  return rgb;
}

/** PNG bytes of each image at its own size (the HTML scales them up, pixelated). */
export function eachImagePng(out: ImagesOutput): Uint8Array[] {
  return out.images.map((im) => encodePng(im.width, im.height, imageRgb(im)));
}

export function imagesPng(out: ImagesOutput): Uint8Array {
  const { width, height, rgb } = gridPixels(out);
  return encodePng(width, height, rgb);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let table: Uint32Array | null = null;

/** CRC-32 (the PNG/zlib polynomial 0xEDB88320), over a chunk's type and data. */
export function crc32(bytes: Uint8Array): number {
  if (table === null) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
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
