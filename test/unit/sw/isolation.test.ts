// The service worker's header rewrite (src/sw/isolation.ts): what makes a page on a plain static
// host cross-origin isolated after the first load.
import { describe, expect, it } from 'vitest';
import { isolationPlugin, withIsolationHeaders } from '../../../src/sw/isolation';

describe('withIsolationHeaders', () => {
  it('adds COOP, COEP and CORP to the site own responses, keeping status, type and body', async () => {
    const res = withIsolationHeaders(new Response('<p>hi</p>', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/html', 'Cross-Origin-Embedder-Policy': 'unsafe-none' } }), 'script');
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(res.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('Content-Type')).toBe('text/html');
    expect(res.status).toBe(200);
    expect(res.statusText).toBe('OK');
    expect(await res.text()).toBe('<p>hi</p>');
    expect(res.headers.get('Content-Security-Policy')).toBeNull(); // framing headers only on documents
  });

  it("gives documents (the page and the kernel frame) frame-ancestors 'self'", () => {
    for (const destination of ['document', 'iframe']) {
      const res = withIsolationHeaders(new Response('x'), destination);
      expect(res.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'self'");
      expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    }
  });

  it('keeps error statuses (a 404 stays a 404)', () => {
    const res = withIsolationHeaders(new Response('not found', { status: 404 }), 'script');
    expect(res.status).toBe(404);
    expect(res.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });

  it('returns network errors as they are (their headers cannot be rewritten)', () => {
    const err = Response.error();
    expect(withIsolationHeaders(err, 'document')).toBe(err);
  });

  it('is the Workbox plugin the strategies use', async () => {
    const res = await isolationPlugin.handlerWillRespond({ request: new Request('http://x/index.html'), response: new Response('x') });
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  });
});
