/**
 * Second pass over one chapter file: with every label of the book known, render the parsed
 * tokens into the blocks the reader shows (HTML between cells, cells with their recorded
 * outputs) and the section's search records. Pure: no I/O.
 */
import type { BookLang } from './book-lang';
import { texToText } from './tex-to-text';
import type { Token } from 'markdown-it';
import { BIBLIOGRAPHY_ROLE, CITE_ROLES, citationText, type Citations } from './bibliography';
import type { LabelRegistry } from './labels';
import { createMarkdown } from './markdown';
import type { ParsedSection } from './parse-section';
import { cellSourceHash, type RecordedSection } from './recorded';
import { sanitizeChapterHtml } from './sanitize-chapter-html';
import { installRenderRules, referenceText, RenderContext, resolveReference } from './render-rules';
import type { Block, CompiledSection, SearchDoc } from './types';

const md = createMarkdown();
installRenderRules(md);

export type RenderedSection = Omit<CompiledSection, 'prev' | 'next'>;

export function renderSection(parsed: ParsedSection, registry: LabelRegistry, recorded: RecordedSection | null, citations: Citations | null = null, lang: BookLang = 'en'): RenderedSection {
  const { input, frontMatter, headings, tokens, notes } = parsed;
  const ctx = new RenderContext(input.file, notes, registry, citations, lang);
  const env = ctx.env();
  const recordedCells = new Map((recorded?.cells ?? []).map((c) => [c.id, c]));
  const blocks: Block[] = [];
  let chunk: Token[] = [];
  const flush = () => {
    // Chapters allow raw HTML: only what the allowlist keeps reaches the reader (sanitize-chapter-html.ts).
    const html = sanitizeChapterHtml(md.renderer.render(chunk, md.options, env));
    if (html.trim() !== '') blocks.push({ kind: 'html', html });
    chunk = [];
  };
  for (const token of tokens) {
    const note = notes.get(token);
    if (note?.kind !== 'cell') {
      chunk.push(token);
      continue;
    }
    flush();
    const sourceHash = cellSourceHash(note.cell.code);
    const rec = recordedCells.get(note.cell.id) ?? null;
    blocks.push({ kind: 'cell', cell: note.cell, sourceHash, recorded: rec, stale: rec !== null && rec.sourceHash !== sourceHash });
  }
  flush();
  return {
    slug: input.slug,
    partSlug: input.partSlug,
    number: input.number,
    title: frontMatter.title,
    headings,
    blocks,
    recorded: recorded ? { backend: recorded.backend, recordedAt: recorded.recordedAt, passed: recorded.passed } : null,
  };
}

/** The section's search records: the text before the first heading, then one per heading. */
export function searchDocs(parsed: ParsedSection, registry: LabelRegistry, citations: Citations | null = null, lang: BookLang = 'en'): SearchDoc[] {
  const { input, frontMatter, tokens, notes } = parsed;
  const ctx = new RenderContext(input.file, notes, registry, citations, lang);
  const base = { slug: input.slug, number: input.number, title: frontMatter.title };
  const docs: SearchDoc[] = [];
  let current: SearchDoc = { ...base, text: frontMatter.description ?? '' };
  const parts: string[] = [current.text];
  const finish = () => {
    current.text = parts.join(' ').replace(/\s+/g, ' ').trim();
    if (current.text !== '' || current.heading !== undefined) docs.push(current);
    parts.length = 0;
  };
  const inlineText = (inline: Token): string =>
    (inline.children ?? [])
      .map((c) => {
        if (c.type === 'xref' && c.info === BIBLIOGRAPHY_ROLE) return '';
        if (c.type === 'xref' && citations && (CITE_ROLES as readonly string[]).includes(c.info)) return citationText(citations, c.info, c.content);
        if (c.type === 'xref') return referenceText(c.info, resolveReference(ctx, c.info, c.content, 0), lang);
        if (c.type === 'image') return inlineText(c);
        if (c.type === 'softbreak' || c.type === 'hardbreak') return ' ';
        if (c.type.startsWith('math_')) return texToText(c.content);
        return c.type === 'text' || c.type === 'code_inline' ? c.content : '';
      })
      .join('');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const note = notes.get(token);
    if (note?.kind === 'heading') {
      finish();
      const heading = headings(parsed, token);
      current = { ...base, heading: heading.text, anchor: heading.id, text: '' };
      i += 2; // the heading's inline and close tokens
      continue;
    }
    if (token.type === 'inline') parts.push(inlineText(token));
    else if (token.type === 'math_block') parts.push(texToText(token.content));
    else if (token.type === 'fence' || token.type === 'code_block') parts.push(token.content);
  }
  finish();
  return docs;
}

function headings(parsed: ParsedSection, open: Token): { id: string; text: string } {
  const id = String(open.attrGet('id') ?? '');
  return parsed.headings.find((h) => h.id === id) ?? { id, text: '' };
}
