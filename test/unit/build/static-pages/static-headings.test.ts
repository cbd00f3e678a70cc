import { describe, expect, it } from 'vitest';
import { withHeadingLinks } from '../../../../src/build/static-pages/static-headings';

describe('headings link to themselves, as in the app', () => {
  it('appends the app’s # link, to the id on the page, inside every h2-h5 with an id', () => {
    const html = '<h2 id="a"><span class="heading-number">1.1</span> A</h2><p>x</p><h3 class="c" id="b-c">B <span class="katex">x</span></h3><h5 id="e">E</h5>';
    expect(withHeadingLinks(html, 'Link to this heading')).toBe(
      '<h2 id="a"><span class="heading-number">1.1</span> A<a class="heading-link" href="#a" aria-label="Link to this heading">#</a></h2><p>x</p>' +
        '<h3 class="c" id="b-c">B <span class="katex">x</span><a class="heading-link" href="#b-c" aria-label="Link to this heading">#</a></h3>' +
        '<h5 id="e">E<a class="heading-link" href="#e" aria-label="Link to this heading">#</a></h5>',
    );
  });

  it('leaves headings without an id, h1 and h6 alone, and does not link twice', () => {
    const html = '<h1 id="t">T</h1><h2>No id</h2><h6 id="s">S</h6>';
    expect(withHeadingLinks(html, 'L')).toBe(html);
    const once = withHeadingLinks('<h2 id="a">A</h2>', 'L');
    expect(withHeadingLinks(once, 'L')).toBe(once);
  });

  it('keeps a Chinese id as written, and escapes the label', () => {
    expect(withHeadingLinks('<h2 id="模型">模型</h2>', '指向这个标题的链接')).toBe('<h2 id="模型">模型<a class="heading-link" href="#模型" aria-label="指向这个标题的链接">#</a></h2>');
    expect(withHeadingLinks('<h2 id="a">A</h2>', 'a "b"')).toContain('aria-label="a &quot;b&quot;"');
  });
});
