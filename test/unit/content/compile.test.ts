/**
 * The chapter compiler on the fixture book (test/unit/fixtures/chapters): golden files for the
 * table of contents, each section's output and the search index (update them with
 * `npx vitest run test/unit/content/compile.test.ts -u` and read the diff), plus explicit
 * checks of numbering, cross-references, figures, tables, math and cells.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractCells } from '../../../src/content/cells';
import { compileBook } from '../../../src/content/compile-book';
import { loadBook, readBookSources } from '../../../src/content/read-book';
import type { CellBlock, CompiledSection } from '../../../src/content/types';

const root = fileURLToPath(new URL('../fixtures', import.meta.url));
const book = loadBook({ root });
const section = (slug: string): CompiledSection => {
  const s = book.sections.get(slug);
  if (!s) throw new Error(`fixture section ${slug} missing; have ${[...book.sections.keys()].join(', ')}`);
  return s;
};
const html = (slug: string) => section(slug).blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('');
const cells = (slug: string) => section(slug).blocks.filter((b): b is CellBlock => b.kind === 'cell');

/** A readable, diffable form of a compiled section for its golden file. */
function goldenText(s: CompiledSection): string {
  const head = `<!-- ${s.number} ${s.title} | prev: ${s.prev?.slug ?? '-'} | next: ${s.next?.slug ?? '-'} | recorded: ${s.recorded ? JSON.stringify(s.recorded) : '-'} -->\n`;
  return (
    head +
    s.blocks
      .map((b) =>
        b.kind === 'html'
          ? b.html
          : `<!-- cell ${b.cell.id} ${b.cell.lang} line ${b.cell.line} attrs ${JSON.stringify(b.cell.attrs)} runnable ${b.cell.runnable} hash ${b.sourceHash} recorded ${b.recorded ? b.recorded.outputs.length + ' outputs' : '-'} stale ${b.stale} -->\n${b.cell.code}\n<!-- /cell -->\n`,
      )
      .join('')
  );
}

describe('content compiler on the fixture book', () => {
  it('matches the golden table of contents', async () => {
    await expect(JSON.stringify(book.toc, null, 2) + '\n').toMatchFileSnapshot('../golden/content/toc.json');
  });

  for (const slug of ['01-basics/01-data', '01-basics/02-linreg', '02-advanced/01-deeper']) {
    it(`matches the golden output of ${slug}`, async () => {
      await expect(goldenText(section(slug))).toMatchFileSnapshot(`../golden/content/${slug.replace('/', '--')}.html`);
    });
  }

  it('matches the golden search index', async () => {
    await expect(JSON.stringify(book.search, null, 2) + '\n').toMatchFileSnapshot('../golden/content/search.json');
  });

  it('numbers parts by folder order, sections by file order, headings below them', () => {
    expect(book.toc.parts.map((p) => [p.number, p.title])).toEqual([
      ['1', 'The Basics'], // from index.md
      ['2', 'Advanced'], // from the folder name: 02-advanced has no index.md
    ]);
    expect(book.toc.parts.flatMap((p) => p.sections.map((s) => `${s.number} ${s.title}`))).toEqual(['1.1 Data Manipulation', '1.2 Linear Regression', '2.1 Going Deeper']);
    expect(section('01-basics/01-data').headings.map((h) => `${h.number} ${h.id} h${h.level}`)).toEqual(['1.1.1 getting-started h2', '1.1.1.1 shapes h3', '1.1.2 summary h2']);
    expect(html('01-basics/01-data')).toContain('<h3 id="shapes"><span class="heading-number">1.1.1.1</span> Shapes</h3>');
  });

  it('links sections in reading order across parts', () => {
    expect([...book.sections.values()].map((s) => [s.prev?.slug ?? null, s.slug, s.next?.slug ?? null])).toEqual([
      [null, '01-basics/01-data', '01-basics/02-linreg'],
      ['01-basics/01-data', '01-basics/02-linreg', '02-advanced/01-deeper'],
      ['01-basics/02-linreg', '02-advanced/01-deeper', null],
    ]);
  });

  it('numbers labelled equations per section and leaves the others unnumbered', () => {
    const h = html('01-basics/02-linreg');
    expect(h.match(/class="equation"/g)).toHaveLength(3);
    expect(h.match(/<span class="equation-number">\(([\d.]+)\)<\/span>/g)).toEqual(['<span class="equation-number">(1.2.1)</span>', '<span class="equation-number">(1.2.2)</span>']);
    expect(h).toContain('<div class="equation" id="eq-2">');
    expect(h).not.toContain('eqlabel');
  });

  it('resolves :numref:, :eqref: and :ref: within and across sections and parts', () => {
    const linreg = html('01-basics/02-linreg');
    expect(linreg).toContain('<a class="xref xref-equation" href="#/01-basics/02-linreg#eq-2" data-slug="01-basics/02-linreg" data-anchor="eq-2">(1.2.2)</a>');
    expect(linreg).toContain('>Fig.&nbsp;1.2.1</a>'); // numbers never break from their word
    const deeper = html('02-advanced/01-deeper');
    expect(deeper).toContain('href="#/01-basics/02-linreg#eq-1" data-slug="01-basics/02-linreg" data-anchor="eq-1">(1.2.1)</a>');
    expect(deeper).toContain('href="#/01-basics/02-linreg" data-slug="01-basics/02-linreg">Linear Regression</a>'); // :ref: of a section: its title
    expect(deeper).toContain('data-anchor="getting-started">Getting Started</a>'); // :ref: of a heading
    expect(html('01-basics/01-data')).toContain('data-anchor="getting-started">Section&nbsp;1.1.1</a>'); // :numref: of a heading
    expect(book.toc.parts[0]!.introHtml).toContain('>Section&nbsp;1.2</a>'); // a part's intro may refer too
  });

  it('turns an image alone in its paragraph into a numbered figure with its caption', () => {
    const h = html('01-basics/02-linreg');
    expect(h).toContain('<figure class="figure" id="fig-1">');
    // SVG figures are inlined so they take the theme's colours; the alt text is their accessible name.
    expect(h).toContain('<svg role="img" aria-label="A filled rectangle standing in for the network drawing" class="figure-svg" data-figure="img/linreg.svg" xmlns="http://www.w3.org/2000/svg"');
    expect(h).not.toContain('<?xml');
    expect(h).not.toContain('<style>'); // the page styles figures (figures.css); no global rules from a figure file
    expect(h).not.toContain('<img');
    expect(h).toContain('<figcaption><span class="figure-number">Fig. 1.2.1</span> A linear model as a <em>one-layer</em> network</figcaption>');
  });

  it('prefixes the ids of an inlined SVG with its file name, so two figures on a page keep their own markers', () => {
    const h = html('01-basics/02-linreg');
    expect(h).toContain('<marker id="fig-linreg-arrow">');
    expect(h).toContain('marker-end="url(#fig-linreg-arrow)"');
  });

  it('keeps a non-SVG figure as <img> with the title as its alt text, not the caption', () => {
    const part = { slug: '01-p', index: null, sections: [{ name: '01-s', file: 'chapters/01-p/01-s.md', source: '---\ntitle: S\n---\n![A *photo*](img/a.png "A cat on a mat")\n:label:`fig_a`\n\nSee :numref:`fig_a`.\n' }] };
    const s = compileBook([part], new Map(), { assetExists: () => true, readAsset: () => 'binary' }).sections.get('01-p/01-s')!;
    const h = s.blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('');
    expect(h).toContain('<img src="img/a.png" alt="A cat on a mat" loading="lazy">');
    expect(h).toContain('<figcaption><span class="figure-number">Fig. 1.1.1</span> A <em>photo</em></figcaption>');
  });

  it('captions a labelled table and drops the label row GFM would have added', () => {
    const h = html('01-basics/01-data');
    expect(h).toContain('<div class="table-scroll" id="tab-1"><table>\n<caption>Table 1.1.1</caption>');
    expect(h).not.toContain('tab_shapes');
    expect(h.match(/<tr>/g)).toHaveLength(3); // header + 2 rows
  });

  it('renders all math with KaTeX at build time', () => {
    for (const slug of book.sections.keys()) {
      const h = html(slug);
      expect(h).not.toMatch(/\$[^<]*\$/); // no TeX left for the browser
    }
    expect(html('02-advanced/01-deeper')).toContain('<span class="katex">');
  });

  it('makes js/ts fences cells (the same cells the kernel runner extracts) and leaves other fences as code', () => {
    for (const [slug, s] of book.sections) {
      const file = readBookSources({ root }).flatMap((p) => p.sections.map((x) => ({ slug: `${p.slug}/${x.name}`, source: x.source }))).find((x) => x.slug === slug)!;
      expect(cells(slug).map((b) => b.cell)).toEqual(extractCells(file.source));
      expect(s.blocks.some((b, i) => b.kind === 'html' && s.blocks[i + 1]?.kind === 'html')).toBe(false); // HTML runs are merged
    }
    expect(cells('01-basics/01-data').map((b) => [b.cell.id, b.cell.lang, b.cell.runnable])).toEqual([
      ['cell-1', 'js', true],
      ['cell-2', 'ts', false],
    ]);
    expect(html('01-basics/01-data')).toContain('<pre><code class="language-sh">npm run book -- chapters/01-basics/01-data.md\n</code></pre>');
  });

  it('changes the book version when any source changes, and a section version only when that section changes', () => {
    const parts = readBookSources({ root });
    const again = compileBook(parts, new Map());
    expect(again.toc.version).toBe(book.toc.version);
    const edited = parts.map((p) => ({ ...p, sections: p.sections.map((s) => (s.name === '01-deeper' ? { ...s, source: s.source + '\nOne more line.\n' } : s)) }));
    const after = compileBook(edited, new Map()).toc;
    expect(after.version).not.toBe(book.toc.version);
    const versions = (toc: typeof after) => toc.parts.flatMap((p) => p.sections.map((s) => s.version));
    expect(versions(after).map((v, i) => v === versions(book.toc)[i])).toEqual([true, true, false]); // only the edited section's
  });

});
