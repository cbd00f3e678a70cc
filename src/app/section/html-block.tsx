/**
 * Prose between cells: HTML the content compiler produced at build time (KaTeX already
 * rendered, nothing from the reader), inserted as is. Headings get a link to themselves.
 */
import { memo, useEffect, useRef } from 'react';
import { sectionHref } from '../../content/links';
import { useUiLang } from '../i18n/ui-lang';
import { useMessages } from '../i18n/messages';

export const HtmlBlock = memo(function HtmlBlock({ html, slug }: { html: string; slug: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const lang = useUiLang();
  const m = useMessages();
  useEffect(() => {
    for (const h of ref.current?.querySelectorAll<HTMLElement>('h2[id], h3[id], h4[id], h5[id]') ?? []) {
      const existing = h.querySelector<HTMLElement>(':scope > a.heading-link');
      if (existing) {
        existing.setAttribute('aria-label', m.headingLink);
        continue;
      }
      const a = document.createElement('a');
      a.className = 'heading-link';
      a.href = sectionHref(slug, h.id, lang);
      a.setAttribute('aria-label', m.headingLink);
      a.textContent = '#';
      h.appendChild(a);
    }
  }, [html, slug, lang, m]);
  return <div className="prose" ref={ref} dangerouslySetInnerHTML={{ __html: html }} />;
});
