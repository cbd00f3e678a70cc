/**
 * The browser side of `virtual:book`: turns the plugin's table of lazy imports into
 * loadSection / loadSearchIndex. Kept in a real module (not generated code) so it is typed
 * and its error is a proper class the app can test for.
 */
import type { BookToc, CompiledSection, SearchDoc } from './types';

export class UnknownSectionError extends Error {
  override name = 'UnknownSectionError';
}

export type SectionLoaders = Record<string, () => Promise<{ default: CompiledSection }>>;

export function bookLoaders(toc: BookToc, sections: SectionLoaders, search: () => Promise<{ default: SearchDoc[] }>) {
  const known = toc.parts.flatMap((p) => p.sections.map((s) => s.slug));
  return {
    loadSection(slug: string): Promise<CompiledSection> {
      const load = Object.hasOwn(sections, slug) ? sections[slug] : undefined;
      if (!load) {
        return Promise.reject(new UnknownSectionError(`no section '${slug}' in this book; expected one of ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', ...' : ''} (the link may be from an older version of the book)`));
      }
      return load().then((m) => m.default);
    },
    loadSearchIndex(): Promise<SearchDoc[]> {
      return search().then((m) => m.default);
    },
  };
}
