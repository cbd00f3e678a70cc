/**
 * Back and Forward return to where the reader was, as on any web page: each history entry keeps
 * its scroll position (in history.state, written when scrolling stops), and a Back/Forward
 * navigation hands it to the page that renders next, instead of its anchor or the top.
 *
 * The position is kept as "block i of the section's body, so many pixels scrolled into it", not
 * as a bare scrollY: a section re-renders with plain code first and its editors later, so the
 * same pixel offset would land on other text (the browser's scroll anchoring then keeps the
 * restored block in place as the editors above it load).
 */
const SAVE_AFTER_MS = 150;
/** A restore that no page took within this time is dropped (a later navigation must not jump). */
const PENDING_MS = 3000;

interface Position {
  y: number;
  /** Index among the section body's children of the block at the top of the window, and how far it is scrolled (negative: still below the top). */
  block?: number;
  offset?: number;
  /** Or an element's id (a heading, figure or equation): that element, `offset` pixels scrolled past its top. */
  id?: string;
}

let pending: (Position & { at: number }) | null = null;

const blocks = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('.section-body > *')];

function positionNow(): Position {
  const y = Math.round(window.scrollY);
  const all = blocks();
  let block = -1;
  for (let i = 0; i < all.length; i++) {
    if (all[i]!.getBoundingClientRect().top <= 0) block = i;
    else break;
  }
  // A cell's height differs between renders (plain code, then its editor; a static page, then the
  // app): when prose follows it in the upper half of the window, hold on to that prose instead.
  const next = all[block + 1];
  if (block >= 0 && !all[block]!.classList.contains('prose') && next?.classList.contains('prose') && next.getBoundingClientRect().top < window.innerHeight / 2) block++;
  return block < 0 ? { y } : { y, block, offset: Math.round(-all[block]!.getBoundingClientRect().top) };
}

function positionOf(state: unknown): Position | null {
  if (state === null || typeof state !== 'object') return null;
  const p = (state as { scroll?: unknown }).scroll;
  if (p === null || typeof p !== 'object') return null;
  const { y, block, offset } = p as Record<string, unknown>;
  if (typeof y !== 'number' || !Number.isFinite(y) || y < 0) return null;
  return typeof block === 'number' && typeof offset === 'number' ? { y, block, offset } : { y };
}

function save(): void {
  const state = history.state !== null && typeof history.state === 'object' ? (history.state as object) : {};
  history.replaceState({ ...state, scroll: positionNow() }, '');
}

function targetOf(p: Position): number {
  const byId = p.id === undefined ? null : document.getElementById(p.id);
  if (byId) return byId.getBoundingClientRect().top + window.scrollY + (p.offset ?? 0);
  const el = p.block === undefined ? undefined : blocks()[p.block];
  return el ? el.getBoundingClientRect().top + window.scrollY + (p.offset ?? 0) : p.y;
}

/** How long the page may keep growing (lazy text, editors, images) while the position is held. */
const HOLD_MS = 1500;

/**
 * Scrolls to the position and holds it while the page is still growing below (the target may be
 * out of reach at first), until the reader scrolls or types themselves.
 */
function apply(p: Position): void {
  const until = performance.now() + HOLD_MS;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const ev of USER_INPUT) window.removeEventListener(ev, stop, true);
    window.removeEventListener('hashchange', stop);
  };
  for (const ev of USER_INPUT) window.addEventListener(ev, stop, { capture: true, passive: true });
  // Another navigation: this position belongs to the page being left.
  window.addEventListener('hashchange', stop, { once: true });
  const step = () => {
    if (stopped) return;
    const target = targetOf(p);
    if (Math.abs(window.scrollY - target) > 2) window.scrollTo({ top: target });
    if (performance.now() < until) requestAnimationFrame(step);
    else stop();
  };
  step();
}

const USER_INPUT = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

export function installScrollMemory(): void {
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  let timer: ReturnType<typeof setTimeout> | null = null;
  window.addEventListener(
    'scroll',
    () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        save();
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
        save();
      }
    },
    true,
  );
  window.addEventListener('popstate', (e) => {
    const p = positionOf(e.state);
    pending = p === null ? null : { ...p, at: performance.now() };
  });
}

/**
 * Keeps where the reader is now for the next page that lays out (a static page the app replaces:
 * book/static-takeover.ts): by an element with an id near the window's top (headings,
 * figures and equations have the same ids in both), else by block.
 */
export function holdScroll(): void {
  // The first one in the window's upper half, else the last one above the window: the reader sees
  // it now (a cell between it and the window's top may be drawn shorter by the app: long outputs).
  let best: HTMLElement | null = null;
  for (const el of document.querySelectorAll<HTMLElement>('.section-body > .prose > [id]')) {
    const top = el.getBoundingClientRect().top;
    if (top >= 0) {
      if (top < window.innerHeight / 2) best = el;
      break;
    }
    if (top > -window.innerHeight) best = el;
  }
  const offset = best ? Math.round(-best.getBoundingClientRect().top) : 0;
  pending = { ...positionNow(), ...(best ? { id: best.id, offset } : {}), at: performance.now() };
}

/**
 * Called by a page as it lays out after a route change: true when this was Back/Forward and the
 * saved position was applied (then the page must not scroll to its anchor or the top).
 */
export function restoreScroll(): boolean {
  const p = pending;
  pending = null;
  if (!p || performance.now() - p.at > PENDING_MS) return false;
  apply(p);
  return true;
}
