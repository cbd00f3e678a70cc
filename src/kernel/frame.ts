/**
 * The kernel frame. The page loads kernel-frame.html in a hidden iframe; its strict CSP (script
 * only from this site, blobs and eval; network only to this site) is inherited by the worker it
 * starts from a blob, and that worker runs the cells. Why not an opaque-origin sandbox
 * (sandbox="allow-scripts")? Measured in Chromium 156: a worker started there is either not a
 * secure context (blob:null, so no navigator.gpu) or never gets a WebGPU adapter (data: URL), and
 * WebGPU is the book's first device. The worker has no DOM, no parent, no localStorage (where
 * the reader's edits live), cannot navigate, and lockdown.ts removes network, storage and
 * nested-worker APIs from its global scope before any cell runs; test/e2e/kernel.e2e.test.mjs
 * runs the attack cells.
 */
import KernelWorker from './worker?worker&inline';

interface ConnectMessage {
  type: 'connect';
  port: MessagePort;
}

let worker: Worker | null = null;

window.addEventListener('message', (e: MessageEvent<ConnectMessage>) => {
  if (e.source !== window.parent || e.data?.type !== 'connect' || worker !== null) return;
  worker = new KernelWorker();
  // A worker that fails to load (a script error, a CSP refusal) would otherwise die silently
  // and the page would wait forever for "idle": tell the page what happened.
  worker.addEventListener('error', (err) => {
    const message = err.message || 'the kernel worker failed to load';
    console.error(`kernel worker: ${message} (${err.filename}:${err.lineno})`);
    window.parent.postMessage({ type: 'worker-error', message }, '*');
  });
  worker.postMessage({ type: 'connect', port: e.data.port }, [e.data.port]);
});

// The page checks the message's source (this frame's window).
window.parent.postMessage({ type: 'frame-ready' }, '*');
