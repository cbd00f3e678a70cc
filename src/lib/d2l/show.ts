/**
 * Showing data: image grids (Fashion-MNIST in "Softmax regression") and tables (the Kaggle
 * house-price data). Outputs are data, never markup: the page renders them safely.
 */
import { display } from '../display';
import type { OutputImage } from '../output-kinds';
import { NDArray } from '../nd/ndarray';
import { ArgumentError, ShapeError, fmtShape } from '../nd/errors';

export interface ShowImagesOptions {
  titles?: string[];
  /** Display pixels per image pixel (default 2). */
  scale?: number;
}

/**
 * Shows images as a grid. `images`: an NDArray of shape (n, h, w), (n, h, w, 1|3) or
 * (n, 1|3, h, w), with values in [0, 1] (float) or [0, 255] (detected by the maximum).
 */
export async function showImages(images: NDArray, numRows: number, numCols: number, options: ShowImagesOptions = {}): Promise<void> {
  if (!(images instanceof NDArray)) throw new ArgumentError('showImages: images must be an NDArray of shape (n, h, w), (n, h, w, c) or (n, c, h, w).');
  const shape = images.shape;
  let n: number, h: number, w: number, c: number, channelsFirst = false;
  if (shape.length === 3) [n, h, w, c] = [shape[0]!, shape[1]!, shape[2]!, 1];
  else if (shape.length === 4 && (shape[3] === 1 || shape[3] === 3)) [n, h, w, c] = [shape[0]!, shape[1]!, shape[2]!, shape[3]!];
  else if (shape.length === 4 && (shape[1] === 1 || shape[1] === 3)) {
    [n, c, h, w] = [shape[0]!, shape[1]!, shape[2]!, shape[3]!];
    channelsFirst = true;
  } else throw new ShapeError(`showImages: cannot read images of shape ${fmtShape(shape)}; expected (n, h, w), (n, h, w, 1|3) or (n, 1|3, h, w).`);
  const count = Math.min(n, numRows * numCols);
  const values = await images.data();
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const factor = max <= 1 ? 255 : 1;
  const out: OutputImage[] = [];
  for (let k = 0; k < count; k++) {
    const pixels = new Uint8Array(h * w * c);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let ch = 0; ch < c; ch++) {
          const src = channelsFirst ? ((k * c + ch) * h + y) * w + x : ((k * h + y) * w + x) * c + ch;
          pixels[(y * w + x) * c + ch] = Math.max(0, Math.min(255, Math.round(values[src]! * factor)));
        }
      }
    }
    out.push({ width: w, height: h, channels: c as 1 | 3, pixels, title: options.titles?.[k] });
  }
  display({ kind: 'images', images: out, columns: numCols, scale: options.scale ?? 2 });
}

export interface TableData {
  columns: string[];
  rows: (string | number | null)[][];
}

/** Shows a table: `{ columns, rows }` or a list of records; at most `maxRows` rows. */
export function showTable(data: TableData | Record<string, string | number | null>[], options: { maxRows?: number; caption?: string } = {}): void {
  const maxRows = options.maxRows ?? 20;
  let columns: string[];
  let rows: (string | number | null)[][];
  if (Array.isArray(data)) {
    columns = [...new Set(data.flatMap((r) => Object.keys(r)))];
    rows = data.map((r) => columns.map((c) => r[c] ?? null));
  } else {
    columns = data.columns;
    rows = data.rows;
  }
  const caption = rows.length > maxRows ? `${options.caption ? `${options.caption} — ` : ''}first ${maxRows} of ${rows.length} rows` : options.caption;
  display({ kind: 'table', columns: columns.map(String), rows: rows.slice(0, maxRows).map((r) => r.map((v) => (typeof v === 'number' || v === null ? v : String(v)))), caption });
}
