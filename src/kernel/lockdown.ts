/**
 * Defense in depth for the kernel worker. The worker already runs in an opaque origin (a
 * sandboxed iframe without allow-same-origin) under a strict CSP, so the site's storage and
 * other origins are out of reach; after the backend has started we also remove the network,
 * storage and nested-worker APIs from the worker's global scope, so cell code fails fast
 * with a clear message instead of probing them.
 */
const BLOCKED = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'Worker', 'SharedWorker', 'indexedDB', 'caches', 'BroadcastChannel'];

export function lockDownGlobals(global: object): string[] {
  const removed: string[] = [];
  for (const name of BLOCKED) {
    // The API may live on the global object or on any of its prototypes.
    for (let obj: object | null = global; obj !== null; obj = Object.getPrototypeOf(obj) as object | null) {
      const desc = Object.getOwnPropertyDescriptor(obj, name);
      if (!desc) continue;
      if (desc.configurable) {
        delete (obj as Record<string, unknown>)[name];
        removed.push(name);
      } else if (desc.writable) {
        (obj as Record<string, unknown>)[name] = undefined;
        removed.push(name);
      }
    }
  }
  return removed;
}
