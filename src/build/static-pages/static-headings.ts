/**
 * Headings' links to themselves on a static page, as the app draws them (section/html-block.tsx):
 * each h2-h5 with an id in the prose ends with `<a class="heading-link" aria-label="...">#</a>`,
 * styled by the app's prose.css. The app links to its hash route; a static page links to the id
 * on the same page (as its table of contents does), which works without JavaScript. Pure.
 */
import { escapeHtml } from './escape-html';

/** An h2-h5 element with an id attribute, whole (headings hold inline markup only, never another heading). */
const HEADING = /<(h[2-5])\b([^>]*\bid="([^"]+)"[^>]*)>([\s\S]*?)<\/\1>/g;

/** `html` with a self-link appended inside every h2-h5 that has an id (and no self-link yet). */
export function withHeadingLinks(html: string, label: string): string {
  return html.replace(HEADING, (whole, tag: string, attrs: string, id: string, inner: string) => {
    if (inner.includes('class="heading-link"')) return whole;
    // `id` is the attribute's text as written (already escaped): the fragment is the same text.
    return `<${tag}${attrs}>${inner}<a class="heading-link" href="#${id}" aria-label="${escapeHtml(label)}">#</a></${tag}>`;
  });
}
