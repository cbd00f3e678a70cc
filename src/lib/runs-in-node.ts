/** Node.js at run time: the library's few Node-only paths (files on disk) decide here. */

/** Whether this code runs in Node.js (the book test, the unit tests), not in a page or a worker. */
export function runsInNode(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
}

/** import() of a Node built-in ('node:fs/promises'). A variable specifier: bundlers leave the import alone, so the browser build never includes it. */
export function nodeImport(specifier: string): Promise<unknown> {
  return import(/* @vite-ignore */ specifier);
}
