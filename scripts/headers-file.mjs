// The HTTP headers the book wants from its host, in one place: the dev server and `vite preview`
// send them (vite.config.ts), the build writes them to dist/_headers for hosts that read that
// file (Netlify, Cloudflare Pages), the README's nginx snippet repeats them, and the service
// worker (src/sw/isolation.ts) adds the isolation ones itself where the host sends none.

/**
 * Cross-origin isolation (COOP + COEP) enables SharedArrayBuffer: WASM threads and the kernel's
 * soft interrupt need it. CORP and CORS: the kernel frame's requests for the site's own scripts
 * and WASM files stay loadable from any frame the site itself creates.
 */
export const ISOLATION_HEADERS = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Access-Control-Allow-Origin': '*',
});

/**
 * No other site may frame the book (clickjacking its Run buttons, or hosting its kernel): only a
 * response header can say so (a <meta> CSP cannot carry frame-ancestors). X-Frame-Options for
 * browsers without CSP level 2.
 */
export const FRAMING_HEADERS = Object.freeze({
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
});

/** dist/_headers (Netlify / Cloudflare Pages syntax): every file gets both sets; sw.js is never cached. */
export function headersFileText() {
  const lines = (h) => Object.entries(h).map(([k, v]) => `  ${k}: ${v}`);
  return [
    '# Written by the build (scripts/headers-file.mjs). Hosts that read _headers: Netlify, Cloudflare Pages.',
    '/*',
    ...lines(ISOLATION_HEADERS),
    ...lines(FRAMING_HEADERS),
    '/sw.js',
    '  Cache-Control: no-cache',
    '',
  ].join('\n');
}

/**
 * Vite plugin: emits dist/_headers on `vite build`, and dist/.nojekyll, which tells GitHub Pages
 * to publish the files as they are (its default Jekyll step drops every file whose name starts
 * with an underscore, and the bundler may name a chunk so).
 */
export function headersFilePlugin() {
  return {
    name: 'handson-headers-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFileText() });
      this.emitFile({ type: 'asset', fileName: '.nojekyll', source: '' });
    },
  };
}
