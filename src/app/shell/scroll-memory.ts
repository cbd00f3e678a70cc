/**
 * Back and Forward return to where the reader was, as on any web page: each history entry keeps
 * its scroll position (in history.state, written when scrolling stops), and a Back/Forward
 * navigation hands it to the page that renders next, instead of its anchor or the top.
 */
const SAVE_AFTER_MS = 150;
/** A restore that no page took within this time is dropped (a later navigation must not jump). */
const PENDING_MS = 3000;

let pending: { y: number; at: number } | null = null;

function scrollYOf(state: unknown): number | null {
  if (state === null || typeof state !== 'object') return null;
  const y = (state as { scrollY?: unknown }).scrollY;
  return typeof y === 'number' && Number.isFinite(y) && y >= 0 ? y : null;
}

export function installScrollMemory(): void {
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  let timer: ReturnType<typeof setTimeout> | null = null;
  window.addEventListener(
    'scroll',
    () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const state = history.state !== null && typeof history.state === 'object' ? (history.state as object) : {};
        history.replaceState({ ...state, scrollY: Math.round(window.scrollY) }, '');
      }, SAVE_AFTER_MS);
    },
    { passive: true },
  );
  // The position must be saved before the entry changes: a click on a link leaves this entry now.
  window.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element | null)?.closest?.('a[href^="#"]')) {
        if (timer !== null) clearTimeout(timer);
        const state = history.state !== null && typeof history.state === 'object' ? (history.state as object) : {};
        history.replaceState({ ...state, scrollY: Math.round(window.scrollY) }, '');
      }
    },
    true,
  );
  window.addEventListener('popstate', (e) => {
    const y = scrollYOf(e.state);
    pending = y === null ? null : { y, at: performance.now() };
  });
}

/**
 * Called by a page as it lays out after a route change: true when this was Back/Forward and the
 * saved position was applied (then the page must not scroll to its anchor or the top).
 */
export function restoreScroll(): boolean {
  const p = pending;
  pending = null;
  if (!p || performance.now() - p.at > PENDING_MS) return false;
  window.scrollTo({ top: p.y });
  // Editors and images below may still grow the page: apply it again once they have.
  requestAnimationFrame(() => Math.abs(window.scrollY - p.y) > 2 && window.scrollTo({ top: p.y }));
  return true;
}
