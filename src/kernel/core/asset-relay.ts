/**
 * The kernel's assets (the book's datasets): every `loadAsset` of the library becomes an
 * `asset-request` to the page and waits for the matching `asset-response`. The sandboxed kernel
 * cannot fetch; the page checks the path against the book's datasets, fetches, caches (Cache
 * Storage) and transfers the bytes (src/kernel/page/client.ts). Like the storage relay, this
 * class has no Worker APIs: the kernel owns it, the worker installs it with setAssetLoader, and
 * Node tests answer its requests directly.
 */
import type { AssetRequest, AssetResponse } from '../protocol';

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

export class AssetRelay {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `send` posts a request to the page. */
  constructor(private readonly send: (request: AssetRequest) => void) {}

  /** Asks the page for one of the book's assets. */
  request(path: string): Promise<Uint8Array> {
    const requestId = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.send({ type: 'asset-request', requestId, path });
    });
  }

  /** Settles the request the page answered (unknown ids: a request already settled). */
  handle(response: AssetResponse): void {
    const p = this.pending.get(response.requestId);
    if (!p) return;
    this.pending.delete(response.requestId);
    if (response.bytes) p.resolve(response.bytes);
    else p.reject(new Error(response.error ?? 'the asset could not be loaded'));
  }

  /** How many requests wait for the page (for tests). */
  get waiting(): number {
    return this.pending.size;
  }
}
