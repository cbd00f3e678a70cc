// browser-tests: node-only (reads the chapters from disk through src/content/read-book.ts)
/**
 * Citations: `:cite:` and `:citet:` render as author-year links into the bibliography page,
 * which `:bibliography:`all`` fills from the bibliography file; the build fails on an unknown
 * key, an entry nothing cites, a malformed entry, and a bibliography page missing or doubled.
 */
import { describe, expect, it } from 'vitest';
import { compileBook, type PartSource } from '../../../src/content/compile-book';
import { ContentError } from '../../../src/content/content-error';
import { parseBibliography } from '../../../src/content/bibliography';
import { loadBook } from '../../../src/content/read-book';

const BIB = `LeCun.Bottou.Bengio.ea.1998:
  type: article
  authors: ["LeCun, Yann", "Bottou, Léon", "Bengio, Yoshua", "Haffner, Patrick"]
  title: Gradient-based learning applied to document recognition
  journal: Proceedings of the IEEE
  volume: 86
  number: 11
  pages: 2278-2324
  year: 1998
  doi: 10.1109/5.726791

Glorot.Bengio.2010:
  type: inproceedings
  authors: ["Glorot, Xavier", "Bengio, Yoshua"]
  title: Understanding the difficulty of training deep feedforward neural networks
  booktitle: AISTATS
  year: 2010

Bishop.1995:
  type: article
  authors: ["Bishop, Christopher M."]
  title: Training with noise is equivalent to Tikhonov regularization
  journal: Neural Computation
  year: 1995
`;

const section = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
const BIB_PAGE = section('Bibliography', 'The works cited.\n\n:bibliography:`all`');
const CITING = section('Convolutions', 'LeNet :cite:`LeCun.Bottou.Bengio.ea.1998` reads digits.\nAs :citet:`Glorot.Bengio.2010` showed, scale matters :cite:`Bishop.1995,Glorot.Bengio.2010`.');

function compile(files: Record<string, string>, bib: string | null = BIB) {
  const part: PartSource = {
    slug: '01-p',
    index: null,
    sections: Object.entries(files).map(([name, source]) => ({ name, file: `chapters/01-p/${name}.md`, source })),
  };
  return compileBook([part], new Map(), { bibliography: bib === null ? null : { file: 'chapters/bibliography.yaml', source: bib } });
}

function citationError(files: Record<string, string>, bib: string | null = BIB): ContentError {
  try {
    compile(files, bib);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected a ContentError, but the book compiled');
}

const html = (book: ReturnType<typeof compile>, slug: string) =>
  book.sections.get(slug)!.blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('');

describe(':cite: and :citet:', () => {
  it('render author-year links to the entry on the bibliography page', () => {
    const book = compile({ '01-s': CITING, '02-bib': BIB_PAGE });
    const text = html(book, '01-p/01-s');
    expect(text).toContain('<span class="citation">(<a class="cite" href="#/01-p/02-bib#ref-LeCun-Bottou-Bengio-ea-1998"');
    expect(text).toContain('>LeCun&nbsp;et&nbsp;al.,&nbsp;1998</a>)</span>');
    // In the sentence: "Glorot and Bengio (2010)"; several keys: one parenthesis, separated by ';'.
    expect(text).toContain('>Glorot&nbsp;and&nbsp;Bengio&nbsp;(2010)</a>');
    expect(text).toMatch(/\(<a [^>]*>Bishop,&nbsp;1995<\/a>; <a [^>]*>Glorot&nbsp;and&nbsp;Bengio,&nbsp;2010<\/a>\)/);
  });

  it('list every entry on the bibliography page, by author, with anchors, links and the citing sections', () => {
    const book = compile({ '01-s': CITING, '02-bib': BIB_PAGE });
    const page = html(book, '01-p/02-bib');
    expect(page).not.toContain(':bibliography:');
    expect(page).not.toMatch(/<p>\s*<ol/);
    const ids = [...page.matchAll(/<li id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['ref-Bishop-1995', 'ref-Glorot-Bengio-2010', 'ref-LeCun-Bottou-Bengio-ea-1998']);
    expect(page).toContain('LeCun, Y., Bottou, L., Bengio, Y. and Haffner, P. (1998). Gradient-based learning applied to document recognition. <i>Proceedings of the IEEE</i>, 86(11), pp. 2278\u20132324.');
    expect(page).toContain('<a href="https://doi.org/10.1109/5.726791" rel="noopener">doi:10.1109/5.726791</a>');
    expect(page).toContain('Cited in <a class="xref xref-section" href="#/01-p/01-s" data-slug="01-p/01-s" title="Convolutions">1.1</a>');
  });

  it('give search the citation text', () => {
    const book = compile({ '01-s': CITING, '02-bib': BIB_PAGE });
    const doc = book.search.find((d) => d.slug === '01-p/01-s')!;
    expect(doc.text).toContain('LeNet (LeCun et al., 1998) reads digits. As Glorot and Bengio (2010) showed');
  });

  it('tell two entries with the same authors and year apart as 2012a and 2012b', () => {
    const twin = (key: string, title: string) => `${key}:\n  type: misc\n  authors: ["Hinton, Geoffrey", "Srivastava, Nitish", "Krizhevsky, Alex"]\n  title: ${title}\n  year: 2012\n`;
    const entries = parseBibliography('b.yaml', twin('Hinton.a', 'Improving neural networks') + twin('Hinton.b', 'A practical guide'));
    expect([...entries.values()].map((e) => `${e.shortAuthors} ${e.yearLabel}: ${e.title}`)).toEqual(['Hinton et al. 2012a: A practical guide', 'Hinton et al. 2012b: Improving neural networks']);
  });
});

describe('the build fails', () => {
  it('on an unknown key, with the line and the closest keys', () => {
    const e = citationError({ '01-s': section('Text', 'First line.\nAs shown :cite:`LeCun.1998`.'), '02-bib': BIB_PAGE });
    expect({ kind: e.kind, file: e.file, line: e.line }).toEqual({ kind: 'citation', file: 'chapters/01-p/01-s.md', line: 6 });
    expect(e.message).toContain("unknown citation key 'LeCun.1998' (did you mean 'LeCun.Bottou.Bengio.ea.1998'?)");
  });

  it('on an unknown key among several', () => {
    expect(citationError({ '01-s': section('Text', 'See :cite:`Bishop.1995,Nobody.2020`.'), '02-bib': BIB_PAGE }).message).toContain("'Nobody.2020'");
  });

  it('on an entry that nothing cites', () => {
    const e = citationError({ '01-s': section('Text', 'Only :cite:`Bishop.1995`.'), '02-bib': BIB_PAGE });
    expect({ file: e.file, line: e.line }).toEqual({ file: 'chapters/bibliography.yaml', line: 12 });
    expect(e.message).toContain("entry 'Glorot.Bengio.2010' is cited nowhere");
  });

  it('on citations without a bibliography, and on a bibliography without a page', () => {
    expect(citationError({ '01-s': CITING }, null).message).toContain('the book has no bibliography');
    expect(citationError({ '01-s': CITING }).message).toContain('no page lists it');
    expect(citationError({ '01-s': CITING, '02-bib': BIB_PAGE, '03-bib': BIB_PAGE }).message).toContain('already listed');
  });

  it('on a malformed entry, naming the field', () => {
    expect(() => parseBibliography('b.yaml', 'X.2000:\n  type: article\n  authors: ["X, Y"]\n  title: T\n  year: 2000\n')).toThrow(/an article needs a 'journal'/);
    expect(() => parseBibliography('b.yaml', 'X.2000:\n  type: misc\n  authors: [Nobody]\n  title: T\n  year: 2000\n')).toThrow(/"Family, Given"/);
    expect(() => parseBibliography('b.yaml', 'X.2000:\n  type: misc\n  authors: ["X, Y"]\n  title: T\n  year: 2000\n  jornal: J\n')).toThrow(/unknown field 'jornal'/);
  });
});

describe('the book itself', () => {
  it('cites only known keys and cites every entry of chapters/bibliography.yaml', () => {
    const book = loadBook({ root: process.cwd() });
    const page = [...book.sections.values()].find((s) => s.blocks.some((b) => b.kind === 'html' && b.html.includes('class="bibliography"')));
    expect(page?.title).toBe('Bibliography');
    const toc = book.toc.parts.flatMap((p) => p.sections.map((s) => s.title));
    expect(toc).toEqual(expect.arrayContaining(['About This Book', 'Bibliography']));
  });
});
