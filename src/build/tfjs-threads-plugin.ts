/**
 * A build plugin that keeps TensorFlow.js's threaded WASM build working once minified.
 *
 * tfjs starts each pthread worker with the threaded module's factory as text
 * (`wasmFactoryThreadedSimd.toString()` in a blob), so that function must not refer to anything
 * outside itself. Emscripten's output does: `_scriptDir`, a variable of the wrapper around the
 * factory, read behind a `typeof _scriptDir !== "undefined"` guard. The minifier renames it and,
 * seeing it declared, drops the guard; every pthread worker then died with "ReferenceError: e is
 * not defined" and setBackend('wasm') never settled (measured in the built site, Chromium 156).
 * In browsers `_scriptDir` is unused here (tfjs passes locateFile and mainScriptUrlOrBlob), so
 * the factory's two reads of it are removed. Throws when the text changed (a tfjs upgrade), so
 * the build says so instead of shipping threads that hang.
 */
import type { Plugin } from 'vite';

const FACTORY = /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

/** Each read of `_scriptDir` inside the factory, and what replaces it. */
const READS: [string, string][] = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  ['"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir,', '"urlOrBlob":Module["mainScriptUrlOrBlob"],'],
];

export class TfjsFactoryChangedError extends Error {
  constructor(expected: string) {
    super(
      `tfjs-threads-plugin: the threaded WASM factory no longer contains ${JSON.stringify(expected)} ` +
        '(a new TensorFlow.js version?). Check which variables outside the factory it reads and update READS in src/build/tfjs-threads-plugin.ts.',
    );
    this.name = 'TfjsFactoryChangedError';
  }
}

/** The factory's source with its reads of `_scriptDir` removed. */
export function selfContainedFactory(code: string): string {
  let out = code;
  for (const [from, to] of READS) {
    if (!out.includes(from)) throw new TfjsFactoryChangedError(from);
    out = out.split(from).join(to);
  }
  // Only the wrapper's own declaration and fallback may remain.
  const left = out.split('_scriptDir').length - 1;
  if (left !== 3) throw new TfjsFactoryChangedError(`exactly the wrapper's 3 uses of _scriptDir (found ${left})`);
  return out;
}

export function tfjsThreadsPlugin(): Plugin {
  return {
    name: 'tfjs-threads',
    transform(code, id) {
      if (!FACTORY.test(id.split('?')[0] ?? id)) return null;
      return { code: selfContainedFactory(code), map: null };
    },
  };
}
