/**
 * The host for the library outside the page (src/lib/host.ts is the contract), installed when a
 * notebook imports `handson-lib.mjs`:
 *  - outputs: text to stdout/stderr; tables, image grids and charts as MIME bundles in Deno's
 *    Jupyter kernel, as text in a terminal (outputs.ts);
 *  - assets: the datasets of the site the module came from (`<site>/data/...`), fetched or read
 *    from disk (site.ts);
 *  - backend: TensorFlow.js's WASM backend with its binaries from `<site>/tfjs-wasm/`, one thread
 *    (tfjs has no threaded WASM outside browsers); the CPU backend if WASM cannot start.
 *    `HANDSON_BACKEND=cpu` asks for the CPU backend.
 * Files are fetched on demand and kept in memory for the session, not on disk.
 */
import { Buffer } from 'node:buffer';
import { gluon, NDArray } from '../lib/index';
import { configureWasmPaths, setAssetLoader, setDisplayHook, startBackend, tf, type BackendInfo, type BackendName } from '../lib/host';
import { showByToString } from './inspect';
import { outputHook, processSink } from './outputs';
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
  setDisplayHook(outputHook(sink));
  setAssetLoader((path) => readSiteFile(new URL(`data/${path}`, site)));
  showByToString([NDArray, gluon.Block, gluon.Parameter]);
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
