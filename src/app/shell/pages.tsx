/** The cover (parts and sections), a part's introduction, and a link that leads nowhere. */
import { homeHref, sectionHref } from '../../content/links';
import { useUiLang } from '../i18n/ui-lang';
import type { BookToc, PartEntry } from '../../content/types';
import { useMessages } from '../i18n/messages';

function SectionList({ part }: { part: PartEntry }) {
  const lang = useUiLang();
  return (
    <ol className="part-sections">
      {part.sections.map((s) => (
        <li key={s.slug}>
          <a href={sectionHref(s.slug, null, lang)}>
            <span className="toc-number">{s.number}</span> {s.title}
          </a>
        </li>
      ))}
    </ol>
  );
}

export function HomePage({ toc }: { toc: BookToc }) {
  const lang = useUiLang();
  const first = toc.parts.find((p) => p.sections.length > 0)?.sections[0];
  const m = useMessages();
  return (
    <article className="home">
      <h1>{m.bookTitle}</h1>
      <p className="lead">
        {m.home.lead1}
        <kbd>Shift</kbd>+<kbd>Enter</kbd>
        {m.home.lead2}
      </p>
      {first ? (
        <p>
          <a className="btn btn-run btn-large" href={sectionHref(first.slug, null, lang)}>
            {m.home.startReading(first.number, first.title)}
          </a>
        </p>
      ) : (
        <p className="notice notice-info">{m.home.noSections}</p>
      )}
      {toc.parts.map((part) => (
        <section key={part.slug} className="home-part">
          <h2>
            <a href={sectionHref(part.slug, null, lang)}>
              <span className="toc-number">{part.number}</span> {part.title}
            </a>
          </h2>
          <SectionList part={part} />
        </section>
      ))}
    </article>
  );
}

export function PartPage({ part }: { part: PartEntry }) {
  return (
    <article className="part-page">
      <h1>
        <span className="section-number">{part.number}</span> {part.title}
      </h1>
      {part.introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: part.introHtml }} />}
      <SectionList part={part} />
    </article>
  );
}

export function NotFoundPage({ slug }: { slug: string }) {
  const lang = useUiLang();
  const m = useMessages();
  return (
    <article className="not-found">
      <h1>{m.notFound.title}</h1>
      <p>
        {m.notFound.before}
        <code>{slug}</code>
        {m.notFound.after}
        <a href={homeHref(lang)}>{m.notFound.contents}</a>
        {m.notFound.afterContents}
      </p>
    </article>
  );
}
