/**
 * Labels (`:label:`x``, `:eqlabel:`x``, front matter `label:`) and what they point at. The
 * first pass over all chapters collects them into one registry; the second pass resolves
 * `:numref:` / `:eqref:` / `:ref:` against it, so references work across sections.
 */
import type { BookLang } from './book-lang';
import { ContentError } from './content-error';

export type LabelKind = 'part' | 'section' | 'heading' | 'figure' | 'table' | 'equation';

export interface LabelTarget {
  label: string;
  kind: LabelKind;
  /** The section that holds the target. */
  slug: string;
  /** Element id inside the section; null for the section itself. */
  anchor: string | null;
  /** '2' (part), '2.1' (section), '2.1.3' (heading, figure, table, equation). */
  number: string;
  /** Section or heading title, figure caption text; '' for equations. */
  title: string;
  file: string;
  line: number;
}

export type LabelRegistry = ReadonlyMap<string, LabelTarget>;

/** Merges the labels of all sections; a label defined twice fails with both places named. */
export function buildRegistry(labels: Iterable<LabelTarget>): LabelRegistry {
  const registry = new Map<string, LabelTarget>();
  for (const target of labels) {
    const first = registry.get(target.label);
    if (first) {
      throw new ContentError('duplicate-label', target.file, target.line, `label '${target.label}' is already defined at ${first.file}:${first.line}; labels must be unique across the book, rename one of them`);
    }
    registry.set(target.label, target);
  }
  return registry;
}

/**
 * How a numbered thing is named in running text and captions: "Fig. 2.1.1", "Section 2.1" in
 * English; Chinese books write 图2.1.1, 2.1节, 第2章, 表2.1.1 (no space between the number and the
 * word).
 */
export function numberedName(kind: LabelKind, number: string, lang: BookLang = 'en'): string {
  if (lang === 'zh') {
    switch (kind) {
      case 'part':
        return `第${number}章`;
      case 'section':
      case 'heading':
        return `${number}节`;
      case 'figure':
        return `图${number}`;
      case 'table':
        return `表${number}`;
      case 'equation':
        return `(${number})`;
    }
  }
  switch (kind) {
    case 'part':
      return `Chapter ${number}`;
    case 'section':
    case 'heading':
      return `Section ${number}`;
    case 'figure':
      return `Fig. ${number}`;
    case 'table':
      return `Table ${number}`;
    case 'equation':
      return `(${number})`;
  }
}

/** The text of a :numref: to this target. */
export function numrefText(target: LabelTarget, lang: BookLang = 'en'): string {
  return numberedName(target.kind, target.number, lang);
}
