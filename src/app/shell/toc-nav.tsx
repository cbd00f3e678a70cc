/**
 * The table of contents by part, with section numbers; the open section lists its headings,
 * and the one being read is marked as the reader scrolls (scrollspy) and kept in view.
 */
import { useEffect, useRef, useState } from 'react';
import { homeHref, sectionHref } from '../../content/links';
import { useUiLang } from '../i18n/ui-lang';
import type { BookToc } from '../../content/types';
import type { Route } from '../book/routes';
import { REFERENCE_SLUG } from '../reference/reference-data';
import { useMessages } from '../i18n/messages';

/** How far below the top of the window a heading counts as "being read" (under the sticky header and toolbar). */
const READING_LINE_PX = 140;

/** The id of the last of these headings whose top has passed the reading line; null above the first. */
function useHeadingInView(ids: readonly string[]): string | null {
  const [active, setActive] = useState<string | null>(null);
  const key = ids.join(' ');
  useEffect(() => {
    if (ids.length === 0) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      let found: string | null = null;
      for (const id of ids) {
        const el = document.getElementById(id);
        if (!el) continue;
        if (el.getBoundingClientRect().top <= READING_LINE_PX) found = id;
        else break;
      }
      setActive(found);
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    // The section's text may arrive after the table of contents: measure again when it does.
    const observer = new MutationObserver(onScroll);
    const main = document.getElementById('content');
    if (main) observer.observe(main, { childList: true, subtree: false });
    update();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return ids.length === 0 ? null : active;
}

export function TocNav({ toc, route }: { toc: BookToc; route: Route }) {
  const lang = useUiLang();
  const current = route.kind === 'section' ? route.section.slug : null;
  const currentPart = route.kind === 'part' ? route.part.slug : null;
  const nav = useRef<HTMLElement>(null);
  const currentEntry = route.kind === 'section' ? route.section : null;
  const headingIds = currentEntry ? currentEntry.headings.filter((h) => h.level === 2).map((h) => h.id) : [];
  const inView = useHeadingInView(headingIds);
  const m = useMessages();

  useEffect(() => {
    const el = nav.current?.querySelector<HTMLElement>('.toc-headings a[aria-current="location"]');
    // Keep the heading being read visible in a long table of contents (without moving the page).
    const scroller = nav.current?.closest<HTMLElement>('.sidebar');
    if (el && scroller) {
      const box = scroller.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      if (r.top < box.top || r.bottom > box.bottom) scroller.scrollTop += r.top - box.top - box.height / 2;
    }
  }, [inView]);

  useEffect(() => {
    const el = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <nav className="toc" ref={nav} aria-label={m.toc.label}>
      <a className="toc-home" href={homeHref(lang)}>
        {m.toc.contents}
      </a>
      {toc.parts.map((part) => (
        <section key={part.slug} className="toc-part">
          <a className="toc-part-title" href={sectionHref(part.slug, null, lang)} aria-current={currentPart === part.slug ? 'page' : undefined}>
            <span className="toc-number">{part.number}.</span> {part.title}
          </a>
          <ol className="toc-sections">
            {part.sections.map((s) => (
              <li key={s.slug}>
                <a href={sectionHref(s.slug, null, lang)} aria-current={s.slug === current ? 'page' : undefined}>
                  <span className="toc-number">{s.number}</span> {s.title}
                </a>
                {s.slug === current && s.headings.some((h) => h.level === 2) && (
                  <ol className="toc-headings">
                    {s.headings
                      .filter((h) => h.level === 2)
                      .map((h) => (
                        <li key={h.id}>
                          <a href={sectionHref(s.slug, h.id, lang)} aria-current={h.id === inView ? 'location' : undefined}>
                            {h.text}
                          </a>
                        </li>
                      ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <a className="toc-part-title toc-reference" href={sectionHref(REFERENCE_SLUG, null, lang)} aria-current={route.kind === 'reference' ? 'page' : undefined}>
        {m.reference.title}
      </a>
    </nav>
  );
}
