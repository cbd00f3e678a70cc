/**
 * The modules the content Vite plugin (src/content/vite-plugin.ts) serves. The app imports
 * only `virtual:book`; section, search and other editions' chunks are loaded through its functions.
 * (Types are referenced with import() because an ambient module may not import relatively.)
 */
declare module 'virtual:book' {
  /** The English edition's table of contents (in the main bundle). */
  export const toc: import('./types').BookToc;
  /** Loads one English section's chunk; rejects with an Error naming the slug if it is unknown. */
  export function loadSection(slug: string): Promise<import('./types').CompiledSection>;
  /** Loads the English search index (its own chunk, fetched on first search). */
  export function loadSearchIndex(): Promise<import('./types').SearchDoc[]>;
  /** One edition: English at once, another edition's table of contents as its own chunk. */
  export function loadEdition(lang: import('./book-lang').BookLang): Promise<import('./types').BookEdition>;
}
