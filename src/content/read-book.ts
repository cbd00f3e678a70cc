/**
 * Reads the book's sources from disk (Node only: the Vite plugin, tests and scripts use it;
 * the app never imports it). Layout: `chapters/<part>/index.md` (optional: title and intro),
 * `chapters/<part>/<section>.md`, `chapters/bibliography.yaml` (optional: the works cited);
 * recorded outputs in `recorded/<part>/<section>.json`. Other editions sit beside the English
 * files as `<section>.<lang>.md` and `index.<lang>.md`, with recorded outputs in
 * `recorded/<lang>/` (book-lang.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_LANG, parseEditionFileName, recordedFileFor, type BookLang } from './book-lang';
import { compileBook, type CompiledBook, type PartSource } from './compile-book';
import { decodeRecorded, type RecordedSection } from './recorded';

// The Vite plugin loads this module through Vite's runner and needs the codec from the same load.
export { encodeJson } from './recorded';

export interface BookPaths {
  /** Project root; messages name files relative to it. */
  root: string;
  /** Default 'chapters'. */
  chaptersDir?: string;
  /** Default 'recorded'. */
  recordedDir?: string;
  /** Default 'public': figures are checked against it. */
  publicDir?: string;
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** One edition's parts and sections; a part with no file in that edition is left out. */
export function readBookSources(paths: BookPaths, lang: BookLang = DEFAULT_LANG): PartSource[] {
  const chapters = resolve(paths.root, paths.chaptersDir ?? 'chapters');
  if (!isDir(chapters)) return [];
  return readdirSync(chapters)
    .filter((name) => isDir(join(chapters, name)))
    .map((slug) => {
      const dir = join(chapters, slug);
      const read = (name: string) => {
        const path = join(dir, name);
        return { file: relative(paths.root, path), source: readFileSync(path, 'utf8') };
      };
      const files = readdirSync(dir)
        .map((n) => ({ file: n, edition: parseEditionFileName(n) }))
        .filter((f): f is { file: string; edition: { name: string; lang: BookLang } } => f.edition !== null && f.edition.lang === lang);
      const index = files.find((f) => f.edition.name === 'index');
      return {
        slug,
        index: index ? read(index.file) : null,
        sections: files.filter((f) => f.edition.name !== 'index').map((f) => ({ ...read(f.file), name: f.edition.name })),
      };
    })
    .filter((p) => p.index !== null || p.sections.length > 0);
}

/** Recorded outputs by section slug, for the sections whose file exists. */
export function readRecorded(paths: BookPaths, parts: PartSource[], lang: BookLang = DEFAULT_LANG): Map<string, RecordedSection> {
  const recorded = new Map<string, RecordedSection>();
  const dir = resolve(paths.root, paths.recordedDir ?? 'recorded');
  for (const part of parts) {
    for (const section of part.sections) {
      const slug = `${part.slug}/${section.name}`;
      const path = join(dir, recordedFileFor(slug, lang));
      if (existsSync(path)) recorded.set(slug, decodeRecorded(readFileSync(path, 'utf8'), relative(paths.root, path)));
    }
  }
  return recorded;
}

/** The bibliography, `<chapters>/bibliography.yaml`, when the book has one. */
export function readBibliography(paths: BookPaths): { file: string; source: string } | null {
  const path = resolve(paths.root, paths.chaptersDir ?? 'chapters', 'bibliography.yaml');
  return existsSync(path) ? { file: relative(paths.root, path), source: readFileSync(path, 'utf8') } : null;
}

export function loadBook(paths: BookPaths, lang: BookLang = DEFAULT_LANG, { partial = false }: { partial?: boolean } = {}): CompiledBook {
  const parts = readBookSources(paths, lang);
  const publicDir = resolve(paths.root, paths.publicDir ?? 'public');
  return compileBook(parts, readRecorded(paths, parts, lang), {
    lang,
    partial,
    assetExists: (p) => existsSync(join(publicDir, p)),
    readAsset: (p) => readFileSync(join(publicDir, p), 'utf8'),
    bibliography: readBibliography(paths),
  });
}
