/**
 * The sandbox frame. The page loads kernel-frame.html in an <iframe sandbox="allow-scripts">,
 * so this document — and the worker it starts — runs in an opaque origin: no access to the
 * site's storage (the reader's saved edits), cookies or DOM. It starts the kernel worker and
 * hands it the MessagePort the page sent; from then on page and worker talk directly.
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

// The page's origin is not ours to name (we are opaque); the page checks the message's source.
window.parent.postMessage({ type: 'frame-ready' }, '*');
