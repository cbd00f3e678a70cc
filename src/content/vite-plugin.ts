/**
 * Serves the compiled book to the app as virtual modules:
 *
 * - `virtual:book`: `toc` (in the main bundle: small), `loadSection(slug)`, `loadSearchIndex()`;
 *   it also imports KaTeX's stylesheet (and so its fonts), since the sections hold KaTeX HTML,
 *   and content.css (layout of equations, figures and tables).
 * - `virtual:book/section/<slug>`: one lazily loaded chunk per section (its HTML, cells and
 *   recorded outputs), so opening a chapter downloads that chapter only.
 * - `virtual:book/search`: the search index, its own chunk, loaded on the first search.
 *
 * The book compiles once per build (or after a change in dev: chapters/ and recorded/ are
 * watched and the page reloads). A ContentError fails the build with the file and line.
 */
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import { runnerImport, type Plugin, type ViteDevServer } from 'vite';
import type { CompiledBook } from './compile-book';
import type { BookPaths } from './read-book';

export interface BookPluginOptions {
  chaptersDir?: string;
  recordedDir?: string;
  publicDir?: string;
}

const ID = 'virtual:book';
const SECTION = 'virtual:book/section/';
const SEARCH = 'virtual:book/search';
const RESOLVED = '\0';

const runtimePath = fileURLToPath(new URL('./book-runtime.ts', import.meta.url));
const recordedPath = fileURLToPath(new URL('./recorded.ts', import.meta.url));
const readBookPath = fileURLToPath(new URL('./read-book.ts', import.meta.url));
const cssPath = fileURLToPath(new URL('./content.css', import.meta.url));

/**
 * The compiler is loaded through Vite's module runner rather than imported: vite.config.ts is
 * bundled on every start, and its TypeScript imports would make Vite warn about the config
 * each time (and reload with every compiler change).
 */
async function compileBookAt(paths: BookPaths): Promise<{ book: CompiledBook; encodeJson: (value: unknown) => string }> {
  const { module } = await runnerImport<typeof import('./read-book')>(readBookPath, { configFile: false, logLevel: 'error' });
  return { book: module.loadBook(paths), encodeJson: module.encodeJson };
}

/** The compiler runs in Vite's module runner, so its ContentError class is another copy: check the shape. */
function isContentError(e: unknown): e is { name: 'ContentError'; message: string; file: string; line: number } {
  return e instanceof Error && e.name === 'ContentError' && typeof (e as { file?: unknown }).file === 'string' && typeof (e as { line?: unknown }).line === 'number';
}

export function bookPlugin(options: BookPluginOptions = {}): Plugin {
  let paths: BookPaths = { root: process.cwd(), ...options };
  let book: ReturnType<typeof compileBookAt> | null = null;
  let serving = false;
  const compile = () => (book ??= compileBookAt(paths));
  const watched = () => [resolve(paths.root, paths.chaptersDir ?? 'chapters'), resolve(paths.root, paths.recordedDir ?? 'recorded')];

  return {
    name: 'handson-book',
    configResolved(config) {
      paths = { root: config.root, ...options };
      serving = config.command === 'serve';
    },
    resolveId(id) {
      if (id === ID || id === SEARCH || id.startsWith(SECTION)) return RESOLVED + id;
      return null;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED + ID)) return null;
      const vid = id.slice(RESOLVED.length);
      let compiled: CompiledBook;
      let encodeJson: (value: unknown) => string;
      try {
        ({ book: compiled, encodeJson } = await compile());
      } catch (e) {
        book = null; // retry after the author fixes the file
        if (!isContentError(e)) throw e;
        // With the location, Vite's error overlay and build log point at the chapter line.
        const file = resolve(paths.root, e.file);
        this.error({ message: e.message, id: file, loc: { file, line: Math.max(e.line, 1), column: 0 } });
      }
      // Build (watch mode) re-runs when chapters change. Not in dev: there configureServer watches
      // the folders, and a directory added as a watch file becomes an import Vite fails to resolve.
      if (!serving) for (const dir of watched()) this.addWatchFile(dir);
      if (vid === ID) {
        const loaders = [...compiled.sections.keys()].map((slug) => `  ${JSON.stringify(slug)}: () => import(${JSON.stringify(SECTION + slug)}),`).join('\n');
        return [
          `import 'katex/dist/katex.min.css';`,
          `import ${JSON.stringify(cssPath)};`,
          `import { bookLoaders } from ${JSON.stringify(runtimePath)};`,
          `export const toc = JSON.parse(${JSON.stringify(JSON.stringify(compiled.toc))});`,
          `const loaders = bookLoaders(toc, {\n${loaders}\n}, () => import(${JSON.stringify(SEARCH)}));`,
          `export const loadSection = loaders.loadSection;`,
          `export const loadSearchIndex = loaders.loadSearchIndex;`,
        ].join('\n');
      }
      if (vid === SEARCH) return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled.search))});`;
      const slug = vid.slice(SECTION.length);
      const section = compiled.sections.get(slug);
      if (!section) this.error(`${vid}: no section '${slug}' in chapters/; the book's sections are ${[...compiled.sections.keys()].join(', ')}`);
      // Recorded image outputs hold bytes: encodeJson/decodeJson carry them as base64.
      return `import { decodeJson } from ${JSON.stringify(recordedPath)};\nexport default decodeJson(${JSON.stringify(encodeJson(section))});`;
    },
    configureServer(server: ViteDevServer) {
      const dirs = watched();
      server.watcher.add(dirs);
      const onChange = (file: string) => {
        if (!dirs.some((d) => file === d || file.startsWith(d + sep))) return;
        book = null;
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith(RESOLVED + ID)) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
