// The book's sections and the content modules that read them, shared by the book test
// (scripts/book-test.mjs) and the reliability suite's long sessions: both take a section's cells
// from src/content/cells.ts (the extractor the reader uses), never from a Markdown parse of their own.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const chaptersDir = path.join(repoRoot, 'chapters');
export const recordedDir = path.join(repoRoot, 'recorded');

/**
 * Every section of the given editions (`modules` from loadContentModules), one edition after the
 * other, each in book order: `{ slug: '<part>/<section>', lang, file, checkFile, recordedFile }`.
 * Both editions of a section share its slug and its check file (book-checks.ts, checkFileFor).
 */
export async function listSections({ bookLang, checkFileFor }, langs = [bookLang.DEFAULT_LANG]) {
  const parts = (await readdir(chaptersDir, { withFileTypes: true })).filter((d) => d.isDirectory() && /^\d\d-/.test(d.name)).map((d) => d.name).sort();
  const sections = [];
  for (const lang of langs) {
    for (const part of parts) {
      for (const f of (await readdir(path.join(chaptersDir, part))).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()) {
        const edition = bookLang.parseEditionFileName(f);
        if (!edition || edition.lang !== lang) continue;
        const slug = `${part}/${edition.name}`;
        sections.push({
          slug,
          lang,
          file: path.join(chaptersDir, part, f),
          checkFile: checkFileFor(path.join(chaptersDir, part, f)),
          recordedFile: path.join(recordedDir, bookLang.recordedFileFor(slug, lang)),
        });
      }
    }
  }
  return sections;
}

/**
 * The TypeScript modules the book's tools share, loaded through Vite: the cell extractor, the check
 * files' path, the front matter, recorded outputs, the editions, and the section pipeline
 * (scripts/chapter-pipeline.ts, which the Node runner uses too).
 */
export async function loadContentModules() {
  const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
  try {
    const { extractCells } = await vite.ssrLoadModule('/src/content/cells.ts');
    const { checkFileFor } = await vite.ssrLoadModule('/src/content/book-checks.ts');
    const { readFrontMatter } = await vite.ssrLoadModule('/src/content/front-matter.ts');
    const rec = await vite.ssrLoadModule('/src/content/recorded.ts');
    const bookLang = await vite.ssrLoadModule('/src/content/book-lang.ts');
    const pipeline = await vite.ssrLoadModule('/scripts/chapter-pipeline.ts');
    return { extractCells, checkFileFor, readFrontMatter, rec, bookLang, pipeline };
  } finally {
    await vite.close();
  }
}
