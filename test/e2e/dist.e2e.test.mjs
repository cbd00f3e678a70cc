// What `vite build` puts in dist/ (issue 21): only what readers need (no test harness, bench or
// check pages), the header file for hosts that read one, and a service worker whose precache
// holds every file the book needs offline (all but the datasets and the header file).
//   npx vite build && node --test test/e2e/dist.e2e.test.mjs      (DIST_DIR: another build)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FRAMING_HEADERS, ISOLATION_HEADERS } from '../../scripts/headers-file.mjs';

const dist = process.env.DIST_DIR ?? 'dist';

/** Every file under dir, as paths relative to it with forward slashes. */
function files(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** The URLs in the service worker's precache manifest (injected by workbox-build as {url, revision} objects). */
function precached() {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{"revision":(?:"[^"]*"|null),"url":"([^"]+)"\}/g)].map((m) => m[1]);
}

describe(`the built site (${dist})`, () => {
  const all = existsSync(dist) ? files(dist) : [];

  it('holds the reader pages and no harness, bench or check pages', () => {
    assert.ok(all.includes('index.html'), `${dist}/index.html is missing: build first (npx vite build)`);
    assert.ok(all.includes('kernel-frame.html'));
    // Besides the app, the static pages for readers without JavaScript (src/build/static-pages-plugin.ts).
    const isStatic = (f) => /^(en|zh)\/([^/]+\/)?[^/]+\.html$/.test(f);
    const pages = all.filter((f) => f.endsWith('.html') && !isStatic(f));
    assert.deepEqual(pages.sort(), ['index.html', 'kernel-frame.html'], `pages other than the book's: ${pages.join(', ')}`);
    const sections = all.filter((f) => isStatic(f) && !f.endsWith('/index.html'));
    assert.ok(sections.filter((f) => f.startsWith('en/')).length >= 40 && sections.filter((f) => f.startsWith('zh/')).length >= 40, `static pages of both editions: ${sections.length}`);
    const stray = all.filter((f) => f.startsWith('test/') || /harness|bench|dispatch|wasm-check/i.test(f));
    assert.deepEqual(stray, [], `test or bench files in ${dist}: ${stray.join(', ')}`);
  });

  it('has a _headers file with isolation and framing headers for every path', () => {
    const text = readFileSync(path.join(dist, '_headers'), 'utf8');
    // Netlify's syntax: a path line, then its headers indented.
    const lines = text.split('\n');
    const start = lines.indexOf('/*');
    assert.ok(start >= 0, `no "/*" block in _headers:\n${text}`);
    const end = lines.findIndex((l, i) => i > start && !l.startsWith('  '));
    const block = lines.slice(start + 1, end < 0 ? undefined : end).map((l) => l.trim());
    for (const [name, value] of Object.entries({ ...ISOLATION_HEADERS, ...FRAMING_HEADERS })) {
      assert.ok(block.includes(`${name}: ${value}`), `_headers lacks "${name}: ${value}" for /*`);
    }
    assert.equal(ISOLATION_HEADERS['Cross-Origin-Embedder-Policy'], 'require-corp');
    assert.equal(ISOLATION_HEADERS['Cross-Origin-Opener-Policy'], 'same-origin');
  });

  it('has .nojekyll, so GitHub Pages publishes files whose names start with an underscore', () => {
    assert.ok(all.includes('.nojekyll'));
  });

  it("precaches every file the book needs offline, and nothing that is not in dist/", () => {
    const urls = precached();
    assert.ok(urls.length > 20, `the precache manifest of sw.js has ${urls.length} entries`);
    const missing = urls.filter((u) => !all.includes(u));
    assert.deepEqual(missing, [], 'precached files that are not in dist/');
    // KaTeX's .woff and .ttf are fallbacks for browsers without woff2, and every browser with
    // service workers reads woff2 (listed first in KaTeX's @font-face): never fetched offline.
    // The static pages (en/, zh/) are for readers without JavaScript; offline readers use the app.
    // lib/: the library for notebooks outside the page (Deno imports it from the site), which the page never loads.
    const needed = all.filter((f) => !f.startsWith('data/') && !f.startsWith('lib/') && !/^(en|zh)\//.test(f) && f !== '_headers' && f !== 'sw.js' && !f.endsWith('.map') && !/\.(woff|ttf)$/.test(f) && !/(^|\/)\./.test(f));
    const notCached = needed.filter((f) => !urls.includes(f));
    assert.deepEqual(notCached, [], 'files of the book the service worker does not precache (they would fail offline)');
    assert.ok(urls.some((u) => /threaded-simd\.wasm$/.test(u)) && urls.some((u) => /KaTeX_Main-Regular.*\.woff2$/.test(u)), 'WASM binaries and fonts are precached');
    assert.ok(!urls.some((u) => u.startsWith('data/')), 'datasets are not precached (fetched on use or on "make this book available offline")');
    assert.ok(!urls.some((u) => /^(en|zh)\//.test(u)), 'the static pages are not precached');
  });

  it('holds the library for notebooks outside the page, one module, not precached', () => {
    assert.deepEqual(all.filter((f) => f.startsWith('lib/')), ['lib/handson-lib.mjs']);
    assert.ok(!precached().some((u) => u.startsWith('lib/')), 'the page never loads it: readers offline do not need it');
  });
});
