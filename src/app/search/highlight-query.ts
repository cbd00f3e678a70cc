/**
 * Marks the words of a search on the page the reader opened from the results, as documentation
 * sites do. Uses the CSS Custom Highlight API: ranges over the prose's text nodes, no change to
 * the DOM React owns. The marks stay until the reader leaves the section or searches again.
 */
const NAME = 'search-query';
const WAIT_MS = 5000;

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/** Ranges of every occurrence of the terms in the prose of `root` (not in code cells: their editors redraw). */
export function rangesOf(root: Element, terms: readonly string[]): Range[] {
  const wanted = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 1);
  if (wanted.length === 0) return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('.cell, .katex, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').toLowerCase();
    for (const term of wanted) {
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + term.length);
        ranges.push(r);
      }
    }
  }
  return ranges;
}

let cancel: (() => void) | null = null;

/** Once section `slug` is on the page, marks the terms in it and brings the first mark under `anchor` into view. */
export function highlightOnPage(slug: string, anchor: string | null, terms: readonly string[]): void {
  const reg = registry();
  cancel?.();
  if (!reg) return;
  reg.highlights.delete(NAME);
  const started = performance.now();
  let frame = 0;
  const attempt = () => {
    const body = document.querySelector(`.section[data-slug="${CSS.escape(slug)}"] .section-body`);
    if (!body) {
      if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(attempt);
      return;
    }
    const ranges = rangesOf(body, terms);
    if (ranges.length === 0) return;
    reg.highlights.set(NAME, new reg.Highlight(...ranges));
    const start = anchor ? document.getElementById(anchor) : null;
    const first = start ? ranges.find((r) => start.compareDocumentPosition(r.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING) : ranges[0];
    const rect = first?.getBoundingClientRect();
    // Only when the match is not already on screen below the heading the route scrolled to.
    if (first && rect && (rect.top < 0 || rect.bottom > innerHeight)) first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    document.documentElement.dataset['searchMarks'] = String(ranges.length);
    const clear = () => {
      if (!location.hash.startsWith(`#/${slug}`)) {
        reg.highlights.delete(NAME);
        delete document.documentElement.dataset['searchMarks'];
        window.removeEventListener('hashchange', clear);
      }
    };
    window.addEventListener('hashchange', clear);
  };
  // After the route change renders (and the section loads, when it was not loaded yet).
  frame = requestAnimationFrame(attempt);
  cancel = () => cancelAnimationFrame(frame);
}
