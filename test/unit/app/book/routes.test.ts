/** The reader's routes and theme choice (src/app/book/routes, src/app/theme/theme). */
import { describe, expect, it } from 'vitest';
import type { BookToc } from '../../../../src/content/types';
import { pageKey, routeOf } from '../../../../src/app/book/routes';
import { parseThemePreference, resolveTheme } from '../../../../src/app/theme/theme';

const toc: BookToc = {
  version: 'v',
  parts: [
    {
      slug: '01-prelim',
      number: '1',
      title: 'Preliminaries',
      introHtml: '',
      sections: [{ slug: '01-prelim/01-ndarray', partSlug: '01-prelim', number: '1.1', title: 'NDArray', version: 'a', headings: [] }],
    },
  ],
};

describe('routeOf', () => {
  it('maps hashes to the cover, a part, a section with its anchor, or not found', () => {
    expect(routeOf('', toc)).toEqual({ kind: 'home' });
    expect(routeOf('#/', toc)).toEqual({ kind: 'home' });
    expect(routeOf('#/01-prelim', toc)).toMatchObject({ kind: 'part', part: { slug: '01-prelim' } });
    expect(routeOf('#/01-prelim/01-ndarray#broadcasting', toc)).toMatchObject({ kind: 'section', section: { number: '1.1' }, anchor: 'broadcasting' });
    expect(routeOf('#/01-prelim/09-gone', toc)).toEqual({ kind: 'not-found', slug: '01-prelim/09-gone' });
  });

  it('never throws: a broken escape in the hash is a page not found (it blanked the site)', () => {
    expect(routeOf('#/%E0%A4%A', toc)).toEqual({ kind: 'not-found', slug: '%E0%A4%A' });
    expect(routeOf('#/01-prelim/01-ndarray#%E0%A4%A', toc).kind).toBe('not-found');
    expect(routeOf('#/%', toc).kind).toBe('not-found');
  });

  it('keeps the same page key when only the anchor changes', () => {
    expect(pageKey(routeOf('#/01-prelim/01-ndarray#a', toc))).toBe(pageKey(routeOf('#/01-prelim/01-ndarray', toc)));
  });
});

describe('theme', () => {
  it('follows the system unless the reader chose', () => {
    expect(parseThemePreference(null)).toBe('system');
    expect(parseThemePreference('sepia')).toBe('system');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
