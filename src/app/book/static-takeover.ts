/**
 * A static page (dist/<lang>/.../<section>.html, written at build time for readers without
 * JavaScript: src/build/static-pages/) opened with JavaScript on becomes the app on the same page.
 * This is not hydration: the app's tree (editors, kernel sessions) differs from the static markup,
 * so the app does not adopt that markup, it replaces it. What happens, in order:
 *
 * 1. Here, when this module loads (imported first in main.tsx, before any module resolves a URL
 *    against the page or registers the service worker): the page's `<meta name="handson-app-url">`
 *    names the app's URL for it (the site root plus the hash route, relative to the page); the URL
 *    becomes that one, keeping the `#anchor`, with history.replaceState: no reload, and a reload
 *    or a shared link afterwards opens the app itself.
 * 2. main.tsx waits for the section's chunk before the first render (the static text stays on
 *    screen meanwhile, instead of a "Loading" shell), and if the reader scrolled the static page,
 *    hands its position to the scroll memory (the static section body has one child per block, as
 *    the app's, so the position carries over as "block i, so many pixels into it").
 * 3. React's first commit into #root removes the static markup and puts the app's in its place, in
 *    one frame; the section then scrolls to that position, else to the anchor, else to the top.
 */
let readerMoved = false;
const onInput = () => {
  readerMoved = true;
};
const INPUT = ['wheel', 'touchmove', 'keydown', 'mousedown'] as const;

/** Moves a static page's URL to the app's; true when this was a static page. */
function leaveStaticPage(): boolean {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="handson-app-url"]');
  if (!meta) return false;
  const app = new URL(meta.content, location.href);
  // `section.html#the-model` -> `<root>#/<part>/<section>#the-model` (content/links.ts's form).
  const anchor = location.hash.length > 1 ? location.hash : '';
  try {
    history.replaceState(history.state, '', app.pathname + app.search + app.hash + anchor);
  } catch {
    // A page opened from disk (file:, an opaque origin) may not change its path: load the app's page instead.
    location.replace(app.href + anchor);
  }
  for (const e of INPUT) window.addEventListener(e, onInput, { passive: true, capture: true, once: true });
  return true;
}

/** Done when this module is first imported: main.tsx imports it before anything else. */
export const fromStaticPage = leaveStaticPage();

/** Whether the reader scrolled the static page themselves (or there was no anchor to go to): then keep where they are. */
export function keepStaticScroll(hadAnchor: boolean): boolean {
  for (const e of INPUT) window.removeEventListener(e, onInput, { capture: true });
  return window.scrollY > 0 && (readerMoved || !hadAnchor);
}
