/**
 * markdown-it render rules for what the parse pass annotated: numbered headings, figures with
 * captions, labelled tables and equations, KaTeX math (rendered here, at build time, so the
 * reader ships no TeX parser and a TeX error fails the build with the line), and resolved
 * cross-references. The rules find their per-section data in the render env (RenderContext).
 */
import katex from 'katex';
import type { Env, MarkdownIt, RendererRule, Token } from 'markdown-it';
import { ContentError } from './content-error';
import { BIBLIOGRAPHY_ROLE, CITE_ROLES, renderBibliography, renderCitation, type Citations } from './bibliography';
import type { BookLang } from './book-lang';
import { numberedName, numrefText, type LabelRegistry, type LabelTarget } from './labels';
import { sectionHref } from './links';
import type { TokenNote } from './parse-section';

const CONTEXT = Symbol('content render context');

export class RenderContext {
  /** \def and \newcommand in one formula stay defined for the rest of the section, as in LaTeX. */
  readonly macros: Record<string, string> = {};

  constructor(
    readonly file: string,
    readonly notes: ReadonlyMap<Token, TokenNote>,
    readonly registry: LabelRegistry,
    /** The book's bibliography and who cites what; null in a book without one. */
    readonly citations: Citations | null = null,
    /** The edition: how numbered things are named ("Fig. 2.1.1" or 图2.1.1) and where links go. */
    readonly lang: BookLang = 'en',
  ) {}

  env(): Env {
    return { [CONTEXT]: this };
  }
}

function contextOf(env: Env | undefined): RenderContext {
  const ctx = env?.[CONTEXT];
  if (!(ctx instanceof RenderContext)) throw new Error('content render rules need a RenderContext in env; render through renderSection(), not md.render()');
  return ctx;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderTex(ctx: RenderContext, tex: string, displayMode: boolean, line: number): string {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true, macros: ctx.macros, strict: 'ignore' });
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/^KaTeX parse error: /, '') : String(e);
    throw new ContentError('math', ctx.file, line, `KaTeX cannot render ${displayMode ? '$$' : '$'}${tex.trim()}${displayMode ? '$$' : '$'}: ${message}; fix the TeX (KaTeX's supported functions: https://katex.org/docs/supported)`);
  }
}

function lineOf(ctx: RenderContext, token: Token): number {
  const note = ctx.notes.get(token);
  if (note && (note.kind === 'math' || note.kind === 'xref' || note.kind === 'equation')) return note.line;
  return (token.map?.[0] ?? 0) + 1;
}

/** Closest labels by edit distance, for "did you mean". */
function suggestions(name: string, registry: LabelRegistry): string[] {
  const distance = (a: string, b: string): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length]!;
  };
  return [...registry.keys()]
    .map((k) => ({ k, d: distance(name, k) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(name.length / 4)))
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map(({ k }) => k);
}

export function resolveReference(ctx: RenderContext, role: string, name: string, line: number): LabelTarget {
  const target = ctx.registry.get(name);
  if (!target) {
    const near = suggestions(name, ctx.registry);
    throw new ContentError('undefined-reference', ctx.file, line, `:${role}:\`${name}\` refers to a label that no section defines${near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(', ')}?)` : ''}; define it with :label:\`${name}\` after a heading, figure or table, or :eqlabel:\`${name}\` after an equation`);
  }
  if (role === 'eqref' && target.kind !== 'equation') {
    throw new ContentError('undefined-reference', ctx.file, line, `:eqref:\`${name}\` must name an equation, but '${name}' labels a ${target.kind} (${target.file}:${target.line}); use :numref:\`${name}\``);
  }
  return target;
}

/** The link text of a reference. */
export function referenceText(role: string, target: LabelTarget, lang: BookLang = 'en'): string {
  return role === 'ref' && target.title ? target.title : numrefText(target, lang);
}

/** Whether a paragraph is the `:bibliography:` paragraph (rendered as the list, without a <p>). */
const isBibliographyParagraph = (tokens: Token[], idx: number, close: boolean): boolean => {
  const inline = tokens[close ? idx - 1 : idx + 1];
  return inline?.type === 'inline' && inline.children?.length === 1 && inline.children[0]!.type === 'xref' && inline.children[0]!.info === BIBLIOGRAPHY_ROLE;
};

const xref: RendererRule = (tokens, idx, _options, env) => {
  const ctx = contextOf(env);
  const token = tokens[idx]!;
  if ((CITE_ROLES as readonly string[]).includes(token.info) || token.info === BIBLIOGRAPHY_ROLE) {
    // compileBook checked every key (collectCitations), so a missing bibliography here is a caller's bug.
    if (!ctx.citations) throw new ContentError('citation', ctx.file, lineOf(ctx, token), `${token.markup} needs the book's bibliography; compile through compileBook with one`);
    return token.info === BIBLIOGRAPHY_ROLE ? renderBibliography(ctx.citations) : renderCitation(ctx.citations, token.info, token.content);
  }
  const target = resolveReference(ctx, token.info, token.content, lineOf(ctx, token));
  const href = sectionHref(target.slug, target.anchor, ctx.lang);
  const text = escapeHtml(referenceText(token.info, target, ctx.lang));
  // "Fig. 2.1.1" and "Section 2.1" must not break across lines; titles may.
  const linkText = token.info === 'ref' && target.title ? text : text.replace(/ /g, '&nbsp;');
  return `<a class="xref xref-${target.kind}" href="${escapeHtml(href)}" data-slug="${escapeHtml(target.slug)}"${target.anchor ? ` data-anchor="${escapeHtml(target.anchor)}"` : ''}>${linkText}</a>`;
};

export function installRenderRules(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  const defaultRender: RendererRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
  const base = (name: string): RendererRule => rules[name] ?? defaultRender;
  const paragraphOpen = base('paragraph_open');
  const paragraphClose = base('paragraph_close');

  rules['xref'] = xref;
  // SVG figures come inlined (figures.ts: so they follow the theme); other images stay <img>.
  // markdown-it's own image rule would overwrite alt with the caption: the alt is the title (figures.ts).
  rules['image'] = (tokens, idx) => {
    const token = tokens[idx]!;
    const svg = (token.meta as { svg?: unknown } | null)?.svg;
    if (typeof svg === 'string') return svg;
    return `<img${(token.attrs ?? []).map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`).join('')}>`;
  };
  rules['math_inline'] = (tokens, idx, _o, env) => {
    const ctx = contextOf(env);
    return renderTex(ctx, tokens[idx]!.content, false, lineOf(ctx, tokens[idx]!));
  };
  rules['math_inline_block'] = (tokens, idx, _o, env) => {
    const ctx = contextOf(env);
    return renderTex(ctx, tokens[idx]!.content, true, lineOf(ctx, tokens[idx]!));
  };
  rules['math_block'] = (tokens, idx, _o, env) => {
    const ctx = contextOf(env);
    const token = tokens[idx]!;
    const note = ctx.notes.get(token);
    const numbered = note?.kind === 'equation' && note.number !== null ? note : null;
    const math = renderTex(ctx, token.content, true, lineOf(ctx, token));
    return `<div class="equation"${numbered ? ` id="${numbered.anchor}"` : ''}>${math}${numbered ? `<span class="equation-number">(${numbered.number})</span>` : ''}</div>\n`;
  };
  rules['heading_open'] = (tokens, idx, options, env, self) => {
    const note = contextOf(env).notes.get(tokens[idx]!);
    const open = self.renderToken(tokens, idx, options);
    return note?.kind === 'heading' ? `${open}<span class="heading-number">${note.number}</span> ` : open;
  };
  rules['paragraph_open'] = (tokens, idx, options, env, self) => {
    if (isBibliographyParagraph(tokens, idx, false)) return '';
    const note = contextOf(env).notes.get(tokens[idx]!);
    return note?.kind === 'figure' ? `<figure class="figure" id="${note.anchor}">\n` : paragraphOpen(tokens, idx, options, env, self);
  };
  rules['paragraph_close'] = (tokens, idx, options, env, self) => {
    if (isBibliographyParagraph(tokens, idx, true)) return '';
    const note = contextOf(env).notes.get(tokens[idx]!);
    if (note?.kind !== 'figure') return paragraphClose(tokens, idx, options, env, self);
    const caption = self.renderInline(note.image.children ?? [], options, env);
    const ctx = contextOf(env);
    return `\n<figcaption><span class="figure-number">${numberedName('figure', note.number, ctx.lang)}</span> ${caption}</figcaption>\n</figure>\n`;
  };
  // Tables scroll sideways on a phone instead of widening the page.
  rules['table_open'] = (tokens, idx, options, env, self) => {
    const ctx = contextOf(env);
    const note = ctx.notes.get(tokens[idx]!);
    const open = self.renderToken(tokens, idx, options);
    if (note?.kind !== 'table') return `<div class="table-scroll">${open}`;
    return `<div class="table-scroll" id="${note.anchor}">${open}<caption>${numberedName('table', note.number, ctx.lang)}</caption>\n`;
  };
  rules['table_close'] = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>\n`;
}
