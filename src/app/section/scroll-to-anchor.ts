/**
 * Scrolls to a deep link's target and keeps it there while the blocks above it render. Section
 * blocks use `content-visibility: auto`, so blocks not yet shown count with an estimated height:
 * the first scroll lands where the target would be if the estimates were right, and the target
 * moves as those blocks render (a citation's link into the bibliography landed 2,500 px off).
 * Re-aims each frame until the target stays put, for at most ~2 s, and stops at once when the
 * reader scrolls, clicks or types. Returns a function that stops it (the page changed).
 */
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

export function scrollToAnchor(target: HTMLElement): () => void {
  target.scrollIntoView({ block: 'start' });
  // Where scrollIntoView puts the target: the page's scroll padding (the header and toolbar) plus
  // the target's own scroll margin below the window's top.
  const wantedTop = (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + (parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
  const atBottom = () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
  let frames = 0;
  let still = 0;
  let done = false;
  const stop = () => {
    if (done) return;
    done = true;
    for (const e of READER_INPUT) window.removeEventListener(e, stop);
  };
  for (const e of READER_INPUT) window.addEventListener(e, stop, { passive: true });
  const tick = () => {
    if (done) return;
    if (!target.isConnected) return stop();
    // Off its place, and the page could scroll further: the page is still growing above it (or
    // was too short to scroll so far when the first scroll happened).
    if (Math.abs(target.getBoundingClientRect().top - wantedTop) > 1 && !atBottom()) {
      target.scrollIntoView({ block: 'start' });
      still = 0;
    } else still++;
    // ten quiet frames in a row: the blocks above have their real sizes
    if (still >= 10 || ++frames > 120) return stop();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return stop;
}
