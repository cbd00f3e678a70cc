/**
 * Writes the static pages at `vite build` (every build, the tests' too; never in dev): one HTML
 * page per section, part and edition under dist/<lang>/ (src/build/static-pages/static-links.ts
 * has the layout), readable without JavaScript, and the cover's <noscript> table of contents.
 * Runs after Vite has written index.html into the bundle, whose stylesheet, entry script, icon
 * and CSP every static page reuses. The book comes from the book plugin (compiled once per
 * build); the renderer loads through Vite's module runner, as the book compiler does (a
 * TypeScript import here would be one of vite.config.ts's).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { BookLang } from '../content/book-lang';
import type { BookPluginApi } from '../content/vite-plugin';
import type { StaticEdition } from './static-pages/static-site';

const sitePath = fileURLToPath(new URL('./static-pages/static-site.ts', import.meta.url));
const baseCssPath = fileURLToPath(new URL('./static-pages/static-page.css', import.meta.url));
const themeCssPath = fileURLToPath(new URL('../app/styles/theme.css', import.meta.url));

export function staticPagesPlugin(): Plugin {
  let book: BookPluginApi | null = null;
  return {
    name: 'handson-static-pages',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      book = (config.plugins.find((p) => p.name === 'handson-book')?.api as BookPluginApi | undefined) ?? null;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset' || !book) return; // not the reader's build (a library or worker bundle)
        const { module: site } = await runnerImport<typeof import('./static-pages/static-site')>(sitePath, { configFile: false, logLevel: 'error' });
        const css = site.staticCss(readFileSync(baseCssPath, 'utf8'), readFileSync(themeCssPath, 'utf8'));
        const cssFile = this.getFileName(this.emitFile({ type: 'asset', name: 'static-page.css', source: css }));
        const indexHtml = String(index.source);
        const app = site.appHeadOf(indexHtml, `./${cssFile}`);
        const editions: Partial<Record<BookLang, StaticEdition>> = {};
        for (const lang of book.editions().langs) editions[lang] = await book.compile(lang);
        const { files, coverNoScript } = site.staticSite(app, editions);
        for (const f of files) this.emitFile({ type: 'asset', fileName: f.path, source: f.html });
        index.source = site.withNoScriptCover(indexHtml, coverNoScript, `./${cssFile}`);
      },
    },
  };
}
