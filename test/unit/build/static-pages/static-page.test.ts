import { describe, expect, it } from 'vitest';
import type { BookToc, CompiledSection } from '../../../../src/content/types';
import { appHeadOf, coverNoScript, sectionPageHtml, withNoScriptCover } from '../../../../src/build/static-pages/static-page';
import { describe as describeText, staticSite } from '../../../../src/build/static-pages/static-site';
import { highlightedCode } from '../../../../src/build/static-pages/highlight-code';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self'"
    />
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
    <title>Book</title>
    <script type="module" crossorigin src="./assets/main-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/main-def.css">
  </head>
  <body>
    <div id="root"></div>
    <noscript>This book needs JavaScript.</noscript>
  </body>
</html>`;

const toc = (b: string): BookToc => ({
  version: 'v',
  parts: [
    {
      slug: '01-pre',
      number: '1',
      title: 'Pre',
      introHtml: '<p>Intro, see <a href="#/01-pre/02-b">this</a>.</p>',
      sections: [
        { slug: '01-pre/01-a', partSlug: '01-pre', number: '1.1', title: 'A & more', version: 'x', headings: [{ id: 'h-one', text: 'One', level: 2, number: '1.1.1' }] },
        { slug: '01-pre/02-b', partSlug: '01-pre', number: '1.2', title: b, version: 'y', headings: [] },
      ],
    },
  ],
});

const section = (lang: 'en' | 'zh'): CompiledSection => ({
  slug: '01-pre/01-a',
  partSlug: '01-pre',
  number: '1.1',
  title: lang === 'en' ? 'A & more' : '甲',
  headings: [{ id: 'h-one', text: 'One', level: 2, number: '1.1.1' }],
  recorded: { backend: 'wasm', recordedAt: '2026-12-01T10:00:00Z', passed: true },
  prev: null,
  next: { slug: '01-pre/02-b', number: '1.2', title: 'B' },
  blocks: [
    { kind: 'html', html: '<p>See <a class="xref" href="#/01-pre/02-b#x">Section 1.2</a>.</p>\n<h2 id="h-one"><span class="heading-number">1.1.1</span> One</h2>' },
    {
      kind: 'cell',
      cell: { id: 'cell-1', lang: 'js', code: 'const x = nd.ones([2]); // one\nprint(x)', attrs: {}, line: 3, runnable: true },
      sourceHash: 'h',
      stale: false,
      recorded: { id: 'cell-1', sourceHash: 'h', status: 'ok', durationMs: 3, outputs: [{ kind: 'text', stream: 'stdout', text: '[1. 1.]\n' }] },
    },
    {
      kind: 'cell',
      cell: { id: 'cell-2', lang: 'js', code: 'print(2)', attrs: {}, line: 9, runnable: true },
      sourceHash: 'new',
      stale: true,
      recorded: { id: 'cell-2', sourceHash: 'old', status: 'ok', durationMs: 3, outputs: [{ kind: 'text', stream: 'stdout', text: 'stale output' }] },
    },
  ],
});

const app = appHeadOf(INDEX, './assets/static-page-1.css');
const tocs = { en: toc('B'), zh: toc('乙') };

describe('a section as a static page', () => {
  const { path, html } = sectionPageHtml({ app, lang: 'en', toc: tocs.en, tocs, section: section('en'), description: 'About "A".' });

  it('lives at en/<part>/<section>.html with the app head, paths from the page', () => {
    expect(path).toBe('en/01-pre/01-a.html');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>1.1 A &amp; more · Hands-on Deep Learning</title>');
    expect(html).toContain('<meta name="description" content="About &quot;A&quot;." />');
    expect(html).toContain(`content="default-src 'self'; script-src 'self'"`);
    expect(html).toContain('<script type="module" crossorigin src="../../assets/main-abc.js"></script>');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="../../assets/main-def.css">');
    expect(html).toContain('<link rel="icon" href="../../favicon.svg"');
    expect(html).toContain('<link rel="stylesheet" href="../../assets/static-page-1.css" />');
    expect(html).toContain('<meta name="handson-app-url" content="../../#/01-pre/01-a" />');
    expect(html).toContain('<link rel="alternate" hreflang="zh-CN" href="../../zh/01-pre/01-a.html"/>');
    expect(html).not.toMatch(/<script(?![^>]*src=)/); // no inline script: the CSP holds
  });

  it('has the prose with its links rewritten and its ids, the code highlighted, and current recorded outputs only', () => {
    expect(html).toContain('<a class="xref" href="02-b.html#x">Section 1.2</a>');
    expect(html).toContain('<h2 id="h-one"><span class="heading-number">1.1.1</span> One<a class="heading-link" href="#h-one" aria-label="Link to this heading">#</a></h2>');
    expect(html).toContain('<div class="cell static-cell" data-cell-id="cell-1"><pre class="cell-static"><code class="language-js"><span class="tok-keyword">const</span>');
    expect(html).toContain('<div class="recorded-label" title="Recorded when the book was built on wasm');
    expect(html).toContain('<pre class="output output-text output-stdout">[1. 1.]\n</pre>');
    expect(html).not.toContain('stale output');
    expect(html).toContain('<div class="cell static-cell" data-cell-id="cell-2">');
  });

  it('has the header, the table of contents with the section’s headings, and prev/next', () => {
    expect(html).toContain('<a class="book-title" href="../index.html">');
    expect(html).toContain('<a class="static-other-edition" lang="zh-CN" hreflang="zh-CN" href="../../zh/01-pre/01-a.html">中文版</a>');
    expect(html).toContain('<a href="01-a.html" aria-current="page"><span class="toc-number">1.1</span> A &amp; more</a><ol class="toc-headings"><li><a href="#h-one">One</a></li></ol>');
    expect(html).toContain('<a class="toc-part-title" href="index.html">');
    expect(html).toContain('<a class="next" href="02-b.html" rel="next">');
    expect(html).not.toContain('rel="prev"');
    expect(html).toContain('href="../../#/reference"');
  });

  it('the Chinese page is in Chinese', () => {
    const zh = sectionPageHtml({ app, lang: 'zh', toc: tocs.zh, tocs, section: section('zh'), description: '甲' }).html;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<meta name="handson-app-url" content="../../#/zh/01-pre/01-a" />');
    expect(zh).toContain('href="../../en/01-pre/01-a.html">English</a>');
    expect(zh).toMatch(/<div class="recorded-label"[^>]*>[^<]*[\u4e00-\u9fff]/);
    expect(zh).toContain('<a class="heading-link" href="#h-one" aria-label="指向这个标题的链接">#</a></h2>');
  });
});

describe('the site', () => {
  it('has per edition its contents page, part pages and section pages, and a cover <noscript>', () => {
    const sections = (lang: 'en' | 'zh') => new Map([section(lang), { ...section(lang), slug: '01-pre/02-b', number: '1.2', title: 'B', prev: { slug: '01-pre/01-a', number: '1.1', title: 'A' }, next: null }].map((s) => [s.slug, s]));
    const site = staticSite(app, { en: { toc: tocs.en, sections: sections('en'), search: [{ slug: '01-pre/01-a', number: '1.1', title: 'A', text: 'Intro text.' }] }, zh: { toc: tocs.zh, sections: sections('zh'), search: [] } });
    expect(site.files.map((f) => f.path)).toEqual(['en/index.html', 'en/01-pre/index.html', 'en/01-pre/01-a.html', 'en/01-pre/02-b.html', 'zh/index.html', 'zh/01-pre/index.html', 'zh/01-pre/01-a.html', 'zh/01-pre/02-b.html']);
    expect(site.files[2]!.html).toContain('<meta name="description" content="Intro text." />');
    expect(site.files[1]!.html).toContain('<p>Intro, see <a href="02-b.html">this</a>.</p>');
    expect(site.files[1]!.html).toContain('<meta name="description" content="Intro, see this." />');
    expect(site.coverNoScript).toContain('<a href="en/01-pre/01-a.html"><span class="toc-number">1.1</span> A &amp; more</a>');
    expect(site.coverNoScript).toContain('<a href="zh/index.html">目录：');
  });

  it('the cover gets the table of contents in its <noscript>, and the static stylesheet for no-script readers only', () => {
    const out = withNoScriptCover(INDEX, coverNoScript('en', tocs.en, ['zh']), './assets/static-page-1.css');
    expect(out).not.toContain('This book needs JavaScript.');
    expect(out).toContain('<noscript><div class="static-page static-cover">');
    expect(out).toContain('<noscript><link rel="stylesheet" href="./assets/static-page-1.css" /></noscript>\n  </head>');
    expect(() => withNoScriptCover('<html></html>', '', '')).toThrow(/no <noscript>/);
    expect(() => appHeadOf('<html></html>', '')).toThrow(/Content-Security-Policy/);
  });

  it('descriptions are cut at a word', () => {
    expect(describeText('one two three four five', 14)).toBe('one two three…');
    expect(describeText('一二三四五六七八九十', 5)).toBe('一二三四五…');
    expect(describeText('short', 12)).toBe('short');
  });

  it('highlights JavaScript and TypeScript and escapes everything', () => {
    expect(highlightedCode('let a = "<b>";', 'js')).toBe('<span class="tok-keyword">let</span> <span class="tok-variableName tok-definition">a</span> <span class="tok-operator">=</span> <span class="tok-string">&quot;&lt;b&gt;&quot;</span><span class="tok-punctuation">;</span>');
    expect(highlightedCode('const n: number = 1', 'ts')).toContain('<span class="tok-typeName">number</span>');
  });
});
