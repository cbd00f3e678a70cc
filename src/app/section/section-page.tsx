/** Loads a section's chunk; until it arrives, shows its title from the table of contents. */
import { useEffect, useState } from 'react';
import type { CompiledSection, SectionEntry } from '../../content/types';
import { useUiLang } from '../i18n/ui-lang';
import { getSection, peekSection } from './load-section';
import { SectionView } from './section-view';
import { useMessages } from '../i18n/messages';

export function SectionPage({ entry, anchor }: { entry: SectionEntry; anchor: string | null }) {
  const lang = useUiLang();
  const [loaded, setLoaded] = useState<{ slug: string; section: CompiledSection } | null>(() => {
    const section = peekSection(entry.slug, lang);
    return section ? { slug: entry.slug, section } : null;
  });
  const [error, setError] = useState<Error | null>(null);
  const m = useMessages();

  useEffect(() => {
    let live = true;
    setError(null);
    getSection(entry.slug, lang).then(
      (section) => live && setLoaded({ slug: entry.slug, section }),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [entry.slug, lang]);

  if (loaded?.slug === entry.slug) return <SectionView section={loaded.section} version={entry.version} anchor={anchor} />;
  return (
    <article className="section" data-loading="true">
      <header className="section-header">
        <h1>
          <span className="section-number">{entry.number}</span> {entry.title}
        </h1>
      </header>
      {error ? (
        <div className="notice notice-error" role="alert">
          {m.notices.loadFailed(error.message)}
        </div>
      ) : (
        <p className="loading">{m.notices.loading}</p>
      )}
    </article>
  );
}
