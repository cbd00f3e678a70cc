/**
 * The library reference page (`#/reference`): every public name of nd, autograd, gluon, init,
 * mx and d2l with its signature and one line on what it does, generated from the library's
 * types and doc comments; a filter box narrows it as the reader types. In the Chinese edition the
 * page's own words and the differences from MXNet are Chinese; the entries' descriptions are the
 * library's English doc comments, marked `lang="en"` (fonts, hyphenation, screen readers) and
 * said once at the top, in Chinese.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import data from './api-reference.json';
import { differencesTableFor } from './differences-doc';
import { mxnetDifferences } from './mxnet-differences';
import { DIFFERENCES_ANCHOR, DIFFERENCES_TABLE_ANCHOR, REFERENCE_SLUG, filterGroups, groupEntries, type ApiEntry, type ApiReference } from './reference-data';
import { sectionHref } from '../../content/links';
import type { BookLang } from '../../content/book-lang';
import { useUiLang } from '../i18n/ui-lang';
import { useMessages } from '../i18n/messages';
import '../styles/reference.css';

const reference = data as ApiReference;

/** The language the library's doc comments are written in. */
const DOC_LANG: BookLang = 'en';

function shortName(e: ApiEntry): string {
  const hash = e.name.indexOf('#');
  return hash >= 0 ? `.${e.name.slice(hash + 1)}` : e.name;
}

/** Inline text with its `code spans` set as code and its **bold** as strong. */
function Inline({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((p, i) =>
        i % 2 === 1 ? (
          <code key={i}>{p}</code>
        ) : (
          p.split('**').map((q, j) => (j % 2 === 1 ? <strong key={`${i}.${j}`}>{q}</strong> : q))
        ),
      )}
    </>
  );
}

/** A summary paragraph; `lang` when its language is not the page's (a doc comment in the Chinese edition). */
function Summary({ text, lang }: { text: string; lang?: string }) {
  return (
    <p className="api-summary" lang={lang}>
      <Inline text={text} />
    </p>
  );
}

/** The `lang` of doc-comment text on a page in `pageLang`: set only where they differ. */
function docLang(pageLang: BookLang): string | undefined {
  return pageLang === DOC_LANG ? undefined : DOC_LANG;
}

function Entry({ e, current }: { e: ApiEntry; current: boolean }) {
  const lang = useUiLang();
  const m = useMessages();
  return (
    <div className="api-entry" id={e.name} data-current={current || undefined}>
      <div className="api-entry-head">
        <a className="api-name" href={sectionHref(REFERENCE_SLUG, encodeURIComponent(e.name), lang)}>
          <code>{shortName(e)}</code>
        </a>
        <span className="api-kind">{m.reference.kind[e.kind]}</span>
      </div>
      {e.signatures.map((s) => (
        <pre key={s} className="api-signature">
          <code>{s}</code>
        </pre>
      ))}
      {e.target ? (
        <p className="api-summary">
          {m.reference.sameClassAs}
          <a href={sectionHref(REFERENCE_SLUG, encodeURIComponent(e.target), lang)}>{e.target}</a>
          {m.reference.sameClassEnd}
        </p>
      ) : (
        e.summary && <Summary text={e.summary} lang={docLang(lang)} />
      )}
    </div>
  );
}

export function ReferencePage({ anchor }: { anchor: string | null }) {
  const lang = useUiLang();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const groups = useMemo(() => groupEntries(reference.entries), []);
  const m = useMessages();
  const shown = useMemo(() => filterGroups(groups, deferred, (k) => m.reference.kind[k]), [groups, deferred, m]);
  const count = shown.reduce((n, g) => n + 1 + g.members.length, 0);
  const differencesTable = differencesTableFor(lang);
  // A link into the differences (from the search) opens them.
  const [differencesOpen, setDifferencesOpen] = useState(false);
  const intoDifferences = anchor === DIFFERENCES_ANCHOR || anchor === DIFFERENCES_TABLE_ANCHOR;
  if (intoDifferences && !differencesOpen) setDifferencesOpen(true);

  useEffect(() => {
    document.title = m.pageTitle(m.reference.title);
    if (anchor) document.getElementById(anchor)?.scrollIntoView({ block: 'start' });
    else window.scrollTo({ top: 0 });
  }, [anchor, m]);

  return (
    <article className="reference-page">
      <h1>{m.reference.title}</h1>
      <p className="lead">
        {m.reference.lead1}
        <code>nd.one_hot(x, depth=3)</code>
        {m.reference.lead2}
        <code>nd.oneHot(x, 3)</code>
        {m.reference.lead3}
        <code>await x.asScalar()</code>
        {m.reference.lead4}
      </p>
      {lang !== DOC_LANG && <p className="api-doc-lang-note">{m.reference.descriptionsInEnglish}</p>}
      <details className="api-differences" id={DIFFERENCES_ANCHOR} open={differencesOpen} onToggle={(e) => setDifferencesOpen(e.currentTarget.open)}>
        <summary>{m.reference.differences}</summary>
        <dl>
          {mxnetDifferences(lang).map((d) => (
            <div key={d.title}>
              <dt>{d.title}</dt>
              <dd>
                <Summary text={d.text} />
              </dd>
            </div>
          ))}
        </dl>
        {differencesTable && (
          <>
            <h3 id={DIFFERENCES_TABLE_ANCHOR}>{differencesTable.title}</h3>
            {differencesTable.intro && <Summary text={differencesTable.intro} />}
            <dl>
              {differencesTable.rows.map((r) => (
                <div key={r.cells[0]}>
                  <dt>
                    <Inline text={r.cells[0] ?? ''} />
                  </dt>
                  {r.cells.slice(1).map((c, i) => (
                    <dd key={i}>
                      <span className="api-diff-label">
                        {differencesTable?.header[i + 1]}
                        {m.reference.titleSeparator}
                      </span>
                      <Inline text={c} />
                    </dd>
                  ))}
                </div>
              ))}
            </dl>
          </>
        )}
      </details>
      <nav className="api-roots" aria-label={m.reference.namespaces}>
        {reference.roots.map((r) => (
          <a key={r} href={sectionHref(REFERENCE_SLUG, r, lang)}>
            <code>{r}</code>
          </a>
        ))}
      </nav>
      <div className="api-filter">
        <input type="search" placeholder={m.reference.filterPlaceholder} aria-label={m.reference.filterLabel} value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="api-count" aria-live="polite">
          {m.reference.entries(count)}
        </span>
      </div>
      {shown.length === 0 && <p className="notice notice-info">{m.reference.nothing(query)}</p>}
      {shown.map((g) => (
        <section key={g.owner.name} className={`api-group api-group-${g.owner.kind}`}>
          <h2 id={g.owner.name}>
            <code>{g.owner.name}</code>
            {g.owner.extends && <span className="api-extends">{m.reference.extends(g.owner.extends)}</span>}
          </h2>
          {g.owner.summary && <Summary text={g.owner.summary} lang={docLang(lang)} />}
          {g.owner.signatures.map((s) => (
            <pre key={s} className="api-signature">
              <code>{s}</code>
            </pre>
          ))}
          {g.members.map((e) => (
            <Entry key={e.name} e={e} current={e.name === anchor} />
          ))}
        </section>
      ))}
    </article>
  );
}
