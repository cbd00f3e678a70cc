/** The reader's hash URLs: what compiled cross-references link to is what the app parses. */
import { describe, expect, it } from 'vitest';
import { parseSectionHref, sectionHref } from '../../../src/content/links';

describe('section links', () => {
  it('round-trip a section and a heading', () => {
    expect(sectionHref('02-linear-networks/01-linear-regression')).toBe('#/02-linear-networks/01-linear-regression');
    expect(sectionHref('02-x/01-y', 'eq-3')).toBe('#/02-x/01-y#eq-3');
    for (const [slug, anchor] of [['02-x/01-y', null], ['02-x/01-y', 'getting-started']] as const) {
      expect(parseSectionHref(sectionHref(slug, anchor))).toEqual({ slug, anchor, lang: 'en' });
    }
  });

  it('parse full URLs under a sub-path and reject non-section hashes', () => {
    expect(parseSectionHref('https://example.org/book/#/01-a/02-b#fig-1')).toEqual({ slug: '01-a/02-b', anchor: 'fig-1', lang: 'en' });
    expect(parseSectionHref('#/01-a/02-b#')).toEqual({ slug: '01-a/02-b', anchor: null, lang: 'en' });
    expect(parseSectionHref('#top')).toBeNull();
    expect(parseSectionHref('#/')).toBeNull();
    expect(parseSectionHref('https://example.org/book/')).toBeNull();
  });
});
