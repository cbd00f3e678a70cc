/**
 * The one markdown-it configuration the book uses: CommonMark + GFM tables, front matter,
 * `$...$` / `$$...$$` math (parsed by @vscode/markdown-it-katex, rendered by our own rules so
 * bad TeX fails the build with file and line), heading anchors, and the cross-reference roles
 * `:label:`x``, `:eqlabel:`x``, `:numref:`x``, `:eqref:`x``, `:ref:`x``, and the citation roles
 * `:cite:`key``, `:citet:`key`` and `:bibliography:`all`` (bibliography.ts).
 */
import MarkdownItCtor from 'markdown-it';
import type { MarkdownIt, StateInline } from 'markdown-it';
import markdownItKatex from '@vscode/markdown-it-katex';
import markdownItAnchor from 'markdown-it-anchor';
import markdownItFrontMatter from 'markdown-it-front-matter';

export const ROLES = ['label', 'eqlabel', 'numref', 'eqref', 'ref', 'cite', 'citet', 'bibliography'] as const;
export type Role = (typeof ROLES)[number];


export function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}

const ROLE_RE = /^:([a-z]+):`([^`\n]+)`/;

/**
 * Inline rule: `:name:`target`` becomes one `xref` token with the role name in `info` (unknown
 * names are reported by the parse pass, with the line), the target in `content` and the
 * text as written in `markup`.
 */
function roleRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3a /* : */) return false;
  const m = ROLE_RE.exec(state.src.slice(state.pos, state.posMax));
  if (!m) return false;
  if (!silent) {
    const token = state.push('xref', '', 0);
    token.info = m[1]!;
    token.content = m[2]!.trim();
    token.markup = m[0];
  }
  state.pos += m[0].length;
  return true;
}

/** Heading ids: lowercase words joined by '-', like GitHub's, so deep links read well. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-');
  return slug || 'section';
}

// The plugin is CommonJS with `exports.default`: some loaders (Vite SSR, vitest) hand us the
// exports object instead of the function.
const katexPlugin: typeof markdownItKatex =
  typeof markdownItKatex === 'function' ? markdownItKatex : (markdownItKatex as unknown as { default: typeof markdownItKatex }).default;

export function createMarkdown(): MarkdownIt {
  // html: true lets authors use the odd <details> or <br>; chapters are our own trusted source.
  const md = new MarkdownItCtor({ html: true, linkify: false, typographer: false });
  // The raw front matter is read from the `front_matter` token's meta, so no callback is needed.
  md.use(markdownItFrontMatter, () => undefined);
  // Parsing only: the render rules (render-rules.ts) call KaTeX themselves so errors carry the line.
  md.use(katexPlugin);
  md.use(markdownItAnchor, { level: [2, 3, 4, 5, 6], slugify, tabIndex: false });
  md.inline.ruler.before('emphasis', 'xref', roleRule);
  return md;
}
