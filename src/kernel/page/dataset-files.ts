/**
 * The files a kernel may ask the page for: exactly the book's datasets, as `npm run data` places
 * them under public/data (the list is the data script's own, scripts/datasets.mjs). A request for
 * anything else (`../index.html`, another page of the site, a URL) is refused before any fetch:
 * the page's fetches carry the site's origin, and a cell must not make it read or cache other URLs.
 */
import { DATASETS } from '../../../scripts/datasets.mjs';

export const BOOK_DATASET_PATHS: ReadonlySet<string> = new Set(DATASETS.map((d) => d.path));

/** The byte size of each dataset file, to bound what the page reads. */
export const BOOK_DATASET_BYTES: ReadonlyMap<string, number> = new Map(DATASETS.map((d) => [d.path, d.bytes]));

/** A kernel asked for a file that is not one of the book's datasets. */
export class AssetNotAllowedError extends Error {
  constructor(path: string) {
    super(`'${path.slice(0, 200)}' is not one of the book's dataset files; the kernel can load only these: ${[...BOOK_DATASET_PATHS].join(', ')}.`);
    this.name = 'AssetNotAllowedError';
  }
}

/** Whether `path` names one of the book's dataset files (exact match: no `..`, no query, no URL). */
export function isBookDataset(path: string): boolean {
  return BOOK_DATASET_PATHS.has(path);
}
