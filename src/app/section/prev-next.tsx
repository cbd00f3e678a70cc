import { sectionHref } from '../../content/links';
import type { SectionLink } from '../../content/types';
import { useUiLang } from '../i18n/ui-lang';
import { Icon } from '../ui/icons';
import { useMessages } from '../i18n/messages';

export function PrevNext({ prev, next }: { prev: SectionLink | null; next: SectionLink | null }) {
  const lang = useUiLang();
  const m = useMessages();
  return (
    <nav className="prev-next" aria-label={m.prevNext.label}>
      {prev ? (
        <a className="prev" href={sectionHref(prev.slug, null, lang)} rel="prev">
          <span className="prev-next-dir">
            <Icon name="prev" /> {m.prevNext.previous}
          </span>
          <span className="prev-next-title">
            {prev.number} {prev.title}
          </span>
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a className="next" href={sectionHref(next.slug, null, lang)} rel="next">
          <span className="prev-next-dir">
            {m.prevNext.next} <Icon name="next" />
          </span>
          <span className="prev-next-title">
            {next.number} {next.title}
          </span>
        </a>
      )}
    </nav>
  );
}
