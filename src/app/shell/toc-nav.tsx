/** The table of contents by part, with section numbers; the open section lists its headings. */
import { useEffect, useRef } from 'react';
import { sectionHref } from '../../content/links';
import type { BookToc } from '../../content/types';
import type { Route } from '../book/routes';
import { REFERENCE_SLUG, REFERENCE_TITLE } from '../reference/reference-data';

export function TocNav({ toc, route }: { toc: BookToc; route: Route }) {
  const current = route.kind === 'section' ? route.section.slug : null;
  const currentPart = route.kind === 'part' ? route.part.slug : null;
  const nav = useRef<HTMLElement>(null);

  useEffect(() => {
    const el = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <nav className="toc" ref={nav} aria-label="Table of contents">
      <a className="toc-home" href="#/">
        Contents
      </a>
      {toc.parts.map((part) => (
        <section key={part.slug} className="toc-part">
          <a className="toc-part-title" href={sectionHref(part.slug)} aria-current={currentPart === part.slug ? 'page' : undefined}>
            <span className="toc-number">{part.number}.</span> {part.title}
          </a>
          <ol className="toc-sections">
            {part.sections.map((s) => (
              <li key={s.slug}>
                <a href={sectionHref(s.slug)} aria-current={s.slug === current ? 'page' : undefined}>
                  <span className="toc-number">{s.number}</span> {s.title}
                </a>
                {s.slug === current && s.headings.some((h) => h.level === 2) && (
                  <ol className="toc-headings">
                    {s.headings
                      .filter((h) => h.level === 2)
                      .map((h) => (
                        <li key={h.id}>
                          <a href={sectionHref(s.slug, h.id)}>{h.text}</a>
                        </li>
                      ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <a className="toc-part-title toc-reference" href={sectionHref(REFERENCE_SLUG)} aria-current={route.kind === 'reference' ? 'page' : undefined}>
        {REFERENCE_TITLE}
      </a>
    </nav>
  );
}
