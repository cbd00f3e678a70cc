/**
 * The host for the library outside the page (src/lib/host.ts is the contract), installed when a
 * notebook imports `handson-lib.mjs`:
 *  - outputs: text to stdout/stderr; tables, image grids and charts as MIME bundles in Deno's
 *    Jupyter kernel, as text in a terminal (outputs.ts);
 *  - assets: the datasets of the site the module came from (`<site>/data/...`), fetched or read
 *    from disk (site.ts);
 *  - saved files: on disk, relative to the working folder; nd.download says where, nd.upload asks
 *    for a path (storage.ts);
 *  - memory: reads of arrays give the event loop a turn now and then, so dropped arrays are freed
 *    during a long cell (yield-on-read.ts);
 *  - backend: TensorFlow.js's WASM backend with its binaries from `<site>/tfjs-wasm/`, one thread
 *    (tfjs has no threaded WASM outside browsers); the CPU backend if WASM cannot start.
 *    `HANDSON_BACKEND=cpu` asks for the CPU backend.
 * Site files are fetched when a cell asks for them (the library keeps Fashion-MNIST in memory for
 * the session); nothing is written to disk but what cells save.
 */
import { Buffer } from 'node:buffer';
import { gluon, NDArray } from '../lib/index';
import { configureWasmPaths, setAssetLoader, setDisplayHook, setStorageBackend, startBackend, tf, type BackendInfo, type BackendName } from '../lib/host';
import { showByToString } from './inspect';
import { createOutputs, processSink } from './outputs';
import { notebookStorage } from './storage';
import { yieldOnReads } from './yield-on-read';
import { envVar, readSiteFile, siteRoot } from './site';

export interface NotebookHost {
  /** The site the datasets and WASM binaries come from. */
  site: string;
  backend: BackendInfo;
  /** 'jupyter' in Deno's Jupyter kernel, else 'terminal'. */
  outputs: 'jupyter' | 'terminal';
}

/** The WASM binaries tfjs may ask for outside a browser (no threads there; tfjs wants a path for the threaded one all the same). */
const WASM_BINARIES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];
const THREADED = 'tfjs-backend-wasm-threaded-simd.wasm';

export async function startNotebookHost(moduleUrl: string): Promise<NotebookHost> {
  const site = siteRoot(moduleUrl, envVar('HANDSON_SITE'));
  const sink = processSink();
  const outputs = createOutputs(sink);
  setDisplayHook(outputs.hook);
  // A chart waiting for its turn is shown before the process ends (deno run, node; the REPL exits without these events).
  onExit(outputs.flush);
  setStorageBackend(notebookStorage((line) => sink.write(`${line}\n`, 'stdout')));
  setAssetLoader((path) => readSiteFile(new URL(`data/${path}`, site)));
  showByToString([NDArray, gluon.Block, gluon.Parameter]);
  yieldOnReads();
  await configureWasm(new URL('tfjs-wasm/', site));
  const wanted = envVar('HANDSON_BACKEND') as BackendName | undefined;
  const backend = await startBackend({ backend: wanted });
  const skipped = backend.skipped.map((s) => `; ${s.reason}`).join('');
  sink.write(`handson-lib: ${backend.name.toUpperCase()} backend${skipped}; datasets from ${site.href}data/\n`, 'stdout');
  return { site: site.href, backend, outputs: sink.jupyter ? 'jupyter' : 'terminal' };
}

/**
 * tfjs fetches its WASM binary through the platform's fetch when told to: over HTTP that is the
 * site's file; from disk (a built site opened as files), Node's fetch cannot read file: URLs,
 * so the bytes are read here and handed over as data: URLs.
 */
async function configureWasm(base: URL): Promise<void> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // tfjs's warnings off (tf.enableProdMode): on the CPU backend in Node it would advise installing
  // tfjs-node, which this library cannot use.
  tf.enableProdMode();
  if (base.protocol !== 'file:') {
    configureWasmPaths(base.href, { platformFetch: true });
    return;
  }
  const paths: Record<string, string> = {};
  for (const name of WASM_BINARIES) {
    try {
      const bytes = await readSiteFile(new URL(name, base));
      paths[name] = `data:application/wasm;base64,${Buffer.from(bytes).toString('base64')}`;
    } catch {
      paths[name] = new URL(name, base).href; // missing: WASM then fails to start, and the CPU backend takes over
    }
  }
  paths[THREADED] = new URL(THREADED, base).href;
  configureWasmPaths(paths, { platformFetch: true });
}

/** Runs `fn` when Deno or Node is about to exit. */
function onExit(fn: () => void): void {
  const g = globalThis as { Deno?: unknown; addEventListener?: (type: string, fn: () => void) => void; process?: { on?: (event: string, fn: () => void) => void } };
  if (g.Deno && typeof g.addEventListener === 'function') g.addEventListener('unload', fn);
  else g.process?.on?.('exit', fn);
}
