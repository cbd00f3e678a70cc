/**
 * The static pages' HTML: a section (its prose exactly as the app renders it, every code cell
 * highlighted with its recorded outputs, prev/next), a part, an edition's table of contents, and
 * the cover's <noscript> table of contents. Each page carries the app's own head (its stylesheet,
 * entry script, CSP, icon: `AppHead`, taken from the built index.html) with paths from the page,
 * and `<meta name="handson-app-url">`, the app's URL for the same page: with JavaScript the app
 * moves there and draws the page itself (src/app/book/static-takeover.ts). Pure.
 */
import { BOOK_LANGS, HTML_LANG, type BookLang } from '../../content/book-lang';
import { homeHref, sectionHref } from '../../content/links';
import { finalOutputs } from '../../content/recorded';
import type { BookToc, CellBlock, CompiledSection, PartEntry } from '../../content/types';
import { messagesFor, type Messages } from '../../app/i18n/messages';
import { escapeHtml } from './escape-html';
import { highlightedCode } from './highlight-code';
import { withHeadingLinks } from './static-headings';
import { appUrlFrom, editionIndexPath, partPath, relativeLink, rewriteLinks, rootLink, sectionPath, staticHref, type Tocs } from './static-links';
import { outputHtml } from './static-outputs';
import { STATIC_WORDS, type StaticWords } from './static-words';

/** What every page takes from the built index.html: tags whose URLs start with './' (rewritten per page). */
export interface AppHead {
  /** The Content-Security-Policy meta, as is. */
  csp: string;
  /** <link rel="icon|stylesheet|modulepreload"> and the entry <script>, with './' URLs. */
  tags: string[];
  /** The static pages' own stylesheet, './assets/...' . */
  staticCss: string;
}

/** Reads the tags the static pages reuse from the built index.html. */
export function appHeadOf(indexHtml: string, staticCss: string): AppHead {
  const csp = /<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/?>/.exec(indexHtml)?.[0];
  if (!csp) throw new Error('index.html has no Content-Security-Policy meta; the static pages copy it, so add it back to index.html');
  const tags = [...indexHtml.matchAll(/<link\b[^>]*\bhref="\.\/[^"]*"[^>]*>|<script\b[^>]*\bsrc="\.\/[^"]*"[^>]*><\/script>/g)].map((m) => m[0]);
  if (!tags.some((t) => t.startsWith('<script'))) throw new Error("the built index.html has no entry <script src=\"./...\">; the static pages need it to turn into the app");
  return { csp, tags, staticCss };
}

const withRoot = (tag: string, root: string) => tag.replace(/(href|src)="\.\//, `$1="${root}`);

interface PageShell {
  lang: BookLang;
  /** The page's path in dist/. */
  path: string;
  title: string;
  description: string;
  /** The app's hash route for this page (`#/02-x/01-y`). */
  appHash: string;
  /** The same page in each other edition (path in dist/), when it exists. */
  alternates: Partial<Record<BookLang, string>>;
  /** The toc's current entry (section slug or part slug). */
  current: string | null;
  main: string;
}

function head(app: AppHead, s: PageShell): string {
  const root = rootLink(s.path);
  const alternates = Object.entries(s.alternates)
    .map(([l, p]) => `<link rel="alternate" hreflang="${HTML_LANG[l as BookLang]}" href="${relativeLink(s.path, p!)}"/>`)
    .join('\n    ');
  return `<head>
    <meta charset="UTF-8" />
    ${app.csp}
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta name="color-scheme" content="light dark" />
    <meta name="description" content="${escapeHtml(s.description)}" />
    <meta name="handson-app-url" content="${escapeHtml(appUrlFrom(s.path, s.appHash))}" />
    <title>${escapeHtml(s.title)}</title>
    ${alternates}
    ${app.tags.map((t) => withRoot(t, root)).join('\n    ')}
    <link rel="stylesheet" href="${root}${app.staticCss.replace(/^\.\//, '')}" />
  </head>`;
}

function tocNav(toc: BookToc, s: PageShell, m: Messages, words: StaticWords, withHeadings: CompiledSection | null): string {
  const link = (slug: string | null, anchor: string | null = null) => staticHref(slug === null ? homeHref(s.lang) : sectionHref(slug, anchor, s.lang), s.path, { [s.lang]: toc })!;
  const parts = toc.parts
    .map((part) => {
      const sections = part.sections
        .map((sec) => {
          const here = sec.slug === s.current;
          const headings =
            here && withHeadings
              ? `<ol class="toc-headings">${withHeadings.headings
                  .filter((h) => h.level === 2)
                  .map((h) => `<li><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`)
                  .join('')}</ol>`
              : '';
          return `<li><a href="${link(sec.slug)}"${here ? ' aria-current="page"' : ''}><span class="toc-number">${sec.number}</span> ${escapeHtml(sec.title)}</a>${headings}</li>`;
        })
        .join('');
      const here = part.slug === s.current ? ' aria-current="page"' : '';
      return `<section class="toc-part"><a class="toc-part-title" href="${link(part.slug)}"${here}><span class="toc-number">${part.number}.</span> ${escapeHtml(part.title)}</a><ol class="toc-sections">${sections}</ol></section>`;
    })
    .join('');
  const reference = `<a class="toc-part-title toc-reference" href="${appUrlFrom(s.path, sectionHref('reference', null, s.lang))}">${escapeHtml(words.reference)}</a>`;
  return `<nav class="toc" id="toc" aria-label="${escapeHtml(m.toc.label)}"><a class="toc-home" href="${link(null)}">${escapeHtml(m.toc.contents)}</a>${parts}${reference}</nav>`;
}

function page(app: AppHead, toc: BookToc, s: PageShell, withHeadings: CompiledSection | null = null): string {
  const m = messagesFor(s.lang);
  const words = STATIC_WORDS[s.lang];
  const other = BOOK_LANGS.find((l) => l !== s.lang && s.alternates[l]);
  const otherLink = other ? `<a class="static-other-edition" lang="${HTML_LANG[other]}" hreflang="${HTML_LANG[other]}" href="${relativeLink(s.path, s.alternates[other]!)}">${escapeHtml(STATIC_WORDS[s.lang].otherEdition)}</a>` : '';
  return `<!doctype html>
<html lang="${HTML_LANG[s.lang]}">
  ${head(app, s)}
  <body>
    <div id="root"><div class="app static-page">
      <a class="skip-link" href="#content">${escapeHtml(m.shell.skipToContent)}</a>
      <header class="top-bar"><a class="book-title" href="${relativeLink(s.path, editionIndexPath(s.lang))}">${escapeHtml(m.bookShortTitle)}</a><span class="top-spacer"></span><a class="static-toc-link" href="#toc">${escapeHtml(m.toc.contents)}</a>${otherLink}</header>
      <main class="content" id="content" tabindex="-1">
        <p class="static-banner" role="note">${escapeHtml(words.banner)}</p>
        ${s.main}
      </main>
      <aside class="sidebar static-sidebar">${tocNav(toc, s, m, words, withHeadings)}</aside>
    </div></div>
  </body>
</html>
`;
}

function cellHtml(b: CellBlock, m: Messages, words: StaticWords, section: CompiledSection, index: number): string {
  const code = `<pre class="cell-static"><code class="language-${b.cell.lang}">${highlightedCode(b.cell.code, b.cell.lang)}</code></pre>`;
  // As the app: recorded outputs of another version of the cell are not shown (stale).
  const outputs = b.recorded && !b.stale ? finalOutputs(b.recorded.outputs) : [];
  let out = '';
  if (outputs.length > 0) {
    const info = section.recorded;
    const at = info ? new Date(info.recordedAt) : null;
    const tooltip = m.outputs.recordedTooltip(info?.backend ?? null, at && !Number.isNaN(at.getTime()) ? at : null);
    const body = outputs.map((o, i) => outputHtml(o, { m, words, idPrefix: `c${index}` }, i)).join('');
    out = `<div class="cell-outputs cell-outputs-recorded"><div class="output-tools"><div class="recorded-label" title="${escapeHtml(tooltip)}">${escapeHtml(m.outputs.recorded(false))}</div></div><div class="output-body">${body}</div></div>`;
  }
  return `<div class="cell static-cell" data-cell-id="${escapeHtml(b.cell.id)}">${code}${out}</div>`;
}

export interface SectionPageInput {
  app: AppHead;
  lang: BookLang;
  toc: BookToc;
  /** Every edition's toc (cross-edition links, alternates). */
  tocs: Tocs;
  section: CompiledSection;
  description: string;
}

/** The other editions' page for a section or part slug, where that edition has it. */
function alternatesOf(tocs: Tocs, lang: BookLang, slug: string | null): Partial<Record<BookLang, string>> {
  const out: Partial<Record<BookLang, string>> = {};
  for (const l of BOOK_LANGS) {
    const toc = tocs[l];
    if (l === lang || !toc) continue;
    if (slug === null) out[l] = editionIndexPath(l);
    else if (toc.parts.some((p) => p.slug === slug)) out[l] = partPath(l, slug);
    else if (toc.parts.some((p) => p.sections.some((s) => s.slug === slug))) out[l] = sectionPath(l, slug);
  }
  return out;
}

export function sectionPageHtml({ app, lang, toc, tocs, section, description }: SectionPageInput): { path: string; html: string } {
  const m = messagesFor(lang);
  const words = STATIC_WORDS[lang];
  const path = sectionPath(lang, section.slug);
  let cells = 0;
  const blocks = section.blocks
    .map((b) => (b.kind === 'html' ? `<div class="prose">${withHeadingLinks(rewriteLinks(b.html, path, tocs), m.headingLink)}</div>` : cellHtml(b, m, words, section, cells++)))
    .join('\n');
  const link = (l: { slug: string; number: string; title: string }, rel: 'prev' | 'next') =>
    `<a class="${rel}" href="${relativeLink(path, sectionPath(lang, l.slug))}" rel="${rel}"><span class="prev-next-dir">${rel === 'prev' ? `← ${escapeHtml(m.prevNext.previous)}` : `${escapeHtml(m.prevNext.next)} →`}</span><span class="prev-next-title">${l.number} ${escapeHtml(l.title)}</span></a>`;
  const prevNext = `<nav class="prev-next" aria-label="${escapeHtml(m.prevNext.label)}">${section.prev ? link(section.prev, 'prev') : '<span></span>'}${section.next ? link(section.next, 'next') : ''}</nav>`;
  const main = `<article class="section" data-slug="${escapeHtml(section.slug)}">
        <header class="section-header"><h1><span class="section-number">${section.number}</span> ${escapeHtml(section.title)}</h1></header>
        <div class="section-body">
${blocks}
        </div>
        ${prevNext}
      </article>`;
  const shell: PageShell = { lang, path, title: m.pageTitle(`${section.number} ${section.title}`), description, appHash: sectionHref(section.slug, null, lang), alternates: alternatesOf(tocs, lang, section.slug), current: section.slug, main };
  return { path, html: page(app, toc, shell, section) };
}

function sectionList(part: PartEntry, from: string, lang: BookLang): string {
  return `<ol class="part-sections">${part.sections.map((s) => `<li><a href="${relativeLink(from, sectionPath(lang, s.slug))}"><span class="toc-number">${s.number}</span> ${escapeHtml(s.title)}</a></li>`).join('')}</ol>`;
}

/** A part's meta description: its introduction's first paragraph as text (the book's title when it has formulas or none). */
export function partDescription(part: PartEntry, fallback: string): string {
  const p = /<p>([\s\S]*?)<\/p>/.exec(part.introHtml)?.[1];
  if (!p || p.includes('katex')) return fallback;
  return p
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function partPageHtml(app: AppHead, lang: BookLang, toc: BookToc, tocs: Tocs, part: PartEntry, description = partDescription(part, messagesFor(lang).bookTitle)): { path: string; html: string } {
  const m = messagesFor(lang);
  const path = partPath(lang, part.slug);
  const intro = part.introHtml ? `<div class="prose">${rewriteLinks(part.introHtml, path, tocs)}</div>` : '';
  const main = `<article class="part-page"><h1><span class="section-number">${part.number}</span> ${escapeHtml(part.title)}</h1>${intro}<h2>${escapeHtml(STATIC_WORDS[lang].sectionsOfPart)}</h2>${sectionList(part, path, lang)}</article>`;
  const shell: PageShell = { lang, path, title: m.pageTitle(`${part.number} ${part.title}`), description, appHash: sectionHref(part.slug, null, lang), alternates: alternatesOf(tocs, lang, part.slug), current: part.slug, main };
  return { path, html: page(app, toc, shell) };
}

/** The edition's whole table of contents, as a page (the no-script cover of that edition). */
export function editionIndexHtml(app: AppHead, lang: BookLang, toc: BookToc, tocs: Tocs, description: string): { path: string; html: string } {
  const m = messagesFor(lang);
  const path = editionIndexPath(lang);
  const main = `<article class="home"><h1>${escapeHtml(m.bookTitle)}</h1>${tocList(toc, path, lang)}</article>`;
  const shell: PageShell = { lang, path, title: m.bookTitle, description, appHash: homeHref(lang), alternates: alternatesOf(tocs, lang, null), current: null, main };
  return { path, html: page(app, toc, shell) };
}

/** Every part with its sections, as links to the static pages from `from`. */
export function tocList(toc: BookToc, from: string, lang: BookLang): string {
  return toc.parts
    .map((part) => `<section class="home-part"><h2><a href="${relativeLink(from, partPath(lang, part.slug))}"><span class="toc-number">${part.number}</span> ${escapeHtml(part.title)}</a></h2>${sectionList(part, from, lang)}</section>`)
    .join('');
}

/**
 * The cover's <noscript>: what the book needs, and the table of contents of the default edition
 * as links to its static pages, with a link to each other edition's contents page.
 */
export function coverNoScript(lang: BookLang, toc: BookToc, others: BookLang[]): string {
  const words = STATIC_WORDS[lang];
  const otherLinks = others
    .map((l) => `<p lang="${HTML_LANG[l]}"><a href="${editionIndexPath(l)}">${escapeHtml(STATIC_WORDS[l].contentsOf(messagesFor(l).bookTitle))}</a></p>`)
    .join('');
  return `<noscript><div class="static-page static-cover"><main class="content"><article class="home"><h1>${escapeHtml(messagesFor(lang).bookTitle)}</h1><p class="static-banner">${escapeHtml(words.noScriptCover)}</p>${otherLinks}${tocList(toc, 'index.html', lang)}</article></main></div></noscript>`;
}

/** Replaces the cover's <noscript> (and links the static stylesheet for no-script readers only). */
export function withNoScriptCover(indexHtml: string, noscript: string, staticCss: string): string {
  if (!/<noscript>[\s\S]*?<\/noscript>/.test(indexHtml)) throw new Error('index.html has no <noscript> for the table of contents without JavaScript; add one to <body>');
  return indexHtml
    .replace(/<noscript>[\s\S]*?<\/noscript>/, () => noscript)
    .replace('</head>', () => `  <noscript><link rel="stylesheet" href="${staticCss}" /></noscript>\n  </head>`);
}
