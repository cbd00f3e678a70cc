/**
 * The modules the content Vite plugin (src/content/vite-plugin.ts) serves. The app imports
 * only `virtual:book`; section and search chunks are loaded through its functions.
 * (Types are referenced with import() because an ambient module may not import relatively.)
 */
declare module 'virtual:book' {
  /** The table of contents (in the main bundle). */
  export const toc: import('./types').BookToc;
  /** Loads one section's chunk; rejects with an Error naming the slug if it is unknown. */
  export function loadSection(slug: string): Promise<import('./types').CompiledSection>;
  /** Loads the search index (its own chunk, fetched on first search). */
  export function loadSearchIndex(): Promise<import('./types').SearchDoc[]>;
}
