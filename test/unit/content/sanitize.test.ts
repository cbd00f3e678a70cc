/**
 * Chapter HTML is cleaned at build with an allowlist (src/content/sanitize-chapter-html.ts, issue
 * 14): a hostile chapter cannot navigate the reader (`<meta http-equiv="refresh">`), cover the page
 * (`position:fixed`), run handlers or scripts, or link to `javascript:`; the book's own chapters,
 * KaTeX included, come out byte for byte as markdown-it and KaTeX wrote them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sanitizeHtml from 'sanitize-html';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBook } from '../../../src/content/read-book';
import { CHAPTER_HTML_POLICY, reserializeHtml, sanitizeChapterHtml } from '../../../src/content/sanitize-chapter-html';

const HOSTILE = `
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">
<style>body { display: none }</style>
<script>alert(1)</script>
<iframe src="https://evil.example/"></iframe>
<object data="x.swf"></object><embed src="x.swf">
<form action="https://evil.example/"><input name="q"><button>Send</button></form>
<div style="position:fixed;top:0;left:0;width:99em;height:99em;z-index:9999;background:url(https://evil.example/x.png)">overlay</div>
<p onclick="alert(1)" onmouseover="alert(2)">handlers</p>
<a href="javascript:alert(1)">js</a> <a href="data:text/html,<script>alert(1)</script>">data</a> <a href="//evil.example/">proto-relative</a>
<img src="x" onerror="alert(1)"> <svg><script>alert(1)</script><path d="M0 0" onload="alert(1)"/></svg>
<span style="top:-9999em;position:absolute">far</span>
<a href="https://example.org/" title="ok">fine link</a> <a href="#/01-basics/01-data">fine hash</a> <a href="mailto:a@b.c">mail</a>
`;

function clean(html: string): string {
  return sanitizeChapterHtml(html);
}

describe('the allowlist', () => {
  const out = clean(HOSTILE);
  it.each(['<meta', '<base', '<link', '<style', '<script', '<iframe', '<object', '<embed', '<form', '<input', '<button', 'alert(', 'onclick', 'onmouseover', 'onerror', 'onload', 'javascript:', 'data:', '//evil.example', 'position:fixed', 'position:absolute', 'z-index', 'url(', '9999'])(
    'removes %s',
    (needle) => {
      expect(out).not.toContain(needle);
    },
  );

  it('keeps http(s), mailto and #/ links, and the text', () => {
    expect(out).toContain('<a href="https://example.org/" title="ok">fine link</a>');
    expect(out).toContain('<a href="#/01-basics/01-data">fine hash</a>');
    expect(out).toContain('<a href="mailto:a@b.c">mail</a>');
    expect(out).toContain('overlay');
    expect(out).toContain('handlers');
  });
});

describe('a hostile chapter, compiled', () => {
  const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
  const work = mkdtempSync(join(tmpdir(), 'sanitize-book-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reaches the reader without its markup, and the rest of the section is whole', () => {
    cpSync(fixtures, work, { recursive: true });
    const file = join(work, 'chapters/01-basics/01-data.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n${HOSTILE}\n\nAfter the attack, $x^2$ still renders.\n`);
    const section = loadBook({ root: work }).sections.get('01-basics/01-data')!;
    const html = section.blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('');
    for (const needle of ['<meta', '<base', '<script', '<iframe', '<form', 'onclick', 'javascript:', 'position:fixed']) expect(html).not.toContain(needle);
    expect(html).toMatch(/After the attack, <span class="katex">/);
  });
});

describe('the book’s own chapters', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const book = loadBook({ root });

  it('lose nothing to the allowlist: every block keeps every element, attribute and style', () => {
    let blocks = 0;
    for (const [slug, section] of book.sections) {
      for (const b of section.blocks) {
        if (b.kind !== 'html') continue;
        blocks++;
        expect(sanitizeHtml(b.html, CHAPTER_HTML_POLICY), slug).toBe(reserializeHtml(b.html));
      }
    }
    for (const p of book.toc.parts) expect(sanitizeHtml(p.introHtml, CHAPTER_HTML_POLICY)).toBe(reserializeHtml(p.introHtml));
    expect(blocks).toBeGreaterThan(100);
  });

  it('and are shipped byte for byte as rendered (KaTeX styles, &nbsp;)', () => {
    const katex = [...book.sections.values()].flatMap((s) => s.blocks).find((b) => b.kind === 'html' && b.html.includes('katex-strut'));
    expect(katex?.kind === 'html' && katex.html).toMatch(/style="height:[\d.]+em;(vertical-align:-?[\d.]+em;)?"/);
    expect(clean('<p>Section&nbsp;1.2 <span style="height:1em;"></span></p>')).toBe('<p>Section&nbsp;1.2 <span style="height:1em;"></span></p>');
  });
});
