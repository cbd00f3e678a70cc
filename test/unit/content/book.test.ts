/**
 * The real book (chapters/ and recorded/ at the project root), whatever sections exist now:
 * every section compiles (front matter, math, labels and references, cells), the cells the
 * reader shows are the cells the book test runs, and every recorded output belongs to the
 * current source of its cell: a cell edited after its outputs were recorded fails here, named
 * by section and cell, until `npm run book:test` records it again.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractCells } from '../../../src/content/cells';
import { compileBook, type CompiledBook } from '../../../src/content/compile-book';
import { readBibliography, readBookSources, readRecorded } from '../../../src/content/read-book';
import { staleCells } from '../../../src/content/stale-cells';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const parts = readBookSources({ root });
const sources = parts.flatMap((p) => p.sections.map((s) => ({ slug: `${p.slug}/${s.name}`, file: s.file, source: s.source })));

describe('the book in chapters/', () => {
  let book: CompiledBook | null = null;

  it(`compiles all ${sources.length} sections`, () => {
    const recorded = readRecorded({ root }, parts);
    book = compileBook(parts, recorded, { assetExists: (p) => existsSync(join(root, 'public', p)), bibliography: readBibliography({ root }) });
    expect([...book.sections.keys()]).toEqual(sources.map((s) => s.slug));
  });

  for (const { slug, source, file } of sources) {
    it(`${slug}: the reader's cells are the cells the book test runs`, () => {
      if (!book) throw new Error('the book did not compile (see the test above)');
      const shown = book.sections.get(slug)!.blocks.flatMap((b) => (b.kind === 'cell' ? [b.cell] : []));
      expect(shown, file).toEqual(extractCells(source));
    });

    it(`${slug}: recorded outputs are current`, () => {
      if (!book) throw new Error('the book did not compile (see the test above)');
      const ids = readRecorded({ root }, parts).get(slug)?.cells.map((c) => c.id) ?? [];
      const stale = staleCells(book.sections.get(slug)!, ids).map(
        (s) => `${file}${s.line ? `:${s.line}` : ''} ${s.cellId}: ${s.reason} since its outputs were recorded; run \`npm run book:test\` to record them again`,
      );
      expect(stale).toEqual([]);
    });
  }
});
