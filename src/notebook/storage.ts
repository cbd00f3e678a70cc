/**
 * Saved files outside the page: `nd.save` / `nd.load` / `saveParameters` / `loadParameters` read
 * and write files on disk, paths relative to the working folder (the notebook's, in Jupyter), as
 * the library does in Node. What the page does through the browser is done here without it:
 * `nd.download` says where the file is (a notebook has no browser downloads), and `nd.upload`
 * asks for a file's path (Deno's Jupyter kernel shows an input box for `prompt`) and copies the
 * file into the working folder under its name, returning that name.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ArgumentError } from '../lib/index';
import type { StorageBackend } from '../lib/host';

export function notebookStorage(say: (line: string) => void, ask: (question: string) => string | null = defaultPrompt): StorageBackend {
  return {
    description: 'files on disk (paths relative to the working folder)',
    async write(name, bytes) {
      try {
        await writeFile(name, bytes);
      } catch (e) {
        throw new ArgumentError(`cannot write the file '${path.resolve(name)}': ${(e as Error).message}. Does its folder exist?`);
      }
    },
    async read(name) {
      try {
        const buf = await readFile(name);
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return null;
        throw e;
      }
    },
    download(name) {
      say(`${name}: saved on disk (a notebook has no browser downloads): ${path.resolve(name)} if it was saved in the working folder.`);
    },
    async upload() {
      const answer = ask('nd.upload: the path of the file to load');
      if (answer === null || answer.trim() === '') return null;
      const file = answer.trim();
      const buf = await readFile(file).catch((e: Error) => {
        throw new ArgumentError(`nd.upload: cannot read '${path.resolve(file)}': ${e.message}`);
      });
      return { name: path.basename(file), bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
    },
  };
}

/** The runtime's `prompt` (Deno: stdin, or Jupyter's input box); null where there is none. */
function defaultPrompt(question: string): string | null {
  const prompt = (globalThis as { prompt?: (q: string) => string | null }).prompt;
  return typeof prompt === 'function' ? prompt(question) : null;
}
