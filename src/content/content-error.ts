/**
 * Errors that fail the build: each names the chapter file and line, what was expected, what
 * was found and how to fix it, so an author can jump straight to the problem.
 */
export type ContentErrorKind =
  | 'front-matter'
  | 'math'
  | 'undefined-reference'
  | 'duplicate-label'
  | 'misplaced-label'
  | 'bad-label'
  | 'unknown-role'
  | 'cell'
  | 'structure'
  | 'figure'
  | 'recorded'
  | 'prose'
  | 'citation';

export class ContentError extends Error {
  override name = 'ContentError';

  constructor(
    readonly kind: ContentErrorKind,
    /** The chapter file, relative to the project root (e.g. 'chapters/02-x/01-y.md'). */
    readonly file: string,
    /** 1-based line in that file (0 when the problem is the file as a whole). */
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}${line > 0 ? `:${line}` : ''}: ${detail}`);
  }
}
