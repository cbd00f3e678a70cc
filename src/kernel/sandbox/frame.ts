/**
 * The kernel frame. The page loads kernel-frame.html in a hidden iframe; its strict CSP (script
 * only from this site, blobs and eval; network only to this site) is inherited by the worker it
 * starts from a blob, and that worker runs the cells. Why not an opaque-origin sandbox
 * (sandbox="allow-scripts")? Measured in Chromium 156: a worker started there is either not a
 * secure context (blob:null, so no navigator.gpu) or never gets a WebGPU adapter (data: URL), and
 * WebGPU is the book's first device. The worker has no DOM, no parent, no localStorage (where
 * the reader's edits live), cannot navigate, and lockdown.ts cuts its global scope down to an
 * allowlist before any cell runs; test/reliability/kernel-trust.e2e.test.mjs runs the attack cells.
 *
 * Who may connect: only this frame's parent, of this frame's own origin, with the secret the
 * page put in this frame's URL (`#<secret>`), and only when no ancestor is of another origin. A
 * page of another site that frames kernel-frame.html (or the reader) gets no kernel.
 */
import KernelWorker from './worker?worker&inline';
import { foreignAncestor } from '../page/framing';

interface ConnectMessage {
  type: 'connect';
  port: MessagePort;
  secret: string;
}

function isConnect(data: unknown): data is ConnectMessage {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<ConnectMessage>;
  return d.type === 'connect' && d.port instanceof MessagePort && typeof d.secret === 'string';
}

/**
 * In the build the worker is a blob: nothing of the site's own scripts need load after it, so the
 * worker gets a second policy that allows scripts only from blobs (policies add up: both apply).
 * A cell's `import(siteUrl + '/x.js?data')` is then refused instead of requesting a same-origin
 * URL (which could carry data to the origin). The dev server serves the worker's modules from
 * the site, so there it stays off.
 */
function blobOnlyScripts(): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "script-src blob: 'unsafe-eval' 'wasm-unsafe-eval'; worker-src blob:";
  document.head.append(meta);
}

const secret = location.hash.slice(1);
const foreign = foreignAncestor();
let worker: Worker | null = null;

if (foreign !== null) {
  console.error(`kernel frame: framed by another origin (${foreign}); no kernel starts here.`);
} else {
  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== window.parent || e.origin !== location.origin || worker !== null) return;
    if (!isConnect(e.data) || secret.length < 32 || e.data.secret !== secret) return;
    if (import.meta.env.PROD) blobOnlyScripts();
    worker = new KernelWorker();
    // A worker that fails to load (a script error, a CSP refusal) would otherwise die silently
    // and the page would wait forever for "idle": tell the page what happened.
    worker.addEventListener('error', (err) => {
      const message = err.message || 'the kernel worker failed to load';
      console.error(`kernel worker: ${message} (${err.filename}:${err.lineno})`);
      window.parent.postMessage({ type: 'worker-error', message }, location.origin);
    });
    worker.postMessage({ type: 'connect', port: e.data.port }, [e.data.port]);
  });
  // The page checks the message's source (this frame's window) and origin.
  window.parent.postMessage({ type: 'frame-ready' }, location.origin);
}
