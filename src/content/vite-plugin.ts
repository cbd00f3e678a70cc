/**
 * Serves the compiled book to the app as virtual modules:
 *
 * - `virtual:book`: the English edition's `toc` (in the main bundle: small), `loadSection(slug)`,
 *   `loadSearchIndex()`, and `loadEdition(lang)` for any edition; it also imports KaTeX's
 *   stylesheet (and so its fonts), since the sections hold KaTeX HTML, and content.css (layout of
 *   equations, figures and tables).
 * - `virtual:book/<lang>/edition`: another edition's table of contents and loaders, one lazy chunk,
 *   so the English first load does not grow with the editions.
 * - `virtual:book/section/<slug>` (English), `virtual:book/<lang>/section/<slug>`: one lazily
 *   loaded chunk per section (its HTML, cells and recorded outputs, from `recorded/` or
 *   `recorded/<lang>/`), so opening a chapter downloads that chapter only.
 * - `virtual:book/search`, `virtual:book/<lang>/search`: an edition's search index, its own chunk,
 *   loaded on the first search.
 *
 * The book compiles once per build (or after a change in dev: chapters/ and recorded/ are
 * watched and the page reloads). A ContentError fails the build with the file and line.
 */
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import { runnerImport, type Plugin, type ViteDevServer } from 'vite';
import type { BookLang } from './book-lang';
import type { CompiledBook } from './compile-book';
import type { BookPaths } from './read-book';

export interface BookPluginOptions {
  chaptersDir?: string;
  recordedDir?: string;
  publicDir?: string;
}

const ID = 'virtual:book';
const RESOLVED = '\0';
/**
 * The editions (book-lang.ts). Loaded through Vite's module runner like the compiler (below), since
 * a TypeScript import here would be one of vite.config.ts's; `configResolved` fills it in.
 */
export interface Editions {
  langs: readonly BookLang[];
  defaultLang: BookLang;
}

/** Other editions' modules put the language after the prefix: `virtual:book/zh/section/<slug>`. */
const langPrefix = (e: Editions, lang: BookLang) => (lang === e.defaultLang ? '' : `${lang}/`);
const sectionId = (e: Editions, lang: BookLang, slug: string) => `${ID}/${langPrefix(e, lang)}section/${slug}`;
const searchId = (e: Editions, lang: BookLang) => `${ID}/${langPrefix(e, lang)}search`;
const editionId = (lang: BookLang) => `${ID}/${lang}/edition`;

export type BookModule = { kind: 'main' } | { kind: 'edition'; lang: BookLang } | { kind: 'section'; lang: BookLang; slug: string } | { kind: 'search'; lang: BookLang };

/** Reads a virtual module id (without the resolved prefix); null when it is not one of ours. */
export function parseBookModuleId(id: string, editions: Editions): BookModule | null {
  if (id === ID) return { kind: 'main' };
  if (!id.startsWith(`${ID}/`)) return null;
  let rest = id.slice(ID.length + 1);
  let lang: BookLang = editions.defaultLang;
  const other = editions.langs.find((l) => l !== editions.defaultLang && (rest === l || rest.startsWith(`${l}/`)));
  if (other) {
    lang = other;
    rest = rest.slice(other.length + 1);
    if (rest === 'edition') return { kind: 'edition', lang };
  }
  if (rest === 'search') return { kind: 'search', lang };
  if (rest.startsWith('section/') && rest.length > 'section/'.length) return { kind: 'section', lang, slug: rest.slice('section/'.length) };
  return null;
}

const runtimePath = fileURLToPath(new URL('./book-runtime.ts', import.meta.url));
const recordedPath = fileURLToPath(new URL('./recorded.ts', import.meta.url));
const readBookPath = fileURLToPath(new URL('./read-book.ts', import.meta.url));
const bookLangPath = fileURLToPath(new URL('./book-lang.ts', import.meta.url));
const cssPath = fileURLToPath(new URL('./content.css', import.meta.url));

/**
 * The compiler is loaded through Vite's module runner rather than imported: vite.config.ts is
 * bundled on every start, and its TypeScript imports would make Vite warn about the config
 * each time (and reload with every compiler change).
 */
async function compileBookAt(paths: BookPaths, lang: BookLang): Promise<{ book: CompiledBook; encodeJson: (value: unknown) => string }> {
  const { module } = await runnerImport<typeof import('./read-book')>(readBookPath, { configFile: false, logLevel: 'error' });
  return { book: module.loadBook(paths, lang), encodeJson: module.encodeJson };
}

/** An edition's table of contents and its lazy loaders (its sections and search index are chunks of their own). */
function editionCode(editions: Editions, book: CompiledBook, lang: BookLang): string[] {
  const loaders = [...book.sections.keys()].map((slug) => `  ${JSON.stringify(slug)}: () => import(${JSON.stringify(sectionId(editions, lang, slug))}),`).join('\n');
  return [
    `import { bookLoaders } from ${JSON.stringify(runtimePath)};`,
    `export const toc = JSON.parse(${JSON.stringify(JSON.stringify(book.toc))});`,
    `const loaders = bookLoaders(toc, {\n${loaders}\n}, () => import(${JSON.stringify(searchId(editions, lang))}));`,
    `export const loadSection = loaders.loadSection;`,
    `export const loadSearchIndex = loaders.loadSearchIndex;`,
  ];
}

/** The compiler runs in Vite's module runner, so its ContentError class is another copy: check the shape. */
function isContentError(e: unknown): e is { name: 'ContentError'; message: string; file: string; line: number } {
  return e instanceof Error && e.name === 'ContentError' && typeof (e as { file?: unknown }).file === 'string' && typeof (e as { line?: unknown }).line === 'number';
}

/** What other build plugins may ask the book plugin (the static pages: src/build/static-pages-plugin.ts). */
export interface BookPluginApi {
  /** An edition's compiled book, compiled once per build and shared with the virtual modules. */
  compile(lang: BookLang): Promise<CompiledBook>;
  editions(): Editions;
}

export function bookPlugin(options: BookPluginOptions = {}): Plugin {
  let paths: BookPaths = { root: process.cwd(), ...options };
  // One compiled book per edition, each compiled when a module of that edition is first asked for.
  const books = new Map<BookLang, ReturnType<typeof compileBookAt>>();
  let serving = false;
  let editions: Editions = { langs: ['en'], defaultLang: 'en' };
  const compile = (lang: BookLang) => {
    let book = books.get(lang);
    if (!book) books.set(lang, (book = compileBookAt(paths, lang)));
    return book;
  };
  const watched = () => [resolve(paths.root, paths.chaptersDir ?? 'chapters'), resolve(paths.root, paths.recordedDir ?? 'recorded')];

  const api: BookPluginApi = {
    compile: async (lang) => (await compile(lang)).book,
    editions: () => editions,
  };

  return {
    name: 'handson-book',
    api,
    async configResolved(config) {
      paths = { root: config.root, ...options };
      serving = config.command === 'serve';
      const { module } = await runnerImport<typeof import('./book-lang')>(bookLangPath, { configFile: false, logLevel: 'error' });
      editions = { langs: module.BOOK_LANGS, defaultLang: module.DEFAULT_LANG };
    },
    resolveId(id) {
      return parseBookModuleId(id, editions) ? RESOLVED + id : null;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const vid = id.slice(RESOLVED.length);
      const mod = parseBookModuleId(vid, editions);
      if (!mod) return null;
      const lang = mod.kind === 'main' ? editions.defaultLang : mod.lang;
      let compiled: CompiledBook;
      let encodeJson: (value: unknown) => string;
      try {
        ({ book: compiled, encodeJson } = await compile(lang));
      } catch (e) {
        books.delete(lang); // retry after the author fixes the file
        if (!isContentError(e)) throw e;
        // With the location, Vite's error overlay and build log point at the chapter line.
        const file = resolve(paths.root, e.file);
        this.error({ message: e.message, id: file, loc: { file, line: Math.max(e.line, 1), column: 0 } });
      }
      // Build (watch mode) re-runs when chapters change. Not in dev: there configureServer watches
      // the folders, and a directory added as a watch file becomes an import Vite fails to resolve.
      if (!serving) for (const dir of watched()) this.addWatchFile(dir);
      switch (mod.kind) {
        case 'main': {
          // The default edition is in the entry; every other edition is one lazy chunk (its table
          // of contents and loaders), so adding an edition does not grow the first load.
          const others = editions.langs
            .filter((l) => l !== editions.defaultLang)
            .map((l) => `  ${JSON.stringify(l)}: () => import(${JSON.stringify(editionId(l))}),`)
            .join('\n');
          return [
            `import 'katex/dist/katex.min.css';`,
            `import ${JSON.stringify(cssPath)};`,
            ...editionCode(editions, compiled, editions.defaultLang),
            `const editions = {\n${others}\n};`,
            `export function loadEdition(lang) {`,
            `  if (lang === ${JSON.stringify(editions.defaultLang)}) return Promise.resolve({ toc, loadSection, loadSearchIndex });`,
            `  const load = Object.hasOwn(editions, lang) ? editions[lang] : undefined;`,
            `  if (!load) return Promise.reject(new Error('no edition ' + JSON.stringify(lang) + ' in this book; its editions are ${editions.langs.join(', ')}'));`,
            `  return load().then((m) => ({ toc: m.toc, loadSection: m.loadSection, loadSearchIndex: m.loadSearchIndex }));`,
            `}`,
          ].join('\n');
        }
        case 'edition':
          return editionCode(editions, compiled, mod.lang).join('\n');
        case 'search':
          return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled.search))});`;
        case 'section': {
          const section = compiled.sections.get(mod.slug);
          if (!section) this.error(`${vid}: no section '${mod.slug}' in chapters/ (${mod.lang}); the book's sections are ${[...compiled.sections.keys()].join(', ')}`);
          // Recorded image outputs hold bytes: encodeJson/decodeJson carry them as base64.
          return `import { decodeJson } from ${JSON.stringify(recordedPath)};\nexport default decodeJson(${JSON.stringify(encodeJson(section))});`;
        }
      }
    },
    configureServer(server: ViteDevServer) {
      const dirs = watched();
      server.watcher.add(dirs);
      const onChange = (file: string) => {
        if (!dirs.some((d) => file === d || file.startsWith(d + sep))) return;
        books.clear();
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
