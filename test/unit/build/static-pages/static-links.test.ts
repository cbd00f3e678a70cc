import { describe, expect, it } from 'vitest';
import type { BookToc } from '../../../../src/content/types';
import { appUrlFrom, relativeLink, rewriteLinks, rootLink, sectionPath, staticHref } from '../../../../src/build/static-pages/static-links';

const toc = (title: string): BookToc => ({
  version: 'v',
  parts: [
    { slug: '01-pre', number: '1', title: 'Pre', introHtml: '', sections: [{ slug: '01-pre/01-a', partSlug: '01-pre', number: '1.1', title: title, version: 'x', headings: [] }] },
    { slug: '02-lin', number: '2', title: 'Lin', introHtml: '', sections: [{ slug: '02-lin/01-b', partSlug: '02-lin', number: '2.1', title: 'B', version: 'y', headings: [] }] },
  ],
});
const tocs = { en: toc('A'), zh: toc('甲') };
const from = sectionPath('en', '02-lin/01-b');

describe('static page links', () => {
  it('pages live under their edition, and links are relative', () => {
    expect(from).toBe('en/02-lin/01-b.html');
    expect(rootLink(from)).toBe('../../');
    expect(rootLink('index.html')).toBe('./');
    expect(relativeLink(from, 'en/01-pre/01-a.html')).toBe('../01-pre/01-a.html');
    expect(appUrlFrom(from, '#/02-lin/01-b')).toBe('../../#/02-lin/01-b');
  });

  it('a section link goes to its static page, with its anchor', () => {
    expect(staticHref('#/01-pre/01-a', from, tocs)).toBe('../01-pre/01-a.html');
    expect(staticHref('#/01-pre/01-a#eq-1', from, tocs)).toBe('../01-pre/01-a.html#eq-1');
    expect(staticHref('#/02-lin/01-b#the-model', from, tocs)).toBe('#the-model'); // the same page
  });

  it('keeps the edition the link names', () => {
    expect(staticHref('#/zh/01-pre/01-a', from, tocs)).toBe('../../zh/01-pre/01-a.html');
    expect(staticHref('#/01-pre/01-a', sectionPath('zh', '02-lin/01-b'), tocs)).toBe('../../en/01-pre/01-a.html');
  });

  it('parts and covers have pages too; what has none opens the app at the root', () => {
    expect(staticHref('#/01-pre', from, tocs)).toBe('../01-pre/index.html');
    expect(staticHref('#/', from, tocs)).toBe('../index.html');
    expect(staticHref('#/zh/', from, tocs)).toBe('../../zh/index.html');
    expect(staticHref('#/reference#nd.add', from, tocs)).toBe('../../#/reference#nd.add');
    expect(staticHref('#/nowhere', from, tocs)).toBe('../../#/nowhere');
  });

  it('leaves other links alone', () => {
    expect(staticHref('https://d2l.ai', from, tocs)).toBeNull();
    expect(staticHref('#eq-1', from, tocs)).toBeNull();
  });

  it('rewrites the hrefs of build-time HTML and nothing else', () => {
    const html = '<a class="xref" href="#/01-pre/01-a#fig-x" data-slug="01-pre/01-a">Figure 1</a> <a href="https://x.org/#/a">x</a> <a href="#local">y</a>';
    expect(rewriteLinks(html, from, tocs)).toBe('<a class="xref" href="../01-pre/01-a.html#fig-x" data-slug="01-pre/01-a">Figure 1</a> <a href="https://x.org/#/a">x</a> <a href="#local">y</a>');
  });
});
