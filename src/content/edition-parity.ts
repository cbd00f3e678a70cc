/**
 * The editions must teach the same code: a Chinese section runs the same cells as its English
 * twin (so one check file asserts the same claims of both), free to translate comments and the
 * words inside string literals, never the code around them. Node only (it reads code with
 * TypeScript's scanner): the content tests use it, the app never does.
 */
import ts from 'typescript';
import type { BookLang } from './book-lang';
import { extractCells } from './cells';

/**
 * A cell's code without what a translation may change: comments go, every string literal and the
 * text parts of a template literal become a placeholder, the expressions inside `${...}` stay.
 * Tokens are joined by one space, so layout does not count either.
 */
export function codeSkeleton(code: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, code);
  const out: string[] = [];
  // One entry per open template literal: how many `{` are open inside its current `${...}`.
  const templates: number[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.CloseBraceToken && templates.length > 0 && templates[templates.length - 1] === 0) {
      kind = scanner.reScanTemplateToken(/* isTaggedTemplate */ false);
    }
    switch (kind) {
      case ts.SyntaxKind.StringLiteral:
        out.push('"…"');
        break;
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        out.push('`…`');
        break;
      case ts.SyntaxKind.TemplateHead:
        templates.push(0);
        out.push('`…${');
        break;
      case ts.SyntaxKind.TemplateMiddle:
        out.push('}…${');
        break;
      case ts.SyntaxKind.TemplateTail:
        templates.pop();
        out.push('}…`');
        break;
      case ts.SyntaxKind.OpenBraceToken:
        if (templates.length > 0) templates[templates.length - 1]! += 1;
        out.push('{');
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (templates.length > 0) templates[templates.length - 1]! -= 1;
        out.push('}');
        break;
      default:
        out.push(scanner.getTokenText());
    }
  }
  return out.join(' ');
}

export interface EditionSection {
  slug: string;
  file: string;
  markdown: string;
}

export interface ParityProblem {
  slug: string;
  /** The file the problem is in (the translation, or the English file when the translation is missing). */
  file: string;
  message: string;
}

/**
 * What keeps the editions from being the same book: a section in one edition and not the other,
 * or a cell whose code (comments and strings aside) differs from its twin's, or cells added or
 * dropped. Empty when they agree.
 */
export function editionParityProblems(english: readonly EditionSection[], other: readonly EditionSection[], lang: BookLang): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const bySlug = new Map(other.map((s) => [s.slug, s]));
  const englishSlugs = new Set(english.map((s) => s.slug));
  for (const s of other) {
    if (!englishSlugs.has(s.slug)) problems.push({ slug: s.slug, file: s.file, message: `the ${lang} edition has '${s.slug}' but the English edition has no such section; add the English section or remove this one` });
  }
  for (const en of english) {
    const twin = bySlug.get(en.slug);
    if (!twin) {
      problems.push({ slug: en.slug, file: en.file, message: `'${en.slug}' has no ${lang} edition; write ${en.file.replace(/\.md$/, `.${lang}.md`)}` });
      continue;
    }
    const a = extractCells(en.markdown);
    const b = extractCells(twin.markdown);
    if (a.length !== b.length) {
      problems.push({ slug: en.slug, file: twin.file, message: `${b.length} code cell(s) where the English edition has ${a.length}; the editions must run the same cells in the same order` });
      continue;
    }
    a.forEach((cell, i) => {
      const other = b[i]!;
      if (cell.runnable !== other.runnable || cell.lang !== other.lang) {
        problems.push({ slug: en.slug, file: twin.file, message: `cell ${i + 1} (line ${other.line}) is \`${other.lang}${other.runnable ? '' : ' run=false'}\` where the English cell (line ${cell.line}) is \`${cell.lang}${cell.runnable ? '' : ' run=false'}\`` });
        return;
      }
      const want = codeSkeleton(cell.code);
      const got = codeSkeleton(other.code);
      if (want !== got) {
        let at = 0;
        while (at < want.length && want[at] === got[at]) at++;
        const near = (s: string) => s.slice(Math.max(0, at - 40), at + 40);
        problems.push({
          slug: en.slug,
          file: twin.file,
          message: `cell ${i + 1} (line ${other.line}) differs in code from the English cell (line ${cell.line}), not only in comments or strings: English '…${near(want)}…', ${lang} '…${near(got)}…'`,
        });
      }
    });
  }
  return problems;
}
