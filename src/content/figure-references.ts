/**
 * The book-wide figure check, once every section is parsed: each figure has a label, and some
 * :numref: / :ref: in the book refers to it (figures.ts checks each figure on its own).
 */
import { ContentError } from './content-error';
import type { ParsedSection } from './parse-section';

/** Every figure is labelled and referred to by some :numref: / :ref: in the book. */
export function checkFiguresReferenced(sections: readonly ParsedSection[]): void {
  const referenced = new Set<string>();
  for (const s of sections) {
    for (const [token, note] of s.notes) {
      if (note.kind === 'xref' && token.info !== 'label' && token.info !== 'eqlabel') referenced.add(token.content);
    }
  }
  for (const s of sections) {
    for (const f of s.figures) {
      if (f.label === null) {
        throw new ContentError('figure', s.input.file, f.line, `Fig. ${f.number} ('${f.caption}') has no label; put :label:\`fig_<name>\` on the line after it and refer to it from the text with :numref:\`fig_<name>\``);
      }
      if (!referenced.has(f.label)) {
        throw new ContentError('figure', s.input.file, f.line, `Fig. ${f.number} ('${f.caption}') is never referred to; say in the text what the reader should see in it, with :numref:\`${f.label}\``);
      }
    }
  }
}
