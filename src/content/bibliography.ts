/**
 * The book's bibliography (`chapters/bibliography.yaml`) and its citations. A chapter cites with
 * `:cite:`key`` (parenthetical: "(LeCun et al., 1998)") or `:citet:`key`` (in the sentence:
 * "LeCun et al. (1998)"); several keys go in one role, separated by commas. Every citation links
 * to its entry on the page that holds `:bibliography:`all``. The build fails on an unknown key,
 * on an entry that nothing cites, and on a bibliography page missing or given twice. Pure: the
 * caller reads the file.
 */
import type { BookLang } from './book-lang';
import type { Token } from 'markdown-it';
import { parseDocument } from 'yaml';
import { ContentError } from './content-error';
import { sectionHref } from './links';
import type { ParsedSection } from './parse-section';

export const CITE_ROLES = ['cite', 'citet'] as const;
export const BIBLIOGRAPHY_ROLE = 'bibliography';

export interface BibEntry {
  key: string;
  type: 'article' | 'inproceedings' | 'book' | 'misc';
  /** "Family, Given" each. */
  authors: string[];
  title: string;
  year: number;
  journal?: string;
  booktitle?: string;
  volume?: string;
  number?: string;
  pages?: string;
  publisher?: string;
  address?: string;
  note?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  /** 'LeCun et al.', 'Glorot and Bengio', 'Bishop'. */
  shortAuthors: string;
  /** '1998', or '2012a' / '2012b' when two entries would read the same. */
  yearLabel: string;
  /** The element id of the entry on the bibliography page. */
  anchor: string;
  /** 1-based line of the key in the bibliography file. */
  line: number;
}

const TYPES = ['article', 'inproceedings', 'book', 'misc'] as const;
const OPTIONAL = ['journal', 'booktitle', 'volume', 'number', 'pages', 'publisher', 'address', 'note', 'doi', 'arxiv', 'url'] as const;
const KNOWN = ['type', 'authors', 'title', 'year', ...OPTIONAL];

const family = (author: string) => author.split(',')[0]!.trim();

function shortAuthors(authors: string[]): string {
  if (authors.length === 1) return family(authors[0]!);
  if (authors.length === 2) return `${family(authors[0]!)} and ${family(authors[1]!)}`;
  return `${family(authors[0]!)} et al.`;
}

/** Parses and checks the bibliography file; entries by key, sorted by author, year and title. */
export function parseBibliography(file: string, source: string): Map<string, BibEntry> {
  const doc = parseDocument(source, { prettyErrors: false });
  const lines = source.split('\n');
  const lineOf = (key: string) => lines.findIndex((l) => l.startsWith(`${key}:`)) + 1;
  const error = doc.errors[0];
  if (error) {
    const line = (source.slice(0, error.pos[0]).match(/\n/g)?.length ?? 0) + 1;
    throw new ContentError('citation', file, line, `the bibliography is not valid YAML (${error.message.split('\n')[0]}); each entry is 'Key.Year:' followed by indented 'field: value' lines`);
  }
  const value: unknown = doc.toJS() ?? {};
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    throw new ContentError('citation', file, 1, `the bibliography must map keys to entries (Key.Year: then indented fields), got ${Array.isArray(value) ? 'a list' : typeof value}`);
  }
  const entries: BibEntry[] = [];
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const line = lineOf(key);
    const fail = (message: string): never => {
      throw new ContentError('citation', file, line, `entry '${key}': ${message}`);
    };
    if (!/^[\w.:-]+$/.test(key)) fail(`a key is one word of letters, digits, '_', '-', '.' or ':' (e.g. LeCun.Bottou.Bengio.ea.1998)`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(`expected indented 'field: value' lines, got ${JSON.stringify(raw)}`);
    const fields = raw as Record<string, unknown>;
    for (const f of Object.keys(fields)) if (!KNOWN.includes(f)) fail(`unknown field '${f}' (known: ${KNOWN.join(', ')}); fix the spelling or remove it`);
    const { type, authors, title, year } = fields;
    if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) fail(`'type' must be one of ${TYPES.join(', ')}, got ${JSON.stringify(type)}`);
    if (!Array.isArray(authors) || authors.length === 0 || !authors.every((a) => typeof a === 'string' && /^[^,]+,\s*\S/.test(a))) {
      fail(`'authors' must be a list of "Family, Given" names, got ${JSON.stringify(authors)}`);
    }
    if (typeof title !== 'string' || title.trim() === '') fail(`'title' must be text, got ${JSON.stringify(title)}`);
    if (typeof year !== 'number' || !Number.isInteger(year)) fail(`'year' must be a year such as 1998, got ${JSON.stringify(year)}`);
    const entry: BibEntry = {
      key,
      type: type as BibEntry['type'],
      authors: authors as string[],
      title: title as string,
      year: year as number,
      shortAuthors: shortAuthors(authors as string[]),
      yearLabel: String(year),
      anchor: `ref-${key.replace(/[^\w-]/g, '-')}`,
      line,
    };
    for (const f of OPTIONAL) {
      const v = fields[f];
      if (v === undefined) continue;
      if (typeof v !== 'string' && typeof v !== 'number') fail(`'${f}' must be text, got ${JSON.stringify(v)}`);
      entry[f] = String(v);
    }
    if (entry.type === 'article' && !entry.journal) fail(`an article needs a 'journal'`);
    if (entry.type === 'inproceedings' && !entry.booktitle) fail(`an inproceedings entry needs a 'booktitle' (the conference)`);
    entries.push(entry);
  }
  entries.sort((a, b) => a.shortAuthors.localeCompare(b.shortAuthors) || a.year - b.year || a.title.localeCompare(b.title));
  // Two entries that would both read "Hinton et al., 2012" become 2012a and 2012b.
  const groups = new Map<string, BibEntry[]>();
  for (const e of entries) groups.set(`${e.shortAuthors} ${e.year}`, [...(groups.get(`${e.shortAuthors} ${e.year}`) ?? []), e]);
  for (const group of groups.values()) if (group.length > 1) group.forEach((e, i) => (e.yearLabel = `${e.year}${String.fromCharCode(97 + i)}`));
  return new Map(entries.map((e) => [e.key, e]));
}

/** The keys of one citation role, as written (`a, b`). */
export function citationKeys(content: string): string[] {
  return content.split(',').map((k) => k.trim()).filter((k) => k !== '');
}

/** Calls `visit` for every citation in a section, with its line. */
function forEachCitation(parsed: ParsedSection, visit: (keys: string[], line: number, token: Token) => void): void {
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'inline') {
        let line = (t.map?.[0] ?? 0) + 1;
        for (const c of t.children ?? []) {
          if (c.type === 'softbreak' || c.type === 'hardbreak') line++;
          if (c.type === 'xref' && (CITE_ROLES as readonly string[]).includes(c.info)) visit(citationKeys(c.content), line, c);
        }
      }
    }
  };
  walk(parsed.tokens);
}

/** Where the bibliography is listed, and who cites what: what the render rules need. */
export interface Citations {
  entries: ReadonlyMap<string, BibEntry>;
  /** The slug of the section that lists the bibliography. */
  pageSlug: string;
  /** For each key, the sections citing it, in reading order: [slug, number]. */
  citedBy: ReadonlyMap<string, [string, string][]>;
  /** Section titles by slug, for the tooltips of "Cited in" links. */
  titles: ReadonlyMap<string, string>;
  /** The edition being compiled: where links go, and the words around the entries. */
  lang: BookLang;
}

/** "Cited in 2.1, 3.4." around the section links of an entry. */
const CITED_IN: Readonly<Record<BookLang, (links: string) => string>> = {
  en: (links) => `Cited in ${links}.`,
  zh: (links) => `引用于${links.replace(/, /g, '、')}。`,
};

function nearest(name: string, keys: string[]): string[] {
  const lower = name.toLowerCase();
  const year = /\d{4}$/.exec(name)?.[0];
  const firstName = lower.split('.')[0]!;
  return keys.filter((k) => k.toLowerCase().split('.')[0] === firstName || (year && k.endsWith(year) && k.toLowerCase().startsWith(firstName.slice(0, 3)))).slice(0, 3);
}

/**
 * Checks every citation of the book against the bibliography and finds the bibliography page
 * (the section whose top-level paragraph is exactly `:bibliography:`all``). Throws a ContentError
 * on an unknown key, an uncited entry, or a bibliography page missing or given twice.
 */
export function collectCitations(
  sections: ParsedSection[],
  entries: ReadonlyMap<string, BibEntry> | null,
  bibliographyFile: string,
  lang: BookLang = 'en',
  /** An edition still being translated: entries may be uncited and the list page missing. */
  partial = false,
): Citations | null {
  const citedBy = new Map<string, [string, string][]>();
  let page: ParsedSection | null = null;
  for (const s of sections) {
    forEachCitation(s, (keys, line) => {
      if (!entries) throw new ContentError('citation', s.input.file, line, `this section cites, but the book has no bibliography; create ${bibliographyFile} with an entry for each key`);
      if (keys.length === 0) throw new ContentError('citation', s.input.file, line, `an empty citation; write :cite:\`Key.Year\` with a key of ${bibliographyFile}`);
      for (const key of keys) {
        if (!entries.has(key)) {
          const near = nearest(key, [...entries.keys()]);
          throw new ContentError('citation', s.input.file, line, `unknown citation key '${key}'${near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(', ')}?)` : ''}; add an entry '${key}:' to ${bibliographyFile} or fix the key`);
        }
        const list = citedBy.get(key) ?? [];
        if (!list.some(([slug]) => slug === s.input.slug)) list.push([s.input.slug, s.input.number]);
        citedBy.set(key, list);
      }
    });
    for (const t of s.tokens) {
      if (t.type !== 'inline') continue;
      const roles = (t.children ?? []).filter((c) => c.type === 'xref' && c.info === BIBLIOGRAPHY_ROLE);
      if (roles.length === 0) continue;
      const line = (t.map?.[0] ?? 0) + 1;
      if ((t.children ?? []).length !== 1 || roles[0]!.content !== 'all') {
        throw new ContentError('citation', s.input.file, line, `:bibliography:\`all\` must stand alone in its paragraph, with the target 'all'; it lists every entry of ${bibliographyFile} there`);
      }
      if (page) throw new ContentError('citation', s.input.file, line, `the bibliography is already listed in ${page.input.file}; list it on one page only`);
      page = s;
    }
  }
  if (!entries) return null;
  if (!page && partial) return { entries, pageSlug: '', citedBy, titles: new Map(sections.map((s) => [s.input.slug, s.frontMatter.title])), lang };
  if (!page) throw new ContentError('citation', bibliographyFile, 0, `the book has a bibliography but no page lists it; put :bibliography:\`all\` alone in a paragraph of a section (e.g. a "Bibliography" section at the end)`);
  for (const entry of entries.values()) {
    if (!citedBy.has(entry.key) && !partial) {
      throw new ContentError('citation', bibliographyFile, entry.line, `entry '${entry.key}' is cited nowhere; cite it with :cite:\`${entry.key}\` where the book relies on it, or remove it`);
    }
  }
  const titles = new Map(sections.map((s) => [s.input.slug, s.frontMatter.title]));
  return { entries, pageSlug: (page as ParsedSection).input.slug, citedBy, titles, lang };
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML of a `:cite:` or `:citet:` role. */
export function renderCitation(citations: Citations, role: string, content: string): string {
  const links = citationKeys(content).map((key) => {
    const e = citations.entries.get(key)!;
    const href = sectionHref(citations.pageSlug, e.anchor, citations.lang);
    const text = role === 'citet' ? `${esc(e.shortAuthors)} (${e.yearLabel})` : `${esc(e.shortAuthors)}, ${e.yearLabel}`;
    const title = esc(`${e.authors.map(family).join(', ')}: ${e.title} (${e.year})`);
    return `<a class="cite" href="${esc(href)}" data-slug="${esc(citations.pageSlug)}" data-anchor="${e.anchor}" title="${title}">${text.replace(/ /g, '&nbsp;')}</a>`;
  });
  return role === 'citet' ? links.join(', ') : `<span class="citation">(${links.join('; ')})</span>`;
}

/** Plain text of a citation, for search. */
export function citationText(citations: Citations, role: string, content: string): string {
  const parts = citationKeys(content).map((key) => {
    const e = citations.entries.get(key)!;
    return role === 'citet' ? `${e.shortAuthors} (${e.yearLabel})` : `${e.shortAuthors}, ${e.yearLabel}`;
  });
  return role === 'citet' ? parts.join(', ') : `(${parts.join('; ')})`;
}

/** "LeCun, Y., Bottou, L. and Haffner, P." */
function authorList(authors: string[]): string {
  const names = authors.map((a) => {
    const [fam, given = ''] = a.split(',').map((s) => s.trim());
    const initials = given
      .split(/\s+/)
      .filter((g) => g !== '')
      .map((g) => (g.endsWith('.') && g.length <= 3 ? g : `${g.split('-').map((p) => `${p[0]}.`).join('-')}`))
      .join(' ');
    return initials ? `${fam}, ${initials}` : fam!;
  });
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The bibliography page's list: every entry, in order, with its links and where the book cites it. */
export function renderBibliography(citations: Citations): string {
  const items = [...citations.entries.values()].map((e) => {
    const venue: string[] = [];
    if (e.journal) venue.push(`<i>${esc(e.journal)}</i>${e.volume ? `, ${esc(e.volume)}${e.number ? `(${esc(e.number)})` : ''}` : ''}`);
    if (e.booktitle) venue.push(`In <i>${esc(e.booktitle)}</i>`);
    if (e.pages) venue.push(`pp. ${esc(e.pages.replace('-', '\u2013'))}`);
    if (e.publisher) venue.push(`${esc(e.publisher)}${e.address ? `, ${esc(e.address)}` : ''}`);
    const links: string[] = [];
    if (e.doi) links.push(`<a href="https://doi.org/${esc(e.doi)}" rel="noopener">doi:${esc(e.doi)}</a>`);
    if (e.arxiv) links.push(`<a href="https://arxiv.org/abs/${esc(e.arxiv)}" rel="noopener">arXiv:${esc(e.arxiv)}</a>`);
    if (e.url) links.push(`<a href="${esc(e.url)}" rel="noopener">${esc(e.url.replace(/^https?:\/\//, ''))}</a>`);
    const title = e.type === 'book' ? `<i>${esc(e.title)}</i>` : esc(e.title);
    const cited = (citations.citedBy.get(e.key) ?? [])
      .map(([slug, number]) => `<a class="xref xref-section" href="${esc(sectionHref(slug, null, citations.lang))}" data-slug="${esc(slug)}" title="${esc(citations.titles.get(slug) ?? '')}">${number}</a>`)
      .join(', ');
    return [
      `<li id="${e.anchor}" class="bib-entry">`,
      `<span class="bib-label">${esc(e.shortAuthors)}, ${e.yearLabel}</span> `,
      `${esc(authorList(e.authors))} (${e.yearLabel}). ${title}.`,
      venue.length ? ` ${venue.join(', ')}.` : '',
      e.note ? ` ${esc(e.note)}.` : '',
      links.length ? ` ${links.join(', ')}.` : '',
      cited ? ` <span class="bib-cited">${CITED_IN[citations.lang](cited)}</span>` : '',
      `</li>`,
    ].join('');
  });
  return `<ol class="bibliography">\n${items.join('\n')}\n</ol>\n`;
}
