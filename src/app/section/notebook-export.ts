/**
 * A section as a Jupyter notebook (nbformat 4) for Deno's Jupyter kernel: the prose as Markdown
 * cells (the book's HTML with each formula turned back into its TeX between dollars, which
 * Jupyter's MathJax renders), the code cells as the reader has them now (edits and scratch cells
 * included), and a first cell that imports the library from the site the notebook came from
 * (`lib/handson-lib.mjs`, built by src/build/notebook-lib-plugin.ts), so it runs as it is.
 * Deno's kernel evaluates cells as its REPL does: a later cell may declare a `const` again and
 * use top-level `await`, as in the page, so the cells need no rewriting. Pure but for
 * `proseToMarkdown`, which needs a DOM (the page passes one).
 */
import type { Block } from '../../content/types';
import { messagesFor, type Messages } from '../i18n/messages';

export interface NotebookCell {
  cell_type: 'markdown' | 'code';
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: null;
  outputs?: never[];
}

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: (NotebookCell & { id: string })[];
}

declare const __NOTEBOOK_LIB_VERSION__: string | undefined;

/** Where the site keeps the library for notebooks, relative to its root. */
export const NOTEBOOK_LIB_PATH = 'lib/handson-lib.mjs';
/** The names the page's cells see as globals (src/kernel/core/scope.ts), plus display. */
export const NOTEBOOK_NAMES = ['nd', 'NDArray', 'autograd', 'gluon', 'init', 'lrScheduler', 'mx', 'd2l', 'plot', 'print', 'display'] as const;

/** The library's URL on the site at `siteBase`, versioned: Deno caches a remote module for good, so a new library needs a new URL. */
export function notebookLibUrl(siteBase: string): string {
  const version = typeof __NOTEBOOK_LIB_VERSION__ === 'string' ? __NOTEBOOK_LIB_VERSION__ : 'dev';
  return new URL(`${NOTEBOOK_LIB_PATH}?v=${version}`, siteBase).href;
}

export const notebookImportLine = (siteBase: string): string => `import { ${NOTEBOOK_NAMES.join(', ')} } from "${notebookLibUrl(siteBase)}";`;
export const notebookImport = (siteBase: string, words: Messages['notebook'] = messagesFor('en').notebook): string => [...words.importComment, notebookImportLine(siteBase)].join('\n');

/** Jupyter keeps a cell's text as lines, each with its line break but the last. */
function lines(text: string): string[] {
  const parts = text.split('\n');
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l)).filter((l, i, all) => !(i === all.length - 1 && l === ''));
}

/** The book's prose HTML with every KaTeX formula replaced by its TeX ($...$ inline, $$...$$ displayed). */
export function proseToMarkdown(html: string, doc: Document): string {
  const box = doc.createElement('div');
  box.innerHTML = html;
  for (const display of [...box.querySelectorAll('.katex-display')]) {
    const tex = display.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? display.textContent ?? '';
    display.replaceWith(doc.createTextNode(`\n$$\n${tex.trim()}\n$$\n`));
  }
  for (const inline of [...box.querySelectorAll('.katex')]) {
    const tex = inline.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? inline.textContent ?? '';
    inline.replaceWith(doc.createTextNode(`$${tex.trim()}$`));
  }
  // Links inside the book point at its pages: make them absolute so they work from the notebook.
  for (const a of [...box.querySelectorAll('a[href^="#/"]')]) a.setAttribute('href', new URL(a.getAttribute('href')!, doc.baseURI).href);
  return box.innerHTML.trim();
}

export function sectionNotebook(options: {
  title: string;
  number: string;
  url: string;
  /** The site's root URL (with a trailing '/'), where the library and the datasets are. */
  siteBase: string;
  blocks: readonly Block[];
  /** The reader's code of a book cell (their edit, or the book's). */
  codeOf: (cellId: string) => string;
  /** The reader's scratch cells below a book cell. */
  scratchAfter: (cellId: string) => readonly { code: string }[];
  prose: (html: string) => string;
  /** The words of the notebook's first cells, in the page's language (default English). */
  words?: Messages['notebook'];
}): Notebook {
  const words = options.words ?? messagesFor('en').notebook;
  const cells: NotebookCell[] = [
    { cell_type: 'markdown', metadata: {}, source: lines(`# ${options.number} ${options.title}\n\n${words.from(options.url)}`) },
    { cell_type: 'code', metadata: {}, source: lines(notebookImport(options.siteBase, words)), execution_count: null, outputs: [] },
  ];
  for (const b of options.blocks) {
    if (b.kind === 'html') {
      const md = options.prose(b.html);
      if (md) cells.push({ cell_type: 'markdown', metadata: {}, source: lines(md) });
      continue;
    }
    if (!b.cell.runnable) {
      // Jupyter has no cell that Run All skips: a cell the book only shows (run=false, e.g. a loop
      // that never ends) becomes Markdown, its code fenced, so that running the notebook passes it by.
      const fence = '```';
      cells.push({ cell_type: 'markdown', metadata: { tags: ['not-run'] }, source: lines(`*${words.notRun}*\n\n${fence}${b.cell.lang === 'ts' ? 'typescript' : 'javascript'}\n${options.codeOf(b.cell.id)}\n${fence}`) });
      continue;
    }
    cells.push({ cell_type: 'code', metadata: {}, source: lines(options.codeOf(b.cell.id)), execution_count: null, outputs: [] });
    for (const s of options.scratchAfter(b.cell.id)) cells.push({ cell_type: 'code', metadata: { tags: ['reader-scratch'] }, source: lines(s.code), execution_count: null, outputs: [] });
  }
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' },
      language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/x.typescript', codemirror_mode: 'typescript', pygments_lexer: 'typescript', nbconvert_exporter: 'script' },
    },
    cells: cells.map((c, i) => ({ id: `cell-${i}`, ...c })),
  };
}

/** `02-linear-networks/04-softmax-regression-gluon` -> `04-softmax-regression-gluon.ipynb`. */
export const notebookFileName = (slug: string): string => `${slug.split('/').pop()}.ipynb`;
