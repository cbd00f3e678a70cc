/**
 * A build plugin for TensorFlow.js's threaded WASM build: it keeps the build working once
 * minified (below), and writes the pthread workers' lockdown into their script
 * (pthread-lockdown.ts: a cell must not run its own script in them).
 *
 * It transforms tfjs's files wherever they are bundled: the build (the page and, through
 * `worker.plugins`, the kernel worker) and the dev server, whose dependencies are pre-bundled by
 * `optimizeDeps` without Vite's plugins, so vite.config.ts passes this plugin there too
 * (`optimizeDeps.rolldownOptions.plugins`). Without that, dev would start unpatched workers.
 *
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
import { createHash } from 'node:crypto';
import { lockedDownWorker, workerAnchors } from './pthread-lockdown.js';

const FACTORY = /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
/** The pthread workers' script, as `module.exports.wasmWorkerContents = `...``. */
const WORKER = /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.worker\.js$/;

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

/** tfjs's file with its changes, or null for any other file. */
export function transformTfjs(code: string, id: string): string | null {
  const file = id.split('?')[0] ?? id;
  if (FACTORY.test(file)) return selfContainedFactory(code);
  if (WORKER.test(file)) return lockedDownWorker(code);
  return null;
}

/** For the build: the page's and the kernel worker's bundles. */
export function tfjsThreadsPlugin(name = 'tfjs-threads'): Plugin {
  return {
    name,
    transform(code, id) {
      const out = transformTfjs(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}

/**
 * For the dev server's pre-bundling (optimizeDeps.rolldownOptions.plugins). Vite keys its cache
 * of pre-bundled dependencies on these plugins' names, not their code: the name carries a hash
 * of what the plugin writes, so a changed lockdown re-bundles tfjs instead of serving an old cache.
 */
export function tfjsThreadsDepsPlugin(): Plugin {
  const hash = createHash('sha256').update(JSON.stringify([workerAnchors(), READS])).digest('hex').slice(0, 12);
  return tfjsThreadsPlugin(`tfjs-threads-deps-${hash}`);
}
