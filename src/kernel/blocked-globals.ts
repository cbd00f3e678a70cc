/**
 * What a sandboxed worker must not keep: every global that reaches the network or the origin's
 * storage, or starts code the sandbox never saw. One list for the kernel worker (lockdown.ts) and
 * for WASM's pthread workers (src/build/pthread-lockdown.ts writes it into their script), so the
 * two cannot drift apart. Names a browser does not have are skipped. No imports: the build
 * plugin reads this file in Node.
 */
export const BLOCKED_GLOBALS: readonly string[] = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
  'indexedDB',
  'caches',
  'BroadcastChannel',
  // Chromium's old FileSystem API, still exposed in workers.
  'webkitRequestFileSystem',
  'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL',
];

/**
 * On navigator: storage (the Origin Private File System, estimates), locks (a channel to every
 * context of the origin), serviceWorker, sendBeacon (the network; only on Window's navigator).
 */
export const BLOCKED_ON_NAVIGATOR: readonly string[] = ['storage', 'locks', 'serviceWorker', 'sendBeacon'];
