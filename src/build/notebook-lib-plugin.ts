/**
 * Builds the library for notebooks outside the page into the site: `<outDir>/lib/handson-lib.mjs`,
 * one ES module with TensorFlow.js inside (src/notebook/handson-lib.ts), for Deno's Jupyter kernel,
 * Deno and Node. A downloaded notebook imports it by the site's URL (src/app/section/notebook-export.ts).
 *
 * A second Vite build run when the site's build closes, so `vite build` (and every script that
 * builds the site) makes it too. It targets Node-like runtimes, not browsers: TensorFlow.js's
 * Node paths (`require('util')`, emscripten's `require('fs')`) run, through a `require` made with
 * node:module's createRequire (Deno has it too); the browser-only backends (WebGL, WebGPU) and the
 * bundler's URLs of the WASM binaries are left out (the host passes the site's own).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build, type InlineConfig, type Plugin, type ResolvedConfig } from 'vite';

export const NOTEBOOK_LIB_FILE = 'lib/handson-lib.mjs';

/** Modules the library imports only in a browser: empty here (never imported outside one). */
const BROWSER_ONLY = /^@tensorflow\/tfjs-backend-(webgl|webgpu)$|[\\/]lib[\\/]engine[\\/]wasm-paths(\.ts)?$/;
/** tfjs-core's fallback for runtimes without a global fetch (Node and Deno have one): empty too. */
const UNUSED = /^node-fetch$/;
const EMPTY = '\0notebook-lib-empty';
/**
 * tfjs's CommonJS parts `require('util')`, `require('fs')`, `require('path')`. Bundled as is,
 * they would make the bundler add `createRequire(import.meta.url)`, which throws when the module
 * came over HTTP (Deno's notebooks): each becomes a module re-exporting `node:<name>` instead,
 * which Node and Deno both serve.
 */
const BUILTIN_PREFIX = '\0notebook-lib-builtin:';

/**
 * What emscripten's Node path reads: `__filename`/`__dirname`, for a default folder of its
 * binary (unused: the host gives tfjs the binaries' URLs).
 */
const BANNER = "const __filename = import.meta.url, __dirname = import.meta.url.replace(/\\/[^/]*$/, '');";

/** The build's configuration (also what `vite build --config vite.notebook-lib.config.ts` uses). */
export function notebookLibConfig(root: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    plugins: [
      {
        name: 'notebook-lib-browser-only',
        enforce: 'pre',
        resolveId(id, importer) {
          if (BROWSER_ONLY.test(id) || UNUSED.test(id) || (importer && BROWSER_ONLY.test(path.resolve(path.dirname(importer), id)))) return EMPTY;
          if (isBuiltin(id) && !id.startsWith('node:')) return BUILTIN_PREFIX + id;
          return null;
        },
        load(id) {
          if (id === EMPTY) return 'export default {}; export function browserWasmPaths() { return {}; }';
          if (id.startsWith(BUILTIN_PREFIX)) {
            const name = id.slice(BUILTIN_PREFIX.length);
            return `import * as m from 'node:${name}'; export * from 'node:${name}'; export default m;`;
          }
          return null;
        },
      },
    ],
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: path.join(root, 'src/notebook/handson-lib.ts'),
      outDir: path.join(outDir, path.dirname(NOTEBOOK_LIB_FILE)),
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      rollupOptions: {
        external: [/^node:/],
        output: {
          format: 'es',
          entryFileNames: path.basename(NOTEBOOK_LIB_FILE),
          inlineDynamicImports: true,
          // The library reads class and function names (error names, Gluon's block prefixes).
          keepNames: true,
          banner: BANNER,
        },
      },
    },
  };
}

export async function buildNotebookLib(root: string, outDir: string): Promise<void> {
  await build(notebookLibConfig(root, outDir));
}

/**
 * A version of the module, for its URL (`lib/handson-lib.mjs?v=...`): Deno caches a remote module
 * for good, so a site whose library changed must give it a new URL. A hash of what goes into it:
 * the library, the notebook host and the TensorFlow.js version; the same sources give the same.
 */
export function notebookLibVersion(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else {
        hash.update(rel);
        hash.update(readFileSync(path.join(root, rel)));
      }
    }
  };
  walk('src/lib');
  walk('src/notebook');
  hash.update(readFileSync(path.join(root, 'node_modules/@tensorflow/tfjs-core/package.json')));
  return hash.digest('hex').slice(0, 12);
}

/** Runs buildNotebookLib after the site's build, into the same outDir. */
export function notebookLibPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'handson-notebook-lib',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      if (config.build.ssr) return; // not inside our own build
      await buildNotebookLib(config.root, path.resolve(config.root, config.build.outDir));
    },
  };
}
