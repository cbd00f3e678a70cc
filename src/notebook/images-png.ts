/**
 * An images output (d2l.showImages: a grid of Fashion-MNIST items with their titles) as one PNG
 * for a Jupyter notebook: the images scaled up (nearest neighbour, as the page does) in a grid
 * with a white gutter. Titles go in the text/plain part beside it (a PNG has no fonts). The PNG
 * encoder is the static pages' one (src/render/png.ts).
 */
import type { ImagesOutput } from '../lib/output-kinds';
import { encodePng } from '../render/png';

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

/** PNG bytes of each image at its own size and channels (the HTML scales them up, pixelated). */
export function eachImagePng(out: ImagesOutput): Uint8Array[] {
  return out.images.map((im) => encodePng(im.width, im.height, im.channels, im.pixels));
}

export function imagesPng(out: ImagesOutput): Uint8Array {
  const { width, height, rgb } = gridPixels(out);
  return encodePng(width, height, 3, rgb);
}
