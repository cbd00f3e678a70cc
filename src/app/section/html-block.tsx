/**
 * Prose between cells: HTML the content compiler produced at build time (KaTeX already
 * rendered, nothing from the reader), inserted as is. Headings get a link to themselves.
 */
import { memo, useEffect, useRef } from 'react';
import { sectionHref } from '../../content/links';
import { useUiLang } from '../i18n/ui-lang';

export const HtmlBlock = memo(function HtmlBlock({ html, slug }: { html: string; slug: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const lang = useUiLang();
  useEffect(() => {
    for (const h of ref.current?.querySelectorAll<HTMLElement>('h2[id], h3[id], h4[id], h5[id]') ?? []) {
      if (h.querySelector(':scope > a.heading-link')) continue;
      const a = document.createElement('a');
      a.className = 'heading-link';
      a.href = sectionHref(slug, h.id, lang);
      a.setAttribute('aria-label', `Link to this heading`);
      a.textContent = '#';
      h.appendChild(a);
    }
  }, [html, slug, lang]);
  return <div className="prose" ref={ref} dangerouslySetInnerHTML={{ __html: html }} />;
});
