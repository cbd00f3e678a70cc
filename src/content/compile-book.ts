/**
 * The whole book from its sources: parts numbered by folder order, sections by file order,
 * one label registry across all chapters (two passes), prev/next links, the table of contents,
 * the search index, and recorded outputs attached to their cells. Pure: the caller reads the
 * files (read-book.ts in Node; tests pass fixtures).
 */
import { DEFAULT_LANG, type BookLang } from './book-lang';
import { ContentError } from './content-error';
import { checkFiguresReferenced } from './figure-references';
import { collectCitations, parseBibliography } from './bibliography';
import { buildRegistry } from './labels';
import { parseSection, type ParsedSection } from './parse-section';
import { checkProse } from './prose-checks';
import { cellSourceHash, type RecordedSection } from './recorded';
import { renderSection, searchDocs } from './render-section';
import type { BookToc, CompiledSection, PartEntry, SearchDoc, SectionLink } from './types';

export interface FileSource {
  /** Path for messages, relative to the project root. */
  file: string;
  source: string;
}

export interface PartSource {
  /** The part's folder name, e.g. '02-linear-networks'. */
  slug: string;
  /** The folder's index.md (title and introduction), when present. */
  index: FileSource | null;
  /** The folder's other .md files; `name` is the file name without .md. */
  sections: (FileSource & { name: string })[];
}

export interface CompileOptions {
  /** Whether `public/<path>` exists (figures); omit to skip the check. */
  assetExists?: (publicPath: string) => boolean;
  /** The text of `public/<path>`, to inline SVG figures; omit to keep them as <img>. */
  readAsset?: (publicPath: string) => string;
  /** The bibliography file (chapters/bibliography.yaml), when the book has one. */
  bibliography?: FileSource | null;
  /** The edition these sources are (default English): numbering words and link targets. */
  lang?: BookLang;
  /**
   * An edition still being translated (checks only, never the build): bibliography entries may be
   * cited nowhere in it yet, and its bibliography page may not exist yet.
   */
  partial?: boolean;
}

export interface CompiledBook {
  toc: BookToc;
  /** By slug, in reading order. */
  sections: Map<string, CompiledSection>;
  search: SearchDoc[];
}

const byName = <T,>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** 'Linear-networks' from '02-linear-networks', when a part has no index.md title. */
function titleFromFolder(slug: string): string {
  const words = slug.replace(/^\d+[-_]?/, '').replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : slug;
}

export function compileBook(parts: PartSource[], recorded: ReadonlyMap<string, RecordedSection>, options: CompileOptions = {}): CompiledBook {
  const sortedParts = [...parts].sort(byName((p) => p.slug));

  // Pass 1: parse everything, collect labels.
  const parsedParts = sortedParts.map((part, p) => {
    const partNumber = String(p + 1);
    const index = part.index
      ? parseSection({ file: part.index.file, slug: part.slug, partSlug: part.slug, number: partNumber, source: part.index.source }, { ...options, kind: 'part' })
      : null;
    const sections = [...part.sections].sort(byName((s) => s.name)).map((s, i) =>
      parseSection({ file: s.file, slug: `${part.slug}/${s.name}`, partSlug: part.slug, number: `${partNumber}.${i + 1}`, source: s.source }, options),
    );
    return { part, partNumber, index, sections };
  });
  const all: ParsedSection[] = parsedParts.flatMap(({ index, sections }) => (index ? [index, ...sections] : sections));
  const lang = options.lang ?? DEFAULT_LANG;
  for (const s of all) checkProse(s, lang);
  const registry = buildRegistry(all.flatMap((s) => s.labels));
  checkFiguresReferenced(all);
  const bib = options.bibliography ?? null;
  const citations = collectCitations(all, bib ? parseBibliography(bib.file, bib.source) : null, bib?.file ?? 'chapters/bibliography.yaml', lang, options.partial ?? false);

  // Pass 2: render with every label known.
  const ordered = parsedParts.flatMap(({ sections }) => sections);
  const links: SectionLink[] = ordered.map((s) => ({ slug: s.input.slug, number: s.input.number, title: s.frontMatter.title }));
  const sections = new Map<string, CompiledSection>();
  ordered.forEach((parsed, i) => {
    const rec = recorded.get(parsed.input.slug) ?? null;
    if (rec && rec.slug !== parsed.input.slug) {
      throw new ContentError('recorded', parsed.input.file, 0, `recorded outputs for '${parsed.input.slug}' name the section '${rec.slug}'; delete the recorded file and re-run \`npm run book:test\``);
    }
    sections.set(parsed.input.slug, { ...renderSection(parsed, registry, rec, citations, lang), prev: links[i - 1] ?? null, next: links[i + 1] ?? null });
  });

  const tocParts: PartEntry[] = parsedParts.map(({ part, partNumber, index, sections: secs }) => ({
    slug: part.slug,
    number: partNumber,
    title: index?.frontMatter.title ?? titleFromFolder(part.slug),
    introHtml: index ? renderSection(index, registry, null, citations, lang).blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('') : '',
    sections: secs.map((s) => ({ slug: s.input.slug, partSlug: part.slug, number: s.input.number, title: s.frontMatter.title, version: cellSourceHash(s.input.source), headings: s.headings })),
  }));
  const version = cellSourceHash(all.map((s) => `${s.input.slug}\n${s.input.source}`).join('\u0000'));
  const search = ordered.flatMap((s) => searchDocs(s, registry, citations, lang));
  return { toc: { version, parts: tocParts }, sections, search };
}
