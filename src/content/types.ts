/**
 * The compiled book: what the build hands the reader app. Everything here is plain data
 * (JSON-serializable apart from image bytes inside recorded outputs), produced at build time
 * by the content compiler and served through the Vite plugin's virtual modules:
 *
 * - `virtual:book`: `toc` (BookToc, small, in the main bundle), `loadSection(slug)` and
 *   `loadSearchIndex()` (each lazily loads its own chunk). See `virtual-book.d.ts`.
 */
import type { Cell } from './cells';
import type { RecordedCell } from './recorded';

export type { Cell } from './cells';
export type { RecordedCell } from './recorded';

/** The table of contents. */
export interface BookToc {
  /** Hash of every chapter source: changes whenever any section changes (keys saved edits). */
  version: string;
  parts: PartEntry[];
}

export interface PartEntry {
  /** The part's folder name, e.g. '02-linear-networks'. */
  slug: string;
  /** '2': parts are numbered by folder order, from 1. */
  number: string;
  /** From the front matter `title:` of the part's `index.md` (or the folder name without its prefix). */
  title: string;
  /** The part's `index.md` body, rendered (may be ''). */
  introHtml: string;
  sections: SectionEntry[];
}

export interface HeadingEntry {
  /** The anchor id in the section's HTML (deep links: `#<id>`). */
  id: string;
  /** Plain text of the heading (math as its TeX source). */
  text: string;
  /** 2 for `##`, 3 for `###`, ... (the section title is the front matter's, not a heading). */
  level: number;
  /** '2.1.1' for a `##`, '2.1.1.1' for a `###` below it. */
  number: string;
}

export interface SectionEntry {
  /** '<part folder>/<file name without .md>', e.g. '02-linear-networks/01-linear-regression-scratch'. */
  slug: string;
  /** The part's slug, e.g. '02-linear-networks'. */
  partSlug: string;
  /** '2.1': part number, then file order within the part from 1. */
  number: string;
  /** From the front matter `title:`. */
  title: string;
  /** Hash of this section's Markdown: changes only when this section changes. */
  version: string;
  headings: HeadingEntry[];
}

/** A link to another section (prev/next). */
export interface SectionLink {
  slug: string;
  number: string;
  title: string;
}

/** Rendered Markdown between cells: trusted HTML generated at build time (KaTeX already applied). */
export interface HtmlBlock {
  kind: 'html';
  html: string;
}

/** A code cell, with its recorded outputs when the book test recorded some. */
export interface CellBlock {
  kind: 'cell';
  cell: Cell;
  /** cellSourceHash(cell.code): the key for recorded outputs and for saved edits. */
  sourceHash: string;
  /** What the book test recorded for this cell (by cell id); null when nothing was recorded. */
  recorded: RecordedCell | null;
  /** True when `recorded` was produced by a different source of this cell (do not show it as current). */
  stale: boolean;
}

export type Block = HtmlBlock | CellBlock;

/** About the recorded run of a section, for the "recorded" label. */
export interface RecordedInfo {
  backend: string;
  /** ISO time. */
  recordedAt: string;
  /** Whether every cell ran and every claim of the section's check file held. */
  passed: boolean;
}

export interface CompiledSection {
  slug: string;
  partSlug: string;
  number: string;
  title: string;
  headings: HeadingEntry[];
  blocks: Block[];
  /** Null when no recorded file exists for the section. */
  recorded: RecordedInfo | null;
  prev: SectionLink | null;
  next: SectionLink | null;
}

/** One search record: a section's text before its first heading, then one per heading. */
export interface SearchDoc {
  slug: string;
  number: string;
  /** The section title. */
  title: string;
  /** The heading this text sits under (absent for the text before the first heading). */
  heading?: string;
  /** Heading anchor id, for a deep link. */
  anchor?: string;
  /** Plain text (prose and code), whitespace collapsed. */
  text: string;
}

/** One edition of the book as the app sees it: its table of contents and its lazy loaders. */
export interface BookEdition {
  toc: BookToc;
  /** Loads one section's chunk; rejects with an Error naming the slug if it is unknown. */
  loadSection(slug: string): Promise<CompiledSection>;
  /** Loads the edition's search index (its own chunk, fetched on first search). */
  loadSearchIndex(): Promise<SearchDoc[]>;
}
