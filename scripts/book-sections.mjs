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

/** Every section, in book order: `{ slug: '<part>/<section>', file }`. */
export async function listSections() {
  const parts = (await readdir(chaptersDir, { withFileTypes: true })).filter((d) => d.isDirectory() && /^\d\d-/.test(d.name)).map((d) => d.name).sort();
  const sections = [];
  for (const part of parts) {
    for (const f of (await readdir(path.join(chaptersDir, part))).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()) {
      sections.push({ slug: `${part}/${f.replace(/\.md$/, '')}`, file: path.join(chaptersDir, part, f) });
    }
  }
  return sections;
}

/** The TypeScript content modules, loaded through Vite: the cell extractor, claims, recorded outputs. */
export async function loadContentModules() {
  const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
  try {
    const { extractCells } = await vite.ssrLoadModule('/src/content/cells.ts');
    const { CLAIM_SETUP, extractClaims } = await vite.ssrLoadModule('/src/content/book-checks.ts');
    const rec = await vite.ssrLoadModule('/src/content/recorded.ts');
    return { extractCells, CLAIM_SETUP, extractClaims, rec };
  } finally {
    await vite.close();
  }
}
