/**
 * Cross-origin isolation for hosts that cannot send headers (the technique of
 * coi-serviceworker): the service worker answers the site's own requests, so it can add
 * COOP/COEP to them. A page (and the kernel frame) loaded through it is then cross-origin
 * isolated: SharedArrayBuffer, so WASM threads and the kernel's soft interrupt work. Documents
 * also get frame-ancestors 'self': only the book itself may frame its pages.
 * The header values live in scripts/headers-file.mjs, shared with the dev server and dist/_headers.
 */
import { FRAMING_HEADERS, ISOLATION_HEADERS } from '../../scripts/headers-file.mjs';

/** Fetch destinations that are documents: the book's page and its kernel frame. */
const DOCUMENTS = new Set(['document', 'iframe', 'frame']);

/**
 * The response with the isolation headers (and, for documents, the framing ones) added; the
 * body is passed through unread. Opaque and error responses are returned as they are: their
 * headers cannot be read or rewritten, and a rebuilt opaque response would leak nothing but
 * break the fetch.
 */
export function withIsolationHeaders(response: Response, destination: string): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.type === 'error' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  if (DOCUMENTS.has(destination)) for (const [name, value] of Object.entries(FRAMING_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A Workbox plugin: every response the strategies hand to the page goes through withIsolationHeaders. */
export const isolationPlugin = {
  handlerWillRespond: async ({ request, response }: { request: Request; response: Response }): Promise<Response> => withIsolationHeaders(response, request.destination),
};
