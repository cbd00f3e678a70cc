/**
 * Search across the book: the index is its own chunk, fetched when the reader first focuses
 * the box. "/" anywhere outside an editor or a field focuses it, as on most documentation sites.
 * Arrow keys move through results, Enter opens one (and marks the query on that page), Escape closes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BookLang } from '../../content/book-lang';
import { sectionHref } from '../../content/links';
import type { SearchDoc } from '../../content/types';
import { loadReferenceSearchDocs } from '../reference/reference-search';
import { highlightOnPage } from '../search/highlight-query';
import { queryTerms, searchBook } from '../search/search-book';
import { getEdition } from '../book/editions';
import { useUiLang } from '../i18n/ui-lang';
import { Icon } from '../ui/icons';
import { useMediaQuery } from '../ui/use-media-query';
import { useMessages } from '../i18n/messages';

/** Each edition's index (a Chinese page searches the Chinese edition). */
const indexes = new Map<BookLang, Promise<SearchDoc[]>>();

export function SearchBox() {
  const lang = useUiLang();
  const [query, setQuery] = useState('');
  const [docs, setDocs] = useState<SearchDoc[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const load = () => {
    // The book's sections, then the library reference (each its own chunk).
    let index = indexes.get(lang);
    if (!index) {
      index = Promise.all([getEdition(lang).then((edition) => edition.loadSearchIndex()), loadReferenceSearchDocs(lang)]).then(([book, ref]) => [...book, ...ref]);
      indexes.set(lang, index);
    }
    index.then(setDocs, (e: Error) => {
      indexes.delete(lang);
      setFailed(e.message);
    });
  };
  const hits = useMemo(() => (docs ? searchBook(docs, query, 20) : []), [docs, query]);
  useEffect(() => setSelected(0), [query]);

  useEffect(() => {
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const go = (doc: SearchDoc) => {
    location.hash = sectionHref(doc.slug, doc.anchor, lang);
    highlightOnPage(doc.slug, doc.anchor ?? null, queryTerms(query));
    setOpen(false);
    (document.activeElement as HTMLElement | null)?.blur();
  };

  // The '/' shortcut means nothing on a touch screen without a keyboard: its hint is left out there.
  const noKeyboard = useMediaQuery('(hover: none) and (pointer: coarse)');
  return (
    <div className="search" ref={box} role="search">
      <Icon name="search" />
      <input
        type="search"
        ref={input}
        placeholder={noKeyboard ? m.search.placeholderTouch : m.search.placeholder}
        aria-label={m.search.label}
        aria-keyshortcuts="/"
        value={query}
        onFocus={() => (load(), setOpen(true))}
        onChange={(e) => (setQuery(e.target.value), setOpen(true))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') (e.preventDefault(), setSelected((s) => Math.min(s + 1, hits.length - 1)));
          else if (e.key === 'ArrowUp') (e.preventDefault(), setSelected((s) => Math.max(s - 1, 0)));
          else if (e.key === 'Enter' && hits[selected]) go(hits[selected].doc);
          else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && query.trim() !== '' && (
        <div className="search-results" role="listbox" aria-label={m.search.results}>
          {failed !== null && <p className="search-empty">{m.search.failed(failed)}</p>}
          {!docs && !failed && <p className="search-empty">{m.search.loading}</p>}
          {docs && hits.length === 0 && <p className="search-empty">{m.search.nothingFound(query)}</p>}
          {hits.map((h, i) => (
            <a
              key={`${h.doc.slug}#${h.doc.anchor ?? ''}`}
              className="search-hit"
              role="option"
              aria-selected={i === selected}
              href={sectionHref(h.doc.slug, h.doc.anchor, lang)}
              onClick={(e) => (e.preventDefault(), go(h.doc))}
              onMouseEnter={() => setSelected(i)}
            >
              <span className="search-hit-title">
                {/* The reference's entries have no number: no gap before their title either. */}
                {h.doc.number && <span className="toc-number">{h.doc.number}</span>}
                {h.doc.number && ' '}
                {h.doc.title}
                {h.doc.heading && <span className="search-hit-heading"> › {h.doc.heading}</span>}
              </span>
              {h.snippet && (
                <span className="search-hit-snippet">
                  {h.snippet.before}
                  <mark>{h.snippet.match}</mark>
                  {h.snippet.after}
                </span>
              )}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
