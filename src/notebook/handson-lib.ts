/**
 * The book's library as one module for notebooks outside the page (Deno's Jupyter kernel, Deno,
 * Node): what the page's cells see as globals, as named exports, with a host for a terminal or a
 * notebook installed and the backend started when the import resolves. Built into the site as
 * `lib/handson-lib.mjs` (src/build/notebook-lib-plugin.ts); a downloaded notebook's first cell
 * imports it from the site it came from, so datasets and WASM binaries come from there too.
 */
import { d2l } from '../lib/index';
import { startNotebookHost } from './host';

export { nd, NDArray, autograd, mx, gluon, lrScheduler, init, d2l, LibraryError } from '../lib/index';
export { print, display } from '../lib/host';
export type { DisplayOutput } from '../lib/output-kinds';
/** d2l.plot, a global in the page's cells. */
export const plot = d2l.plot;

/** The backend the notebook runs on and where its files come from (also printed by `mx.backendInfo()`). */
export const notebookHost = await startNotebookHost(import.meta.url);
