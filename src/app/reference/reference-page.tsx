/**
 * The library reference page (`#/reference`): every public name of nd, autograd, gluon, init,
 * mx and d2l with its signature and one line on what it does, generated from the library's
 * types and doc comments; a filter box narrows it as the reader types.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import data from './api-reference.json';
import { differencesTable } from './differences-doc';
import { mxnetDifferences } from './mxnet-differences';
import { REFERENCE_SLUG, filterGroups, groupEntries, type ApiEntry, type ApiReference } from './reference-data';
import { sectionHref } from '../../content/links';
import { useUiLang } from '../i18n/ui-lang';
import { useMessages } from '../i18n/messages';
import '../styles/reference.css';

const reference = data as ApiReference;

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

/** A summary paragraph. */
function Summary({ text }: { text: string }) {
  return (
    <p className="api-summary">
      <Inline text={text} />
    </p>
  );
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
        e.summary && <Summary text={e.summary} />
      )}
    </div>
  );
}

export function ReferencePage({ anchor }: { anchor: string | null }) {
  const lang = useUiLang();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const groups = useMemo(() => groupEntries(reference.entries), []);
  const shown = useMemo(() => filterGroups(groups, deferred), [groups, deferred]);
  const count = shown.reduce((n, g) => n + 1 + g.members.length, 0);
  const m = useMessages();

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
      <details className="api-differences">
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
            <h3>{differencesTable.title}</h3>
            {differencesTable.intro && <Summary text={differencesTable.intro} />}
            <dl>
              {differencesTable.rows.map((r) => (
                <div key={r.cells[0]}>
                  <dt>
                    <Inline text={r.cells[0] ?? ''} />
                  </dt>
                  {r.cells.slice(1).map((c, i) => (
                    <dd key={i}>
                      <span className="api-diff-label">{differencesTable?.header[i + 1]}: </span>
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
          {g.owner.summary && <Summary text={g.owner.summary} />}
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
