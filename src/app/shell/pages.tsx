/** The cover (parts and sections), a part's introduction, and a link that leads nowhere. */
import { homeHref, sectionHref } from '../../content/links';
import { useUiLang } from '../i18n/ui-lang';
import type { BookToc, PartEntry } from '../../content/types';

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
  return (
    <article className="home">
      <h1>Hands-on Deep Learning, in the browser</h1>
      <p className="lead">
        A textbook you run as you read. Every code cell executes here, in your browser, on your own GPU when you have one: edit a cell, press{' '}
        <kbd>Shift</kbd>+<kbd>Enter</kbd>, and watch the loss fall.
      </p>
      {first ? (
        <p>
          <a className="btn btn-run btn-large" href={sectionHref(first.slug, null, lang)}>
            Start reading: {first.number} {first.title}
          </a>
        </p>
      ) : (
        <p className="notice notice-info">This book has no sections yet.</p>
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
  return (
    <article className="not-found">
      <h1>Not in this book</h1>
      <p>
        There is no section <code>{slug}</code> in this version of the book; the link may be from an older version. Try the <a href={homeHref(lang)}>contents</a> or search.
      </p>
    </article>
  );
}
