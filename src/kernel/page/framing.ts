/**
 * Who frames this page. The reader and the kernel frame refuse to start a kernel inside a page
 * of another origin (a site that frames the book could otherwise drive the kernel, or have the
 * reader click on a hidden page). Same-origin framing (the reader framing the kernel frame, a
 * page of the same site embedding the reader) is fine. Hosts that send `frame-ancestors` /
 * `X-Frame-Options` stop the framing itself; this check also holds on hosts that send no headers.
 */

/** The first ancestor origin that is not this page's own; null when there is none. */
export function foreignAncestor(win: Window = window): string | null {
  if (win.parent === win) return null;
  const own = win.location.origin;
  const listed = win.location.ancestorOrigins; // Chromium and Safari: every ancestor, nearest first
  if (listed) {
    for (let i = 0; i < listed.length; i++) if (listed[i] !== own) return listed[i] ?? 'another origin';
    return null;
  }
  // Elsewhere: walk up; reading a cross-origin window's location throws.
  for (let w: Window = win; w.parent !== w; w = w.parent) {
    try {
      if (w.parent.location.origin !== own) return w.parent.location.origin;
    } catch {
      return 'another origin';
    }
  }
  return null;
}

/** Thrown when the page is framed by another origin. */
export class ForeignFrameError extends Error {
  constructor(readonly ancestor: string) {
    super(
      `This page is shown inside a page of another site (${ancestor}), so the kernel does not start: ` +
        'a site that frames the book could otherwise run code in it or make you click on it unseen. ' +
        'Open the book in its own tab to run cells.',
    );
    this.name = 'ForeignFrameError';
  }
}

/** A secret for one kernel: the page puts it in the kernel frame's URL and sends it back with the handshake. */
export function kernelSecret(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
