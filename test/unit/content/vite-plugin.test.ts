/**
 * The Vite plugin on the fixture book: a production build puts the table of contents in the
 * entry chunk and each section and the search index in their own lazy chunks, with KaTeX's
 * stylesheet and fonts; in dev, virtual:book loads sections and the search index, and a
 * changed chapter file is picked up.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, createServer, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { UnknownSectionError } from '../../../src/content/book-runtime';
import { loadBook } from '../../../src/content/read-book';
import type { BookToc, CompiledSection, SearchDoc } from '../../../src/content/types';
import { bookPlugin } from '../../../src/content/vite-plugin';

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
const project = fileURLToPath(new URL('../../..', import.meta.url));
const dirs = (root: string) => ({ chaptersDir: join(root, 'chapters'), recordedDir: join(root, 'recorded'), publicDir: join(root, 'public') });

describe('content Vite plugin', () => {
  it('builds the toc into the entry and one lazy chunk per section and for search, with KaTeX CSS and fonts', async () => {
    const result = await build({
      configFile: false,
      root: project,
      logLevel: 'silent',
      plugins: [bookPlugin(dirs(fixtures))],
      build: { write: false, rollupOptions: { input: { book: 'virtual:book' } } },
    });
    const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
    const chunks = output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    const assets = output.filter((o): o is Rollup.OutputAsset => o.type === 'asset');
    const entry = chunks.find((c) => c.isEntry)!;
    expect(entry.code).toContain('Data Manipulation'); // the toc
    expect(entry.code).not.toContain('katex-html'); // no section HTML in the main bundle
    expect(entry.code).not.toContain('Minimizing');
    expect(entry.dynamicImports).toHaveLength(4); // 3 sections + search
    const lazy = chunks.filter((c) => !c.isEntry && entry.dynamicImports.includes(c.fileName));
    expect(lazy.filter((c) => c.code.includes('katex')).length).toBe(3);
    expect(lazy.some((c) => c.code.includes('Minimizing') && c.code.includes('equation-number'))).toBe(true);
    expect(lazy.some((c) => c.code.includes('Arrays have shapes; see Section 1.1.1.'))).toBe(true); // search text
    const css = assets.find((a) => a.fileName.endsWith('.css'));
    expect(String(css?.source)).toContain('.katex');
    expect(String(css?.source)).toContain('.equation-number'); // content.css
    expect(assets.filter((a) => a.fileName.endsWith('.woff2')).length).toBeGreaterThan(10);
    const gz = gzipSync(entry.code).length;
    expect(gz).toBeLessThan(4096);
  });

  it('fails the build with the file and line of a broken chapter', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'content-plugin-broken-'));
    try {
      cpSync(fixtures, broken, { recursive: true });
      const file = join(broken, 'chapters/01-basics/01-data.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Everything starts', 'See :numref:`fig_nope`. Everything starts'));
      const run = build({ configFile: false, root: broken, logLevel: 'silent', plugins: [bookPlugin()], build: { write: false, rollupOptions: { input: { book: 'virtual:book' } } } });
      await expect(run).rejects.toThrow(/chapters\/01-basics\/01-data\.md:6: :numref:`fig_nope` refers to a label that no section defines/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  const work = mkdtempSync(join(tmpdir(), 'content-plugin-'));
  cpSync(fixtures, work, { recursive: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('serves virtual:book to the browser in dev with the book inside the project (as npm run dev does)', async () => {
    // The chapter folders are watched by the dev server; added to the module as watch files they
    // became imports that the client's import analysis failed to resolve (the page stayed blank).
    const inProject = { chaptersDir: 'test/unit/fixtures/chapters', recordedDir: 'test/unit/fixtures/recorded', publicDir: 'test/unit/fixtures/public' };
    const server = await createServer({ configFile: false, root: project, logLevel: 'silent', plugins: [bookPlugin(inProject)], server: { port: 0, host: '127.0.0.1', strictPort: false } });
    await server.listen();
    try {
      const base = server.resolvedUrls!.local[0]!;
      // As the page does: a module importing virtual:book first (its imports are pre-transformed).
      expect((await fetch(new URL('src/app/section/load-section.ts', base))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 500));
      const res = await fetch(new URL('@id/virtual:book', base));
      const body = await res.text();
      expect(res.status, body.slice(0, 300)).toBe(200);
      expect(body).toContain('loadSection');
    } finally {
      await server.close();
    }
  });

  it('serves virtual:book in dev and recompiles when a chapter changes', async () => {
    const server = await createServer({ configFile: false, root: project, logLevel: 'silent', plugins: [bookPlugin(dirs(work))], server: { middlewareMode: true, hmr: false }, appType: 'custom' });
    try {
      type BookModule = { toc: BookToc; loadSection(slug: string): Promise<CompiledSection>; loadSearchIndex(): Promise<SearchDoc[]> };
      const load = async () => (await server.ssrLoadModule('virtual:book')) as BookModule;
      const expected = loadBook({ root: work });
      let mod = await load();
      expect(mod.toc).toEqual(expected.toc);
      expect(await mod.loadSection('01-basics/02-linreg')).toEqual(expected.sections.get('01-basics/02-linreg'));
      expect(await mod.loadSearchIndex()).toEqual(expected.search);
      // The dev server loads its own copy of book-runtime.ts, so compare by name, not class identity.
      await expect(mod.loadSection('01-basics/99-nope')).rejects.toMatchObject({ name: new UnknownSectionError('').name, message: expect.stringContaining("no section '01-basics/99-nope'") });

      const file = join(work, 'chapters/02-advanced/01-deeper.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: Going Deeper', 'title: Going Much Deeper'));
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        mod = await load();
        if (mod.toc.parts[1]!.sections[0]!.title === 'Going Much Deeper') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(mod.toc.parts[1]!.sections[0]!.title).toBe('Going Much Deeper');
      expect((await mod.loadSection('02-advanced/01-deeper')).title).toBe('Going Much Deeper');
    } finally {
      await server.close();
    }
  });
});
