/**
 * The name a file offered for download gets: a cell chooses it, and a cell may be hostile, so
 * the page makes it a plain, safe file name before the reader sees the button. No path (only
 * the last part), only letters, digits, `-`, `_` and one dot before the extension (so
 * `invoice.pdf.exe` cannot pass for a PDF), and an extension from the book's data formats; any
 * other becomes part of the name and the file ends in `.bin`, so a download is never a page,
 * a script or a program that opens itself with a double click.
 */

/** Extensions the book's cells save: arrays and parameters, tables, text. */
export const SAFE_DOWNLOAD_EXTENSIONS: ReadonlySet<string> = new Set(['nd', 'params', 'bin', 'csv', 'tsv', 'txt', 'json', 'npy', 'npz', 'dat']);

const MAX_STEM = 80;

export function sanitizeDownloadName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // Letters of any script are fine in a file name; controls, quotes, shell and path characters are not.
  const clean = last.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_');
  const dot = clean.lastIndexOf('.');
  let stem = dot > 0 ? clean.slice(0, dot) : clean;
  let ext = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  if (ext !== '' && !SAFE_DOWNLOAD_EXTENSIONS.has(ext)) {
    stem = `${stem}_${ext}`;
    ext = 'bin';
  }
  stem = stem.replace(/\./g, '_').replace(/^[_-]+/, '').slice(0, MAX_STEM);
  if (stem === '') stem = 'download';
  return ext === '' ? `${stem}.bin` : `${stem}.${ext}`;
}
